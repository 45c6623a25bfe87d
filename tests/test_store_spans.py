"""Spans kept in the graph: every role and CITES relationship, measure and section carries the offsets the
extractor found, into the text kept on the Document node, and they come back exactly from both backends
(text[span_start:span_end] is the mention). Answers quote the sentence that holds the stored span."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.store import GraphStore
from policykg.ingest.pipeline import extract_file
from policykg.ingest.records import Extraction
from policykg.queries.ask import ask
from policykg.queries.catalog import run_named
from policykg.queries.text import sentence_at, sentences

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "documents"
# The project's own documents: the samples, and fixtures in several forms (full-width brackets, traditional
# script, a portal page, inline headings, a report), with units, citations in and outside measures, deadlines.
DOCUMENTS = [
    *sorted((REPO / "samples").glob("*.txt")),
    *(FIXTURES / name for name in ("plan_fullwidth_brackets.txt", "plan_traditional.txt", "portal_page.html")),
    *(FIXTURES / name for name in ("inline_headings.txt", "report_annual.txt")),
]
ROLE_OF = {"LEADS": "lead", "PARTICIPATES_IN": "participate", "RESPONSIBLE_FOR": "responsible"}


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return [extract_file(path) for path in DOCUMENTS]


@pytest.fixture
def ladybug(tmp_path: Path, extractions: list[Extraction]) -> Iterator[LadybugStore]:
    with LadybugStore(tmp_path / "spans.lbug") as store:
        load(store, extractions)
        yield store


def expected_spans(extraction: Extraction) -> set[tuple[str, int, int, str]]:
    """(label, start, end, mention) of every mention the extraction found."""
    found = {(u.role, *u.span, u.mention) for m in extraction.measures for u in m.units}
    found |= {("instrument", *i.span, i.mention) for m in extraction.measures for i in m.instruments}
    return found | {("instrument", *i.span, i.mention) for i in extraction.instruments}


def stored(store: GraphStore, source: str) -> dict[str, Any]:
    """What the store gives back for one document through the catalog's document queries."""
    return {
        "text": run_named(store, "document_text", source=source)[0]["text"],
        "spans": run_named(store, "document_spans", source=source),
        "outline": run_named(store, "document_outline", source=source),
    }


def check_round_trip(store: GraphStore, extractions: list[Extraction]) -> None:
    for extraction in extractions:
        back = stored(store, extraction.source)
        text = back["text"]
        assert text == extraction.text
        assert all(text[r["span_start"] : r["span_end"]] == r["mention"] for r in back["spans"]), extraction.source
        got = {(r["label"], r["span_start"], r["span_end"], r["mention"]) for r in back["spans"]}
        assert got == expected_spans(extraction), extraction.source
        measures = [r for r in back["outline"] if r["kind"] == "measure"]
        assert [(r["span_start"], r["span_end"]) for r in measures] == [m.span for m in extraction.measures]
        deadlines = [(s, e) for r in measures for s, e in zip(r["deadline_starts"], r["deadline_ends"], strict=True)]
        assert deadlines == [d.span for m in extraction.measures for d in m.deadlines], extraction.source
        assert all(text[s:e] for s, e in deadlines)
        sections = [(r["span_start"], r["span_end"]) for r in back["outline"] if r["kind"] == "section"]
        assert sorted(sections) == sorted(s.span for s in extraction.sections)


def test_spans_round_trip_through_ladybug(ladybug: LadybugStore, extractions: list[Extraction]) -> None:
    assert sum(len(expected_spans(e)) for e in extractions) > 200
    check_round_trip(ladybug, extractions)
    rows = ladybug.read("MATCH (m:Measure) RETURN m.text AS text, m.span_start AS s, m.span_end AS e, m.source AS src")
    texts = {e.source: e.text for e in extractions}
    assert rows and all(texts[r["src"]][r["s"] : r["e"]] == r["text"] for r in rows)


@pytest.mark.bolt
@pytest.mark.slow
def test_spans_round_trip_over_bolt_as_on_ladybug(
    bolt_store: GraphStore, ladybug: LadybugStore, extractions: list[Extraction]
) -> None:
    load(bolt_store, extractions)
    check_round_trip(bolt_store, extractions)
    for extraction in extractions:
        assert stored(bolt_store, extraction.source) == stored(ladybug, extraction.source)


def test_the_sentence_comes_from_the_span_not_the_first_name_alike() -> None:
    text = "区司法局要加强队伍建设。完成培训任务。(责任单位:区司法局)"
    clause = text.rindex("区司法局")
    assert sentence_at(text, clause, clause + 4) == "(责任单位:区司法局)"
    assert sentence_at(text, 0, 4) == "区司法局要加强队伍建设。"
    assert sentence_at(text, 5, 16) == "区司法局要加强队伍建设。完成培训任务。"  # a span over a cut: both
    assert sentence_at(text, 40, 44) == "" and sentence_at(text, 3, 3) == ""


@pytest.mark.parametrize(
    "question, query",
    [
        ("区司法局负责哪些措施", "unit_measures"),
        ("第3项措施由谁负责", "measure_units"),
        ("区司法局和区委依法治区办有哪些共同措施", "shared_measures"),
        ("哪些措施引用了《中华人民共和国行政处罚法》", "instrument_measures"),
        ("雨湖区法治政府建设工作要点引用了哪些法规", "document_instruments"),
        ("哪些措施2026年底前完成", "measures_due"),
    ],
)
def test_answers_quote_the_sentence_that_holds_the_stored_span(
    ladybug: LadybugStore, question: str, query: str
) -> None:
    answer = ask(ladybug, question)
    assert answer["query"] == query and answer["rows"], answer["message"]
    sources = [r["source"] for r in ladybug.read("MATCH (d:Document) RETURN d.source AS source")]
    texts = {source: run_named(ladybug, "document_text", source=source)[0]["text"] for source in sources}
    for row in answer["rows"]:
        text = texts[row["source"]]
        assert not {"text", "measure_start", "deadline_starts"} & set(row)  # helpers stay out of the answer
        pairs = [("span_start", "span_end")] if "span_start" in row else [("span_start_a", "span_end_a")]
        pairs += [("span_start_b", "span_end_b")] if "span_start_b" in row else []
        for start, end in pairs:
            quoted = sentence_at(text, row[start], row[end])
            assert quoted and quoted in row["sentence"] and quoted in sentences(text)
        written = row.get("mention") or row.get("deadline_text") or row["mention_a"]
        assert text[row[pairs[0][0]] : row[pairs[0][1]]] == written
