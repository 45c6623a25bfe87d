"""The explorer's subgraph reads on LadybugDB, where nodes are looked up one key at a time: they give
exactly what the plain `id IN $ids` statements give (those scan the store, fine at this size)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from policykg.explorer.subgraph import document_neighbourhood, induced, neighbourhood
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.records import Extraction
from policykg.queries.similarity import compute_similar, write_similar


@pytest.fixture(scope="module")
def linked_store(
    tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[Extraction]
) -> Iterator[LadybugStore]:
    """The project corpus with its near-duplicate links, so measures link to measures too."""
    with LadybugStore(tmp_path_factory.mktemp("subgraph") / "linked.lbug") as store:
        load(store, corpus_extractions)
        write_similar(store, compute_similar(store))
        yield store


def _some_ids(store: LadybugStore) -> list[str]:
    """A document, a unit, an instrument and measures that have near-duplicates."""
    one = "RETURN n.id AS id ORDER BY id LIMIT 1"
    picked = [store.read(f"MATCH (n:{label}) {one}")[0]["id"] for label in ("Document", "Unit", "Instrument")]
    similar = store.read("MATCH (n:Measure)-[:SIMILAR_TO]->(:Measure) RETURN DISTINCT n.id AS id ORDER BY id LIMIT 3")
    assert similar, "the corpus has near-duplicate measures"
    return picked + [r["id"] for r in similar]


def _plain_edges(store: LadybugStore, where: str, ids: list[str]) -> set[tuple[str, str, str]]:
    rows = store.read(f"MATCH (a)-[r]->(b) WHERE {where} RETURN a.id AS a, label(r) AS type, b.id AS b", {"ids": ids})
    return {(r["a"], r["type"], r["b"]) for r in rows}


def test_a_neighbourhood_is_every_relationship_touching_the_nodes(linked_store: LadybugStore) -> None:
    ids = [*_some_ids(linked_store), "mea:0000000000000000"]  # no such measure: nothing for it
    graph, cut = neighbourhood(linked_store, ids, limit=100_000)
    assert not cut
    assert set(graph.edges) == _plain_edges(linked_store, "a.id IN $ids OR b.id IN $ids", ids)
    assert "mea:0000000000000000" not in graph.nodes
    assert {"SIMILAR_TO", "LEADS", "HAS", "CITES"} <= {edge.type for edge in graph.edges.values()}


def test_a_neighbourhood_past_its_limit_says_so(linked_store: LadybugStore) -> None:
    graph, cut = neighbourhood(linked_store, _some_ids(linked_store), limit=5)
    assert cut and len(graph.edges) == 5


def test_a_document_neighbourhood_is_that_of_the_document_and_its_parts(linked_store: LadybugStore) -> None:
    document = linked_store.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id LIMIT 1")[0]["id"]
    parts = [
        row["id"]
        for label in ("Section", "Measure")
        for row in linked_store.read(
            f"MATCH (n:{label}) WHERE n.document_id = $doc RETURN n.id AS id", {"doc": document}
        )
    ]
    graph, cut = document_neighbourhood(linked_store, document, limit=100_000)
    assert not cut and len(parts) > 20  # every sample has more than 20 sections and measures
    assert set(graph.edges) == _plain_edges(linked_store, "a.id IN $ids OR b.id IN $ids", [document, *parts])
    assert set(graph.edges) == set(neighbourhood(linked_store, [document, *parts], limit=100_000)[0].edges)
    _, cut = document_neighbourhood(linked_store, document, limit=10)
    assert cut


def test_induced_holds_the_relationships_among_the_nodes(linked_store: LadybugStore) -> None:
    around, _ = neighbourhood(linked_store, _some_ids(linked_store), limit=100_000)
    ids = sorted(around.nodes)[::2]  # every other node: some relationships fall outside
    graph = induced(linked_store, ids)
    assert set(graph.nodes) == set(ids)
    assert set(graph.edges) == _plain_edges(linked_store, "a.id IN $ids AND b.id IN $ids", ids)
    assert graph.edges
