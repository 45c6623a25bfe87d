"""Build a store from a spec: the only place that reads POLICYKG_STORE. The CLI and the app call it;
library code takes a store as an argument."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from policykg.core.errors import EmptyStore, StoreError
from policykg.graph.ladybug_store import DEFAULT_PATH, LadybugStore, schema_statements
from policykg.graph.schema import LABELS, MARKER_LABEL
from policykg.graph.store import GraphStore
from policykg.graph.store_version import require_current
from policykg.graph.uri_text import looks_like_uri, not_a_store

BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
NEO4J_SCHEMA_FILE = "schema.neo4j.cypher"
# LadybugDB's page cache (and the memory its queries work in) defaults to 80 % of the machine's RAM and
# fills as the store grows, so an ingest's memory would grow with the corpus. An ingest writes a batch at a
# time and needs far less; the setting bounds it.
BUFFER_POOL_SETTING = "POLICYKG_BUFFER_POOL_MB"
DEFAULT_BUFFER_POOL_MB = 512
MIN_BUFFER_POOL_MB = 256  # smaller pools fail the checkpoint after a batch (128 MB: at 2,000 documents)


def store_spec(spec: str | None = None) -> str:
    """The spec in force: the argument, else $POLICYKG_STORE, else the default LadybugDB file."""
    return spec or os.environ.get("POLICYKG_STORE") or DEFAULT_PATH


def is_bolt(spec: str) -> bool:
    return spec.lower().startswith(BOLT_SCHEMES)


def open_store(
    spec: str | None = None, *, read_only: bool = False, rebuild: bool = False, read_pool_mb: int = 0
) -> GraphStore:
    """`bolt://…`, `neo4j://…`, `neo4j+s://…` -> Neo4j over Bolt (credentials from NEO4J_USER,
    NEO4J_PASSWORD, NEO4J_DATABASE); anything else is a LadybugDB file path.

    A store written by another version of policykg is refused (StaleStore, saying how to re-ingest);
    `rebuild=True` empties it instead, of every document and of the earlier schema, for a fresh ingest.
    `read_pool_mb` caps a reader's LadybugDB buffer pool (0: the engine's default, 80 % of RAM, whose
    set-up takes tens of milliseconds: much of a one-question process)."""
    resolved = store_spec(spec)
    if rebuild and read_only:
        raise StoreError(f"{resolved}: a store opened read-only cannot be rebuilt")
    store: GraphStore
    if is_bolt(resolved):
        from policykg.graph.bolt import BoltStore  # the neo4j driver loads only when a server is asked for

        store = BoltStore(resolved, read_only=read_only)
    elif looks_like_uri(resolved):
        raise not_a_store(resolved)
    else:
        pool = read_pool(read_pool_mb) if read_only else buffer_pool_mb() << 20
        store = LadybugStore(resolved, read_only=read_only, rebuild=rebuild, buffer_pool_size=pool)
    try:
        if store.dialect == "neo4j" and rebuild:
            clear_bolt(store)
        if store.dialect == "neo4j" and not read_only:
            ensure_neo4j_schema(store)
        require_current(store)
    except BaseException:
        store.close()
        raise
    return store


def read_pool(cap_mb: int) -> int:
    """A reader's buffer pool in bytes: the engine's default (0) unless `cap_mb` is smaller than it."""
    if cap_mb <= 0:
        return 0
    try:
        default = int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") * 0.8)
    except (ValueError, OSError):
        return cap_mb << 20
    return 0 if default <= cap_mb << 20 else cap_mb << 20


def buffer_pool_mb() -> int:
    """The writer's buffer pool in MB: $POLICYKG_BUFFER_POOL_MB, else DEFAULT_BUFFER_POOL_MB."""
    raw = os.environ.get(BUFFER_POOL_SETTING, "").strip()
    if not raw:
        return DEFAULT_BUFFER_POOL_MB
    try:
        value = int(raw)
    except ValueError:
        raise StoreError(f"{BUFFER_POOL_SETTING}={raw!r}: not a whole number of MB") from None
    if value < MIN_BUFFER_POOL_MB:
        raise StoreError(f"{BUFFER_POOL_SETTING}={raw!r}: must be at least {MIN_BUFFER_POOL_MB} (MB)")
    return value


def check_writer_settings(spec: str | None = None) -> None:
    """Raise StoreError now if opening `spec` for writing would refuse a setting (before a long extraction)."""
    if not is_bolt(store_spec(spec)):
        buffer_pool_mb()


def refuse_stale(spec: str | None = None) -> None:
    """Raise StaleStore if the store exists and was written by another version (open_store would refuse it
    too, but only once opened for writing, which an ingest does after extracting)."""
    resolved = store_spec(spec)
    if is_bolt(resolved) or Path(resolved).exists():
        with contextlib.suppress(EmptyStore):  # an empty file: the ingest's writer creates the graph in it
            open_store(resolved, read_only=True).close()


def clear_bolt(store: GraphStore) -> None:
    """Delete every node of the schema's labels and the version marker, a label per transaction (a server
    holds a transaction's changes in memory); what else the database holds is left alone."""
    for name in (*LABELS, MARKER_LABEL):
        store.write([(f"MATCH (n:{name}) DETACH DELETE n", {})])


def ensure_neo4j_schema(store: GraphStore) -> None:
    """The id uniqueness constraints and lookup indexes; each DDL statement in its own transaction
    (Neo4j refuses schema and data changes in one)."""
    for statement in schema_statements(NEO4J_SCHEMA_FILE):
        store.write([(statement, {})])
