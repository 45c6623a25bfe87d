"""The project's own fixture documents (tests/fixtures/documents) and their hand-checked expected extractions.

A document NAME.EXT has NAME.expected.json beside it; an expected file that lists `shapes` (one task table
written as docx, HTML, xlsx and flattened text) is the answer for each of those files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@dataclass(frozen=True)
class FixtureCase:
    path: Path
    expected_file: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def expected(self) -> dict[str, Any]:
        return _load(self.expected_file)


@cache
def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def fixture_cases() -> list[FixtureCase]:
    cases = []
    for expected_file in sorted(DOCUMENTS.glob("*.expected.json")):
        expected = _load(expected_file)
        shapes = expected.get("shapes") or [expected["source"]]
        cases += [FixtureCase(DOCUMENTS / shape, expected_file) for shape in shapes]
    return cases
