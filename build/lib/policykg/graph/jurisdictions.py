"""Where a unit sits: jionlp's offline place table turns 宁远县司法局 into 湖南省 / 永州市 / 宁远县."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from policykg.core.places import leading_place

LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    chain: tuple[tuple[str, str], ...]  # ((name, level), ...) from the province down, known levels only
    written: str  # the places the name spells out: 营口市鲅鱼圈区 for 营口市鲅鱼圈区司法局; "" when none


NOWHERE = Place((), "")


@lru_cache(maxsize=65536)
def locate(name: str) -> Place:
    """The administrative chain a unit or place name starts with; NOWHERE for 全区各部门 and the like."""
    found = leading_place(name) if name else None
    if not found:
        return NOWHERE
    written, place = found
    chain = tuple(
        (value, level) for value, level in zip((place.province, place.city, place.county), LEVELS, strict=True) if value
    )
    return Place(chain, written)
