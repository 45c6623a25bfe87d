"""The extractor on the project's own fixture corpus: every document matches its hand-checked expected
extraction exactly, aspect by aspect (measures, triples with roles and collective flags, instruments and
their articles, deadlines with their kind and date, document fields, warnings)."""

from __future__ import annotations

from functools import cache

import pytest

from benchmarks.scoring import FULL, score
from policykg.ingest.pipeline import extract_file
from tests.fixture_corpus import FixtureCase, fixture_cases

CASES = fixture_cases()


@cache
def contract(case: FixtureCase) -> dict:
    return extract_file(case.path).to_contract()


def test_the_corpus_covers_every_kind_of_document() -> None:
    suffixes = {case.path.suffix for case in CASES}
    assert {".txt", ".html", ".docx", ".xlsx"} <= suffixes
    assert len({case.expected_file for case in CASES}) >= 12
    assert all(case.path.is_file() for case in CASES), [c.name for c in CASES if not c.path.is_file()]


@pytest.mark.parametrize("aspect", FULL)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_extraction_matches_the_hand_checked_answer(case: FixtureCase, aspect: str) -> None:
    result = score(case.expected, contract(case), (aspect,))[aspect]
    assert (result.missing, result.extra) == ((), ()), (
        f"{case.name} {aspect}: missing {result.missing}, extra {result.extra}"
    )
