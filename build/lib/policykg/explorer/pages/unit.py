"""Unit page: pick a unit (type any of its names: the list holds each unit's aliases as written), see its
workload, its measures by role and document, and the units it shares work with."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import streamlit as st

from policykg.explorer import connection, named, network, tables
from policykg.explorer.subgraph import induced
from policykg.graph import ids
from policykg.graph.store import Row
from policykg.queries.catalog import run_named

ROLES = ("lead", "participate", "responsible")
ROLE_NAMES = {"lead": "Leads 牵头", "participate": "Participates 参加", "responsible": "Responsible 责任"}
PICKER_SIZE = 200  # units the picker lists: the busiest, or the busiest matching what was typed
SHOWN_MEASURES = 1000  # rows of the measures table on the page


def _unit_choices(text: str) -> dict[str, str]:
    """Unit name -> the label the picker shows and searches (name, kind and the names the documents wrote for
    it), for the busiest PICKER_SIZE units whose name or written name contains `text` ("" for any)."""
    found = named.run("unit_search", text=text, limit=PICKER_SIZE)
    if not found:
        return {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in named.run("unit_mentions", units=[r["unit"] for r in found]):
        if row["mention"] and row["mention"] != row["unit"]:
            aliases[row["unit"]].add(row["mention"])
    return {
        r["unit"]: " · ".join(part for part in (r["unit"], r["kind"], "/".join(sorted(aliases[r["unit"]]))) if part)
        for r in found
    }


def render() -> None:
    st.title("Unit")
    text = st.text_input(
        "Find a unit",
        key="unit-find",
        placeholder="part of a name, or of a name the documents wrote (县政府办, 司法局)",
    ).strip()
    choices = _unit_choices(text)
    if not choices:
        st.info(
            f"No unit holding a measure is called “{text}”." if text else "No unit holds a measure in this store yet."
        )
        return
    unit = st.selectbox(
        "Unit",
        list(choices),
        format_func=choices.__getitem__,
        key="unit-choice",
        help=f"The {PICKER_SIZE} busiest units (matching what was typed above), each with the names the documents "
        "wrote for it.",
    )
    workload = named.run("unit_workload", units=[unit])
    columns = st.columns(4)
    for column, role in zip(columns, ROLES, strict=False):
        column.metric(ROLE_NAMES[role], sum(r[role] for r in workload))
    columns[3].metric("Documents", len({r["source"] for r in workload}))

    measures_tab, partners_tab, workload_tab, graph_tab = st.tabs(
        ["Measures", "Shares work with", "Workload by document", "Graph"], key="unit-tab", on_change="rerun"
    )
    if measures_tab.open:  # tabs render lazily: only the open one runs
        with measures_tab:
            _measures(unit, workload)
    if partners_tab.open:
        with partners_tab:
            _partners(unit)
    if workload_tab.open:
        with workload_tab:
            tables.show(tables.frame(workload), "unit-workload", key="unit-w")
    if graph_tab.open:
        with graph_tab:
            rows = named.run("unit_neighbourhood", unit=unit)
            node_ids = {ids.unit_id(unit)} | {r["measure_id"] for r in rows}
            node_ids |= {ids.unit_id(r["other_unit"]) for r in rows if r["other_unit"]}
            network.show(induced(connection.store(), node_ids), keep=[ids.unit_id(unit)], height_px=560)


def _measures(unit: str, workload: list[Row]) -> None:
    """The unit's measures in the chosen roles: the first SHOWN_MEASURES on the page, all in the downloads."""
    roles = st.multiselect("Roles", ROLES, default=list(ROLES), key="unit-roles") or list(ROLES)
    total = sum(r[role] for r in workload for role in roles)
    rows = named.run("unit_measures", units=[unit], roles=roles, limit=SHOWN_MEASURES)
    if total > len(rows):
        st.caption(f"The first {len(rows):,} of {total:,}; the downloads hold all of them.")
    store = connection.store()

    def everything() -> pd.DataFrame:  # on a download click, outside the script run: no Streamlit calls
        return _measures_frame(run_named(store, "unit_measures", units=[unit], roles=roles))

    tables.show(_measures_frame(rows), "unit-measures", key="unit-m", everything=everything)


def _measures_frame(rows: list[Row]) -> pd.DataFrame:
    return tables.frame(rows, first=("role", "heading", "path", "source"), drop=("text", "measure_id", "unit"))


def _partners(unit: str) -> None:
    """Other units on the same measures, by the number of measures shared and the roles on each side."""
    measures: dict[str, set[str]] = defaultdict(set)
    their_roles: dict[str, set[str]] = defaultdict(set)
    my_roles: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for row in named.run("unit_neighbourhood", unit=unit):
        other = row["other_unit"]
        if other:
            measures[other].add(row["measure_id"])
            their_roles[other].add(row["other_role"])
            my_roles[other].add(row["role"])
            kinds[other] = row["other_kind"]
    rows = [
        {
            "unit": other,
            "kind": kinds[other],
            "shared measures": len(measures[other]),
            "its roles": ", ".join(sorted(their_roles[other])),
            "this unit's roles": ", ".join(sorted(my_roles[other])),
        }
        for other in sorted(measures, key=lambda o: (-len(measures[o]), o))
    ]
    tables.show(tables.frame(rows), "unit-partners", key="unit-p")


render()
