"""Answers that span many jurisdictions list the first whole jurisdictions and count all of them.

The store holds 40 synthetic plans of different counties (benchmarks/generate.py), so a short name such
as 县司法局 names many counties' 司法局. Every paged answer is checked against the same question asked
with `max_rows=None`, which reads every row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from benchmarks.generate import generate
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from policykg.queries.ask import ask

PAGE = 20


@pytest.fixture(scope="module")
def counties_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LadybugStore]:
    corpus = tmp_path_factory.mktemp("counties")
    manifest = generate(40, 11, corpus, measures_per_doc=30)
    store = LadybugStore(corpus / "store.lbug")
    load(store, [extract_file(corpus / entry["file"]) for entry in manifest["documents"]])
    yield store
    store.close()


def _key(row: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in row.items()))


@pytest.mark.parametrize(
    ("question", "unit_column"),
    [("县司法局牵头哪些措施", "unit"), ("县司法局和县政府办有哪些共同措施", "unit_a")],
)
def test_a_paged_answer_lists_whole_jurisdictions_and_counts_every_one(
    counties_store: LadybugStore, question: str, unit_column: str
) -> None:
    full = ask(counties_store, question, max_rows=None)
    assert full["complete"] and full["total_rows"] == len(full["rows"])
    jurisdictions = list(dict.fromkeys(row["jurisdiction"] for row in full["rows"]))
    assert len(jurisdictions) > 3 and len(full["rows"]) > PAGE  # the store makes this a paged answer

    paged = ask(counties_store, question, max_rows=PAGE)
    assert not paged["complete"]
    assert paged["total_rows"] == len(full["rows"])
    listed = list(dict.fromkeys(row["jurisdiction"] for row in paged["rows"]))
    assert listed == jurisdictions[: len(listed)]  # the first jurisdictions, in order
    expected = [row for row in full["rows"] if row["jurisdiction"] in listed]
    assert [_key(row) for row in paged["rows"]] == [_key(row) for row in expected]  # whole, same order
    assert len(paged["rows"]) <= PAGE or len(listed) == 1

    per_jurisdiction = Counter(row["jurisdiction"] for row in full["rows"])
    grouped: Counter[str] = Counter()
    for group in paged["groups"]:
        grouped[group["jurisdiction"]] += group["rows"]
    assert grouped == per_jurisdiction
    assert f"共 {len(full['rows'])} 条" in paged["message"]
    assert f"{len(per_jurisdiction)} 个辖区" in paged["message"]
    assert {row[unit_column] for row in paged["rows"]} <= {g["unit"] for g in paged["groups"]}


def test_the_suggested_question_answers_one_jurisdiction(counties_store: LadybugStore) -> None:
    paged = ask(counties_store, "县司法局牵头哪些措施", max_rows=PAGE)
    suggested = paged["message"].split("如「")[1].split("」")[0]
    unit = suggested.removesuffix("牵头哪些措施")
    narrow = ask(counties_store, suggested)
    assert narrow["complete"] and narrow["rows"]
    assert {row["unit"] for row in narrow["rows"]} == {unit}
    assert len(narrow["rows"]) == next(g["rows"] for g in paged["groups"] if g["unit"] == unit)


def test_an_answer_that_fits_is_not_paged(counties_store: LadybugStore) -> None:
    full = ask(counties_store, "县司法局牵头哪些措施", max_rows=None)
    fits = ask(counties_store, "县司法局牵头哪些措施", max_rows=len(full["rows"]))
    assert fits["complete"] and fits["rows"] == full["rows"] and fits["message"] == full["message"]


def test_a_period_filter_reads_every_row_rather_than_page_wrong_counts(counties_store: LadybugStore) -> None:
    answer = ask(counties_store, "县司法局牵头哪些措施2022年底前完成", max_rows=1)
    every = ask(counties_store, "县司法局牵头哪些措施2022年底前完成", max_rows=None)
    assert answer["intent"] == "unit_measures" and len(every["rows"]) > 1
    assert answer["rows"] == every["rows"] and answer["complete"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("哪些措施有期限", "measures_by_deadline_kind"),
        ("哪些措施没有期限", "measures_by_deadline_kind"),
        ("没有牵头单位的措施有多少项", "measures_by_unit_count"),
        ("哪些措施2024年底前完成", "measures_due"),
    ],
)
def test_a_long_listing_of_measures_says_its_whole_count_and_lists_its_first_page(
    counties_store: LadybugStore, question: str, intent: str
) -> None:
    full = ask(counties_store, question, max_rows=None)
    assert full["intent"] == intent and full["complete"]
    assert len(full["rows"]) > PAGE  # the store makes this a paged answer
    paged = ask(counties_store, question, max_rows=PAGE)
    assert not paged["complete"] and paged["total_rows"] == len(full["rows"])
    assert paged["rows"] == full["rows"][:PAGE]  # the first rows, in the listing's order
    assert f"共 {len(full['rows'])} 项" in paged["message"] or f"{len(full['rows'])} 项措施" in paged["message"]
    assert f"前 {PAGE} 项" in paged["message"]


def test_a_listing_scoped_to_a_document_is_counted_within_it(counties_store: LadybugStore) -> None:
    """The document is a filter of the query (not of the rows after it), so the count is that document's."""
    every = ask(counties_store, "哪些措施有期限", max_rows=None)
    title = counties_store.read("MATCH (d:Document) RETURN d.title AS t, d.source AS s ORDER BY s LIMIT 1")[0]
    scoped = ask(counties_store, f"《{title['t']}》中哪些措施有期限", max_rows=PAGE)
    expected = [row for row in every["rows"] if row["source"] == title["s"]]
    assert expected and scoped["rows"] == expected[:PAGE]
    assert scoped["total_rows"] == len(expected)


def test_a_listing_longer_than_its_query_limit_still_says_its_whole_count(counties_store: LadybugStore) -> None:
    from policykg.queries import ask as ask_module

    every = ask(counties_store, "哪些措施没有期限", max_rows=None)
    total = len(every["rows"])
    cut = ask_module.ask(counties_store, "哪些措施没有期限", max_rows=total - 1)
    assert cut["total_rows"] == total and len(cut["rows"]) == total - 1 and not cut["complete"]
