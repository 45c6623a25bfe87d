"""Example statements for the Cypher console, all from the catalog: first its console examples (named queries
written for the console, under their console names, with their example values), then every other named query
(its Cypher for the store's dialect) with values drawn from the store itself, so each one runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from policykg.graph import ids
from policykg.graph.store import GraphStore
from policykg.queries.catalog import NamedQuery, load_catalog, run_named


@dataclass(frozen=True)
class Example:
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)


def examples(store: GraphStore) -> dict[str, Example]:
    """The console examples by their console names, then "Named: <title>" for every other catalog query."""
    catalog = load_catalog().values()
    out = {q.console: _example(store, q, q.example) for q in catalog if q.console}
    samples = sample_values(store)
    for query in catalog:
        if not query.console:
            out[f"Named: {query.title}"] = _example(store, query, samples)
    return out


def _example(store: GraphStore, query: NamedQuery, values: Mapping[str, Any]) -> Example:
    """The query as it runs with `values` for its parameters (a value the store gave none for is the
    query's own example value, else its default)."""
    given = {p.name: values[p.name] for p in query.params if values.get(p.name) not in (None, "", [], [""])}
    given = {**{k: v for k, v in query.example.items() if k not in given}, **given}
    return Example(*query.statement(store.dialect, given))


def sample_values(store: GraphStore) -> dict[str, Any]:
    """A value for each required parameter name of the catalog, taken from the graph: the non-collective unit
    that leads most and the unit it shares most measures with, the instrument measures cite most, the
    document with the most parts, measures the unit leads. Each is one bounded read (counted per node or
    from one unit), so the console opens at once on a store of a million measures."""
    unit = _first(run_named(store, "lead_counts", limit=1), "unit")
    partner = _first(run_named(store, "unit_partners", unit=unit, limit=1), "unit") if unit else ""
    document = run_named(store, "largest_documents", limit=1)
    measures = run_named(store, "lead_measure_ids", unit=unit, limit=3) if unit else []
    return {
        "unit": unit,
        "unit_a": unit,
        "unit_b": partner,
        "units": [unit],
        "units_a": [unit],
        "units_b": [partner],
        "unit_id": ids.unit_id(unit) if unit else "",
        "instruments": [_first(run_named(store, "measure_citation_counts", limit=1), "instrument")],
        "source": _first(document, "source"),
        "doc": _first(document, "id"),
        "label": "Measure",  # the label of `ids`
        "ids": [r["measure_id"] for r in measures],
    }


def _first(rows: list[dict[str, Any]], column: str) -> str:
    return str(rows[0][column]) if rows else ""
