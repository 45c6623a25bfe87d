"""One document's measures and citations; the documents and measures that cite an instrument."""

from __future__ import annotations

from typing import Any

from policykg.graph.store import Row
from policykg.queries import shaping, slots
from policykg.queries.gazetteer import Gazetteer, Link
from policykg.queries.intent import (
    Intent,
    in_place,
    instrument_titles,
    measure_scope,
    subject_document,
    understood_as,
)
from policykg.queries.plan import Problem
from policykg.queries.question import Question
from policykg.queries.understanding import Filters, Scope, Understanding


def document_instruments(q: Question, g: Gazetteer) -> Understanding | None:
    """松阳县方案引用了哪些法规: the instruments one document cites (of the kinds asked)."""
    documents = _named_documents(q)
    if not documents:
        return None
    instruments = [link for link in q.linked("instrument") if link is not documents[0]]
    if instruments or not q.has("引用|援引|依据|提到|法规|法律|条例|规章|规定|文件"):
        return None
    return understood_as(
        q,
        "document_instruments",
        subjects=(documents[0],),
        scope=Scope(documents=(documents[0].documents[0].source,)),
        filters=Filters(kinds=slots.instrument_kinds(q.rest)),
    )


def _document_instruments_summary(u: Understanding, rows: list[Row]) -> str:
    kinds = "、".join(u.filters.kinds) or "法规文件"
    return f"{subject_document(u)} 引用了 {len({r['instrument'] for r in rows})} 部{kinds}。"


DOCUMENT_INSTRUMENTS = Intent(
    document_instruments,
    "document_instruments",
    lambda u: {"source": u.scope.documents[0], "kinds": list(u.filters.kinds)},
    _document_instruments_summary,
    shaping.cited_rows,
    examples=("松阳县方案引用了哪些法规",),
)


def document_measures(q: Question, g: Gazetteer) -> Understanding | None:
    """松阳县方案第二部分有哪些措施 (due in a period, if written): one document's measures."""
    documents = _named_documents(q)
    if not documents or slots.deadline_kind(q.rest):
        return None  # 松阳县方案中没有期限的措施: measures_by_deadline_kind, within the document
    section = slots.section(q.rest)
    if not section and not q.has("措施|任务|事项|工作|哪些|多少项|几项|多少条|几条"):
        return None
    scope = Scope(documents=(documents[0].documents[0].source,), section=section, period=slots.period(q.rest))
    return understood_as(q, "section_measures", subjects=(documents[0],), scope=scope)


def _document_params(u: Understanding) -> dict[str, Any]:
    return {"source": u.scope.documents[0], "section": u.scope.section}


def _document_measures_summary(u: Understanding, rows: list[Row]) -> str:
    section = u.scope.section
    return f"{subject_document(u)}{f' 第{section}部分' if section else ''} 有 {len(rows)} 项措施。"


DOCUMENT_MEASURES = Intent(
    document_measures,
    "section_measures",
    _document_params,
    _document_measures_summary,
    shaping.heading_rows,
    examples=("松阳县方案第二部分有哪些措施",),
)


def _named_documents(q: Question) -> list[Link]:
    """Documents the question names by themselves (not a unit's name), when it names no unit."""
    if q.linked("unit"):
        return []
    return [link for link in q.linked("document") if not link.units]


def instrument_documents(q: Question, g: Gazetteer) -> Understanding | None:
    links = q.linked("instrument")
    if not links or not q.has("文件|文档|哪些方案|哪些意见|哪些要点|哪些报告|哪些文|哪份|几份|哪几份"):
        return None
    return understood_as(q, "instrument_documents", subjects=tuple(links))


def _instrument_documents_summary(u: Understanding, rows: list[Row]) -> str:
    return f"{len({r['source'] for r in rows})} 份文件引用了《{'》《'.join(instrument_titles(u))}》。"


def instrument_measures(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    links = q.linked("instrument")
    if not links:
        return None
    scope = measure_scope(q, g, slots.period(q.rest))
    if isinstance(scope, Problem):
        return scope
    return understood_as(q, "instrument_measures", subjects=tuple(links), scope=scope)


def _instruments_params(u: Understanding) -> dict[str, Any]:
    return {"instruments": instrument_titles(u)}


INSTRUMENT_DOCUMENTS = Intent(
    instrument_documents,
    "instrument_documents",
    _instruments_params,
    _instrument_documents_summary,
    examples=("重大行政决策程序暂行条例被哪些文件引用",),
)


def _instrument_measures_summary(u: Understanding, rows: list[Row]) -> str:
    return f"{in_place(u)}{len({r['measure_id'] for r in rows})} 项措施引用了《{'》《'.join(instrument_titles(u))}》。"


def kind_measures(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """引用了法律的措施 / 哪些措施引用了地方性法规: measures citing any instrument of the kinds named."""
    if q.linked("instrument") or not q.has("引用|援引|依据") or not q.has("措施|任务|事项|哪些|哪几"):
        return None
    kinds = slots.instrument_kinds(q.rest)
    if not kinds:
        return None
    scope = measure_scope(q, g)
    if isinstance(scope, Problem):
        return scope
    return understood_as(q, "measures_citing_kinds", scope=scope, filters=Filters(kinds=kinds))


def _kind_measures_summary(u: Understanding, rows: list[Row]) -> str:
    measures = len({r["measure_id"] for r in rows})
    return f"{in_place(u)}引用了{'、'.join(u.filters.kinds)}的措施共 {measures} 项。"


KIND_MEASURES = Intent(
    kind_measures,
    "measures_citing_kinds",
    lambda u: {"kinds": list(u.filters.kinds), "sources": list(u.scope.documents)},
    _kind_measures_summary,
    shaping.cited_rows,
    examples=("引用了法律的措施有哪些",),
)


INSTRUMENT_MEASURES = Intent(
    instrument_measures,
    "instrument_measures",
    _instruments_params,
    _instrument_measures_summary,
    shaping.cited_rows,
    examples=("哪些措施引用了《重大行政决策程序暂行条例》",),
    offered_first=2,
)
