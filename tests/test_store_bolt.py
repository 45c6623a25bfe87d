"""The loader over Bolt (a real ArcadeDB server): same graph as LadybugDB, idempotent, removable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import synthetic_records as synthetic
from policykg.graph.bolt import BoltStore
from policykg.graph.export import graph_data
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load, remove
from policykg.graph.open import ensure_neo4j_schema
from policykg.graph.stats import stats
from tests.corpus import SAMPLE_FACTS, SAMPLES

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

    from policykg.graph.export import GraphData
    from policykg.graph.schema import LABELS, REL_TYPES

    assert isinstance(data, GraphData)
    nodes = Counter(n.label for n in data.nodes)
    rels = Counter(r.type for r in data.relationships)
    return {"nodes": {k: nodes[k] for k in LABELS}, "relationships": {k: rels[k] for k in REL_TYPES}}


def test_corpus_through_the_cli_matches_ladybug(
    bolt_database: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from policykg.cli.main import main

    uri = bolt_database.uri  # type: ignore[attr-defined]
    summaries, counts = [], []
    for store in (uri, uri, str(tmp_path / "corpus.lbug")):
        monkeypatch.setattr("sys.argv", ["policykg", "ingest", str(SAMPLES), "--store", store])
        main()
        summaries.append(capsys.readouterr().out)
        monkeypatch.setattr("sys.argv", ["policykg", "stats", "--format", "json", "--store", store])
        main()
        counts.append(json.loads(capsys.readouterr().out))
    assert "4 added" in summaries[0] and "0 added, 0 replaced, 4 unchanged" in summaries[1]
    assert counts[0] == counts[1] == counts[2]
    assert counts[0]["nodes"]["Measure"] == sum(facts["measures"] for facts in SAMPLE_FACTS.values())  # 77
    with BoltStore(uri) as bolt, LadybugStore(tmp_path / "corpus.lbug", read_only=True) as ladybug:
        assert graph_data(bolt) == graph_data(ladybug)
