"""Intents: each kind of question is one entry of INTENTS — the rule that reads the question into an
Understanding (queries.understanding), the catalog query its plan runs, the parameters that plan takes
from the understanding, the shaper of the query's rows (queries.shaping), the answer's summary, and
questions that show it. Rules are tried in order; the first that fits wins. A rule may instead give a
problem (an unknown or ambiguous name, with candidates).

Rules read the question's *rest* (queries.question), so words inside a name never look like question words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from policykg.core.vocabulary import ROLE_VERB_WORD
from policykg.graph.store import Row
from policykg.queries import shaping, slots
from policykg.queries.gazetteer import PLACEHOLDER, EntityType, Gazetteer, Link, fold
from policykg.queries.plan import Plan, Problem, Shaper
from policykg.queries.question import Question
from policykg.queries.scope import JurisdictionScope, jurisdiction_scope
from policykg.queries.understanding import Entity, Filters, Scope, Understanding

ROLE_ZH: dict[str, str] = {role: word for role, word in ROLE_VERB_WORD.items()}
_ASK_WORDS = re.compile(r"^(?:请问|请|帮我|麻烦)?(?:查询|查一下|查查|查|列出|显示|告诉我|看看|我想知道)?")
_ROLE_OR_TASK = re.compile(r"牵头|主办|参与|参加|配合|协办|协助|负责|承担|责任单位|措施|任务|工作")
# How many, not which: 哪几项 asks for the list, 几项 for the number.
_COUNT_WORDS = r"工作量|多少|(?<!哪)几项|(?<!哪)几个|(?<!哪)几条|数量|统计|负担|任务量|总数|分布"

Rule = Callable[[Question, Gazetteer], "Understanding | Problem | None"]
Params = Callable[[Understanding], dict[str, Any]]
Summary = Callable[[Understanding, list[Row]], str]


def _counted(u: Understanding, rows: list[Row]) -> str:
    return f"{len(rows)} 条结果。"


@dataclass(frozen=True)
class Intent:
    """One kind of question, all in one place: its rule, its query, its parameters, its shaper, its summary
    and its examples. An intent is added here, in INTENTS; tests check each example reaches its intent and
    answers, and the Ask page offers the examples (EXAMPLES)."""

    rule: Rule
    query: str = ""  # the catalog query (queries/catalog.py) its plans run; "" for a refusal
    params: Params | None = None
    summary: Summary = _counted
    shaper: Shaper | None = None  # None: the query's rows are the answer's
    counted_by: str = ""  # the counting query that pages an answer about units of several jurisdictions
    examples: tuple[str, ...] = ()
    offered_first: int = 0  # > 0: its first example is among the first the Ask page offers, in this order

    @property
    def name(self) -> str:
        return self.rule.__name__

    def plan(self, u: Understanding) -> Plan:
        """The plan that answers `u`: its query with parameters from `u`, and the scope and filters the
        parameters do not carry applied to the rows."""
        params = self.params(u) if self.params else {}
        jurisdictions = {unit.jurisdiction for entity in u.subjects for unit in entity.units}
        return Plan(
            u.intent,
            self.query,
            params,
            self.shaper,
            partial(self.summary, u),
            sources=() if "source" in params else u.scope.documents,
            period=None if "date_from" in params else u.scope.period,
            limit=0 if "limit" in params else u.filters.top,
            # A name in one jurisdiction is never paged: the answer lists at least one whole jurisdiction.
            counted_by=self.counted_by if len(jurisdictions) > 1 else "",
            subject=u.subject.written if u.subject else "",
        )


def read(question: Question, gazetteer: Gazetteer) -> tuple[Intent | None, Understanding | Problem]:
    """The question understood by the first intent that fits, or the problem that stops it."""
    found = first_fit(question, gazetteer)
    if found is not None:
        return found
    return None, Problem("unknown", "没有理解这个问题。可以这样问: " + " · ".join(EXAMPLES[:8]))


def plan_for(question: Question, gazetteer: Gazetteer) -> Plan | Problem:
    intent, understood = read(question, gazetteer)
    if isinstance(understood, Problem):
        return understood
    assert intent is not None  # an understanding comes from an intent
    return intent.plan(understood)


def first_fit(question: Question, gazetteer: Gazetteer) -> tuple[Intent, Understanding | Problem] | None:
    """The first intent whose rule fits the question, in INTENTS order, and what it gave."""
    for intent in INTENTS:
        found = intent.rule(question, gazetteer)
        if found is not None:
            return intent, found
    return None


def _understood(
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
        replace(filters or Filters(), count=q.has(_COUNT_WORDS)),
        tuple(by_link[id(link)] for link in subjects),
    )


def _words(roles: tuple[str, ...]) -> str:
    return "、".join(ROLE_ZH[r] for r in roles)


def _jurisdiction(scope: JurisdictionScope | None) -> Scope:
    return Scope(jurisdiction=Entity.jurisdiction(scope)) if scope else Scope()


def _in(u: Understanding) -> str:
    place = u.scope.jurisdiction
    return f"在{place.written}," if place else ""


# --- refusals: names the graph lacks or that fit several things -------------------------------------


def missing_unit(q: Question, g: Gazetteer) -> Problem | None:
    """A unit named with its place (宁远县司法局) that the graph does not hold: say so, never answer with the
    same kind of unit of another place."""
    for link in q.links:
        if link.missing:
            return _unknown(g, link.text, "unit", "图中没有单位")
    return None


def ambiguous_name(q: Question, g: Gazetteer) -> Problem | None:
    """A name that fits several instruments or documents: ask which one rather than guess."""
    for link in q.links:
        if link.units:
            continue
        if len(link.instruments) > 1 and not link.documents:
            titles = [i.title for i in link.instruments]
            return Problem("ambiguous", f"「{link.text}」可以指 {len(titles)} 部文件,请写出全称。", titles)
        if len(link.documents) > 1 and not link.instruments:
            names = [f"{d.title} ({d.source})" for d in link.documents]
            return Problem("ambiguous", f"「{link.text}」可以指 {len(names)} 份文件,请写出全称。", names)
    return None


def unknown_title(q: Question, g: Gazetteer) -> Problem | None:
    """《…》 in the question that names nothing in the graph."""
    for match in re.finditer(r"《([^《》]+)》", q.rest):
        if PLACEHOLDER not in match.group(1):
            title = match.group(1)
            return Problem(
                "unknown_instrument",
                f"图中没有文件引用《{title}》。相近的有:",
                g.candidates(title, "instrument") + g.candidates(title, "document"),
            )
    return None


# --- two units ---------------------------------------------------------------------------------------


def unit_path(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    units = q.linked("unit")
    if len(units) < 2 or not q.has("关系|联系|路径|关联|连接|怎么连"):
        return None
    a, b = units[0], units[1]
    if len(a.units) > 1 or len(b.units) > 1:
        many = a if len(a.units) > 1 else b
        return Problem("ambiguous", f"「{many.text}」指多个单位,请写出全称:", [u.name for u in many.units])
    return _understood(q, "shortest_path", subjects=(a, b))


def _path_params(u: Understanding) -> dict[str, Any]:
    a, b = u.subjects
    return {"unit_a": a.unit_names[0], "unit_b": b.unit_names[0]}


def _path_summary(u: Understanding, rows: list[Row]) -> str:
    a, b = (entity.unit_names[0] for entity in u.subjects)
    if not rows:
        return f"{a} 与 {b} 之间没有 8 步以内的联系。"
    return f"{a} 与 {b} 之间最短 {rows[0]['hops']} 步,共 {len(rows)} 条路径。"


def unit_partners(q: Question, g: Gazetteer) -> Understanding | None:
    """县政府办和哪些单位一起牵头: the units that hold measures with one unit, in the roles asked."""
    units = q.linked("unit")
    if len(units) != 1 or not q.has("(和|与|跟|同)(哪些|哪个|什么|哪几个)(单位|部门)"):
        return None
    if not q.has("一起|共同|联合|合作|同时|一同"):
        return None
    return _understood(q, "unit_partners", subjects=(units[0],), roles=q.roles or slots.ALL_ROLES)


def _partners_params(u: Understanding) -> dict[str, Any]:
    return {"units": _subject_units(u), "roles": list(u.roles)}


def _partners_summary(u: Understanding, rows: list[Row]) -> str:
    name, words = _subject_text(u), _words(u.roles)
    if not rows:
        return f"{name} 没有与其他单位一起{words}的措施。"
    top = max(rows, key=lambda row: row["measures"])
    return f"与{name}一起{words}措施最多的是 {top['partner']} ({top['measures']} 项),共 {len(rows)} 组单位。"


def shared(q: Question, g: Gazetteer) -> Understanding | None:
    """Measures two units share; each side's own role when the question gives one (A牵头且B参加)."""
    units = q.linked("unit")
    if len(units) < 2:
        return None
    a, b = units[0], units[1]
    roles_a, roles_b = _roles_after(q, a), _roles_after(q, b)
    if roles_a and roles_b and roles_a != roles_b:
        roles, second = roles_a, roles_b
    else:
        roles, second = q.roles or slots.ALL_ROLES, ()
    return _understood(
        q,
        "shared_measures",
        subjects=(a, b),
        roles=roles,
        scope=Scope(documents=_sources(q), period=slots.period(q.rest)),
        filters=Filters(second_roles=second),
    )


def _shared_params(u: Understanding) -> dict[str, Any]:
    a, b = u.subjects
    return {
        "units_a": a.unit_names,
        "units_b": b.unit_names,
        "roles": list(u.roles),
        "roles_b": list(u.filters.second_roles),
    }


def _shared_summary(u: Understanding, rows: list[Row]) -> str:
    a, b = u.subjects
    return f"{a.written} 与 {b.written} 共同承担 {len({r['measure_id'] for r in rows})} 项措施。"


def _roles_after(q: Question, link: Link) -> tuple[str, ...]:
    """The roles written right after a name, up to the next name: 牵头 in 县司法局牵头且县政府办参加."""
    following = [other.start for other in q.links if other.start >= link.end]
    return slots.roles(q.text[link.end : min(following, default=len(q.text))])


# --- rankings and sets of measures --------------------------------------------------------------------


def co_leading(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """哪些单位共同牵头的措施最多: pairs of units leading measures together (within a place, if written)."""
    if not _co_assigned_question(q) or q.roles != ("lead",):
        return None
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    top = slots.top_n(q.rest) or 20
    return _understood(q, "co_leading_units", roles=q.roles, scope=_jurisdiction(scope), filters=Filters(top=top))


def _co_leading_params(u: Understanding) -> dict[str, Any]:
    return {"limit": u.filters.top, "jurisdictions": list(u.scope.jurisdictions)}


def _co_leading_summary(u: Understanding, rows: list[Row]) -> str:
    return _in(u) + "共同牵头措施最多的单位组合: " + _first_pair(rows)


def co_assigned(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """哪些单位共同参加的措施最多: pairs of units sharing measures in the roles asked."""
    if not _co_assigned_question(q):
        return None
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    top = slots.top_n(q.rest) or 20
    return _understood(q, "co_assigned_units", roles=q.roles or slots.ALL_ROLES, filters=Filters(top=top))


def _co_assigned_question(q: Question) -> bool:
    return not q.linked("unit") and q.has("(共同|一起|联合|同时|合作)(牵头|负责|参与|参加|承担)")


def _co_assigned_summary(u: Understanding, rows: list[Row]) -> str:
    return "共同承担措施最多的单位组合: " + _first_pair(rows)


def measures_by_unit_count(q: Question, g: Gazetteer) -> Understanding | None:
    """没有牵头单位的措施, 牵头单位超过3个的措施 (and how many there are): measures by their number of units."""
    if q.linked("unit") or not q.has("措施|任务|事项|哪些|哪几|多少|几项"):
        return None
    bound = slots.unit_count(q.rest)
    if bound is None:
        return None
    return _understood(
        q,
        "measures_by_unit_count",
        roles=bound.roles,
        scope=Scope(documents=_sources(q)),
        filters=Filters(unit_count=bound),
    )


def _unit_count_params(u: Understanding) -> dict[str, Any]:
    bound = u.filters.unit_count
    assert bound is not None  # the rule gives one
    return {"roles": list(u.roles), "min_units": bound.least, "max_units": bound.most}


def _unit_count_summary(u: Understanding, rows: list[Row]) -> str:
    bound = u.filters.unit_count
    return f"{bound.text if bound else ''}的措施共 {len(rows)} 项。"


def busiest(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    if q.linked("unit") or not q.has("单位|部门|机关"):
        return None
    if not q.has(r"最多|最重|最忙|排名|排行|前\d+|前[一二三四五六七八九十]+|多少|数量"):
        return None
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    return _understood(
        q,
        "busiest_units",
        roles=q.roles or slots.ALL_ROLES,
        scope=_jurisdiction(scope),
        filters=Filters(top=slots.top_n(q.rest) or 20),
    )


def _busiest_params(u: Understanding) -> dict[str, Any]:
    return {"roles": list(u.roles), "limit": u.filters.top, "jurisdictions": list(u.scope.jurisdictions)}


def _busiest_summary(u: Understanding, rows: list[Row]) -> str:
    if not rows:
        return "没有找到措施。"
    return f"{_in(u)}{_words(u.roles)}措施最多的是 {rows[0]['unit']} ({rows[0]['measures']} 项)。"


def top_instruments(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    if q.linked("instrument") or not q.has("引用|援引|提到|依据"):
        return None
    if not q.has(r"最多|最频繁|最常|排名|排行|前\d+|前[一二三四五六七八九十]+|次数"):
        return None
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    filters = Filters(
        kinds=slots.instrument_kinds(q.rest),
        ranked_by="citations" if q.has("次数|次|处") else "documents",
        top=slots.top_n(q.rest) or 20,
    )
    return _understood(q, "top_instruments", scope=_jurisdiction(scope), filters=filters)


def _top_instruments_params(u: Understanding) -> dict[str, Any]:
    f = u.filters
    return {"kinds": list(f.kinds), "by": f.ranked_by, "limit": f.top, "jurisdictions": list(u.scope.jurisdictions)}


def _top_instruments_summary(u: Understanding, rows: list[Row]) -> str:
    if not rows:
        return "没有找到引用。"
    ranked = "按引用次数" if u.filters.ranked_by == "citations" else "按引用文件数"
    top = rows[0]
    return (
        f"{_in(u)}{ranked}排序,被引用最多的是《{top['instrument']}》({top['documents']} 份文件,{top['citations']} 处)。"
    )


def measure_units(q: Question, g: Gazetteer) -> Understanding | None:
    """Units of a measure named by its number (第22项, 第(57)项, 第二部分第(四)项) or by quoted words of
    its heading ("规范行政执法"那条措施); a number several documents use answers for each, grouped."""
    numbers = slots.measure_numbers(q.rest)
    heading = slots.quoted_heading(q.rest) if not numbers else ""
    if not numbers and not heading:
        return None
    documents = q.linked("document")
    source = documents[0].documents[0].source if documents else ""
    section = slots.section(q.rest) if numbers else ""
    if section and numbers[0].startswith("(") and not numbers[0][1:-1].isdigit():
        # 第二部分第(四)项: the second-level item (四) of 二 — a measure so numbered, or those under it
        section, numbers = f"{section}/{numbers[0]}", ()
    return _understood(
        q,
        "measure_units",
        roles=q.roles or slots.ALL_ROLES,
        scope=Scope(documents=(source,) if source else (), section=section),
        filters=Filters(numbers=numbers, heading=heading),
    )


def _measure_units_params(u: Understanding) -> dict[str, Any]:
    return {
        "numbers": list(u.filters.numbers),
        "section": u.scope.section,
        "heading": u.filters.heading,
        "source": u.scope.documents[0] if u.scope.documents else "",
        "roles": list(u.roles),
    }


def _measure_named(u: Understanding) -> str:
    """第二部分第(四)项 / 第22项 / 「规范行政执法」: the measure as the question named it."""
    section, numbers = u.scope.section, u.filters.numbers
    if "/" in section:
        top, item = section.split("/", 1)
        return f"第{top}部分第{item}项"
    named = f"第{numbers[0]}项" if numbers else f"「{u.filters.heading}」"
    return f"第{section}部分{named}" if section else named


def _measure_units_summary(u: Understanding, rows: list[Row], shown: int = 5) -> str:
    named = _measure_named(u)
    if not rows:
        return f"没有找到{named}措施的{_words(u.roles)}单位。"
    by_place: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        units = by_place.setdefault((row["source"], row["role"]), [])
        if row["unit"] not in units:  # a unit mentioned twice in one measure, or in several measures of a section
            units.append(row["unit"])
    parts = [
        f"{source} {ROLE_ZH[role]}: " + "、".join(units) for (source, role), units in list(by_place.items())[:shown]
    ]
    documents = len({source for source, _ in by_place})
    more = f"; … 共 {documents} 份文件有{named},可在问题中写出文件名" if len(by_place) > shown else ""
    return f"{named}措施: " + "; ".join(parts) + more + "。"


def similar(q: Question, g: Gazetteer) -> Understanding | None:
    if q.linked("unit") or not q.has("重复|相似|雷同|近似|类似") or slots.deadline_kind(q.rest):
        return None  # 期限按周期重复: a recurring deadline, not repeated measures
    return _understood(q, "similar_measures", filters=Filters(top=slots.top_n(q.rest) or 50))


def _similar_summary(u: Understanding, rows: list[Row]) -> str:
    if not rows:
        return f"{len(rows)} 对跨文件的相似措施 (先运行 policykg overlap 计算)。"
    return f"{len(rows)} 对跨文件的相似措施。"


# --- one document ------------------------------------------------------------------------------------


def document_instruments(q: Question, g: Gazetteer) -> Understanding | None:
    """松阳县方案引用了哪些法规: the instruments one document cites (of the kinds asked)."""
    documents = _named_documents(q)
    if not documents:
        return None
    instruments = [link for link in q.linked("instrument") if link is not documents[0]]
    if instruments or not q.has("引用|援引|依据|提到|法规|法律|条例|规章|规定|文件"):
        return None
    return _understood(
        q,
        "document_instruments",
        subjects=(documents[0],),
        scope=Scope(documents=(documents[0].documents[0].source,)),
        filters=Filters(kinds=slots.instrument_kinds(q.rest)),
    )


def _document_instruments_summary(u: Understanding, rows: list[Row]) -> str:
    kinds = "、".join(u.filters.kinds) or "法规文件"
    return f"{_subject_document(u)} 引用了 {len({r['instrument'] for r in rows})} 部{kinds}。"


def document_measures(q: Question, g: Gazetteer) -> Understanding | None:
    """松阳县方案第二部分有哪些措施 (due in a period, if written): one document's measures."""
    documents = _named_documents(q)
    if not documents or slots.deadline_kind(q.rest):
        return None  # 松阳县方案中没有期限的措施: measures_by_deadline_kind, within the document
    section = slots.section(q.rest)
    if not section and not q.has("措施|任务|事项|哪些"):
        return None
    scope = Scope(documents=(documents[0].documents[0].source,), section=section, period=slots.period(q.rest))
    return _understood(q, "section_measures", subjects=(documents[0],), scope=scope)


def _document_params(u: Understanding) -> dict[str, Any]:
    return {"source": u.scope.documents[0], "section": u.scope.section}


def _document_measures_summary(u: Understanding, rows: list[Row]) -> str:
    section = u.scope.section
    return f"{_subject_document(u)}{f' 第{section}部分' if section else ''} 有 {len(rows)} 项措施。"


def _named_documents(q: Question) -> list[Link]:
    """Documents the question names by themselves (not a unit's name), when it names no unit."""
    if q.linked("unit"):
        return []
    return [link for link in q.linked("document") if not link.units]


# --- instruments -------------------------------------------------------------------------------------


def instrument_documents(q: Question, g: Gazetteer) -> Understanding | None:
    links = q.linked("instrument")
    if not links or not q.has("文件|文档|哪些方案|哪些意见|哪些要点|哪些报告|哪些文|哪份|几份|哪几份"):
        return None
    return _understood(q, "instrument_documents", subjects=tuple(links))


def _instrument_documents_summary(u: Understanding, rows: list[Row]) -> str:
    return f"{len({r['source'] for r in rows})} 份文件引用了《{'》《'.join(_titles(u))}》。"


def instrument_measures(q: Question, g: Gazetteer) -> Understanding | None:
    links = q.linked("instrument")
    if not links:
        return None
    scope = Scope(documents=_sources(q), period=slots.period(q.rest))
    return _understood(q, "instrument_measures", subjects=tuple(links), scope=scope)


def _instruments_params(u: Understanding) -> dict[str, Any]:
    return {"instruments": _titles(u)}


def _instrument_measures_summary(u: Understanding, rows: list[Row]) -> str:
    return f"{len({r['measure_id'] for r in rows})} 项措施引用了《{'》《'.join(_titles(u))}》。"


# --- one unit ----------------------------------------------------------------------------------------


def workload(q: Question, g: Gazetteer) -> Understanding | None:
    units = q.linked("unit")
    if not units or not q.has(_COUNT_WORDS):
        return None
    return _understood(q, "unit_workload", subjects=(units[0],), scope=Scope(documents=_sources(q)))


def _units_params(u: Understanding) -> dict[str, Any]:
    return {"units": _subject_units(u)}


def _workload_summary(u: Understanding, rows: list[Row]) -> str:
    counts = "; ".join(
        f"{unit}: 牵头 {sum(r['lead'] for r in rows if r['unit'] == unit)} 项, "
        f"参加 {sum(r['participate'] for r in rows if r['unit'] == unit)} 项, "
        f"责任单位 {sum(r['responsible'] for r in rows if r['unit'] == unit)} 项"
        for unit in dict.fromkeys(r["unit"] for r in rows)
    )
    return counts or f"{_subject_text(u)} 没有承担措施。"


def unit_measures(q: Question, g: Gazetteer) -> Understanding | None:
    units = q.linked("unit")
    if not units:
        return None
    return _understood(
        q,
        "unit_measures",
        subjects=(units[0],),
        roles=q.roles or slots.ALL_ROLES,
        scope=Scope(documents=_sources(q), period=slots.period(q.rest)),
    )


def _unit_measures_params(u: Understanding) -> dict[str, Any]:
    return {"units": _subject_units(u), "roles": list(u.roles)}


def _unit_measures_summary(u: Understanding, rows: list[Row]) -> str:
    name, words = _subject_text(u), _words(u.roles)
    if not rows:
        return f"{name} 没有{words}的措施。"
    by_unit: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        by_unit.setdefault((row["jurisdiction"], row["unit"]), set()).add(row["measure_id"])
    parts = [f"{unit} {len(ids)} 项" for (_, unit), ids in by_unit.items()]
    grouped = " (按辖区分组)" if len({j for j, _ in by_unit}) > 1 else ""
    return f"{name} {words}的措施{grouped}: " + "; ".join(parts) + "。"


# --- deadlines ---------------------------------------------------------------------------------------


def measures_without_deadline(q: Question, g: Gazetteer) -> Understanding | None:
    """没有期限的措施: answered with each measure's heading, there being no deadline phrase to show."""
    return _deadline_kind(q, ("none",))


def measures_by_deadline_kind(q: Question, g: Gazetteer) -> Understanding | None:
    """有期限的措施 / 每年定期的期限 (a dated period is measures_due's)."""
    return _deadline_kind(q, ("any", "recurring"))


def _deadline_kind(q: Question, kinds: tuple[slots.DeadlineCondition, ...]) -> Understanding | None:
    if q.linked("unit") or q.linked("instrument") or slots.period(q.rest):
        return None
    kind = slots.deadline_kind(q.rest)
    if kind not in kinds:
        return None
    filters = Filters(deadline=kind)
    return _understood(q, "measures_by_deadline_kind", scope=Scope(documents=_sources(q)), filters=filters)


def _deadline_kind_params(u: Understanding) -> dict[str, Any]:
    return {"kind": u.filters.deadline}


_DEADLINE_SAID = {"any": "有期限", "recurring": "期限按周期重复 (每年、每季度…)", "none": "没有期限"}


def _deadline_kind_summary(u: Understanding, rows: list[Row]) -> str:
    return f"{_DEADLINE_SAID[u.filters.deadline]}的措施共 {len(rows)} 项。"


_DOCUMENT_WORD = "(?:实施方案|方案|要点|计划|报告|实施意见|意见|安排|分工)"  # how a question names a document's kind
# A year followed by a document's kind word names a document (2022年要点), not a deadline period.
_DATED_DOCUMENT = re.compile(rf"\d{{4}}年度?的?(?:法治政府建设)?(?:工作)?{_DOCUMENT_WORD}")


def measures_due(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    period = slots.period(q.rest)
    if period is None:
        return None
    named = _DATED_DOCUMENT.search(q.rest)
    if named:  # a document the graph would have linked, had it held one
        return _unknown(g, named.group(0), "document", "没有找到文件")
    return _understood(q, "measures_due", scope=Scope(period=period))


def _due_params(u: Understanding) -> dict[str, Any]:
    period = u.scope.period
    assert period is not None  # the rule gives one
    return {"date_from": period.date_from, "date_to": period.date_to}


def _due_summary(u: Understanding, rows: list[Row]) -> str:
    period = u.scope.period
    assert period is not None
    return f"{len(rows)} 项措施的期限在 {period.text} (即 {period.date_from} 至 {period.date_to})。"


# --- names that link to nothing ----------------------------------------------------------------------


def unknown_name(q: Question, g: Gazetteer) -> Problem | None:
    """The question has the shape of a known form but its name links to nothing: say so, with candidates."""
    rest = _ASK_WORDS.sub("", q.rest)
    cited = re.match(r"^(.+?)(?:被|由)(?:哪些|哪个|什么|几)", rest)
    if cited and PLACEHOLDER not in cited.group(1) and "引用" in rest:
        return _unknown(g, cited.group(1), "instrument", "没有找到被引用的文件")
    citing = re.search(r"引用(?:了|过)?(.+?)(?:的(?:措施|文件|任务)|$)", rest)
    if citing and PLACEHOLDER not in citing.group(1) and not re.search("哪些|什么|最多", citing.group(1)):
        return _unknown(g, citing.group(1), "instrument", "没有找到被引用的文件")
    document = re.match(r"^(.+?)(?:引用|援引)", rest)
    if document and PLACEHOLDER not in document.group(1) and not re.search("哪些|哪个|什么", document.group(1)):
        return _unknown(g, document.group(1), "document", "没有找到文件")
    named = re.match(rf"^(.+?{_DOCUMENT_WORD})(?:的|中|里)?(?:有哪些|有什么|有多少|共有|一共)", rest)
    if named and PLACEHOLDER not in named.group(1):  # 隆德县方案有哪些措施: a document, not a unit
        return _unknown(g, named.group(1), "document", "没有找到文件")
    unit = re.match(r"^(.+?)(?:的|都|还|共|要)?(?:牵头|主办|参与|参加|配合|协办|负责|承担|有哪些|有什么)", rest)
    if unit and PLACEHOLDER not in unit.group(1) and not re.search("哪些|哪个|什么|谁|第", unit.group(1)):
        return _unknown(g, unit.group(1), "unit", "没有找到单位")
    if _ROLE_OR_TASK.search(rest) and not q.links and re.search("[局委办院部府室]", rest):
        return _unknown(g, rest, "unit", "没有找到问题中的单位")
    return None


# Tried in this order; the first whose rule fits wins. Problems (names the graph lacks or that fit several
# things) come first, so no answer is built on a wrong name.
INTENTS: tuple[Intent, ...] = (
    Intent(missing_unit, examples=("宁远县司法局牵头哪些措施",)),
    Intent(ambiguous_name),
    Intent(unknown_title, examples=("哪些措施引用了《行政复议法》",)),
    Intent(
        unit_path,
        "shortest_path",
        _path_params,
        _path_summary,
        examples=("遂昌县司法局和遂昌县财政局有什么关系",),
    ),
    Intent(
        unit_partners,
        "unit_partners_in_roles",
        _partners_params,
        _partners_summary,
        shaping.partner_rows,
        examples=("县政府办和哪些单位一起牵头",),
    ),
    Intent(
        shared,
        "shared_measures",
        _shared_params,
        _shared_summary,
        shaping.shared_measure_rows,
        counted_by="shared_measure_counts",
        examples=("县司法局和县政府办有哪些共同措施", "县司法局牵头且县政府办参加的措施"),
        offered_first=3,
    ),
    Intent(
        measure_units,
        "measure_units",
        _measure_units_params,
        _measure_units_summary,
        shaping.measure_unit_rows,
        examples=("第22项措施由谁牵头", "松阳县方案第(13)项由谁牵头", "“规范行政裁量权基准”那条措施由谁牵头"),
    ),
    Intent(
        co_leading,
        "co_leading_units",
        _co_leading_params,
        _co_leading_summary,
        examples=("哪些单位共同牵头的措施最多",),
        offered_first=4,
    ),
    Intent(
        co_assigned,
        "co_assigned_units",
        lambda u: {"roles": list(u.roles)},
        _co_assigned_summary,
        examples=("哪些单位共同参加的措施最多",),
    ),
    Intent(
        measures_by_unit_count,
        "measures_by_unit_count",
        _unit_count_params,
        _unit_count_summary,
        shaping.heading_rows,
        examples=("没有牵头单位的措施", "牵头单位超过1个的措施有多少"),
    ),
    Intent(
        busiest,
        "busiest_units",
        _busiest_params,
        _busiest_summary,
        examples=("哪些单位牵头的措施最多", "遂昌县哪个单位牵头最多"),
    ),
    Intent(
        top_instruments,
        "top_instruments",
        _top_instruments_params,
        _top_instruments_summary,
        examples=("哪些法规被引用最多", "哪些法律被引用次数最多"),
        offered_first=5,
    ),
    Intent(
        similar,
        "similar_measures",
        lambda u: {"min_score": 0.0, "limit": u.filters.top},
        _similar_summary,
        examples=("哪些措施内容重复",),
    ),
    Intent(
        document_instruments,
        "document_instruments",
        lambda u: {"source": u.scope.documents[0], "kinds": list(u.filters.kinds)},
        _document_instruments_summary,
        shaping.cited_rows,
        examples=("松阳县方案引用了哪些法规",),
    ),
    Intent(
        document_measures,
        "section_measures",
        _document_params,
        _document_measures_summary,
        shaping.heading_rows,
        examples=("松阳县方案第二部分有哪些措施",),
    ),
    Intent(
        instrument_documents,
        "instrument_documents",
        _instruments_params,
        _instrument_documents_summary,
        examples=("重大行政决策程序暂行条例被哪些文件引用",),
    ),
    Intent(
        instrument_measures,
        "instrument_measures",
        _instruments_params,
        _instrument_measures_summary,
        shaping.cited_rows,
        examples=("哪些措施引用了《重大行政决策程序暂行条例》",),
        offered_first=2,
    ),
    Intent(workload, "unit_workload", _units_params, _workload_summary, examples=("县司法局的工作量",)),
    Intent(
        unit_measures,
        "unit_measures",
        _unit_measures_params,
        _unit_measures_summary,
        shaping.unit_measure_rows,
        counted_by="unit_measure_counts",
        examples=("县司法局牵头哪些措施", "遂昌县政府办负责哪些措施"),
        offered_first=1,
    ),
    Intent(
        measures_without_deadline,
        "measures_by_deadline_kind",
        _deadline_kind_params,
        _deadline_kind_summary,
        shaping.heading_rows,  # no deadline phrase to show: the measure's heading
        examples=("哪些措施没有期限",),
    ),
    Intent(
        measures_by_deadline_kind,
        "measures_by_deadline_kind",
        _deadline_kind_params,
        _deadline_kind_summary,
        shaping.due_rows,
        examples=("哪些措施有期限", "每年定期完成的期限有哪些"),
    ),
    Intent(
        measures_due,
        "measures_due",
        _due_params,
        _due_summary,
        shaping.due_rows,
        examples=("哪些措施2026年底前完成",),
        offered_first=6,
    ),
    Intent(unknown_name, examples=("县财政厅牵头哪些措施",)),
)
# The questions that show what can be asked: the main forms first, then the rest in INTENTS order;
# questions that only show a refusal (an intent without a query) are not offered.
_OFFERED = sorted(
    (intent for intent in INTENTS if intent.examples and intent.query),
    key=lambda intent: intent.offered_first or len(INTENTS),
)
EXAMPLES: tuple[str, ...] = tuple(intent.examples[0] for intent in _OFFERED)


# --- helpers ----------------------------------------------------------------------------------------


def _unknown(g: Gazetteer, text: str, entity_type: EntityType, what: str) -> Problem:
    name = fold(text).strip("《》「」\"'“”的")
    candidates = g.candidates(name, entity_type)
    if not candidates and entity_type == "document":  # users pick from the documents there are
        candidates = g.candidates(name, entity_type, cutoff=0)
    hint = " 相近的有: " + "、".join(candidates) if candidates else ""
    return Problem(f"unknown_{entity_type}", f"{what}「{name}」。{hint}".strip(), candidates)


def _unknown_place(g: Gazetteer, scope: JurisdictionScope) -> Problem:
    held = sorted(g.jurisdictions)
    return Problem("unknown_jurisdiction", f"图中没有「{scope.place}」的单位或文件。图中的辖区有:", held[:20])


def _subject_units(u: Understanding) -> list[str]:
    return u.subject.unit_names if u.subject else []


def _subject_text(u: Understanding) -> str:
    return u.subject.written if u.subject else ""


def _subject_document(u: Understanding) -> str:
    return u.subject.documents[0].title if u.subject else ""


def _titles(u: Understanding) -> list[str]:
    return list(dict.fromkeys(i.title for entity in u.subjects for i in entity.instruments))


def _sources(q: Question) -> tuple[str, ...]:
    return tuple(d.source for link in q.linked("document") if not link.units for d in link.documents)


def _first_pair(rows: list[Row]) -> str:
    if not rows:
        return "没有。"
    return f"{rows[0]['unit_a']} 与 {rows[0]['unit_b']} ({rows[0]['measures']} 项)。"


__all__ = ["EXAMPLES", "INTENTS", "Intent", "Plan", "Problem", "Question", "first_fit", "plan_for", "read"]
