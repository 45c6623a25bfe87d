"""Deadlines by kind: dated (with the document's year where the phrase has none), recurring and ongoing; prose
against time fields; a report's account of work done against its plans."""

from __future__ import annotations

import calendar
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.core.numerals import int_to_chinese
from policykg.core.vocabulary import NON_UNIT_LABELS, TIME_LABELS
from policykg.ingest.clean import clean
from policykg.ingest.deadlines import DocumentTime, document_year, find_deadlines
from policykg.ingest.records import DocumentMeta
from tests.fixture_corpus import DOCUMENTS


def deadlines(sentence: str, **options: object) -> list[tuple[str, str, str]]:
    text = clean(sentence).text
    found = find_deadlines(text, 0, len(text), **options)  # type: ignore[arg-type]
    for d in found:
        assert text[d.span[0] : d.span[1]] == d.text
    return [(d.text, d.kind, d.date) for d in found]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("2023年底前完成清理", [("2023年底前", "dated", "2023-12-31")]),
        ("2024年6月底前公布", [("2024年6月底前", "dated", "2024-06-30")]),
        ("于2024年6月30日前报送", [("2024年6月30日前", "dated", "2024-06-30")]),
        ("2024年3月至6月底前开展评查", [("2024年3月至6月底前", "dated", "2024-06-30")]),
        ("上半年完成清理", [("上半年", "dated", "2024-06-30")]),
        ("第三季度通报结果", [("第三季度", "dated", "2024-09-30")]),
        ("十月份完成梳理", [("十月份", "dated", "2024-10-31")]),
        ("3月底前公布目录", [("3月底前", "dated", "2024-03-31")]),
        ("今年年底前完成，明年上半年推开", [
            ("今年年底前", "dated", "2024-12-31"), ("明年上半年", "dated", "2025-06-30"),
        ]),
        ("每年3月底前公布", [("每年3月底前", "recurring", "")]),
        ("每年第一季度报告上一年度情况", [("每年第一季度", "recurring", "")]),
        ("每季度公示，每半年督导一次，每月28日前报送进展", [
            ("每季度", "recurring", ""), ("每半年", "recurring", ""), ("每月28日前", "recurring", ""),
        ]),
        # Events, frequencies and work, not deadlines.
        ("2023年12月，县政府组织述法", []),
        ("2024年3月至6月，开展专项评查", []),
        ("2020年5月,下发了通知", []),
        ("对2020年12月31日以前印发的文件开展清理", []),
        ("截至2023年底已全部销号", []),
        ("2023年前三季度受理案件26件", []),
        ("投入3.5亿元，2024.6版本，按季度调度", []),
        ("一年内完成整改", []),
        ("政府每年至少举办一期培训，每人每年接受不少于60学时的培训", []),
        ("持续推进“证照分离”改革，长期坚持问题导向，全年受理案件26件", []),
    ],
)  # fmt: skip
def test_prose(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert deadlines(sentence, year=2024) == expected


def test_a_phrase_without_a_year_has_no_date_when_the_document_has_none() -> None:
    assert deadlines("上半年完成，2024年底前公布") == [("上半年", "dated", ""), ("2024年底前", "dated", "2024-12-31")]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024年12月", ("dated", "2024-12-31")),
        ("2024年8月", ("dated", "2024-08-31")),
        ("全年", ("dated", "2024-12-31")),
        ("三季度", ("dated", "2024-09-30")),
        ("二季度", ("dated", "2024-06-30")),
        ("四月份", ("dated", "2024-04-30")),
        ("十一月份", ("dated", "2024-11-30")),
        ("6月30日前", ("dated", "2024-06-30")),
        ("12月底前", ("dated", "2024-12-31")),
        ("下半年", ("dated", "2024-12-31")),
        ("2024年", ("dated", "2024-12-31")),
        ("2024年3月-6月", ("dated", "2024-06-30")),
        ("2024.6", ("dated", "2024-06-30")),
        ("2024-06-15", ("dated", "2024-06-15")),
        ("2024/9/30前", ("dated", "2024-09-30")),
        ("2024 年 6 月底前", ("dated", "2024-06-30")),
        ("每年11月底前", ("recurring", "")),
        ("按季度", ("recurring", "")),
        ("每年", ("recurring", "")),
        ("长期", ("ongoing", "")),
        ("长期坚持", ("ongoing", "")),
        ("持续推进", ("ongoing", "")),
        ("常态化开展", ("ongoing", "")),
    ],
)
def test_a_time_field_is_read_whole(value: str, expected: tuple[str, str]) -> None:
    assert deadlines(value, year=2024, field=True) == [(value, *expected)]


def test_a_cell_can_hold_two_deadlines() -> None:
    assert deadlines("2024年6月底前\n长期坚持", year=2024, field=True) == [
        ("2024年6月底前", "dated", "2024-06-30"),
        ("长期坚持", "ongoing", ""),
    ]


def test_a_time_label_in_prose_opens_a_field() -> None:
    line = (
        "牵头单位：县委编办　　配合单位：县司法局　　完成时限：长期坚持\n（责任单位：县司法局；完成时间：2024年12月）"
    )
    assert deadlines(line, year=2024) == [("长期坚持", "ongoing", ""), ("2024年12月", "dated", "2024-12-31")]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("加强执法培训。（县司法局牵头，各单位配合，长期坚持）", [("长期坚持", "ongoing", "")]),
        ("开展专项整治。（持续推进）", [("持续推进", "ongoing", "")]),
        ("（责任单位：县司法局；2024年12月）", [("2024年12月", "dated", "2024-12-31")]),
        ("编制《行政许可事项目录》（2018年）", []),  # the bracket after a title dates the title
        ("审议《县政府工作报告（2024年）》", []),
        ("（县司法局牵头，长期坚持法治宣传教育）", []),
    ],
)
def test_a_bracket_part_that_is_only_a_time_is_a_field(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert deadlines(sentence, year=2024) == expected


def test_a_phrase_without_a_year_takes_the_year_its_sentence_wrote() -> None:
    assert deadlines("2023年3月启动，6月底前完成；上半年总结", year=2024) == [
        ("6月底前", "dated", "2023-06-30"),
        ("上半年", "dated", "2024-06-30"),
    ]


def test_a_table_rows_time_cell_is_read_whole_and_the_rest_as_prose() -> None:
    row = clean("5\t开展执法评查\t全年开展两次，上半年通报\t县司法局\t2024年12月").text
    cell = (row.rindex("\t") + 1, len(row))
    found = find_deadlines(row, 0, len(row), year=2024, fields=[cell])
    assert [(d.text, d.kind, d.date) for d in found] == [
        ("上半年", "dated", "2024-06-30"),
        ("2024年12月", "dated", "2024-12-31"),
    ]


def test_time_labels_are_labels_that_name_no_unit() -> None:
    assert set(TIME_LABELS) <= set(NON_UNIT_LABELS)


def test_a_report_tells_of_work_done() -> None:
    account = "截至2023年底已全部销号，并于2023年11月底前整改完毕，坚持每年第一季度报告，计划2024年6月底前完成评估。"
    assert deadlines(account, year=2023, report=True) == [("2024年6月底前", "dated", "2024-06-30")]


@pytest.mark.parametrize(
    "heading,expected",
    [
        ("2023年法治政府建设工作情况", [("2024年底前", "dated", "2024-12-31")]),
        ("下一步工作打算", [("上半年", "dated", "2024-06-30"), ("2024年底前", "dated", "2024-12-31")]),
        ("2024年工作计划", [("上半年", "dated", "2024-06-30"), ("2024年底前", "dated", "2024-12-31")]),
        ("2024年重点工作", [("上半年", "dated", "2024-06-30"), ("2024年底前", "dated", "2024-12-31")]),
    ],
)
def test_a_reports_part_about_the_coming_year_is_a_plan(heading: str, expected: list[tuple[str, str, str]]) -> None:
    meta = DocumentMeta(title="嘉禾县2023年度法治政府建设情况报告", kind="工作报告", jurisdiction="", period="2023")
    text = "上半年完成评估，2024年底前完成清理。"
    found = DocumentTime.of(meta).deadlines(text, 0, len(text), heading)
    assert [(d.text, d.kind, d.date) for d in found] == expected


@pytest.mark.parametrize(
    "title,kind,period,issued,year",
    [
        ("2024年韶山市法治政府建设工作要点", "工作要点", "2024", "2024-03-06", 2024),
        ("宜都市法治政府建设实施方案(2024-2025年)", "实施方案", "2024-2025", "2024-04-08", 2024),
        ("宁远县法治政府建设实施方案(2021-2025年)", "实施方案", "2021-2025", "2022-06-21", 2022),
        ("某县法治政府建设实施方案(2021-2025年)", "实施方案", "2021-2025", "2019-12-01", 2021),
        ("嘉禾县2023年度法治政府建设情况报告", "工作报告", "2023", "2024-03-20", 2023),
        ("关于法治政府建设工作的报告", "工作报告", "", "2024-03-20", 2023),
        ("县法治政府建设工作计划", "工作计划", "", "2024-01-05", 2024),
        ("2024年法治政府建设任务分工", "任务分工", "", "", 2024),
        ("", "", "", "", None),
    ],
)
def test_document_year(title: str, kind: str, period: str, issued: str, year: int | None) -> None:
    meta = DocumentMeta(title=title, kind=kind, jurisdiction="", period=period, issued=issued)
    assert document_year(meta) == year


# --- grammar variants ----------------------------------------------------------------------------------


def _month(n: int, chinese: bool) -> str:
    return int_to_chinese(n) if chinese else str(n)


@given(
    year=st.integers(2000, 2040),
    month=st.integers(1, 12),
    chinese=st.booleans(),
    tail=st.sampled_from(["底前", "底", "末前", "底以前", "底之前", "份"]),
    lead=st.sampled_from(["", "于", "力争", "，"]),
    follow=st.sampled_from(["完成", "。", "，全面推开", ""]),
)
def test_month_ends(year: int, month: int, chinese: bool, tail: str, lead: str, follow: str) -> None:
    phrase = f"{year}年{_month(month, chinese)}月{tail}"
    end = f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    assert deadlines(f"{lead}{phrase}{follow}") == [(phrase, "dated", end)]
    yearless = phrase.removeprefix(f"{year}年")
    assert deadlines(f"{lead}{yearless}{follow}", year=year) == [(yearless, "dated", end)]


@given(
    year=st.integers(2000, 2040),
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    before=st.sampled_from(["前", "以前", "之前"]),
)
def test_days(year: int, month: int, day: int, before: str) -> None:
    phrase = f"{year}年{month}月{day}日{before}"
    valid = day <= calendar.monthrange(year, month)[1]
    assert deadlines(f"{phrase}完成") == ([(phrase, "dated", f"{year:04d}-{month:02d}-{day:02d}")] if valid else [])


@given(
    quarter=st.integers(1, 4),
    ordinal=st.booleans(),
    chinese=st.booleans(),
    recurring=st.sampled_from(["", "每年", "每年度"]),
)
def test_quarters(quarter: int, ordinal: bool, chinese: bool, recurring: str) -> None:
    number = "一二三四"[quarter - 1] if chinese or ordinal else str(quarter)
    phrase = f"{recurring}{'第' if ordinal else ''}{number}季度"
    kind, date = (
        ("recurring", "")
        if recurring
        else ("dated", f"2024-{quarter * 3:02d}-{calendar.monthrange(2024, quarter * 3)[1]:02d}")
    )
    assert deadlines(f"{phrase}完成", year=2024) == [(phrase, kind, date)]


@given(
    unit=st.sampled_from(["季度", "半年", "月", "年3月底前", "年第一季度", "年11月底前", "年年底前", "月28日前"]),
    field=st.booleans(),
)
def test_recurring(unit: str, field: bool) -> None:
    phrase = f"每{unit}"
    assert deadlines(f"{phrase}开展一次" if not field else phrase, year=2024, field=field) == [
        (phrase, "recurring", "")
    ]


@given(
    word=st.sampled_from(["长期", "持续", "常态化", "常年"]), verb=st.sampled_from(["", "坚持", "推进", "开展", "有效"])
)
def test_ongoing_only_in_a_field(word: str, verb: str) -> None:
    phrase = word + verb
    assert deadlines(phrase, year=2024, field=True) == [(phrase, "ongoing", "")]
    assert deadlines(f"{phrase}法治宣传教育", year=2024) == []


# --- the task tables' time columns ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected_file",
    [("task_table_rows.txt", "task_table"), ("table_flattened_portal.txt", "table_flattened_portal")],
)
def test_every_time_cell_of_the_fixture_tables_reads_as_expected(name: str, expected_file: str) -> None:
    """The contract for table readers: find_deadlines(text, cell_start, cell_end, year=…, field=True)."""
    answer = json.loads((DOCUMENTS / f"{expected_file}.expected.json").read_text(encoding="utf-8"))
    expected = {m["number"]: m.get("deadlines", []) for m in answer["measures"]}
    text = clean((DOCUMENTS / name).read_text(encoding="utf-8")).text
    column, offset, checked = None, 0, 0
    for line in text.split("\n"):
        cells = line.split("\t")
        if column is None and any(cell.strip() in TIME_LABELS for cell in cells):
            column = next(i for i, cell in enumerate(cells) if cell.strip() in TIME_LABELS)
        elif column is not None and len(cells) > column and cells[0].strip() in expected and cells[column].strip():
            start = offset + sum(len(c) + 1 for c in cells[:column])  # an empty cell continues a merged one
            found = find_deadlines(text, start, start + len(cells[column]), year=2024, field=True)
            want = [(d["text"], d["kind"], d["date"]) for d in expected[cells[0].strip()]]
            assert [(d.text, d.kind, d.date) for d in found] == want, line
            checked += 1
        offset += len(line) + 1
    assert checked >= 9
