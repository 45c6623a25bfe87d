"""Write statements for graph rows, per dialect. Labels and types come from graph.schema only; every value
travels as a $parameter.

LadybugDB: COPY … FROM an Arrow table (the bulk path: no per-row MERGE, no per-row index probe).
Neo4j: UNWIND $rows … CREATE in batches, relying on the id uniqueness constraints for the MATCHes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from policykg.core.errors import StoreError
from policykg.core.vocabulary import ROLE_RELATIONSHIPS_PATTERN
from policykg.graph.rows import RelKey, Row
from policykg.graph.schema import NODE_BY_LABEL, REL_BY_TYPE, PropType, label, rel_type
from policykg.graph.store import Dialect, Statement

UNWIND_BATCH = 5000  # rows per UNWIND statement on Bolt: large enough to amortise a round trip
# ...and at most this much text per statement: a Bolt server may refuse a large message (ArcadeDB: over
# 16 MiB), and 1,000 documents' Document rows carry their whole texts (about 30 MB at 100 measures each).
UNWIND_BYTES = 8 << 20
# Why relationships are COPYed on LadybugDB too, though a COPY into a relationship table that already holds
# rows keeps engine memory in proportion to the whole store until the commit (one batch of 1,000 documents
# into a store of 100,000: about 130 MB for each relationship COPY; UNWIND … MATCH … CREATE in statements of
# 1,000 rows brought the 100,000-document ingest's peak from 1,886 to 1,296 MB): after a kill -9 during a
# checkpoint, a store whose relationships were CREATEd came back from recovery with stray relationships,
# and re-ingesting the batch that was being written doubled its relationships (9 of 15 kill trials; with
# COPY none of 12).

_ROLE_TYPES = ROLE_RELATIONSHIPS_PATTERN


def create_nodes(dialect: Dialect, node_label: str, rows: Sequence[Row]) -> list[Statement]:
    if not rows:
        return []
    table = NODE_BY_LABEL[label(node_label)]
    _require_unique_ids(node_label, rows)
    if dialect == "ladybug":
        columns = {name: [row[name] for row in rows] for name in table.names}
        return [(f"COPY {table.label} FROM $rows", {"rows": _arrow(columns, dict(table.properties))})]
    props = ", ".join(f"{name}: r.{name}" for name in table.names)
    cypher = f"UNWIND $rows AS r CREATE (:{table.label} {{{props}}})"
    return [(cypher, {"rows": list(chunk)}) for chunk in _chunks(rows)]


def create_rels(dialect: Dialect, key: RelKey, rows: Sequence[Row]) -> list[Statement]:
    if not rows:
        return []
    type_name, src_label, dst_label = key
    table = REL_BY_TYPE[type_name]
    if (src_label, dst_label) not in table.pairs:
        raise StoreError(f"the schema has no {type_name} from {src_label} to {dst_label}")
    if dialect == "ladybug":
        columns: dict[str, list[Any]] = {"from": [r["src"] for r in rows], "to": [r["dst"] for r in rows]}
        columns.update({name: [r.get(name) for r in rows] for name in table.names})
        types: dict[str, PropType] = {"from": "STRING", "to": "STRING", **dict(table.properties)}
        # A table with several FROM/TO pairs needs the pair named; a single-pair table refuses the option.
        pair = f" (from='{src_label}', to='{dst_label}')" if len(table.pairs) > 1 else ""
        return [(f"COPY {rel_type(type_name)} FROM $rows{pair}", {"rows": _arrow(columns, types)})]
    props = ", ".join(f"{name}: r.{name}" for name in table.names)
    rel_props = f" {{{props}}}" if props else ""
    cypher = (
        f"UNWIND $rows AS r MATCH (a:{label(src_label)} {{id: r.src}}) "
        f"MATCH (b:{label(dst_label)} {{id: r.dst}}) CREATE (a)-[:{rel_type(type_name)}{rel_props}]->(b)"
    )
    return [(cypher, {"rows": list(chunk)}) for chunk in _chunks(rows)]


def delete_documents(document_ids: Sequence[str]) -> list[Statement]:
    """A document's own subgraph: its measures, sections and itself, with every relationship they have."""
    if not document_ids:
        return []
    params = {"ids": list(document_ids)}
    return [
        ("UNWIND $ids AS id MATCH (m:Measure) WHERE m.document_id = id DETACH DELETE m", params),
        ("UNWIND $ids AS id MATCH (s:Section) WHERE s.document_id = id DETACH DELETE s", params),
        ("UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d", params),
    ]


def delete_orphans() -> list[Statement]:
    """Shared nodes nothing refers to any more: units with no role and no document issued by them,
    instruments nobody cites, then jurisdictions with nothing in them (county, city, province)."""
    unit = (
        f"MATCH (u:Unit) OPTIONAL MATCH (u)-[r:{_ROLE_TYPES}]->(:Measure) WITH u, count(r) AS roles "
        "OPTIONAL MATCH (:Document)-[i:ISSUED_BY]->(u) WITH u, roles, count(i) AS issued "
        "WHERE roles + issued = 0 DETACH DELETE u"
    )
    instrument = (
        "MATCH (i:Instrument) OPTIONAL MATCH ()-[c:CITES]->(i) WITH i, count(c) AS cited "
        "WHERE cited = 0 DETACH DELETE i"
    )
    jurisdiction = (
        "MATCH (j:Jurisdiction) OPTIONAL MATCH ()-[r:`IN`]->(j) WITH j, count(r) AS inside "
        "WHERE inside = 0 DETACH DELETE j"
    )
    return [(unit, {}), (instrument, {}), (jurisdiction, {}), (jurisdiction, {}), (jurisdiction, {})]


def link_ingested(titles: Sequence[str]) -> list[Statement]:
    """(Instrument)-[:INGESTED_AS]->(Document) where a cited title is the title of an ingested document."""
    if not titles:
        return []
    cypher = (
        "UNWIND $titles AS t MATCH (i:Instrument) WHERE i.title = t "
        "MATCH (d:Document) WHERE d.title = t MERGE (i)-[:INGESTED_AS]->(d)"
    )
    return [(cypher, {"titles": sorted(set(titles))})]


def _require_unique_ids(node_label: str, rows: Sequence[Row]) -> None:
    # A duplicate primary key in COPY crashes LadybugDB 0.22 outright; refuse it here instead.
    seen: set[str] = set()
    for row in rows:
        if row["id"] in seen:
            raise StoreError(f"two {node_label} nodes share the id {row['id']}")
        seen.add(row["id"])


def _chunks(rows: Sequence[Row]) -> list[Sequence[Row]]:
    """Consecutive slices of at most UNWIND_BATCH rows and about UNWIND_BYTES of text (a larger row alone)."""
    chunks: list[Sequence[Row]] = []
    start = size = 0
    for i, row in enumerate(rows):
        row_size = sum(3 * len(v) if isinstance(v, str) else 8 for v in row.values())  # UTF-8: ≤ 3 bytes a char
        if i > start and (i - start >= UNWIND_BATCH or size + row_size > UNWIND_BYTES):
            chunks.append(rows[start:i])
            start, size = i, 0
        size += row_size
    if start < len(rows):
        chunks.append(rows[start:])
    return chunks


def _arrow(columns: dict[str, list[Any]], types: dict[str, PropType]) -> Any:
    import pyarrow as pa

    arrow_type = {
        "STRING": pa.string(),
        "BOOLEAN": pa.bool_(),
        "DOUBLE": pa.float64(),
        "INT64": pa.int64(),
        "INT64[]": pa.list_(pa.int64()),
    }
    # Column order is what COPY maps by, so it must be the table's property order.
    return pa.table({name: pa.array(values, type=arrow_type[types[name]]) for name, values in columns.items()})
