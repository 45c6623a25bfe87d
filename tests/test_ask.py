"""Questions in Chinese over the project corpus (samples/): the issue's forms, a hand-made question bank,
unknown and ambiguous names, and questions that try to inject Cypher. Every expected answer is read off the
sample texts by hand (samples/README.md, samples/expected_counts.json), never off the tool's output."""

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
from tests.corpus import LONGDE, SONGYANG, SUICHANG, YUHU

ANSWER_KEYS = {"question", "intent", "entities", "cypher", "params", "rows"}


def _measures(answer: dict[str, Any]) -> set[tuple[str, str]]:
    return {(row["source"], row["number"]) for row in answer["rows"]}


def _numbers(source: str, *numbers: int | str) -> set[tuple[str, str]]:
    return {(source, str(n)) for n in numbers}


# --- what the issue requires, computed independently of the answering code -------------------------


def test_units_lead_question_returns_exactly_the_measures_led_by_each_county_justice_bureau(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction]
) -> None:
    # Read the 牵头单位 part of each measure's own text, not the extractor's roles. 松阳县 and 遂昌县 both
    # write 县司法局: one answer, grouped by county.
    expected = {
        (e.source, m.number)
        for e in corpus_extractions
        for m in e.measures
        if any("县司法局" in names for names in re.findall(r"牵头单位[:：]([^;；)）\s]*)", m.text))
    }
    assert expected == _numbers(SONGYANG, "(1)", 5, 6, 8, 9, 11, 12, 13, "(七)", 14) | _numbers(
        SUICHANG, 1, 2, 3, 4, 8, 9, 10, 11, 13, 15, 16, 17, 18, 21, 22
    )
    answer = ask(corpus_store, "县司法局牵头哪些措施")
    assert answer["intent"] == "unit_measures"
    assert _measures(answer) == expected
    assert len(answer["rows"]) == 25
    assert {row["unit"] for row in answer["rows"]} == {"松阳县司法局", "遂昌县司法局"}
    assert {row["role"] for row in answer["rows"]} == {"lead"}
    assert {g["jurisdiction"]: g["rows"] for g in answer["groups"]} == {"松阳县": 10, "遂昌县": 15}


def test_citation_question_returns_exactly_the_citing_measures_of_every_document(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction]
) -> None:
    expected = {
        (e.source, m.number, m.path)
        for e in corpus_extractions
        for m in e.measures
        if any(c.title == "重大行政决策程序暂行条例" for c in m.instruments)
    }
    assert {(source, number) for source, number, _ in expected} == {(YUHU, "7"), (LONGDE, "一是"), (SUICHANG, "8")}
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
        assert answer["rows"], question
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
    # Measure numbers, read from the 牵头单位 / 配合单位 / 参加单位 clauses; several documents use a number.
    Case("第22项措施由谁牵头", "measure_units", units={"遂昌县委组织部", "遂昌县司法局"}, sources={SUICHANG}),
    Case("第二十二项措施由哪些单位牵头", "measure_units", units={"遂昌县委组织部", "遂昌县司法局"}),
    Case(
        "第9项措施由哪个单位牵头",
        "measure_units",
        units={"松阳县委机构编制委员会办公室", "松阳县司法局", "遂昌县人民政府办公室", "遂昌县司法局"},
        sources={SONGYANG, SUICHANG},
    ),
    Case(
        "第12项措施由谁牵头",
        "measure_units",
        units={"松阳县司法局", "遂昌县委机构编制委员会办公室", "遂昌县综合行政执法局"},
        sources={SONGYANG, SUICHANG},
    ),
    Case(
        "第14项措施由哪些单位负责",  # 负责: every role, in all three documents that have a 14
        "measure_units",
        units={
            "湘潭市雨湖区司法局",
            "松阳县司法局",
            "松阳县人民法院",
            "松阳县政府各部门",
            "遂昌县市场监督管理局",
            "遂昌县应急管理局",
            "遂昌县司法局",
            "遂昌县公安局",
            "丽水市生态环境局遂昌分局",
            "遂昌县自然资源和规划局",
        },
        sources={YUHU, SONGYANG, SUICHANG},
    ),
    Case("县委编办牵头哪些措施", "unit_measures", _numbers(SONGYANG, 1, 9, 10) | _numbers(SUICHANG, 4, 12)),
    Case(
        "县政府办牵头哪些措施",
        "unit_measures",
        _numbers(SONGYANG, 6, 7) | _numbers(SUICHANG, 8, 9, 19, 21),
        units={"松阳县人民政府办公室", "遂昌县人民政府办公室"},
    ),
    Case("县行政审批局都牵头了哪些任务", "unit_measures", {(SONGYANG, "2"), (SUICHANG, "5")}),
    Case("县审计局牵头哪些措施", "unit_measures", _numbers(SUICHANG, 7, 20), units={"遂昌县审计局"}),
    Case("县委依法治县办牵头哪些措施", "unit_measures", {(SONGYANG, "(二)"), (SUICHANG, "1")}),
    Case("县市场监管局牵头哪些措施", "unit_measures", _numbers(SONGYANG, 3, "(2)") | _numbers(SUICHANG, 6, 14)),
    Case("县司法局参与哪些措施", "unit_measures", _numbers(SONGYANG, 3, "(2)", 7) | _numbers(SUICHANG, 6, 12, 14)),
    Case("县公安局参加了哪些措施", "unit_measures", _numbers(SUICHANG, 5, 12, 14)),
    Case("县财政局参加了哪些措施", "unit_measures", _numbers(SUICHANG, 3, 6, 7, 10)),
    Case(
        "县司法局和县政府办有哪些共同措施",
        "shared_measures",
        _numbers(SONGYANG, 6, 7) | _numbers(SUICHANG, 3, 8, 9, 21),
    ),
    Case("县审计局与县财政局有哪些共同任务", "shared_measures", _numbers(SUICHANG, 7, 20)),
    Case("县委编办和县司法局共同牵头哪些措施", "shared_measures", {(SONGYANG, "9"), (SUICHANG, "4")}),
    Case(
        "哪些措施2026年底前完成",
        "measures_due",
        _numbers(YUHU, 3, 8) | {(SONGYANG, "5"), (LONGDE, "(二)")} | _numbers(SUICHANG, 3, 9, 20),
    ),
    Case("哪些措施2027年底前到期", "measures_due", _numbers(SONGYANG, 6, 12) | {(SUICHANG, "12")}),
    Case("2026年6月底前要完成哪些措施", "measures_due", {(YUHU, "3"), (SUICHANG, "3")}),
    Case("2026年第三季度到期的措施有哪些", "measures_due", {(SUICHANG, "20")}),
    Case("松阳县实施方案第四部分有哪些措施", "section_measures", _numbers(SONGYANG, *range(9, 14))),
    Case(
        "遂昌县法治政府建设工作计划引用了哪些法规",
        "document_instruments",
        sources={SUICHANG},
        includes={
            "重大行政决策程序暂行条例",
            "浙江省行政规范性文件管理办法",
            "民法典",
            "行政处罚法",
            "政府信息公开条例",
        },
        excludes={"湖南省行政程序规定", "行政许可法"},
    ),
    # 湘潭市雨湖区 工作要点, read from its （责任单位：…） clauses.
    Case(
        "区司法局负责哪些措施",
        "unit_measures",
        _numbers(YUHU, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 18, 19, 20),
        units={"湘潭市雨湖区司法局"},
    ),
    Case("区政府办公室负责哪些措施", "unit_measures", _numbers(YUHU, 7, 8, 17, 19)),  # 区政府办 and 区人民政府办公室
    Case("区应急局负责哪些措施", "unit_measures", _numbers(YUHU, 12), units={"湘潭市雨湖区应急管理局"}),
    Case("区审批局负责哪些措施", "unit_measures", _numbers(YUHU, 5), units={"湘潭市雨湖区行政审批局"}),
    Case("区市场监管局负责哪些措施", "unit_measures", _numbers(YUHU, 5, 6, 10, 12)),
    Case(
        "各执法部门负责哪些措施",  # a collective group written alike in two places
        "unit_measures",
        _numbers(YUHU, 9, 11, 13, 18) | _numbers(SONGYANG, "(1)", 11, 13),
    ),
    Case("区委编办负责哪些措施", "unit_measures", _numbers(YUHU, 4, 10)),
    Case("区司法局和区政府办公室有哪些共同措施", "shared_measures", _numbers(YUHU, 7, 8, 19)),
    Case(
        "雨湖区工作要点第19项措施由哪些单位负责",
        "measure_units",
        units={"湘潭市雨湖区人民政府办公室", "湘潭市雨湖区司法局"},
        sources={YUHU},
    ),
    # Citations, across documents.
    Case("哪些措施引用了《政府信息公开条例》", "instrument_measures", {(YUHU, "17"), (SUICHANG, "19")}),
    Case(
        "哪些措施引用了行政处罚法",
        "instrument_measures",
        {(YUHU, "11"), (SONGYANG, "11"), (LONGDE, "一是"), (SUICHANG, "13")},
    ),
    Case("重大行政决策程序暂行条例被哪些文件引用", "instrument_documents", sources={YUHU, LONGDE, SUICHANG}),
    Case("民法典被哪些文件引用", "instrument_documents", sources={YUHU, SUICHANG}),
    Case("浙江省行政规范性文件管理办法被哪些文件引用", "instrument_documents", sources={SONGYANG, SUICHANG}),
    Case("宁夏回族自治区重大行政决策程序规定被哪些文件引用", "instrument_documents", sources={LONGDE}),
    # Rankings.
    Case("哪些法规被引用最多", "top_instruments", first={"instrument": "行政处罚法", "documents": 4}),
    Case("哪些单位牵头的措施最多", "busiest_units", first={"unit": "遂昌县司法局", "measures": 15}),
    Case(
        "哪些单位共同牵头的措施最多",
        "co_leading_units",
        first={"unit_a": "遂昌县人民政府办公室", "unit_b": "遂昌县司法局", "measures": 3},  # items 8, 9, 21
    ),
    Case(
        "县司法局的工作量",  # one row per county, 松阳县 first
        "unit_workload",
        first={"unit": "松阳县司法局", "lead": 10, "participate": 3, "responsible": 2},
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
    ("县司法局牵头的措施有哪些", "unit_measures", 25),
    ("请列出县司法局牵头的措施", "unit_measures", 25),
    ("哪些措施由县司法局牵头", "unit_measures", 25),
    ("县司法局作为牵头单位的任务", "unit_measures", 25),
    ("县司法局负责的工作有哪些", "unit_measures", 33),  # 松阳县 10 + 3 + 2, 遂昌县 15 + 3
    ("雨湖区司法局负责什么", "unit_measures", 17),
    ("湘潭市雨湖区司法局负责哪些措施", "unit_measures", 17),
    ("县司法局2026年底前要完成哪些措施", "unit_measures", 3),  # 松阳县 5, 遂昌县 3 and 9; 遂昌县 20 is 审计局's
    ("引用《重大行政决策程序暂行条例》的措施有哪些", "instrument_measures", 3),
    ("哪些文件引用了重大行政决策程序暂行条例", "instrument_documents", 3),
    ("《重大行政决策程序暂行条例》在哪些文件中被引用", "instrument_documents", 3),
    ("牵头措施最多的单位是哪个", "busiest_units", 20),  # 23 units lead, the top 20 are listed
    ("县司法局与县政府办共同承担哪些任务", "shared_measures", 6),
    ("2026年到期的任务有哪些", "measures_due", 7),
    ("措施22的牵头单位是谁", "measure_units", 2),
    ("第22项措施有多少个单位参加", "measure_units", 1),  # 县人社局
    ("松阳县实施方案引用了哪些法律", "document_instruments", 2),  # 行政处罚法 and 行政许可法, both in item 11
    ("哪些法律被引用最多", "top_instruments", 3),  # 行政处罚法, 民法典, 行政许可法
]


@pytest.mark.parametrize(("question", "intent", "rows"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_natural_variants(corpus_store: LadybugStore, question: str, intent: str, rows: int) -> None:
    answer = ask(corpus_store, question)
    assert (answer["intent"], len(answer["rows"])) == (intent, rows), answer["message"]


# --- names: aliases, several jurisdictions, unknown and ambiguous ----------------------------------


def test_an_alias_and_the_full_name_give_the_same_answer(corpus_store: LadybugStore) -> None:
    # 遂昌县 writes both 县政府办 and 县人民政府办公室; 松阳县 writes 县政府办.
    short = ask(corpus_store, "县政府办牵头哪些措施")
    assert ask(corpus_store, "县人民政府办公室牵头哪些措施")["rows"] == short["rows"]
    one = ask(corpus_store, "遂昌县政府办牵头哪些措施")
    assert _measures(one) == _numbers(SUICHANG, 8, 9, 19, 21)
    for question in ("遂昌县人民政府办公室牵头哪些措施", "遂昌县政府办牵头的措施"):
        assert ask(corpus_store, question)["rows"] == one["rows"], question


def test_a_name_in_several_jurisdictions_answers_for_all_grouped(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "司法局负责哪些措施")
    jurisdictions = [row["jurisdiction"] for row in answer["rows"]]
    assert jurisdictions == sorted(jurisdictions)  # grouped: one run per jurisdiction
    # one row per role a bureau has in a measure: 松阳县 10 + 3 + 2, 湘潭市雨湖区 17, 遂昌县 15 + 3
    assert {g["jurisdiction"]: g["rows"] for g in answer["groups"]} == {"松阳县": 15, "湘潭市雨湖区": 17, "遂昌县": 18}
    assert "按辖区分组" in answer["message"]


@pytest.mark.parametrize(
    ("question", "intent", "candidate"),
    [
        ("县财政厅牵头哪些措施", "unknown_unit", "遂昌县财政局"),
        ("县审计署负责哪些措施", "unknown_unit", "遂昌县审计局"),
        ("哪些措施引用了《行政复议法》", "unknown_instrument", "行政处罚法"),
        ("重大行政决策条例被哪些文件引用", "unknown_instrument", "重大行政决策程序暂行条例"),
        ("丽水市法治政府建设方案引用了哪些法规", "unknown_document", "松阳县法治政府建设实施方案(2026-2030年)"),
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
    links = gazetteer_for(corpus_store).link(fold("湘潭市雨湖区司法局和松阳县司法局"))
    assert [link.text for link in links] == ["湘潭市雨湖区司法局", "松阳县司法局"]
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


def test_a_count_in_one_role_answers_with_that_role_first(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "松阳县司法局牵头几项措施")
    assert answer["intent"] == "unit_workload" and "牵头" in answer["understood_line"]
    assert answer["message"].startswith("松阳县司法局: 牵头 10 项 (另参加 3 项, 责任单位 2 项)")
