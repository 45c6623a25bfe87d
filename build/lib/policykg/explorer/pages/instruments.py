"""Instruments page: the most-cited laws and documents, their kinds, and who cites each one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from policykg.explorer import connection, named, tables
from policykg.explorer.settings import settings
from policykg.graph.store import Row
from policykg.queries.catalog import run_named

KINDS = ("法律", "行政法规", "地方性法规", "规章", "规范性文件", "党内法规", "规划", "司法解释")
SHOWN_MEASURES = 1000  # rows of the citing-measures table on the page


@st.cache_data(show_spinner=False)
def _instruments(spec: str) -> dict[str, str]:
    """Title -> kind of every instrument: read off the nodes, not their citations."""
    rows = run_named(connection.store(), "instruments")
    return {r["title"]: r["kind"] or "" for r in rows}


@st.cache_data(show_spinner=False)
def _kind_counts(spec: str) -> list[Row]:
    return run_named(connection.store(), "instrument_kinds")


def _kind_chart(counts: list[Row]) -> None:
    """Instruments per kind as horizontal bars: a plain Vega-Lite spec (Altair's import alone takes 0.3 s)."""
    data = pd.DataFrame([{"kind": r["kind"] or "unknown", "instruments": r["instruments"]} for r in counts])
    spec = {
        "mark": "bar",
        "encoding": {
            "y": {"field": "kind", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": "instruments", "type": "quantitative"},
            "tooltip": [{"field": "kind"}, {"field": "instruments"}],
        },
    }
    st.vega_lite_chart(data, spec, width="stretch")


def render() -> None:
    st.title("Instruments")
    spec = settings().store
    everything = _instruments(spec)
    if not everything:
        st.info("No document in this store cites an instrument.")
        return
    left, right = st.columns([3, 2])
    with left:
        kind_column, limit_column = st.columns(2)
        kind = kind_column.selectbox("Kind", ["", *KINDS], format_func=lambda k: k or "all kinds", key="inst-kind")
        limit = limit_column.slider("How many", 5, 100, 20, step=5, key="inst-limit")
        top = named.run("top_instruments", kind=kind, limit=limit)
        st.subheader("Most cited")
        tables.show(tables.frame(top), "top-instruments", key="inst-top")
    with right:
        st.subheader("By kind")
        _kind_chart(_kind_counts(spec))

    st.subheader("Who cites it")
    ranked = [r["instrument"] for r in top] + sorted(set(everything) - {r["instrument"] for r in top})
    chosen = st.selectbox(
        "Instrument", ranked, format_func=lambda t: f"《{t}》 · {everything.get(t) or '?'}", key="inst-choice"
    )
    documents_tab, measures_tab = st.tabs(["Documents", "Measures"], key="inst-tab", on_change="rerun")
    if documents_tab.open:  # tabs render lazily: only the open one runs
        with documents_tab:
            tables.show(
                tables.frame(named.run("instrument_documents", instruments=[chosen])), "citing-documents", key="inst-d"
            )
    if measures_tab.open:
        with measures_tab:
            _citing_measures(chosen)


def _citing_measures(instrument: str) -> None:
    """The measures citing the instrument: the first SHOWN_MEASURES on the page, all in the downloads."""
    rows = named.run("instrument_measures", instruments=[instrument], limit=SHOWN_MEASURES + 1)
    if len(rows) > SHOWN_MEASURES:
        st.caption(f"The first {SHOWN_MEASURES:,}; the downloads hold all of them.")
    store = connection.store()

    def everything() -> pd.DataFrame:  # on a download click, outside the script run: no Streamlit calls
        return _measures_frame(run_named(store, "instrument_measures", instruments=[instrument]))

    tables.show(_measures_frame(rows[:SHOWN_MEASURES]), "citing-measures", key="inst-m", everything=everything)


def _measures_frame(rows: list[Row]) -> pd.DataFrame:
    return tables.frame(rows, first=("source", "path", "heading", "sentence"), drop=("measure_id", "text"))


render()
