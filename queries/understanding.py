"""How a question was understood, as a typed value: its intent, the names it links (each with the text it
was linked from), the roles asked, its scope (jurisdiction, document, section, period) and its filters
(deadline conditions, thresholds and negations on unit counts, conjunctions of two units' roles, counts
against lists). Intent rules produce it (queries.intents), plans are built from it, and the line above
an answer (queries.understood) reads it back.

It holds what the answer acts on: a period or a document the chosen query does not use is not in it, so
the line never claims a filter the rows did not get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from policykg.queries.gazetteer import DocumentRef, InstrumentRef, Link, UnitRef
from policykg.queries.scope import JurisdictionScope
from policykg.queries.slots import DeadlineCondition, Period, UnitCount

EntityKind = Literal["unit", "instrument", "document", "jurisdiction"]


@dataclass(frozen=True)
class Entity:
    """A name in the question and what the graph linked it to."""

    kind: EntityKind  # the first kind it links to (a surface may name an instrument and a document)
    written: str  # the question's own text it was linked from
    linked: tuple[str, ...]  # the graph's names: unit names, instrument titles, document titles
    missing: bool = False  # a place-qualified unit the graph does not hold
    link: Link | None = None  # the gazetteer's link (None for a jurisdiction)

    @classmethod
    def of(cls, link: Link) -> Entity:
        linked = [u.name for u in link.units] + [i.title for i in link.instruments] + [d.title for d in link.documents]
        kind: EntityKind = link.types[0] if link.types else "unit"  # a missing unit links to nothing
        return cls(kind, link.text, tuple(linked), link.missing, link)

    @classmethod
    def jurisdiction(cls, scope: JurisdictionScope) -> Entity:
        return cls("jurisdiction", scope.place, scope.jurisdictions, missing=not scope.jurisdictions)

    @property
    def units(self) -> tuple[UnitRef, ...]:
        return self.link.units if self.link else ()

    @property
    def instruments(self) -> tuple[InstrumentRef, ...]:
        return self.link.instruments if self.link else ()

    @property
    def documents(self) -> tuple[DocumentRef, ...]:
        return self.link.documents if self.link else ()

    @property
    def unit_names(self) -> list[str]:
        return [unit.name for unit in self.units]


@dataclass(frozen=True)
class Scope:
    """Where the answer looks: one jurisdiction's units, some documents, a section, a deadline period."""

    jurisdiction: Entity | None = None  # a place written outside any name (宁远县哪个单位牵头最多)
    documents: tuple[str, ...] = ()  # the sources of the documents named
    section: str = ""  # 四 (第四部分), or 四/(六) for a second-level item
    period: Period | None = None

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        return self.jurisdiction.linked if self.jurisdiction else ()


@dataclass(frozen=True)
class Filters:
    """Conditions on the answer's rows beyond its names and scope."""

    deadline: DeadlineCondition = ""  # any: 有期限 · recurring: 每年…期限 · none: 没有期限 (a negation)
    unit_count: UnitCount | None = None  # 牵头单位超过3个 (a threshold), 没有牵头单位 (0..0, a negation)
    second_roles: tuple[str, ...] = ()  # A牵头且B参加: the second unit's roles (the first's are `roles`)
    numbers: tuple[str, ...] = ()  # the forms a measure number may be stored in: 第(57)项 → (57), 57
    heading: str = ""  # quoted words of a measure's heading
    kinds: tuple[str, ...] = ()  # instrument kinds: 法律法规 → 法律, 行政法规, 地方性法规
    ranked_by: str = ""  # citations (按引用次数) or documents (按引用文件数)
    top: int = 0  # the first N rows: 前5 (or the ranking's default)
    count: bool = False  # the question asks how many (工作量, 多少), not which

    @property
    def negated(self) -> bool:
        """没有牵头单位 / 没有期限: the question asks for what is absent."""
        return self.deadline == "none" or (self.unit_count is not None and self.unit_count.most == 0)

    @property
    def conjunction(self) -> bool:
        """A牵头且B参加: each of two units in its own role."""
        return bool(self.second_roles)


@dataclass(frozen=True)
class Understanding:
    """A question parsed: what it asks (intent), about which names, in which roles, where and how filtered."""

    intent: str  # the answer's intent: unit_measures, shared_measures, measures_due …
    entities: tuple[Entity, ...] = ()  # every name linked in the question, in its order
    roles: tuple[str, ...] = ()  # the roles the query asks for (the first unit's in a conjunction)
    scope: Scope = field(default_factory=Scope)
    filters: Filters = field(default_factory=Filters)
    subjects: tuple[Entity, ...] = ()  # the names the answer is about (two for shared measures or a path)

    @property
    def units(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.units)

    @property
    def instruments(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.instruments)

    @property
    def documents(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.documents)

    @property
    def jurisdictions(self) -> tuple[Entity, ...]:
        return (self.scope.jurisdiction,) if self.scope.jurisdiction else ()

    @property
    def subject(self) -> Entity | None:
        return self.subjects[0] if self.subjects else None
