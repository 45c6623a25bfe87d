"""A document's own jurisdiction (营口市鲅鱼圈区, 宁远县天堂镇, 长沙市天心区坡子街街道) found from the places its
title, issuers or notice start with, and what a bare 县 / 区 / 市 / 镇 prefix of a unit means inside it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.core.places import TOWN_ENDINGS, Place, leading_place, town_after, towns_named


@dataclass(frozen=True)
class Jurisdiction:
    """The document's own jurisdiction as written (营口市鲅鱼圈区) and the levels above it."""

    name: str
    province: str = ""
    city: str = ""
    county: str = ""
    town: str = ""  # 天堂镇, 坡子街街道: a township or street document

    @property
    def level(self) -> str:
        if self.town:
            return "town"
        if self.county:
            return "county"
        if self.city:
            return "city"
        return "province" if self.province else ""

    @property
    def above_town(self) -> str:
        """The written place above the township (宁远县 of 宁远县天堂镇); the whole name otherwise."""
        if self.town and self.name.endswith(self.town):
            return self.name[: -len(self.town)] or self.county
        return self.name

    def for_prefix(self, admin_char: str) -> str:
        """The place a bare 县 / 区 / 市 / 州 / 省 / 镇 / 乡 prefix means in this document; "" when the prefix
        names a level below the document's own (县司法局 in a city's plan is each county's bureau, not the
        city's; 镇人民政府 in a county's plan is every township's government)."""
        if admin_char in "镇乡街":
            return self.name if self.town else ""
        if admin_char in "县区旗":
            return self.above_town if self.county else ""
        if admin_char in "市州盟":
            if self.level == "city" or (self.county.endswith("市") and admin_char == "市"):
                return self.above_town
            return self.city
        if admin_char == "省":
            return self.province
        return ""


# Words before the place in a title or an issuer line: 关于…, 中共…, 2024年…, an opening mark.
_PLACE_PREFIX = re.compile(r"^(?:[《“\"(\[]|关于|中共|\d{4}\s*(?:年度?|-\d{4}\s*年?)|20\d\d)*")
# Between a county and its street or township when the issuer writes its government: 鲤城区人民政府金龙街道办事处.
_COUNTY_GOVERNMENT = re.compile(r"^(?:人民政府|政府)")
_HEAD = 24  # a jurisdiction is written at the start: the rest of a long title is never read


def find_jurisdiction(candidates: list[str]) -> Jurisdiction:
    """The first candidate that starts with a place (after 关于 / 中共 / a year) gives the jurisdiction,
    down to the township or street when one follows the county (宁远县天堂镇2024年… → 宁远县天堂镇)."""
    for candidate in candidates:
        head = _PLACE_PREFIX.sub("", candidate.strip())[:_HEAD]
        if not head:
            continue
        found = _jurisdiction_of(head)
        if found:
            return found
    return Jurisdiction(name="")


def _jurisdiction_of(head: str) -> Jurisdiction | None:
    found = leading_place(head)
    if not found:
        return _bare_town(head)
    written, place = found
    rest = head[len(written) :]
    town = town_after(rest, place) if place.county else ""
    if not town and place.county:
        government = _COUNTY_GOVERNMENT.match(rest)
        if government:
            town = town_after(rest[government.end() :], place)
            if town and not rest[government.end() + len(town) :].startswith(("办事处", "人民政府", "政府", "党")):
                town = ""  # 县人民政府天堂镇… without the township's own organ: the county government's text
    if town:
        written += town
    return Jurisdiction(name=written, province=place.province, city=place.city, county=place.county, town=town)


# What follows a township named on its own at the start of a title or an issuer line.
_AFTER_BARE_TOWN = re.compile(r"\d|人民政府|办事处|党工委|党委|关于|法治|全面")


def _bare_town(head: str) -> Jurisdiction | None:
    """A township or street named without its county (垡头街道2023年…): only when the name is unique."""
    for end in range(min(len(head) - 1, 10), 1, -1):
        name = head[:end]
        if not name.endswith(TOWN_ENDINGS) or "乡镇" in name or not _AFTER_BARE_TOWN.match(head, end):
            continue
        places = towns_named(name)
        if len(places) == 1:
            place: Place = places[0]
            return Jurisdiction(
                name=place.town, province=place.province, city=place.city, county=place.county, town=place.town
            )
    return None
