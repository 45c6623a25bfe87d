"""Example statements for the Cypher console: a few plain ones, then every named query of the catalog
(its Cypher for the store's dialect) with parameters filled from the store itself, so each one runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.store import GraphStore
from queries.catalog import load_catalog, run_named


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
    """A value for each required parameter name of the catalog, taken from the graph: the two units that
    share the most measures, the most-cited instrument, the largest document."""
    pairs = sorted(run_named(store, "co_assigned_units"), key=lambda r: -int(r["measures"]))
    busiest = [pairs[0]["unit_a"], pairs[0]["unit_b"]] if pairs else [""]
    second = busiest[-1]
    instruments = [r["instrument"] for r in run_named(store, "top_instruments", limit=1)] or [""]
    documents = sorted(run_named(store, "documents"), key=lambda r: -int(r.get("measures") or 0))
    measure_ids = [r["id"] for r in store.read("MATCH (m:Measure) RETURN m.id AS id ORDER BY id LIMIT 3")]
    return {
        "unit": busiest[0],
        "unit_a": busiest[0],
        "unit_b": second,
        "units": busiest[:1],
        "units_a": busiest[:1],
        "units_b": [second],
        "instruments": instruments,
        "source": documents[0]["source"] if documents else "",
        "ids": measure_ids,
    }
