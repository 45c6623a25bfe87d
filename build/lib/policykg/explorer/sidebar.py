"""The sidebar every page shares: which store is connected, its counts, a reconnect button and the
whole-graph downloads."""

from __future__ import annotations

import io

import streamlit as st

from policykg.explorer import connection
from policykg.explorer.settings import settings
from policykg.graph.export import write_graphml, write_json
from policykg.graph.stats import Stats, stats


@st.cache_data(show_spinner=False)
def _counts(spec: str) -> Stats:
    return stats(connection.store())


def _graphml() -> bytes:
    buffer = io.BytesIO()
    write_graphml(connection.store(), buffer)
    return buffer.getvalue()


def _json() -> str:
    buffer = io.StringIO()
    write_json(connection.store(), buffer)
    return buffer.getvalue()


def render() -> None:
    spec = settings().store
    store = connection.store()
    counts = _counts(spec)
    with st.sidebar:
        st.markdown(f"**Store** ({store.dialect}, read-only)")
        st.code(store.location, language=None, wrap_lines=True)
        nodes, rels = counts["nodes"], counts["relationships"]
        st.caption(f"{sum(nodes.values()):,} nodes · {sum(rels.values()):,} relationships")
        st.markdown("  \n".join(f"{name}: **{n:,}**" for name, n in nodes.items()))
        with st.expander("Relationships"):
            st.markdown("  \n".join(f"{name}: **{n:,}**" for name, n in rels.items()))
        if st.button("Reconnect", help="Reopen the store to see what an ingest wrote since it was opened"):
            connection.reconnect()
            st.rerun()
        st.markdown("**Whole graph**")
        left, right = st.columns(2)
        left.download_button(
            "GraphML", _graphml, file_name="policykg.graphml", mime="application/xml", on_click="ignore"
        )
        right.download_button("JSON", _json, file_name="policykg.json", mime="application/json", on_click="ignore")
