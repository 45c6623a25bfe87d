"""Documents page: a document's text with units (by role), instruments and deadlines highlighted,
its outline and its measures."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from policykg.explorer import connection, tables
from policykg.explorer.doctext import document_text, outline, stored_measures
from policykg.explorer.settings import settings
from policykg.explorer.spans import SPAN_COLOURS, SPAN_NAMES, render_html
from policykg.queries.text import path_key

PICKER_SIZE = 200  # documents the picker lists: the first by title, or the first matching what was typed


@st.cache_data(show_spinner=False)
def _documents(spec: str, text: str) -> list[dict[str, str]]:
    """The first PICKER_SIZE documents by title whose title or file name contains `text` ("" for any)."""
    return connection.store().read(
        "MATCH (d:Document) WHERE $text = '' OR d.title CONTAINS $text OR d.source CONTAINS $text "
        "RETURN d.id AS id, d.title AS title, d.kind AS kind, d.jurisdiction AS jurisdiction, d.issued AS issued, "
        "d.doc_number AS doc_number, d.period AS period, d.source AS source ORDER BY title, id LIMIT $limit",
        {"text": text, "limit": PICKER_SIZE},
    )


@st.cache_data(show_spinner="Highlighting the text…")
def _highlighted(spec: str, document_id: str, source: str, doc_dirs: tuple[str, ...]) -> tuple[str, str, int]:
    """(html, where the text came from, number of highlighted spans)."""
    document = document_text(connection.store(), document_id, source, [Path(d) for d in doc_dirs])
    return render_html(document), document.origin, len(document.spans)


def _legend() -> None:
    chips = [
        f'<span style="background:{SPAN_COLOURS[k]};padding:1px 6px;border-radius:3px;margin-right:8px">'
        f"{SPAN_NAMES[k]}</span>"
        for k in SPAN_COLOURS
    ]
    st.markdown(" ".join(chips), unsafe_allow_html=True)


def _measures_table(document_id: str) -> None:
    rows = []
    for m in stored_measures(connection.store(), document_id):
        by_role = {
            role: [name for r, _, name in m.units if r == role] for role in ("lead", "participate", "responsible")
        }
        rows.append(
            {
                "path": m.path,
                "heading": m.heading,
                "lead": "、".join(by_role["lead"]),
                "participate": "、".join(by_role["participate"]),
                "responsible": "、".join(by_role["responsible"]),
                "deadline": m.deadline_text,
                "instruments": "、".join(m.instruments),
            }
        )
    rows.sort(key=lambda r: path_key(r["path"]))
    tables.show(tables.frame(rows), f"measures-{document_id}", key="doc-measures")


def render() -> None:
    st.title("Documents")
    spec = settings().store
    text = st.text_input("Find a document", key="doc-find", placeholder="part of its title or file name").strip()
    documents = _documents(spec, text)
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
            html, origin, count = _highlighted(
                spec, chosen, doc.get("source") or "", tuple(map(str, settings().doc_dirs))
            )
            _legend()
            st.caption(f"{count} highlighted spans; text from {origin}.")
            with st.container(height=640):
                st.html(html)
    if outline_tab.open:
        with outline_tab:
            lines = [
                f"{'    ' * e.depth}- {'' if e.is_measure else '**'}{e.path.split('/')[-1]} {e.heading}"
                f"{'' if e.is_measure else '**'}"
                for e in outline(connection.store(), chosen)
            ]
            st.markdown("\n".join(lines) if lines else "No outline.")
    if measures_tab.open:
        with measures_tab:
            _measures_table(chosen)


render()
