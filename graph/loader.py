"""Records -> graph, idempotently.

- A document whose rows are unchanged (same fingerprint) is skipped: re-ingesting changes nothing.
- A new document is created; an edited one (same source, other rows) has its subgraph deleted and
  created again in the same transaction, so readers see either the old or the new version.
- Shared nodes (units, instruments, jurisdictions) are created only when missing, and swept once
  nothing refers to them.

All rows are built before anything is written, so a failure while building writes nothing, and every
transaction is all-or-nothing, so a failure while writing leaves the store as it was.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from policykg.core.errors import StoreError
from policykg.graph import ids, writes
from policykg.graph.rows import GraphRows, document_rows, merge_rows
from policykg.graph.schema import SHARED_LABELS
from policykg.graph.store import GraphStore, Statement
from policykg.graph.store_version import mark_statements, require_current
from policykg.ingest.records import Extraction

# Documents per transaction. LadybugDB takes a whole corpus in one COPY transaction; on a Bolt server a
# transaction holds its changes in memory, so large corpora go in batches (each document whole in one).
DOCS_PER_TRANSACTION = {"ladybug": 0, "neo4j": 1000}  # 0: all in one


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)  # sources
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    nodes: Counter[str] = field(default_factory=Counter)  # nodes created, by label
    relationships: Counter[str] = field(default_factory=Counter)  # relationships created, by type
    seconds: float = 0.0


def load(
    store: GraphStore,
    extractions: Iterable[Extraction],
    *,
    docs_per_transaction: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load documents into the store. `on_progress(n)` is called after each transaction with the number
    of documents it covered."""
    started = time.perf_counter()
    by_source = {e.source: e for e in extractions}  # the same source twice: the last one wins
    built = {source: document_rows(e) for source, e in by_source.items()}
    report = load_rows(store, built, docs_per_transaction=docs_per_transaction, on_progress=on_progress)
    report.seconds = time.perf_counter() - started
    return report


def load_rows(
    store: GraphStore,
    built: Mapping[str, GraphRows],
    *,
    docs_per_transaction: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """`load` for rows already built by graph.rows.document_rows, {source: rows}: worker processes can
    build them next to extraction, so the process that writes only merges and copies."""
    started = time.perf_counter()
    report = LoadReport()
    marked = require_current(store)  # rows of this version never go into a graph of another

    stored = _stored_fingerprints(store, [ids.document_id(s) for s in built])
    changed: list[tuple[str, GraphRows]] = []
    for source, rows in built.items():
        previous = stored.get(ids.document_id(source))
        if previous is None:
            report.added.append(source)
        elif previous == rows.nodes["Document"][0]["fingerprint"]:
            report.unchanged.append(source)
            continue
        else:
            report.replaced.append(source)
        changed.append((source, rows))

    size = docs_per_transaction if docs_per_transaction is not None else DOCS_PER_TRANSACTION[store.dialect]
    replaced = set(report.replaced)
    for batch in _batches(changed, size or len(changed)):
        replaced_ids = [ids.document_id(s) for s, _ in batch if s in replaced]
        merged = merge_rows(part for _, part in batch)
        _keep_texts_apart(store, merged)
        statements, created = _plan(store, merged, batch, replaced_ids)
        if not marked:
            statements += mark_statements()
        store.write(statements)
        marked = True
        if store.texts is not None and replaced_ids:  # the replaced versions' texts are read no more
            current = {r["id"]: r["fingerprint"] for r in merged.nodes["Document"]}
            store.texts.keep_only(current, among=replaced_ids)
        report.nodes.update(created.nodes)
        report.relationships.update(created.relationships)
        if on_progress:
            on_progress(len(batch))
    if on_progress and report.unchanged:
        on_progress(len(report.unchanged))
    report.seconds = time.perf_counter() - started
    return report


def remove(store: GraphStore, source: str) -> bool:
    """Delete a document's subgraph, and the units, instruments and jurisdictions only it referred to.
    False when no document has that source."""
    document_id = ids.document_id(source)
    if not _stored_fingerprints(store, [document_id]):
        return False
    store.write([*writes.delete_documents([document_id]), *writes.delete_orphans()])
    if store.texts is not None:
        store.texts.keep_only({}, among=[document_id])
    return True


def sweep_texts(store: GraphStore) -> None:
    """Drop the kept-apart texts no Document of the graph has (what a failed or killed ingest wrote
    before its graph transaction): one read of every document's fingerprint."""
    if store.texts is None:
        return
    found = store.read("MATCH (d:Document) RETURN d.id AS id, d.fingerprint AS fingerprint")
    store.texts.keep_only({r["id"]: r["fingerprint"] for r in found})


def replace_similar(store: GraphStore, pairs: Iterable[tuple[str, str, float]]) -> int:
    """Replace every (Measure)-[:SIMILAR_TO {score}]->(Measure) with `pairs` of (measure id, measure id,
    score), in one transaction. For the near-duplicate analysis, which computes them over the whole graph."""
    listed = [(str(a), str(b), float(score)) for a, b, score in pairs]
    rows = [{"src": a, "dst": b, "score": score} for a, b, score in listed]
    wanted = sorted({a for a, _, _ in listed} | {b for _, b, _ in listed})
    found = store.read("UNWIND $ids AS id MATCH (m:Measure {id: id}) RETURN m.id AS id", {"ids": wanted})
    missing = set(wanted) - {r["id"] for r in found}
    if missing:  # the CREATE would skip its row without a word
        raise StoreError(f"SIMILAR_TO names Measure {min(missing)}, which the store does not hold")
    store.write(
        [
            ("MATCH (:Measure)-[r:SIMILAR_TO]->(:Measure) DELETE r", {}),
            *writes.create_rels(store.dialect, ("SIMILAR_TO", "Measure", "Measure"), rows),
        ]
    )
    return len(rows)


def sources(store: GraphStore) -> list[str]:
    return [row["source"] for row in store.read("MATCH (d:Document) RETURN d.source AS source ORDER BY source")]


@dataclass
class _Created:
    nodes: Counter[str] = field(default_factory=Counter)
    relationships: Counter[str] = field(default_factory=Counter)


def _keep_texts_apart(store: GraphStore, rows: GraphRows) -> None:
    """On a store that keeps document texts apart (graph/texts.py), write them there first, under their
    fingerprints, and leave Document.text empty in the rows the graph gets."""
    if store.texts is None:
        return
    documents = rows.nodes.get("Document", [])
    store.texts.put((r["id"], r["fingerprint"], r["text"]) for r in documents)
    rows.nodes["Document"] = [{**r, "text": ""} for r in documents]


def _plan(
    store: GraphStore, rows: GraphRows, batch: Sequence[tuple[str, GraphRows]], replaced_ids: Sequence[str]
) -> tuple[list[Statement], _Created]:
    """The statements of one transaction (`rows`: the batch's merged rows): delete replaced subgraphs,
    create nodes and relationships, sweep orphans, link cited titles to ingested documents."""
    _require_endpoints(rows)
    _drop_existing_shared(store, rows)
    statements: list[Statement] = list(writes.delete_documents(replaced_ids))
    created = _Created()
    for label, node_rows in rows.nodes.items():
        statements += writes.create_nodes(store.dialect, label, node_rows)
        created.nodes[label] += len(node_rows)
    for key, rel_rows in rows.rels.items():
        statements += writes.create_rels(store.dialect, key, rel_rows)
        created.relationships[key[0]] += len(rel_rows)
    if replaced_ids:
        statements += writes.delete_orphans()
    titles = [r["title"] for r in rows.nodes.get("Document", [])]
    titles += [r["title"] for part in batch for r in part[1].nodes.get("Instrument", [])]
    statements += writes.link_ingested(titles)
    return statements, created


def _require_endpoints(rows: GraphRows) -> None:
    """Every relationship of a batch joins nodes the batch's rows hold. Relationships are written by
    UNWIND … MATCH … CREATE (graph.writes), which would skip a row whose node is missing without a word."""
    held = {label: {r["id"] for r in node_rows} for label, node_rows in rows.nodes.items()}
    for (type_name, src_label, dst_label), rel_rows in rows.rels.items():
        src_ids, dst_ids = held.get(src_label, set()), held.get(dst_label, set())
        for r in rel_rows:
            for node_label, node_id, ids_held in ((src_label, r["src"], src_ids), (dst_label, r["dst"], dst_ids)):
                if node_id not in ids_held:
                    raise StoreError(f"a {type_name} relationship names {node_label} {node_id}, which no row holds")


def _drop_existing_shared(store: GraphStore, rows: GraphRows) -> None:
    """Keep only shared nodes the store lacks; their IN relationships are created with them, once."""
    existing: set[str] = set()
    for label in SHARED_LABELS:
        wanted = [r["id"] for r in rows.nodes.get(label, [])]
        if not wanted:
            continue
        found = store.read(f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id", {"ids": wanted})
        existing |= {r["id"] for r in found}
        rows.nodes[label] = [r for r in rows.nodes[label] if r["id"] not in existing]
    for key in list(rows.rels):
        if key[0] == "IN":
            rows.rels[key] = [r for r in rows.rels[key] if r["src"] not in existing]


def _stored_fingerprints(store: GraphStore, document_ids: Sequence[str]) -> dict[str, str]:
    if not document_ids:
        return {}
    found = store.read(
        "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.fingerprint AS fingerprint",
        {"ids": list(document_ids)},
    )
    return {r["id"]: r["fingerprint"] for r in found}


def _batches(items: Sequence[tuple[str, GraphRows]], size: int) -> list[Sequence[tuple[str, GraphRows]]]:
    return [items[i : i + size] for i in range(0, len(items), size)] if items else []
