"""Documents page: a document's text with units (by role), instruments and deadlines highlighted where
the store keeps their spans, its outline and its measures."""

from __future__ import annotations

import streamlit as st

from policykg.core.vocabulary import ROLES
from policykg.explorer import connection, named, tables
from policykg.explorer.doctext import document_text, outline, stored_measures
from policykg.explorer.settings import settings
from policykg.explorer.spans import SPAN_COLOURS, SPAN_NAMES, render_html

PICKER_SIZE = 200  # documents the picker lists: the first by title, or the first matching what was typed


@st.cache_data(show_spinner="Highlighting the text…")
def _highlighted(spec: str, source: str) -> tuple[str, int, int]:
    """(html, number of highlighted spans, number of stored spans that do not lie in the text)."""
    document = document_text(connection.store(), source)
    return render_html(document), len(document.spans), document.unplaced


def _legend() -> None:
    chips = [
        f'<span style="background:{SPAN_COLOURS[k]};padding:1px 6px;border-radius:3px;margin-right:8px">'
        f"{SPAN_NAMES[k]}</span>"
        for k in SPAN_COLOURS
    ]
    st.markdown(" ".join(chips), unsafe_allow_html=True)


def _measures_table(document_id: str, source: str) -> None:
    rows = []
    for m in stored_measures(connection.store(), source):
        row: dict[str, str] = {"path": m.path, "heading": m.heading}
        row.update({role: "、".join(name for r, _, name in m.units if r == role) for role in ROLES})
        row.update(deadline=m.deadline_text, instruments="、".join(m.instruments))
        rows.append(row)
    tables.show(tables.frame(rows), f"measures-{document_id}", key="doc-measures")


def render() -> None:
    st.title("Documents")
    spec = settings().store
    text = st.text_input("Find a document", key="doc-find", placeholder="part of its title or file name").strip()
    documents = named.run("document_search", text=text, limit=PICKER_SIZE)
    if not documents:
        st.info(
            f"No document's title or file name contains “{text}”."
            if text
            else "The store holds no documents yet: `policykg ingest FILES --store …`."
        )
        return
    by_id = {d["id"]: d for d in documents}
    chosen = st.selectbox(
        "Document",
        list(by_id),
        format_func=lambda i: f"{by_id[i]['title']} · {by_id[i]['kind']} · {by_id[i]['jurisdiction']}",
        key="doc-choice",
        help=f"The first {PICKER_SIZE} by title; find others by typing above.",
    )
    doc = by_id[chosen]
    facts = [doc.get(k) for k in ("doc_number", "issued", "period", "source")]
    st.caption(" · ".join(str(f) for f in facts if f))
    text_tab, outline_tab, measures_tab = st.tabs(["Text", "Outline", "Measures"], key="doc-tab", on_change="rerun")
    if text_tab.open:  # tabs render lazily: only the open one runs
        with text_tab:
            html, count, unplaced = _highlighted(spec, doc["source"])
            _legend()
            st.caption(f"{count} highlighted spans, where the store keeps them.")
            if unplaced:
                st.warning(f"{unplaced} stored spans lie outside the document's text and are not drawn.")
            with st.container(height=640):
                st.html(html)
    if outline_tab.open:
        with outline_tab:
            lines = [
                f"{'    ' * e.depth}- {'' if e.is_measure else '**'}{e.path.split('/')[-1]} {e.heading}"
                f"{'' if e.is_measure else '**'}"
                for e in outline(connection.store(), doc["source"])
            ]
            st.markdown("\n".join(lines) if lines else "No outline.")
    if measures_tab.open:
        with measures_tab:
            _measures_table(chosen, doc["source"])


render()
