"""Chinese administrative place names (province / city / county) from jionlp's offline location table.

jionlp's parse_location takes milliseconds a call; extraction needs place look-ups in every document, so
the table is loaded once into a dict and matched here directly.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache

_ADMIN_ENDINGS = ("省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗")
_MAX_NAME = 12


@dataclass(frozen=True)
class Place:
    province: str = ""
    city: str = ""
    county: str = ""

    @property
    def level(self) -> int:
        return 3 if self.county else 2 if self.city else 1


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[Place, ...]]:
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

    table: dict[str, list[Place]] = {}

    def add(names: list[str], place: Place) -> None:
        for name in names:
            if len(name) >= 2 and name.endswith(_ADMIN_ENDINGS):
                table.setdefault(name, []).append(place)

    def aliases(node: dict[str, object]) -> list[str]:
        alias = node.get("_alias", [])
        return [str(node["_full_name"]), *([alias] if isinstance(alias, str) else list(alias))]  # type: ignore[call-overload]

    for province, pnode in jionlp.china_location_loader().items():
        add(aliases(pnode), Place(province))
        for city, cnode in pnode.items():
            if city.startswith("_"):
                continue
            add(aliases(cnode), Place(province, city))
            for county, knode in cnode.items():
                if county.startswith("_"):
                    continue
                add(aliases(knode), Place(province, city, county))
    return {name: tuple(places) for name, places in table.items()}


def _contains(outer: Place, inner: Place) -> bool:
    if inner.level <= outer.level:
        return False
    return (not outer.province or outer.province == inner.province) and (not outer.city or outer.city == inner.city)


@lru_cache(maxsize=65536)
def leading_place(text: str) -> tuple[str, Place] | None:
    """The longest run of place names at the start of text (营口市鲅鱼圈区…) and the place it names."""
    table = _table()
    best: tuple[str, Place] | None = None

    def extend(pos: int, current: Place | None) -> None:
        nonlocal best
        for length in range(2, min(_MAX_NAME, len(text) - pos) + 1):
            for place in table.get(text[pos : pos + length], ()):
                if current is None or _contains(current, place):
                    end = pos + length
                    if best is None or end > len(best[0]):
                        best = (text[:end], place)
                    extend(end, place)

    extend(0, None)
    return best


@lru_cache(maxsize=1)
def place_stems() -> frozenset[str]:
    """Place names without their 县 / 市 / 区 … ending, three characters or more (和林格尔, 鲅鱼圈): how a name
    is written inside another one (人民银行和林格尔支行)."""
    stems = set()
    for name in _table():
        for ending in _ADMIN_ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= 3:
                stems.add(name[: -len(ending)])
    return frozenset(stems)


def is_place_name(text: str) -> Place | None:
    """The place when the whole of text is place names (辽宁省, 永州市宁远县), else None."""
    found = leading_place(text)
    return found[1] if found and found[0] == text else None
