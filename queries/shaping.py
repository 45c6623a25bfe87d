"""From a named query's rows to answer rows: the source sentence added, measure text dropped, rows in
document order (二/(一)/2 before 二/(一)/10), and the plan's document and period filters applied. Each
intent names its shaper here in its INTENTS entry (queries.intents); a plan without one keeps the rows.

The sentence is the one that holds the mention's stored span (span_start/span_end are offsets into the
document's text, measure_start where the row's text starts in it): the sentence the extractor read, even
where the same name is written again elsewhere in the measure."""

from __future__ import annotations

from policykg.graph.store import Row
from policykg.queries.plan import Plan
from policykg.queries.text import first_sentence, path_key, sentence_at

ROLE_ORDER = {"lead": 0, "participate": 1, "responsible": 2, "": 3}


def shape_rows(plan: Plan, raw: list[Row]) -> list[Row]:
    rows = _first_written_form([row for row in raw if _kept(plan, row)], plan.params.get("numbers"))
    if plan.shaper is not None:
        rows = plan.shaper(rows)
    for row in rows:
        for helper in _HELPERS:  # the sentence is what answers; the whole text stays in the graph
            row.pop(helper, None)
    return rows[: plan.limit] if plan.limit else rows


def _first_written_form(rows: list[Row], numbers: list[str] | None) -> list[Row]:
    """第(2)项 asks for items numbered (2) where the graph has such items, and for items 2. only where it has
    none (a document numbering 57. is asked about as 第(57)项): the rows of the first form present."""
    if not numbers or len(numbers) < 2:
        return rows
    for form in numbers:
        matching = [row for row in rows if row.get("number") == form]
        if matching:
            return matching
    return rows


# Columns a shaper reads to find the sentence; the mentions' own spans stay in the answer.
_HELPERS = ("text", "measure_start", "deadline_starts", "deadline_ends", "text_document", "text_fingerprint")


def _sentence(row: Row, start: int | None, end: int | None) -> str:
    """The sentence of the row's text holding the document span [start, end); "" without a span."""
    if start is None or end is None:
        return ""
    offset = row.get("measure_start") or 0
    return sentence_at(row.get("text") or "", start - offset, end - offset)


def _kept(plan: Plan, row: Row) -> bool:
    if plan.sources and row.get("source") not in plan.sources:
        return False
    if plan.period and "deadline" in row:
        deadline = row.get("deadline") or ""
        return bool(deadline) and plan.period.date_from <= deadline <= plan.period.date_to
    return True


def unit_measure_rows(rows: list[Row]) -> list[Row]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in rows:
        key = (row["unit"], row["measure_id"], row["role"])
        if key in seen:  # the same unit written two ways in one clause (全县各部门, 各部门)
            continue
        seen.add(key)
        row["sentence"] = _sentence(row, row["span_start"], row["span_end"])
        out.append(row)
    out.sort(key=lambda r: (r["jurisdiction"], r["unit"], r["source"], path_key(r["path"]), ROLE_ORDER[r["role"]]))
    return out


def measure_unit_rows(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["sentence"] = _sentence(row, row["span_start"], row["span_end"])
    rows.sort(key=lambda r: (r["source"], path_key(r["path"]), r["measure_id"], ROLE_ORDER[r["role"]]))
    return rows


def shared_measure_rows(rows: list[Row]) -> list[Row]:
    for row in rows:
        first = _sentence(row, row["span_start_a"], row["span_end_a"])
        second = _sentence(row, row["span_start_b"], row["span_end_b"])
        # Mostly one clause names both; two clauses (牵头… / 配合…) give both sentences, in text order.
        ordered = [first, second] if row["span_start_a"] <= row["span_start_b"] else [second, first]
        row["sentence"] = first if first == second else " … ".join(s for s in ordered if s)
        row["role"] = f"{row['role_a']}/{row['role_b']}"
    rows.sort(key=lambda r: (r["jurisdiction"], r["source"], path_key(r["path"]), r["measure_id"], r["unit_a"]))
    return rows


def cited_rows(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["sentence"] = _sentence(row, row["span_start"], row["span_end"])
    rows.sort(key=lambda r: (r["instrument"], r["source"], path_key(r["path"]), r["measure_id"]))
    return rows


def due_rows(rows: list[Row]) -> list[Row]:
    for row in rows:
        span = _deadline_span(row)
        row["span_start"], row["span_end"] = span if span else (None, None)
        row["sentence"] = _sentence(row, *span) if span else ""
    return rows  # in the query's order: a listing's first page is its first rows


def _deadline_span(row: Row) -> tuple[int, int] | None:
    """The stored span of the measure's deadline (deadline_text): the first of its deadline spans that
    reads that phrase, else its first one (a phrase the cleaning normalised, such as full-width digits)."""
    offset = row.get("measure_start") or 0
    text = row.get("text") or ""
    spans = list(zip(row.get("deadline_starts") or [], row.get("deadline_ends") or [], strict=False))
    for start, end in spans:
        if text[start - offset : end - offset] == row["deadline_text"]:
            return start, end
    return spans[0] if spans else None


def heading_rows(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["sentence"] = first_sentence(row["text"])  # the measure's number and heading
    return rows  # in the query's order (document order): a listing's first page is its first rows


def partner_rows(rows: list[Row]) -> list[Row]:
    """One row per unit and partner: the measures they share and where (document and path), most first."""
    grouped: dict[tuple[str, str, str], Row] = {}
    for row in sorted(rows, key=lambda r: (r["source"], path_key(r["path"]))):  # document order
        key = (row["jurisdiction"], row["unit"], row["partner"])
        into = grouped.setdefault(key, {"jurisdiction": key[0], "unit": key[1], "partner": key[2], "found_in": []})
        into["found_in"].append(f"{row['source']} {row['path']}")
    out = list(grouped.values())
    for row in out:
        row["measures"] = len(row["found_in"])
    out.sort(key=lambda r: (r["jurisdiction"], r["unit"], -r["measures"], r["partner"]))
    return out
