"""The nodes an answer's rows name, as ids: measures by id, units by name and instruments by title (ids
derive from those, graph/ids.py), so an answer can be drawn as a subgraph whatever query produced it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from policykg.explorer.subgraph import node_ids_in
from policykg.graph import ids

UNIT_COLUMNS = ("unit", "other_unit", "unit_a", "unit_b")  # columns holding a unit's stored name
INSTRUMENT_COLUMNS = ("instrument",)  # columns holding an instrument's canonical title


def answer_node_ids(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    rows = list(rows)
    found = dict.fromkeys(node_ids_in(rows))
    for row in rows:
        for column in UNIT_COLUMNS:
            if row.get(column):
                found[ids.unit_id(str(row[column]))] = None
        for column in INSTRUMENT_COLUMNS:
            if row.get(column):
                found[ids.instrument_id(str(row[column]))] = None
    return list(found)
