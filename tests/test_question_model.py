"""A question is read into one typed value (queries.understanding.Understanding) before anything runs:
its intent, the names it links with the text they were linked from, the roles, the scope and the
filters. Bank questions (tests/question_bank.py) over the bank's documents, each value checked field by
field from the question's meaning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.gazetteer import Gazetteer, fold, gazetteer_for
from policykg.queries.intents import Problem, Question, read
from policykg.queries.understanding import Understanding
from tests.question_bank import BANK, load_store


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    store: LadybugStore = load_store(Path(tmp_path_factory.mktemp("model")))
    yield gazetteer_for(store)
    store.close()


def understood(names: Gazetteer, text: str) -> Understanding:
    assert text in {q.text for q in BANK}, "a bank question"
    _, value = read(Question.parse(fold(text), names), names)
    assert isinstance(value, Understanding), value
    return value


def test_a_conjunction_gives_each_unit_its_own_role(names: Gazetteer) -> None:
    u = understood(names, "石门县政府办公室牵头且石门县司法局参加的措施")
    assert u.intent == "shared_measures"
    assert [e.written for e in u.subjects] == ["石门县政府办公室", "石门县司法局"]
    assert all(e.kind == "unit" and e.linked for e in u.subjects)
    assert u.roles == ("lead",) and u.filters.second_roles == ("participate",)
    assert u.filters.conjunction and not u.filters.negated
    assert u.scope.documents == () and u.scope.jurisdiction is None


def test_a_threshold_on_the_number_of_lead_units(names: Gazetteer) -> None:
    u = understood(names, "牵头单位超过2个的措施")
    assert u.intent == "measures_by_unit_count"
    bound = u.filters.unit_count
    assert bound is not None and (bound.least, bound.roles) == (3, ("lead",)) and bound.most >= 1_000_000
    assert u.roles == ("lead",) and not u.filters.negated and u.entities == ()


def test_a_negation_within_one_document(names: Gazetteer) -> None:
    u = understood(names, "韶山市要点中没有牵头单位的措施")
    bound = u.filters.unit_count
    assert u.intent == "measures_by_unit_count" and bound is not None and (bound.least, bound.most) == (0, 0)
    assert u.filters.negated
    (document,) = u.documents
    assert document.written == "韶山市要点" and document.kind == "document"
    assert u.scope.documents == tuple(d.source for d in document.documents)


def test_a_ranking_scoped_to_a_jurisdiction(names: Gazetteer) -> None:
    u = understood(names, "石门县哪个单位牵头最多")
    assert u.intent == "busiest_units" and u.roles == ("lead",)
    (place,) = u.jurisdictions
    assert place.kind == "jurisdiction" and place.written == "石门县" and place.linked
    assert all("石门县" in j for j in u.scope.jurisdictions)
    assert u.filters.top == 20  # the ranking's default length


def test_a_second_level_item_of_a_named_document(names: Gazetteer) -> None:
    u = understood(names, "宜都市方案第四部分第(二)项由谁牵头")
    assert u.intent == "measure_units" and u.roles == ("lead",)
    assert u.scope.section == "四/(二)" and u.filters.numbers == ()
    assert [e.written for e in u.documents] == ["宜都市方案"]
    assert u.scope.documents == (u.documents[0].documents[0].source,)


def test_a_deadline_period_and_a_deadline_negation(names: Gazetteer) -> None:
    due = understood(names, "哪些措施2024年底前完成")
    assert due.intent == "measures_due" and due.scope.period is not None
    assert (due.scope.period.date_from, due.scope.period.date_to) == ("2024-01-01", "2024-12-31")
    assert due.filters.deadline == "" and not due.filters.negated
    none = understood(names, "慈利县方案中没有期限的措施")
    assert none.intent == "measures_by_deadline_kind" and none.filters.deadline == "none" and none.filters.negated
    assert none.scope.documents and none.scope.period is None


def test_a_count_is_not_a_list(names: Gazetteer) -> None:
    count = understood(names, "澧县司法局的工作量")
    assert count.intent == "unit_workload" and count.filters.count
    assert [e.written for e in count.subjects] == ["澧县司法局"]
    listing = understood(names, "牵头单位超过1个的措施有哪些")
    assert not listing.filters.count


def test_a_place_the_graph_lacks_is_a_problem_not_a_value(names: Gazetteer) -> None:
    _, value = read(Question.parse(fold("北京市哪个单位牵头最多"), names), names)
    assert isinstance(value, Problem) and value.intent == "unknown_jurisdiction" and value.candidates
