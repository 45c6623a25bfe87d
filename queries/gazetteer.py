"""Entity linking for questions: an Aho-Corasick automaton over the graph's own names.

Surfaces come from the store, never from a hand list: unit names, the mentions the documents wrote on role
relationships (县司法局, 区政府办公室), the short forms ingest's alias table gives (县政府办 = 县人民政府办公室,
checked by normalising them back), unit kinds (司法局 → every 司法局), instrument titles and citations as
written, and document titles with their short forms. Fuzzy matching (rapidfuzz) only suggests candidates.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import ahocorasick

from policykg.core.units import BODY_ALIASES, Jurisdiction, canonical_body, find_jurisdiction, normalise_unit
from policykg.core.vocabulary import REPORT_KINDS
from policykg.graph.store import GraphStore
from policykg.queries.catalog import run_named

EntityType = Literal["unit", "instrument", "document"]
ENTITY_TYPES: tuple[EntityType, ...] = ("unit", "instrument", "document")
PLACEHOLDER = "\ue000"  # stands for a linked name in a question's rest (private use: cannot occur in a question)
MIN_KIND_SURFACE = 3  # a bare kind shorter than this (政府, 法院) occurs inside ordinary words
LAW_PREFIX = "中华人民共和国"
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "─": "-", "〈": "《", "〉": "》", "<": "《", ">": "》"})
_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")
_LEADING_YEAR = re.compile(r"^\d{4}年(?:度)?")
_ADMIN_SUFFIX = re.compile(r"(自治县|自治州|自治区|县|区|市|州|旗|盟|省)$")


def fold(text: str) -> str:
    """The form both surfaces and questions are matched in: NFKC (full-width brackets, digits and colons
    become ASCII), one dash, one kind of title bracket, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_DASHES))


@dataclass(frozen=True, order=True)
class UnitRef:
    jurisdiction: str
    name: str
    kind: str
    collective: bool


@dataclass(frozen=True, order=True)
class InstrumentRef:
    title: str
    kind: str


@dataclass(frozen=True, order=True)
class DocumentRef:
    source: str
    title: str
    kind: str
    jurisdiction: str
    period: str = ""  # 2021, 2021-2025


@dataclass(frozen=True)
class Link:
    """A span of the (folded) question and what it names; several types only when a surface is shared."""

    text: str
    start: int
    end: int
    units: tuple[UnitRef, ...] = ()
    instruments: tuple[InstrumentRef, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    qualifier: str = ""  # the place written before a unit name (宁远县 of 宁远县司法局): queries.qualified
    missing: bool = False  # a qualified unit name the graph does not hold

    @property
    def types(self) -> tuple[EntityType, ...]:
        return tuple(t for t in ENTITY_TYPES if getattr(self, t + "s"))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "types": list(self.types)}
        if self.units:
            out["units"] = [{"name": u.name, "jurisdiction": u.jurisdiction, "kind": u.kind} for u in self.units]
        if self.instruments:
            out["instruments"] = [{"title": i.title, "kind": i.kind} for i in self.instruments]
        if self.documents:
            out["documents"] = [{"source": d.source, "title": d.title} for d in self.documents]
        if self.qualifier:
            out["qualifier"] = self.qualifier
        if self.missing:
            out["missing"] = True
        return out


@dataclass
class Gazetteer:
    """Surfaces (folded) → the entities they name, and the automaton that finds them in a question."""

    surfaces: dict[str, dict[EntityType, set[Any]]] = field(default_factory=lambda: defaultdict(_refs_by_type))
    jurisdictions: set[str] = field(default_factory=set)  # as stored on units and documents (湘潭市雨湖区)
    sources_by_jurisdiction: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _automaton: Any = None

    def add(self, surface: str, entity_type: EntityType, ref: Any) -> None:
        key = fold(surface)
        if len(key) >= 2:
            self.surfaces[key][entity_type].add(ref)
            self._automaton = None

    def automaton(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self.surfaces:
                automaton.add_word(key, key)
            if self.surfaces:
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def link(self, question: str) -> list[Link]:
        """The names in the folded question, leftmost-longest and non-overlapping."""
        if not self.surfaces:
            return []
        found = [(end - len(key) + 1, end + 1, key) for end, key in self.automaton().iter(question)]
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        links: list[Link] = []
        taken_until = 0
        for start, end, key in found:
            if start < taken_until:
                continue
            refs = self.surfaces[key]
            links.append(
                Link(
                    text=key,
                    start=start,
                    end=end,
                    units=tuple(sorted(refs.get("unit", ()))),
                    instruments=tuple(sorted(refs.get("instrument", ()))),
                    documents=tuple(sorted(refs.get("document", ()))),
                )
            )
            taken_until = end
        return links

    def candidates(self, text: str, entity_type: EntityType, limit: int = 5, cutoff: int = 45) -> list[str]:
        """Names close to `text` (rapidfuzz, similarity ≥ `cutoff` of 100), best first: suggestions for the
        user, never a decision."""
        choices = [key for key, refs in self.surfaces.items() if entity_type in refs]
        if not text or not choices:
            return []
        from rapidfuzz import fuzz, process  # loaded only for a name the graph lacks

        names: list[str] = []
        close = process.extract(fold(text), choices, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=cutoff)
        for key, _score, _ in close:
            for ref in sorted(self.surfaces[key][entity_type]):
                name = _display(ref)
                if name not in names:
                    names.append(name)
        return names[:limit]


def _refs_by_type() -> defaultdict[EntityType, set[Any]]:
    return defaultdict(set)  # a named function, not a lambda: a gazetteer is pickled into the disk cache


def _display(ref: Any) -> str:
    if isinstance(ref, UnitRef):
        return ref.name
    if isinstance(ref, InstrumentRef):
        return ref.title
    return f"{ref.title} ({ref.source})"


def build_gazetteer(store: GraphStore) -> Gazetteer:
    """Read the graph's units, instruments and documents and index every surface of them."""
    gazetteer = Gazetteer()
    units = {
        row["unit"]: UnitRef(row["jurisdiction"] or "", row["unit"], row["kind"] or "", bool(row["collective"]))
        for row in run_named(store, "unit_names")
    }
    gazetteer.jurisdictions |= {unit.jurisdiction for unit in units.values() if unit.jurisdiction}
    for row in run_named(store, "unit_mentions"):
        if row["mention"] and row["unit"] in units:
            gazetteer.add(row["mention"], "unit", units[row["unit"]])
    for unit in units.values():
        for surface in unit_surfaces(unit):
            gazetteer.add(surface, "unit", unit)
    for kind, members in _by_kind(units.values()).items():
        for surface in kind_surfaces(kind):
            for unit in members:
                gazetteer.add(surface, "unit", unit)
    for row in run_named(store, "instrument_mentions"):
        instrument = InstrumentRef(row["instrument"], row["kind"] or "")
        for surface in instrument_surfaces(row["instrument"], row["mention"]):
            gazetteer.add(surface, "instrument", instrument)
    for row in run_named(store, "documents"):
        document = DocumentRef(
            row["source"], row["title"] or "", row["kind"] or "", row["jurisdiction"] or "", row["period"] or ""
        )
        for surface in document_surfaces(document):
            gazetteer.add(surface, "document", document)
        if document.jurisdiction:
            gazetteer.jurisdictions.add(document.jurisdiction)
            gazetteer.sources_by_jurisdiction[document.jurisdiction].add(document.source)
    return gazetteer


def unit_surfaces(unit: UnitRef) -> set[str]:
    """The unit's name and its short forms in its own jurisdiction (县司法局, 宁远县政府办, 鲅鱼圈区司法局),
    each kept only if ingest's normalisation maps it back to this very unit."""
    surfaces = {unit.name}
    place = unit.jurisdiction
    if not place or not unit.name.startswith(place) or unit.collective:
        return surfaces
    jurisdiction = _jurisdiction(place)
    body = unit.name[len(place) :]
    for prefix in _place_prefixes(place):
        for alias in _body_aliases(body):
            surface = prefix + alias
            # Ingest qualifies 县司法局 as 宁远县司法局 but keeps 鲅鱼圈区 in 鲅鱼圈区司法局 as written:
            # either way the body must come back as this unit's own.
            if surface != unit.name and normalise_unit(surface, jurisdiction).name in (unit.name, prefix + body):
                surfaces.add(surface)
    return surfaces


def kind_surfaces(kind: str) -> set[str]:
    """A bare kind (司法局, 政府办公室) and its aliases (政府办): they name that kind in every jurisdiction."""
    if not kind:
        return set()
    forms = {kind} | {alias for alias, full in BODY_ALIASES.items() if full.removeprefix("人民") == kind}
    return {form for form in forms if len(form) >= MIN_KIND_SURFACE}


def instrument_surfaces(title: str, mention: str) -> set[str]:
    """The title, the citation as written, and each with the 中华人民共和国 prefix added or dropped."""
    forms = {title, mention} - {""}
    for form in list(forms):
        forms.add(form.removeprefix(LAW_PREFIX) if form.startswith(LAW_PREFIX) else LAW_PREFIX + form)
    return {form for form in forms if len(form) >= 2}


def document_surfaces(document: DocumentRef) -> set[str]:
    """Title; title without its trailing (2021-2025年), leading 关于 or year; the file name and its stem;
    and the short names users give a document — place, year and kind in the forms written
    (宁远县实施方案, 宁远县方案, 凤凰县的报告, 2021年要点, 2020年度凤凰县报告)."""
    title = fold(document.title)
    forms = {document.source, document.source.rsplit(".", 1)[0]}
    if title:
        short = _TRAILING_BRACKET.sub("", title)
        forms |= {title, short, short.removeprefix("关于"), _LEADING_YEAR.sub("", short)}
    forms |= short_names(document)
    return {form for form in forms if len(form) >= 4}


def short_names(document: DocumentRef) -> set[str]:
    """Place (or year, or both) + kind word: 宁远县方案, 宁远县的实施方案, 2021年要点, 2021年鲅鱼圈区要点."""
    if not document.kind:
        return set()
    words = {document.kind, document.kind[-2:], "法治政府建设" + document.kind}
    if document.kind in REPORT_KINDS:
        words |= {*REPORT_KINDS, "年报"}
    places = _place_prefixes(document.jurisdiction) - set("县区市州旗盟省") if document.jurisdiction else set()
    town = _jurisdiction(document.jurisdiction).town if document.jurisdiction else ""
    if town:  # a township's document goes by the township's name alone too (天堂镇工作安排)
        places |= {town}
    years = _years(document.period)
    names = set()
    for word in words:
        for place in places:
            names |= {place + word, place + "的" + word}
            names |= {year + place + word for year in years} | {place + year + word for year in years}
        names |= {year + word for year in years}
    return names


def _years(period: str) -> set[str]:
    """How a question dates a document of this period: 2021年, 2021年度, 2021-2025年."""
    first = re.match(r"\d{4}", period)
    if not first:
        return set()
    years = {first.group() + "年", first.group() + "年度"}
    if "-" in period:
        years.add(period + "年")
    return years


def _by_kind(units: Iterable[UnitRef]) -> dict[str, list[UnitRef]]:
    kinds: dict[str, list[UnitRef]] = defaultdict(list)
    for unit in units:
        if unit.kind and unit.kind != unit.name:
            kinds[unit.kind].append(unit)
    return kinds


@lru_cache(maxsize=4096)
def _jurisdiction(place: str) -> Jurisdiction:
    found = find_jurisdiction([place])
    return found if found.name else Jurisdiction(name=place)


@lru_cache(maxsize=4096)
def _place_prefixes(place: str) -> frozenset[str]:
    """How a document or a question names its own place: 营口市鲅鱼圈区, 鲅鱼圈区, 鲅鱼圈, and the bare 区."""
    jurisdiction = _jurisdiction(place)
    lowest = jurisdiction.county or jurisdiction.city or place
    prefixes = {place, lowest}
    suffix = _ADMIN_SUFFIX.search(lowest)
    if suffix:
        stem = lowest[: suffix.start()]
        if len(stem) >= 2:
            prefixes.add(stem)
        prefixes.add(lowest[-1])  # 县 / 区 / 市: how the document itself writes its own units
    return frozenset(p for p in prefixes if p)


def _body_aliases(body: str) -> set[str]:
    """The body (人民政府办公室) and every alias that ingest canonicalises to it (政府办, 府办 …)."""
    forms = {body} | {alias for alias in BODY_ALIASES if canonical_body(alias) == body}
    office = re.fullmatch(r"委全面依法治([县区市州省旗])委员会办公室", body)
    if office:
        forms |= {f"委依法治{office.group(1)}办", f"依法治{office.group(1)}办"}
    return forms


_CACHE: weakref.WeakKeyDictionary[Any, tuple[tuple[Any, ...], Gazetteer]] = weakref.WeakKeyDictionary()


def gazetteer_for(store: GraphStore) -> Gazetteer:
    """The store's gazetteer, built once per state of the store. A store file opened read-only reads the
    state it was opened in (queries.name_cache), and its gazetteer is read from the disk cache when one was
    written for that state, or built and written there; any other store (Bolt, a writer) is known by its
    node counts, which change when documents are ingested or removed."""
    from policykg.queries import name_cache  # here: it needs this module's classes

    key = name_cache.file_key(store)
    if key is None:
        key = ("counts", *(int(v) for row in run_named(store, "graph_signature") for v in row.values()))
    cached = _CACHE.get(store)
    if cached is not None and cached[0] == key:
        return cached[1]
    gazetteer = name_cache.load(store, key)
    if gazetteer is None:
        gazetteer = build_gazetteer(store)
        # Saved without its automaton: at 10,000 documents unpickling one took longer than building it.
        name_cache.save(store, key, gazetteer)
    with contextlib.suppress(TypeError):  # a store that cannot be weakly referenced is not cached
        _CACHE[store] = (key, gazetteer)
    return gazetteer
