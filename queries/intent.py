"""One intent: the entry type of queries.intents.INTENTS and what the question forms (queries.forms) share
— the value a rule gives (an Understanding with every linked name as an entity), role words, scope and
problem helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from policykg.core.vocabulary import ROLE_VERB_WORD
from policykg.graph.store import Row
from policykg.queries.gazetteer import EntityType, Gazetteer, Link, fold
from policykg.queries.plan import Plan, Problem, Shaper
from policykg.queries.question import Question
from policykg.queries.scope import JurisdictionScope
from policykg.queries.slots import Period
from policykg.queries.understanding import Entity, Filters, Scope, Understanding

ROLE_ZH: dict[str, str] = {role: word for role, word in ROLE_VERB_WORD.items()}
# How many, not which: 哪几项 asks for the list, 几项 for the number.
COUNT_WORDS = r"工作量|多少|(?<!哪)几项|(?<!哪)几个|(?<!哪)几条|数量|统计|负担|任务量|总数|分布"
DOCUMENT_WORD = "(?:实施方案|方案|要点|计划|报告|实施意见|意见|安排|分工)"  # how a question names a document's kind

Rule = Callable[[Question, Gazetteer], "Understanding | Problem | None"]
Params = Callable[[Understanding], dict[str, Any]]
Summary = Callable[[Understanding, list[Row]], str]
CountSummary = Callable[[Understanding, int], str]  # a listing's summary, from its number of rows


def counted(u: Understanding, rows: list[Row]) -> str:
    return f"{len(rows)} 条结果。"


@dataclass(frozen=True)
class Intent:
    """One kind of question, all in one place: its rule, its query, its parameters, its shaper, its summary
    and its examples. An intent is added here, in INTENTS; tests check each example reaches its intent and
    answers, and the Ask page offers the examples (EXAMPLES)."""

    rule: Rule
    query: str = ""  # the catalog query (queries/catalog.py) its plans run; "" for a refusal
    params: Params | None = None
    summary: Summary = counted
    shaper: Shaper | None = None  # None: the query's rows are the answer's
    counted_by: str = ""  # the counting query that pages an answer about units of several jurisdictions
    # For a listing of measures (one row each, every filter in its query): its summary from the number of
    # rows, which ask counts first, so that a long listing is read a page at a time and still says its size.
    listing: CountSummary | None = None
    examples: tuple[str, ...] = ()
    offered_first: int = 0  # > 0: its first example is among the first the Ask page offers, in this order

    @property
    def name(self) -> str:
        return self.rule.__name__

    def plan(self, u: Understanding) -> Plan:
        """The plan that answers `u`: its query with parameters from `u`, and the scope and filters the
        parameters do not carry applied to the rows."""
        params = self.params(u) if self.params else {}
        count_summary = partial(self.listing, u) if self.listing is not None else None
        jurisdictions = {unit.jurisdiction for entity in u.subjects for unit in entity.units}
        return Plan(
            u.intent,
            self.query,
            params,
            self.shaper,
            partial(self.summary, u) if count_summary is None else _of_rows(count_summary),
            sources=() if "source" in params or "sources" in params else u.scope.documents,
            period=None if "date_from" in params else u.scope.period,
            limit=0 if "limit" in params else u.filters.top,
            # A name in one jurisdiction is never paged: the answer lists at least one whole jurisdiction.
            counted_by=self.counted_by if len(jurisdictions) > 1 else "",
            subject=u.subject.written if u.subject else "",
            count_summary=count_summary,
        )


def _of_rows(count_summary: Callable[[int], str]) -> Callable[[list[Row]], str]:
    """A listing's summary of the rows it was given (all of them: the listing was not paged)."""
    return lambda rows: count_summary(len(rows))


def understood_as(
    q: Question,
    intent: str,
    *,
    subjects: tuple[Link, ...] = (),
    roles: tuple[str, ...] = (),
    scope: Scope | None = None,
    filters: Filters | None = None,
) -> Understanding:
    """The value a rule gives: every linked name as an entity, the subjects among them."""
    entities = tuple(Entity.of(link) for link in q.links)
    by_link = {id(link): entity for link, entity in zip(q.links, entities, strict=True)}
    return Understanding(
        intent,
        entities,
        roles,
        scope or Scope(),
        replace(filters or Filters(), count=q.has(COUNT_WORDS)),
        tuple(by_link[id(link)] for link in subjects),
    )


def role_words(roles: tuple[str, ...]) -> str:
    return "、".join(ROLE_ZH[r] for r in roles)


def jurisdiction_of(scope: JurisdictionScope | None) -> Scope:
    return Scope(jurisdiction=Entity.jurisdiction(scope)) if scope else Scope()


def in_place(u: Understanding) -> str:
    place = u.scope.jurisdiction
    return f"在{place.written}," if place else ""


def unknown(g: Gazetteer, text: str, entity_type: EntityType, what: str) -> Problem:
    name = fold(text).strip("《》「」\"'“”的")
    candidates = g.candidates(name, entity_type)
    if not candidates and entity_type == "document":  # users pick from the documents there are
        candidates = g.candidates(name, entity_type, cutoff=0)
    hint = " 相近的有: " + "、".join(candidates) if candidates else ""
    return Problem(f"unknown_{entity_type}", f"{what}「{name}」。{hint}".strip(), candidates)


def unknown_place(g: Gazetteer, scope: JurisdictionScope) -> Problem:
    held = sorted(g.jurisdictions)
    return Problem("unknown_jurisdiction", f"图中没有「{scope.place}」的单位或文件。图中的辖区有:", held[:20])


def subject_units(u: Understanding) -> list[str]:
    return u.subject.unit_names if u.subject else []


def subject_text(u: Understanding) -> str:
    return u.subject.written if u.subject else ""


def subject_document(u: Understanding) -> str:
    return u.subject.documents[0].title if u.subject else ""


def instrument_titles(u: Understanding) -> list[str]:
    return list(dict.fromkeys(i.title for entity in u.subjects for i in entity.instruments))


def named_sources(q: Question) -> tuple[str, ...]:
    return tuple(d.source for link in q.linked("document") if not link.units for d in link.documents)


def measure_scope(q: Question, g: Gazetteer, period: Period | None = None) -> Scope | Problem:
    """Where a listing of measures looks: the documents named; else every document of the place named
    (石门县有期限的措施: both of 石门县's documents, never every document); else everywhere."""
    named = named_sources(q)
    place = None if named else q.place
    if place is None:
        return Scope(documents=named, period=period)
    sources = sorted({s for j in place.jurisdictions for s in g.sources_by_jurisdiction.get(j, ())})
    if not sources:
        held = sorted(g.sources_by_jurisdiction)
        return Problem("unknown_jurisdiction", f"图中没有「{place.place}」的文件。图中有文件的辖区有:", held[:20])
    return Scope(jurisdiction=Entity.jurisdiction(place), documents=tuple(sources), period=period)


def first_pair(rows: list[Row]) -> str:
    if not rows:
        return "没有。"
    return f"{rows[0]['unit_a']} 与 {rows[0]['unit_b']} ({rows[0]['measures']} 项)。"
