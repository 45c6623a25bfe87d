"""Which layout of the graph a store holds, and the one-line refusal for a store of another.

A store records its schema version on one (:StoreSchema {id, version}) node, written with every load. A store
with documents and no marker was written before the graph kept spans; reading it would give answers and
highlights without their sentences, so every open refuses it with how to re-ingest, rather than a crash on
a missing property or silently empty highlights.
"""

from __future__ import annotations

from policykg.core.errors import EmptyStore, QueryError, StaleStore, StoreError
from policykg.graph.schema import MARKER_ID, MARKER_LABEL, NODES, RELATIONSHIPS, SCHEMA_VERSION
from policykg.graph.store import GraphStore, Statement

_READ_MARKER = f"MATCH (s:{MARKER_LABEL}) WHERE s.id = $id RETURN s.version AS version"
_ANY_DOCUMENT = "MATCH (d:Document) RETURN d.id AS id LIMIT 1"


def stored_version(store: GraphStore) -> int | None:
    """The version the store's marker holds; None when it has none (new, or written before markers)."""
    try:
        rows = store.read(_READ_MARKER, {"id": MARKER_ID})
    except QueryError:  # LadybugDB: a file from before the marker has no StoreSchema table
        return None
    return int(rows[0]["version"]) if rows and rows[0]["version"] is not None else None


def require_current(store: GraphStore) -> bool:
    """Whether the store is marked with this version (False: it holds nothing yet, and the first load
    marks it); raises StaleStore for a store of another version."""
    version = stored_version(store)
    if version == SCHEMA_VERSION:
        return True
    if version is None and _no_tables(store):  # opened read-only: a writer would have created them
        raise EmptyStore(f"{store.location}: holds no graph yet (an empty database): ingest documents into it first")
    if version is None and not _holds_documents(store):
        if _tables_current(store):
            return False
        if _tables_current(store, missing_ok=True):  # a first open killed while it created the tables
            raise StoreError(
                f"{store.location}: holds only part of the schema and no documents (an interrupted first "
                f"ingest); run `policykg repair {store.location}` (or any ingest)"
            )
    raise StaleStore(stale_message(store.location, store.dialect, version))


def mark_statements() -> list[Statement]:
    """Mark an unmarked store with this version (in the load's own transaction, so a store with documents
    has the marker)."""
    cypher = f"CREATE (:{MARKER_LABEL} {{id: $id, version: $version}})"
    return [(cypher, {"id": MARKER_ID, "version": SCHEMA_VERSION})]


def stale_message(location: str, dialect: str, version: int | None) -> str:
    if version is not None and version > SCHEMA_VERSION:
        what = f"a newer policykg (store schema {version}; this one reads {SCHEMA_VERSION}): upgrade policykg, or"
    else:
        held = "no mention spans" if version is None else f"store schema {version}"
        what = f"an earlier policykg ({held}; this one needs schema {SCHEMA_VERSION}):"
    remedy = f"re-ingest with `policykg ingest --rebuild FILES --store {location}`"
    if dialect == "ladybug":
        remedy += f", or delete {location} and ingest again"
    return f"{location} was written by {what} {remedy}"


def _holds_documents(store: GraphStore) -> bool:
    try:
        return bool(store.read(_ANY_DOCUMENT))
    except QueryError:  # no Document table at all: nothing was ever loaded
        return False


def _tables_current(store: GraphStore, missing_ok: bool = False) -> bool:
    """LadybugDB tables have the columns of this schema (an emptied store of an earlier version has
    tables without the span columns, which the first load would trip over). Neo4j has no columns.
    `missing_ok`: only the tables that exist are checked."""
    if store.dialect != "ladybug":
        return True
    for name, wanted in [(n.label, n.names) for n in NODES] + [(r.type, r.names) for r in RELATIONSHIPS]:
        try:
            columns = tuple(row["name"] for row in store.read(f"CALL table_info('{name}') RETURN *"))
        except QueryError:  # a table missing: a file this version did not create, or did not finish
            if missing_ok:
                continue
            return False
        if columns != wanted:
            return False
    return True


def _no_tables(store: GraphStore) -> bool:
    """A LadybugDB database with no table at all: an empty file nothing was ever written to, not a store
    of an earlier version (that has the tables, of other columns)."""
    return store.dialect == "ladybug" and not store.read("CALL show_tables() RETURN name")
