"""Questions about one unit or two: its measures and workload, two units' shared measures, a unit's
partners, the path between two units."""

from __future__ import annotations

from typing import Any

from policykg.core.vocabulary import ROLES
from policykg.graph.store import Row
from policykg.queries import shaping, slots
from policykg.queries.gazetteer import Gazetteer, Link
from policykg.queries.intent import (
    COUNT_WORDS,
    Intent,
    named_sources,
    role_words,
    subject_text,
    subject_units,
    understood_as,
)
from policykg.queries.plan import Problem
from policykg.queries.question import Question
from policykg.queries.understanding import Filters, Scope, Understanding


def unit_path(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    units = q.linked("unit")
    if len(units) < 2 or not q.has("关系|联系|路径|关联|连接|怎么连"):
        return None
    a, b = units[0], units[1]
    if len(a.units) > 1 or len(b.units) > 1:
        many = a if len(a.units) > 1 else b
        return Problem("ambiguous", f"「{many.text}」指多个单位,请写出全称:", [u.name for u in many.units])
    return understood_as(q, "shortest_path", subjects=(a, b))


def _path_params(u: Understanding) -> dict[str, Any]:
    a, b = u.subjects
    return {"unit_a": a.unit_names[0], "unit_b": b.unit_names[0]}


def _path_summary(u: Understanding, rows: list[Row]) -> str:
    a, b = (entity.unit_names[0] for entity in u.subjects)
    if not rows:
        return f"{a} 与 {b} 之间没有 8 步以内的联系。"
    return f"{a} 与 {b} 之间最短 {rows[0]['hops']} 步,共 {len(rows)} 条路径。"


UNIT_PATH = Intent(
    unit_path,
    "shortest_path",
    _path_params,
    _path_summary,
    examples=("遂昌县司法局和遂昌县财政局有什么关系",),
)


def unit_partners(q: Question, g: Gazetteer) -> Understanding | None:
    """县政府办和哪些单位一起牵头: the units that hold measures with one unit, in the roles asked."""
    units = q.linked("unit")
    if len(units) != 1 or not q.has("(和|与|跟|同)(哪些|哪个|什么|哪几个)(单位|部门)"):
        return None
    if not q.has("一起|共同|联合|合作|同时|一同"):
        return None
    return understood_as(q, "unit_partners", subjects=(units[0],), roles=q.roles or slots.ALL_ROLES)


def _partners_params(u: Understanding) -> dict[str, Any]:
    return {"units": subject_units(u), "roles": list(u.roles)}


def _partners_summary(u: Understanding, rows: list[Row]) -> str:
    name, words = subject_text(u), role_words(u.roles)
    if not rows:
        return f"{name} 没有与其他单位一起{words}的措施。"
    top = max(rows, key=lambda row: row["measures"])
    return f"与{name}一起{words}措施最多的是 {top['partner']} ({top['measures']} 项),共 {len(rows)} 组单位。"


UNIT_PARTNERS = Intent(
    unit_partners,
    "unit_partners_in_roles",
    _partners_params,
    _partners_summary,
    shaping.partner_rows,
    examples=("县政府办和哪些单位一起牵头",),
)


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
    return understood_as(
        q,
        "shared_measures",
        subjects=(a, b),
        roles=roles,
        scope=Scope(documents=named_sources(q), period=slots.period(q.rest)),
        filters=Filters(second_roles=second),
    )


def _shared_params(u: Understanding) -> dict[str, Any]:
    a, b = u.subjects
    return {
        "units_a": a.unit_names,
        "units_b": b.unit_names,
        "roles": list(u.roles),
        "roles_b": list(u.filters.second_roles or u.roles),
    }


def _shared_summary(u: Understanding, rows: list[Row]) -> str:
    a, b = u.subjects
    return f"{a.written} 与 {b.written} 共同承担 {len({r['measure_id'] for r in rows})} 项措施。"


SHARED = Intent(
    shared,
    "shared_measures",
    _shared_params,
    _shared_summary,
    shaping.shared_measure_rows,
    counted_by="shared_measure_counts",
    examples=("县司法局和县政府办有哪些共同措施", "县司法局牵头且县政府办参加的措施"),
    offered_first=3,
)


def _roles_after(q: Question, link: Link) -> tuple[str, ...]:
    """The roles written right after a name, up to the next name: 牵头 in 县司法局牵头且县政府办参加."""
    following = [other.start for other in q.links if other.start >= link.end]
    return slots.roles(q.text[link.end : min(following, default=len(q.text))])


def workload(q: Question, g: Gazetteer) -> Understanding | None:
    units = q.linked("unit")
    if not units or not q.has(COUNT_WORDS):
        return None
    scope = Scope(documents=named_sources(q))
    return understood_as(q, "unit_workload", subjects=(units[0],), roles=q.roles, scope=scope)


def _units_params(u: Understanding) -> dict[str, Any]:
    return {"units": subject_units(u)}


def _workload_summary(u: Understanding, rows: list[Row]) -> str:
    totals: dict[str, list[int]] = {}  # unit -> [lead, participate, responsible], in the rows' order
    for r in rows:
        held = totals.setdefault(r["unit"], [0, 0, 0])
        held[0] += r["lead"]
        held[1] += r["participate"]
        held[2] += r["responsible"]
    counts = "; ".join(_workload_line(unit, held, u.roles) for unit, held in totals.items())
    return counts or f"{subject_text(u)} 没有承担措施。"


def _workload_line(unit: str, held: list[int], asked: tuple[str, ...]) -> str:
    """石门县司法局: 牵头 10 项, 参加 7 项, 责任单位 5 项, the roles the question asked first (牵头 10 项 (另…))."""
    said = {role: f"{word} {n} 项" for role, word, n in zip(ROLES, ("牵头", "参加", "责任单位"), held, strict=True)}
    first = [said[role] for role in ROLES if role in asked]
    if not first or len(first) == len(said):
        return f"{unit}: " + ", ".join(said.values())
    others = [text for role, text in said.items() if role not in asked]
    return f"{unit}: " + ", ".join(first) + " (另" + ", ".join(others) + ")"


WORKLOAD = Intent(workload, "unit_workload", _units_params, _workload_summary, examples=("县司法局的工作量",))


def unit_measures(q: Question, g: Gazetteer) -> Understanding | None:
    units = q.linked("unit")
    if not units:
        return None
    return understood_as(
        q,
        "unit_measures",
        subjects=(units[0],),
        roles=q.roles or slots.ALL_ROLES,
        scope=Scope(documents=named_sources(q), period=slots.period(q.rest)),
    )


def _unit_measures_params(u: Understanding) -> dict[str, Any]:
    return {"units": subject_units(u), "roles": list(u.roles)}


def _unit_measures_summary(u: Understanding, rows: list[Row]) -> str:
    name, words = subject_text(u), role_words(u.roles)
    if not rows:
        return f"{name} 没有{words}的措施。"
    by_unit: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        by_unit.setdefault((row["jurisdiction"], row["unit"]), set()).add(row["measure_id"])
    parts = [f"{unit} {len(ids)} 项" for (_, unit), ids in by_unit.items()]
    grouped = " (按辖区分组)" if len({j for j, _ in by_unit}) > 1 else ""
    return f"{name} {words}的措施{grouped}: " + "; ".join(parts) + "。"


UNIT_MEASURES = Intent(
    unit_measures,
    "unit_measures",
    _unit_measures_params,
    _unit_measures_summary,
    shaping.unit_measure_rows,
    counted_by="unit_measure_counts",
    examples=("县司法局牵头哪些措施", "遂昌县政府办负责哪些措施"),
    offered_first=1,
)
