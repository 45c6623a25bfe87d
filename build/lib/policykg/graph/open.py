"""Build a store from a spec: the only place that reads POLICYKG_STORE. The CLI and the app call it;
library code takes a store as an argument."""

from __future__ import annotations

import os

from policykg.core.errors import StoreError
from policykg.graph.ladybug_store import DEFAULT_PATH, LadybugStore, schema_statements
from policykg.graph.store import GraphStore

BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
NEO4J_SCHEMA_FILE = "schema.neo4j.cypher"


def store_spec(spec: str | None = None) -> str:
    """The spec in force: the argument, else $POLICYKG_STORE, else the default LadybugDB file."""
    return spec or os.environ.get("POLICYKG_STORE") or DEFAULT_PATH


def is_bolt(spec: str) -> bool:
    return spec.lower().startswith(BOLT_SCHEMES)


def open_store(spec: str | None = None, *, read_only: bool = False) -> GraphStore:
    """`bolt://…`, `neo4j://…`, `neo4j+s://…` -> Neo4j over Bolt (credentials from NEO4J_USER,
    NEO4J_PASSWORD, NEO4J_DATABASE); anything else is a LadybugDB file path."""
    resolved = store_spec(spec)
    if is_bolt(resolved):
        from policykg.graph.bolt import BoltStore  # the neo4j driver loads only when a server is asked for

        bolt = BoltStore(resolved, read_only=read_only)
        if not read_only:
            ensure_neo4j_schema(bolt)
        return bolt
    if resolved.startswith(("http://", "https://")):
        raise StoreError(f"{resolved}: not a store (use a file path, or bolt:// / neo4j+s:// for Neo4j)")
    return LadybugStore(resolved, read_only=read_only)


def ensure_neo4j_schema(store: GraphStore) -> None:
    """The id uniqueness constraints and lookup indexes; each DDL statement in its own transaction
    (Neo4j refuses schema and data changes in one)."""
    for statement in schema_statements(NEO4J_SCHEMA_FILE):
        store.write([(statement, {})])
