"""Graph page: the neighbourhood of a document, unit or instrument, filtered by document, role and unit
kind, with nodes to expand one at a time."""

from __future__ import annotations

import streamlit as st

from explorer import connection, network
from explorer.neighbourhoods import Filters, apply, grow, seeds
from explorer.settings import settings
from explorer.subgraph import Subgraph

START_KINDS = {"Document": "title", "Unit": "name", "Instrument": "title"}
EXPANDED_KEY = "graph-expanded"


@st.cache_data(show_spinner=False)
def _choices(spec: str, label: str) -> dict[str, str]:
    """id -> display name for every node of a start label (units by name, documents by title …)."""
    prop = START_KINDS[label]
    rows = connection.store().read(f"MATCH (n:{label}) RETURN n.id AS id, n.{prop} AS name ORDER BY name")
    return {r["id"]: r["name"] or r["id"] for r in rows}


@st.cache_data(show_spinner=False)
def _neighbourhood(spec: str, start: str, hops: int, expanded: tuple[str, ...]) -> tuple[Subgraph, bool]:
    """The start node's neighbourhood, `hops` deep, with the expanded nodes' (unfiltered: filters apply after)."""
    store = connection.store()
    return grow(store, seeds(store, start), hops, expanded)


def _documents_in(graph: Subgraph, selected: list[str]) -> list[str]:
    """The documents the fetched graph holds (filtering by any other would empty it), plus those selected."""
    found = {n.id for n in graph.nodes.values() if n.label == "Document"}
    found |= {str(n.properties["document_id"]) for n in graph.nodes.values() if n.properties.get("document_id")}
    return sorted(found | set(selected))


@st.cache_data(show_spinner=False)
def _unit_kinds(spec: str) -> list[str]:
    rows = connection.store().read("MATCH (u:Unit) RETURN DISTINCT u.kind AS kind ORDER BY kind")
    return [r["kind"] for r in rows if r["kind"]]


def _reset_expanded() -> None:
    st.session_state[EXPANDED_KEY] = []


def render() -> None:
    st.title("Graph")
    spec = settings().store
    st.session_state.setdefault(EXPANDED_KEY, [])

    left, middle, right = st.columns([1, 3, 1])
    start_label = left.radio("Start from", list(START_KINDS), key="graph-start-label", on_change=_reset_expanded)
    choices = _choices(spec, start_label)
    if not choices:
        st.info(f"The store has no {start_label} nodes.")
        return
    start = middle.selectbox(
        start_label, list(choices), format_func=choices.__getitem__, key=f"graph-start-{start_label}",
        on_change=_reset_expanded,
    )  # fmt: skip
    hops = right.slider("Hops", 1, 4, 1, key="graph-hops")

    expanded: list[str] = st.session_state[EXPANDED_KEY]
    fetched, cut = _neighbourhood(spec, start, hops, tuple(expanded))

    documents = _choices(spec, "Document")
    f1, f2, f3 = st.columns(3)
    doc_filter = f1.multiselect(
        "Documents", _documents_in(fetched, st.session_state.get("graph-docs", [])),
        format_func=lambda i: documents.get(i, i), placeholder="all", key="graph-docs",
    )  # fmt: skip
    role_filter = f2.multiselect("Roles", ["lead", "participate", "responsible"], placeholder="all", key="graph-roles")
    kind_filter = f3.multiselect("Unit kinds", _unit_kinds(spec), placeholder="all", key="graph-kinds")
    filters = Filters(frozenset(doc_filter), frozenset(role_filter), frozenset(kind_filter))

    keep = {start, *expanded}
    graph = apply(fetched, filters, keep)
    if cut:
        st.warning("This neighbourhood has more relationships than one fetch takes: some are left out.")

    e1, e2, e3 = st.columns([4, 1, 1])
    nodes = sorted(graph.nodes.values(), key=lambda n: (n.label, n.caption))
    target = e1.selectbox(
        "Expand a node",
        [n.id for n in nodes],
        format_func=lambda i: f"{graph.nodes[i].label}: {graph.nodes[i].caption}",
        key="graph-expand-choice",
    )
    if e2.button("Expand", key="graph-expand", width="stretch") and target and target not in expanded:
        st.session_state[EXPANDED_KEY] = [*expanded, target]
        st.rerun()
    if e3.button("Reset", key="graph-reset", width="stretch", disabled=not expanded):
        _reset_expanded()
        st.rerun()
    st.caption(
        f"{len(graph.nodes):,} nodes, {len(graph.edges):,} relationships"
        + (
            f" · expanded: {', '.join(fetched.nodes[i].caption for i in expanded if i in fetched.nodes)}"
            if expanded
            else ""
        )
    )
    network.show(graph, keep=keep)
    st.download_button(
        "Download this graph (GraphML)", graph.graphml, file_name="policykg-subgraph.graphml",
        mime="application/xml", on_click="ignore", key="graph-graphml",
    )  # fmt: skip


render()
