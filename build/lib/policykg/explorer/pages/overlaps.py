"""Overlaps page: where work is shared or duplicated. Unit × unit co-assignment heatmap, the busiest units
by role, units that co-lead, the co-assignment network's central units, and near-duplicate measures
across documents. The analytics are queries.overlap; this page draws them."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from policykg.explorer import connection, named, tables
from policykg.explorer.settings import settings
from policykg.graph import ids
from policykg.graph.store import Row
from policykg.queries import overlap, similarity

ROLES = overlap.ROLES
NETWORK_KEY = "ovl-network-asked"  # the role choices whose whole network the user asked for


# A resource, not data: the network is not copied on every rerun (350,000 edges at a million measures).
@st.cache_resource(show_spinner="Building the whole co-assignment network and its centrality…")
def _network(spec: str, roles: tuple[str, ...]) -> tuple[nx.Graph, list[Row]]:
    """The whole unit co-assignment network and its centrality rows: only on request."""
    graph = overlap.co_assignment_graph(connection.store(), roles)
    return graph, overlap.centrality(graph)


def _graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()


@st.cache_data(show_spinner="Comparing measure texts across documents…")
def _near_duplicates(spec: str, threshold: float) -> tuple[list[Row], str]:
    """Pairs from the store's SIMILAR_TO links when `policykg overlap` wrote them, else computed here
    (without writing: the explorer's store is read-only)."""
    stored = named.run("similar_measures", min_score=threshold, limit=200)
    if stored:
        return stored, "SIMILAR_TO links in the store"
    rows = overlap.near_duplicates(connection.store(), threshold=threshold, write=False, limit=200)
    return rows, "computed now (run `policykg overlap` to store them)"


def heatmap(units: list[str], cells: list[Row]) -> tuple[pd.DataFrame, dict[str, Any]]:
    """(data, Vega-Lite spec): units in the given order on both axes, each cell the measures two units share.
    A plain spec rather than Altair, whose import alone takes 0.3 s."""
    both_ways = [(c["unit_a"], c["unit_b"], c["measures"]) for c in cells]
    both_ways += [(b, a, shared) for a, b, shared in both_ways]
    data = pd.DataFrame(both_ways, columns=["unit", "with", "shared"])
    axis = {"labelLimit": 200, "labelOverlap": False}
    spec = {
        "mark": "rect",
        "encoding": {
            "x": {
                "field": "with",
                "type": "nominal",
                "sort": units,
                "title": None,
                "axis": {**axis, "labelAngle": -90},
            },
            "y": {"field": "unit", "type": "nominal", "sort": units, "title": None, "axis": axis},
            "color": {
                "field": "shared",
                "type": "quantitative",
                "scale": {"scheme": "orangered"},
                "title": "shared measures",
            },
            "tooltip": [{"field": "unit"}, {"field": "with"}, {"field": "shared"}],
        },
        "width": {"step": 20},
        "height": {"step": 20},
    }
    return data, spec


def _heatmap_tab(spec: str, roles: list[str]) -> None:
    """The busiest units' shared work, read from their own measures; the whole network on request."""
    size = st.slider("Units shown (most measures first)", 5, 60, 25, key="ovl-size")
    top = named.run("busiest_units", roles=roles, limit=size)
    units = [r["unit"] for r in top]
    cells = named.run("co_assigned_among", units=units, roles=roles) if units else []
    if cells:
        st.vega_lite_chart(*heatmap(units, cells), width="content")
    else:
        st.info("No two of these units share a measure in these roles.")
    st.caption(
        f"The {len(units)} units holding the most measures in these roles. Degree: how many units each shares a "
        "measure with; weighted degree: the measures it shares, summed over them."
    )
    rows = _with_degrees(top, roles)
    tables.show(
        tables.frame(rows, first=("unit", "kind", "jurisdiction", "degree", "weighted_degree")),
        "unit-degrees",
        key="ovl-degrees",
    )
    _centrality(spec, tuple(roles))


def _with_degrees(units: list[Row], roles: list[str]) -> list[Row]:
    """The units' rows with their degree and weighted degree (0 for a unit sharing nothing), most shared first."""
    # One unit at a time, found by key (see unit_degree.cypher); each is cached on its own.
    found = {r["unit"]: r for u in units for r in named.run("unit_degree", unit_id=ids.unit_id(u["unit"]), roles=roles)}
    rows = [
        {**u, "degree": found.get(u["unit"], {}).get("degree", 0),
         "weighted_degree": found.get(u["unit"], {}).get("weighted_degree", 0)}
        for u in units
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (-r["weighted_degree"], r["unit"]))


def _centrality(spec: str, roles: tuple[str, ...]) -> None:
    """Betweenness and communities need the whole network: built when asked for, then kept for the store."""
    st.markdown("**Centrality and communities**")
    st.caption(
        "Betweenness and Louvain communities over the whole co-assignment network, built when asked for (about 20 s "
        f"at a million measures). Betweenness is exact in components of up to {overlap.EXACT_BETWEENNESS} "
        f"units and estimated from {overlap.BETWEENNESS_SAMPLE} seeded source units in larger ones."
    )
    asked: set[tuple[str, ...]] = st.session_state.setdefault(NETWORK_KEY, set())
    if roles not in asked:
        if not st.button("Compute centrality and communities", key="ovl-compute"):
            return
        asked.add(roles)
    graph, central = _network(spec, roles)
    tables.show(tables.frame(central), "unit-centrality", key="ovl-central")
    st.download_button(
        "Co-assignment graph (GraphML)", lambda: _graphml(graph), file_name="co-assignment.graphml",
        mime="application/xml", on_click="ignore", key="ovl-graphml",
    )  # fmt: skip


def render() -> None:
    st.title("Overlaps")
    spec = settings().store
    roles = st.multiselect("Roles that count as assigned", ROLES, default=list(ROLES), key="ovl-roles")
    roles = roles or list(ROLES)
    heat_tab, busy_tab, co_tab, dup_tab = st.tabs(
        ["Co-assignment heatmap", "Busiest units", "Co-leading pairs", "Near-duplicate measures"],
        key="ovl-tab",
        on_change="rerun",
    )
    if heat_tab.open:  # tabs render lazily: only the open one runs
        with heat_tab:
            _heatmap_tab(spec, roles)
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
