"""A corpus end to end: extract, load twice, and the counts the issue asks for, on the project corpus with
its hand-made counts (samples/expected_counts.json) and, as acceptance, on the real seed documents."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.stats import stats
from policykg.ingest.pipeline import extract_file
from tests.corpus import CORPUS, PROJECT_FILES, SAMPLE_FACTS, YUHU, corpus_files, needs_corpus

REL_OF_ROLE = {"lead": "LEADS", "participate": "PARTICIPATES_IN", "responsible": "RESPONSIBLE_FOR"}


def test_project_corpus_loads_idempotently_with_one_relationship_per_mention(tmp_path: Path) -> None:
    extractions = [extract_file(path) for path in PROJECT_FILES]
    with LadybugStore(tmp_path / "corpus.lbug") as store:
        load(store, extractions)
        first = stats(store)
        report = load(store, extractions)
        assert len(report.unchanged) == len(SAMPLE_FACTS) and not report.added and not report.replaced
        assert stats(store) == first

        assert first["nodes"]["Document"] == len(SAMPLE_FACTS) == 4
        assert first["nodes"]["Measure"] == sum(f["measures"] for f in SAMPLE_FACTS.values()) == 77
        for role, rel in REL_OF_ROLE.items():  # one relationship per unit mention, counted by hand
            assert first["relationships"][rel] == sum(f["unit_mentions"][role] for f in SAMPLE_FACTS.values())
        for source, facts in SAMPLE_FACTS.items():
            for role, rel in REL_OF_ROLE.items():
                rows = store.read(
                    f"MATCH (:Unit)-[r:{rel}]->(m:Measure {{source: $s}}) RETURN count(r) AS n", {"s": source}
                )
                assert rows == [{"n": facts["unit_mentions"][role]}], (source, role)
        # 区政府办 and 区人民政府办公室 are one unit of 湘潭市雨湖区.
        office = store.read(
            "MATCH (u:Unit {name: '湘潭市雨湖区人民政府办公室'})-[r]->(m:Measure {source: $s}) RETURN count(r) AS n",
            {"s": YUHU},
        )
        assert office == [{"n": 4}]


@needs_corpus
def test_seed_corpus_loads_idempotently_with_one_relationship_per_mention(tmp_path: Path) -> None:
    extractions = [extract_file(path) for path in corpus_files()]
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
