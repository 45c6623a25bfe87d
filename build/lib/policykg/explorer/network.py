"""Draw a Subgraph with pyvis inside the page: nodes coloured by label, edges by role, a legend."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import streamlit as st
from pyvis.network import Network

from policykg.core.vocabulary import ROLE_RELATIONSHIP, ROLE_WORD, ROLE_WORD_EN
from policykg.explorer.subgraph import Subgraph

NODE_COLOURS = {
    "Document": "#4e79a7",
    "Section": "#9c9c9c",
    "Measure": "#f2b447",
    "Unit": "#59a14f",
    "Instrument": "#b07aa1",
    "Jurisdiction": "#76b7b2",
}
EDGE_COLOURS = {
    ROLE_RELATIONSHIP["lead"]: "#e15759",
    ROLE_RELATIONSHIP["participate"]: "#4e79a7",
    ROLE_RELATIONSHIP["responsible"]: "#f28e2b",
    "CITES": "#b07aa1",
    "SIMILAR_TO": "#edc948",
}
EDGE_NAMES = {
    **{rel: f"{ROLE_WORD_EN[role]} ({ROLE_WORD[role]})" for role, rel in ROLE_RELATIONSHIP.items()},
    "CITES": "cites",
    "SIMILAR_TO": "similar to",
}
OTHER_EDGE = "#c8c8c8"
MAX_NODES = 300
# pyvis's template loads Bootstrap from a CDN; the drawing does not need it and the app must work offline.
_CDN_TAG = re.compile(r"<(link|script)[^>]*https://cdn\.jsdelivr\.net[^>]*>(\s*</script>)?", re.S)


def network_html(graph: Subgraph, height_px: int = 620) -> str:
    """A self-contained HTML page (vis-network inlined) drawing the graph."""
    net = Network(height=f"{height_px}px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for node in graph.nodes.values():
        net.add_node(
            node.id,
            label=_text(node.caption),
            title=_text(node.tooltip),
            color=NODE_COLOURS.get(node.label, "#bab0ac"),
            shape="dot",
            size=22 if node.label in ("Document", "Unit") else 14,
        )
    for edge in graph.edges.values():
        net.add_edge(
            edge.start,
            edge.end,
            title=_text(_edge_title(edge.type, edge.properties)),
            color=EDGE_COLOURS.get(edge.type, OTHER_EDGE),
            width=2 if edge.type in EDGE_COLOURS else 1,
        )
    # No stabilisation before the first drawing: 150 iterations of it held the browser for 0.9 s on 300 nodes;
    # without, the nodes are drawn at once and settle in view. Continuous curves rather than vis-network's
    # default dynamic ones, which put a hidden node on every edge into the physics.
    net.set_options(
        '{"physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": false}},'
        ' "edges": {"smooth": {"type": "continuous"}},'
        ' "interaction": {"hover": true, "tooltipDelay": 120}, "nodes": {"font": {"size": 16}}}'
    )
    return _CDN_TAG.sub("", net.generate_html())


def _text(value: str) -> str:
    # Captions go into the page's <script> as JSON: no angle brackets from the data can close it.
    return value.replace("<", "＜").replace(">", "＞")


def _edge_title(rel_type: str, properties: object) -> str:
    extra = ""
    if isinstance(properties, dict):
        extra = " ".join(f"{k}: {v}" for k, v in properties.items())
    return f"{rel_type} {extra}".strip()


def show(graph: Subgraph, *, keep: Iterable[str] = (), height_px: int = 620) -> None:
    """The drawing and its legend; past MAX_NODES nodes it draws the first MAX_NODES (those in `keep`
    first) and says so, since a bigger drawing freezes the browser."""
    if not graph.nodes:
        st.info("Nothing to draw.")
        return
    if len(graph.nodes) > MAX_NODES:
        st.warning(
            f"{len(graph.nodes):,} nodes: drawing the first {MAX_NODES}. "
            "Narrow the filters, or download the GraphML and open it in Gephi."
        )
        graph = graph.capped(MAX_NODES, keep)
    legend(graph)
    st.iframe(network_html(graph, height_px), height=height_px + 20)


def legend(graph: Subgraph) -> None:
    labels = sorted({n.label for n in graph.nodes.values()})
    types = sorted({e.type for e in graph.edges.values()})
    chips = [_chip(NODE_COLOURS.get(lbl, "#bab0ac"), lbl, round_=True) for lbl in labels]
    chips += [_chip(EDGE_COLOURS.get(t, OTHER_EDGE), EDGE_NAMES.get(t, t), round_=False) for t in types]
    st.markdown(" ".join(chips), unsafe_allow_html=True)


def _chip(colour: str, text: str, *, round_: bool) -> str:
    shape = "border-radius:50%;width:12px;height:12px" if round_ else "width:18px;height:4px"
    return (
        f'<span style="white-space:nowrap;margin-right:14px">'
        f'<span style="display:inline-block;{shape};background:{colour};vertical-align:middle;margin-right:4px">'
        f"</span>{html.escape(text)}</span>"
    )
