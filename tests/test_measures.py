"""Measure selection (the deepest numbered level that carries the work) and the coverage check (text under
numbered headings that is in no measure is reported)."""

from __future__ import annotations

import pytest

from policykg.core.errors import InputError
from policykg.ingest.pipeline import extract_file, extract_text
from tests.corpus import CORPUS
from tests.fixture_corpus import FixtureCase, fixture_cases


def measure_paths(text: str) -> list[tuple[str, ...]]:
    return [m.path for m in extract_text(text, "t.txt").measures]


PLAN = """某县法治政府建设实施方案

一、总体要求
(一)指导思想。坚持以习近平法治思想为指导。
(二)工作目标。到2025年底基本建成法治政府。
二、主要任务
(一)深化改革
1.推进清单管理。(牵头单位:县委编办)
2.推行告知承诺。(牵头单位:县司法局)
(二)规范执法
3.落实三项制度。(责任单位:县司法局)
三、保障措施
(一)加强组织领导。各单位要把本方案任务纳入年度计划。
(二)强化督促落实。{clause}
"""


def test_closing_section_without_tasks_is_not_measures() -> None:
    assert measure_paths(PLAN.format(clause="")) == [("二", "(一)", "1"), ("二", "(一)", "2"), ("二", "(二)", "3")]


def test_a_closing_section_with_tasks_keeps_all_its_items() -> None:
    """One item with units makes the section a section of tasks (the samples' 六、组织保障 is one)."""
    paths = measure_paths(PLAN.format(clause="县委依法治县办开展督察。(责任单位:县委依法治县办)"))
    assert paths[-2:] == [("三", "(一)"), ("三", "(二)")]


def test_in_a_document_without_clauses_closing_items_are_measures() -> None:
    text = "\n".join(line.split("(牵头单位")[0].split("(责任单位")[0] for line in PLAN.format(clause="").splitlines())
    assert measure_paths(text)[-2:] == [("三", "(一)"), ("三", "(二)")]


def test_significance_paragraphs_are_preamble() -> None:
    text = "一、充分认识法治政府建设的重要意义\n内容。\n二、主要任务\n1.推进改革。\n2.加强监督。"
    assert measure_paths(text) == [("二", "1"), ("二", "2")]


REPORT = """某县2023年法治政府建设情况报告

一、工作情况
(一)强化统筹
一是健全机制。全年召开会议3次。二是落实述法。开展述法1次。
(二)规范执法
1.落实三项制度。
(1)规范执法公示。公示信息2000条。
(2)规范法制审核。审核案件300件。
2.开展案卷评查。评查案卷210份。
二、存在的问题
一是意识不够强。二是力量较薄弱。
三、下一步工作打算
2024年将重点抓好以下工作:一是深化改革,2024年6月底前完成评估。二是加强管理。
"""


def test_report_measures_are_its_deepest_items() -> None:
    assert measure_paths(REPORT) == [
        ("一", "(一)", "一是"),
        ("一", "(一)", "二是"),
        ("一", "(二)", "1", "(1)"),
        ("一", "(二)", "1", "(2)"),
        ("一", "(二)", "2"),
        ("三", "一是"),
        ("三", "二是"),
    ]


def test_one_sub_item_does_not_replace_its_item() -> None:
    text = "一、任务\n1.落实三项制度。主要做好以下工作:\n(1)规范执法公示。\n2.开展案卷评查。"
    assert measure_paths(text) == [("一", "1"), ("一", "2")]


def test_a_parent_clause_after_its_sub_items_keeps_the_parent() -> None:
    text = "\n".join(
        [
            "一、任务",
            "1.加强执法。",
            "(1)统一标准。",
            "(2)加强培训。",
            "(3)严格考核。",
            "(牵头单位:县司法局)",
            "2.加强监督。(牵头单位:县审计局)",
        ]
    )
    assert measure_paths(text) == [("一", "1"), ("一", "2")]


# --- coverage -----------------------------------------------------------------------------------


LOST = """某县法治政府建设工作要点

一、统筹推进
1.开展专题学习。(责任单位:县司法局)
2.落实述法制度。(责任单位:县委组织部)
二、依法履职
{lost}
3.调整权责清单。(责任单位:县委编办)
"""


def skipped(text: str) -> list[tuple[int, int]]:
    return [w.span for w in extract_text(text, "t.txt").warnings if w.kind == "skipped_text" and w.span]


def test_a_long_stretch_in_no_measure_is_reported() -> None:
    lost = "\n".join(f"推进第{k}项重点工作,完善配套制度,加强督促检查,确保按期完成各项任务。" for k in range(12))
    text = LOST.format(lost=lost)
    spans = skipped(text)
    assert len(spans) == 1
    s, e = spans[0]
    assert text[s:e] == lost


def test_a_short_lead_in_is_not_reported() -> None:
    assert skipped(LOST.format(lost="围绕法治政府建设目标,重点抓好以下工作:")) == []


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda c: c.name)
def test_fixture_documents_lose_no_text(case: FixtureCase) -> None:
    try:
        x = extract_file(case.path)
    except InputError as exc:  # a table shape the table reader does not read yet: its own tests say so
        pytest.skip(f"not extracted: {exc.reason}")
    assert [w for w in x.warnings if w.kind == "skipped_text"] == []


def test_seed_documents_lose_no_text() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the seed corpus is not here")
    for path in sorted(CORPUS.glob("*.txt")):
        warnings = extract_file(path).warnings
        assert [w for w in warnings if w.kind in ("skipped_text", "numbering")] == [], path.name


def test_a_plans_leading_sections_without_items_are_its_preamble() -> None:
    text = "\n".join(
        [
            "一、深入学习贯彻习近平法治思想",
            "坚持以习近平法治思想为指导。",
            "二、主要任务",
            "1.推进改革。",
            "2.加强监督。",
            "三、强化宣传",
            "加大宣传力度。",
        ]
    )
    assert measure_paths(text) == [("二", "1"), ("二", "2"), ("三",)]


def test_a_reports_leading_section_without_items_is_its_work() -> None:
    text = (
        "一、主要负责人履行第一责任人职责情况\n召开常务会议专题研究法治政府建设4次。\n"
        "二、主要举措和成效\n(一)依法履职\n一是精简审批。二是规范执法。\n三、存在的问题\n意识不强。"
    )
    assert measure_paths(text) == [("一",), ("二", "(一)", "一是"), ("二", "(一)", "二是")]


@pytest.mark.parametrize("heading", ["存在的问题", "存在的不足和原因", "存在的主要问题", "问题与不足", "困难和问题"])
def test_a_reports_problems_are_no_measures(heading: str) -> None:
    text = (
        f"某县2023年工作情况报告\n一、工作情况\n(一)依法履职。精简审批。\n二、{heading}\n一是意识不强。二是力量不足。"
    )
    assert measure_paths(text) == [("一", "(一)")]


def test_a_lone_sub_item_numbered_through_the_document_is_a_measure() -> None:
    text = "二、任务\n1.推进职能优化\n(1)规范权力运行。\n(2)深化清单管理。\n2.加强立法\n(3)推进立法协商。"
    assert measure_paths(text) == [("二", "1", "(1)"), ("二", "1", "(2)"), ("二", "2", "(3)")]
