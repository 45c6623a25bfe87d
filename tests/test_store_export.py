"""Exports: GraphML that networkx reads back, CSV in neo4j-admin import layout, JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from benchmarks import synthetic_records as synthetic
from policykg.graph.export import write_csv, write_graphml, write_json
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.schema import LABELS, REL_TYPES
from policykg.graph.stats import stats


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LadybugStore]:
    with LadybugStore(tmp_path / "g.lbug") as s:
        load(s, [synthetic.extraction("a.txt"), synthetic.extraction("b.txt", place="营口市鲅鱼圈区")])
        yield s


def totals(store: LadybugStore) -> tuple[int, int]:
    counts = stats(store)
    return sum(counts["nodes"].values()), sum(counts["relationships"].values())


def test_graphml_opens_in_networkx(store: LadybugStore, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    write_graphml(store, out)
    graph = nx.read_graphml(out)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == totals(store)
    unit = next(d for _, d in graph.nodes(data=True) if d.get("name") == "宁远县司法局")
    assert unit["labels"] == ":Unit" and unit["label"] == "宁远县司法局" and unit["collective"] is False
    assert {d["type"] for _, _, d in graph.edges(data=True)} >= {"HAS", "LEADS", "IN", "CITES"}
    due = [d for _, d in graph.nodes(data=True) if d.get("deadline_text")]
    assert due and all(
        isinstance(d["deadline_starts"], str) and d["deadline_starts"] for d in due
    )  # GraphML has no lists
    lead = next(d for _, _, d in graph.edges(data=True) if d["type"] == "LEADS")
    assert isinstance(lead["span_start"], int) and lead["span_start"] < lead["span_end"]
    buffer = io.BytesIO()  # what the explorer's download button needs
    write_graphml(store, buffer)
    assert buffer.getvalue().startswith(b"<?xml")


def test_csv_has_neo4j_admin_headers(store: LadybugStore, tmp_path: Path) -> None:
    files = write_csv(store, tmp_path / "csv")
    names = {f.name for f in files}
    assert {f"nodes_{label}.csv" for label in LABELS} | {f"rels_{t}.csv" for t in REL_TYPES} <= names
    with (tmp_path / "csv" / "nodes_Unit.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id:ID", "name", "kind", "jurisdiction", "collective:boolean", ":LABEL"]
    assert all(r[-1] == "Unit" for r in rows[1:]) and {r[4] for r in rows[1:]} <= {"true", "false"}
    with (tmp_path / "csv" / "rels_LEADS.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [":START_ID", ":END_ID", "mention", "span_start:long", "span_end:long", ":TYPE"]
    assert len(rows) - 1 == stats(store)["relationships"]["LEADS"]
    assert all(int(r[3]) < int(r[4]) for r in rows[1:])
    with (tmp_path / "csv" / "nodes_Measure.csv").open(encoding="utf-8") as handle:
        measures = list(csv.DictReader(handle))
    assert {"deadline_starts:long[]", "deadline_ends:long[]"} <= set(measures[0])
    due = [m for m in measures if m["deadline_text"]]
    assert due and all(
        len(m["deadline_starts:long[]"].split(";")) == len(m["deadline_ends:long[]"].split(";")) for m in due
    )
    assert all(m["deadline_starts:long[]"] == "" for m in measures if not m["deadline_text"])
    header = (tmp_path / "csv" / "rels_SIMILAR_TO.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ":START_ID,:END_ID,score:double,:TYPE"
    assert "neo4j-admin database import" in (tmp_path / "csv" / "neo4j-admin-import.txt").read_text()


def test_json_export(store: LadybugStore, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    write_json(store, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (len(data["nodes"]), len(data["relationships"])) == totals(store)
    ids = {n["id"] for n in data["nodes"]}
    assert all(r["start"] in ids and r["end"] in ids for r in data["relationships"])
