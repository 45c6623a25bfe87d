"""The document text with its spans drawn by displaCy's span renderer.

A Doc of one token per character renders a space after every character (displaCy joins tokens with
" "), so the tokens here are the runs of text between span boundaries: every span still maps exactly
to whole tokens, and the text reads as written. The Doc takes `spacy.blank("zh")`'s vocab only; the zh
tokenizer itself is far too slow for this and not needed.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import spacy
from spacy import displacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from explorer.doctext import DocumentText

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
_SPANS_DIV = '<div class="spans" style="line-height: 2.5; direction: ltr">'


@lru_cache(maxsize=1)
def _vocab() -> Vocab:
    return spacy.blank("zh").vocab


def span_doc(document: DocumentText) -> Doc:
    """A Doc over the text with `doc.spans["sc"]` holding every highlight. Blank lines and indentation
    are squeezed for reading; spans are placed by token, so they still cover exactly their text."""
    text = document.text
    bounds = sorted({0, len(text)} | {s.start for s in document.spans} | {s.end for s in document.spans})
    pieces = [(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    token_at = {a: i for i, (a, _) in enumerate(pieces)}
    token_ending = {b: i + 1 for i, (_, b) in enumerate(pieces)}
    words = [_BLANK_LINES.sub("\n", text[a:b]) for a, b in pieces]
    doc = Doc(_vocab(), words=words, spaces=[False] * len(words))
    doc.spans["sc"] = [Span(doc, token_at[s.start], token_ending[s.end], label=s.label) for s in document.spans]
    return doc


def render_html(document: DocumentText) -> str:
    html = displacy.render(
        span_doc(document),
        style="span",
        page=False,
        options={
            "spans_key": "sc",
            "colors": {k.upper(): v for k, v in SPAN_COLOURS.items()},
            "template": {"span": _SPAN, "slice": _SLICE, "start": _START},
        },
    )
    # displaCy writes a " " after every plain token; here that lands just before a span: drop it.
    html = html.replace(' <span class="pkg-span"', '<span class="pkg-span"')
    return html.replace(_SPANS_DIV, '<div class="spans" style="line-height:2.3;white-space:pre-wrap">', 1)
