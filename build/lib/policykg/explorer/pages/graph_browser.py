"""Graph page: the neighbourhood of a document, unit or instrument, filtered by document, role and unit
kind, with nodes to expand one at a time."""

from __future__ import annotations

import streamlit as st

from policykg.explorer import connection, network
from policykg.explorer.neighbourhoods import Filters, apply, grow
from policykg.explorer.settings import settings
from policykg.explorer.subgraph import Subgraph
from policykg.queries.catalog import run_named

# Start label -> (the named query finding its nodes by name, the column holding the name).
START_KINDS = {
    "Document": ("document_search", "title"),
    "Unit": ("units_by_name", "name"),
    "Instrument": ("instrument_search", "title"),
}
EXPANDED_KEY = "graph-expanded"
PICKER_SIZE = 200  # start nodes the picker lists: the first by name, or the first matching what was typed


@st.cache_data(show_spinner=False)
def _choices(spec: str, label: str, text: str) -> dict[str, str]:
    """id -> display name of the first PICKER_SIZE nodes of a start label by name (units by name, documents by
    title …) whose name contains `text` ("" for any)."""
    query, column = START_KINDS[label]
    rows = run_named(connection.store(), query, text=text, limit=PICKER_SIZE)
    return {r["id"]: r[column] or r["id"] for r in rows}


@st.cache_data(show_spinner=False)
def _titles(spec: str, document_ids: tuple[str, ...]) -> dict[str, str]:
    """Document id -> title."""
    rows = run_named(connection.store(), "document_titles", ids=list(document_ids))
    return {r["id"]: r["title"] or r["id"] for r in rows}


@st.cache_data(show_spinner=False)
def _neighbourhood(spec: str, start: str, hops: int, expanded: tuple[str, ...]) -> tuple[Subgraph, bool]:
    """The start node's neighbourhood, `hops` deep, with the expanded nodes' (unfiltered: filters apply after)."""
    return grow(connection.store(), start, hops, expanded)


def _documents_in(graph: Subgraph, selected: list[str]) -> list[str]:
    """The documents the fetched graph holds (filtering by any other would empty it), plus those selected."""
    found = {n.id for n in graph.nodes.values() if n.label == "Document"}
    found |= {str(n.properties["document_id"]) for n in graph.nodes.values() if n.properties.get("document_id")}
    return sorted(found | set(selected))


@st.cache_data(show_spinner=False)
def _unit_kinds(spec: str) -> list[str]:
    rows = run_named(connection.store(), "unit_kinds")
    return [r["kind"] for r in rows if r["kind"]]


def _reset_expanded() -> None:
    st.session_state[EXPANDED_KEY] = []


def render() -> None:
    st.title("Graph")
    spec = settings().store
    st.session_state.setdefault(EXPANDED_KEY, [])

    left, middle, right = st.columns([1, 3, 1])
    start_label = left.radio("Start from", list(START_KINDS), key="graph-start-label", on_change=_reset_expanded)
    text = middle.text_input(
        f"Find a {start_label.lower()}", key=f"graph-find-{start_label}", placeholder="part of its name or title",
        on_change=_reset_expanded,
    ).strip()  # fmt: skip
    choices = _choices(spec, start_label, text)
    if not choices:
        st.info(f"No {start_label} is called “{text}”." if text else f"The store has no {start_label} nodes.")
        return
    start = middle.selectbox(
        start_label, list(choices), format_func=choices.__getitem__, key=f"graph-start-{start_label}",
        on_change=_reset_expanded, help=f"The first {PICKER_SIZE} by name; find others by typing above.",
    )  # fmt: skip
    hops = right.slider("Hops", 1, 4, 1, key="graph-hops")

    expanded: list[str] = st.session_state[EXPANDED_KEY]
    fetched, cut = _neighbourhood(spec, start, hops, tuple(expanded))

    f1, f2, f3 = st.columns(3)
    in_graph = _documents_in(fetched, st.session_state.get("graph-docs", []))
    titles = _titles(spec, tuple(in_graph))
    doc_filter = f1.multiselect(
        "Documents", in_graph, format_func=lambda i: titles.get(i, i), placeholder="all", key="graph-docs"
    )
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
