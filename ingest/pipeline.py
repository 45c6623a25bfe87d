"""The extraction pipeline: read → clean → body and metadata → outline → measures → clauses → units →
instruments → deadlines → one Extraction record. Every stage is a pure function of the text."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from policykg.core.errors import InputError
from policykg.core.units import Jurisdiction, normalise_unit, with_department
from policykg.ingest.clauses import Clause, scan_clauses
from policykg.ingest.clean import clean, normalise
from policykg.ingest.coverage import skipped_text_warnings
from policykg.ingest.deadlines import DocumentTime, find_targets
from policykg.ingest.instruments import find_aliases, find_citations
from policykg.ingest.measures import select_measures
from policykg.ingest.metadata import document_meta, find_body, find_jurisdiction, jurisdiction_warnings
from policykg.ingest.numbering import numbering_warnings
from policykg.ingest.outline import Candidate, Node, nodes_within, parse_outline
from policykg.ingest.records import (
    Deadline,
    Extraction,
    ExtractionWarning,
    InstrumentCitation,
    Measure,
    Section,
    Span,
    UnitMention,
)
from policykg.ingest.tables import TableRow, blank_tables, find_tables, outside_tables, row_deadlines

_CLOSING_LINE = re.compile(
    r"^(?:(?:专此|特此)(?:报告|通知|函|说明)|附件\s*[::\d一二三四五六七八九十]|附件$|抄送|抄报|\(此件"
    r"|.{0,60}\d.{0,6}印发$)"
)
_DATE_ONLY = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|\d{6,8})$")
_SIGNATURE_LINE = re.compile(r"^[\u4e00-\u9fff() ]{2,40}$")


def extract_file(path: Path | str, source: str | None = None) -> Extraction:
    """The extraction of one file, stored as `source` (default: the file's name; an ingest passes the
    path relative to the folder it searched, ingest.discovery)."""
    from policykg.ingest.discovery import display_name
    from policykg.ingest.readers import read_document

    path = Path(path)
    try:
        return extract_text(read_document(path), source=source or display_name(path.name))
    except InputError as exc:
        raise InputError(display_name(path), exc.reason) from None


def extract_text(original: str, source: str) -> Extraction:
    if not original.strip():
        raise InputError(source, "empty document")
    text = clean(original).text
    tables = find_tables(text)  # task tables anywhere, attachments included: each row is a measure
    prose = blank_tables(text, tables.regions)  # the outline and prose clauses do not read table rows
    lines = _nonblank_lines(text)
    misplaced: list[Candidate] = []
    whole_outline = parse_outline(prose, rejected=misplaced)
    body = find_body(lines, whole_outline[0].start if whole_outline else None)
    body_end = _body_end(text, lines, body.body_start)
    nodes = nodes_within(prose, whole_outline, body.body_start, body_end, misplaced)
    scans = [scan_clauses(prose, s, e) for s, e in outside_tables(body.body_start, body_end, tables.regions)]
    clauses = [c for scan in scans for c in scan.clauses]
    own_clauses = _clauses_by_node(nodes, clauses)
    set_aside: list[Node] = []
    measure_nodes = [
        n
        for n in select_measures(
            [n for n in nodes if n.parent is None], lambda n: bool(own_clauses.get(id(n))), set_aside
        )
        if own_clauses.get(id(n)) or not _holds_table(n, tables.regions)
    ]
    if not measure_nodes and not tables.rows:
        raise InputError(source, "no measures found (no numbered items, sections or task-table rows in the text)")

    meta = document_meta(lines, body)
    jurisdiction = find_jurisdiction([meta.jurisdiction]) if meta.jurisdiction else Jurisdiction(name="")
    jurisdiction = with_department(jurisdiction, [*meta.issuers, meta.title])  # a bureau's own 委…股
    aliases = find_aliases(text)
    alias_map = {a.alias: a.full for a in aliases}
    measure_ids = {id(n) for n in measure_nodes}
    clause_starts = [c.span[0] for c in clauses]
    times = DocumentTime.of(meta)
    measures = []
    for node in measure_nodes:
        end = _trim(prose, node.start, node.end)
        inside = _clauses_within(clauses, clause_starts, node.start, end)
        measures.append(_measure(original, prose, node, end, inside, jurisdiction, alias_map, times))
    measures += [_row_measure(original, text, row, jurisdiction, alias_map, times.year) for row in tables.rows]
    measures.sort(key=lambda m: m.span[0])
    sections = [
        Section(path=n.path, heading=_clean_heading(n.heading), span=(n.start, _trim(text, n.start, n.end)))
        for n in nodes
        if id(n) not in measure_ids and n.children
    ]
    sections = sorted([*sections, *tables.sections], key=lambda s: s.span)
    outside = [
        _as_written(original, c)
        for c in _outside_citations(text, body.title_start, body_end, measures, alias_map, meta.doc_number)
    ]
    warnings: list[ExtractionWarning] = [w for scan in scans for w in scan.warnings]  # labels with no units
    warnings += numbering_warnings(prose, nodes, misplaced)
    warnings += skipped_text_warnings(prose, nodes, [m.span for m in measures], measure_nodes, set_aside, body_end)
    warnings += [*tables.warnings, *jurisdiction_warnings(meta, measures)]
    return Extraction(
        source=source,
        text=original,
        document=meta,
        sections=tuple(sections),
        measures=tuple(measures),
        instruments=tuple(outside),
        aliases=tuple(aliases),
        content_hash=hashlib.sha1(original.encode("utf-8")).hexdigest(),
        warnings=tuple(warnings),
    )


def _nonblank_lines(text: str) -> list[tuple[int, str]]:
    lines, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
    return lines


def _body_end(text: str, lines: list[tuple[int, str]], body_start: int) -> int:
    """Where the document proper ends: a closing line (专此报告, 附件, 印发, a date), less the signature above it."""
    after = [(o, line.strip()) for o, line in lines if o > body_start]
    for i, (offset, line) in enumerate(after):
        if _CLOSING_LINE.match(line) or _DATE_ONLY.match(line):
            end = offset
            j = i - 1
            while j >= 0 and i - j <= 3 and _SIGNATURE_LINE.match(after[j][1]) and len(after[j][1]) <= 40:
                end = after[j][0]
                j -= 1
            return end
    return len(text)


def _clauses_by_node(nodes: list[Node], clauses: list[Clause]) -> dict[int, list[Clause]]:
    """Each clause belongs to the innermost node that holds it (nodes are in document order)."""
    starts = [n.start for n in nodes]
    owned: dict[int, list[Clause]] = {}
    for clause in clauses:
        i = bisect.bisect_right(starts, clause.span[0]) - 1
        owner: Node | None = nodes[i] if i >= 0 else None
        while owner is not None and clause.span[0] >= owner.end:
            owner = owner.parent
        if owner is not None:
            owned.setdefault(id(owner), []).append(clause)
    return owned


def _clauses_within(clauses: list[Clause], starts: list[int], start: int, end: int) -> list[Clause]:
    return clauses[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _measure(
    original: str,
    text: str,
    node: Node,
    end: int,
    inside: list[Clause],
    jurisdiction: Jurisdiction,
    aliases: dict[str, str],
    times: DocumentTime,
) -> Measure:
    start = node.start
    units = _unit_mentions(original, inside, jurisdiction)
    heading_end = node.heading_end
    for clause in inside:
        if node.heading_start <= clause.span[0] < heading_end:
            heading_end = clause.span[0]
    heading = _clean_heading(text[node.heading_start : heading_end])
    instruments = _first_per_title(
        (
            c
            for c in find_citations(text, start, end, aliases)
            if not any(cl.span[0] <= c.span[0] < cl.span[1] for cl in inside)
        ),
        aliases,
    )
    return Measure(
        path=node.path,
        number=node.label,
        heading=heading,
        text=original[start:end],
        span=(start, end),
        units=tuple(units),
        instruments=tuple(_as_written(original, c) for c in instruments),
        deadlines=tuple(_written(original, d) for d in times.deadlines(text, start, end, _top(node).heading)),
        targets=tuple(find_targets(text, start, end)),
        clause_span=(inside[0].span[0], inside[-1].span[1]) if inside else None,
    )


def _row_measure(
    original: str, text: str, row: TableRow, jurisdiction: Jurisdiction, aliases: dict[str, str], year: int | None
) -> Measure:
    """A task-table row as a measure: units from its role cells, deadlines from its time cells, citations
    and targets from its task and detail cells."""
    citations = _first_per_title((c for s, e in row.text_cells for c in find_citations(text, s, e, aliases)), aliases)
    clause_starts = [c.span[0] for c in row.clauses]
    return Measure(
        path=row.path,
        number=row.number,
        heading=_clean_heading(row.heading),
        text=original[row.span[0] : row.span[1]],
        span=row.span,
        units=tuple(_unit_mentions(original, list(row.clauses), jurisdiction)),
        instruments=tuple(_as_written(original, c) for c in citations),
        deadlines=tuple(row_deadlines(text, row, year)),
        targets=tuple(t for s, e in row.text_cells for t in find_targets(text, s, e)),
        clause_span=(min(clause_starts), max(c.span[1] for c in row.clauses)) if row.clauses else None,
    )


def _holds_table(node: Node, regions: tuple[Span, ...]) -> bool:
    """A section whose only content is a task table is not a measure of its own: the rows are."""
    return any(node.start <= s < node.end for s, _ in regions)


def _unit_mentions(original: str, clauses: list[Clause], jurisdiction: Jurisdiction) -> list[UnitMention]:
    seen: set[tuple[str, str]] = set()
    mentions = []
    for clause in clauses:
        for a in clause.assignments:
            if (a.role, a.mention) in seen:
                continue
            seen.add((a.role, a.mention))
            unit = normalise_unit(a.mention, jurisdiction)
            mentions.append(
                UnitMention(
                    role=a.role,
                    mention=original[a.span[0] : a.span[1]],
                    unit=unit.name,
                    kind=unit.kind,
                    collective=unit.collective,
                    span=a.span,
                )
            )
    return mentions


def _first_per_title(citations: Iterable[InstrumentCitation], aliases: dict[str, str]) -> list[InstrumentCitation]:
    """A measure cites an instrument once however often its text repeats the title, and each use of an
    alias (以下简称《纲要》) as a citation of its own, beside the full title too."""
    kept: list[InstrumentCitation] = []
    titles: set[str] = set()
    for c in citations:
        if normalise(c.mention) in aliases:
            kept.append(c)
        elif c.title not in titles:
            titles.add(c.title)
            kept.append(c)
    return kept


def _top(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


def _written(original: str, deadline: Deadline) -> Deadline:
    """The phrase as the original text writes it (full-width digits, traditional script)."""
    s, e = deadline.span
    return Deadline(text=original[s:e], date=deadline.date, span=deadline.span, kind=deadline.kind)


def _as_written(original: str, citation: InstrumentCitation) -> InstrumentCitation:
    s, e = citation.span
    written = original[s:e].strip()
    if written == citation.mention:
        return citation
    return replace(citation, mention=written)


def _outside_citations(
    text: str, start: int, end: int, measures: list[Measure], aliases: dict[str, str], own_number: str
) -> list[InstrumentCitation]:
    """Citations in the document's own text that no measure holds: the gaps between measures."""
    found: list[InstrumentCitation] = []
    gap_start = start
    for m in [*measures, None]:
        gap_end = min(m.span[0], end) if m else end
        if gap_end > gap_start:
            found += find_citations(text, gap_start, gap_end, aliases)
        gap_start = max(gap_start, m.span[1]) if m else gap_start
    return [c for c in found if c.title != own_number]


def _clean_heading(heading: str) -> str:
    return heading.strip().rstrip("。,;: ").strip()


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n":
        end -= 1
    return end
