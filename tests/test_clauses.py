"""Responsibility clauses: one case per form seen in the wild, and generated unit lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.ingest.clauses import find_clauses
from policykg.ingest.clean import clean


def parse(sentence: str) -> list[tuple[str, str, bool]]:
    text = clean(sentence).text
    return [(a.role, a.mention, a.collective) for c in find_clauses(text, 0, len(text)) for a in c.assignments]


CASES = [
    (
        "加强审查。(责任单位:区政府办公室、区司法局、全区各部门)",
        [
            ("responsible", "区政府办公室", False),
            ("responsible", "区司法局", False),
            ("responsible", "全区各部门", True),
        ],
    ),
    (
        "优化职能。(牵头单位:县委编办;参加单位:县政府各工作部门、各乡镇(街道))",
        [("lead", "县委编办", False), ("participate", "县政府各工作部门", True), ("participate", "各乡镇(街道)", True)],
    ),
    (
        "优化职能。（牵头单位：县委编办；参加单位：各乡镇（街道））",  # full-width punctuation
        [("lead", "县委编办", False), ("participate", "各乡镇(街道)", True)],
    ),
    (
        "加强干部选用。(牵头单位:县委组织部,参加单位:县直各单位、各部门)",
        [("lead", "县委组织部", False), ("participate", "县直各单位", True), ("participate", "各部门", True)],
    ),
    (
        "推进减证便民。牵头单位:县司法局;参加单位:县政府其他有关部门、县人大法制委",
        [
            ("lead", "县司法局", False),
            ("participate", "县政府其他有关部门", True),
            ("participate", "县人大法制委", False),
        ],
    ),
    (
        "提出立法建议。(牵头单位:县人大法制委、县司法局;参加单位:县政府其他有关部门",  # never closed
        [("lead", "县人大法制委", False), ("lead", "县司法局", False), ("participate", "县政府其他有关部门", True)],
    ),
    (
        "规范机构编制。(市编办牵头,市政府办公厅、市发改委等相关单位配合)",
        [("lead", "市编办", False), ("participate", "市政府办公厅", False), ("participate", "市发改委", False)],
    ),
    (
        "推进简政放权。(市政府办公厅、市编办按照职责分工分别负责)",
        [("responsible", "市政府办公厅", False), ("responsible", "市编办", False)],
    ),
    (
        "推进简政放权。(市政府办公厅、市编办按照职责分工分别负责,市直各相关单位配合)",
        [
            ("responsible", "市政府办公厅", False),
            ("responsible", "市编办", False),
            ("participate", "市直各相关单位", True),
        ],
    ),
    ("推动事权规范化。(责任单位:县政府各部门按职责分工负责)", [("responsible", "县政府各部门", True)]),
    ("提高决策质量。责任单位:县政府有关部门按职责分工负责)", [("responsible", "县政府有关部门", True)]),
    (
        "完善监管。(责任单位:县公安局、人民银行宁远支行、市生态环境局宁远分局)",
        [
            ("responsible", "县公安局", False),
            ("responsible", "人民银行宁远支行", False),
            ("responsible", "市生态环境局宁远分局", False),
        ],
    ),
    (
        "统筹推进。(责任单位:县委依法治县办;参加单位:各协调小组)",
        [("responsible", "县委依法治县办", False), ("participate", "各协调小组", True)],
    ),
    (
        "做好工作。\n牵头单位:县司法局 配合单位:县法院 县检察院\n",
        [("lead", "县司法局", False), ("participate", "县法院", False), ("participate", "县检察院", False)],
    ),
    (
        "做好工作。\n【责任单位】县司法局、县财政局\n",
        [("responsible", "县司法局", False), ("responsible", "县财政局", False)],
    ),
    (
        "做好工作。(由县司法局牵头负责,各相关部门配合)",
        [("lead", "县司法局", False), ("participate", "各相关部门", True)],
    ),
    (
        "做好工作。(县司法局、县法院按职责分工落实)",
        [("responsible", "县司法局", False), ("responsible", "县法院", False)],
    ),
    ("开展清理。(县司法局、县财政局)", [("responsible", "县司法局", False), ("responsible", "县财政局", False)]),
    ("做好工作。(牵头单位:县司法局;完成时限:2022年底前)", [("lead", "县司法局", False)]),
    (
        "做好工作。(牵头单位:县司法局;配合单位:中央、省、市驻宁各单位)",
        [("lead", "县司法局", False), ("participate", "中央、省、市驻宁各单位", True)],
    ),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_clause_forms(sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    assert parse(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "落实《法治政府建设实施纲要(2021-2025年)》(以下简称《纲要》)。",
        "深化“村(居)民评理说事点”建设。",
        "各乡镇(街道)要加强领导。",
        "完成年度任务(试行)。",
        "按程序报批(2022年12月底前完成)。",
    ],
)
def test_brackets_that_are_not_clauses(sentence: str) -> None:
    assert parse(sentence) == []


# Generated lists: real-looking unit names from parts, joined in every clause form.
_PLACES = st.sampled_from(["县", "区", "市", "宁远县", "营口市鲅鱼圈区"])
_BODIES = st.sampled_from(
    [
        "司法局",
        "财政局",
        "政府办",
        "委编办",
        "人力资源和社会保障局",
        "市场监管局",
        "审批局",
        "委宣传部",
        "人大法制委",
        "住房和城乡建设局",
        "行政审批局",
        "应急管理局",
        "卫健局",
        "公安局",
        "法院",
    ]
)
_COLLECTIVES = st.sampled_from(["各乡镇(街道)", "全区各部门", "县政府其他有关部门", "各执法部门", "市直各相关单位"])
_UNIT = st.one_of(st.builds(lambda p, b: p + b, _PLACES, _BODIES), _COLLECTIVES)
_UNITS = st.lists(_UNIT, min_size=1, max_size=8, unique=True)


@settings(max_examples=200, deadline=None)
@given(leads=_UNITS, joins=_UNITS, fullwidth=st.booleans(), closed=st.booleans())
def test_generated_labelled_clauses(leads: list[str], joins: list[str], fullwidth: bool, closed: bool) -> None:
    body = f"牵头单位:{'、'.join(leads)};参加单位:{'、'.join(joins)}"
    sentence = "加强队伍建设,提升能力。(" + body + (")" if closed else "")
    if fullwidth:
        sentence = sentence.replace("(", "（").replace(")", "）").replace(":", "：").replace(";", "；")
    got = parse(sentence)
    normalised = [clean(u).text for u in leads + joins]
    assert [m for _, m, _ in got] == normalised
    assert [r for r, _, _ in got] == ["lead"] * len(leads) + ["participate"] * len(joins)


@settings(max_examples=200, deadline=None)
@given(leads=_UNITS, joins=_UNITS, suffix=st.sampled_from(["等相关单位配合", "配合", "等部门配合", "参与"]))
def test_generated_verb_clauses(leads: list[str], joins: list[str], suffix: str) -> None:
    got = parse(f"深化改革。({'、'.join(leads)}牵头,{'、'.join(joins)}{suffix})")
    assert [(r, m) for r, m, _ in got] == [("lead", u) for u in leads] + [("participate", u) for u in joins]


def test_task_table_columns_give_roles() -> None:
    """A docx/HTML task table as the readers give it: cells joined by tabs, a merged cell left empty."""
    from policykg.ingest.pipeline import extract_text

    text = "\n".join(
        [
            "宁远县法治政府建设实施方案",
            "为推进法治政府建设,结合我县实际,制定本方案,现将重点任务分工如下,请各单位认真抓好落实工作,确保取得实效。",
            "序号\t重点任务\t牵头单位\t责任单位\t完成时限",
            "1\t优化政府职能配置。\t县委编办\t县政府各部门\t2022年底前",
            "2\t推进权责清单制度。\t县行政审批局\t县司法局、县财政局\t2023年6月底前",
            "3\t加强执法监督。\t县司法局\t\t长期坚持",
        ]
    )
    measures = extract_text(text, "table.txt").measures
    got = [(m.number, m.heading, [(u.role, u.mention) for u in m.units]) for m in measures]
    assert got == [
        ("1", "优化政府职能配置", [("lead", "县委编办"), ("responsible", "县政府各部门")]),
        ("2", "推进权责清单制度", [("lead", "县行政审批局"), ("responsible", "县司法局"), ("responsible", "县财政局")]),
        ("3", "加强执法监督", [("lead", "县司法局"), ("responsible", "县司法局"), ("responsible", "县财政局")]),
    ]
    assert measures[0].deadlines[0].date == "2022-12-31"
