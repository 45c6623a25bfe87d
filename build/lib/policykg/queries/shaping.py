"""From a named query's rows to answer rows: the source sentence added, measure text dropped, rows in
document order (二/(一)/2 before 二/(一)/10), and the plan's document and period filters applied."""

from __future__ import annotations

from collections.abc import Callable

from policykg.graph.store import Row
from policykg.queries.intents import Plan
from policykg.queries.text import path_key, sentence_with, sentences

ROLE_ORDER = {"lead": 0, "participate": 1, "responsible": 2, "": 3}


def shape_rows(plan: Plan, raw: list[Row]) -> list[Row]:
    rows = [row for row in raw if _kept(plan, row)]
    shaper = SHAPERS.get(plan.shape)
    if shaper is not None:
        rows = shaper(rows)
    for row in rows:
        row.pop("text", None)  # the sentence is what answers; the whole text stays in the graph
    return rows[: plan.limit] if plan.limit else rows


def _kept(plan: Plan, row: Row) -> bool:
    if plan.sources and row.get("source") not in plan.sources:
        return False
    if plan.period and "deadline" in row:
        deadline = row.get("deadline") or ""
        return bool(deadline) and plan.period.date_from <= deadline <= plan.period.date_to
    return True


def _unit_measures(rows: list[Row]) -> list[Row]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in rows:
        key = (row["unit"], row["measure_id"], row["role"])
        if key in seen:  # the same unit written two ways in one clause (全县各部门, 各部门)
            continue
        seen.add(key)
        # The clause naming the unit closes the measure, after any mention of it in the body.
        row["sentence"] = sentence_with(row["text"], row["mention"], last=True)
        out.append(row)
    out.sort(key=lambda r: (r["jurisdiction"], r["unit"], r["source"], path_key(r["path"]), ROLE_ORDER[r["role"]]))
    return out


def _measure_units(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["sentence"] = sentence_with(row["text"], row["mention"], last=True)
    rows.sort(key=lambda r: (r["source"], path_key(r["path"]), r["measure_id"], ROLE_ORDER[r["role"]]))
    return rows


def _shared_measures(rows: list[Row]) -> list[Row]:
    for row in rows:
        both = [s for s in sentences(row["text"]) if row["mention_a"] in s and row["mention_b"] in s]
        row["sentence"] = both[-1] if both else sentence_with(row["text"], row["mention_a"], last=True)
        row["role"] = f"{row['role_a']}/{row['role_b']}"
    rows.sort(key=lambda r: (r["jurisdiction"], r["source"], path_key(r["path"]), r["measure_id"], r["unit_a"]))
    return rows


def _cited(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["sentence"] = sentence_with(row["text"], row["mention"], row["instrument"])
    rows.sort(key=lambda r: (r["instrument"], r["source"], path_key(r["path"]), r["measure_id"]))
    return rows


def _measures_due(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["sentence"] = sentence_with(row["text"], row["deadline_text"])
    rows.sort(key=lambda r: (r["deadline"], r["source"], path_key(r["path"]), r["measure_id"]))
    return rows


def _section_measures(rows: list[Row]) -> list[Row]:
    for row in rows:
        parts = sentences(row["text"])
        row["sentence"] = parts[0] if parts else ""  # the measure's number and heading
    rows.sort(key=lambda r: (r["source"], path_key(r["path"]), r["measure_id"]))
    return rows


SHAPERS: dict[str, Callable[[list[Row]], list[Row]]] = {
    "unit_measures": _unit_measures,
    "measure_units": _measure_units,
    "shared_measures": _shared_measures,
    "instrument_measures": _cited,
    "document_instruments": _cited,
    "measures_due": _measures_due,
    "section_measures": _section_measures,
}
