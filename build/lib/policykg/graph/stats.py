"""Counts per label and per relationship type: what `policykg stats` prints and the tests compare."""

from __future__ import annotations

from policykg.graph.schema import LABELS, REL_TYPES, label, rel_type
from policykg.graph.store import GraphStore

Stats = dict[str, dict[str, int]]


def stats(store: GraphStore) -> Stats:
    """{"nodes": {label: count}, "relationships": {type: count}}, every label and type of the schema."""
    nodes = {name: _count(store, f"MATCH (n:{label(name)}) RETURN count(n) AS n") for name in LABELS}
    rels = {name: _count(store, f"MATCH ()-[r:{rel_type(name)}]->() RETURN count(r) AS n") for name in REL_TYPES}
    return {"nodes": nodes, "relationships": rels}


def _count(store: GraphStore, cypher: str) -> int:
    rows = store.read(cypher)
    return int(rows[0]["n"]) if rows else 0
