"""The named-query catalog: `cypher/<name>.cypher` files loaded by name, run with $parameters only.

Each file starts with a header of `//` lines:

    // title: Measures of a unit by role
    // description: … (continued on `//   ` lines)
    // param units: list -- unit names as stored
    // param roles: list = ["lead", "participate", "responsible"] -- roles to include
    // example: {"units": ["宁远县司法局"]}
    // console: Measures a unit leads

A parameter with `= default` (JSON) is optional; `example` (JSON) is a set of values that answers on the
seed corpus (documentation, and what the parity test runs). `console` marks a statement written for the
Cypher console's list of examples, shown there under that name with the example's values.
`<name>.ladybug.cypher` beside a file replaces its body on LadybugDB, where the dialect differs (label(r)
for type(r), SHORTEST for shortestPath …); the header always comes from the Neo4j file, so both dialects
take the same parameters.

Values reach the database only as $parameters. The exceptions are slots, written into the statement in
place of `:$name` and nowhere else in it: a parameter of type `label`, for a statement that must name a
node label it is given (a key lookup needs the label), `(n:$label {id: i})`, whose value must be a label of
the schema (graph/schema.py); and one of type `roles`, a list of roles written where relationship types go,
`(u:Unit)-[:$roles]->(m:Measure)` becoming `-[:LEADS|PARTICIPATES_IN]->`, each a role of the vocabulary
(core/vocabulary.py). Both are checked here and nowhere else. Matching only the relationship tables of the
roles asked for, rather than all three filtered by type, took a unit's partners in one role at 10,000
documents from 0.99 s to 0.08 s.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources.abc import Traversable
from typing import Any, Literal, cast

from policykg.core.errors import QueryError
from policykg.core.resources import ResourceMissing, listing
from policykg.core.vocabulary import ROLE_RELATIONSHIP, ROLES
from policykg.graph.schema import LABELS, rel_type
from policykg.graph.schema import label as schema_label
from policykg.graph.store import Dialect, GraphStore, Row
from policykg.graph.texts import fill_texts

CYPHER_PACKAGE = "policykg.cypher"
NOT_NAMED = ("schema.",)  # DDL files in the same folder
DIALECT_SUFFIXES: dict[Dialect, str] = {"ladybug": ".ladybug.cypher", "neo4j": ".neo4j.cypher"}

ParamType = Literal["string", "list", "int", "float", "bool", "label", "roles"]
PARAM_TYPES: tuple[ParamType, ...] = ("string", "list", "int", "float", "bool", "label", "roles")
SLOT_TYPES: tuple[ParamType, ...] = ("label", "roles")  # written into the statement, in its slot
REQUIRED = object()

_PARAM_LINE = re.compile(r"^param\s+(\w+)\s*:\s*(\w+)(?:\s*=\s*(.+?))?\s+--\s+(.+)$")
_FIELD_LINE = re.compile(r"^(title|description|console)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    default: Any  # REQUIRED when the caller must give it
    description: str

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    bodies: Mapping[str, str]  # dialect -> Cypher without the header; "neo4j" always present
    example: Mapping[str, Any] = field(default_factory=dict)
    console: str = ""  # the name the Cypher console lists it by; "" when it is not one of its examples

    def cypher(self, dialect: Dialect) -> str:
        """The body as written, label slots (`:$label`) still in it."""
        return self.bodies.get(dialect, self.bodies["neo4j"])

    def statement(self, dialect: Dialect, given: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """(Cypher, parameters) to send: the values bound, and each label parameter, checked against the
        schema, written into its slot and taken out of the parameters."""
        bound = self.bind(given)
        cypher = self.cypher(dialect)
        for param in self.params:
            if param.type == "label":
                cypher = _label_slot(param.name).sub(bound.pop(param.name), cypher)
            elif param.type == "roles":
                types = "|".join(rel_type(ROLE_RELATIONSHIP[role]) for role in bound.pop(param.name))
                cypher = _label_slot(param.name).sub(types, cypher)
        return cypher, bound

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters to send: given values checked and coerced, defaults filled in."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            names = ", ".join(declared) or "none"
            raise QueryError(f"{self.name}: unknown parameter {', '.join(unknown)} (it takes: {names})")
        bound = {}
        for param in self.params:
            if param.name in given and given[param.name] is not None:
                bound[param.name] = coerce(self.name, param, given[param.name])
            elif param.required:
                raise QueryError(f"{self.name}: parameter {param.name} is required ({param.description})")
            else:
                bound[param.name] = param.default
        return bound


def coerce(query: str, param: Param, value: Any) -> Any:
    """A value of the declared type: CLI strings become ints, bools and one-element lists."""
    if param.type == "roles":
        return _roles(query, param, value)
    if param.type == "label":
        try:
            return schema_label(str(value))
        except KeyError:
            labels = ", ".join(LABELS)
            message = f"{query}: parameter {param.name} must be a node label ({labels}), not {value!r}"
            raise QueryError(message) from None
    try:
        if param.type == "list":
            values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
            if any(isinstance(v, (list, tuple, dict, set, frozenset)) for v in values):
                raise ValueError(value)  # a nested list or a map is no name to look for
            return [str(v) for v in values]
        if param.type == "int":
            return _count(query, param, value)
        if param.type == "float":
            return float(value)
        if param.type == "bool":
            if isinstance(value, str):
                if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(value)
                return value.lower() in ("true", "1", "yes")
            return bool(value)
        if isinstance(value, (list, tuple, dict, set, frozenset)):
            raise ValueError(value)  # str() of a list would search for its brackets
        return str(value)
    except (TypeError, ValueError):
        raise QueryError(f"{query}: parameter {param.name} must be a {param.type}, not {value!r}") from None


def _roles(query: str, param: Param, value: Any) -> list[str]:
    """A `roles` parameter: at least one role of the vocabulary, each once, in the vocabulary's order."""
    given = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
    unknown = [v for v in given if v not in ROLES]
    if unknown or not given:
        message = f"{query}: parameter {param.name} must list roles ({', '.join(ROLES)}), not {value!r}"
        raise QueryError(message)
    return [role for role in ROLES if role in given]


def _count(query: str, param: Param, value: Any) -> int:
    """An int parameter (every one is a limit or a minimum count): a whole number, never negative. A
    fraction is refused rather than rounded, which would answer another question than the one asked."""
    if isinstance(value, (bool, list, tuple, dict, set, frozenset)):
        raise ValueError(value)
    if isinstance(value, float) and not value.is_integer():
        raise QueryError(f"{query}: parameter {param.name} must be a whole number, not {value!r}")
    number = int(value)
    if number < 0:
        raise QueryError(f"{query}: parameter {param.name} must be 0 or more, not {number}")
    return number


@dataclass(frozen=True)
class QueryFile:
    title: str
    description: str
    params: tuple[Param, ...]
    example: dict[str, Any]
    body: str
    console: str = ""


def parse_query_file(name: str, text: str) -> QueryFile:
    """The header fields and the body of a named-query file."""
    header: list[str] = []
    lines = text.splitlines()
    while lines and lines[0].lstrip().startswith("//"):
        header.append(lines.pop(0).lstrip()[2:])
    fields: dict[str, list[str]] = {"title": [], "description": [], "console": []}
    params: list[Param] = []
    example: dict[str, Any] = {}
    current: list[str] | None = None
    for raw in header:
        line = raw.strip()
        if not line:
            continue
        field = _FIELD_LINE.match(line)
        param = _PARAM_LINE.match(line)
        if field:
            current = fields[field.group(1)]
            current.append(field.group(2))
        elif param:
            params.append(_param(name, *param.groups()))
            current = None
        elif line.startswith("example:"):
            example = _example(name, line.removeprefix("example:"))
            current = None
        elif current is not None and raw.startswith("  "):
            current.append(line)  # a continuation line of title or description
        else:
            raise QueryError(f"{name}.cypher: header line not understood: {line!r}")
    if not fields["title"]:
        raise QueryError(f"{name}.cypher: the header has no title")
    body = "\n".join(lines).strip()
    if not body:
        raise QueryError(f"{name}.cypher: no Cypher after the header")
    title, description, console = (" ".join(fields[k]) for k in ("title", "description", "console"))
    return QueryFile(title, description, tuple(params), example, body, console)


def _label_slot(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[\w(\[]:)\${name}\b")


def check_label_slots(name: str, params: tuple[Param, ...], body: str) -> None:
    """A slot parameter appears only in its slots (`(n:$label …)`, `-[:$roles]->`): never as a value."""
    for param in params:
        if param.type not in SLOT_TYPES:
            continue
        slots = len(_label_slot(param.name).findall(body))
        if not slots or slots != len(re.findall(rf"\${param.name}\b", body)):
            where = "a label goes" if param.type == "label" else "relationship types go"
            raise QueryError(f"{name}.cypher: {param.type} parameter {param.name} may stand only where {where}")


def _example(query: str, text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise QueryError(f"{query}.cypher: the example is not a JSON object: {text.strip()}") from None
    if not isinstance(value, dict):
        raise QueryError(f"{query}.cypher: the example is not a JSON object: {text.strip()}")
    return value


def _param(query: str, name: str, type_name: str, default: str | None, description: str) -> Param:
    if type_name not in PARAM_TYPES:
        raise QueryError(f"{query}.cypher: parameter {name} has unknown type {type_name!r}")
    param_type = cast(ParamType, type_name)
    if default is None:
        return Param(name, param_type, REQUIRED, description)
    try:
        value = json.loads(default)
    except json.JSONDecodeError:
        raise QueryError(f"{query}.cypher: parameter {name} has a default that is not JSON: {default}") from None
    return Param(name, param_type, value, description)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@lru_cache(maxsize=4)
def load_catalog(root: Traversable | None = None) -> dict[str, NamedQuery]:
    """Every named query shipped in policykg.cypher (package data), or in the folder `root`, by name
    (sorted). An empty or missing catalog is an error naming where it looked, never an empty dict."""
    package = CYPHER_PACKAGE if root is None else str(root)
    files = {f.name: f for f in listing(CYPHER_PACKAGE, ".cypher", root)}
    queries: dict[str, NamedQuery] = {}
    for file_name, file in files.items():
        if file_name.startswith(NOT_NAMED) or file_name.endswith(tuple(DIALECT_SUFFIXES.values())):
            continue
        name = file_name.removesuffix(".cypher")
        parsed = parse_query_file(name, file.read_text(encoding="utf-8"))
        bodies = {"neo4j": parsed.body}
        for dialect, suffix in DIALECT_SUFFIXES.items():
            override = files.get(name + suffix)
            if override is not None:
                bodies[dialect] = _strip_comments(override.read_text(encoding="utf-8"))
        for body in bodies.values():
            check_label_slots(name, parsed.params, body)
        queries[name] = NamedQuery(
            name, parsed.title, parsed.description, parsed.params, bodies, parsed.example, parsed.console
        )
    if not queries:
        raise ResourceMissing(package, "<name>.cypher (no named queries)")
    return queries


def named_query(name: str) -> NamedQuery:
    catalog = load_catalog()
    if name not in catalog:
        close = difflib.get_close_matches(name, list(catalog), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (`policykg queries` lists them)"
        raise QueryError(f"no named query {name!r}{hint}")
    return catalog[name]


def run_named(store: GraphStore, name: str, **params: Any) -> list[Row]:
    """Run the named query on the store with the given parameters; rows as dicts, in the query's order."""
    return read_rows(store, *prepared(store, name, **params))


def read_rows(store: GraphStore, cypher: str, params: dict[str, Any]) -> list[Row]:
    """`store.read`, with document texts filled in where the store keeps them beside the graph."""
    return fill_texts(store, store.read(cypher, params))


def prepared(store: GraphStore, name: str, **params: Any) -> tuple[str, dict[str, Any]]:
    """(Cypher, parameters) exactly as `run_named` sends them: for showing what ran."""
    return named_query(name).statement(store.dialect, params)


_RETURN_LINE = re.compile(r"^RETURN\s", re.MULTILINE)
_PAGE_LINE = re.compile(r"^WITH\s[^\n]*\nORDER BY [^\n]* LIMIT \$limit$", re.MULTILINE)
_GROUPING = re.compile(r"\b(?:count|collect|sum|avg|min|max)\s*\(|\bDISTINCT\b", re.IGNORECASE)


def counting(store: GraphStore, name: str, **params: Any) -> tuple[str, dict[str, Any]]:
    """(Cypher, parameters) counting every row the named listing has with these parameters, its LIMIT aside:
    the body up to its page lines (a line-initial WITH of sort keys, then `ORDER BY … LIMIT $limit`: the
    keys of one page are sorted before its rows are read whole) or else its last line-initial RETURN, then
    `RETURN count(*) AS total`, so that the count and the listing cannot disagree on what they match.
    What follows the cut must give one row per match (no DISTINCT, no aggregate), or the count would not
    be the listing's."""
    cypher, bound = prepared(store, name, **params)
    page = _PAGE_LINE.search(cypher)
    starts = [page.start()] if page else [found.start() for found in _RETURN_LINE.finditer(cypher)]
    if not starts or _GROUPING.search(cypher[starts[-1] :]):
        raise QueryError(f"{name}: its rows cannot be counted (its last RETURN must give one row per match)")
    head = cypher[: starts[-1]]
    used = {key: value for key, value in bound.items() if re.search(rf"\${key}\b", head)}
    return head + "RETURN count(*) AS total", used
