"""Extraction -> graph rows: plain dicts per node label and per (type, from, to).

Pure: every backend loads these rows.

Node rows carry every property of their label in schema order; relationship rows carry `src` and `dst`
ids plus the type's properties.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policykg.graph import ids
from policykg.graph.jurisdictions import locate
from policykg.graph.schema import NODE_BY_LABEL, ROLE_REL, ROLE_UNIT_COUNT, SHARED_LABELS
from policykg.ingest.records import Extraction, InstrumentCitation, Measure, Section, Span

Row = dict[str, Any]
RelKey = tuple[str, str, str]  # (type, from label, to label)

_PROPERTY_NAMES = {table.label: dict.fromkeys(table.names) for table in NODE_BY_LABEL.values()}  # ordered


@dataclass
class GraphRows:
    nodes: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    rels: dict[RelKey, list[Row]] = field(default_factory=lambda: defaultdict(list))

    def add_node(self, label: str, **props: Any) -> str:
        names = _PROPERTY_NAMES[label]
        if not names.keys() >= props.keys():
            raise ValueError(f"{label} has no properties {sorted(props.keys() - names.keys())}")
        self.nodes[label].append({name: props.get(name, "") for name in names})
        return str(props["id"])

    def add_rel(self, key: RelKey, src: str, dst: str, **props: Any) -> None:
        self.rels[key].append({"src": src, "dst": dst, **props})

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes = {label: len(rows) for label, rows in self.nodes.items() if rows}
        rels: dict[str, int] = defaultdict(int)
        for (rel_type, _, _), rows in self.rels.items():
            rels[rel_type] += len(rows)
        return nodes, dict(rels)


def document_rows(extraction: Extraction) -> GraphRows:
    """The rows of one document: its own nodes (Document, Section, Measure), the shared ones it names
    (Unit, Instrument, Jurisdiction, deduplicated), and every relationship from them."""
    rows = GraphRows()
    doc = extraction.document
    source = extraction.source
    doc_id = ids.document_id(source)
    shared = _SharedNodes(rows, fallback_place=doc.jurisdiction)

    section_ids = _add_sections(rows, source, doc_id, extraction.sections)
    seen_paths: dict[str, int] = defaultdict(int)
    for measure in extraction.measures:
        path = ids.join_path(measure.path)
        seen_paths[path] += 1
        units = [(mention, shared.unit(mention.unit, mention.kind, mention.collective)) for mention in measure.units]
        counts = {role: len({unit for mention, unit in units if mention.role == role}) for role in ROLE_UNIT_COUNT}
        measure_id = ids.measure_id(source, path, seen_paths[path])
        _add_measure(rows, measure, source, doc_id, measure_id, counts)
        parent = _parent_section(section_ids, measure)
        if parent:
            rows.add_rel(("HAS", "Section", "Measure"), parent, measure_id)
        else:
            rows.add_rel(("HAS", "Document", "Measure"), doc_id, measure_id)
        for mention, unit in units:
            key = (ROLE_REL[mention.role], "Unit", "Measure")
            rows.add_rel(key, unit, measure_id, mention=mention.mention, **_span(mention.span))
        for citation in measure.instruments:
            instrument = shared.instrument(citation)
            key = ("CITES", "Measure", "Instrument")
            rows.add_rel(key, measure_id, instrument, mention=citation.mention, **_span(citation.span))

    for citation in extraction.instruments:
        instrument = shared.instrument(citation)
        key = ("CITES", "Document", "Instrument")
        rows.add_rel(key, doc_id, instrument, mention=citation.mention, **_span(citation.span))
    for issuer in dict.fromkeys(doc.issuers):
        rows.add_rel(("ISSUED_BY", "Document", "Unit"), doc_id, shared.unit(issuer, "", False))

    shared.flush()
    document = {
        "id": doc_id,
        "title": doc.title,
        "kind": doc.kind,
        "jurisdiction": doc.jurisdiction,
        "issued": doc.issued,
        "doc_number": doc.doc_number,
        "period": doc.period,
        "source": source,
        "text": extraction.text,
    }
    rows.add_node("Document", **document, fingerprint=fingerprint(rows, document))
    return rows


def fingerprint(rows: GraphRows, document: Row) -> str:
    """A hash of everything the document puts in the graph: equal fingerprints mean nothing to reload."""
    # Rows come out in a deterministic order for a given extraction, so no sorting is needed.
    payload = {
        "document": document,
        "nodes": sorted(rows.nodes.items()),
        "rels": sorted(rows.rels.items()),
    }
    blob = json.dumps(payload, ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def merge_rows(parts: Iterable[GraphRows]) -> GraphRows:
    """Many documents' rows as one batch; shared nodes named by several documents appear once."""
    merged = GraphRows()
    shared: dict[str, dict[str, Row]] = defaultdict(dict)
    for part in parts:
        for label, node_rows in part.nodes.items():
            if label in SHARED_LABELS:
                for row in node_rows:
                    _fill(shared[label], row)
            else:
                merged.nodes[label].extend(node_rows)
        for key, rel_rows in part.rels.items():
            merged.rels[key].extend(rel_rows)
    for label, by_id in shared.items():
        merged.nodes[label].extend(by_id.values())
    # Shared relationships (Unit-IN->Jurisdiction-IN->Jurisdiction) are repeated by every document.
    for key in list(merged.rels):
        if key[0] == "IN":
            merged.rels[key] = list({(r["src"], r["dst"]): r for r in merged.rels[key]}.values())
    return merged


def _fill(by_id: dict[str, Row], row: Row) -> None:
    """Keep one row per id; a later row only fills properties the first left empty (an issuer's kind)."""
    current = by_id.get(row["id"])
    if current is None:
        by_id[row["id"]] = dict(row)
        return
    for name, value in row.items():
        if current.get(name) in ("", None) and value not in ("", None):
            current[name] = value


class _SharedNodes:
    """Units, instruments and jurisdictions of one document, one row per id."""

    def __init__(self, rows: GraphRows, fallback_place: str) -> None:
        self.rows = rows
        self.fallback_place = fallback_place
        self.units: dict[str, Row] = {}
        self.instruments: dict[str, Row] = {}
        self.jurisdictions: dict[str, Row] = {}

    def unit(self, name: str, kind: str, collective: bool) -> str:
        unit_id = ids.unit_id(name)
        known = self.units.get(unit_id)
        if known is not None:
            if kind and not known["kind"]:
                known["kind"] = kind  # an issuer first seen without a kind, named by a measure later
            return unit_id
        # A name with no place in it (全区各部门) belongs to the document's jurisdiction.
        place = locate(name)
        if not place.chain:
            place = locate(self.fallback_place)
        self.units[unit_id] = {
            "id": unit_id,
            "name": name,
            "kind": kind,
            "jurisdiction": place.written,
            "collective": collective,
        }
        if place.chain:
            self.rows.add_rel(("IN", "Unit", "Jurisdiction"), unit_id, self._jurisdiction(place.chain))
        return unit_id

    def _jurisdiction(self, chain: tuple[tuple[str, str], ...]) -> str:
        names = tuple(name for name, _ in chain)
        jurisdiction_id = ids.jurisdiction_id(names)
        if jurisdiction_id not in self.jurisdictions:
            name, level = chain[-1]
            self.jurisdictions[jurisdiction_id] = {"id": jurisdiction_id, "name": name, "level": level}
            if len(chain) > 1:
                parent = self._jurisdiction(chain[:-1])
                self.rows.add_rel(("IN", "Jurisdiction", "Jurisdiction"), jurisdiction_id, parent)
        return jurisdiction_id

    def instrument(self, citation: InstrumentCitation) -> str:
        title = citation.title or citation.mention
        instrument_id = ids.instrument_id(title)
        _fill(self.instruments, {"id": instrument_id, "title": title, "kind": citation.kind})
        return instrument_id

    def flush(self) -> None:
        for label, by_id in (
            ("Unit", self.units),
            ("Instrument", self.instruments),
            ("Jurisdiction", self.jurisdictions),
        ):
            for row in by_id.values():
                self.rows.add_node(label, **row)


def _add_sections(
    rows: GraphRows, source: str, doc_id: str, sections: Iterable[Section]
) -> dict[str, list[tuple[int, str]]]:
    """Adds Document-[:HAS]->Section for every section; returns path -> [(start offset, section id)]."""
    by_path: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for section in sections:
        path = ids.join_path(section.path)
        section_id = ids.section_id(source, path, len(by_path[path]) + 1)
        by_path[path].append((section.span[0], section_id))
        rows.add_node(
            "Section",
            id=section_id,
            path=path,
            heading=section.heading,
            **_span(section.span),
            document_id=doc_id,
            source=source,
        )
        rows.add_rel(("HAS", "Document", "Section"), doc_id, section_id)
    return by_path


def _parent_section(section_ids: dict[str, list[tuple[int, str]]], measure: Measure) -> str:
    """The section a measure sits in: its path's section that starts last before the measure does."""
    candidates = section_ids.get(ids.join_path(measure.section_path), [])
    before = [section_id for start, section_id in candidates if start <= measure.span[0]]
    if before:
        return before[-1]
    return candidates[0][1] if candidates else ""


def _add_measure(
    rows: GraphRows, measure: Measure, source: str, doc_id: str, measure_id: str, units_per_role: dict[str, int]
) -> None:
    dated = [d for d in measure.deadlines if d.date]
    first = dated[0] if dated else (measure.deadlines[0] if measure.deadlines else None)
    rows.add_node(
        "Measure",
        id=measure_id,
        number=measure.number,
        path=ids.join_path(measure.path),
        heading=measure.heading,
        text=measure.text,
        **_span(measure.span),
        deadline=first.date if first else "",
        deadline_text=first.text if first else "",
        deadline_starts=[d.span[0] for d in measure.deadlines],
        deadline_ends=[d.span[1] for d in measure.deadlines],
        **{ROLE_UNIT_COUNT[role]: n for role, n in units_per_role.items()},
        document_id=doc_id,
        source=source,
    )


def _span(span: Span) -> dict[str, int]:
    """A record's [start, end) offsets as the graph's properties."""
    return {"span_start": span[0], "span_end": span[1]}
