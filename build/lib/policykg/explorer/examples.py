"""Example statements for the Cypher console: a few plain ones, then every named query of the catalog
(its Cypher for the store's dialect) with parameters filled from the store itself, so each one runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykg.graph.store import GraphStore
from policykg.queries.catalog import load_catalog


@dataclass(frozen=True)
class Example:
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)


PLAIN: dict[str, Example] = {
    "Measures a unit leads": Example(
        "MATCH (u:Unit)-[:LEADS]->(m:Measure)\nWHERE u.name CONTAINS '司法局'\n"
        "RETURN u.name AS unit, m.path AS path, m.heading AS heading\nORDER BY unit, path\nLIMIT 100"
    ),
    "Units with a parameter": Example(
        "MATCH (u:Unit)\nWHERE u.kind = $kind\nRETURN u.name AS unit, u.jurisdiction AS jurisdiction\nORDER BY unit",
        {"kind": "司法局"},
    ),
    "A document's measures and lead units (graph)": Example(
        "MATCH (d:Document)-[:HAS*1..2]->(m:Measure)<-[:LEADS]-(u:Unit)\nRETURN d, m, u\nLIMIT 60"
    ),
}


def examples(store: GraphStore) -> dict[str, Example]:
    """The plain examples, then "Named: <title>" for every catalog query."""
    samples = sample_values(store)
    out = dict(PLAIN)
    for query in load_catalog().values():
        params = {p.name: samples.get(p.name) if p.required else p.default for p in query.params}
        out[f"Named: {query.title}"] = Example(query.cypher(store.dialect), params)
    return out


def sample_values(store: GraphStore) -> dict[str, Any]:
    """A value for each required parameter name of the catalog, taken from the graph: the non-collective unit
    that leads most and the unit it shares most measures with, the instrument measures cite most, the
    document with the most parts. Each is one bounded read (counted per node or from one unit), so the
    console opens at once on a store of a million measures."""
    unit = _first(store, BUSIEST_UNIT, "unit")
    partner = _first(store, BUSIEST_PARTNER, "unit", unit=unit) if unit else ""
    return {
        "unit": unit,
        "unit_a": unit,
        "unit_b": partner,
        "units": [unit],
        "units_a": [unit],
        "units_b": [partner],
        "instruments": [_first(store, MOST_CITED, "title")],
        "source": _first(store, LARGEST_DOCUMENT, "source"),
        "ids": [r["id"] for r in store.read(SOME_MEASURES, {"unit": unit})],
    }


BUSIEST_UNIT = (
    "MATCH (u:Unit)-[l:LEADS]->(:Measure) WHERE NOT u.collective "
    "RETURN u.name AS unit, count(l) AS n ORDER BY n DESC, unit LIMIT 1"
)
BUSIEST_PARTNER = (
    "MATCH (u:Unit {name: $unit})-[:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)"
    "<-[:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(o:Unit) WHERE NOT o.collective AND o.name <> u.name "
    "RETURN o.name AS unit, count(DISTINCT m.id) AS n ORDER BY n DESC, unit LIMIT 1"
)
MOST_CITED = (
    "MATCH (:Measure)-[c:CITES]->(i:Instrument) RETURN i.title AS title, count(c) AS n ORDER BY n DESC, title LIMIT 1"
)
LARGEST_DOCUMENT = (
    "MATCH (d:Document)-[h:HAS]->() RETURN d.source AS source, count(h) AS n ORDER BY n DESC, source LIMIT 1"
)
SOME_MEASURES = "MATCH (:Unit {name: $unit})-[:LEADS]->(m:Measure) RETURN m.id AS id ORDER BY id LIMIT 3"


def _first(store: GraphStore, cypher: str, column: str, **params: Any) -> str:
    rows = store.read(cypher, params)
    return str(rows[0][column]) if rows else ""
