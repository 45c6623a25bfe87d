"""A unit named with its place answers for that place only; a place's unit the graph lacks is reported as
missing with candidates, never answered with another jurisdiction's unit of the same kind. The corpus
(samples/) holds 松阳县, 遂昌县 (both 丽水市) and 湘潭市雨湖区 — no 宁远县 and no city-level bureau."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.ask import ask
from policykg.queries.gazetteer import fold, gazetteer_for
from policykg.queries.qualified import qualified_links


def _jurisdictions(answer: dict) -> set[str]:
    return {row["jurisdiction"] for row in answer["rows"]}


@pytest.mark.parametrize(
    "question",
    [
        "宁远县司法局牵头哪些措施",  # a county the graph does not hold
        "丽水市司法局牵头哪些措施",  # the city above 松阳县 and 遂昌县: its own bureau is not in the graph
        "湖南省宁远县司法局负责哪些措施",
        "哪些措施由宁远县的司法局牵头",
        "宁远县司法局和县政府办有哪些共同措施",
    ],
)
def test_a_place_s_unit_the_graph_lacks_is_missing_with_candidates(corpus_store: LadybugStore, question: str) -> None:
    answer = ask(corpus_store, question)
    assert answer["intent"] == "unknown_unit", answer["message"]
    assert answer["rows"] == [] and answer["cypher"] == ""
    assert answer["message"].startswith("图中没有单位")
    assert any(name.endswith("司法局") for name in answer["candidates"]), answer["candidates"]


def test_a_qualified_name_answers_for_its_place_only(corpus_store: LadybugStore) -> None:
    every = ask(corpus_store, "县司法局牵头哪些措施")
    assert _jurisdictions(every) == {"松阳县", "遂昌县"}  # the short form spans the counties
    for question in ("遂昌县司法局牵头哪些措施", "遂昌县的司法局牵头哪些措施", "浙江省遂昌县司法局牵头哪些措施"):
        one = ask(corpus_store, question)
        assert _jurisdictions(one) == {"遂昌县"}, question
        assert one["rows"] == [row for row in every["rows"] if row["jurisdiction"] == "遂昌县"], question


def test_a_place_run_that_reaches_into_the_name_is_one_qualifier(corpus_store: LadybugStore) -> None:
    short = ask(corpus_store, "雨湖区司法局负责哪些措施")
    assert short["rows"] and _jurisdictions(short) == {"湘潭市雨湖区"}
    assert ask(corpus_store, "湖南省湘潭市雨湖区司法局负责哪些措施")["rows"] == short["rows"]


def test_the_link_says_which_place_qualified_it(corpus_store: LadybugStore) -> None:
    question = fold("宁远县司法局和遂昌县的司法局")
    links = qualified_links(question, gazetteer_for(corpus_store).link(question))
    assert [(link.text, link.qualifier, link.missing) for link in links] == [
        ("宁远县司法局", "宁远县", True),
        ("遂昌县的司法局", "遂昌县", False),
    ]
    assert {unit.jurisdiction for unit in links[1].units} == {"遂昌县"}
    assert links[0].to_dict()["missing"] is True


def test_a_conjunction_between_two_names_is_not_a_place(corpus_store: LadybugStore) -> None:
    # 和县 is a county of 安徽: in 县司法局和县政府办 the 和 joins two units.
    question = fold("县司法局和县政府办有哪些共同措施")
    links = qualified_links(question, gazetteer_for(corpus_store).link(question))
    assert [(link.text, link.qualifier) for link in links] == [("县司法局", ""), ("县政府办", "")]
    assert ask(corpus_store, "和县司法局牵头哪些措施")["intent"] == "unknown_unit"
