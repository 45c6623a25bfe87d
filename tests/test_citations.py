"""Instrument citations: aliases and each of their uses, articles, 中华人民共和国, period spellings, document
numbers in any bracket, unmarked laws; and how a measure keeps them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.ingest.clean import clean
from policykg.ingest.instruments import canonical_title, find_aliases, find_citations
from policykg.ingest.pipeline import extract_text

GANGYAO = "法治政府建设实施纲要(2021-2025年)"


def cites(sentence: str, aliases: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    text = clean(sentence).text
    if aliases is None:
        aliases = {a.alias: a.full for a in find_aliases(text)}
    found = find_citations(text, 0, len(text), aliases)
    for c in found:
        assert text[c.span[0] : c.span[1]] == clean(c.mention).text
    return [(c.mention, c.title, c.article) for c in found]


@pytest.mark.parametrize(
    "definition,alias",
    [
        ("为贯彻落实《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》），", "纲要"),
        ("根据《法治政府建设实施纲要(2021-2025年)》(简称《纲要》),", "纲要"),
        ("落实《法治政府建设实施纲要（2021－2025年）》（以下称《纲要》）", "纲要"),
        ("落实《法治政府建设实施纲要（2021—2025年）》（以下简称“纲要”）", "纲要"),
        ("落实《法治政府建设实施纲要（2021—2025年）》（以下简称纲要）", "纲要"),
        ("落实《法治政府建设实施纲要（2021—2025年）》（中发〔2021〕8号，以下简称《纲要》）", "纲要"),
        ("落实《法治政府建设实施纲要（2021—2025年）》 （以下简称《纲要》）", "纲要"),
        ("认真落实国家法治政府建设实施纲要（2021—2025年）（以下简称《纲要》），", "纲要"),
    ],
)
def test_alias_definitions(definition: str, alias: str) -> None:
    text = clean(definition).text
    assert [(a.alias, a.full) for a in find_aliases(text)] == [(alias, GANGYAO)]


@pytest.mark.parametrize("definition", ["以下简称", "简称", "以下称", "下称：", "中发〔2021〕8号，以下简称"])
def test_the_definition_is_not_a_use(definition: str) -> None:
    assert cites(f"落实《法治政府建设实施纲要（2021—2025年）》（{definition}《纲要》）。") == [
        ("法治政府建设实施纲要(2021-2025年)", GANGYAO, "")
    ]


def test_an_alias_is_defined_only_right_after_its_title() -> None:
    text = clean(
        "落实《行政处罚法》，全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度（以下简称“三项制度”）。"
    ).text
    assert find_aliases(text) == []


def test_every_use_of_an_alias_is_a_citation_of_its_own() -> None:
    text = "落实《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》），按照《纲要》要求，对照纲要细化，落实纲要。"
    assert cites(text) == [
        ("法治政府建设实施纲要(2021-2025年)", GANGYAO, ""),
        ("纲要", GANGYAO, ""),
        ("纲要", GANGYAO, ""),
        ("纲要", GANGYAO, ""),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "完善国民经济和社会发展规划纲要编制",  # inside a longer word
        "编制全省方案时统筹考虑",
    ],
)
def test_a_bare_alias_inside_a_longer_word_is_not_a_use(sentence: str) -> None:
    assert cites(sentence, {"纲要": GANGYAO, "省方案": "湖南省法治政府建设实施方案(2021-2025年)"}) == []


def test_an_alias_that_is_a_common_word_is_cited_only_in_marks() -> None:
    aliases = {"意见": "关于加强法治政府建设的意见"}
    assert cites("按照意见要求征求意见，落实《意见》。", aliases) == [("意见", "关于加强法治政府建设的意见", "")]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("对照《中华人民共和国行政处罚法》第三十六条", [("中华人民共和国行政处罚法", "行政处罚法", "第三十六条")]),
        ("依照《行政处罚法》第三十三条第二款的规定", [("行政处罚法", "行政处罚法", "第三十三条第二款")]),
        ("按照《行政许可法》第十二条、第十三条的规定", [("行政许可法", "行政许可法", "第十二条、第十三条")]),
        ("根据行政处罚法第33条制定清单", [("行政处罚法", "行政处罚法", "第33条")]),
        ("认真贯彻《行政复议法》，第三条规定", [("行政复议法", "行政复议法", "")]),
    ],
)  # fmt: skip
def test_articles(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert cites(sentence, {}) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("严格执行优化营商环境条例，", [("优化营商环境条例", "优化营商环境条例")]),
        ("组织行政许可法和行政处罚法轮训", [("行政许可法", "行政许可法"), ("行政处罚法", "行政处罚法")]),
        ("贯彻中华人民共和国行政复议法，", [("中华人民共和国行政复议法", "行政复议法")]),
        ("结合民法典、《中华人民共和国医师法》的宣传", [("民法典", "民法典"), ("中华人民共和国医师法", "医师法")]),
        ("以民法典为重点开展普法", [("民法典", "民法典")]),
        ("开展民法典宣传月活动", []),
        ("教育法治宣传进校园", []),
    ],
)
def test_unmarked_laws(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m, t) for m, t, _ in cites(sentence, {})] == expected


@given(
    open_close=st.sampled_from(["()", "（）", "[]", "〔〕"]),
    dash=st.sampled_from(["—", "-", "－", "–", "~", "至", ""]),
    first_year=st.booleans(),
    last_year=st.booleans(),
)
def test_one_title_for_every_spelling_of_the_period(
    open_close: str, dash: str, first_year: bool, last_year: bool
) -> None:
    o, c = open_close
    title = f"法治政府建设实施纲要{o}2021{'年' if first_year else ''}{dash}2025{'年' if last_year else ''}{c}"
    assert canonical_title(title) == GANGYAO


@pytest.mark.parametrize(
    "written,number",
    [
        ("汝政办发〔2023〕12号", "汝政办发〔2023〕12号"),
        ("慈政发[2023]5号", "慈政发〔2023〕5号"),
        ("慈政发【2023】5号", "慈政发〔2023〕5号"),
        ("慈政发（2023）5号", "慈政发〔2023〕5号"),
        ("慈政发(2023)5号", "慈政发〔2023〕5号"),
        ("慈政发〔2023〕5号，以下简称《办法》", "慈政发〔2023〕5号"),
    ],
)
def test_a_number_after_a_title_belongs_to_it(written: str, number: str) -> None:
    text = clean(f"严格执行《汝城县涉企行政检查备案管理办法》（{written}），规范检查。").text
    found = find_citations(text, 0, len(text), {})
    assert [(c.mention, c.doc_number) for c in found] == [("汝城县涉企行政检查备案管理办法", number)]


def test_a_bare_number_is_a_citation_of_its_own() -> None:
    text = clean("按照湘政办发〔2019〕15号文件精神完成。").text
    assert [(c.mention, c.doc_number) for c in find_citations(text, 0, len(text), {})] == [
        ("湘政办发〔2019〕15号", "湘政办发〔2019〕15号")
    ]


def test_nested_marks_are_one_citation() -> None:
    assert cites("下发《县人民政府关于印发〈县2024年法治政府建设工作要点〉的通知》（县政发〔2024〕1号）", {}) == [
        (
            "县人民政府关于印发〈县2024年法治政府建设工作要点〉的通知",
            "县人民政府关于印发《县2024年法治政府建设工作要点》的通知",
            "",
        )
    ]


PLAN = """石门县法治政府建设实施方案

为贯彻落实《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》），制定本方案。

一、依法全面履行政府职能

1．推进政务公开。认真贯彻《法治政府建设实施纲要（2021—2025年）》和《中华人民共和国政府信息公开条例》，对照纲要要求完善目录，落实《纲要》部署，再次对照《法治政府建设实施纲要（2021—2025年）》自查，按照《纲要》要求公开。（责任单位：县政府办公室）

2．规范行政执法。对照《中华人民共和国行政处罚法》第三十六条开展评查，贯彻《中华人民共和国行政处罚法》。（责任单位：县司法局）
"""


def test_a_measure_cites_a_title_once_and_each_alias_use_separately() -> None:
    x = extract_text(PLAN, "plan.txt")
    first, second = x.measures
    assert [(c.mention, c.title) for c in first.instruments] == [
        ("法治政府建设实施纲要（2021—2025年）", GANGYAO),
        ("中华人民共和国政府信息公开条例", "政府信息公开条例"),
        ("纲要", GANGYAO),
        ("纲要", GANGYAO),
        ("纲要", GANGYAO),
    ]
    assert [(c.mention, c.article) for c in second.instruments] == [("中华人民共和国行政处罚法", "第三十六条")]
    for c in [*first.instruments, *second.instruments]:
        assert x.text[c.span[0] : c.span[1]] == c.mention
    assert [(a.alias, a.full) for a in x.aliases] == [("纲要", GANGYAO)]
