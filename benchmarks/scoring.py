"""Score an extraction against a hand-checked answer in the contract's JSON shape.

Compared as sets: measures by (path, number); responsibilities by (path, role, mention, collective);
citations by (path, mention); deadlines by (path, text). Mentions are compared after punctuation
normalisation, so a full-width bracket in one and an ASCII one in the other still agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from policykg.ingest.clean import normalise


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    missing: tuple[Any, ...]
    extra: tuple[Any, ...]


def _score(expected: set[Any], actual: set[Any]) -> Score:
    hits = len(expected & actual)
    precision = hits / len(actual) if actual else 1.0
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tuple(sorted(expected - actual)), tuple(sorted(actual - expected)))


def _path(measure: dict[str, Any]) -> str:
    return "/".join(normalise(p) for p in measure["path"])


def _items(contract: dict[str, Any], aspect: str) -> Iterable[tuple[Any, ...]]:
    for m in contract["measures"]:
        path = _path(m)
        if aspect == "measures":
            yield (path, normalise(m["number"]))
        elif aspect == "units":
            for u in m.get("units", []):
                yield (path, u["role"], normalise(u["mention"]), bool(u.get("collective", False)))
        elif aspect == "instruments":
            for i in m.get("instruments", []):
                yield (path, normalise(i["mention"]).replace("—", "-"))
        elif aspect == "deadlines":
            for d in m.get("deadlines", []):
                yield (path, normalise(d["text"]))


def score(expected: dict[str, Any], actual: dict[str, Any]) -> dict[str, Score]:
    return {
        aspect: _score(set(_items(expected, aspect)), set(_items(actual, aspect)))
        for aspect in ("measures", "units", "instruments", "deadlines")
    }
