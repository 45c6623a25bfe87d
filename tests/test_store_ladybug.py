"""LadybugStore on real files: schema on first open, rows as dicts, transactions, read-only opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.core.errors import QueryError, StoreError, WriteRefused
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.open import is_bolt, open_store, store_spec
from policykg.graph.schema import NODES, RELATIONSHIPS


def test_schema_matches_the_allow_list(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "g.lbug") as store:
        conn = store._conn  # the DDL's own view of itself, not reachable through `read`
        for node in NODES:
            columns = [row[1] for row in conn.execute(f"CALL table_info('{node.label}') RETURN *").get_all()]
            assert tuple(columns) == node.names
        for rel in RELATIONSHIPS:
            pairs = conn.execute(f"CALL show_connection('{rel.type}') RETURN *").get_all()
            assert {(row[0], row[1]) for row in pairs} == set(rel.pairs)
            columns = [row[1] for row in conn.execute(f"CALL table_info('{rel.type}') RETURN *").get_all()]
            assert tuple(columns) == rel.names


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "g.lbug"
    with LadybugStore(path) as store:
        store.write(
            [
                (
                    "CREATE (:Unit {id: $id, name: $name, collective: true})",
                    {"id": "u1", "name": "宁远县司法局"},
                )
            ]
        )
    with LadybugStore(path) as store:
        assert store.read("MATCH (u:Unit) RETURN u.name AS name, u.collective AS c, u") == [
            {"name": "宁远县司法局", "c": True, "u": {"id": "u1", "name": "宁远县司法局", "collective": True}}
        ]


def test_a_failing_statement_rolls_back_the_whole_write(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "g.lbug") as store:
        with pytest.raises(StoreError):
            store.write(
                [
                    ("CREATE (:Unit {id: 'u1'})", {}),
                    ("CREATE (:Unit {id: 'u1'})", {}),  # duplicate primary key
                ]
            )
        assert store.read("MATCH (u:Unit) RETURN count(u) AS n") == [{"n": 0}]


def test_read_refuses_writes_and_reports_bad_queries_in_one_line(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "g.lbug") as store:
        with pytest.raises(WriteRefused):
            store.read("CREATE (:Unit {id: 'x'})")
        with pytest.raises(QueryError) as bad:
            store.read("MATCH (n:Unit RETURN n")
        assert "\n" not in str(bad.value) and "expecting {" not in str(bad.value)


def test_read_only_open(tmp_path: Path) -> None:
    path = tmp_path / "g.lbug"
    with pytest.raises(StoreError, match="no such store"):
        LadybugStore(path, read_only=True)
    writer = LadybugStore(path)
    writer.write([("CREATE (:Unit {id: 'u1'})", {})])
    writer.close()
    writer = LadybugStore(path)  # an ingest holding the write lock does not keep readers out
    with LadybugStore(path, read_only=True) as reader:
        assert reader.read("MATCH (u:Unit) RETURN u.id AS id") == [{"id": "u1"}]
        with pytest.raises(StoreError, match="read-only"):
            reader.write([("CREATE (:Unit {id: 'u2'})", {})])
    writer.close()


def test_open_store_picks_the_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYKG_STORE", raising=False)
    assert store_spec(None) == "data/policykg.lbug"
    monkeypatch.setenv("POLICYKG_STORE", str(tmp_path / "env.lbug"))
    assert store_spec(None) == str(tmp_path / "env.lbug")
    assert store_spec("x.lbug") == "x.lbug"
    for uri in ("bolt://localhost:7687", "neo4j://h", "neo4j+s://x.databases.neo4j.io"):
        assert is_bolt(uri)
    assert not is_bolt("data/bolt.lbug")
    store = open_store(None)
    assert store.dialect == "ladybug" and store.location == str(tmp_path / "env.lbug")
    store.close()
    with pytest.raises(StoreError, match="credentials"):
        open_store("bolt://neo4j:secret@127.0.0.1:1")
