"""Instruments page: the most-cited laws and documents, their kinds, and who cites each one."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from explorer import named, tables

KINDS = ("法律", "行政法规", "地方性法规", "规章", "规范性文件", "党内法规", "规划", "司法解释")


def render() -> None:
    st.title("Instruments")
    everything = {r["instrument"]: r["kind"] for r in named.run("instrument_mentions")}
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
        counts = Counter(k or "unknown" for k in everything.values())
        st.bar_chart(pd.DataFrame({"instruments": counts}).sort_values("instruments", ascending=False), horizontal=True)

    st.subheader("Who cites it")
    ranked = [r["instrument"] for r in top] + sorted(set(everything) - {r["instrument"] for r in top})
    chosen = st.selectbox(
        "Instrument", ranked, format_func=lambda t: f"《{t}》 · {everything.get(t) or '?'}", key="inst-choice"
    )
    documents_tab, measures_tab = st.tabs(["Documents", "Measures"])
    with documents_tab:
        tables.show(
            tables.frame(named.run("instrument_documents", instruments=[chosen])), "citing-documents", key="inst-d"
        )
    with measures_tab:
        rows = named.run("instrument_measures", instruments=[chosen])
        df = tables.frame(rows, first=("source", "path", "heading", "sentence"), drop=("measure_id", "text"))
        tables.show(df, "citing-measures", key="inst-m")


render()
