"""Workload and overlap analytics on the project corpus (samples/, counts read off the texts by hand):
co-leading, busiest units, near-duplicates written
back as SIMILAR_TO, the co-assignment graph, GraphML, and `policykg overlap`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from policykg.cli.main import main
from policykg.graph import ids
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.records import Extraction
from policykg.queries import overlap, similarity
from policykg.queries.catalog import run_named
from tests.corpus import SUICHANG, YUHU


@pytest.fixture
def writable_store(tmp_path: Path, corpus_extractions: list[Extraction]) -> Iterator[LadybugStore]:
    with LadybugStore(tmp_path / "overlap.lbug") as store:
        load(store, corpus_extractions)
        yield store


def test_co_leading_units_read_off_the_plan(corpus_store: LadybugStore) -> None:
    rows = overlap.co_leading(corpus_store, limit=3)
    # 遂昌县: 县政府办 and 县司法局 are both 牵头单位 of items 8 9 21, 县委组织部 and 县司法局 of 2 22; every
    # other pair of the corpus leads one measure together.
    assert rows[0] == {
        "unit_a": "遂昌县人民政府办公室",
        "unit_b": "遂昌县司法局",
        "jurisdiction": "遂昌县",
        "measures": 3,
    }
    assert (rows[1]["unit_a"], rows[1]["unit_b"], rows[1]["measures"]) == ("遂昌县司法局", "遂昌县委组织部", 2)
    assert rows[2]["measures"] == 1
    assert [r["measures"] for r in rows] == sorted((r["measures"] for r in rows), reverse=True)


def test_busiest_units_by_role(corpus_store: LadybugStore) -> None:
    by_role = overlap.busiest_by_role(corpus_store, limit=3)
    assert (by_role["lead"][0]["unit"], by_role["lead"][0]["measures"]) == ("遂昌县司法局", 15)
    assert (by_role["responsible"][0]["unit"], by_role["responsible"][0]["measures"]) == ("湘潭市雨湖区司法局", 17)
    # 遂昌县财政局 joins 4 measures; 松阳县司法局, 遂昌县公安局 and 遂昌县司法局 3 each: ties are broken by name
    # (松 before 遂, 公 before 司), so the order is the same on every backend and every run.
    assert [(r["unit"], r["measures"]) for r in by_role["participate"]] == [
        ("遂昌县财政局", 4), ("松阳县司法局", 3), ("遂昌县公安局", 3)
    ]  # fmt: skip
    assert not any("各" in r["unit"] for rows in by_role.values() for r in rows)  # no collective groups


def test_shared_measures_of_two_units(corpus_store: LadybugStore) -> None:
    rows = overlap.shared(corpus_store, ["湘潭市雨湖区司法局"], ["湘潭市雨湖区人民政府办公室"])
    assert sorted(int(r["number"]) for r in rows) == [7, 8, 19]
    assert {(r["role_a"], r["role_b"]) for r in rows} == {("responsible", "responsible")}


def test_comparable_text_drops_number_and_clause() -> None:
    text = "22.健全行政决策制度。坚持科学决策。(牵头单位:县政府办、县司法局;参加单位:各乡镇(街道))"
    assert similarity.comparable_text(text) == "健全行政决策制度。坚持科学决策。"
    assert similarity.comparable_text("9.完善制度。牵头单位:县司法局;参加单位:县政府其他有关部门") == "完善制度。"
    own_lines = "16、完善制度。\n牵头单位：县司法局　　配合单位：县财政局\n完成时限：2026年底前"
    assert similarity.comparable_text(own_lines) == "完善制度。"
    assert similarity.comparable_text("3、完善制度。\n协办单位：县财政局") == "完善制度。"


def test_near_duplicates_across_documents_only_and_capped() -> None:
    task = "推进行政复议体制改革,整合行政复议职责,畅通行政复议渠道。"
    ids = ["a1", "a2", "b1", "c1", "d1"]
    documents = ["A", "A", "B", "C", "D"]
    texts = [
        f"1.{task}(牵头单位:县司法局)",
        f"2.{task}",
        f"5.{task}(责任单位:区司法局)",
        f"3.{task}",
        "加强民法典宣传。",
    ]
    pairs = similarity.near_duplicates(ids, documents, texts, threshold=0.9, per_measure=5)
    assert {(p.measure_a, p.measure_b) for p in pairs} == {
        ("a1", "b1"), ("a1", "c1"), ("a2", "b1"), ("a2", "c1"), ("b1", "c1"),
    }  # fmt: skip
    assert all(p.score == 1.0 for p in pairs)
    capped = similarity.near_duplicates(ids, documents, texts, threshold=0.9, per_measure=1)
    assert len(capped) < len(pairs)


def test_the_lsh_path_finds_true_near_duplicates_for_every_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = [
        "推进行政复议体制改革,整合行政复议职责,畅通行政复议渠道,提升行政复议公信力。",
        "加强行政应诉工作,落实行政机关负责人出庭应诉制度,支持法院依法受理和审理行政案件。",
        "深入推进政务公开,完善政府信息公开制度,依申请公开办理规范化。",
    ]
    ids, documents, texts = [], [], []
    for d in range(6):
        for t, task in enumerate(tasks):
            ids.append(f"m{d}-{t}")
            documents.append(f"doc{d}")
            texts.append(task if d % 2 else task.replace(",", "。", 1))
    exact = similarity.near_duplicates(ids, documents, texts, threshold=0.8)
    monkeypatch.setattr(similarity, "EXACT_LIMIT", 0)
    banded = similarity.near_duplicates(ids, documents, texts, threshold=0.8)
    # Banding links a repeated task as a chain, not all pairs: fewer pairs, all of them true ones, and
    # every measure that has a near-duplicate still gets one.
    assert exact and set(banded) <= set(exact)
    assert {m for p in banded for m in (p.measure_a, p.measure_b)} == {
        m for p in exact for m in (p.measure_a, p.measure_b)
    }


def test_near_duplicates_are_written_back_and_replaced(writable_store: LadybugStore) -> None:
    rows = overlap.near_duplicates(writable_store)
    assert rows and all(r["source_a"] != r["source_b"] for r in rows)
    # 遂昌县 item 16 repeats 雨湖区 item 14 word for word (only the clause differs): the closest pair.
    assert {rows[0]["source_a"], rows[0]["source_b"]} == {YUHU, SUICHANG} and rows[0]["score"] == 1.0
    assert rows[0]["heading_a"] == rows[0]["heading_b"] == "发挥行政复议化解行政争议主渠道作用"
    assert all(r["score"] >= similarity.DEFAULT_THRESHOLD for r in rows)
    count = writable_store.read("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n")
    assert overlap.near_duplicates(writable_store) == rows  # recomputed and replaced, not added
    assert writable_store.read("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n") == count
    overlap.near_duplicates(writable_store, threshold=0.99)  # only the pair written alike
    assert writable_store.read("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n") == [{"n": 1}]
    unwritten = overlap.near_duplicates(writable_store, threshold=0.3, write=False, limit=5)
    assert len(unwritten) == 5 and unwritten[0]["heading_a"] == rows[0]["heading_a"]
    assert writable_store.read("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n") == [{"n": 1}]


def test_co_assignment_graph_centrality_and_graphml(corpus_store: LadybugStore, tmp_path: Path) -> None:
    graph = overlap.co_assignment_graph(corpus_store)
    assert "遂昌县司法局" in graph and "遂昌县直各单位" not in graph  # collective groups left out
    assert graph["遂昌县人民政府办公室"]["遂昌县司法局"]["weight"] == 4  # items 3 8 9 21
    assert not nx.has_path(graph, "遂昌县司法局", "松阳县司法局")  # no measure spans two places
    assert not nx.has_path(graph, "遂昌县司法局", "湘潭市雨湖区司法局")
    rows = overlap.centrality(graph)
    assert rows == overlap.centrality(graph)  # seeded: the same communities every run
    # Each county's 司法局 shares measures with most units of its county: the hub of its component.
    degree = {r["unit"]: r["degree"] for r in rows}
    assert {u: degree[u] for u in ("遂昌县司法局", "松阳县司法局", "湘潭市雨湖区司法局")} == {
        "遂昌县司法局": 17, "松阳县司法局": 12, "湘潭市雨湖区司法局": 12
    }  # fmt: skip
    assert max(degree.values()) == 17
    assert rows[0]["unit"] in {"遂昌县司法局", "松阳县司法局", "湘潭市雨湖区司法局"}
    assert {r["community"] for r in rows} >= {1, 2}
    path = overlap.write_graphml(graph, tmp_path / "out" / "units.graphml")
    again = nx.read_graphml(path)
    assert again.number_of_edges() == graph.number_of_edges()
    assert again.nodes["遂昌县司法局"]["lead"] == 15


def test_overlap_command(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    corpus_extractions: list[Extraction],
) -> None:
    store_file = tmp_path / "cli.lbug"
    with LadybugStore(store_file) as store:
        load(store, corpus_extractions)
    graphml = tmp_path / "units.graphml"
    args = ["policykg", "overlap", "--store", str(store_file), "--format", "json", "--graphml", str(graphml)]
    monkeypatch.setattr("sys.argv", args)
    main()
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["co_leading"][0]["measures"] == 3
    assert report["busiest"]["responsible"][0]["unit"] == "湘潭市雨湖区司法局"
    assert report["near_duplicates"] and report["centrality"]
    assert graphml.exists() and f"wrote {graphml}" in err
    monkeypatch.setattr("sys.argv", ["policykg", "overlap", "--store", str(store_file), "--no-similar"])
    main()
    out, _ = capsys.readouterr()
    assert "共同牵头最多的单位" in out and "遂昌县人民政府办公室" in out
    with LadybugStore(store_file, read_only=True) as store:
        shown = report["near_duplicates"]  # the first --limit pairs, best first
        assert run_named(store, "similar_measures", limit=len(shown)) == shown


def test_the_co_leading_graph_uses_lead_roles_only(corpus_store: LadybugStore) -> None:
    leads = overlap.co_assignment_graph(corpus_store, ["lead"], min_shared=2)
    assert leads["遂昌县人民政府办公室"]["遂昌县司法局"]["weight"] == 3
    assert {tuple(sorted(edge)) for edge in leads.edges()} == {
        ("遂昌县人民政府办公室", "遂昌县司法局"), ("遂昌县司法局", "遂昌县委组织部")
    }  # fmt: skip
    assert all(data["weight"] >= 2 for _, _, data in leads.edges(data=True))
    pairs = {(r["unit_a"], r["unit_b"]) for r in overlap.co_leading(corpus_store, limit=1000) if r["measures"] >= 2}
    assert {tuple(sorted(edge)) for edge in leads.edges()} == pairs


@pytest.mark.parametrize("roles", [overlap.ROLES, ("lead",), ("participate", "responsible")])
def test_the_busiest_units_degrees_and_shared_work_match_the_whole_network(
    corpus_store: LadybugStore, roles: tuple[str, ...]
) -> None:
    """What the explorer reads from a few units' own measures is what the whole network says about them."""
    graph = overlap.co_assignment_graph(corpus_store, roles)
    top = overlap.busiest(corpus_store, roles, limit=12)
    assert [r["measures"] for r in top] == sorted((r["measures"] for r in top), reverse=True)
    names = [r["unit"] for r in top]
    degrees = [
        row
        for name in names
        for row in run_named(corpus_store, "unit_degree", unit_id=ids.unit_id(name), roles=list(roles))
    ]
    assert {r["unit"]: (r["degree"], r["weighted_degree"]) for r in degrees} == {
        u: (graph.degree(u), graph.degree(u, weight="weight")) for u in names if graph.degree(u)
    }
    cells = run_named(corpus_store, "co_assigned_among", units=names, roles=list(roles))
    assert cells and {(c["unit_a"], c["unit_b"]): c["measures"] for c in cells} == {
        tuple(sorted((a, b))): w for a, b, w in graph.subgraph(names).edges(data="weight")
    }
