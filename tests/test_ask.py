"""Questions in Chinese over the seed corpus: the issue's forms, a hand-made question bank, unknown and
ambiguous names, and questions that try to inject Cypher."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.stats import stats
from policykg.ingest.records import DocumentMeta, Extraction, InstrumentCitation, Measure, UnitMention
from policykg.queries.ask import ask
from policykg.queries.gazetteer import fold, gazetteer_for

NINGYUAN = "000_5cda63ea9f7dc0ed.txt"  # 宁远县法治政府建设实施方案: 牵头/参加 clauses
SHAPOTOU = "001_2a37c533326af7ae.txt"  # 沙坡头区 实施意见: no clauses
BAYUQUAN = "002_a710a6335c69e98a.txt"  # 营口市鲅鱼圈区 工作要点: 责任单位 clauses
FENGHUANG = "003_4132fc12d559d735.txt"  # 凤凰县 年度报告
ANSWER_KEYS = {"question", "intent", "entities", "cypher", "params", "rows"}


def _measures(answer: dict[str, Any]) -> set[tuple[str, str]]:
    return {(row["source"], row["number"]) for row in answer["rows"]}


def _numbers(source: str, *numbers: int | str) -> set[tuple[str, str]]:
    return {(source, str(n)) for n in numbers}


# --- what the issue requires, computed independently of the answering code -------------------------


def test_units_lead_question_returns_exactly_the_plan_measures_led_by_the_county_justice_bureau(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction]
) -> None:
    plan = next(e for e in corpus_extractions if e.source == NINGYUAN)
    # Read the 牵头单位 part of each measure's own text, not the extractor's roles.
    expected = {
        (NINGYUAN, m.number)
        for m in plan.measures
        if any("县司法局" in names for names in re.findall(r"牵头单位[::]([^;;)\n]*)", m.text))
    }
    assert len(expected) == 52
    answer = ask(corpus_store, "县司法局牵头哪些措施")
    assert answer["intent"] == "unit_measures"
    assert _measures(answer) == expected
    assert len(answer["rows"]) == 52
    assert {row["unit"] for row in answer["rows"]} == {"宁远县司法局"}
    assert {row["role"] for row in answer["rows"]} == {"lead"}


def test_citation_question_returns_exactly_the_citing_measures_of_every_document(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction]
) -> None:
    expected = {
        (e.source, m.number, m.path)
        for e in corpus_extractions
        for m in e.measures
        if any(c.title == "重大行政决策程序暂行条例" for c in m.instruments)
    }
    assert {source for source, _, _ in expected} == {NINGYUAN, BAYUQUAN, FENGHUANG}
    answer = ask(corpus_store, "哪些措施引用了《重大行政决策程序暂行条例》")
    assert answer["intent"] == "instrument_measures"
    assert {(r["source"], r["number"], tuple(r["path"].split("/"))) for r in answer["rows"]} == expected
    for row in answer["rows"]:
        assert "重大行政决策程序暂行条例" in row["sentence"]


def test_answers_have_the_json_shape_and_a_source_sentence(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction]
) -> None:
    texts = {(e.source, "/".join(m.path)): m.text for e in corpus_extractions for m in e.measures}
    for question in ("县司法局负责哪些措施", "区司法局负责哪些措施", "第22项措施由谁牵头"):
        answer = ask(corpus_store, question)
        assert set(answer) >= ANSWER_KEYS
        assert "$" in answer["cypher"] and answer["params"]
        for row in answer["rows"]:
            assert {"source", "path", "number", "heading", "role", "sentence"} <= set(row)
            assert row["sentence"] and row["sentence"] in texts[(row["source"], row["path"])]
            assert row["mention"] in row["sentence"]


# --- the question bank: answers read off the documents by hand ---------------------------------------


@dataclass(frozen=True)
class Case:
    question: str
    intent: str
    measures: set[tuple[str, str]] = field(default_factory=set)  # (source, number), exactly
    units: set[str] = field(default_factory=set)  # exactly these units in the rows
    sources: set[str] = field(default_factory=set)  # exactly these documents in the rows
    first: dict[str, Any] = field(default_factory=dict)  # the first row has these values
    includes: set[str] = field(default_factory=set)  # these instruments are among the rows
    excludes: set[str] = field(default_factory=set)  # these instruments are not


BANK = [
    # 宁远县 plan (000), read from its (牵头单位:…;参加单位:…) clauses.
    Case("第22项措施由谁牵头", "measure_units", units={"宁远县人民政府办公室", "宁远县司法局"}, sources={NINGYUAN}),
    Case("第二十二项措施由哪些单位牵头", "measure_units", units={"宁远县人民政府办公室", "宁远县司法局"}),
    Case("第9项措施由哪个单位牵头", "measure_units", units={"宁远县司法局"}),
    Case("第65项措施由谁牵头", "measure_units", units={"宁远县委办公室"}),
    Case(
        "第39项措施由哪些单位负责",
        "measure_units",
        units={
            "宁远县教育局",
            "宁远县公安局",
            "宁远县民政局",
            "宁远县司法局",
            "宁远县人力资源和社会保障局",
            "宁远县自然资源局",
            "永州市生态环境局宁远分局",
            "宁远县住房和城乡建设局",
            "宁远县交通运输局",
            "宁远县水利局",
            "宁远县文化旅游广电体育局",
            "宁远县卫生健康局",
            "宁远县应急管理局",
            "宁远县林业局",
            "宁远县市场监督管理局",
            "宁远县金融办",
            "人民银行宁远支行",
            "宁远县政府有关部门",
        },
    ),
    Case("县委编办牵头哪些措施", "unit_measures", _numbers(NINGYUAN, 1, 3, 34, 35, 98)),
    Case(
        "县政府办牵头哪些措施",
        "unit_measures",
        _numbers(NINGYUAN, 15, 20, 21, 22, 25, 26, 33, 34, 35, 36, 66, 69, 70, 71, 75, 83, 85),
        units={"宁远县人民政府办公室"},
    ),
    Case(
        "县行政审批局都牵头了哪些任务",
        "unit_measures",
        _numbers(NINGYUAN, 4, 6, 7, 10, 11, 13, 14, 75, 76, 77, 78, 80, 81, 82, 83, 84, 85, 86),
    ),
    Case("人民银行宁远支行牵头哪些措施", "unit_measures", _numbers(NINGYUAN, 10, 14, 78, 79)),
    Case("县委依法治县办牵头哪些措施", "unit_measures", _numbers(NINGYUAN, 89, 91, 92, 93, 94, 96, 98, 100)),
    Case("县应急管理局牵头哪些措施", "unit_measures", _numbers(NINGYUAN, 47, 48, 49, 50, 51, 53, 54)),
    Case("县委网信办牵头哪些措施", "unit_measures", _numbers(NINGYUAN, 52, 68, 85)),
    Case("县司法局参与哪些措施", "unit_measures", _numbers(NINGYUAN, 13, 53, 66, 84, 85)),
    Case("县法院参加了哪些措施", "unit_measures", _numbers(NINGYUAN, 13, 37, 52, 57, 65)),
    Case(
        "县司法局和县政府办有哪些共同措施",
        "shared_measures",
        _numbers(NINGYUAN, 15, 20, 21, 22, 25, 26, 33, 34, 35, 36, 66, 75, 83, 85),
    ),
    Case("县公安局与县应急管理局有哪些共同任务", "shared_measures", _numbers(NINGYUAN, 39, 47, 48, 49, 50, 51)),
    Case("县委编办和县司法局共同牵头哪些措施", "shared_measures", _numbers(NINGYUAN, 34, 35, 98)),
    Case("哪些措施2022年底前完成", "measures_due", _numbers(NINGYUAN, 4, 44, 60)),
    Case("哪些措施2023年底前到期", "measures_due", _numbers(NINGYUAN, 14)),
    Case("2024年到期的措施有哪些", "measures_due", _numbers(NINGYUAN, 72)),
    Case("2018年12月底前要完成哪些措施", "measures_due", {(SHAPOTOU, "1")}),
    Case("宁远县实施方案第四部分有哪些措施", "section_measures", _numbers(NINGYUAN, *range(22, 34))),
    Case(
        "宁远县法治政府建设实施方案引用了哪些法规",
        "document_instruments",
        sources={NINGYUAN},
        includes={"重大行政决策程序暂行条例", "政府督查工作条例", "民法典", "行政处罚法", "政府信息公开条例"},
        excludes={"辽宁省法治宣传教育条例", "社区矫正法"},
    ),
    # 营口市鲅鱼圈区 工作要点 (002), read from its (责任单位:…) clauses.
    Case(
        "区司法局负责哪些措施",
        "unit_measures",
        _numbers(BAYUQUAN, 1, 2, 3, 4, 11, 12, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 32),
        units={"营口市鲅鱼圈区司法局"},
    ),
    Case(
        "区政府办公室负责哪些措施",
        "unit_measures",
        _numbers(BAYUQUAN, 1, 2, 6, 9, 10, 11, 16, 17, 22, 27, 28, 29, 30, 31),
    ),
    Case(
        "区应急局负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 8, 13, 16, 17), units={"营口市鲅鱼圈区应急管理局"}
    ),
    Case("区审批局负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 6, 7), units={"营口市鲅鱼圈区行政审批局"}),
    Case("区审计局负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 27), units={"营口市鲅鱼圈区审计局"}),
    Case("区营商局负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 2, 5, 7, 23, 28, 30)),
    Case("各执法部门负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 10, 14, 15, 18, 23, 25, 29, 31)),
    Case("区委编办负责哪些措施", "unit_measures", _numbers(BAYUQUAN, 5, 12, 22)),
    Case("区司法局和区政府办公室有哪些共同措施", "shared_measures", _numbers(BAYUQUAN, 1, 2, 11, 17, 22, 28, 29)),
    Case(
        "鲅鱼圈区工作要点第19项措施由哪些单位负责", "measure_units", units={"营口市鲅鱼圈区司法局"}, sources={BAYUQUAN}
    ),
    # Citations, across documents.
    Case(
        "哪些措施引用了《政府信息公开条例》",
        "instrument_measures",
        _numbers(NINGYUAN, 75, 77) | {(SHAPOTOU, "4"), (BAYUQUAN, "29")},
    ),
    Case(
        "哪些措施引用了行政处罚法",
        "instrument_measures",
        _numbers(NINGYUAN, 45, 46) | {(BAYUQUAN, "14"), (FENGHUANG, "三是")},
    ),
    Case("重大行政决策程序暂行条例被哪些文件引用", "instrument_documents", sources={NINGYUAN, BAYUQUAN, FENGHUANG}),
    Case("民法典被哪些文件引用", "instrument_documents", sources={NINGYUAN, BAYUQUAN, FENGHUANG}),
    Case("中华人民共和国社区矫正法被哪些文件引用", "instrument_documents", sources={FENGHUANG}),
    # Rankings.
    Case("哪些法规被引用最多", "top_instruments", first={"instrument": "重大行政决策程序暂行条例", "documents": 3}),
    Case("哪些单位牵头的措施最多", "busiest_units", first={"unit": "宁远县司法局", "measures": 52}),
    Case(
        "哪些单位共同牵头的措施最多",
        "co_leading_units",
        first={"unit_a": "宁远县人民政府办公室", "unit_b": "宁远县司法局", "measures": 12},
    ),
    Case(
        "县司法局的工作量",
        "unit_workload",
        first={"unit": "宁远县司法局", "lead": 52, "participate": 5, "responsible": 1},
    ),
]


@pytest.mark.parametrize("case", BANK, ids=[case.question for case in BANK])
def test_question_bank(corpus_store: LadybugStore, case: Case) -> None:
    answer = ask(corpus_store, case.question)
    assert answer["intent"] == case.intent, answer["message"]
    rows = answer["rows"]
    assert rows, answer["message"]
    if case.measures:
        assert _measures(answer) == case.measures
    if case.units:
        assert {row["unit"] for row in rows} == case.units
    if case.sources:
        assert {row["source"] for row in rows} == case.sources
    for key, value in case.first.items():
        assert rows[0][key] == value
    if case.includes or case.excludes:
        cited = {row["instrument"] for row in rows}
        assert case.includes <= cited and not (case.excludes & cited)


def test_the_bank_has_at_least_thirty_questions() -> None:
    assert len(BANK) >= 30


VARIANTS = [
    ("县司法局牵头的措施有哪些", "unit_measures", 52),
    ("请列出县司法局牵头的措施", "unit_measures", 52),
    ("哪些措施由县司法局牵头", "unit_measures", 52),
    ("县司法局作为牵头单位的任务", "unit_measures", 52),
    ("县司法局负责的工作有哪些", "unit_measures", 58),
    ("鲅鱼圈区司法局负责什么", "unit_measures", 21),
    ("营口市鲅鱼圈区司法局负责哪些措施", "unit_measures", 21),
    ("县司法局2022年底前要完成哪些措施", "unit_measures", 2),  # 44 and 60; 4 is 县行政审批局's
    ("引用《重大行政决策程序暂行条例》的措施有哪些", "instrument_measures", 5),
    ("哪些文件引用了重大行政决策程序暂行条例", "instrument_documents", 3),
    ("《重大行政决策程序暂行条例》在哪些文件中被引用", "instrument_documents", 3),
    ("牵头措施最多的单位是哪个", "busiest_units", 20),
    ("县司法局与县政府办共同承担哪些任务", "shared_measures", 14),
    ("2022年到期的任务有哪些", "measures_due", 3),
    ("措施22的牵头单位是谁", "measure_units", 2),
    ("第22项措施有多少个单位参加", "measure_units", 2),
    ("宁远县实施方案引用了哪些法律", "document_instruments", 3),  # 民法典 once, 行政处罚法 twice
    ("哪些法律被引用最多", "top_instruments", 3),
]


@pytest.mark.parametrize(("question", "intent", "rows"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_natural_variants(corpus_store: LadybugStore, question: str, intent: str, rows: int) -> None:
    answer = ask(corpus_store, question)
    assert (answer["intent"], len(answer["rows"])) == (intent, rows), answer["message"]


# --- names: aliases, several jurisdictions, unknown and ambiguous ----------------------------------


def test_an_alias_and_the_full_name_give_the_same_answer(corpus_store: LadybugStore) -> None:
    short = ask(corpus_store, "县政府办牵头哪些措施")
    for question in ("宁远县人民政府办公室牵头哪些措施", "县人民政府办公室牵头哪些措施", "宁远县政府办牵头的措施"):
        assert ask(corpus_store, question)["rows"] == short["rows"], question


def test_a_name_in_several_jurisdictions_answers_for_all_grouped(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "司法局负责哪些措施")
    jurisdictions = [row["jurisdiction"] for row in answer["rows"]]
    assert jurisdictions == sorted(jurisdictions)  # grouped: one run per jurisdiction
    assert {g["jurisdiction"]: g["rows"] for g in answer["groups"]} == {"宁远县": 58, "营口市鲅鱼圈区": 21}
    assert "按辖区分组" in answer["message"]


@pytest.mark.parametrize(
    ("question", "intent", "candidate"),
    [
        ("县财政厅牵头哪些措施", "unknown_unit", "宁远县财政局"),
        ("区审计署负责哪些措施", "unknown_unit", "营口市鲅鱼圈区审计局"),
        ("哪些措施引用了《行政复议法》", "unknown_instrument", "行政处罚法"),
        ("重大行政决策条例被哪些文件引用", "unknown_instrument", "重大行政决策程序暂行条例"),
        (
            "营口市法治政府建设方案引用了哪些法规",
            "unknown_document",
            "2021年营口市鲅鱼圈区加快推进法治政府建设工作要点",
        ),
    ],
)
def test_unknown_names_get_a_message_and_candidates(
    corpus_store: LadybugStore, question: str, intent: str, candidate: str
) -> None:
    answer = ask(corpus_store, question)
    assert answer["intent"] == intent
    assert answer["rows"] == [] and answer["cypher"] == ""
    assert answer["message"].startswith(("没有找到", "图中没有"))
    assert any(c.startswith(candidate) for c in answer["candidates"]), answer["candidates"]


def test_a_name_that_fits_several_titles_is_ambiguous(tmp_path: Path) -> None:
    # Two plans both call a different 纲要 "纲要" (以下简称《纲要》): the short form names two instruments.
    def plan(source: str, place: str, title: str) -> Extraction:
        cite = InstrumentCitation("纲要", title, "规划", (0, 2))
        unit = UnitMention("lead", "县司法局", f"{place}司法局", "司法局", False, (0, 4))
        measure = Measure(("一",), "一", "落实纲要", "落实《纲要》。(牵头单位:县司法局)", (0, 20), (unit,), (cite,))
        meta = DocumentMeta(f"{place}实施方案", "实施方案", place)
        return Extraction(source, "", meta, (), (measure,))

    with LadybugStore(tmp_path / "two.lbug") as store:
        load(
            store,
            [
                plan("a.txt", "宁远县", "法治政府建设实施纲要(2015-2020年)"),
                plan("b.txt", "凤凰县", "法治政府建设实施纲要(2021-2025年)"),
            ],
        )
        answer = ask(store, "哪些措施引用了纲要")
        assert answer["intent"] == "ambiguous" and answer["rows"] == []
        assert answer["candidates"] == ["法治政府建设实施纲要(2015-2020年)", "法治政府建设实施纲要(2021-2025年)"]
        full = ask(store, "哪些措施引用了《法治政府建设实施纲要(2021-2025年)》")
        assert {row["source"] for row in full["rows"]} == {"b.txt"}
        # 县司法局 is written the same way in both counties: one answer, grouped by jurisdiction.
        both = ask(store, "县司法局牵头哪些措施")
        assert [g["jurisdiction"] for g in both["groups"]] == ["凤凰县", "宁远县"]


def test_a_question_the_rules_do_not_know(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "今天天气怎么样")
    assert answer["intent"] == "unknown" and answer["rows"] == []
    assert "县司法局牵头哪些措施" in answer["message"]


def test_linking_prefers_the_longest_name(corpus_store: LadybugStore) -> None:
    links = gazetteer_for(corpus_store).link(fold("营口市鲅鱼圈区司法局和宁远县司法局"))
    assert [link.text for link in links] == ["营口市鲅鱼圈区司法局", "宁远县司法局"]
    assert fold("《法治政府建设实施纲要（2021—2025年）》") == "《法治政府建设实施纲要(2021-2025年)》"


# --- nothing the user typed reaches Cypher ---------------------------------------------------------

INJECTIONS = [
    "县司法局'}) MATCH (n) DETACH DELETE n //牵头哪些措施",
    '县司法局"}) DETACH DELETE u RETURN 1 //牵头哪些措施',
    "哪些措施引用了《x'}) MATCH (n) DETACH DELETE n //》",
    "MATCH (n) DETACH DELETE n",
    "{units: ['宁远县司法局']} CREATE (:Unit {name: 'x'}) 牵头哪些措施",
    "第22项措施由谁牵头'; MATCH (n) SET n.name = 'x' //",
    "$units 牵头哪些措施",
    "区司法局负责哪些措施`) CALL db.clearQueryCaches() //",
    "哪些措施2022年底前完成' OR 1=1 //",
]


@pytest.mark.parametrize("question", INJECTIONS)
def test_question_text_is_never_pasted_into_cypher(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction], question: str
) -> None:
    before = stats(corpus_store)
    answer = ask(corpus_store, question)
    assert stats(corpus_store) == before
    if answer["cypher"]:
        for fragment in ("DELETE", "CREATE", "SET n", "clearQueryCaches", "OR 1=1"):
            assert fragment not in answer["cypher"]
        named = {e.source for e in corpus_extractions} | {
            u.unit for e in corpus_extractions for m in e.measures for u in m.units
        }
        for value in _leaves(answer["params"]):
            assert not isinstance(value, str) or value in named or re.fullmatch(r"[\w\-]*", value), value


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]
