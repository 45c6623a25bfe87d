"""Coverage: body text under numbered headings that ended up in no measure (issue 13, nothing lost unsaid).

Inside the stretch the numbered headings span — from the first heading to the end of the body — every
character should be in a measure, in a section's heading, or in a part left out by design (a preamble, a
report's problems, a closing section without tasks). The text before the first heading (the preamble
paragraph) is outside by design too. A section's short lead-in (为此，现提出如下措施：) is normal; a long
stretch of text in none of these is what a document whose headings promise more than its measures hold
looks like, and each such stretch is reported with its span.
"""

from __future__ import annotations

from collections.abc import Iterable

from policykg.ingest.outline import Node
from policykg.ingest.records import Extraction, ExtractionWarning, Span

SKIPPED_MIN_CHARS = 300  # non-blank characters: far longer than a section's lead-in
# A document whose measures hold less than this share of the text under its headings is flagged by an
# ingest: the normal documents of the fixtures and the seed corpus sit far above it.
LOW_COVERAGE = 0.6


def measure_coverage(extraction: Extraction) -> float:
    """The share of the text under the document's headings (its sections and measures, heading lines
    excluded) that ended up in measures, counted in non-blank characters: 1.0 when nothing was left out."""
    text = extraction.text
    promised = bytearray(len(text))  # 1: under a heading, 2: in a measure or a heading line
    for section in extraction.sections:
        start, end = section.span
        promised[start:end] = b"\1" * (end - start)
    for section in extraction.sections:
        start, end = section.span
        line_end = text.find("\n", start, end)
        line_end = end if line_end < 0 else line_end
        promised[start:line_end] = b"\2" * (line_end - start)
    for measure in extraction.measures:
        start, end = measure.span
        promised[start:end] = b"\2" * (end - start)
    under = held = 0
    for ch, mark in zip(text, promised, strict=True):
        if mark and not ch.isspace():
            under += 1
            held += mark == 2
    return held / under if under else 1.0


def skipped_text_warnings(
    text: str,
    nodes: list[Node],
    measure_spans: Iterable[Span],
    measure_nodes: Iterable[Node],
    set_aside: Iterable[Node],
    end: int,
) -> list[ExtractionWarning]:
    if not nodes:
        return []
    is_measure = {id(n) for n in measure_nodes}
    covered: list[Span] = [*measure_spans, *((n.start, n.end) for n in set_aside)]
    covered += [(n.start, n.heading_end) for n in nodes if id(n) not in is_measure]
    warnings = []
    for start, stop in _gaps(covered, nodes[0].start, end):
        chars = sum(1 for ch in text[start:stop] if not ch.isspace())
        if chars >= SKIPPED_MIN_CHARS:
            s, e = _strip(text, start, stop)
            warnings.append(
                ExtractionWarning(
                    "skipped_text", f"{chars} characters under numbered headings are in no measure", (s, e)
                )
            )
    return warnings


def _gaps(covered: list[Span], start: int, end: int) -> list[Span]:
    """The parts of [start, end) that no span in covered touches, in order."""
    gaps = []
    pos = start
    for s, e in sorted(covered):
        if s > pos:
            gaps.append((pos, min(s, end)))
        pos = max(pos, e)
        if pos >= end:
            break
    if pos < end:
        gaps.append((pos, end))
    return [(s, e) for s, e in gaps if e > s]


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
