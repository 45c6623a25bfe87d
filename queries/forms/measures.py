"""Measures by number, heading, number of units and deadline."""

from __future__ import annotations

import re
from typing import Any

from policykg.graph.store import Row
from policykg.queries import shaping, slots
from policykg.queries.gazetteer import Gazetteer
from policykg.queries.intent import (
    DOCUMENT_WORD,
    ROLE_ZH,
    Intent,
    in_place,
    measure_scope,
    role_words,
    understood_as,
    unknown,
)
from policykg.queries.plan import Problem
from policykg.queries.question import Question
from policykg.queries.understanding import Filters, Scope, Understanding


def measures_by_unit_count(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """没有牵头单位的措施, 牵头单位超过3个的措施 (and how many there are): measures by their number of units."""
    if q.linked("unit") or not q.has("措施|任务|事项|哪些|哪几|多少|几项"):
        return None
    bound = slots.unit_count(q.rest)
    if bound is None:
        return None
    scope = measure_scope(q, g)
    if isinstance(scope, Problem):
        return scope
    return understood_as(q, "measures_by_unit_count", roles=bound.roles, scope=scope, filters=Filters(unit_count=bound))


def _unit_count_params(u: Understanding) -> dict[str, Any]:
    bound = u.filters.unit_count
    assert bound is not None  # the rule gives one
    return {
        "roles": list(u.roles),
        "min_units": bound.least,
        "max_units": bound.most,
        "sources": list(u.scope.documents),
    }


def _unit_count_summary(u: Understanding, total: int) -> str:
    bound = u.filters.unit_count
    return f"{in_place(u)}{bound.text if bound else ''}的措施共 {total} 项。"


MEASURES_BY_UNIT_COUNT = Intent(
    measures_by_unit_count,
    "measures_by_unit_count",
    _unit_count_params,
    shaper=shaping.heading_rows,
    listing=_unit_count_summary,
    examples=("没有牵头单位的措施", "牵头单位超过1个的措施有多少"),
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
    return understood_as(
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
        return f"没有找到{named}措施的{role_words(u.roles)}单位。"
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


MEASURE_UNITS = Intent(
    measure_units,
    "measure_units",
    _measure_units_params,
    _measure_units_summary,
    shaping.measure_unit_rows,
    examples=("第22项措施由谁牵头", "松阳县方案第(13)项由谁牵头", "“规范行政裁量权基准”那条措施由谁牵头"),
)


def measures_without_deadline(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """没有期限的措施: answered with each measure's heading, there being no deadline phrase to show."""
    return _deadline_kind(q, g, ("none",))


def measures_by_deadline_kind(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """有期限的措施 / 每年定期的期限 (a dated period is measures_due's)."""
    return _deadline_kind(q, g, ("any", "recurring"))


def _deadline_kind(
    q: Question, g: Gazetteer, kinds: tuple[slots.DeadlineCondition, ...]
) -> Understanding | Problem | None:
    if q.linked("unit") or q.linked("instrument") or slots.period(q.rest):
        return None
    kind = slots.deadline_kind(q.rest)
    if kind not in kinds:
        return None
    scope = measure_scope(q, g)
    if isinstance(scope, Problem):
        return scope
    return understood_as(q, "measures_by_deadline_kind", scope=scope, filters=Filters(deadline=kind))


def _deadline_kind_params(u: Understanding) -> dict[str, Any]:
    return {"kind": u.filters.deadline, "sources": list(u.scope.documents)}


_DEADLINE_SAID = {"any": "有期限", "recurring": "期限按周期重复 (每年、每季度…)", "none": "没有期限"}


def _deadline_kind_summary(u: Understanding, total: int) -> str:
    return f"{in_place(u)}{_DEADLINE_SAID[u.filters.deadline]}的措施共 {total} 项。"


MEASURES_WITHOUT_DEADLINE = Intent(
    measures_without_deadline,
    "measures_by_deadline_kind",
    _deadline_kind_params,
    shaper=shaping.heading_rows,  # no deadline phrase to show: the measure's heading
    listing=_deadline_kind_summary,
    examples=("哪些措施没有期限",),
)


MEASURES_BY_DEADLINE_KIND = Intent(
    measures_by_deadline_kind,
    "measures_by_deadline_kind",
    _deadline_kind_params,
    shaper=shaping.due_rows,
    listing=_deadline_kind_summary,
    examples=("哪些措施有期限", "每年定期完成的期限有哪些"),
)


# A year followed by a document's kind word names a document (2022年要点), not a deadline period.
_DATED_DOCUMENT = re.compile(rf"\d{{4}}年度?的?(?:法治政府建设)?(?:工作)?{DOCUMENT_WORD}")


def measures_due(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    period = slots.period(q.rest)
    if period is None:
        return None
    named = _DATED_DOCUMENT.search(q.rest)
    if named:  # a document the graph would have linked, had it held one
        return unknown(g, named.group(0), "document", "没有找到文件")
    scope = measure_scope(q, g, period)
    if isinstance(scope, Problem):
        return scope
    return understood_as(q, "measures_due", scope=scope)


def _due_params(u: Understanding) -> dict[str, Any]:
    period = u.scope.period
    assert period is not None  # the rule gives one
    return {"date_from": period.date_from, "date_to": period.date_to, "sources": list(u.scope.documents)}


def _due_summary(u: Understanding, total: int) -> str:
    period = u.scope.period
    assert period is not None
    return f"{in_place(u)}{total} 项措施的期限在 {period.text} (即 {period.date_from} 至 {period.date_to})。"


MEASURES_DUE = Intent(
    measures_due,
    "measures_due",
    _due_params,
    shaper=shaping.due_rows,
    listing=_due_summary,
    examples=("哪些措施2026年底前完成",),
    offered_first=6,
)
