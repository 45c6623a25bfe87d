"""Acceptance on the real seed documents (../shared/corpus or $POLICYKG_CORPUS): the answers the store and
the questions gave on them before the tests moved to the project corpus, read off those documents by hand.
Skipped with the reason when the seed corpus is absent; tests/test_extract_corpus.py checks their extraction."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries import overlap
from policykg.queries.ask import ask
from policykg.queries.catalog import run_named
from tests.corpus import needs_corpus

pytestmark = needs_corpus

NINGYUAN = "000_5cda63ea9f7dc0ed.txt"  # 宁远县法治政府建设实施方案: 牵头/参加 clauses
SHAPOTOU = "001_2a37c533326af7ae.txt"  # 沙坡头区 实施意见: no clauses
BAYUQUAN = "002_a710a6335c69e98a.txt"  # 营口市鲅鱼圈区 工作要点: 责任单位 clauses
FENGHUANG = "003_4132fc12d559d735.txt"  # 凤凰县 年度报告


def _numbers(source: str, *numbers: int | str) -> set[tuple[str, str]]:
    return {(source, str(n)) for n in numbers}


def test_catalog_spot_checks(seed_store: LadybugStore) -> None:
    leads = run_named(seed_store, "unit_measures", units=["宁远县司法局"], roles=["lead"])
    assert len({r["measure_id"] for r in leads}) == 52
    units = run_named(seed_store, "measure_units", number="22", source=NINGYUAN, roles=["lead"])
    assert [r["unit"] for r in units] == ["宁远县人民政府办公室", "宁远县司法局"]
    section = run_named(seed_store, "section_measures", source=NINGYUAN, section="四")
    assert sorted(int(r["number"]) for r in section) == list(range(22, 34))
    workload = run_named(seed_store, "unit_workload", units=["宁远县司法局"])
    assert [(r["lead"], r["participate"], r["responsible"]) for r in workload] == [(52, 5, 1)]
    due = run_named(seed_store, "measures_due", date_from="2022-01-01", date_to="2022-12-31")
    assert sorted(int(r["number"]) for r in due) == [4, 44, 60]
    top = run_named(seed_store, "top_instruments", limit=1)
    assert top[0]["instrument"] == "重大行政决策程序暂行条例" and top[0]["documents"] == 3


@pytest.mark.parametrize(
    ("question", "intent", "measures"),
    [
        ("县委编办牵头哪些措施", "unit_measures", _numbers(NINGYUAN, 1, 3, 34, 35, 98)),
        ("县司法局参与哪些措施", "unit_measures", _numbers(NINGYUAN, 13, 53, 66, 84, 85)),
        ("县委编办和县司法局共同牵头哪些措施", "shared_measures", _numbers(NINGYUAN, 34, 35, 98)),
        ("2018年12月底前要完成哪些措施", "measures_due", {(SHAPOTOU, "1")}),
        ("区审批局负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 6, 7)),
        (
            "哪些措施引用了行政处罚法",
            "instrument_measures",
            _numbers(NINGYUAN, 45, 46) | {(BAYUQUAN, "14"), (FENGHUANG, "三是")},
        ),
    ],
)
def test_questions(seed_store: LadybugStore, question: str, intent: str, measures: set[tuple[str, str]]) -> None:
    answer = ask(seed_store, question)
    assert answer["intent"] == intent, answer["message"]
    assert {(row["source"], row["number"]) for row in answer["rows"]} == measures


def test_a_name_in_several_jurisdictions_answers_for_all_grouped(seed_store: LadybugStore) -> None:
    answer = ask(seed_store, "司法局负责哪些措施")
    assert {g["jurisdiction"]: g["rows"] for g in answer["groups"]} == {"宁远县": 58, "营口市鲅鱼圈区": 21}


def test_overlap_rankings(seed_store: LadybugStore) -> None:
    rows = overlap.co_leading(seed_store, limit=1)
    assert (rows[0]["unit_a"], rows[0]["unit_b"], rows[0]["measures"]) == ("宁远县人民政府办公室", "宁远县司法局", 12)
    by_role = overlap.busiest_by_role(seed_store, limit=3)
    assert (by_role["lead"][0]["unit"], by_role["lead"][0]["measures"]) == ("宁远县司法局", 52)
    assert (by_role["responsible"][0]["unit"], by_role["responsible"][0]["measures"]) == ("营口市鲅鱼圈区司法局", 21)
    assert [r["unit"] for r in by_role["participate"]] == ["宁远县人民法院", "宁远县公安局", "宁远县司法局"]
    shared = overlap.shared(seed_store, ["营口市鲅鱼圈区司法局"], ["营口市鲅鱼圈区人民政府办公室"])
    assert sorted(int(r["number"]) for r in shared) == [1, 2, 11, 17, 22, 28, 29]
