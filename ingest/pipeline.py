"""The extraction pipeline: read → clean → body and metadata → outline → measures → clauses → units →
instruments → deadlines → one Extraction record. Every stage is a pure function of the text."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from policykg.core.errors import InputError
from policykg.core.units import Jurisdiction, normalise_unit, with_department
from policykg.ingest.clauses import Clause, scan_clauses
from policykg.ingest.clean import clean
from policykg.ingest.deadlines import find_deadlines, find_targets
from policykg.ingest.instruments import find_aliases, find_citations
from policykg.ingest.measures import select_measures
from policykg.ingest.metadata import document_meta, find_body, find_jurisdiction
from policykg.ingest.outline import Node, parse_outline
from policykg.ingest.records import (
    Extraction,
    ExtractionWarning,
    InstrumentCitation,
    Measure,
    Section,
    UnitMention,
)
from policykg.ingest.table_clauses import find_table_clauses

_CLOSING_LINE = re.compile(
    r"^(?:(?:专此|特此)(?:报告|通知|函|说明)|附件\s*[::\d一二三四五六七八九十]|附件$|抄送|抄报|\(此件"
    r"|.{0,60}\d.{0,6}印发$)"
)
_DATE_ONLY = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|\d{6,8})$")
_SIGNATURE_LINE = re.compile(r"^[\u4e00-\u9fff() ]{2,40}$")


def extract_file(path: Path | str) -> Extraction:
    from policykg.ingest.readers import read_document

    path = Path(path)
    try:
        return extract_text(read_document(path), source=path.name)
    except InputError as exc:
        raise InputError(str(path), exc.reason) from None


def extract_text(original: str, source: str) -> Extraction:
    if not original.strip():
        raise InputError(source, "empty document")
    text = clean(original).text
    lines = _nonblank_lines(text)
    whole_outline = parse_outline(text)
    body = find_body(lines, whole_outline[0].start if whole_outline else None)
    body_end = _body_end(text, lines, body.body_start)
    nodes = parse_outline(text, body.body_start, body_end)
    clause_scan = scan_clauses(text, body.body_start, body_end)
    clauses = sorted([*clause_scan.clauses, *find_table_clauses(text, 0, body_end)], key=lambda c: c.span)
    own_clauses = _clauses_by_node(nodes, clauses)
    measure_nodes = select_measures([n for n in nodes if n.parent is None], lambda n: bool(own_clauses.get(id(n))))
    if not measure_nodes:
        raise InputError(source, "no measures found (no numbered items or sections in the text)")

    meta = document_meta(text, lines, body, source)
    jurisdiction = find_jurisdiction([meta.jurisdiction]) if meta.jurisdiction else Jurisdiction(name="")
    jurisdiction = with_department(jurisdiction, [*meta.issuers, meta.title])  # a bureau's own 委…股
    aliases = find_aliases(text)
    alias_map = {a.alias: a.full for a in aliases}
    measure_ids = {id(n) for n in measure_nodes}
    clause_starts = [c.span[0] for c in clauses]
    measures = []
    for node in measure_nodes:
        end = _trim(text, node.start, node.end)
        inside = _clauses_within(clauses, clause_starts, node.start, end)
        measures.append(_measure(original, text, node, end, inside, jurisdiction, alias_map))
    sections = [
        Section(path=n.path, heading=_clean_heading(n.heading), span=(n.start, _trim(text, n.start, n.end)))
        for n in nodes
        if id(n) not in measure_ids and n.children
    ]
    outside = _outside_citations(text, body.title_start, body_end, measures, alias_map, meta.doc_number)
    warnings: list[ExtractionWarning] = list(clause_scan.warnings)  # labels with no units after them
    if not jurisdiction.name:
        warnings.append(
            ExtractionWarning(
                "no_jurisdiction", "no jurisdiction found in the title, issuer or notice: units stay unqualified"
            )
        )
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
) -> Measure:
    start = node.start
    units = _unit_mentions(original, inside, jurisdiction)
    heading_end = node.heading_end
    for clause in inside:
        if node.heading_start <= clause.span[0] < heading_end:
            heading_end = clause.span[0]
    heading = _clean_heading(text[node.heading_start : heading_end])
    instruments = _first_per_title(
        c
        for c in find_citations(text, start, end, aliases)
        if not any(cl.span[0] <= c.span[0] < cl.span[1] for cl in inside)
    )
    return Measure(
        path=node.path,
        number=node.label,
        heading=heading,
        text=original[start:end],
        span=(start, end),
        units=tuple(units),
        instruments=tuple(_as_written(original, c) for c in instruments),
        deadlines=tuple(find_deadlines(text, start, end)),
        targets=tuple(find_targets(text, start, end)),
        clause_span=(inside[0].span[0], inside[-1].span[1]) if inside else None,
    )


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


def _first_per_title(citations: Iterable[InstrumentCitation]) -> list[InstrumentCitation]:
    """A measure cites an instrument once, however often its text repeats the title."""
    seen: dict[str, InstrumentCitation] = {}
    for c in citations:
        seen.setdefault(c.title, c)
    return list(seen.values())


def _as_written(original: str, citation: InstrumentCitation) -> InstrumentCitation:
    s, e = citation.span
    written = original[s:e].strip()
    if written == citation.mention:
        return citation
    return InstrumentCitation(
        mention=written,
        title=citation.title,
        kind=citation.kind,
        span=citation.span,
        doc_number=citation.doc_number,
        level=citation.level,
    )


def _outside_citations(
    text: str, start: int, end: int, measures: list[Measure], aliases: dict[str, str], own_number: str
) -> list[InstrumentCitation]:
    """Citations in the document's own text that no measure holds: the gaps between measures."""
    found: list[InstrumentCitation] = []
    gap_start = start
    for m in [*measures, None]:
        gap_end = m.span[0] if m else end
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
