"""Chinese questions → a named query, answered with rows, the Cypher that ran and the source sentences.

    ask(store, "县司法局牵头哪些措施") -> {"question", "intent", "entities", "query", "cypher", "params",
                                          "rows", "message", "candidates", "groups", "total_rows", "complete",
                                          "understood", "understood_line"}

`understood` says how the question was read (queries.understood) and `understood_line` says it in one
line (理解为：宁远县司法局 · 牵头 · 全部文件), shown above the rows by the CLI and the explorer.

The question is folded, its names are linked against the graph (queries.gazetteer), and the rest is
read for roles, numbers and periods (queries.slots). The first intent rule that fits (queries.intents)
reads the question into an Understanding (queries.understanding); its plan, a named query, is built from it;
its parameters hold only names taken from the graph and normalised numbers and dates, so nothing the
user typed is pasted into Cypher. A name that links to nothing, or to several instruments or documents,
gives a message with the closest candidates instead of rows.

An answer of more than `max_rows` rows over several jurisdictions lists whole jurisdictions up to that
many rows, counts every one of them in `groups`, and says so (queries.paging); a listing of measures is
counted first and lists its first `max_rows` rows, its message giving the whole count. `complete` is False
then, and `max_rows=None` lists everything (up to the query's own limit, and says when that cut it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from policykg.graph.store import GraphStore, Row
from policykg.queries.catalog import prepared, read_rows
from policykg.queries.gazetteer import Gazetteer, fold, gazetteer_for
from policykg.queries.intents import read
from policykg.queries.paging import PAGE_ROWS, first_page, listing_message, listing_total, pageable, paged_message
from policykg.queries.plan import Plan, Problem
from policykg.queries.question import Question
from policykg.queries.shaping import shape_rows
from policykg.queries.understanding import Entity
from policykg.queries.understood import not_understood, understood, understood_line

Answer = dict[str, Any]


def ask(
    store: GraphStore, question: str, *, gazetteer: Gazetteer | None = None, max_rows: int | None = PAGE_ROWS
) -> Answer:
    """Answer one question. Pass `gazetteer` to reuse one across calls (the explorer caches it)."""
    names = gazetteer if gazetteer is not None else gazetteer_for(store)
    parsed = Question.parse(fold(question), names)
    answer: Answer = {
        "question": question,
        "intent": "unknown",
        "entities": [link.to_dict() for link in parsed.links],
        "query": "",
        "cypher": "",
        "params": {},
        "rows": [],
        "message": "",
        "candidates": [],
        "groups": [],
        "total_rows": 0,
        "complete": True,
    }
    intent, reading = read(parsed, names)
    if intent is None or isinstance(reading, Problem):
        assert isinstance(reading, Problem)
        answer["understood"] = not_understood(tuple(Entity.of(link) for link in parsed.links))
        answer["understood_line"] = understood_line(answer["understood"])
        answer.update(intent=reading.intent, message=reading.message, candidates=reading.candidates)
        return answer
    plan = intent.plan(reading)
    answer["understood"] = understood(reading, plan.query)
    answer["understood_line"] = understood_line(answer["understood"])
    page = first_page(store, plan, max_rows) if max_rows and pageable(plan) else None
    if page is not None:
        plan = page.narrowed(plan)
    total = listing_total(store, plan)
    if total is not None and max_rows and total > max_rows:
        plan = replace(plan, params={**plan.params, "limit": max_rows})
    cypher, params = prepared(store, plan.query, **plan.params)
    raw = read_rows(store, cypher, params)
    rows = shape_rows(plan, raw)
    cut = "limit" not in plan.params and _was_cut(raw, params)
    answer.update(
        intent=plan.intent,
        query=plan.query,
        cypher=cypher,
        params=params,
        rows=rows,
        groups=page.groups() if page else _groups(rows),
        total_rows=page.total_rows if page else len(rows) if total is None else total,
        complete=page is None and not cut and (total is None or len(raw) >= total),
    )
    if page is not None:
        answer["message"] = paged_message(plan, page, question) + " " + plan.describe(rows)
    elif total is not None:
        answer["message"] = listing_message(plan, total, len(raw))
    else:
        answer["message"] = plan.describe(rows) + (f" (只显示前 {params['limit']} 条)" if cut else "")
    return answer


def _was_cut(raw: list[Row], params: dict[str, Any]) -> bool:
    """Whether the query's default LIMIT cut a listing short (rankings ask for their top N, not cut)."""
    limit = params.get("limit")
    return isinstance(limit, int) and len(raw) >= limit


def _groups(rows: list[Row]) -> list[dict[str, Any]]:
    """Row counts per jurisdiction (and unit), for answers that span several jurisdictions."""
    if not rows or "jurisdiction" not in rows[0]:
        return []
    counts = Counter((row.get("jurisdiction", ""), row.get("unit", "")) for row in rows)
    return [{"jurisdiction": j, "unit": u, "rows": n} for (j, u), n in counts.items()]


__all__ = ["Answer", "Plan", "Problem", "ask"]
