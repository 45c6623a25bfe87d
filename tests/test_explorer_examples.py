"""The Cypher console's examples come from the catalog and every one of them runs on the store it is
shown for, with the values drawn from that store (or, where it has none, the query's own example)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.explorer.examples import examples, sample_values
from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.catalog import load_catalog


def test_every_console_example_runs_on_the_corpus(corpus_store: LadybugStore) -> None:
    shown = examples(corpus_store)
    catalog = load_catalog().values()
    console = [q.console for q in catalog if q.console]
    assert list(shown)[: len(console)] == console  # the console's own examples first, by their names
    assert set(shown) == set(console) | {f"Named: {q.title}" for q in catalog if not q.console}
    for name, example in shown.items():
        assert "$label" not in example.cypher, name  # label slots are written in
        corpus_store.read(example.cypher, example.params)  # runs: no QueryError
    assert shown["Units with a parameter"].params == {"kind": "司法局"}
    shared = shown["Named: Measures two units share"]
    assert corpus_store.read(shared.cypher, shared.params)  # the busiest unit and its busiest partner


def test_sample_values_come_from_the_store(corpus_store: LadybugStore) -> None:
    samples = sample_values(corpus_store)
    assert samples["unit"] == "遂昌县司法局"  # leads the most measures (samples/README.md)
    assert samples["unit_b"] and samples["unit_b"] != samples["unit"]
    assert samples["ids"] and all(i.startswith("mea:") for i in samples["ids"])
    assert samples["doc"].startswith("doc:") and samples["source"]


def test_console_examples_on_an_empty_store_still_run(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "empty.lbug") as store:
        for name, example in examples(store).items():
            rows = store.read(example.cypher, example.params)
            assert rows == [] or name == "Named: Graph signature", name  # the signature counts zeros


@pytest.mark.parametrize("name", ["Measures a unit leads", "A document's measures and lead units (graph)"])
def test_console_examples_answer_on_the_corpus(corpus_store: LadybugStore, name: str) -> None:
    example = examples(corpus_store)[name]
    assert corpus_store.read(example.cypher, example.params)
