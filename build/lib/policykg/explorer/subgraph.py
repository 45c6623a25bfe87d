"""A drawable piece of the graph: nodes keyed by id, typed edges, and how to fetch one from a store.

Every node id starts with its label (`doc:`, `mea:`, `unit:` …, see graph/ids.py), so rows from any
backend, or any Cypher a user typed, can be turned into labelled nodes without backend internals.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from policykg.graph.schema import ROLE_REL
from policykg.graph.store import GraphStore
from policykg.queries.catalog import run_named

LABEL_BY_PREFIX = {
    "doc": "Document",
    "sec": "Section",
    "mea": "Measure",
    "unit": "Unit",
    "inst": "Instrument",
    "jur": "Jurisdiction",
}
ROLE_BY_REL = {rel: role for role, rel in ROLE_REL.items()}
CAPTION_CHARS = 24
HUB_LABELS = frozenset({"Unit", "Instrument", "Jurisdiction"})  # nodes with up to tens of thousands of links


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    properties: Mapping[str, Any]

    @property
    def caption(self) -> str:
        p = self.properties
        if self.label in ("Measure", "Section"):
            text = f"{p.get('path', '')} {p.get('heading', '')}".strip()
        else:
            text = str(p.get("name") or p.get("title") or self.id)
        return text if len(text) <= CAPTION_CHARS else text[: CAPTION_CHARS - 1] + "…"

    @property
    def tooltip(self) -> str:
        shown = {k: v for k, v in self.properties.items() if k not in ("text", "fingerprint") and v not in ("", None)}
        return f"{self.label}\n" + "\n".join(f"{k}: {v}" for k, v in shown.items())


@dataclass(frozen=True)
class Edge:
    start: str
    end: str
    type: str
    properties: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Subgraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add_node(self, properties: Mapping[str, Any]) -> Node | None:
        node_id = str(properties.get("id", ""))
        node_label = label_of(node_id)
        if not node_label:
            return None
        if node_id not in self.nodes:
            clean = {k: v for k, v in properties.items() if not str(k).startswith("_")}
            self.nodes[node_id] = Node(node_id, node_label, clean)
        return self.nodes[node_id]

    def add_edge(self, edge: Edge) -> None:
        if edge.start in self.nodes and edge.end in self.nodes:
            self.edges.setdefault((edge.start, edge.type, edge.end), edge)

    def merge(self, other: Subgraph) -> None:
        self.nodes.update({k: v for k, v in other.nodes.items() if k not in self.nodes})
        for edge in other.edges.values():
            self.add_edge(edge)

    def capped(self, max_nodes: int, keep: Iterable[str] = ()) -> Subgraph:
        """At most `max_nodes` nodes: the ones in `keep` first, then in the order they were added."""
        if len(self.nodes) <= max_nodes:
            return self
        order = [i for i in keep if i in self.nodes] + list(self.nodes)
        chosen = list(dict.fromkeys(order))[:max_nodes]
        out = Subgraph({i: self.nodes[i] for i in chosen})
        for edge in self.edges.values():
            out.add_edge(edge)
        return out

    def to_networkx(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        for node in self.nodes.values():
            graph.add_node(node.id, labels=f":{node.label}", label=node.caption, **_scalars(node.properties))
        for edge in self.edges.values():
            graph.add_edge(edge.start, edge.end, type=edge.type, label=edge.type, **_scalars(edge.properties))
        return graph

    def graphml(self) -> bytes:
        buffer = io.BytesIO()
        nx.write_graphml(self.to_networkx(), buffer)
        return buffer.getvalue()


def label_of(node_id: str) -> str:
    """The node label an id names by its prefix; "" for anything that is not a node id."""
    prefix, sep, _ = node_id.partition(":")
    return LABEL_BY_PREFIX.get(prefix, "") if sep else ""


def _scalars(properties: Mapping[str, Any]) -> dict[str, Any]:
    # GraphML holds scalars only; `id` is the node key already.
    return {k: v for k, v in properties.items() if k != "id" and isinstance(v, (str, int, float, bool))}


# Every read goes through a named query (cypher/nodes_by_id, relationships_from/_to/_among and
# document_relationships_from/_to). LadybugDB looks an id up in its primary-key index only for a labelled
# node (`(n:Measure {id: i})`; unlabelled, or `id IN $ids`, it scans): so the nodes are read one label at a
# time, the label written into the statement by the catalog from the schema's allow-list.


def _by_label(ids: Iterable[str]) -> dict[str, list[str]]:
    """The node ids grouped by the label their prefix names, in LABEL_BY_PREFIX's order: hubs last, so
    a limit fills with the nodes' own surroundings before a unit's thousands of measures (ids of no known
    label are left out)."""
    groups: dict[str, list[str]] = {label: [] for label in sorted(LABEL_BY_PREFIX.values(), key=_hub_last)}
    for node_id in ids:
        if label_of(node_id):
            groups[label_of(node_id)].append(node_id)
    return {label: members for label, members in groups.items() if members}


def _hub_last(label: str) -> bool:
    return label in HUB_LABELS


def fetch_nodes(store: GraphStore, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The nodes with the given ids, looked up by key one label at a time."""
    nodes: list[dict[str, Any]] = []
    for label, members in _by_label(sorted(set(ids))).items():
        nodes += [r["n"] for r in run_named(store, "nodes_by_id", label=label, ids=members)]
    return nodes


def _collect(store: GraphStore, queries: Iterable[tuple[str, dict[str, Any]]], limit: int) -> list[dict[str, Any]]:
    """Rows {start_id, end_id, type, r, other} of the named queries' relationships, each once, at most
    `limit`."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for name, params in queries:
        for row in run_named(store, name, **params, limit=limit):
            key = (row["start_id"], row["type"], row["end_id"])
            if key not in seen:  # a relationship between two wanted nodes comes from both of them
                seen.add(key)
                rows.append(row)
        if len(rows) >= limit:
            break
    return rows[:limit]


def _touching(wanted: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for label, members in _by_label(wanted).items():
        yield "relationships_from", {"label": label, "ids": members}
        yield "relationships_to", {"label": label, "ids": members}


def _drawn(store: GraphStore, near: list[str], rows: list[dict[str, Any]]) -> Subgraph:
    """The rows' relationships with the nodes at both ends. A row carries the node at its far end only: the
    near nodes are read once, by id (a node in every row of its relationships cost a third of the time), as
    is any end that no row returned."""
    graph = Subgraph()
    for node in fetch_nodes(store, near):
        graph.add_node(node)
    for row in rows:
        graph.add_node(row["other"])
    ends = {i for row in rows for i in (row["start_id"], row["end_id"])}
    for node in fetch_nodes(store, ends - set(graph.nodes)):
        graph.add_node(node)
    for row in rows:
        graph.add_edge(Edge(row["start_id"], row["end_id"], row["type"], _rel_props(row["r"])))
    return graph


def neighbourhood(store: GraphStore, ids: Iterable[str], limit: int) -> tuple[Subgraph, bool]:
    """The given nodes, every relationship touching them and the nodes at the other end, at most
    `limit` relationships; the flag says whether the limit cut some off."""
    wanted = sorted(set(ids))
    if not wanted:
        return Subgraph(), False
    rows = _collect(store, _touching(wanted), limit + 1)
    return _drawn(store, wanted, rows[:limit]), len(rows) > limit


# A document's own relationships and those of its sections and measures, walked from the document's key:
# what `neighbourhood` gives for the document and its parts, in 2 statements instead of 6.
DOCUMENT_PARTS = ("document_relationships_from", "document_relationships_to")


def document_neighbourhood(store: GraphStore, document_id: str, limit: int) -> tuple[Subgraph, bool]:
    """`neighbourhood` of a document with all its sections and measures."""
    rows = _collect(store, [(name, {"doc": document_id}) for name in DOCUMENT_PARTS], limit + 1)
    return _drawn(store, [document_id], rows[:limit]), len(rows) > limit


def induced(store: GraphStore, ids: Iterable[str]) -> Subgraph:
    """The nodes with the given ids and the relationships among them (what a Cypher result draws)."""
    wanted = sorted(set(ids))
    graph = Subgraph()
    for node in fetch_nodes(store, wanted):
        graph.add_node(node)
    if not graph.nodes:
        return graph
    found = sorted(graph.nodes)
    for label in _by_label(found):
        for row in run_named(store, "relationships_among", label=label, ids=found):
            graph.add_edge(Edge(row["start_id"], row["end_id"], row["type"], _rel_props(row["r"])))
    return graph


def node_ids_in(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every node id a result mentions: returned nodes (dicts with an `id`), id strings, lists of either."""
    found: dict[str, None] = {}

    def visit(value: Any) -> None:
        if isinstance(value, Mapping):
            if label_of(str(value.get("id", ""))):
                found[str(value["id"])] = None
            for item in value.values():
                if isinstance(item, (list, tuple, Mapping)):
                    visit(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item)
        elif isinstance(value, str) and label_of(value):
            found[value] = None

    for row in rows:
        visit(dict(row))
    return list(found)


def _rel_props(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        return {}
    return {k: v for k, v in value.items() if not str(k).startswith("_") and v is not None}
