"""The Documents page draws the spans the store holds (move one in the store and the page follows: nothing
is extracted again or found by name), and an earlier version's store is a message to re-ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")

from streamlit.testing.v1 import AppTest

from policykg.explorer import spans
from policykg.explorer.doctext import HighlightSpan, document_text
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from tests.explorer_apptest import APP, TIMEOUT_S, open_page
from tests.test_store_stale import earlier_store

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "yuhu_2026_gongzuoyaodian.txt"


def page_html(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if 'class="spans"' in h.proto.body)


def test_the_page_draws_a_span_moved_in_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extraction = extract_file(SAMPLE)
    path = tmp_path / "moved.lbug"
    title = extraction.document.title
    at_title = extraction.text.rindex(title)  # the heading above the body, not the notice quoting it
    first = extraction.measures[0].units[0]  # 区委依法治区办, responsible for measure 1
    with LadybugStore(path) as store:
        load(store, [extraction])
        # Point the first unit's span at the document's title: text a re-extraction would never mark.
        store.write(
            [
                (
                    "MATCH ()-[r:RESPONSIBLE_FOR]->() WHERE r.span_start = $s SET r.span_start = $a, r.span_end = $b",
                    {"s": first.span[0], "a": at_title, "b": at_title + len(title)},
                )
            ]
        )
        document = document_text(store, SAMPLE.name)
    assert HighlightSpan(at_title, at_title + len(title), "responsible") in document.spans
    assert HighlightSpan(*first.span, "responsible") not in document.spans
    words, ordered = spans.tokens_and_spans(document)
    moved = next(s for s in ordered if "".join(words[s.start : s.end]) == title)
    assert moved.label == "responsible"

    monkeypatch.setenv("POLICYKG_STORE", str(path))
    at = open_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run(), "documents")
    html = page_html(at)
    assert html == spans.render_html(document)  # the page draws exactly the stored spans
    assert f"{title}<span" in html and ">responsible<" in html


def test_an_earlier_store_is_a_message_to_reingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = earlier_store(tmp_path / "old.lbug")
    monkeypatch.setenv("POLICYKG_STORE", str(path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "Cannot open the graph store" in message and "policykg ingest --rebuild" in message
    assert "Re-ingest" in message  # the hint, not the generic one about --store
