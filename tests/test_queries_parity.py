"""Every named query gives the same rows on LadybugDB and over Bolt (the ArcadeDB test server), on the
project corpus with the same near-duplicate links written into both."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from policykg.graph import ids
from policykg.graph.bolt import BoltStore
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.schema import LABELS
from policykg.graph.store import Row
from policykg.ingest.records import Extraction
from policykg.queries.ask import ask
from policykg.queries.catalog import load_catalog, run_named
from policykg.queries.similarity import compute_similar, write_similar

pytestmark = [pytest.mark.bolt, pytest.mark.slow]

# Cases beyond each query's own example: other roles, empty answers, paths across jurisdictions.
EXTRA_CASES: list[tuple[str, dict[str, Any]]] = [
    ("unit_measures", {"units": ["遂昌县司法局", "湘潭市雨湖区司法局"]}),
    ("unit_measures", {"units": ["没有这个单位"]}),
    ("measure_units", {"number": "14"}),  # in three documents
    ("busiest_units", {"roles": ["responsible"], "collective": True, "limit": 50}),
    ("co_assigned_units", {"roles": ["responsible"]}),
    ("shortest_path", {"unit_a": "遂昌县司法局", "unit_b": "湘潭市雨湖区司法局"}),
    ("top_instruments", {"kind": "法律", "limit": 50}),
    ("document_instruments", {"source": "songyang_2026_shishifangan.txt", "kind": "规范性文件"}),
    ("section_measures", {"source": "longde_2025_niandubaogao.txt", "section": ""}),
    ("measures_due", {}),
    ("similar_measures", {"min_score": 0.0, "limit": 1000}),
    ("unit_neighbourhood", {"unit": "湘潭市雨湖区司法局", "roles": ["responsible"], "limit": 1000}),
    ("unit_mentions", {"units": ["遂昌县人民政府办公室", "湘潭市雨湖区司法局"]}),
    ("unit_search", {"text": ""}),
    ("co_assigned_among", {"units": ["遂昌县司法局", "遂昌县人民政府办公室", "遂昌县财政局"], "roles": ["lead"]}),
    ("unit_degree", {"unit_id": "unit:ac105ac214a49455", "roles": ["participate", "responsible"]}),  # 遂昌县司法局
    ("document_relationships_from", {"doc": ids.document_id("yuhu_2026_gongzuoyaodian.txt")}),
    ("document_relationships_to", {"doc": ids.document_id("yuhu_2026_gongzuoyaodian.txt"), "limit": 7}),  # cut
    ("document_relationships_from", {"doc": ids.document_id("没有这个文件.txt")}),
    ("relationships_from", {"label": "Unit", "ids": [ids.unit_id("遂昌县司法局")], "limit": 5}),  # cut
    ("relationships_to", {"label": "Instrument", "ids": [ids.instrument_id("行政处罚法")], "limit": 3}),
    ("document_search", {"text": ""}),
    ("units_by_name", {"text": "没有这个单位"}),
]

# A node of every label in the project corpus (samples/), by the ids graph/ids.py gives them: the label-taking queries
# (the explorer's graph reads) run for each label over all of them, and each finds its own.
SOURCE = "songyang_2026_shishifangan.txt"
NODE_IDS = {
    "Document": ids.document_id(SOURCE),
    "Section": ids.section_id(SOURCE, "二"),
    "Measure": ids.measure_id(SOURCE, "二/(一)/1"),
    "Unit": ids.unit_id("松阳县司法局"),
    "Instrument": ids.instrument_id("行政处罚法"),
    "Jurisdiction": ids.jurisdiction_id(("浙江省", "丽水市", "松阳县")),
}
LABEL_QUERIES = ("nodes_by_id", "relationships_from", "relationships_to", "relationships_among")
EXTRA_CASES += [(name, {"label": label, "ids": list(NODE_IDS.values())}) for name in LABEL_QUERIES for label in LABELS]


@pytest.fixture
def both(bolt_store: BoltStore, corpus_extractions: list[Extraction], tmp_path: Path) -> tuple[LadybugStore, BoltStore]:
    ladybug = LadybugStore(tmp_path / "parity.lbug")
    load(ladybug, corpus_extractions)
    load(bolt_store, corpus_extractions)
    pairs = compute_similar(ladybug)
    assert pairs, "the corpus has cross-document pairs above the default threshold"
    write_similar(ladybug, pairs)
    write_similar(bolt_store, pairs)
    yield ladybug, bolt_store
    ladybug.close()


def _plain(rows: list[Row]) -> list[Row]:
    return [{k: _value(v) for k, v in row.items()} for row in rows]


def _value(value: Any) -> Any:
    """Sums as ints (a Decimal on LadybugDB); a returned node or relationship as its properties: the keys
    each backend adds of its own (`_id`, `_labels`, `_type` over Bolt) differ by nature, and the explorer
    drops them. A returned Document node is compared without its text: LadybugDB keeps the texts beside
    the store (graph/texts.py), and the queries that give a text give it as a column."""
    if isinstance(value, Decimal):
        return int(value)
    if isinstance(value, dict):
        document = {"fingerprint", "text"} <= value.keys()
        return {k: _value(v) for k, v in value.items() if not str(k).startswith("_") and not (document and k == "text")}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def test_every_named_query_gives_the_same_rows_on_both_backends(both: tuple[LadybugStore, BoltStore]) -> None:
    ladybug, bolt = both
    cases = [(name, query.example) for name, query in load_catalog().items()] + EXTRA_CASES
    compared = set()
    for name, params in cases:
        on_ladybug = _plain(run_named(ladybug, name, **params))
        on_bolt = _plain(run_named(bolt, name, **params))
        assert on_ladybug == on_bolt, f"{name} {params}: LadybugDB and Bolt disagree"
        compared.add(name)
    assert compared == set(load_catalog())
    everything = list(NODE_IDS.values())
    for label, node_id in NODE_IDS.items():  # each label's lookup finds its node, and only that one
        assert [r["n"]["id"] for r in run_named(bolt, "nodes_by_id", label=label, ids=everything)] == [node_id]
    # The near-duplicate links make a path across jurisdictions, on both backends alike: 遂昌县司法局 leads
    # item 16, the same task as 雨湖区 item 14, for which 湘潭市雨湖区司法局 is responsible.
    path = run_named(bolt, "shortest_path", unit_a="遂昌县司法局", unit_b="湘潭市雨湖区司法局")
    assert path and path[0]["hops"] == 3


@pytest.mark.parametrize(
    "question",
    [
        "县司法局牵头哪些措施",
        "哪些措施引用了《重大行政决策程序暂行条例》",
        "县司法局和县政府办有哪些共同措施",
        "第22项措施由谁牵头",
    ],
)
def test_questions_get_the_same_answer_over_bolt(both: tuple[LadybugStore, BoltStore], question: str) -> None:
    ladybug, bolt = both
    on_ladybug, on_bolt = ask(ladybug, question), ask(bolt, question)
    assert on_ladybug["rows"] and _plain(on_ladybug["rows"]) == _plain(on_bolt["rows"])
    assert on_ladybug["params"] == on_bolt["params"]
    assert "type(" in on_bolt["cypher"] or on_bolt["cypher"] == on_ladybug["cypher"]
