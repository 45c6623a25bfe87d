"""The jurisdiction a question is scoped to: 宁远县哪个单位牵头最多 ranks 宁远县's units, not every unit.

A place written in the question outside any linked name is its scope. It selects the graph's
jurisdictions whose lowest level is that place (湘潭市 is the city, not its 雨湖区); a place the graph
holds nothing of is reported, never widened to the whole graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.core.places import leading_place
from policykg.queries.gazetteer import PLACEHOLDER, Gazetteer
from policykg.queries.qualified import lowest_place, unit_place


@dataclass(frozen=True)
class JurisdictionScope:
    place: str  # as the question wrote it: 宁远县, 湖南省宁远县
    jurisdictions: tuple[str, ...]  # the graph's own spellings of it; () when it holds none


def jurisdiction_scope(rest: str, gazetteer: Gazetteer) -> JurisdictionScope | None:
    """The first place written in `rest` (the question with its linked names replaced) and the graph's
    jurisdictions it names; None when the question names no place."""
    for start in range(len(rest)):
        if rest[start] == PLACEHOLDER:
            continue
        found = leading_place(rest[start:])
        if found is None:
            continue
        written, place = found
        lowest = lowest_place(place)
        held = tuple(sorted(j for j in gazetteer.jurisdictions if unit_place(j) == lowest))
        return JurisdictionScope(written, held)
    return None
