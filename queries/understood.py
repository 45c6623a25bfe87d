"""How a question was understood, said back to the user in one line above the answer:
理解为：宁远县司法局 · 牵头 · 全部文件 — so a misunderstanding (a wrong unit, a dropped role, the whole graph
instead of one county) shows at once.

Built from what the plan will actually run: the linked names as written and what they were linked to, the
roles, scope and filters in the plan's parameters, and the named query.
"""

from __future__ import annotations

from typing import Any

from policykg.core.vocabulary import ROLE_VERB_WORD, ROLES
from policykg.queries.gazetteer import Link
from policykg.queries.intents import Plan, Problem, Question

SHOWN_NAMES = 3  # a link to more names than this is said as 县司法局→5 个


def understanding(question: Question, plan: Plan | Problem) -> dict[str, Any]:
    """{"entities": [{"written", "type", "linked", "missing"}], "roles", "scope", "filters", "query"}."""
    entities = [_entity(link) for link in question.links]
    if isinstance(plan, Problem):
        return {"entities": entities, "roles": "", "scope": "", "filters": [], "query": ""}
    params = plan.params
    return {
        "entities": entities,
        "roles": _roles(params.get("roles")) + (" / " + _roles(params["roles_b"]) if params.get("roles_b") else ""),
        "scope": _scope(question, plan),
        "filters": _filters(plan),
        "query": plan.query,
    }


def understood_line(understood: dict[str, Any]) -> str:
    """理解为：宁远县司法局 · 牵头 · 全部文件 (· 2022年 · 第22项 …)."""
    parts = [_said(entity) for entity in understood["entities"]]
    parts += [understood["roles"], understood["scope"], *understood["filters"]]
    shown = [part for part in parts if part]
    return "理解为：" + " · ".join(shown) if shown else ""


def _entity(link: Link) -> dict[str, Any]:
    linked = [u.name for u in link.units] + [i.title for i in link.instruments] + [d.title for d in link.documents]
    kind = link.types[0] if link.types else "unit"  # a missing unit links to nothing
    return {"written": link.text, "type": kind, "linked": linked, "missing": link.missing}


def _said(entity: dict[str, Any]) -> str:
    linked, written = entity["linked"], entity["written"]
    if entity["missing"]:
        return f"{written}(图中没有)"
    if linked == [written]:
        return written
    if len(linked) > SHOWN_NAMES:
        return f"{written}→{len(linked)} 个"
    return f"{written}→" + "、".join(linked)


def _roles(roles: Any) -> str:
    if not roles:
        return ""
    if set(roles) >= set(ROLES):
        return "全部角色"
    return "、".join(ROLE_VERB_WORD[role] for role in ROLES if role in roles)


def _scope(question: Question, plan: Plan) -> str:
    params = plan.params
    if params.get("jurisdictions"):
        return "辖区 " + "、".join(params["jurisdictions"])
    sources = set(plan.sources) | ({params["source"]} if params.get("source") else set())
    if not sources:
        return "全部文件"
    named = {d.source for link in question.links for d in link.documents}
    if sources <= named:
        return ""  # the linked document the line already shows is the scope
    return "文件 " + "、".join(sorted(sources))


def _filters(plan: Plan) -> list[str]:
    params = plan.params
    filters = []
    if plan.period:
        filters.append(f"期限 {plan.period.date_from} 至 {plan.period.date_to}")
    elif params.get("date_from") and params.get("date_to"):
        filters.append(f"期限 {params['date_from']} 至 {params['date_to']}")
    if params.get("section"):
        section = params["section"]
        filters.append(f"位置 {section}" if "/" in section else f"第{section}部分")
    if params.get("numbers"):
        filters.append("第" + "/".join(params["numbers"]) + "项")
    if params.get("heading"):
        filters.append(f"标题含「{params['heading']}」")
    if params.get("kinds"):
        filters.append("类别 " + "、".join(params["kinds"]))
    if "min_units" in params:
        least, most = params["min_units"], params["max_units"]
        filters.append(f"单位数 {least}–{most}" if most < 1_000_000 else f"单位数 ≥ {least}")
    if params.get("kind") in ("any", "recurring", "none"):
        filters.append({"any": "有期限", "recurring": "周期性期限", "none": "没有期限"}[params["kind"]])
    if params.get("by") == "citations":
        filters.append("按引用次数")
    return filters
