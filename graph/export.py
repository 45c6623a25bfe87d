"""The whole graph out of any store: GraphML (networkx, Gephi), CSV in neo4j-admin import layout, JSON."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from policykg.graph.output import file_output, folder_output, refuse_store_files
from policykg.graph.schema import NODES, RELATIONSHIPS, PropType, label, rel_type
from policykg.graph.store import GraphStore, Row
from policykg.graph.texts import fill_texts

# What Gephi shows as a node's label: the first of these properties the node has.
DISPLAY_PROPERTIES = ("name", "title", "heading", "path", "id")
NEO4J_ADMIN_TYPES: dict[PropType, str] = {
    "STRING": "",
    "BOOLEAN": ":boolean",
    "DOUBLE": ":double",
    "INT64": ":long",
    "INT64[]": ":long[]",
}
ARRAY_DELIMITER = ";"  # neo4j-admin's default between the items of an array cell


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    properties: dict[str, Any]


@dataclass(frozen=True)
class Relationship:
    type: str
    start: str
    end: str
    properties: dict[str, Any]


@dataclass(frozen=True)
class GraphData:
    nodes: list[Node]
    relationships: list[Relationship]


def graph_data(store: GraphStore) -> GraphData:
    """Every node and relationship, in a stable order (label, then id)."""
    nodes = []
    for table in NODES:
        columns = ", ".join(f"n.{name} AS {name}" for name in table.names)
        # A Document's text may be kept beside the store (graph/texts.py): the row names it for fill_texts.
        keys = ", n.id AS text_document, n.fingerprint AS text_fingerprint" if table.label == "Document" else ""
        cypher = f"MATCH (n:{label(table.label)}) RETURN {columns}{keys} ORDER BY n.id"
        for row in fill_texts(store, store.read(cypher)):
            nodes.append(Node(row["id"], table.label, _props(row, exclude=("id", "text_document", "text_fingerprint"))))
    rels = []
    for rel in RELATIONSHIPS:
        columns = "".join(f", r.{name} AS {name}" for name in rel.names)
        for src, dst in rel.pairs:
            cypher = (
                f"MATCH (a:{label(src)})-[r:{rel_type(rel.type)}]->(b:{label(dst)}) "
                f"RETURN a.id AS src, b.id AS dst{columns} ORDER BY src, dst"
            )
            for row in store.read(cypher):
                rels.append(Relationship(rel.type, row["src"], row["dst"], _props(row, ("src", "dst"))))
    return GraphData(nodes, rels)


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """Nodes keyed by id with `labels` (":Measure", as Neo4j exports write it) and `label` (display text);
    edges with `type` (and `label`, which Gephi shows). GraphML has no lists: a list property (a measure's
    deadline spans) becomes its items joined by ';', as in the CSV."""
    graph = nx.MultiDiGraph()
    for node in data.nodes:
        display = next((str(node.properties[p]) for p in DISPLAY_PROPERTIES if node.properties.get(p)), node.id)
        graph.add_node(node.id, labels=f":{node.label}", label=display, **_scalars(node.properties))
    for rel in data.relationships:
        graph.add_edge(rel.start, rel.end, type=rel.type, label=rel.type, **_scalars(rel.properties))
    return graph


def _scalars(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: _cell(v) if isinstance(v, list) else v for k, v in properties.items()}


def write_graphml(store: GraphStore, out: str | Path | IO[bytes]) -> None:
    """To a handle, or to a file written whole or not at all (an OutputError says why not)."""
    if isinstance(out, (str, Path)):
        refuse_store_files(Path(out), store.location)
    graph = to_networkx(graph_data(store))
    if isinstance(out, (str, Path)):
        with file_output(Path(out)) as handle:
            nx.write_graphml(graph, handle)
    else:
        nx.write_graphml(graph, out)


def write_json(store: GraphStore, out: str | Path | IO[str]) -> None:
    if isinstance(out, (str, Path)):
        refuse_store_files(Path(out), store.location)
    data = graph_data(store)
    payload = {
        "nodes": [{"id": n.id, "labels": [n.label], "properties": n.properties} for n in data.nodes],
        "relationships": [
            {"type": r.type, "start": r.start, "end": r.end, "properties": r.properties} for r in data.relationships
        ],
    }
    if isinstance(out, (str, Path)):
        with file_output(Path(out), text=True) as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=1)
    else:
        json.dump(payload, out, ensure_ascii=False, indent=1)


def write_csv(store: GraphStore, directory: str | Path) -> list[Path]:
    """One nodes_<Label>.csv per label and one rels_<TYPE>.csv per type, headers as neo4j-admin import
    reads them (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`). Ids are unique across labels, so
    one id space serves all files. Returns the files written (plus the import command, as a text file).
    The files appear together or not at all (an OutputError says why not); others in the folder stay."""
    out = Path(directory)
    refuse_store_files(out, store.location)
    data = graph_data(store)
    with folder_output(out) as staging:
        names = _write_csv_files(data, staging)
    return [out / name for name in names]


def _write_csv_files(data: GraphData, out: Path) -> list[str]:
    written = []
    for table in NODES:
        header = ["id:ID"] + [f"{n}{NEO4J_ADMIN_TYPES[t]}" for n, t in table.properties[1:]] + [":LABEL"]
        rows = [
            [node.id, *(_cell(node.properties.get(n)) for n in table.names[1:]), table.label]
            for node in data.nodes
            if node.label == table.label
        ]
        written.append(_write_csv(out / f"nodes_{table.label}.csv", header, rows))
    for rel in RELATIONSHIPS:
        header = [":START_ID", ":END_ID"] + [f"{n}{NEO4J_ADMIN_TYPES[t]}" for n, t in rel.properties] + [":TYPE"]
        rows = [
            [r.start, r.end, *(_cell(r.properties.get(n)) for n in rel.names), rel.type]
            for r in data.relationships
            if r.type == rel.type
        ]
        written.append(_write_csv(out / f"rels_{rel.type}.csv", header, rows))
    command = out / "neo4j-admin-import.txt"
    command.write_text(_import_command(written), encoding="utf-8")
    return [path.name for path in (*written, command)]


def _import_command(files: list[Path]) -> str:
    args = [f"--nodes={f.name}" if f.name.startswith("nodes_") else f"--relationships={f.name}" for f in files]
    # Measure texts hold line breaks: neo4j-admin needs --multiline-fields for them.
    return "neo4j-admin database import full neo4j --multiline-fields=true \\\n  " + " \\\n  ".join(args) + "\n"


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    return str(value)


def _props(row: Row, exclude: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in exclude and v is not None}
