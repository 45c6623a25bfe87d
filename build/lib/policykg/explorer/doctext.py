"""A document as the store keeps it: its text with the spans to highlight, its outline and its measures.

Every span is read from the graph (named queries document_text, document_spans, document_outline): the
offsets the extractor found, stored on the role and CITES relationships and on each measure, into the
text kept on the Document node. Nothing here extracts again or searches the text for a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from policykg.core.vocabulary import ROLES
from policykg.graph.store import GraphStore, Row
from policykg.queries.catalog import run_named

SpanLabel = str  # lead | participate | responsible | instrument | deadline


@dataclass(frozen=True)
class HighlightSpan:
    start: int
    end: int
    label: SpanLabel


@dataclass(frozen=True)
class DocumentText:
    text: str
    spans: tuple[HighlightSpan, ...]
    unplaced: int = 0  # stored spans that do not lie in the text (a store edited by hand): not drawn


@dataclass(frozen=True)
class OutlineEntry:
    path: str
    heading: str
    is_measure: bool

    @property
    def depth(self) -> int:
        return self.path.count("/")


@dataclass(frozen=True)
class StoredMeasure:
    measure_id: str
    path: str
    heading: str
    deadline_text: str
    units: tuple[tuple[str, str, str], ...]  # (role, mention, unit name), in text order
    instruments: tuple[str, ...]  # mentions, in text order


def document_text(store: GraphStore, source: str) -> DocumentText:
    """The document's text with every unit, instrument and deadline span the store holds for it."""
    found = run_named(store, "document_text", source=source)
    text = str(found[0]["text"] or "") if found else ""
    rows = run_named(store, "document_spans", source=source)
    spans = [HighlightSpan(r["span_start"], r["span_end"], r["label"]) for r in rows]
    for row in run_named(store, "document_outline", source=source):
        spans += [HighlightSpan(s, e, "deadline") for s, e in _pairs(row)]
    placed = _placed(spans, len(text))
    return DocumentText(text, placed, unplaced=len(set(spans)) - len(placed))


def outline(store: GraphStore, source: str) -> list[OutlineEntry]:
    """Sections and measures of a document in the order of its text."""
    return [
        OutlineEntry(r["path"] or "", r["heading"] or "", r["kind"] == "measure")
        for r in run_named(store, "document_outline", source=source)
    ]


def stored_measures(store: GraphStore, source: str) -> list[StoredMeasure]:
    """The document's measures in text order, each with its units by role and the instruments it cites."""
    units: dict[str, list[tuple[str, str, str]]] = {}
    cited: dict[str, list[str]] = {}
    for row in run_named(store, "document_spans", source=source):
        if row["label"] in ROLES:
            units.setdefault(row["measure_id"], []).append((row["label"], row["mention"] or "", row["name"] or ""))
        elif row["measure_id"]:
            cited.setdefault(row["measure_id"], []).append(row["mention"] or "")
    return [
        StoredMeasure(
            measure_id=r["measure_id"],
            path=r["path"] or "",
            heading=r["heading"] or "",
            deadline_text=r["deadline_text"] or "",
            units=tuple(units.get(r["measure_id"], ())),
            instruments=tuple(cited.get(r["measure_id"], ())),
        )
        for r in run_named(store, "document_outline", source=source)
        if r["kind"] == "measure"
    ]


def _pairs(row: Row) -> list[tuple[int, int]]:
    return list(zip(row["deadline_starts"] or [], row["deadline_ends"] or [], strict=True))


def _placed(spans: Iterable[HighlightSpan], length: int) -> tuple[HighlightSpan, ...]:
    """The spans that lie in the text, in text order, once each."""
    inside = {s for s in spans if s.start is not None and s.end is not None and 0 <= s.start < s.end <= length}
    return tuple(sorted(inside, key=lambda s: (s.start, s.end, s.label)))
