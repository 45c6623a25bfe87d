"""A question as the intent rules read it: its folded text, the names linked in it, and its *rest* — the
text with every linked name replaced by a placeholder — so words inside a name (the 方案 of a cited
实施方案) never look like question words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.queries import slots
from policykg.queries.gazetteer import PLACEHOLDER, EntityType, Gazetteer, Link
from policykg.queries.qualified import qualified_links


@dataclass(frozen=True)
class Question:
    text: str  # folded
    links: tuple[Link, ...]
    rest: str  # text with each link replaced by PLACEHOLDER

    @classmethod
    def parse(cls, text: str, gazetteer: Gazetteer) -> Question:
        links = tuple(qualified_links(text, gazetteer.link(text)))
        rest, last = [], 0
        for link in links:
            rest.append(text[last : link.start] + PLACEHOLDER)
            last = link.end
        rest.append(text[last:])
        return cls(text, links, "".join(rest))

    def linked(self, entity_type: EntityType) -> list[Link]:
        return [link for link in self.links if getattr(link, entity_type + "s")]

    def has(self, pattern: str) -> bool:
        return re.search(pattern, self.rest) is not None

    @property
    def roles(self) -> tuple[str, ...]:
        return slots.roles(self.rest)
