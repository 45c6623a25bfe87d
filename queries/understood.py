"""How a question was understood, said back to the user in one line above the answer:
理解为：宁远县司法局 · 牵头 · 全部文件 — so a misunderstanding (a wrong unit, a dropped role, the whole graph
instead of one county) shows at once.

Read from the question's Understanding (queries.understanding), the value its plan was built from: the
linked names as written and what they were linked to, the roles, the scope, the filters and the query.
"""

from __future__ import annotations

from typing import Any

from policykg.core.vocabulary import ROLE_VERB_WORD, ROLES
from policykg.queries.understanding import Entity, Understanding

SHOWN_NAMES = 3  # a link to more names than this is said as 县司法局→5 个
_DEADLINES = {"any": "有期限", "recurring": "周期性期限", "none": "没有期限"}


def understood(reading: Understanding, query: str) -> dict[str, Any]:
    """{"entities": [{"written", "type", "linked", "missing"}], "roles", "scope", "filters", "query"}."""
    roles = _roles(reading.roles)
    if reading.filters.second_roles:
        roles += " / " + _roles(reading.filters.second_roles)
    return {
        "entities": entities(reading.entities),
        "roles": roles,
        "scope": _scope(reading),
        "filters": _filters(reading),
        "query": query,
    }


def not_understood(linked: tuple[Entity, ...]) -> dict[str, Any]:
    """A question stopped by a problem: only its linked names (a missing one says so)."""
    return {"entities": entities(linked), "roles": "", "scope": "", "filters": [], "query": ""}


def understood_line(understood: dict[str, Any]) -> str:
    """理解为：宁远县司法局 · 牵头 · 全部文件 (· 2022年 · 第22项 …)."""
    parts = [_said(entity) for entity in understood["entities"]]
    parts += [understood["roles"], understood["scope"], *understood["filters"]]
    shown = [part for part in parts if part]
    return "理解为：" + " · ".join(shown) if shown else ""


def entities(linked: tuple[Entity, ...]) -> list[dict[str, Any]]:
    return [{"written": e.written, "type": e.kind, "linked": list(e.linked), "missing": e.missing} for e in linked]


def _said(entity: dict[str, Any]) -> str:
    linked, written = entity["linked"], entity["written"]
    if entity["missing"]:
        return f"{written}(图中没有)"
    if linked == [written]:
        return written
    if len(linked) > SHOWN_NAMES:
        return f"{written}→{len(linked)} 个"
    return f"{written}→" + "、".join(linked)


def _roles(roles: tuple[str, ...]) -> str:
    if not roles:
        return ""
    if set(roles) >= set(ROLES):
        return "全部角色"
    return "、".join(ROLE_VERB_WORD[role] for role in ROLES if role in roles)


def _scope(reading: Understanding) -> str:
    scope = reading.scope
    if scope.jurisdictions:
        return "辖区 " + "、".join(scope.jurisdictions)
    if not scope.documents:
        return "全部文件"
    named = {d.source for entity in reading.documents for d in entity.documents}
    if set(scope.documents) <= named:
        return ""  # the linked document the line already shows is the scope
    return "文件 " + "、".join(sorted(scope.documents))


def _filters(reading: Understanding) -> list[str]:
    scope, f = reading.scope, reading.filters
    filters = []
    if scope.period:
        filters.append(f"期限 {scope.period.date_from} 至 {scope.period.date_to}")
    if scope.section:
        filters.append(f"位置 {scope.section}" if "/" in scope.section else f"第{scope.section}部分")
    if f.numbers:
        filters.append("第" + "/".join(f.numbers) + "项")
    if f.heading:
        filters.append(f"标题含「{f.heading}」")
    if f.kinds:
        filters.append("类别 " + "、".join(f.kinds))
    if f.unit_count:
        least, most = f.unit_count.least, f.unit_count.most
        filters.append(f"单位数 {least}–{most}" if most < 1_000_000 else f"单位数 ≥ {least}")
    if f.deadline:
        filters.append(_DEADLINES[f.deadline])
    if f.ranked_by == "citations":
        filters.append("按引用次数")
    return filters
