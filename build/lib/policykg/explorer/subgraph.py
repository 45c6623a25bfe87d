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
from policykg.graph.store import GraphStore, Statement

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


def _rel_type_expr(store: GraphStore) -> str:
    return "label(r)" if store.dialect == "ladybug" else "type(r)"


# LadybugDB looks an id up in its primary-key index only for `{id: $id}` with a labelled node: `id IN $ids`
# scans the whole table (0.4 s for the Measure table at a million measures, 0.5 ms by key). So there, a
# set of nodes is read one node at a time; a Neo4j server uses its index for `IN $ids` and takes them all
# in one statement.


def _by_label(ids: Iterable[str]) -> dict[str, list[str]]:
    """The node ids grouped by the label their prefix names (ids of no known label are left out)."""
    groups: dict[str, list[str]] = {}
    for node_id in ids:
        if label_of(node_id):
            groups.setdefault(label_of(node_id), []).append(node_id)
    return groups


def fetch_nodes(store: GraphStore, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The nodes with the given ids, looked up by key one label at a time (UNWIND keeps the key lookup)."""
    nodes: list[dict[str, Any]] = []
    for label, members in _by_label(sorted(set(ids))).items():  # label: from LABEL_BY_PREFIX only
        nodes += [
            r["n"] for r in store.read(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n", {"ids": members})
        ]
    return nodes


def _collect(store: GraphStore, statements: Iterable[Statement], limit: int) -> list[dict[str, Any]]:
    """Rows {a, b, type, r} of the statements' relationships, each once, at most `limit`."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[Any, str, Any]] = set()
    for cypher, params in statements:
        for row in store.read(cypher, params):
            key = (row["a"].get("id"), row["type"], row["b"].get("id"))
            if key not in seen:  # a relationship between two wanted nodes comes from both of them
                seen.add(key)
                rows.append(row)
        if len(rows) >= limit:
            break
    return rows[:limit]


def _touching_statements(store: GraphStore, wanted: list[str], limit: int) -> Iterator[Statement]:
    rel_type = _rel_type_expr(store)
    returned = f"RETURN a, b, {rel_type} AS type, r"
    if store.dialect != "ladybug":
        # One side at a time: `a.id IN $ids OR b.id IN $ids` is not answered from the index.
        for side in ("a", "b"):
            yield f"MATCH (a)-[r]->(b) WHERE {side}.id IN $ids {returned} LIMIT $limit", {"ids": wanted, "limit": limit}
        return
    for node_id in wanted:
        label = label_of(node_id)  # from LABEL_BY_PREFIX only
        if not label:
            continue
        # A LIMIT makes LadybugDB's lookup 3x slower, so it is kept for the labels whose nodes can have tens
        # of thousands of relationships; a document, section or measure has a few hundred at most.
        capped = f"{returned} LIMIT $limit" if label in HUB_LABELS else returned
        params = {"id": node_id, "limit": limit} if label in HUB_LABELS else {"id": node_id}
        yield f"MATCH (a:{label} {{id: $id}})-[r]->(b) {capped}", params
        yield f"MATCH (a)-[r]->(b:{label} {{id: $id}}) {capped}", params


def _drawn(rows: list[dict[str, Any]], limit: int) -> Subgraph:
    graph = Subgraph()
    for row in rows[:limit]:
        start, end = graph.add_node(row["a"]), graph.add_node(row["b"])
        if start and end:
            graph.add_edge(Edge(start.id, end.id, row["type"], _rel_props(row["r"])))
    return graph


def neighbourhood(store: GraphStore, ids: Iterable[str], limit: int) -> tuple[Subgraph, bool]:
    """The given nodes, every relationship touching them and the nodes at the other end, at most
    `limit` relationships; the flag says whether the limit cut some off."""
    # Hubs last: the limit fills with the nodes' own surroundings before a unit's thousands of measures.
    wanted = sorted(set(ids), key=lambda i: (label_of(i) in HUB_LABELS, i))
    if not wanted:
        return Subgraph(), False
    rows = _collect(store, _touching_statements(store, wanted, limit + 1), limit + 1)
    graph = _drawn(rows, limit)
    if len(rows) <= limit:  # isolated nodes have no row: fetch them on their own
        for node in fetch_nodes(store, [i for i in wanted if i not in graph.nodes]):
            graph.add_node(node)
    return graph, len(rows) > limit


# A document's own relationships and those of its sections and measures, each set walked from the document's
# key in one statement: what `neighbourhood` gives for the document and its parts, in 6 statements instead of
# two per part (0.07 s instead of 0.25 s for a document of 130 parts at a million measures).
DOCUMENT_PARTS = (
    "MATCH (a:Document {id: $doc})-[r]->(b)",
    "MATCH (a)-[r]->(b:Document {id: $doc})",
    "MATCH (:Document {id: $doc})-[:HAS]->(a:Section)-[r]->(b)",
    "MATCH (:Document {id: $doc})-[:HAS]->(b:Section)<-[r]-(a)",
    "MATCH (:Document {id: $doc})-[:HAS*1..2]->(a:Measure)-[r]->(b)",
    "MATCH (:Document {id: $doc})-[:HAS*1..2]->(b:Measure)<-[r]-(a)",
)


def document_neighbourhood(store: GraphStore, document_id: str, limit: int) -> tuple[Subgraph, bool]:
    """`neighbourhood` of a document with all its sections and measures."""
    returned = f"RETURN a, b, {_rel_type_expr(store)} AS type, r LIMIT $limit"
    statements = [(f"{match} {returned}", {"doc": document_id, "limit": limit + 1}) for match in DOCUMENT_PARTS]
    rows = _collect(store, statements, limit + 1)
    graph = _drawn(rows, limit)
    if not graph.nodes:  # a document with no relationship at all
        for node in fetch_nodes(store, [document_id]):
            graph.add_node(node)
    return graph, len(rows) > limit


def induced(store: GraphStore, ids: Iterable[str]) -> Subgraph:
    """The nodes with the given ids and the relationships among them (what a Cypher result draws)."""
    wanted = sorted(set(ids))
    graph = Subgraph()
    for node in fetch_nodes(store, wanted):
        graph.add_node(node)
    if not graph.nodes:
        return graph
    rel_type = _rel_type_expr(store)
    returned = f"RETURN a.id AS a, b.id AS b, {rel_type} AS type, r"
    statements: list[Statement]
    if store.dialect == "ladybug":  # each node's outgoing relationships by key; add_edge keeps those inside
        statements = [
            (f"MATCH (a:{n.label} {{id: $id}})-[r]->(b) {returned}", {"id": n.id}) for n in graph.nodes.values()
        ]
    else:
        statements = [(f"MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids {returned}", {"ids": wanted})]
    for cypher, params in statements:
        for row in store.read(cypher, params):
            graph.add_edge(Edge(row["a"], row["b"], row["type"], _rel_props(row["r"])))
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
