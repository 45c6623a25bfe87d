"""Place-qualified unit names in a question: 宁远县司法局 names that county's bureau and no other.

The gazetteer finds the longest surface the graph holds. When the graph has no 宁远县司法局, the longest
surface in 宁远县司法局 is the short form 县司法局 (or the kind 司法局), which names every county's bureau —
and an answer built on it would be another jurisdiction's list, given with confidence. So a unit link
written right after a place name (or after place + 的) keeps only the units of that place; when none is
left, the link is marked missing and the question is answered with "no such unit" and candidates.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from policykg.core.places import Place, leading_place
from policykg.queries.gazetteer import Link, UnitRef

_LONGEST_PLACE_RUN = 16  # 新疆维吾尔自治区伊犁哈萨克自治州… : a run of place names longer than this is not one
# Right after another name these join two names; 和县 and 同江市 are places, but 县司法局和县政府办 is two units.
_CONJUNCTIONS = frozenset("和与及同跟")


def qualified_links(question: str, links: list[Link]) -> list[Link]:
    """`links` with each unit link after a written place narrowed to that place's units (and widened to
    the place's text); a link none of whose units is of that place gets `missing` set."""
    out: list[Link] = []
    free_from = 0  # the qualifier may not reach into the link before
    for link in links:
        out.append(_qualified(question, link, free_from) if link.units else link)
        free_from = link.end
    return out


def _qualified(question: str, link: Link, free_from: int) -> Link:
    written = _place_before(question, link, free_from)
    if written is None:
        return link
    start, place = written
    own = tuple(unit for unit in link.units if _same_place(unit, place))
    text = question[start : link.end]
    return replace(link, text=text, start=start, units=own, qualifier=lowest_place(place), missing=not own)


def _place_before(question: str, link: Link, free_from: int) -> tuple[int, Place] | None:
    """The earliest start of a run of place names that reaches the link — ending where it starts, after a
    的 before it, or inside it (the 县 of 县司法局, or 湘潭市 before 雨湖区司法局) — and the place it names.
    None when the run is inside the link's own text (雨湖区司法局 is already qualified)."""
    for start in range(max(free_from, link.start - _LONGEST_PLACE_RUN), link.start):
        if start == free_from > 0 and question[start] in _CONJUNCTIONS:
            continue
        found = leading_place(question[start : link.end])
        if found is None:
            continue
        end = start + len(found[0])
        if end >= link.start or question[end : link.start] == "的":
            return start, found[1]
    return None


def _same_place(unit: UnitRef, place: Place) -> bool:
    """Whether the unit belongs to the place the question wrote: the lowest levels name the same place
    (湘潭市 is the city, not its 雨湖区)."""
    return unit_place(unit.jurisdiction) == lowest_place(place)


@lru_cache(maxsize=4096)
def unit_place(jurisdiction: str) -> str:
    """The lowest level of a stored jurisdiction (湘潭市雨湖区 → 雨湖区); the text itself when it is no place."""
    found = leading_place(jurisdiction)
    if found is None or found[0] != jurisdiction:
        return jurisdiction
    return lowest_place(found[1])


def lowest_place(place: Place) -> str:
    return place.county or place.city or place.province
