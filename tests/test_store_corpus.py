"""The seed corpus end to end: extract, load twice, and the counts the issue asks for."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.stats import stats
from policykg.ingest.pipeline import extract_file
from tests.corpus import CORPUS, NOT_FOUND

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=NOT_FOUND)


def test_corpus_loads_idempotently_with_one_relationship_per_mention(tmp_path: Path) -> None:
    extractions = [extract_file(path) for path in sorted(CORPUS.glob("*.txt"))]
    roles = Counter(u.role for e in extractions for m in e.measures for u in m.units)
    with LadybugStore(tmp_path / "corpus.lbug") as store:
        load(store, extractions)
        first = stats(store)
        report = load(store, extractions)
        assert len(report.unchanged) == 4 and not report.added and not report.replaced
        assert stats(store) == first

        assert first["nodes"]["Document"] == 4
        assert first["nodes"]["Measure"] == 201
        assert first["relationships"]["LEADS"] == roles["lead"]  # one per 牵头 mention
        assert first["relationships"]["RESPONSIBLE_FOR"] == roles["responsible"]  # one per 责任单位 mention
        assert first["relationships"]["PARTICIPATES_IN"] == roles["participate"]

        # The hand-checked extraction of one document: every 责任单位 mention is a relationship.
        expected = json.loads((CORPUS / "expected" / "002_a710a6335c69e98a.json").read_text(encoding="utf-8"))
        mentions = sum(1 for m in expected["measures"] for u in m["units"] if u["role"] == "responsible")
        rows = store.read(
            "MATCH (:Unit)-[r:RESPONSIBLE_FOR]->(m:Measure {source: $s}) RETURN count(r) AS n",
            {"s": "002_a710a6335c69e98a.txt"},
        )
        assert rows == [{"n": mentions}]
