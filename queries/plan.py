"""What an answer runs: a plan (a named catalog query, its parameters, the shaper of its rows and the
filters applied after it) or a problem (an unknown or ambiguous name, with candidates). Plans are built
from a question's Understanding by its intent (queries.intents)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policykg.graph.store import Row
from policykg.queries.slots import Period

Shaper = Callable[[list[Row]], list[Row]]  # a query's rows → answer rows (queries.shaping)


@dataclass
class Plan:
    intent: str
    query: str
    params: dict[str, Any]
    shaper: Shaper | None = None  # None: the query's rows are the answer's
    summary: Callable[[list[Row]], str] = field(default=lambda rows: f"{len(rows)} 条结果。")
    sources: tuple[str, ...] = ()  # keep only rows of these documents (a document named with a unit)
    period: Period | None = None  # keep only measures due in this period
    limit: int = 0  # keep only the first rows (queries without a LIMIT parameter)
    # A named query counting this answer's rows per jurisdiction and unit (and partner) from the same
    # parameters: an answer over many jurisdictions then lists the first ones only (queries.paging).
    counted_by: str = ""
    subject: str = ""  # the name the question asked about, as written
    # A listing of measures, one row each, is counted before it is read (queries.paging.listing_total):
    # its summary says the count, though only the first page of rows is listed. None: not a listing.
    count_summary: Callable[[int], str] | None = None

    def describe(self, rows: list[Row]) -> str:
        text = self.summary(rows)
        if self.period:
            text += f" (到期时间 {self.period.date_from} 至 {self.period.date_to})"
        return text


@dataclass
class Problem:
    intent: str
    message: str
    candidates: list[str] = field(default_factory=list)
