"""Workload and overlap analytics: co-leading units, the busiest units by role, measures two units
share, near-duplicate measures across documents, and the unit co-assignment graph (networkx).

Counting happens in the database (named queries aggregate); Python only receives the aggregated rows,
so these stay fast on a graph of a million measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.graph.output import file_output
from policykg.graph.store import GraphStore, Row
from policykg.queries import similarity
from policykg.queries.catalog import run_named

ROLES: tuple[str, ...] = ("lead", "participate", "responsible")
EXACT_BETWEENNESS = 300  # components up to this many units (a county's offices) get exact betweenness
# Larger ones: estimated from this many seeded source units. Each source is a traversal of its whole
# component (0.3 s for the 8,700 units of the largest at a million measures): 300 of them took 170 s, 16 take
# 9 s in all; the units that join a component stand out from any sample.
BETWEENNESS_SAMPLE = 16
SEED = 7


def co_leading(store: GraphStore, limit: int = 20) -> list[Row]:
    """Pairs of units named together as 牵头单位, most shared measures first:
    [{unit_a, unit_b, jurisdiction, measures}]."""
    return run_named(store, "co_leading_units", limit=limit)


def busiest(store: GraphStore, roles: Sequence[str] = ROLES, limit: int = 20) -> list[Row]:
    """Units by number of measures held in `roles`: [{unit, kind, jurisdiction, measures, documents}]."""
    return run_named(store, "busiest_units", roles=list(roles), limit=limit)


def busiest_by_role(store: GraphStore, limit: int = 10) -> dict[str, list[Row]]:
    """{role: busiest units in that role} for lead, participate and responsible."""
    return {role: busiest(store, [role], limit) for role in ROLES}


def shared(
    store: GraphStore, units_a: Sequence[str], units_b: Sequence[str], roles: Sequence[str] = ROLES
) -> list[Row]:
    """Measures both sides hold: [{jurisdiction, source, path, number, heading, measure_id, unit_a, role_a,
    mention_a, unit_b, role_b, mention_b, span_start_a, span_end_a, span_start_b, span_end_b, measure_start,
    text}] (spans are offsets into the document's text; the measure's text starts at measure_start)."""
    chosen = list(roles)
    return run_named(
        store, "shared_measures", units_a=list(units_a), units_b=list(units_b), roles=chosen, roles_b=chosen
    )


def near_duplicates(
    store: GraphStore,
    *,
    threshold: float = similarity.DEFAULT_THRESHOLD,
    per_measure: int = similarity.PER_MEASURE,
    write: bool = True,
    limit: int = 100,
) -> list[Row]:
    """Compute near-duplicate measures across documents, replace SIMILAR_TO with them (unless
    write=False) and return the pairs with both measures' source, path and heading, best first:
    [{score, source_a, path_a, heading_a, measure_a, source_b, path_b, heading_b, measure_b}]."""
    pairs = similarity.compute_similar(store, threshold=threshold, per_measure=per_measure)
    if write:
        similarity.write_similar(store, pairs)
        return run_named(store, "similar_measures", min_score=threshold, limit=limit)
    return _describe_pairs(store, pairs[:limit])


def _describe_pairs(store: GraphStore, pairs: list[similarity.SimilarPair]) -> list[Row]:
    wanted = sorted({p.measure_a for p in pairs} | {p.measure_b for p in pairs})
    info = {r["measure_id"]: r for r in run_named(store, "measures_by_id", ids=wanted)} if wanted else {}
    rows = []
    for pair in pairs:
        a, b = info.get(pair.measure_a, {}), info.get(pair.measure_b, {})
        rows.append(
            {
                "score": pair.score,
                "source_a": a.get("source", ""),
                "path_a": a.get("path", ""),
                "heading_a": a.get("heading", ""),
                "measure_a": pair.measure_a,
                "source_b": b.get("source", ""),
                "path_b": b.get("path", ""),
                "heading_b": b.get("heading", ""),
                "measure_b": pair.measure_b,
            }
        )
    return rows


def co_assignment_graph(store: GraphStore, roles: Sequence[str] = ROLES, min_shared: int = 1) -> nx.Graph:
    """Units as nodes (kind, jurisdiction, measures per role), an edge where two units share measures
    (weight = shared measures). Collective groups are left out: they would join everything."""
    graph = nx.Graph()
    for row in run_named(store, "units"):
        if row["collective"] or not (row["lead"] or row["participate"] or row["responsible"]):
            continue
        graph.add_node(
            row["unit"],
            kind=row["kind"] or "",
            jurisdiction=row["jurisdiction"] or "",
            lead=int(row["lead"]),
            participate=int(row["participate"]),
            responsible=int(row["responsible"]),
        )
    if set(roles) == {"lead"}:  # one relationship type: the much cheaper co-leading join
        pairs = run_named(store, "co_leading_units", limit=2**31 - 1)
        pairs = [p for p in pairs if p["measures"] >= min_shared]
    else:
        pairs = run_named(store, "co_assigned_units", roles=list(roles), min_shared=min_shared)
    for row in pairs:
        if row["unit_a"] in graph and row["unit_b"] in graph:
            graph.add_edge(row["unit_a"], row["unit_b"], weight=int(row["measures"]))
    return graph


def centrality(graph: nx.Graph) -> list[Row]:
    """Per unit: degree, weighted degree, betweenness and community, most central first.

    Units only meet on shared measures, so the graph falls apart into one component per jurisdiction (or
    group of them); betweenness and communities are computed component by component — exactly, and
    cheaply, for components up to EXACT_BETWEENNESS units, from a seeded sample of sources above. Louvain
    runs with a fixed seed and communities are numbered by size, so runs agree."""
    betweenness: dict[str, float] = {}
    communities: list[list[str]] = []
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        sample = BETWEENNESS_SAMPLE if len(component) > EXACT_BETWEENNESS else None
        betweenness.update(nx.betweenness_centrality(sub, k=sample, seed=SEED))
        if sub.number_of_edges():
            communities += [sorted(c) for c in nx.community.louvain_communities(sub, weight="weight", seed=SEED)]
        else:
            communities.append(sorted(component))
    communities.sort(key=lambda c: (-len(c), c[0]))
    community_of = {unit: number for number, members in enumerate(communities, 1) for unit in members}
    rows = [
        {
            "unit": unit,
            "kind": data.get("kind", ""),
            "jurisdiction": data.get("jurisdiction", ""),
            "degree": graph.degree(unit),
            "weighted_degree": graph.degree(unit, weight="weight"),
            "betweenness": round(betweenness[unit], 4),
            "community": community_of[unit],
        }
        for unit, data in graph.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["weighted_degree"], r["unit"]))
    return rows


def write_graphml(graph: nx.Graph, path: Path | str) -> Path:
    """The co-assignment graph as GraphML (Gephi, yEd, networkx.read_graphml), written whole or not at all."""
    target = Path(path)
    with file_output(target) as handle:
        nx.write_graphml(graph, handle)
    return target


def overlap_report(
    store: GraphStore,
    *,
    limit: int = 20,
    similar: bool = True,
    threshold: float = similarity.DEFAULT_THRESHOLD,
    write: bool = True,
    graph: nx.Graph | None = None,
) -> dict[str, Any]:
    """Everything `policykg overlap` shows: {co_leading, busiest: {role: rows}, near_duplicates,
    centrality, graph: {nodes, edges}}."""
    network = graph if graph is not None else co_assignment_graph(store)
    return {
        "co_leading": co_leading(store, limit),
        "busiest": busiest_by_role(store, limit),
        "near_duplicates": near_duplicates(store, threshold=threshold, write=write, limit=limit) if similar else [],
        "centrality": centrality(network)[:limit],
        "graph": {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()},
    }
