"""The extractor on the real seed documents: the golden file, every measure, every clause, clean mentions."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from benchmarks.scoring import score
from policykg.ingest.pipeline import extract_file
from policykg.ingest.records import Extraction
from tests.corpus import EXPECTED, MEASURE_COUNTS, corpus_files, needs_corpus

pytestmark = needs_corpus  # the acceptance layer: the real seed documents, skipped with the reason when absent


@cache
def extraction(name: str) -> Extraction:
    return extract_file(next(p for p in corpus_files() if p.name == name))


def test_golden_file_matches_on_every_aspect() -> None:
    expected = json.loads((EXPECTED / "002_a710a6335c69e98a.json").read_text(encoding="utf-8"))
    actual = extraction("002_a710a6335c69e98a.txt").to_contract()
    for aspect, result in score(expected, actual).items():
        assert result.f1 == 1.0, (aspect, result.missing, result.extra)
    assert actual["document"] == expected["document"]


@pytest.mark.parametrize("name,count", sorted(MEASURE_COUNTS.items()))
def test_every_measure_is_found(name: str, count: int) -> None:
    measures = extraction(name).measures
    assert len(measures) == count
    assert len({m.path for m in measures}) == count, "measure paths are unique"


# A clause label in a measure's text must give that measure at least one unit in that role.
_LABEL_ROLE = {"牵头单位": "lead", "参加单位": "participate", "责任单位": "responsible"}


@pytest.mark.parametrize("name", sorted(MEASURE_COUNTS))
def test_every_responsibility_clause_is_parsed(name: str) -> None:
    x = extraction(name)
    for m in x.measures:
        roles = {u.role for u in m.units}
        for label, role in _LABEL_ROLE.items():
            if label in m.text:
                assert role in roles, (m.path, label, m.text[-150:])
    labels_in_text = sum(x.text.count(label) for label in _LABEL_ROLE)
    clauses = sum(len({u.role for u in m.units}) for m in x.measures)
    assert clauses == labels_in_text


_BAD_IN_MENTION = re.compile(r"牵头|配合|参加|等|、|:|;|,|。")


@pytest.mark.parametrize("name", sorted(MEASURE_COUNTS))
def test_mentions_carry_no_role_words_or_punctuation(name: str) -> None:
    x = extraction(name)
    for m in x.measures:
        for u in m.units:
            assert not _BAD_IN_MENTION.search(u.mention), (m.path, u.mention)
            assert u.mention.count("(") == u.mention.count(")"), (m.path, u.mention)
            assert u.mention.strip() == u.mention and u.mention


@pytest.mark.parametrize("name", sorted(MEASURE_COUNTS))
def test_every_span_points_into_the_original_text(name: str) -> None:
    x = extraction(name)
    for m in x.measures:
        assert x.text[m.span[0] : m.span[1]] == m.text
        for u in m.units:
            assert x.text[u.span[0] : u.span[1]] == u.mention
            assert m.span[0] <= u.span[0] < u.span[1] <= m.span[1]
        for i in m.instruments:
            assert x.text[i.span[0] : i.span[1]] == i.mention
        for d in m.deadlines:
            assert x.text[d.span[0] : d.span[1]] == d.text


def test_ningyuan_plan_leads_and_normalised_units() -> None:
    x = extraction("000_5cda63ea9f7dc0ed.txt")
    led_by_justice = [m for m in x.measures if any(u.role == "lead" and u.unit == "宁远县司法局" for u in m.units)]
    assert len(led_by_justice) == 52
    units = {u.mention: u for m in x.measures for u in m.units}
    assert units["县政府办"].unit == "宁远县人民政府办公室"
    assert units["县政府办"].kind == "政府办公室"
    assert units["县委编办"].unit == "宁远县委机构编制委员会办公室"
    assert units["各乡镇(街道)"].collective and units["县政府其他有关部门"].collective
    assert not units["县司法局"].collective
    assert x.document.doc_number == "宁发〔2022〕7号"
    assert x.document.period == "2021-2025"
    assert {a.alias: a.full for a in x.aliases}["纲要"] == "法治政府建设实施纲要(2021-2025年)"


def test_reports_number_items_per_section_with_yishi() -> None:
    x = extraction("003_4132fc12d559d735.txt")
    paths = [m.path for m in x.measures]
    assert ("一", "(一)", "一是") in paths and ("一", "(二)", "一是") in paths
    assert ("二", "(一)") in paths, "a section without items is itself a measure"
    assert ("二", "(七)", "二是") in paths
    assert x.document.kind == "工作报告" and x.document.jurisdiction == "凤凰县"


def test_goals_section_is_not_a_measure() -> None:
    x = extraction("001_2a37c533326af7ae.txt")
    assert all(m.path[0] != "一" for m in x.measures)
    assert ("三", "(四)") in [m.path for m in x.measures]
    deadline = next(d for m in x.measures for d in m.deadlines if d.text.startswith("2018"))
    assert deadline.date == "2018-12-31"


def test_traditional_characters_extract_like_the_simplified_text() -> None:
    import opencc

    simplified = extraction("002_a710a6335c69e98a.txt")
    traditional_text = opencc.OpenCC("s2t").convert(simplified.text)
    assert traditional_text != simplified.text
    from policykg.ingest.pipeline import extract_text

    traditional = extract_text(traditional_text, "traditional.txt")
    for aspect, result in score(simplified.to_contract(), traditional.to_contract()).items():
        assert result.f1 == 1.0, (aspect, result.missing, result.extra)
    assert [u.unit for m in traditional.measures for u in m.units] == [
        u.unit for m in simplified.measures for u in m.units
    ]
