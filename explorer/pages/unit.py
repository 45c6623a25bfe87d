"""Unit page: pick a unit (type any of its names: the list holds each unit's aliases as written), see its
workload, its measures by role and document, and the units it shares work with."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from explorer import connection, named, network, tables
from explorer.subgraph import induced
from graph import ids

ROLES = ("lead", "participate", "responsible")
ROLE_NAMES = {"lead": "Leads 牵头", "participate": "Participates 参加", "responsible": "Responsible 责任"}


def _unit_choices() -> dict[str, str]:
    """Unit name -> the label the picker shows and searches: name, kind, jurisdiction and its aliases."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in named.run("unit_mentions"):
        if row["mention"] and row["mention"] != row["unit"]:
            aliases[row["unit"]].add(row["mention"])
    held = [r for r in named.run("units") if any(r[role] for role in ROLES)]
    held.sort(key=lambda r: -sum(r[role] for role in ROLES))  # the busiest first
    return {
        r["unit"]: " · ".join(part for part in (r["unit"], r["kind"], "/".join(sorted(aliases[r["unit"]]))) if part)
        for r in held
    }


def render() -> None:
    st.title("Unit")
    choices = _unit_choices()
    if not choices:
        st.info("No unit holds a measure in this store yet.")
        return
    unit = st.selectbox(
        "Unit (type a name or an alias, e.g. 县政府办)",
        list(choices),
        format_func=choices.__getitem__,
        key="unit-choice",
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
            roles = st.multiselect("Roles", ROLES, default=list(ROLES), key="unit-roles")
            rows = named.run("unit_measures", units=[unit], roles=list(roles or ROLES))
            df = tables.frame(rows, first=("role", "heading", "path", "source"), drop=("text", "measure_id", "unit"))
            tables.show(df, "unit-measures", key="unit-m")
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
