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
