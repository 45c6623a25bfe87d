"""`policykg repair`: finish an interrupted write and check what the store holds.

A LadybugDB file left by a writer killed during a checkpoint (or stopped by a full disk) refuses read-only
opens until one read-write open replays its WAL and shadow pages. Repair does that open, then checks the
graph: counts per label, nodes that lost what holds them, and the schema version marker; finally it opens
the store read-only, as the explorer will.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from policykg.core.errors import StaleStore, StoreError
from policykg.graph import ladybug_files
from policykg.graph.loader import sweep_texts
from policykg.graph.open import is_bolt, open_store, store_spec
from policykg.graph.schema import SCHEMA_VERSION
from policykg.graph.stats import stats
from policykg.graph.store import GraphStore
from policykg.graph.store_version import stored_version

_ROLES = "LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR"
# Each query counts nodes the loader never leaves behind: a sign of a write that half happened.
ORPHAN_CHECKS = {
    "measures outside any document": (
        "MATCH (m:Measure) OPTIONAL MATCH ()-[h:HAS]->(m) WITH m, count(h) AS up WHERE up = 0 RETURN count(m) AS n"
    ),
    "sections outside any document": (
        "MATCH (s:Section) OPTIONAL MATCH (:Document)-[h:HAS]->(s) WITH s, count(h) AS up WHERE up = 0 "
        "RETURN count(s) AS n"
    ),
    "units nothing refers to": (
        f"MATCH (u:Unit) OPTIONAL MATCH (u)-[r:{_ROLES}]->(:Measure) WITH u, count(r) AS roles "
        "OPTIONAL MATCH (:Document)-[i:ISSUED_BY]->(u) WITH u, roles, count(i) AS issued "
        "WHERE roles + issued = 0 RETURN count(u) AS n"
    ),
    "instruments nobody cites": (
        "MATCH (i:Instrument) OPTIONAL MATCH ()-[c:CITES]->(i) WITH i, count(c) AS cited WHERE cited = 0 "
        "RETURN count(i) AS n"
    ),
}


@dataclass
class RepairReport:
    location: str
    replayed: bool  # checkpoint files were there and the read-write open replayed them
    nodes: dict[str, int] = field(default_factory=dict)
    orphans: dict[str, int] = field(default_factory=dict)  # only the checks that found some
    version: int | None = None

    def summary(self) -> str:
        """One line: what was done and what the store holds."""
        done = "replayed an interrupted write" if self.replayed else "nothing to replay"
        held = ", ".join(f"{n} {label}" for label, n in self.nodes.items())
        marker = f"schema {self.version}" if self.version is not None else "no schema marker (empty store)"
        if self.orphans:
            found = "; ".join(f"{n} {what}" for what, n in self.orphans.items())
            checks = f"found {found} (re-ingest with --rebuild to rebuild the graph)"
        else:
            checks = "no orphans"
        return f"{self.location}: repaired ({done}); {held}; {marker}; {checks}; opens read-only"


def repair(spec: str | None = None) -> RepairReport:
    """Open the store read-write (replaying an interrupted write), check it, and prove a read-only open
    works. StoreError (one line) when it cannot be repaired."""
    location = store_spec(spec)
    if not is_bolt(location) and not Path(location).exists():
        raise StoreError(f"{location}: no such store (nothing to repair)")
    pending = not is_bolt(location) and bool(ladybug_files.checkpoint_files(location))
    try:
        store = open_store(location)
    except StaleStore:
        raise
    except StoreError as exc:
        if "is writing this store" in str(exc):  # a live writer: its own message says what to do
            raise
        raise StoreError(f"{_first_line(exc)} (repair could not open it read-write)") from exc
    try:
        sweep_texts(store)
        report = check(store, replayed=pending)
    finally:
        store.close()
    if not is_bolt(location) and ladybug_files.checkpoint_pending(location):
        left = ", ".join(p.name for p in ladybug_files.checkpoint_files(location))
        raise StoreError(f"{location}: recovery did not finish ({left} still there: is the disk full?)")
    open_store(location, read_only=True).close()
    return report


def check(store: GraphStore, *, replayed: bool = False) -> RepairReport:
    """Counts per label, orphan checks and the version marker of an open store."""
    report = RepairReport(store.location, replayed)
    report.nodes = stats(store)["nodes"]
    for what, cypher in ORPHAN_CHECKS.items():
        rows = store.read(cypher)
        count = int(rows[0]["n"]) if rows else 0
        if count:
            report.orphans[what] = count
    if store.texts is not None:
        documents = store.read("MATCH (d:Document) WHERE d.text = '' RETURN d.id AS id, d.fingerprint AS fingerprint")
        lost = len(store.texts.missing((r["id"], r["fingerprint"]) for r in documents))
        if lost:
            report.orphans["documents whose text is lost"] = lost
    report.version = stored_version(store)
    if report.version not in (None, SCHEMA_VERSION):  # open_store refuses these; a guard, not a path
        raise StoreError(f"{store.location}: store schema {report.version}, this policykg reads {SCHEMA_VERSION}")
    return report


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
