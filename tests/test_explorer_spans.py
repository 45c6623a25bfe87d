"""The Documents page draws its highlights in displaCy's span markup without importing spaCy: the HTML is
byte for byte what `displacy.render(style="span")` gives, on every seed document's spans as the store keeps
them and on overlapping spans."""

from __future__ import annotations

import itertools

import pytest

from policykg.explorer import spans
from policykg.explorer.doctext import DocumentText, HighlightSpan, document_text
from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.catalog import run_named

spacy = pytest.importorskip("spacy", reason="the reference renderer is spaCy's displaCy")


def displacy_html(document: DocumentText) -> str:
    """The same text and templates through displaCy itself."""
    from spacy import displacy
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    words, ordered = spans.tokens_and_spans(document)
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words))
    doc.spans["sc"] = [Span(doc, s.start, s.end, label=s.label) for s in ordered]
    html = displacy.render(
        doc,
        style="span",
        page=False,
        jupyter=False,
        options={
            "spans_key": "sc",
            "colors": {k.upper(): v for k, v in spans.SPAN_COLOURS.items()},
            "template": {"span": spans._SPAN, "slice": spans._SLICE, "start": spans._START},
        },
    )
    html = html.replace(' <span class="pkg-span"', '<span class="pkg-span"')
    return html.replace('<div class="spans" style="line-height: 2.5; direction: ltr">', spans._SPANS_DIV, 1)


def test_every_seed_document_renders_as_displacy_renders_it(corpus_store: LadybugStore) -> None:
    for row in run_named(corpus_store, "documents"):
        document = document_text(corpus_store, row["source"])
        assert document.spans and not document.unplaced
        assert spans.render_html(document) == displacy_html(document), row["source"]


def test_overlapping_spans_stack_and_text_is_escaped() -> None:
    text = '县司法局、县政府办牵头 <b>"A&B"</b>\n\n   2025年底前完成'
    labels = ("lead", "participate", "instrument", "deadline", "unknown")
    marks = [
        HighlightSpan(start, end, label)
        for (start, end), label in zip(itertools.combinations(range(0, len(text), 3), 2), itertools.cycle(labels))
    ]
    document = DocumentText(text, tuple(marks))
    html = spans.render_html(document)
    assert html == displacy_html(document)
    assert "<b>" not in html and "&lt;" in html and "&amp;" in html and "&quot;" in html
    assert "background:#ddd" in html  # a label without a colour of its own: displaCy's grey
