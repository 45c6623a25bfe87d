"""The document text with its spans, in the markup of displaCy's span renderer (spaCy's `displacy.render(…,
style="span")`), made here: importing spaCy takes 0.6 s, and nothing else of it is needed.

displaCy renders tokens; the tokens here are the runs of text between span boundaries, so every span maps
exactly to whole tokens and the text reads as written. A span is drawn as a coloured bar under its tokens,
with its label at its first token; spans over the same tokens stack, each keeping the level (slot) it
started on, exactly as displaCy lays them out.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from policykg.explorer.doctext import DocumentText

SPAN_COLOURS = {
    "lead": "#ff9d9a",
    "participate": "#a0cbe8",
    "responsible": "#ffbe7d",
    "instrument": "#d4a6c8",
    "deadline": "#8cd17d",
}
SPAN_NAMES = {
    "lead": "lead 牵头",
    "participate": "participate 参加/配合",
    "responsible": "responsible 责任单位",
    "instrument": "instrument 法规/文件",
    "deadline": "deadline 时限",
}
# Compact templates (no line breaks of their own), because the text keeps its line breaks (pre-wrap).
_SPAN = (
    '<span class="pkg-span" style="display:inline-block;position:relative;height:{total_height}px;">'
    "{text}{span_slices}{span_starts}</span>"
)
_SLICE = (
    '<span style="background:{bg};top:{top_offset}px;height:4px;left:-1px;width:calc(100% + 2px);'
    'position:absolute;"></span>'
)
_START = (
    '<span style="background:{bg};top:{top_offset}px;height:4px;border-top-left-radius:3px;'
    'border-bottom-left-radius:3px;left:-1px;width:calc(100% + 2px);position:absolute;">'
    '<span style="background:{bg};z-index:10;color:#000;top:-0.5em;padding:2px 3px;position:absolute;'
    'font-size:0.6em;font-weight:bold;line-height:1;border-radius:3px;white-space:nowrap">{label}{kb_link}'
    "</span></span>"
)
_BLANK_LINES = re.compile(r"[ \t\u3000\xa0]*\n[\s\u3000]*")  # a line break with the blank space around it
_SPANS_DIV = '<div class="spans" style="line-height:2.3;white-space:pre-wrap">'  # pre-wrap: the text's line breaks


# displaCy's span layout, in px: the first bar's offset, the label's, and the step between stacked bars.
TOP_OFFSET = 40
LABEL_OFFSET = 20
OFFSET_STEP = 17
OTHER_COLOUR = "#ddd"  # displaCy's, for a label without a colour of its own
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


@dataclass
class _Span:
    start: int  # first token
    end: int  # token after the last
    label: str
    slot: int = 0  # the stacking level, set at the span's first token


def tokens_and_spans(document: DocumentText) -> tuple[list[str], list[_Span]]:
    """The text cut at every span boundary (blank lines and indentation squeezed for reading; spans are placed
    by token, so they still cover exactly their text) and the spans by token, in displaCy's stacking order:
    by first token, longer first, then by label."""
    text = document.text
    bounds = sorted({0, len(text)} | {s.start for s in document.spans} | {s.end for s in document.spans})
    pieces = [(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    token_at = {a: i for i, (a, _) in enumerate(pieces)}
    token_ending = {b: i + 1 for i, (_, b) in enumerate(pieces)}
    words = [_BLANK_LINES.sub("\n", text[a:b]) for a, b in pieces]
    spans = [_Span(token_at[s.start], token_ending[s.end], s.label) for s in document.spans]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start), s.label))
    return words, spans


def render_html(document: DocumentText) -> str:
    """The text as HTML, each span a bar in its colour under its text, labelled where it starts."""
    words, spans = tokens_and_spans(document)
    starting: dict[int, list[_Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    active: list[_Span] = []  # the spans over the current token, in stacking order
    markup: list[str] = []
    for index, word in enumerate(words):
        active = [s for s in active if s.end > index]
        for span in starting.get(index, []):
            span.slot = (active[-1].slot if active else 0) + 1  # one above the last span on the stack
            active.append(span)
        if active and word.strip():
            markup.append(_token_markup(word, active, index))
        else:  # whitespace draws no bars: it has no height to hang them on
            markup.append(word.translate(_ESCAPES) + " ")
    # As displaCy, a " " after every plain token, except just before a span.
    return _SPANS_DIV + "".join(markup).replace(' <span class="pkg-span"', '<span class="pkg-span"') + "</div>"


def _token_markup(word: str, spans: list[_Span], index: int) -> str:
    slices = "".join(_SLICE.format(bg=SPAN_COLOURS.get(s.label, OTHER_COLOUR), top_offset=_offset(s)) for s in spans)
    starts = "".join(
        _START.format(bg=SPAN_COLOURS.get(s.label, OTHER_COLOUR), top_offset=_offset(s), label=s.label, kb_link="")
        for s in spans
        if s.start == index
    )
    height = TOP_OFFSET + LABEL_OFFSET + OFFSET_STEP * (len(spans) - 1)
    return _SPAN.format(text=word.translate(_ESCAPES), span_slices=slices, span_starts=starts, total_height=height)


def _offset(span: _Span) -> int:
    return TOP_OFFSET + OFFSET_STEP * (span.slot - 1)
