"""The loader on real LadybugDB files: idempotent, edits replace, remove sweeps, failures change nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from benchmarks import synthetic_records as synthetic
from policykg.core.errors import StoreError
from policykg.graph import ids, loader, rows, writes
from policykg.graph.export import graph_data
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load, remove
from policykg.graph.stats import stats


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LadybugStore]:
    with LadybugStore(tmp_path / "graph.lbug") as s:
        yield s


def docs() -> list:
    return [
        synthetic.extraction("a.txt", place="宁远县"),
        synthetic.extraction("b.txt", place="宁远县", seed=1),
        synthetic.extraction("c.txt", place="营口市鲅鱼圈区"),
    ]


def test_reingesting_changes_nothing(store: LadybugStore) -> None:
    first = load(store, docs())
    assert sorted(first.added) == ["a.txt", "b.txt", "c.txt"]
    before = graph_data(store)
    second = load(store, docs())
    assert sorted(second.unchanged) == ["a.txt", "b.txt", "c.txt"]
    assert not second.added and not second.replaced and not second.nodes
    assert graph_data(store) == before


def test_units_and_instruments_are_shared_with_mentions_on_relationships(store: LadybugStore) -> None:
    load(store, docs())
    rows_ = store.read(
        "MATCH (u:Unit {name: '宁远县司法局'})-[r]->(m:Measure) "
        "RETURN DISTINCT m.source AS source, r.mention AS mention"
    )
    assert {r["source"] for r in rows_} == {"a.txt", "b.txt"}
    assert {r["mention"] for r in rows_} == {"县司法局"}
    assert store.read("MATCH (u:Unit {name: '宁远县司法局'}) RETURN count(u) AS n") == [{"n": 1}]
    titles = store.read("MATCH (i:Instrument) RETURN i.title AS t, count(*) AS n")
    assert all(r["n"] == 1 for r in titles)


def test_units_sit_in_their_jurisdiction_chain(store: LadybugStore) -> None:
    load(store, docs())
    chain = store.read(
        "MATCH (u:Unit {name: '营口市鲅鱼圈区司法局'})-[:`IN`]->(c:Jurisdiction)-[:`IN`]->(m:Jurisdiction)"
        "-[:`IN`]->(p:Jurisdiction) "
        "RETURN u.jurisdiction AS j, c.name AS c, m.name AS m, p.name AS p, p.level AS l"
    )
    assert chain == [{"j": "营口市鲅鱼圈区", "c": "鲅鱼圈区", "m": "营口市", "p": "辽宁省", "l": "province"}]


def test_an_edited_document_replaces_its_subgraph(store: LadybugStore) -> None:
    load(store, docs())
    before = stats(store)
    edited = synthetic.extraction("a.txt", place="宁远县", edit="修订:")
    report = load(store, [edited])
    assert report.replaced == ["a.txt"]
    texts = store.read("MATCH (m:Measure {source: 'a.txt'}) RETURN m.text AS t")
    assert len(texts) == 12 and all(r["t"].startswith("修订:") for r in texts)
    assert stats(store) == before

    shorter = synthetic.extraction("a.txt", place="宁远县", sections=1, measures_per_section=2)
    load(store, [shorter])
    assert store.read("MATCH (m:Measure {source: 'a.txt'}) RETURN count(m) AS n") == [{"n": 2}]
    assert store.read("MATCH (s:Section {source: 'a.txt'}) RETURN count(s) AS n") == [{"n": 1}]


def test_remove_deletes_the_document_and_what_only_it_used(store: LadybugStore) -> None:
    load(store, docs())
    assert remove(store, "c.txt")
    assert not remove(store, "c.txt")
    assert store.read("MATCH (n) WHERE n.source = 'c.txt' RETURN count(n) AS n") == [{"n": 0}]
    assert store.read("MATCH (u:Unit) WHERE u.jurisdiction = '营口市鲅鱼圈区' RETURN count(u) AS n") == [{"n": 0}]
    assert store.read("MATCH (j:Jurisdiction) WHERE j.name IN ['辽宁省', '营口市'] RETURN count(j) AS n") == [{"n": 0}]
    assert store.read("MATCH (u:Unit {name: '宁远县司法局'}) RETURN count(u) AS n") == [{"n": 1}]
    for source in ("a.txt", "b.txt"):
        remove(store, source)
    assert stats(store) == {
        "nodes": dict.fromkeys(stats(store)["nodes"], 0),
        "relationships": dict.fromkeys(stats(store)["relationships"], 0),
    }


def test_removing_then_reloading_gives_the_same_graph(store: LadybugStore) -> None:
    load(store, docs())
    before = graph_data(store)
    remove(store, "b.txt")
    load(store, docs())
    assert graph_data(store) == before


def test_a_failure_while_building_rows_writes_nothing(store: LadybugStore, monkeypatch: Any) -> None:
    load(store, docs()[:1])
    before = graph_data(store)
    calls = {"n": 0}
    real = rows._add_measure

    def fail_half_way(*args: Any, **kwargs: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 20:
            raise RuntimeError("injected failure in the middle of a document")
        return real(*args, **kwargs)

    monkeypatch.setattr(rows, "_add_measure", fail_half_way)
    with pytest.raises(RuntimeError, match="injected"):
        load(store, [synthetic.extraction("a.txt", edit="x"), *docs()[1:]])
    assert graph_data(store) == before


@pytest.mark.parametrize("edited", [False, True], ids=["new document", "edited document"])
def test_a_failure_inside_the_transaction_leaves_the_store_as_before(
    store: LadybugStore, monkeypatch: Any, edited: bool
) -> None:
    load(store, docs()[:2])
    before = graph_data(store)
    real = writes.create_rels

    def broken_rels(dialect: Any, key: Any, rel_rows: Any) -> list:
        # After the old subgraph is deleted and the new nodes are copied: a relationship to a measure
        # that does not exist makes LadybugDB fail the COPY half-way through the transaction.
        if key[0] == "LEADS":
            rel_rows = [*rel_rows, {"src": rel_rows[0]["src"], "dst": "mea:missing", "mention": "x"}]
        return real(dialect, key, rel_rows)

    monkeypatch.setattr(writes, "create_rels", broken_rels)
    batch = [synthetic.extraction("a.txt", edit="改") if edited else synthetic.extraction("new.txt")]
    with pytest.raises(StoreError):
        load(store, batch)
    assert graph_data(store) == before


def test_store_write_rolls_back_when_the_statements_fail_to_come(store: LadybugStore) -> None:
    def statements() -> Iterator[tuple[str, dict]]:
        yield "CREATE (:Instrument {id: 'inst:x', title: 'x', kind: ''})", {}
        raise RuntimeError("the caller failed")

    with pytest.raises(RuntimeError):
        store.write(statements())
    assert store.read("MATCH (i:Instrument) RETURN count(i) AS n") == [{"n": 0}]


def test_bulk_path_copies_and_never_merges_nodes(store: LadybugStore, monkeypatch: Any) -> None:
    seen: list[str] = []
    real_write = store.write

    def recording_write(statements: Any) -> None:
        statements = list(statements)
        seen.extend(cypher for cypher, _ in statements)
        real_write(statements)

    monkeypatch.setattr(store, "write", recording_write)
    load(store, synthetic.corpus(20))
    assert any(c.startswith("COPY Measure") for c in seen)
    assert not any(re.search(r"MERGE \(\w*:", c) for c in seen)  # no node MERGE (INGESTED_AS merges a link)


def test_a_cited_document_is_linked_as_ingested(store: LadybugStore) -> None:
    load(store, docs())
    assert stats(store)["relationships"]["INGESTED_AS"] == 0
    law = synthetic.extraction("law.txt", title="中华人民共和国行政处罚法")
    load(store, [law])
    linked = store.read("MATCH (i:Instrument)-[:INGESTED_AS]->(d:Document) RETURN i.title AS t, d.source AS s")
    assert linked == [{"t": "中华人民共和国行政处罚法", "s": "law.txt"}]
    load(store, [law])
    assert stats(store)["relationships"]["INGESTED_AS"] == 1


def test_repeated_heading_paths_get_distinct_ids(store: LadybugStore) -> None:
    doc = synthetic.extraction("dup.txt", sections=1, measures_per_section=2)
    twice = replace(doc, measures=doc.measures + doc.measures, sections=doc.sections + doc.sections)
    load(store, [twice])
    assert store.read("MATCH (m:Measure) RETURN count(m) AS n") == [{"n": 4}]
    assert ids.measure_id("dup.txt", "一/1", 1) != ids.measure_id("dup.txt", "一/1", 2)


def test_sources_lists_the_documents(store: LadybugStore) -> None:
    load(store, docs())
    assert loader.sources(store) == ["a.txt", "b.txt", "c.txt"]


def test_similar_pairs_are_replaced_as_a_whole(store: LadybugStore) -> None:
    load(store, docs())
    a, b, c = (r["id"] for r in store.read("MATCH (m:Measure) RETURN m.id AS id ORDER BY id LIMIT 3"))
    assert loader.replace_similar(store, [(a, b, 0.9), (a, c, 0.8)]) == 2
    assert loader.replace_similar(store, [(b, c, 0.75)]) == 1
    assert store.read("MATCH (x)-[r:SIMILAR_TO]->(y) RETURN x.id AS x, y.id AS y, r.score AS s") == [
        {"x": b, "y": c, "s": 0.75}
    ]
    before = graph_data(store)
    with pytest.raises(StoreError):
        loader.replace_similar(store, [(a, "mea:missing", 0.5)])
    assert graph_data(store) == before
