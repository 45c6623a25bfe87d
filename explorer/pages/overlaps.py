"""Overlaps page: where work is shared or duplicated. Unit × unit co-assignment heatmap, the busiest units
by role, units that co-lead, the co-assignment network's central units, and near-duplicate measures
across documents. The analytics are queries.overlap; this page draws them."""

from __future__ import annotations

import io

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from explorer import connection, named, tables
from explorer.settings import settings
from graph.store import Row
from queries import overlap, similarity

ROLES = overlap.ROLES


@st.cache_data(show_spinner="Building the co-assignment graph…")
def _co_assignment(spec: str, roles: tuple[str, ...]) -> tuple[bytes, list[Row], list[tuple[str, str, int]]]:
    """(GraphML, centrality rows, weighted edges) of the unit co-assignment graph."""
    graph = overlap.co_assignment_graph(connection.store(), roles)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    edges = [(a, b, int(w)) for a, b, w in graph.edges(data="weight", default=1)]
    return buffer.getvalue(), overlap.centrality(graph), edges


@st.cache_data(show_spinner="Comparing measure texts across documents…")
def _near_duplicates(spec: str, threshold: float) -> tuple[list[Row], str]:
    """Pairs from the store's SIMILAR_TO links when `policykg overlap` wrote them, else computed here
    (without writing: the explorer's store is read-only)."""
    stored = named.run("similar_measures", min_score=threshold, limit=200)
    if stored:
        return stored, "SIMILAR_TO links in the store"
    rows = overlap.near_duplicates(connection.store(), threshold=threshold, write=False, limit=200)
    return rows, "computed now (run `policykg overlap` to store them)"


def heatmap(edges: list[tuple[str, str, int]], centrality: list[Row], size: int) -> alt.Chart:
    """The `size` units with the most shared measures, each cell the number of measures two units share."""
    top = [r["unit"] for r in sorted(centrality, key=lambda r: -r["weighted_degree"])[:size]]
    chosen = set(top)
    cells = [
        {"unit": a, "with": b, "shared": w}
        for x, y, w in edges
        if x in chosen and y in chosen
        for a, b in ((x, y), (y, x))
    ]
    data = pd.DataFrame(cells, columns=["unit", "with", "shared"])
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X("with:N", sort=top, title=None, axis=alt.Axis(labelAngle=-90, labelLimit=200, labelOverlap=False)),
            y=alt.Y("unit:N", sort=top, title=None, axis=alt.Axis(labelLimit=200, labelOverlap=False)),
            color=alt.Color("shared:Q", scale=alt.Scale(scheme="orangered"), title="shared measures"),
            tooltip=["unit", "with", "shared"],
        )
        .properties(height=alt.Step(20), width=alt.Step(20))
    )


def render() -> None:
    st.title("Overlaps")
    spec = settings().store
    roles = st.multiselect("Roles that count as assigned", ROLES, default=list(ROLES), key="ovl-roles")
    graphml, central, edges = _co_assignment(spec, tuple(roles or ROLES))
    heat_tab, busy_tab, co_tab, dup_tab = st.tabs(
        ["Co-assignment heatmap", "Busiest units", "Co-leading pairs", "Near-duplicate measures"],
        key="ovl-tab",
        on_change="rerun",
    )
    if heat_tab.open:  # tabs render lazily: only the open one runs
        with heat_tab:
            size = st.slider("Units shown (most shared work first)", 5, 60, 25, key="ovl-size")
            if edges:
                st.altair_chart(heatmap(edges, central, size), width="content")
            else:
                st.info("No two units share a measure in these roles.")
            st.caption("The co-assignment network: degree, betweenness and Louvain community per unit.")
            tables.show(tables.frame(central), "unit-centrality", key="ovl-central")
            st.download_button(
                "Co-assignment graph (GraphML)", graphml, file_name="co-assignment.graphml",
                mime="application/xml", on_click="ignore", key="ovl-graphml",
            )  # fmt: skip
    if busy_tab.open:
        with busy_tab:
            limit = st.slider("How many", 5, 50, 15, key="ovl-busy-limit")
            columns = st.columns(len(ROLES))
            for column, role in zip(columns, ROLES, strict=True):
                with column:
                    st.markdown(f"**{role}**")
                    rows = named.run("busiest_units", roles=[role], limit=limit)
                    tables.show(
                        tables.frame(rows, ["unit", "measures", "documents"]), f"busiest-{role}", key=f"ovl-b-{role}"
                    )
    if co_tab.open:
        with co_tab:
            tables.show(tables.frame(named.run("co_leading_units", limit=50)), "co-leading-units", key="ovl-co")
    if dup_tab.open:
        with dup_tab:
            threshold = st.slider(
                "Lowest similarity", 0.1, 0.95, similarity.DEFAULT_THRESHOLD, step=0.05, key="ovl-threshold"
            )
            rows, origin = _near_duplicates(spec, threshold)
            st.caption(f"{len(rows)} pairs of measures in different documents · {origin}")
            tables.show(tables.frame(rows, drop=("measure_a", "measure_b")), "near-duplicates", key="ovl-dup")


render()
