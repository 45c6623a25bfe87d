"""Outline and measures: heading forms, numbering that restarts or runs on, and generated outlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.numerals import chinese_to_int, int_to_chinese
from policykg.ingest.clean import clean
from policykg.ingest.outline import nodes_within, parse_outline
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
        ("1)加强领导", "1)"),
        ("⑴加强领导", "(1)"),
        ("⒈加强领导", "1"),
        ("㈠加强领导", "(一)"),
        ("1）加强领导", "1)"),
        ("第一部分 总体要求", "第一部分"),
        ("第一章 总则", "第一章"),
        ("第一条 为了规范行政执法", "第一条"),
    ],
)
def test_heading_forms(line: str, label: str) -> None:
    assert paths(line) == [(label,)]


@pytest.mark.parametrize(
    "line",
    [
        "3.5亿元资金全部到位",
        "2022年底前完成",
        "二是要加强",
        "统一是原则",
        "(2021-2025年)",
        "1.5倍",
        "1.5万人次参加培训",
        "2.0版平台上线",
        "2024 年全面完成",
        "3、4月份开展专项检查",
        "第三条规定的情形",
        "一是加强领导。",  # 一是 without 二是 is prose
        "首先要提高认识。",
    ],
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


def test_yishi_items_after_a_colon() -> None:
    text = "三、下一步工作打算\n2024年，我县将重点抓好以下工作:一是深化改革。二是加强管理。"
    assert paths(text) == [("三",), ("三", "一是"), ("三", "二是")]


def test_sequence_words_are_items() -> None:
    text = "(一)加强领导\n首先,要提高认识。其次,要完善机制。最后,要压实责任。"
    assert paths(text) == [("(一)",), ("(一)", "首先"), ("(一)", "其次"), ("(一)", "最后")]


def test_articles_under_chapters() -> None:
    text = "第一章 总则\n第一条 为了规范考核。\n第二条 本办法适用于各单位。\n第二章 考核内容\n第三条 考核包括以下内容。"
    assert paths(text) == [
        ("第一章",),
        ("第一章", "第一条"),
        ("第一章", "第二条"),
        ("第二章",),
        ("第二章", "第三条"),
    ]


# --- lines are not structure ---------------------------------------------------------------------


def test_a_heading_shares_its_line_with_its_first_item() -> None:
    assert paths("一、健全职能体系 1.推进职能优化。内容。\n2.深化清单管理。") == [("一",), ("一", "1"), ("一", "2")]


def test_an_item_ends_on_the_line_of_the_next_heading() -> None:
    text = "一、甲\n1.甲一。(责任单位:县司法局)二、乙 2.乙一。(责任单位:县财政局)3.乙二。"
    assert paths(text) == [("一",), ("一", "1"), ("二",), ("二", "2"), ("二", "3")]


def test_sub_items_on_their_parents_line() -> None:
    text = "1.规范决策。(1)编制目录。(责任单位:县政府办)(2)落实程序。\n(3)建立评估制度。\n2.加强管理。"
    assert paths(text) == [("1",), ("1", "(1)"), ("1", "(2)"), ("1", "(3)"), ("2",)]


def test_inline_numbers_must_continue_their_sequence() -> None:
    # Inside a line a number that does not continue its list is prose: 7 here, and the restarted 1.
    text = "1.推进改革。完成率达到 7.加强培训。\n2.加强监督。内容 1.另一项"
    assert paths(text) == [("1",), ("2",)]


def test_headings_stop_where_the_next_heading_starts() -> None:
    cleaned = clean("一、统筹推进 1.开展学习。\n二、深化放管服改革 2.全面推行告知承诺制。").text
    nodes = parse_outline(cleaned)
    assert [(n.label, n.heading) for n in nodes][2:] == [("二", "深化放管服改革"), ("2", "全面推行告知承诺制")]


# --- fragments and page marks ------------------------------------------------------------------------


def test_a_fragment_starts_mid_sequence() -> None:
    text = "\n".join(
        [
            "(四)严格执法",
            "7.落实三项制度。",
            "8.规范裁量基准。",
            "(五)强化监督",
            "9.推进平台建设。",
            "三、健全应急体系",
            "(一)完善预案",
            "10.修订预案。",
        ]
    )
    assert paths(text) == [
        ("(四)",),
        ("(四)", "7"),
        ("(四)", "8"),
        ("(五)",),
        ("(五)", "9"),
        ("三",),
        ("三", "(一)"),
        ("三", "(一)", "10"),
    ]


@pytest.mark.parametrize("mark", ["- 3 -", "— 4 —", "－ 12 －", "第5页 共12页", "第 5 页/共 12 页"])
def test_page_marks_neither_split_nor_end_an_item(mark: str) -> None:
    text = f"一、任务\n1.推进平台建设。将平台升级至\n{mark}\n2.0版，投入\n3.5亿元。(责任单位:县司法局)\n2.加强监督。"
    measures = extract_text(text, "t.txt").measures
    assert [m.path for m in measures] == [("一", "1"), ("一", "2")]
    assert "2.0版" in measures[0].text and [u.mention for u in measures[0].units] == ["县司法局"]


def test_a_page_mark_inside_a_line_is_not_a_heading() -> None:
    text = "一、任务\n1.推进工作。提供法律意见,第5页 共12页 确保于法有据。\n2.加强监督。"
    assert paths(text) == [("一",), ("一", "1"), ("一", "2")]


def test_a_fragment_starts_with_a_heading_and_its_item_on_one_line() -> None:
    assert paths("二、深化放管服改革 3.全面推行告知承诺制。\n4.推进一件事。") == [("二",), ("二", "3"), ("二", "4")]


@settings(max_examples=150, deadline=None)
@given(
    shape=st.lists(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=3), min_size=1, max_size=4),
    breaks=st.lists(st.sampled_from(["\n", " ", "", "\n\n"]), min_size=1, max_size=40),
    clause=st.booleans(),
    restart=st.booleans(),
)
def test_lines_are_not_structure(shape: list[list[int]], breaks: list[str], clause: bool, restart: bool) -> None:
    """The same outline parses the same whether its headings and items start lines or run on inside them."""
    parts: list[tuple[str, str]] = []  # (marker and text, what ends it)
    expected = []
    item_no = 0
    for ci, sections in enumerate(shape, start=1):
        chapter = int_to_chinese(ci)
        parts.append((f"{chapter}、推进第{ci}项工作", "title"))
        expected.append((chapter,))
        item_no = 0 if restart else item_no
        for si, subs in enumerate(sections, start=1):
            item_no += 1
            parts.append(
                (f"{item_no}.落实第{si}项任务。具体内容。" + ("(责任单位:县司法局)" if clause else ""), "item")
            )
            expected.append((chapter, str(item_no)))
            for k in range(1, subs + 1):
                parts.append((f"({k})细化第{k}项措施。", "item"))
                expected.append((chapter, str(item_no), f"({k})"))
    text = parts[0][0]
    for i, (part, _) in enumerate(parts[1:]):
        joint = breaks[i % len(breaks)]
        if parts[i][1] == "title" and joint == "":
            joint = " "  # a title runs into its first item only across a space
        text += joint + part
    assert paths(text) == expected


def test_chinese_numbered_sections_beyond_a_hundred() -> None:
    numbered = "\n".join(f"({int_to_chinese(n)})第{n}项" for n in range(1, 131))
    assert paths(numbered)[-1] == ("(一百三十)",) and len(paths(numbered)) == 130


@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
def test_the_whole_text_outline_cut_to_the_body_is_the_body_outline(name: str) -> None:
    """The pipeline parses a document once and cuts the outline to the body: the same as parsing the body,
    for a body that starts at the first heading or before it, and (parsed again) for one that starts later."""
    from tests.corpus import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("the seed corpus is not here")
    text = clean(next(CORPUS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")).text
    first = parse_outline(text)[0].start
    end = text.rfind("\n", 0, len(text) * 9 // 10) + 1  # a line start inside the last part of the text
    for begin in (0, text.rfind("\n", 0, first) + 1, text.find("\n", first) + 1):
        expected = parse_outline(text, begin, end)
        got = nodes_within(text, parse_outline(text), begin, end)
        assert [(n.path, n.start, n.end, n.heading, len(n.children)) for n in got] == [
            (n.path, n.start, n.end, n.heading, len(n.children)) for n in expected
        ]
