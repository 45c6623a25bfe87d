"""A question as the intent rules read it: its folded text, the names linked in it, and its *rest* — the
text with every linked name replaced by a placeholder — so words inside a name (the 方案 of a cited
实施方案) never look like question words."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policykg.queries import slots
from policykg.queries.gazetteer import PLACEHOLDER, EntityType, Gazetteer, Link
from policykg.queries.qualified import qualified_links
from policykg.queries.scope import JurisdictionScope, jurisdiction_scope


@dataclass(frozen=True)
class Question:
    text: str  # folded
    links: tuple[Link, ...]
    rest: str  # text with each link replaced by PLACEHOLDER
    place: JurisdictionScope | None = None  # the place written outside any name (queries.scope), read once

    @classmethod
    def parse(cls, text: str, gazetteer: Gazetteer) -> Question:
        links = qualified_links(text, gazetteer.link(text))
        rest = _rest(text, links)
        # A place written apart from a short unit name scopes it too: 县司法局在澧县牵头哪些措施 asks about
        # 澧县司法局, never every county's (a short form spans places only when the question names none).
        place = jurisdiction_scope(rest, gazetteer)
        if place is not None:
            links = [_in_place(link, place) if link.units and not link.qualifier else link for link in links]
        return cls(text, tuple(links), rest, place)

    def linked(self, entity_type: EntityType) -> list[Link]:
        return [link for link in self.links if getattr(link, entity_type + "s")]

    def has(self, pattern: str) -> bool:
        return re.search(pattern, self.rest) is not None

    @property
    def roles(self) -> tuple[str, ...]:
        return slots.roles(self.rest)


def _rest(text: str, links: list[Link]) -> str:
    parts, last = [], 0
    for link in links:
        parts.append(text[last : link.start] + PLACEHOLDER)
        last = link.end
    parts.append(text[last:])
    return "".join(parts)


def _in_place(link: Link, place: JurisdictionScope) -> Link:
    """The unit link narrowed to the units of the place; marked missing when it names none there."""
    own = tuple(unit for unit in link.units if unit.jurisdiction in place.jurisdictions)
    return replace(link, units=own, qualifier=place.place, missing=not own)
