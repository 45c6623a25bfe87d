"""Score an extraction against a hand-checked answer in the contract's JSON shape.

Compared as sets, per aspect:
  measures      (path, number)
  units         (path, role, mention, collective)        — the (measure, role, unit) triples
  instruments   (path, mention)
  articles      (path, mention, article)                 — citations that name an article
  deadlines     (path, text)
  deadline_kinds (path, text, kind, date)                — dated, recurring or ongoing, and the date
  fields        (field, value) of the document: title, kind, jurisdiction, doc_number, issued, period
  warnings      (kind, n-th of that kind)
Mentions and paths are compared after punctuation normalisation, so a full-width bracket in one and an ASCII
one in the other still agree. `BASIC` is what the seed golden file has; `FULL` is every aspect.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from policykg.ingest.clean import normalise

BASIC = ("measures", "units", "instruments", "deadlines")
FULL = (*BASIC, "articles", "deadline_kinds", "fields", "warnings")
FIELDS = ("title", "kind", "jurisdiction", "doc_number", "issued", "period")


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


def _mention(text: str) -> str:
    return normalise(text).replace("—", "-")


def _items(contract: dict[str, Any], aspect: str) -> Iterable[tuple[Any, ...]]:
    if aspect == "fields":
        document = contract.get("document", {})
        yield from ((name, normalise(str(document.get(name, "")))) for name in FIELDS)
        return
    if aspect == "warnings":
        counts = Counter(w["kind"] for w in contract.get("warnings", []))
        yield from ((kind, n) for kind, total in counts.items() for n in range(total))
        return
    # The same path can occur twice (a repeated item number): count occurrences so both are kept.
    seen: Counter[str] = Counter()
    for m in contract["measures"]:
        path = _path(m)
        seen[path] += 1
        if seen[path] > 1:
            path = f"{path}#{seen[path]}"
        if aspect == "measures":
            yield (path, normalise(m["number"]))
        elif aspect == "units":
            for u in m.get("units", []):
                yield (path, u["role"], normalise(u["mention"]), bool(u.get("collective", False)))
        elif aspect == "instruments":
            for i in m.get("instruments", []):
                yield (path, _mention(i["mention"]))
        elif aspect == "articles":
            for i in m.get("instruments", []):
                if i.get("article"):
                    yield (path, _mention(i["mention"]), normalise(i["article"]))
        elif aspect == "deadlines":
            for d in m.get("deadlines", []):
                yield (path, normalise(d["text"]))
        elif aspect == "deadline_kinds":
            for d in m.get("deadlines", []):
                yield (path, normalise(d["text"]), d.get("kind", "dated"), d.get("date", ""))


def score(expected: dict[str, Any], actual: dict[str, Any], aspects: Sequence[str] = BASIC) -> dict[str, Score]:
    return {aspect: _score(set(_items(expected, aspect)), set(_items(actual, aspect))) for aspect in aspects}
