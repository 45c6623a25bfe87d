"""Numbering typos cost at most their item and are reported, one warning each; no limit on the number of items."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.numerals import int_to_chinese
from policykg.ingest.pipeline import extract_text

UNITS = ["县司法局", "县财政局", "县审计局", "县民政局"]


def plan(numbers_per_section: list[list[int]], joints: Sequence[str] = ("\n",)) -> str:
    """A work-points plan: sections 一、二、… holding items with the given numbers, each with a clause.
    joints[k] joins the k-th heading or item to the one before it: a newline, or "" to run on in its line."""
    parts = []
    for s, numbers in enumerate(numbers_per_section, start=1):
        parts.append((f"{int_to_chinese(s)}、第{s}部分重点工作", True))
        parts += [(f"{n}.推进第{n}项工作,完善相关制度。(责任单位:{UNITS[n % len(UNITS)]})", False) for n in numbers]
    text = "2024年宁远县法治政府建设工作要点\n"
    for k, (part, _) in enumerate(parts):
        joint = joints[k % len(joints)]
        if k and parts[k - 1][1] and not joint:
            joint = " "  # a section title runs into its first item across a space
        text += (joint if k else "\n") + part
    return text


def numbering(text: str) -> list[str]:
    return [w.message for w in extract_text(text, "plan.txt").warnings if w.kind == "numbering"]


def test_a_skipped_a_repeated_and_an_out_of_order_number() -> None:
    sections = [[1, 2, 3, 4, 5], [6, 7, 9, 10, 11], [12, 13, 14, 15, 15, 16], [17, 18, 19, 20, 22, 21, 23], [24, 25]]
    text = plan(sections)
    x = extract_text(text, "plan.txt")
    written = [n for numbers in sections for n in numbers]
    assert [m.number for m in x.measures] == [str(n) for n in written], "every measure is kept, labelled as written"
    assert all(len(m.units) == 1 for m in x.measures)
    warnings = [w for w in x.warnings if w.kind == "numbering"]
    assert len(warnings) == 3
    assert [text[w.span[0] : w.span[1]] for w in warnings if w.span] == ["9.", "15.", "22."]


@pytest.mark.parametrize(
    "numbers,warned",
    [
        ([1, 2, 3, 4, 5], []),
        ([1, 2, 4, 5], ["4."]),  # skipped
        ([1, 2, 2, 3], ["2."]),  # repeated
        ([1, 2, 2, 4], ["2."]),  # the second 2 stands for 3: one typo
        ([1, 3, 2, 4], ["3."]),  # swapped
        ([1, 2, 3, 2, 4], ["2."]),  # goes back
        ([1, 2, 3, 6, 7], ["6."]),  # two missing
    ],
)
def test_each_typo_is_one_warning(numbers: list[int], warned: list[str]) -> None:
    text = plan([numbers])
    x = extract_text(text, "plan.txt")
    assert [m.number for m in x.measures] == [str(n) for n in numbers]
    assert [text[w.span[0] : w.span[1]] for w in x.warnings if w.kind == "numbering" and w.span] == warned


def test_numbering_that_restarts_or_runs_on_is_normal() -> None:
    assert numbering(plan([[1, 2, 3], [1, 2], [1, 2, 3, 4]])) == []
    assert numbering(plan([[1, 2, 3], [4, 5], [6, 7, 8, 9]])) == []


def test_a_skip_at_a_section_boundary() -> None:
    assert len(numbering(plan([[1, 2, 3], [5, 6]]))) == 1


def test_a_number_far_off_its_sequence_is_reported() -> None:
    text = plan([[1, 2, 3, 40, 4]])
    x = extract_text(text, "plan.txt")
    assert [m.number for m in x.measures] == ["1", "2", "3", "4"]
    assert "40.推进第40项工作" in x.measures[2].text, "its text stays in the item before it"
    assert [text[w.span[0] : w.span[1]] for w in x.warnings if w.kind == "numbering" and w.span] == ["40."]


def test_five_thousand_items_are_five_thousand_measures() -> None:
    text = plan([list(range(1, 2001)), list(range(2001, 5001))])
    started = time.perf_counter()
    x = extract_text(text, "plan.txt")
    elapsed = time.perf_counter() - started
    assert len(x.measures) == 5000
    assert x.measures[-1].path == ("二", "5000") and x.measures[-1].units[0].mention == UNITS[5000 % 4]
    assert not x.warnings
    assert elapsed < 30, f"{elapsed:.1f} s for 5,000 items"


def test_items_beyond_a_thousand_restarting_per_section() -> None:
    x = extract_text(plan([list(range(1, 1201)), list(range(1, 1201))]), "plan.txt")
    assert len(x.measures) == 2400 and not x.warnings


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=2, max_value=8), min_size=1, max_size=5),
    running=st.booleans(),
    typo=st.sampled_from(["none", "skip", "repeat", "swap"]),
    where=st.integers(min_value=0, max_value=1000),
    joints=st.lists(st.sampled_from(["\n", ""]), min_size=1, max_size=8),
)
def test_generated_typos(sizes: list[int], running: bool, typo: str, where: int, joints: list[str]) -> None:
    """Any one typo anywhere in a generated plan, with items on lines of their own or run on inside lines:
    every item kept, exactly one warning (none without a typo)."""
    sections, n = [], 0
    for size in sizes:
        n = n if running else 0
        sections.append(list(range(n + 1, n + size + 1)))
        n += size
    flat = [(s, i) for s, numbers in enumerate(sections) for i in range(len(numbers))]
    s, i = flat[where % len(flat)]
    numbers = sections[s]
    if typo == "skip" and i > 0:
        numbers[i:] = [k + 1 for k in numbers[i:]]
        if running:
            for later in sections[s + 1 :]:
                later[:] = [k + 1 for k in later]
    elif typo == "repeat" and i > 0:
        numbers[i] = numbers[i - 1]
    elif typo == "swap" and 0 < i < len(numbers) - 1:
        numbers[i], numbers[i + 1] = numbers[i + 1], numbers[i]
    else:
        typo = "none"
    x = extract_text(plan(sections, joints), "plan.txt")
    assert [m.number for m in x.measures] == [str(k) for numbers in sections for k in numbers]
    assert len([w for w in x.warnings if w.kind == "numbering"]) == (0 if typo == "none" else 1)


def test_typos_inside_lines_are_kept_too() -> None:
    items = ["1.甲。(责任单位:县司法局)", "2.乙。(责任单位:县财政局)", "4.丙。(责任单位:县审计局)", "3.丁。", "5.戊。"]
    text = "某县工作要点\n一、任务\n" + "".join(items)
    x = extract_text(text, "t.txt")
    assert [m.number for m in x.measures] == ["1", "2", "4", "3", "5"]
    assert [text[w.span[0] : w.span[1]] for w in x.warnings if w.kind == "numbering" and w.span] == ["4."]


def test_a_restarted_list_that_misses_its_first_number() -> None:
    text = plan([[1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 3, 4], [1, 2]])
    x = extract_text(text, "plan.txt")
    assert [m.number for m in x.measures] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "2", "3", "4", "1", "2"]
    assert [m.path[0] for m in x.measures][9:12] == ["二", "二", "二"]
    assert [text[w.span[0] : w.span[1]] for w in x.warnings if w.kind == "numbering" and w.span] == ["2."]
