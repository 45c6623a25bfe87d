"""What the Graph page draws: a start node's neighbourhood, grown by hops and expanded nodes, then filtered
by document, role and unit kind."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from policykg.explorer.subgraph import ROLE_BY_REL, Subgraph, document_neighbourhood, neighbourhood
from policykg.graph.store import GraphStore

MAX_RELATIONSHIPS = 3000  # per fetch; the drawing itself stops far earlier (network.MAX_NODES)


@dataclass(frozen=True)
class Filters:
    documents: frozenset[str] = frozenset()  # document ids; empty means all
    roles: frozenset[str] = frozenset()  # lead | participate | responsible; empty means all
    unit_kinds: frozenset[str] = frozenset()  # empty means all


def grow(store: GraphStore, start_id: str, hops: int, expanded: Iterable[str]) -> tuple[Subgraph, bool]:
    """The start node (a document with its sections and measures) plus `hops` rounds of neighbours, plus the
    neighbours of every expanded node."""
    if start_id.startswith("doc:"):
        graph, cut = document_neighbourhood(store, start_id, MAX_RELATIONSHIPS)
    else:
        graph, cut = neighbourhood(store, [start_id], MAX_RELATIONSHIPS)
    frontier = set(graph.nodes) - _start_set(graph, start_id)  # the start's own links are in already
    for _ in range(hops - 1):
        more, more_cut = neighbourhood(store, frontier, MAX_RELATIONSHIPS)
        frontier = set(more.nodes) - set(graph.nodes)
        graph.merge(more)
        cut = cut or more_cut
    extra = list(expanded)
    if extra:
        more, more_cut = neighbourhood(store, extra, MAX_RELATIONSHIPS)
        graph.merge(more)
        cut = cut or more_cut
    return graph, cut


def _start_set(graph: Subgraph, start_id: str) -> set[str]:
    """The start node, and a document's sections and measures."""
    parts = {
        n.id
        for n in graph.nodes.values()
        if n.label in ("Section", "Measure") and n.properties.get("document_id") == start_id
    }
    return {start_id} | parts


def apply(graph: Subgraph, filters: Filters, keep: Collection[str]) -> Subgraph:
    """The graph without filtered-out nodes and role edges; nodes left with no edge go too (except `keep`)."""
    out = Subgraph()
    for node in graph.nodes.values():
        if node.id not in keep and not _node_passes(node.label, node.id, node.properties, filters):
            continue
        out.nodes[node.id] = node
    for edge in graph.edges.values():
        role = ROLE_BY_REL.get(edge.type)
        if role and filters.roles and role not in filters.roles:
            continue
        out.add_edge(edge)
    linked = {e.start for e in out.edges.values()} | {e.end for e in out.edges.values()}
    out.nodes = {i: n for i, n in out.nodes.items() if i in linked or i in keep}
    return out


def _node_passes(label: str, node_id: str, props: Mapping[str, Any], filters: Filters) -> bool:
    if filters.documents:
        if label == "Document" and node_id not in filters.documents:
            return False
        if label in ("Section", "Measure") and props.get("document_id") not in filters.documents:
            return False
    return not (filters.unit_kinds and label == "Unit" and props.get("kind") not in filters.unit_kinds)
