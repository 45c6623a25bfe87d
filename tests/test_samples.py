"""The hand-made counts in samples/expected_counts.json agree with the sample texts (read with simple regexes),
so extraction tests can rely on them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.text_counts import DEADLINE, TARGET, clause_tails, count_measures, role_counts

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = json.loads((SAMPLES / "expected_counts.json").read_text(encoding="utf-8"))["documents"]


@pytest.fixture(params=sorted(EXPECTED), ids=lambda name: name.split("_")[0])
def sample(request: pytest.FixtureRequest) -> tuple[dict, str]:
    return EXPECTED[request.param], (SAMPLES / request.param).read_text(encoding="utf-8")


def test_every_sample_has_expected_counts() -> None:
    assert sorted(p.name for p in SAMPLES.glob("*.txt")) == sorted(EXPECTED)


def test_measures(sample: tuple[dict, str]) -> None:
    expected, text = sample
    assert count_measures(text) == expected["measures"]


def test_clauses_and_unit_mentions(sample: tuple[dict, str]) -> None:
    expected, text = sample
    markers = re.findall(r"责任单位[:：]|牵头单位[:：]|牵头[,，]|分别负责", text)
    assert len(markers) == expected["measures_with_clause"] == sum(expected["clause_forms"].values())
    assert dict(role_counts(text)) == {role: n for role, n in expected["unit_mentions"].items() if n}
    clauses = "\n".join(clause_tails(text))
    collectives = expected.get("collectives", [])
    assert sum(clauses.count(c) for c in collectives) == expected["collective_mentions"]
    for mention, roles in expected.get("mentions_of", {}).items():
        assert clauses.count(mention) == sum(roles.values())


def test_instruments_deadlines_targets(sample: tuple[dict, str]) -> None:
    expected, text = sample
    cited = expected["instruments_in_measures"] + expected["instruments_outside_measures"]
    marked = sum(c.get("count", 1) for c in cited if c["form"] != "unmarked")
    assert text.count("《") == marked
    for c in cited:
        assert c["mention"] in text
    assert DEADLINE.findall(text) == [d["text"] for d in expected["deadlines"]]
    assert len(TARGET.findall(text)) == len(expected["targets"])
    for t in expected["targets"]:
        assert t["text"] in text


def test_document_metadata_is_in_the_text(sample: tuple[dict, str]) -> None:
    expected, text = sample
    doc = expected["document"]
    assert doc["title"] in text
    assert all(issuer in text for issuer in doc["issuers"])
    assert doc["doc_number"] in text
    y, m, d = (int(x) for x in doc["issued"].split("-"))
    assert f"{y}年{m}月{d}日" in text
