"""The loader over Bolt (a real ArcadeDB server): same graph as LadybugDB, idempotent, removable."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import synthetic
from graph.bolt import BoltStore
from graph.export import graph_data
from graph.ladybug_store import LadybugStore
from graph.loader import load, remove
from graph.open import ensure_neo4j_schema
from graph.stats import stats

pytestmark = pytest.mark.bolt


def corpus() -> list:
    docs = synthetic.corpus(4, measures_per_document=8)
    # One document cites another by title: INGESTED_AS must appear on both backends.
    docs.append(synthetic.extraction("cites.txt", title="中华人民共和国行政处罚法"))
    return docs


def test_same_graph_as_ladybug(bolt_store: BoltStore, tmp_path: Path) -> None:
    ensure_neo4j_schema(bolt_store)
    load(bolt_store, corpus(), docs_per_transaction=2)
    with LadybugStore(tmp_path / "g.lbug") as ladybug:
        load(ladybug, corpus())
        assert stats(bolt_store) == stats(ladybug)
        assert graph_data(bolt_store) == graph_data(ladybug)
    assert stats(bolt_store)["relationships"]["INGESTED_AS"] == 1


def test_reload_edit_and_remove(bolt_store: BoltStore) -> None:
    ensure_neo4j_schema(bolt_store)
    docs = corpus()
    load(bolt_store, docs)
    before = graph_data(bolt_store)
    report = load(bolt_store, docs)
    assert report.unchanged and not report.added and not report.replaced
    assert graph_data(bolt_store) == before

    edited = synthetic.extraction(
        docs[0].source, place=synthetic.PLACES[0], sections=4, measures_per_section=2, edit="新"
    )
    assert load(bolt_store, [edited]).replaced == [docs[0].source]
    texts = bolt_store.read("MATCH (m:Measure {source: $s}) RETURN m.text AS t", {"s": docs[0].source})
    assert texts and all(r["t"].startswith("新") for r in texts)
    assert stats(bolt_store) == stats_of(before)

    assert remove(bolt_store, "cites.txt")
    assert stats(bolt_store)["nodes"]["Document"] == 4
    assert stats(bolt_store)["relationships"]["INGESTED_AS"] == 0


def stats_of(data: object) -> dict:
    from collections import Counter

    from graph.export import GraphData
    from graph.schema import LABELS, REL_TYPES

    assert isinstance(data, GraphData)
    nodes = Counter(n.label for n in data.nodes)
    rels = Counter(r.type for r in data.relationships)
    return {"nodes": {k: nodes[k] for k in LABELS}, "relationships": {k: rels[k] for k in REL_TYPES}}
