"""Where a unit sits: jionlp's offline gazetteer turns 宁远县司法局 into 湖南省 / 永州市 / 宁远县."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    chain: tuple[tuple[str, str], ...]  # ((name, level), ...) from the province down, known levels only
    written: str  # the places the name spells out: 营口市鲅鱼圈区 for 营口市鲅鱼圈区司法局; "" when none


NOWHERE = Place((), "")


@lru_cache(maxsize=1)
def _parser() -> Any:
    # jionlp prints a banner on stdout when imported; keep it off our JSON output.
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    return jionlp.parse_location


@lru_cache(maxsize=65536)
def locate(name: str) -> Place:
    """The administrative chain a unit or place name starts with; NOWHERE for 全区各部门 and the like."""
    if not name:
        return NOWHERE
    with contextlib.redirect_stdout(io.StringIO()):
        parsed = _parser()(name)
    chain = tuple((parsed[level], level) for level in LEVELS if parsed.get(level))
    if not chain:
        return NOWHERE
    # Document style (营口市鲅鱼圈区, 宁远县): the chain's names the unit name spells out, in order.
    written = "".join(place for place, _ in chain if place in name) or chain[-1][0]
    return Place(chain, written)
