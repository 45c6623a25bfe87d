"""The graph schema as data: the allow-list of labels, relationship types and their properties.

Every backend, the loader, stats and export read it from here, so no label or property name ever
comes from user input. `cypher/schema.*.cypher` hold the same schema as DDL (a test checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from policykg.core.vocabulary import ROLE_RELATIONSHIP, ROLES

PropType = Literal["STRING", "BOOLEAN", "DOUBLE", "INT64", "INT64[]"]

# The version of the graph layout a store holds, kept on its one (:StoreSchema {id, version}) node. Raise it
# whenever a change means a store written before cannot be read right (2: mention and measure spans;
# 3: each measure's count of units per role). A store without the marker but with documents was written
# before spans were kept (version 1).
SCHEMA_VERSION = 3
MARKER_LABEL = "StoreSchema"
MARKER_ID = "policykg"


@dataclass(frozen=True)
class NodeTable:
    label: str
    properties: tuple[tuple[str, PropType], ...]  # the first one, `id`, is the primary key

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.properties)


@dataclass(frozen=True)
class RelTable:
    type: str
    pairs: tuple[tuple[str, str], ...]  # (from label, to label)
    properties: tuple[tuple[str, PropType], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.properties)


# The Measure property holding how many distinct units a measure names in a role: lead_units, ….
ROLE_UNIT_COUNT: dict[str, str] = {role: f"{role}_units" for role in ROLES}

_S: PropType = "STRING"
_I: PropType = "INT64"
# Offsets are `span_start`/`span_end` (the extraction's [start, end) into Document.text), not start/end:
# `end` is a reserved word of LadybugDB's Cypher (r.end does not parse there), and an exported
# relationship's `start`/`end` already name its two nodes.
_SPAN: tuple[tuple[str, PropType], ...] = (("span_start", _I), ("span_end", _I))

NODES: tuple[NodeTable, ...] = (
    NodeTable(
        "Document",
        (
            ("id", _S),
            ("title", _S),
            ("kind", _S),
            ("jurisdiction", _S),
            ("issued", _S),
            ("doc_number", _S),
            ("period", _S),
            ("source", _S),
            ("text", _S),  # the original text: every span_start/span_end in the graph points into it
            ("fingerprint", _S),  # hash of the document's rows: an unchanged re-ingest is skipped
        ),
    ),
    NodeTable(
        "Section",
        (("id", _S), ("path", _S), ("heading", _S), *_SPAN, ("document_id", _S), ("source", _S)),
    ),
    NodeTable(
        "Measure",
        (
            ("id", _S),
            ("number", _S),
            ("path", _S),  # heading labels joined with '/': "二/(一)/1"
            ("heading", _S),
            ("text", _S),  # the document's text from span_start to span_end
            *_SPAN,
            ("deadline", _S),  # ISO date of the first dated deadline (else of the first one), "" when none
            ("deadline_text", _S),  # that deadline's phrase: 2022年底前
            # Every deadline phrase's span, in document order, as two lists of one length (Neo4j keeps no
            # list of pairs; both backends keep integer lists as they are, where a node per deadline
            # would add a label, a relationship type and a join for what is only a highlight).
            ("deadline_starts", "INT64[]"),
            ("deadline_ends", "INT64[]"),
            # Distinct units per role (ROLE_UNIT_COUNT): 牵头单位超过3个的措施 reads them instead of counting
            # every measure's relationships at question time (2.3 s at 10,000 documents; now one scan).
            *((name, _I) for name in ROLE_UNIT_COUNT.values()),
            ("document_id", _S),
            ("source", _S),
        ),
    ),
    NodeTable(
        "Unit",
        (("id", _S), ("name", _S), ("kind", _S), ("jurisdiction", _S), ("collective", "BOOLEAN")),
    ),
    NodeTable("Jurisdiction", (("id", _S), ("name", _S), ("level", _S))),
    NodeTable("Instrument", (("id", _S), ("title", _S), ("kind", _S))),
)

# The mention as written and where: Document.text[span_start:span_end] == mention.
_MENTION: tuple[tuple[str, PropType], ...] = (("mention", _S), *_SPAN)

RELATIONSHIPS: tuple[RelTable, ...] = (
    # Document->Measure only for a measure that sits under no section heading.
    RelTable("HAS", (("Document", "Section"), ("Section", "Measure"), ("Document", "Measure"))),
    *(RelTable(rel, (("Unit", "Measure"),), _MENTION) for rel in ROLE_RELATIONSHIP.values()),
    RelTable("CITES", (("Measure", "Instrument"), ("Document", "Instrument")), _MENTION),
    RelTable("ISSUED_BY", (("Document", "Unit"),)),
    RelTable("IN", (("Unit", "Jurisdiction"), ("Jurisdiction", "Jurisdiction"))),
    RelTable("SIMILAR_TO", (("Measure", "Measure"),), (("score", "DOUBLE"),)),
    RelTable("INGESTED_AS", (("Instrument", "Document"),)),
)

NODE_BY_LABEL: dict[str, NodeTable] = {n.label: n for n in NODES}
REL_BY_TYPE: dict[str, RelTable] = {r.type: r for r in RELATIONSHIPS}
LABELS: tuple[str, ...] = tuple(NODE_BY_LABEL)
REL_TYPES: tuple[str, ...] = tuple(REL_BY_TYPE)

ROLE_REL: dict[str, str] = {role: rel for role, rel in ROLE_RELATIONSHIP.items()}
SHARED_LABELS: frozenset[str] = frozenset({"Unit", "Jurisdiction", "Instrument"})  # shared across documents


def label(name: str) -> str:
    """`name` if it is a node label of the schema; raises KeyError otherwise (the allow-list check)."""
    return NODE_BY_LABEL[name].label


def rel_type(name: str) -> str:
    """`name`, quoted, if it is a relationship type of the schema (`IN` is a keyword in LadybugDB)."""
    return f"`{REL_BY_TYPE[name].type}`"
