"""The question bank of issue 14 (tests/question_bank.py) asked of the fixture documents loaded into a
real LadybugDB file: one test per question, its oracle computed from the hand-checked expected
extractions. A question the tool gets wrong today is xfail (strict), with the reason: fixing it flips
the test to a failure, so the mark must then be removed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.question_bank import BANK, Question, bank_files, load_store, results_table, verdict

# Every kind issue 14 lists, each with questions in the bank.
KINDS = {
    "unit_role",
    "counts",
    "shared",
    "partners",
    "instruments_of_document",
    "laws_and_regulations",
    "cited_by_measures",
    "most_cited",
    "document_names",
    "measure_number",
    "measure_heading",
    "second_level",
    "scoped_ranking",
    "scoped_listing",
    "deadline_period",
    "deadline_any",
    "deadline_recurring",
    "deadline_none",
    "compound",
    "not_found",
}


@pytest.fixture(scope="session")
def bank_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    store = load_store(tmp_path_factory.mktemp("bank"))
    yield store
    store.close()


def _param(index: int, question: Question) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=f"{question.kind}: {question.wrong}")] if question.wrong else []
    return pytest.param(question, id=f"{question.kind}-{index}", marks=marks)


@pytest.mark.parametrize("question", [_param(i, q) for i, q in enumerate(BANK)])
def test_the_bank_question_is_answered_exactly(bank_store: Any, question: Question) -> None:
    assert verdict(bank_store, question) == "", question.text


def test_the_bank_covers_every_kind_with_enough_questions() -> None:
    assert len(BANK) >= 150
    assert {q.kind for q in BANK} == KINDS
    assert len({q.text for q in BANK}) == len(BANK), "a question is asked twice"
    # an oracle that expects nothing would pass on any empty answer: every listing expects rows
    assert [q.text for q in BANK if getattr(q.expect, "want", None) == frozenset()] == []
    # one shape per document: the task table's five shapes are one document
    assert sum(path.stem == "task_table" for path in bank_files()) == 1


def test_the_results_by_kind(bank_store: Any, capsys: pytest.CaptureFixture[str]) -> None:
    table = results_table(bank_store)
    with capsys.disabled():
        print("\n" + table)
    wrong = sum(1 for q in BANK if q.wrong)
    assert table.splitlines()[-1] == f"| all | {len(BANK)} | {len(BANK) - wrong} | {wrong} |"
