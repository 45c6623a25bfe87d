"""Long answers: count every row first, then read a page of them.

Listings of measures (有期限的措施, 没有牵头单位的措施 …) are counted by their own query's match
(queries.catalog.counting) and read up to a page: at 10,000 documents 「哪些措施有期限」 is 31,250
measures, counted in 3 ms, where reading 10,000 of them with their texts took half a second.

Answers that span many jurisdictions are counted per unit and list the rows of the first jurisdictions only.

In a store of many counties a short name such as 县司法局 links to every county's 司法局: at 10,000
documents 「县司法局牵头哪些措施」 is 36,409 rows in 172 jurisdictions. Reading them all with their texts
takes about 0.4 s and no one reads them on a screen; counting them per unit takes about 23 ms. The answer
then gives the count of every jurisdiction and lists whole jurisdictions, in order, up to a page of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from policykg.graph.store import GraphStore, Row
from policykg.queries.catalog import counting, named_query, prepared
from policykg.queries.intents import Plan

PAGE_ROWS = 500  # rows an answer lists before it is paged by jurisdiction
PAGED_PARAMS = ("units", "units_a", "units_b")  # the parameters of unit names a page narrows


@dataclass(frozen=True)
class UnitCount:
    jurisdiction: str
    unit: str
    partner: str  # the other unit, for answers about two units; "" otherwise
    rows: int  # answer rows: one per measure and role (or pair of roles)


@dataclass(frozen=True)
class Page:
    counts: tuple[UnitCount, ...]  # every unit (or pair) of the answer, in jurisdiction order
    listed_jurisdictions: tuple[str, ...]  # the first jurisdictions, whose rows are listed

    @property
    def total_rows(self) -> int:
        return sum(c.rows for c in self.counts)

    @property
    def listed(self) -> list[UnitCount]:
        return [c for c in self.counts if c.jurisdiction in self.listed_jurisdictions]

    @property
    def listed_rows(self) -> int:
        return sum(c.rows for c in self.listed)

    @property
    def jurisdictions(self) -> list[str]:
        return list(dict.fromkeys(c.jurisdiction for c in self.counts))

    def narrowed(self, plan: Plan) -> Plan:
        """The plan with each list of unit names cut to the units of the listed jurisdictions' rows.
        A row's jurisdiction is its (first) unit's, so every row of those jurisdictions is still read."""
        names = {c.unit for c in self.listed} | {c.partner for c in self.listed if c.partner}
        params = dict(plan.params)
        for key in PAGED_PARAMS:
            if key in params:
                params[key] = [name for name in params[key] if name in names]
        return replace(plan, params=params)

    def groups(self) -> list[dict[str, Any]]:
        return [
            {
                "jurisdiction": c.jurisdiction,
                "unit": c.unit,
                **({"partner": c.partner} if c.partner else {}),
                "rows": c.rows,
            }
            for c in self.counts
        ]


def listing_total(store: GraphStore, plan: Plan) -> int | None:
    """How many rows a listing of measures has in all; None when the plan is no listing, or leaves a
    filter to apply to its rows afterwards (the count would not be the answer's)."""
    if plan.count_summary is None or plan.sources or plan.period is not None or plan.limit:
        return None
    cypher, params = counting(store, plan.query, **plan.params)
    return int(store.read(cypher, params)[0]["total"])


def listing_message(plan: Plan, total: int, listed: int) -> str:
    """The listing's summary by its whole count, and which of its rows are listed when not all."""
    assert plan.count_summary is not None  # listing_total counted it
    text = plan.count_summary(total)
    if listed < total:
        text += f" 这里列出前 {listed} 项; 在问题中写出文件 (如「某县方案中…」) 可只看一个文件。"
    return text


def pageable(plan: Plan) -> bool:
    """Counts answer for the whole answer only when no filter is left to apply to its rows afterwards."""
    return bool(plan.counted_by) and not plan.sources and plan.period is None


def first_page(store: GraphStore, plan: Plan, max_rows: int) -> Page | None:
    """The page to list when the answer has more than `max_rows` rows; None when it all fits."""
    wanted = {p.name for p in named_query(plan.counted_by).params}
    cypher, params = prepared(store, plan.counted_by, **{k: v for k, v in plan.params.items() if k in wanted})
    counts = _unit_counts(store.read(cypher, params))
    if sum(c.rows for c in counts) <= max_rows:
        return None
    rows_by_jurisdiction: dict[str, int] = {}
    for count in counts:
        rows_by_jurisdiction[count.jurisdiction] = rows_by_jurisdiction.get(count.jurisdiction, 0) + count.rows
    listed: list[str] = []
    room = max_rows
    for jurisdiction, size in rows_by_jurisdiction.items():
        if listed and size > room:
            break
        listed.append(jurisdiction)
        room -= size
    return Page(tuple(counts), tuple(listed))


def paged_message(plan: Plan, page: Page, question: str) -> str:
    """Say how large the whole answer is, what is listed, and how to ask for one jurisdiction."""
    shown = page.listed_jurisdictions
    text = (
        f"共 {page.total_rows} 条, 分布在 {len(page.jurisdictions)} 个辖区的 {len(page.counts)} 个单位 "
        f"(各单位条数见按辖区分组)。这里列出前 {len(shown)} 个辖区的 {page.listed_rows} 条"
    )
    if plan.subject and plan.subject in question:
        example = question.replace(plan.subject, page.counts[-1].unit, 1)
        text += f"; 写出单位全称可只看一个辖区, 如「{example}」"
    return text + "。"


def _unit_counts(rows: list[Row]) -> list[UnitCount]:
    totals: dict[tuple[str, str, str], int] = {}
    for row in rows:  # one row per unit (or pair) and role
        key = (row.get("jurisdiction") or "", row["unit"], row.get("partner") or "")
        totals[key] = totals.get(key, 0) + int(row["measures"])
    return [UnitCount(j, u, p, n) for (j, u, p), n in sorted(totals.items())]
