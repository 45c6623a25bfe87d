"""Driver values to plain Python, so a Bolt row looks like an embedded backend's row."""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

from policykg.graph.store import Row


def plain_row(record: neo4j.Record) -> Row:
    return {key: plain(value) for key, value in record.items()}


def plain(value: Any) -> Any:
    """Nodes and relationships become dicts of their properties plus `_labels`/`_type` and `_id`;
    temporal values become `datetime` objects (durations ISO strings); containers are converted deeply."""
    if isinstance(value, Node):
        return {**_props(value), "_labels": sorted(value.labels), "_id": value.element_id}
    if isinstance(value, Relationship):
        return {
            **_props(value),
            "_type": value.type,
            "_id": value.element_id,
            "_start": value.start_node.element_id if value.start_node else None,
            "_end": value.end_node.element_id if value.end_node else None,
        }
    if isinstance(value, Path):
        return {
            "_nodes": [plain(node) for node in value.nodes],
            "_relationships": [plain(rel) for rel in value.relationships],
        }
    if isinstance(value, Date | DateTime | Time):
        return value.to_native()
    if isinstance(value, Duration):
        return value.iso_format()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):  # spatial points are tuples too: plain lists of coordinates
        return [plain(item) for item in value]
    return value


def _props(entity: Node | Relationship) -> dict[str, Any]:
    return {key: plain(item) for key, item in entity.items()}
