"""Outline and measures: heading forms, numbering that restarts or runs on, and generated outlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.numerals import chinese_to_int, int_to_chinese
from policykg.ingest.clean import clean
from policykg.ingest.outline import parse_outline
from policykg.ingest.pipeline import extract_text


def paths(text: str) -> list[tuple[str, ...]]:
    cleaned = clean(text).text
    return [n.path for n in parse_outline(cleaned)]


@pytest.mark.parametrize(
    "line,label",
    [
        ("一、加强领导", "一"),
        ("一.加强领导", "一"),
        ("一、2021年重点工作", "一"),
        ("(一)加强领导", "(一)"),
        ("（一）加强领导", "(一)"),
        ("1.加强领导", "1"),
        ("1、加强领导", "1"),
        ("1．加强领导", "1"),
        ("1. 加强领导", "1"),
        ("(1)加强领导", "(1)"),
        ("（1）加强领导", "(1)"),
        ("①加强领导", "①"),
        ("一是加强领导。", "一是"),
        ("第一部分 总体要求", "第一部分"),
    ],
)
def test_heading_forms(line: str, label: str) -> None:
    assert paths(line) == [(label,)]


@pytest.mark.parametrize(
    "line",
    ["3.5亿元资金全部到位", "2022年底前完成", "二是要加强", "统一是原则", "(2021-2025年)", "1.5倍"],
)
def test_prose_is_not_a_heading(line: str) -> None:
    assert paths(line) == []


def test_a_number_must_continue_a_sequence() -> None:
    numbered = "\n".join(f"({int_to_chinese(n)})第{n}项" for n in range(1, 23))
    assert paths(numbered)[-1] == ("(二十二)",)
    assert paths("一、甲\n五、乙") == [("一",)]


def test_four_levels_and_numbering_that_runs_on() -> None:
    text = "\n".join(
        [
            "一、总体要求",
            "(一)甲",
            "1.甲一",
            "(1)细则一",
            "(2)细则二",
            "2.甲二",
            "(二)乙",
            "3.乙一",
            "二、任务",
            "(三)丙",
            "4.丙一",
        ]
    )
    assert paths(text) == [
        ("一",),
        ("一", "(一)"),
        ("一", "(一)", "1"),
        ("一", "(一)", "1", "(1)"),
        ("一", "(一)", "1", "(2)"),
        ("一", "(一)", "2"),
        ("一", "(二)"),
        ("一", "(二)", "3"),
        ("二",),
        ("二", "(三)"),
        ("二", "(三)", "4"),
    ]


def test_missing_level_nests_by_rank() -> None:
    assert paths("一、甲\n1.甲一\n二、乙\n(一)乙一\n1.乙一一") == [
        ("一",),
        ("一", "1"),
        ("二",),
        ("二", "(一)"),
        ("二", "(一)", "1"),
    ]


def test_yishi_items_run_inline() -> None:
    text = "(一)加强领导\n一是加强党的领导。内容。二是完善机构。内容。三是压实责任。"
    assert paths(text) == [("(一)",), ("(一)", "一是"), ("(一)", "二是"), ("(一)", "三是")]


def test_sub_items_with_their_own_clauses_are_the_measures() -> None:
    text = "\n".join(
        [
            "一、任务",
            "1.加强执法。",
            "(1)统一标准。(牵头单位:县司法局)",
            "(2)加强培训。(牵头单位:县人社局)",
            "2.加强监督。(牵头单位:县审计局)",
        ]
    )
    got = [(m.path, [u.mention for u in m.units]) for m in extract_text(text, "t.txt").measures]
    assert got == [
        (("一", "1", "(1)"), ["县司法局"]),
        (("一", "1", "(2)"), ["县人社局"]),
        (("一", "2"), ["县审计局"]),
    ]


def test_sub_items_without_clauses_belong_to_their_item() -> None:
    text = "一、任务\n1.加强执法。\n(1)统一标准。\n(2)加强培训。\n(牵头单位:县司法局)\n2.加强监督。(牵头单位:县审计局)"
    measures = extract_text(text, "t.txt").measures
    assert [m.path for m in measures] == [("一", "1"), ("一", "2")]
    assert "(2)加强培训" in measures[0].text


@given(st.integers(min_value=1, max_value=999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert chinese_to_int(int_to_chinese(n)) == n


_HEADINGS = st.text(alphabet="加强推进完善健全落实监督执法规范制度机制建设工作", min_size=2, max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    shape=st.lists(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=4), min_size=1, max_size=5),
    restart=st.booleans(),
    heading=_HEADINGS,
)
def test_generated_outlines(shape: list[list[int]], restart: bool, heading: str) -> None:
    """Chapters 一、 holding sections (一) holding numbered items: the parser gives back the same tree."""
    lines, expected = [], []
    section_no = item_no = 0
    for ci, sections in enumerate(shape, start=1):
        chapter = int_to_chinese(ci)
        lines.append(f"{chapter}、{heading}")
        expected.append((chapter,))
        for items in sections:
            section_no += 1
            section = f"({int_to_chinese(section_no)})"
            lines.append(f"{section}{heading}")
            expected.append((chapter, section))
            if restart:
                item_no = 0
            for _ in range(items):
                item_no += 1
                lines.append(f"{item_no}.{heading}。具体内容。")
                expected.append((chapter, section, str(item_no)))
    assert paths("\n".join(lines)) == expected
