"""A document's text with the spans to highlight. Re-extracted (so every span is exact) from the text the
store keeps on the Document node, or else from its source file when one is found; a store without either
gets the text rebuilt from its Measure texts, with the spans found by mention."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policykg.core.errors import PolicyKGError, QueryError
from policykg.core.vocabulary import RELATIONSHIP_ROLE
from policykg.graph.store import GraphStore
from policykg.ingest.records import Extraction
from policykg.queries.text import path_key

SpanLabel = str  # lead | participate | responsible | instrument | deadline
REL_ROLE: dict[str, str] = dict(RELATIONSHIP_ROLE)


@dataclass(frozen=True)
class HighlightSpan:
    start: int
    end: int
    label: SpanLabel


@dataclass(frozen=True)
class DocumentText:
    text: str
    spans: tuple[HighlightSpan, ...]
    origin: str  # where the text came from, said on the page


@dataclass(frozen=True)
class StoredMeasure:
    path: str
    heading: str
    text: str
    deadline_text: str
    units: tuple[tuple[str, str, str], ...]  # (role, mention, unit name)
    instruments: tuple[str, ...]  # mentions


def find_source(source: str, doc_dirs: Iterable[Path]) -> Path | None:
    """The first file named `source` in the folders (searched recursively)."""
    for folder in doc_dirs:
        direct = folder / source
        if direct.is_file():
            return direct
        if folder.is_dir():
            found = next((p for p in folder.rglob(source) if p.is_file()), None)
            if found:
                return found
    return None


def from_extraction(extraction: Extraction, origin: str) -> DocumentText:
    spans: list[HighlightSpan] = []
    for measure in extraction.measures:
        spans += [HighlightSpan(*u.span, u.role) for u in measure.units]
        spans += [HighlightSpan(*i.span, "instrument") for i in measure.instruments]
        spans += [HighlightSpan(*d.span, "deadline") for d in measure.deadlines]
    spans += [HighlightSpan(*i.span, "instrument") for i in extraction.instruments]
    return DocumentText(extraction.text, _valid(spans, len(extraction.text)), origin)


def document_text(store: GraphStore, document_id: str, source: str, doc_dirs: Iterable[Path]) -> DocumentText:
    """The best text available for the document, with its highlights (see the module docstring)."""
    from policykg.ingest.pipeline import extract_file, extract_text

    measures = stored_measures(store, document_id)
    stored = _stored_text(store, document_id)
    if stored:
        extraction = _same_document(lambda: extract_text(stored, source), len(measures))
        if extraction:
            return from_extraction(extraction, "the text kept in the store")
    path = find_source(source, doc_dirs) if source else None
    if path is not None:
        extraction = _same_document(lambda: extract_file(path), len(measures))
        if extraction:
            return from_extraction(extraction, f"the source file {path}")
    return from_store(measures)


def _stored_text(store: GraphStore, document_id: str) -> str:
    try:
        rows = store.read("MATCH (d:Document) WHERE d.id = $id RETURN d.text AS text", {"id": document_id})
    except QueryError:  # a store written before Document.text existed
        return ""
    return str(rows[0]["text"] or "") if rows else ""


def _same_document(extract: Callable[[], Extraction], expected_measures: int) -> Extraction | None:
    """The extraction, if it still yields the ingested document (the same number of measures): a file
    edited since the ingest, or an extractor that changed, would put the spans in the wrong places."""
    try:
        extraction = extract()
    except PolicyKGError:
        return None
    return extraction if len(extraction.measures) == expected_measures else None


def from_store(measures: Sequence[StoredMeasure]) -> DocumentText:
    """The measures in outline order, one paragraph each, with their mentions located in their text."""
    parts: list[str] = []
    spans: list[HighlightSpan] = []
    offset = 0
    for m in sorted(measures, key=lambda m: path_key(m.path)):
        paragraph = f"[{m.path}] {m.text}\n\n"
        body = offset + len(f"[{m.path}] ")
        for role, mention, _ in m.units:
            at = m.text.rfind(mention)  # the responsibility clause closes the measure
            if mention and at >= 0:
                spans.append(HighlightSpan(body + at, body + at + len(mention), role))
        for mention in m.instruments:
            at = m.text.find(mention)
            if mention and at >= 0:
                spans.append(HighlightSpan(body + at, body + at + len(mention), "instrument"))
        at = m.text.find(m.deadline_text) if m.deadline_text else -1
        if at >= 0:
            spans.append(HighlightSpan(body + at, body + at + len(m.deadline_text), "deadline"))
        parts.append(paragraph)
        offset += len(paragraph)
    text = "".join(parts)
    return DocumentText(text, _valid(spans, len(text)), "the Measure texts in the store")


# A document's parts are walked from its key (Document.id is indexed; `document_id` on Section and Measure is
# not: matching on it reads the whole Measure table, 0.1 s a query at a million measures).
DOCUMENT_MEASURES = "MATCH (:Document {id: $doc})-[:HAS*1..2]->(m:Measure)"


def stored_measures(store: GraphStore, document_id: str) -> list[StoredMeasure]:
    rows = store.read(
        f"{DOCUMENT_MEASURES} "
        "RETURN m.id AS id, m.path AS path, m.heading AS heading, m.text AS text, m.deadline_text AS deadline",
        {"doc": document_id},
    )
    units: dict[str, list[tuple[str, str, str]]] = {}
    for rel, role in REL_ROLE.items():  # rel: from REL_ROLE only
        cypher = f"{DOCUMENT_MEASURES}<-[r:{rel}]-(u:Unit) RETURN m.id AS id, r.mention AS mention, u.name AS name"
        for row in store.read(cypher, {"doc": document_id}):
            units.setdefault(row["id"], []).append((role, row["mention"] or "", row["name"] or ""))
    cited: dict[str, list[str]] = {}
    cypher = f"{DOCUMENT_MEASURES}-[r:CITES]->(i:Instrument) RETURN m.id AS id, r.mention AS mention"
    for row in store.read(cypher, {"doc": document_id}):
        cited.setdefault(row["id"], []).append(row["mention"] or "")
    return [
        StoredMeasure(
            path=r["path"] or "",
            heading=r["heading"] or "",
            text=r["text"] or "",
            deadline_text=r["deadline"] or "",
            units=tuple(units.get(r["id"], ())),
            instruments=tuple(cited.get(r["id"], ())),
        )
        for r in rows
    ]


def _valid(spans: Iterable[HighlightSpan], length: int) -> tuple[HighlightSpan, ...]:
    unique = {(s.start, s.end, s.label) for s in spans if 0 <= s.start < s.end <= length}
    return tuple(HighlightSpan(*s) for s in sorted(unique))


@dataclass(frozen=True)
class OutlineEntry:
    path: str
    heading: str
    is_measure: bool

    @property
    def depth(self) -> int:
        return self.path.count("/")


def outline(store: GraphStore, document_id: str) -> list[OutlineEntry]:
    """Sections and measures of a document in outline order."""
    entries = [
        OutlineEntry(r["path"] or "", r["heading"] or "", label == "Measure")
        for label, pattern in (("Section", "-[:HAS]->(n:Section)"), ("Measure", "-[:HAS*1..2]->(n:Measure)"))
        for r in store.read(
            f"MATCH (:Document {{id: $doc}}){pattern} RETURN n.path AS path, n.heading AS heading", {"doc": document_id}
        )
    ]
    return sorted(entries, key=lambda e: path_key(e.path))
