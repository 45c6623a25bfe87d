"""Responsibility clauses: one case per form seen in the wild, and generated unit lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.vocabulary import NON_UNIT_LABELS, ROLE_OF_LABEL, Role
from policykg.ingest.clauses import find_clauses, scan_clauses
from policykg.ingest.clean import clean, normalise


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
    # --- every bracket pair, closed or left open at the line end -------------------------------------
    (
        "建立健全行政裁量权基准制度。〔牵头单位：石门县司法局；责任单位：县直各行政执法部门〕",
        [("lead", "石门县司法局", False), ("responsible", "县直各行政执法部门", True)],
    ),
    (
        "落实法律顾问制度。〔牵头单位：县司法局；配合单位：县直各单位\n9．推进综合行政执法。",
        [("lead", "县司法局", False), ("participate", "县直各单位", True)],
    ),
    (
        "规范检查。【主要责任单位：县司法局、县应急管理局】",
        [("lead", "县司法局", False), ("lead", "县应急管理局", False)],
    ),
    (
        "严格审核。［牵头责任单位：县司法局；具体承办单位：县政府办公室］",
        [("lead", "县司法局", False), ("responsible", "县政府办公室", False)],
    ),
    (
        "做好工作。[协办单位:县法院;配合单位:县检察院]",
        [("participate", "县法院", False), ("participate", "县检察院", False)],
    ),
    (
        "做好工作。【主办单位：县司法局】【协办单位：县法院】",
        [("lead", "县司法局", False), ("participate", "县法院", False)],
    ),
    (
        "规范收费(宁政办发〔2021〕24号)等文件落实。牵头单位:县行政审批局;参加单位:县法院",  # a stray 〔 inside ( )
        [("lead", "县行政审批局", False), ("participate", "县法院", False)],
    ),
    # --- lines of labels ----------------------------------------------------------------------------
    (
        "做好工作。\n牵头单位：区发展改革局　　配合单位：区财政局、区审计局　　完成时限：2023年6月底前\n",
        [("lead", "区发展改革局", False), ("participate", "区财政局", False), ("participate", "区审计局", False)],
    ),
    (
        "做好工作。\n牵头单位：县政府办公室　　配合单位：县直各单位　　督办单位：县委督查室　　完成时限：2024年底前",
        [("lead", "县政府办公室", False), ("participate", "县直各单位", True)],
    ),
    ("做好工作。\n牵头单位：\n县司法局、县财政局\n", [("lead", "县司法局", False), ("lead", "县财政局", False)]),
    (
        "做好工作。\n配合单位：县财政局、县审计局、\n县统计局\n",
        [("participate", "县财政局", False), ("participate", "县审计局", False), ("participate", "县统计局", False)],
    ),
    (
        "做好工作。(牵头单位 县司法局 配合单位 县财政局)",
        [("lead", "县司法局", False), ("participate", "县财政局", False)],
    ),
    (
        "做好工作。\n责任单位:县政府办公室、各有关部门,乡镇人民政府按职责分工分别负责。",
        [
            ("responsible", "县政府办公室", False),
            ("responsible", "各有关部门", True),
            ("responsible", "乡镇人民政府", True),
        ],
    ),
    # --- verbs --------------------------------------------------------------------------------------
    (
        "做好工作。（县委编办牵头，县政务服务中心及各有关部门配合）",
        [("lead", "县委编办", False), ("participate", "县政务服务中心", False), ("participate", "各有关部门", True)],
    ),
    (
        "做好工作。（由县司法局牵头，县直各单位按职责分工落实）",
        [("lead", "县司法局", False), ("responsible", "县直各单位", True)],
    ),
    (
        "做好工作。（县应急管理局会同县消防救援大队负责）",
        [("responsible", "县应急管理局", False), ("participate", "县消防救援大队", False)],
    ),
    ("做好工作。（县司法局会同县财政局牵头）", [("lead", "县司法局", False), ("participate", "县财政局", False)]),
    (
        "做好工作。（各乡镇人民政府、县直各部门按照职责分工分别负责）",
        [("responsible", "各乡镇人民政府", True), ("responsible", "县直各部门", True)],
    ),
    (
        "做好工作。（县司法局为牵头单位，县直各单位为配合单位）",
        [("lead", "县司法局", False), ("participate", "县直各单位", True)],
    ),
    (
        "做好工作。（县司法局牵头；县财政局，县审计局配合）",
        [("lead", "县司法局", False), ("participate", "县财政局", False), ("participate", "县审计局", False)],
    ),
    ("做好工作。(县司法局牵头,2024年底前完成)", [("lead", "县司法局", False)]),
    (
        "做好工作。（县工商业联合会牵头，县妇联配合）",  # 联合 inside 联合会 is not the verb 联合
        [("lead", "县工商业联合会", False), ("participate", "县妇联", False)],
    ),
    (
        "做好工作。（责任单位：县司法局（牵头）、县财政局）",
        [("lead", "县司法局", False), ("responsible", "县财政局", False)],
    ),
    # --- the item's assignment sentence --------------------------------------------------------------
    (
        "（三）规范财政资金管理。区财政局要严格执行《中华人民共和国预算法》，加强全过程监管，区审计局参与。",
        [("responsible", "区财政局", False), ("participate", "区审计局", False)],
    ),
    (
        "（二）加强执法。开展联合检查并通报结果。区应急管理局牵头，区直有关部门配合。",
        [("lead", "区应急管理局", False), ("participate", "区直有关部门", True)],
    ),
    # --- lists: 和 / 及 / 与 between units, names that hold 和, noise ----------------------------------
    (
        "开展培训。（责任单位：县人社局和各乡镇党校）",
        [("responsible", "县人社局", False), ("responsible", "各乡镇党校", True)],
    ),
    (
        "做好工作。（区人力资源和社会保障局和区总工会负责）",
        [("responsible", "区人力资源和社会保障局", False), ("responsible", "区总工会", False)],
    ),
    (
        "做好工作。（配合单位：县发展和改革委员会、县自然资源和规划局、县科学技术和工业信息化局）",
        [
            ("participate", "县发展和改革委员会", False),
            ("participate", "县自然资源和规划局", False),
            ("participate", "县科学技术和工业信息化局", False),
        ],
    ),
    (
        "做好工作。（区政府办公室牵头，区发改局、区住房和城乡建设局及区自然资源局配合）",
        [
            ("lead", "区政府办公室", False),
            ("participate", "区发改局", False),
            ("participate", "区住房和城乡建设局", False),
            ("participate", "区自然资源局", False),
        ],
    ),
    ("做好工作。（责任单位：人民银行和林格尔支行）", [("responsible", "人民银行和林格尔支行", False)]),
    (
        "开展培训。（责任单位：县司法局等相关单位、县财政局等部门、县审计局等）",
        [("responsible", "县司法局", False), ("responsible", "县财政局", False), ("responsible", "县审计局", False)],
    ),
    ("开展培训。（责任单位：县直各单位各负其责）", [("responsible", "县直各单位", True)]),
    (
        "做好工作。（配合单位：各乡镇人民政府（街道办事处）、镇机关各办（站、所））",
        [("participate", "各乡镇人民政府(街道办事处)", True), ("participate", "镇机关各办(站、所)", True)],
    ),
    (
        "做好工作。(牵头单位:县司法局;责任领导:县政府分管副县长;督办单位:县委督查室;完成时间:2024年底)",
        [("lead", "县司法局", False)],
    ),
    ("做好工作。(配合单位:无)", []),
    (
        "做好工作。（责任单位：县委编办牵头，县直各单位配合）",  # verbs inside a label's list
        [("lead", "县委编办", False), ("participate", "县直各单位", True)],
    ),
    (
        "做好工作。（牵头单位：县政府办公室；参加单位：县委党校、各执法部门按职责分工负责）",
        [("lead", "县政府办公室", False), ("participate", "县委党校", False), ("participate", "各执法部门", True)],
    ),
    (
        "做好工作。（县司法局牵头；责任单位：县直各单位）",
        [("lead", "县司法局", False), ("responsible", "县直各单位", True)],
    ),
    ("做好工作。（2022年底前完成，责任单位：县司法局）", [("responsible", "县司法局", False)]),
    (
        "做好工作。（县司法局牵头，县直相关部门按照职责分工抓好落实）",
        [("lead", "县司法局", False), ("responsible", "县直相关部门", True)],
    ),
    ("做好工作。（责任单位：县司法局等10个单位）", [("responsible", "县司法局", False)]),
    (
        "做好工作。（责任股室：政策法规股、办公室）",
        [("responsible", "政策法规股", False), ("responsible", "办公室", False)],
    ),
    (
        "做好工作。（责任单位：县审计局、县政协办）",  # 协办 ends 县政协办: a name, not the verb
        [("responsible", "县审计局", False), ("responsible", "县政协办", False)],
    ),
    (
        "做好工作。（责任单位：委政策法规股、委办公室）",
        [("responsible", "委政策法规股", False), ("responsible", "委办公室", False)],
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
        "县司法局会同县市场监管局推行包容审慎监管,取得明显成效。",  # report narrative
        "全县各部门积极参与,形成工作合力。",
        "现将方案印发给你们,请结合实际认真组织实施。",
        "对职责交叉事项明确牵头部门和配合部门。",
        "一、加强党对法治政府建设的领导",
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


# --- the grammar, generated: labels × brackets × separators × list joiners × noise ---------------------

_ITEM = "2.加强行政执法监督，提升执法质量"
_NEXT_ITEM = "\n3.完善工作机制。"
_BRACKETS = st.sampled_from([("(", ")"), ("（", "）"), ("〔", "〕"), ("【", "】"), ("[", "]"), ("［", "］")])
_JOINERS = st.sampled_from(["、", "，", ",", "和", "及", "与"])
_PART_SEPARATORS = st.sampled_from(["；", ";", "，", ","])
_LINE_SEPARATORS = st.sampled_from(["　　", "  ", " ", "；"])
_COLONS = st.sampled_from(["：", ":"])
_NOISE = st.sampled_from(["", "", "等", "等相关单位", "等部门"])
_NAMED = st.one_of(
    st.builds(
        lambda place, body: place + body,
        st.sampled_from(["县", "区", "市", "宁远县", "营口市鲅鱼圈区", "镇"]),
        st.sampled_from(
            [
                "司法局", "财政局", "政府办", "委编办", "人社局", "人力资源和社会保障局", "住房和城乡建设局",
                "发展和改革委员会", "自然资源和规划局", "科学技术和工业信息化局", "市场监管局", "委依法治县办",
                "融媒体中心", "政务服务中心", "消防救援大队", "总工会", "人民法院", "委政法委", "卫生院",
            ]
        ),
    ),
    st.sampled_from(
        [
            "各乡镇（街道）", "各乡镇人民政府（街道办事处）", "全县各部门", "县直各单位", "县政府各工作部门",
            "各有关部门", "有关直属单位", "市直各相关单位", "乡镇人民政府", "各行政执法部门", "其他有关单位",
        ]
    ),
)  # fmt: skip
_UNIT_LISTS = st.lists(_NAMED, min_size=1, max_size=5, unique=True)
_ROLE_LABELS = st.sampled_from(sorted(ROLE_OF_LABEL))
_NON_UNIT_PARTS = st.builds(
    lambda label, value: (label, value),
    st.sampled_from(NON_UNIT_LABELS),
    st.sampled_from(["2024年底前", "长期坚持", "县政府分管副县长", "县委督查室"]),
)


@st.composite
def _unit_list(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A list as written (joined, with noise after the last name) and the names it holds."""
    units = draw(_UNIT_LISTS)
    written = units[0]
    for unit in units[1:]:
        written += draw(_JOINERS) + unit
    return written + draw(_NOISE), units


@st.composite
def _labelled_parts(draw: st.DrawFn) -> tuple[list[str], list[tuple[Role, str]]]:
    parts: list[str] = []
    expected: list[tuple[Role, str]] = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 3)) == 0:
            label, value = draw(_NON_UNIT_PARTS)
            parts.append(label + draw(_COLONS) + value)
            continue
        label = draw(_ROLE_LABELS)
        written, units = draw(_unit_list())
        parts.append(label + draw(_COLONS) + written)
        expected += [(ROLE_OF_LABEL[label], unit) for unit in units]
    return parts, expected


def _read(sentence: str) -> list[tuple[str, str]]:
    text = clean(sentence).text
    scan = scan_clauses(text, 0, len(text))
    assert not scan.warnings, scan.warnings
    got = []
    for clause in scan.clauses:
        for a in clause.assignments:
            assert text[a.span[0] : a.span[1]] == a.mention
            got.append((a.role, sentence[a.span[0] : a.span[1]]))
    return got


def _as_cleaned(expected: list[tuple[Role, str]]) -> list[tuple[str, str]]:
    """Mentions are reported as written in the original (full-width brackets stay full-width)."""
    return [(role, unit) for role, unit in expected]


@settings(max_examples=200, deadline=None)
@given(parts=_labelled_parts(), bracket=_BRACKETS, separator=_PART_SEPARATORS, closed=st.booleans())
def test_labels_in_any_bracket(
    parts: tuple[list[str], list[tuple[Role, str]]], bracket: tuple[str, str], separator: str, closed: bool
) -> None:
    written, expected = parts
    sentence = f"{_ITEM}。{bracket[0]}{separator.join(written)}{bracket[1] if closed else ''}{_NEXT_ITEM}"
    assert _read(sentence) == _as_cleaned(expected)


@settings(max_examples=200, deadline=None)
@given(parts=_labelled_parts(), separator=_LINE_SEPARATORS, own_line=st.booleans())
def test_lines_of_labels(parts: tuple[list[str], list[tuple[Role, str]]], separator: str, own_line: bool) -> None:
    written, expected = parts
    line_break = "\n" if own_line else ""
    sentence = f"{_ITEM}。{line_break}{separator.join(written)}{_NEXT_ITEM}"
    assert _read(sentence) == _as_cleaned(expected)


@st.composite
def _verb_parts(draw: st.DrawFn) -> tuple[list[str], list[tuple[Role, str]]]:
    """(A牵头，B配合) · (由A牵头，B按职责分工落实) · (A会同B负责) · (A、B按照职责分工分别负责)."""
    lead_written, leads = draw(_unit_list())
    join_written, joins = draw(_unit_list())
    form = draw(st.sampled_from(["lead+join", "lead+duty", "joint", "duty"]))
    if form == "joint":  # A会同B…: A takes the closing verb's role, B participates
        verb, role = draw(st.sampled_from([("负责", "responsible"), ("牵头", "lead"), ("落实", "responsible")]))
        return [f"{leads[0]}会同{'、'.join(joins)}{verb}"], [(role, leads[0])] + [("participate", j) for j in joins]
    lead = f"{draw(st.sampled_from(['', '由']))}{lead_written}{draw(st.sampled_from(['牵头', '牵头负责', '负责牵头']))}"
    if form == "duty":
        duty = draw(
            st.sampled_from(["按照职责分工分别负责", "按职责分工负责", "分别负责", "各负其责", "按职责分工落实"])
        )
        return [f"{join_written}{duty}"], [("responsible", j) for j in joins]
    if form == "lead+duty":
        return [lead, f"{join_written}按职责分工落实"], [("lead", u) for u in leads] + [
            ("responsible", j) for j in joins
        ]
    verb = draw(st.sampled_from(["配合", "参与", "协助", "协同", "参加", "配合落实"]))
    return [lead, f"{join_written}{verb}"], [("lead", u) for u in leads] + [("participate", j) for j in joins]


@settings(max_examples=200, deadline=None)
@given(parts=_verb_parts(), bracket=_BRACKETS, separator=st.sampled_from(["，", ",", "；"]), closed=st.booleans())
def test_verbs_in_any_bracket(
    parts: tuple[list[str], list[tuple[Role, str]]], bracket: tuple[str, str], separator: str, closed: bool
) -> None:
    written, expected = parts
    sentence = f"{_ITEM}。{bracket[0]}{separator.join(written)}{bracket[1] if closed else ''}{_NEXT_ITEM}"
    assert _read(sentence) == _as_cleaned(expected)


@settings(max_examples=100, deadline=None)
@given(parts=_labelled_parts(), bracket=_BRACKETS)
def test_traditional_script_reads_the_same_and_reports_mentions_as_written(
    parts: tuple[list[str], list[tuple[Role, str]]], bracket: tuple[str, str]
) -> None:
    import opencc

    written, expected = parts
    simplified = f"{_ITEM}。{bracket[0]}{'；'.join(written)}{bracket[1]}"
    traditional = opencc.OpenCC("s2t").convert(simplified)
    got = _read(traditional)
    assert [role for role, _ in got] == [role for role, _ in expected]
    assert [normalise(mention) for _, mention in got] == [normalise(unit) for _, unit in expected]
    assert all(mention in traditional for _, mention in got)


# --- labels with no units: a warning with the label's span, never a silent loss ------------------------
@pytest.mark.parametrize(
    "sentence,label",
    [
        ("做好工作。(牵头单位:;配合单位:县财政局)", "牵头单位"),
        ("做好工作。（牵头单位：县司法局；配合单位：）", "配合单位"),
        ("做好工作。\n责任单位：\n2.完善工作机制。", "责任单位"),
        ("做好工作。\n牵头单位：县司法局　　配合单位：　　完成时限：2024年底前", "配合单位"),
    ],
)
def test_a_label_with_no_units_is_an_empty_clause_warning(sentence: str, label: str) -> None:
    text = clean(sentence).text
    scan = scan_clauses(text, 0, len(text))
    assert [w.kind for w in scan.warnings] == ["empty_clause"]
    span = scan.warnings[0].span
    assert span is not None and sentence[span[0] : span[1]] == label


@pytest.mark.parametrize(
    "sentence",
    [
        "做好工作。(配合单位:无)",
        "做好工作。（协办单位：—）",
        "做好工作。(完成时限:;责任领导:)",
        "明确牵头单位和配合单位。",
    ],
)
def test_no_warning_where_nobody_is_named_on_purpose(sentence: str) -> None:
    text = clean(sentence).text
    assert scan_clauses(text, 0, len(text)).warnings == ()


def test_empty_clause_warnings_reach_the_extraction() -> None:
    from policykg.ingest.pipeline import extract_text

    text = (
        "宁远县2024年法治政府建设工作要点\n一、依法行政\n"
        "1.规范执法。(牵头单位:;配合单位:县财政局)\n2.完善制度。(责任单位:县司法局)\n"
    )
    x = extract_text(text, "empty.txt")
    warnings = [w for w in x.warnings if w.kind == "empty_clause"]
    assert len(warnings) == 1 and warnings[0].span is not None
    assert text[warnings[0].span[0] : warnings[0].span[1]] == "牵头单位"
    assert [(u.role, u.mention) for m in x.measures for u in m.units] == [
        ("participate", "县财政局"),
        ("responsible", "县司法局"),
    ]
