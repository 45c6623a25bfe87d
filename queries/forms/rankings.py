"""Rankings and pairs: the busiest units, units that co-lead, the most cited instruments, similar measures."""

from __future__ import annotations

from typing import Any

from policykg.graph.store import Row
from policykg.queries import slots
from policykg.queries.gazetteer import Gazetteer
from policykg.queries.intent import (
    Intent,
    first_pair,
    in_place,
    jurisdiction_of,
    measure_scope,
    role_words,
    understood_as,
    unknown_place,
)
from policykg.queries.plan import Problem
from policykg.queries.question import Question
from policykg.queries.understanding import Filters, Understanding


def co_leading(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """哪些单位共同牵头的措施最多: pairs of units leading measures together (within a place, if written)."""
    if not _co_assigned_question(q) or q.roles != ("lead",):
        return None
    scope = q.place
    if scope and not scope.jurisdictions:
        return unknown_place(g, scope)
    top = slots.top_n(q.rest) or 20
    return understood_as(q, "co_leading_units", roles=q.roles, scope=jurisdiction_of(scope), filters=Filters(top=top))


def _top_pairs_params(u: Understanding) -> dict[str, Any]:
    return {"limit": u.filters.top, "jurisdictions": list(u.scope.jurisdictions)}


def _co_leading_summary(u: Understanding, rows: list[Row]) -> str:
    return in_place(u) + "共同牵头措施最多的单位组合: " + first_pair(rows)


CO_LEADING = Intent(
    co_leading,
    "co_leading_units",
    _top_pairs_params,
    _co_leading_summary,
    examples=("哪些单位共同牵头的措施最多",),
    offered_first=4,
)


def co_assigned(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    """哪些单位共同参加的措施最多: pairs of units sharing measures in the roles asked."""
    if not _co_assigned_question(q):
        return None
    scope = q.place
    if scope and not scope.jurisdictions:
        return unknown_place(g, scope)
    top = slots.top_n(q.rest) or 20
    roles = q.roles or slots.ALL_ROLES
    return understood_as(q, "co_assigned_units", roles=roles, scope=jurisdiction_of(scope), filters=Filters(top=top))


def _co_assigned_question(q: Question) -> bool:
    return not q.linked("unit") and q.has("(共同|一起|联合|同时|合作)(牵头|负责|参与|参加|承担)")


def _co_assigned_summary(u: Understanding, rows: list[Row]) -> str:
    held = "承担" if u.roles == slots.ALL_ROLES else role_words(u.roles)
    return in_place(u) + f"共同{held}措施最多的单位组合: " + first_pair(rows)


CO_ASSIGNED = Intent(
    co_assigned,
    "co_assigned_units",
    lambda u: {"roles": list(u.roles), **_top_pairs_params(u)},
    _co_assigned_summary,
    examples=("哪些单位共同参加的措施最多",),
)


def busiest(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    if q.linked("unit") or not q.has("单位|部门|机关"):
        return None
    if not q.has(r"最多|最重|最忙|排名|排行|前\d+|前[一二三四五六七八九十]+|多少|数量"):
        return None
    scope = q.place
    if scope and not scope.jurisdictions:
        return unknown_place(g, scope)
    return understood_as(
        q,
        "busiest_units",
        roles=q.roles or slots.ALL_ROLES,
        scope=jurisdiction_of(scope),
        filters=Filters(top=slots.top_n(q.rest) or 20),
    )


def _busiest_params(u: Understanding) -> dict[str, Any]:
    return {"roles": list(u.roles), "limit": u.filters.top, "jurisdictions": list(u.scope.jurisdictions)}


def _busiest_summary(u: Understanding, rows: list[Row]) -> str:
    if not rows:
        return "没有找到措施。"
    return f"{in_place(u)}{role_words(u.roles)}措施最多的是 {rows[0]['unit']} ({rows[0]['measures']} 项)。"


BUSIEST = Intent(
    busiest,
    "busiest_units",
    _busiest_params,
    _busiest_summary,
    examples=("哪些单位牵头的措施最多", "遂昌县哪个单位牵头最多"),
)


def top_instruments(q: Question, g: Gazetteer) -> Understanding | Problem | None:
    if q.linked("instrument") or not q.has("引用|援引|提到|依据"):
        return None
    if not q.has(r"最多|最频繁|最常|排名|排行|前\d+|前[一二三四五六七八九十]+|次数"):
        return None
    scope = measure_scope(q, g)  # a place: its documents' citations
    if isinstance(scope, Problem):
        return scope
    filters = Filters(
        kinds=slots.instrument_kinds(q.rest),
        ranked_by="citations" if q.has("次数|次|处") else "documents",
        top=slots.top_n(q.rest) or 20,
    )
    return understood_as(q, "top_instruments", scope=scope, filters=filters)


def _top_instruments_params(u: Understanding) -> dict[str, Any]:
    f = u.filters
    return {"kinds": list(f.kinds), "by": f.ranked_by, "limit": f.top, "sources": list(u.scope.documents)}


def _top_instruments_summary(u: Understanding, rows: list[Row]) -> str:
    if not rows:
        return "没有找到引用。"
    ranked = "按引用次数" if u.filters.ranked_by == "citations" else "按引用文件数"
    top = rows[0]
    counts = f"{top['documents']} 份文件,{top['citations']} 处"
    return f"{in_place(u)}{ranked}排序,被引用最多的是《{top['instrument']}》({counts})。"


TOP_INSTRUMENTS = Intent(
    top_instruments,
    "top_instruments",
    _top_instruments_params,
    _top_instruments_summary,
    examples=("哪些法规被引用最多", "哪些法律被引用次数最多"),
    offered_first=5,
)


def similar(q: Question, g: Gazetteer) -> Understanding | None:
    if q.linked("unit") or not q.has("重复|相似|雷同|近似|类似") or slots.deadline_kind(q.rest):
        return None  # 期限按周期重复: a recurring deadline, not repeated measures
    return understood_as(q, "similar_measures", filters=Filters(top=slots.top_n(q.rest) or 50))


def _similar_summary(u: Understanding, rows: list[Row]) -> str:
    if not rows:
        return f"{len(rows)} 对跨文件的相似措施 (先运行 policykg overlap 计算)。"
    return f"{len(rows)} 对跨文件的相似措施。"


SIMILAR = Intent(
    similar,
    "similar_measures",
    lambda u: {"min_score": 0.0, "limit": u.filters.top},
    _similar_summary,
    examples=("哪些措施内容重复",),
)
