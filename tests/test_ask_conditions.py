"""Conditions a question states are kept: 法律法规 means 法律, 行政法规 and 地方性法规, not 法律 alone."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries import slots
from policykg.queries.ask import ask
from policykg.queries.gazetteer import fold


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("引用了哪些法律法规", ("法律", "行政法规", "地方性法规")),
        ("引用了哪些法律", ("法律",)),
        ("引用了哪些行政法规", ("行政法规",)),
        ("引用了哪些法律和规章", ("法律", "规章")),
        ("引用了哪些法规", ()),
        ("引用了哪些文件", ()),
    ],
)
def test_instrument_kinds_as_the_documents_mean_them(text: str, kinds: tuple[str, ...]) -> None:
    assert slots.instrument_kinds(fold(text)) == kinds


def test_laws_and_regulations_are_more_than_laws(corpus_store: LadybugStore) -> None:
    every = ask(corpus_store, "遂昌县计划引用了哪些法规")["rows"]
    both = ask(corpus_store, "遂昌县计划引用了哪些法律法规")["rows"]
    laws = ask(corpus_store, "遂昌县计划引用了哪些法律")["rows"]
    assert both == [row for row in every if row["kind"] in {"法律", "行政法规", "地方性法规"}]
    assert laws == [row for row in every if row["kind"] == "法律"]
    assert len(both) > len(laws) > 0


# samples/suichang_2026_gongzuojihua.txt, read by hand: 县政府办 and 县司法局 co-lead 8, 9 and 21 (19 is
# 县政府办's alone); in 3 县司法局 leads and 县政府办 is a 配合单位.
SUICHANG_OFFICE, SUICHANG_JUSTICE = "遂昌县人民政府办公室", "遂昌县司法局"


def test_the_partners_a_unit_co_leads_with(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "遂昌县政府办和哪些单位一起牵头")
    assert answer["intent"] == "unit_partners"
    assert [(row["unit"], row["partner"], row["measures"]) for row in answer["rows"]] == [
        (SUICHANG_OFFICE, SUICHANG_JUSTICE, 3)
    ]
    assert [path.split()[-1] for path in answer["rows"][0]["found_in"]] == ["三/8", "三/9", "六/21"]  # document order


def test_each_side_keeps_its_own_role(corpus_store: LadybugStore) -> None:
    for question in ("遂昌县司法局牵头且遂昌县政府办参加的措施", "遂昌县司法局牵头、遂昌县政府办配合的措施有哪些"):
        answer = ask(corpus_store, question)
        assert {(row["path"], row["role_a"], row["role_b"]) for row in answer["rows"]} == {
            ("一/3", "lead", "participate")
        }, question
        assert "牵头 / 参加" in answer["understood_line"]
    both_lead = ask(corpus_store, "遂昌县司法局和遂昌县政府办共同牵头哪些措施")
    assert {row["path"] for row in both_lead["rows"]} == {"三/8", "三/9", "六/21"}


@pytest.mark.parametrize(
    ("text", "roles", "least", "most"),
    [
        ("没有牵头单位的措施", ("lead",), 0, 0),
        ("哪些措施没有责任单位", ("responsible",), 0, 0),
        ("牵头单位超过3个的措施", ("lead",), 4, 1_000_000),
        ("超过3个牵头单位的措施", ("lead",), 4, 1_000_000),
        ("牵头单位有3个以上的措施", ("lead",), 3, 1_000_000),
        ("责任单位不少于五个的措施有多少", ("responsible",), 5, 1_000_000),
        ("只有1个牵头单位的措施", ("lead",), 1, 1),
        ("配合单位少于2个的措施", ("participate",), 0, 1),
    ],
)
def test_unit_count_conditions(text: str, roles: tuple[str, ...], least: int, most: int) -> None:
    bound = slots.unit_count(fold(text))
    assert bound is not None and (bound.roles, bound.least, bound.most) == (roles, least, most)


@pytest.mark.parametrize("text", ["前5个单位", "县司法局牵头哪些措施", "哪些单位牵头的措施最多"])
def test_rankings_and_unit_questions_are_no_unit_count(text: str) -> None:
    assert slots.unit_count(fold(text)) is None


def test_measures_without_a_lead_unit(corpus_store: LadybugStore) -> None:
    # samples/songyang_2026_shishifangan.txt by hand: (3) and 15 name units 按照职责分工分别负责 (responsible,
    # no lead); 六(一) and 六(三) have no clause; every other measure names a 牵头单位.
    answer = ask(corpus_store, "松阳县方案中没有牵头单位的措施有哪些")
    assert answer["intent"] == "measures_by_unit_count"
    assert [row["path"] for row in answer["rows"]] == ["二/(二)/4/(3)", "五/(八)/15", "六/(一)", "六/(三)"]
    assert answer["message"] == "没有牵头单位的措施共 4 项。"


def test_measures_with_more_than_one_lead_unit(corpus_store: LadybugStore) -> None:
    # samples/suichang: 8, 9 and 21 are co-led by 县政府办 and 县司法局, so each names two lead units.
    answer = ask(corpus_store, "遂昌县计划中牵头单位超过1个的措施有哪几项")
    paths = {row["path"] for row in answer["rows"]}
    assert {"三/8", "三/9", "六/21"} <= paths and "六/19" not in paths  # 19: 县政府办 alone
    assert all(row["units"] >= 2 for row in answer["rows"])


# samples/songyang_2026_shishifangan.txt by hand: 5 (2026年12月底前), 6 (2027年6月底前), 12 (2027年底前) and
# 六(二) (每年第一季度) have deadlines; its other 17 measures none (13's 每年 is a training target).
SONGYANG_DATED = ["三/(三)/5", "三/(三)/6", "四/(六)/12", "六/(二)"]


def test_measures_with_any_deadline_recurring_ones_or_none(corpus_store: LadybugStore) -> None:
    dated = ask(corpus_store, "松阳县方案中有期限的措施")
    assert dated["intent"] == "measures_by_deadline_kind"
    assert {row["path"] for row in dated["rows"]} == set(SONGYANG_DATED)
    recurring = ask(corpus_store, "松阳县方案中每年定期完成的期限有哪些")
    assert [(row["path"], row["deadline_text"]) for row in recurring["rows"]] == [("六/(二)", "每年第一季度")]
    undated = ask(corpus_store, "松阳县方案中没有明确完成时限的措施有哪几项")
    every = ask(corpus_store, "松阳县方案有哪些措施")
    assert {row["path"] for row in undated["rows"]} == {row["path"] for row in every["rows"]} - set(SONGYANG_DATED)
    assert undated["message"] == "没有期限的措施共 17 项。"


def test_a_period_within_a_document_is_kept(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "松阳县方案中2027年底前完成的措施")
    assert [row["path"] for row in answer["rows"]] == ["三/(三)/6", "四/(六)/12"]
