"""A measure looked up the ways users write it: 第(13)项 / 第（13）项 / 13项 after a document's name, a
second-level item (第四部分第(六)项) and quoted words of its heading. Expected units are read off
samples/songyang_2026_shishifangan.txt by hand: (六)规范行政执法行为 holds 11 (牵头 县司法局), 12 规范行政裁量权基准
(牵头 县司法局) and 13 (牵头 县司法局、县人社局)."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries import slots
from policykg.queries.ask import ask
from policykg.queries.gazetteer import fold
from tests.corpus import SONGYANG

JUSTICE, HR = "松阳县司法局", "松阳县人力资源和社会保障局"


def _leads(answer: dict) -> set[tuple[str, str, str]]:
    return {(row["source"], row["path"], row["unit"]) for row in answer["rows"] if row["role"] == "lead"}


@pytest.mark.parametrize("question", ["第(13)项由谁牵头", "第（13）项由谁牵头", "第 ( 13 ) 项由谁牵头"])
def test_a_bracketed_number_is_the_plain_number(corpus_store: LadybugStore, question: str) -> None:
    plain = ask(corpus_store, "第13项由谁牵头")
    answer = ask(corpus_store, question)
    assert answer["intent"] == "measure_units" and answer["rows"] == plain["rows"]
    assert {(SONGYANG, "四/(六)/13", JUSTICE), (SONGYANG, "四/(六)/13", HR)} <= _leads(answer)
    assert len({row["source"] for row in answer["rows"]}) > 1  # 13 is used by several documents: each answers


def test_a_number_after_a_document_name_is_that_document_s(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "松阳县方案13项由谁牵头")
    assert _leads(answer) == {(SONGYANG, "四/(六)/13", JUSTICE), (SONGYANG, "四/(六)/13", HR)}


def test_a_second_level_item_answers_for_the_measures_under_it(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "松阳县方案第四部分第(六)项由谁牵头")
    assert _leads(answer) == {
        (SONGYANG, "四/(六)/11", JUSTICE),
        (SONGYANG, "四/(六)/12", JUSTICE),
        (SONGYANG, "四/(六)/13", JUSTICE),
        (SONGYANG, "四/(六)/13", HR),
    }
    assert answer["message"].count(JUSTICE) == 1  # each unit named once in the summary


def test_a_measure_by_quoted_words_of_its_heading(corpus_store: LadybugStore) -> None:
    for question in ("“规范行政裁量权基准”那条措施由谁牵头", "「规范行政裁量权基准」由谁牵头"):
        answer = ask(corpus_store, question)
        assert _leads(answer) == {(SONGYANG, "四/(六)/12", JUSTICE)}, question


@pytest.mark.parametrize("text", ["前5项", "哪些单位牵头超过10项措施", "2022年底前完成哪些措施"])
def test_counts_and_rankings_are_not_measure_numbers(text: str) -> None:
    assert slots.measure_numbers(fold(text)) == ()
