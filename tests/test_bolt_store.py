"""BoltStore against a real Bolt server (ArcadeDB from the `bolt_server` fixture)."""

from __future__ import annotations

import datetime
import socket
import time
from collections.abc import Iterator

import pytest

from policykg.core.errors import InputError, QueryError, StoreError, WriteRefused
from policykg.graph.bolt import BoltStore
from policykg.graph.store import Statement
from tests.batches import unwind_statements

DISTINCT_PASSWORD = "Zq7-distinctive-secret-91x"
BoltTarget = tuple[str, str, str, str]  # the `bolt_database` fixture: (uri, user, password, database)

bolt = pytest.mark.bolt


def count(store: BoltStore, label: str = "") -> int:
    pattern = f"(n:{label})" if label else "(n)"
    return int(store.read(f"MATCH {pattern} RETURN count(n) AS c")[0]["c"])


def error_chain(exc: BaseException) -> str:
    """Every message and repr down the cause chain: the password must be in none of them."""
    texts = []
    current: BaseException | None = exc
    while current is not None:
        texts += [str(current), repr(current)]
        current = current.__cause__ or current.__context__
    return "\n".join(texts)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@bolt
def test_round_trip_returns_plain_rows(bolt_store: BoltStore) -> None:
    bolt_store.write(
        [
            (
                "CREATE (:Unit {id: $id, name: $name, collective: false})",
                {"id": "u1", "name": "宁远县司法局"},
            ),
            (
                "CREATE (:Measure {id: $id, path: $path, deadline: date($due)})",
                {"id": "m1", "path": ["二", "(一)", "1"], "due": "2022-12-31"},
            ),
            (
                "MATCH (u:Unit {id: $u}), (m:Measure {id: $m}) CREATE (u)-[:LEADS {mention: $mention}]->(m)",
                {"u": "u1", "m": "m1", "mention": "县司法局"},
            ),
        ]
    )

    rows = bolt_store.read(
        "MATCH (u:Unit)-[r:LEADS]->(m:Measure) WHERE u.name = $name "
        "RETURN u.name AS unit, m.path AS path, m.deadline AS due, u, r, count(*) AS n",
        {"name": "宁远县司法局"},
    )

    assert len(rows) == 1
    row = rows[0]
    assert (row["unit"], row["path"], row["due"], row["n"]) == (
        "宁远县司法局",
        ["二", "(一)", "1"],
        datetime.date(2022, 12, 31),
        1,
    )
    assert row["u"]["name"] == "宁远县司法局" and row["u"]["_labels"] == ["Unit"]
    assert row["u"]["collective"] is False and row["u"]["_id"]
    assert row["r"]["_type"] == "LEADS" and row["r"]["mention"] == "县司法局"
    assert row["r"]["_start"] == row["u"]["_id"]


@bolt
def test_paths_become_nodes_and_relationships(bolt_store: BoltStore) -> None:
    bolt_store.write([("CREATE (:Unit {id: 'a'})-[:LEADS]->(:Measure {id: 'b'})", {})])

    [row] = bolt_store.read("MATCH p = (:Unit)-[:LEADS]->(:Measure) RETURN p")

    assert [node["id"] for node in row["p"]["_nodes"]] == ["a", "b"]
    assert [rel["_type"] for rel in row["p"]["_relationships"]] == ["LEADS"]


@bolt
def test_error_in_second_statement_leaves_nothing_behind(bolt_store: BoltStore) -> None:
    bolt_store.write([("CREATE (:Document {id: 'before'})", {})])

    with pytest.raises(QueryError, match="statement 2"):
        bolt_store.write(
            [
                ("CREATE (:Document {id: $id})", {"id": "half-written"}),
                ("CREATE (:Measure {id: $id, n: 1 / $zero})", {"id": "m", "zero": 0}),
            ]
        )

    assert bolt_store.read("MATCH (n) RETURN n.id AS id") == [{"id": "before"}]


@bolt
def test_failure_raised_while_producing_statements_rolls_back(bolt_store: BoltStore) -> None:
    def statements() -> Iterator[Statement]:
        yield "CREATE (:Document {id: $id})", {"id": "doc"}
        raise InputError("bad.txt", "no measures found")

    with pytest.raises(InputError, match=r"bad\.txt"):
        bolt_store.write(statements())

    assert count(bolt_store) == 0


HOSTILE_VALUES = [
    "x' }) DETACH DELETE n //",
    '"}) MATCH (m) DETACH DELETE m RETURN 1 //',
    "{id: 'evil'} $param ${name} {{braces}}",
    "`Unit`) CALL db.labels() //",
    "县司法局'); DROP CONSTRAINT unit_id; --",
    "\\'\\\" \\n newline\nreal newline",
]


@bolt
def test_parameters_are_stored_verbatim(bolt_store: BoltStore) -> None:
    bolt_store.write([("CREATE (:Unit {id: 'keep'})", {})])
    rows = [{"id": f"h{i}", "name": value} for i, value in enumerate(HOSTILE_VALUES)]

    bolt_store.write(unwind_statements("UNWIND $rows AS row CREATE (:Unit {id: row.id, name: row.name})", rows))

    for value in HOSTILE_VALUES:
        assert bolt_store.read("MATCH (u:Unit {name: $name}) RETURN u.name AS name", {"name": value}) == [
            {"name": value}
        ]
    assert count(bolt_store, "Unit") == len(HOSTILE_VALUES) + 1


@bolt
def test_uniqueness_constraint_is_enforced(bolt_store: BoltStore) -> None:
    constraint = "CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE"
    bolt_store.write([(constraint, {})])
    bolt_store.write([(constraint, {})])  # IF NOT EXISTS: running the schema twice is fine
    bolt_store.write([("CREATE (:Unit {id: $id})", {"id": "宁远县司法局"})])

    with pytest.raises(StoreError, match="rolled back"):
        bolt_store.write(
            [
                ("CREATE (:Unit {id: $id})", {"id": "宁远县人民政府办公室"}),
                ("CREATE (:Unit {id: $id})", {"id": "宁远县司法局"}),
            ]
        )

    assert sorted(row["id"] for row in bolt_store.read("MATCH (u:Unit) RETURN u.id AS id")) == ["宁远县司法局"]


@bolt
def test_read_only_store_refuses_write(bolt_database: BoltTarget) -> None:
    uri, *_ = bolt_database
    with BoltStore(uri, read_only=True) as store:
        with pytest.raises(WriteRefused):
            store.write([("CREATE (:Unit {id: 'x'})", {})])
        assert count(store) == 0
        assert "read_only=True" in repr(store)


@bolt
def test_unknown_database_is_a_store_error(bolt_database: BoltTarget, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_DATABASE", "nosuchdb")
    uri, *_ = bolt_database

    with BoltStore(uri) as store, pytest.raises(StoreError, match="nosuchdb"):
        store.read("RETURN 1 AS x")


@bolt
def test_syntax_error_is_a_one_line_query_error(bolt_store: BoltStore) -> None:
    with pytest.raises(QueryError) as caught:
        bolt_store.read("MATCH (n RETURN n")

    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(bolt_store.location)


@bolt
def test_password_never_appears_in_errors_or_repr(bolt_database: BoltTarget, monkeypatch: pytest.MonkeyPatch) -> None:
    uri, _, real_password, _ = bolt_database
    monkeypatch.setenv("NEO4J_PASSWORD", DISTINCT_PASSWORD)

    with pytest.raises(StoreError) as wrong_login:
        BoltStore(uri)
    with pytest.raises(StoreError) as refused:
        BoltStore(f"bolt://127.0.0.1:{unused_port()}")
    with pytest.raises(StoreError) as in_uri:
        BoltStore(uri.replace("bolt://", f"bolt://root:{DISTINCT_PASSWORD}@"))

    assert "authentication failed" in str(wrong_login.value)
    assert "may not carry credentials" in str(in_uri.value)
    for caught in (wrong_login, refused, in_uri):
        assert DISTINCT_PASSWORD not in error_chain(caught.value)

    # A server message that echoes a value equal to the password is scrubbed too: ArcadeDB names the
    # duplicated key in a constraint violation.
    monkeypatch.setenv("NEO4J_PASSWORD", real_password)
    with BoltStore(uri) as store:
        assert real_password not in repr(store)
        store.write([("CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE", {})])
        duplicate = ("CREATE (:Unit {id: $id})", {"id": real_password})
        store.write([duplicate])
        with pytest.raises(StoreError) as echoed:
            store.write([duplicate])
        assert "Duplicated key [***]" in str(echoed.value)
        assert real_password not in str(echoed.value)


def test_connection_refused_is_a_one_line_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", DISTINCT_PASSWORD)
    port = unused_port()

    with pytest.raises(StoreError) as caught:
        BoltStore(f"bolt://127.0.0.1:{port}")

    assert str(caught.value) == f"cannot reach bolt://127.0.0.1:{port}: Connection refused"


def test_neo4j_scheme_connection_refused_names_the_reason() -> None:
    port = unused_port()

    with pytest.raises(StoreError, match=f"^cannot reach neo4j://127.0.0.1:{port}: Connection refused$"):
        BoltStore(f"neo4j://127.0.0.1:{port}")


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "data/policykg.lbug", "bolt://"])
def test_non_bolt_uri_is_refused(uri: str) -> None:
    with pytest.raises(StoreError, match="not a Bolt URI"):
        BoltStore(uri)


@bolt
def test_neo4j_scheme_works_against_the_server(bolt_database: BoltTarget) -> None:
    uri = bolt_database[0].replace("bolt://", "neo4j://")
    with BoltStore(uri) as store:
        assert store.read("RETURN $x AS x", {"x": "宁远县"}) == [{"x": "宁远县"}]
        assert (store.dialect, store.location) == ("neo4j", uri)


@bolt
def test_ten_thousand_rows_in_one_unwind_transaction(bolt_store: BoltStore) -> None:
    rows = [{"id": f"m{i}", "text": f"第{i}项措施", "path": ["一", str(i)]} for i in range(10_000)]
    cypher = "UNWIND $rows AS row CREATE (:Measure {id: row.id, text: row.text, path: row.path})"

    started = time.perf_counter()
    bolt_store.write([(cypher, {"rows": rows})])
    one_statement = time.perf_counter() - started
    started = time.perf_counter()
    bolt_store.write(unwind_statements(cypher.replace(":Measure", ":Copy"), rows, batch_size=2_000))
    batched = time.perf_counter() - started

    assert count(bolt_store, "Measure") == 10_000 and count(bolt_store, "Copy") == 10_000
    print(f"\n10k-row UNWIND write: one statement {one_statement:.2f}s, five batches {batched:.2f}s")


def test_unwind_statements_batches_rows() -> None:
    rows = ({"i": i} for i in range(12))

    statements = list(unwind_statements("UNWIND $rows AS row RETURN row", rows, batch_size=5))

    assert [len(params["rows"]) for _, params in statements] == [5, 5, 2]
    assert statements[2][1]["rows"][-1] == {"i": 11}
    assert list(unwind_statements("UNWIND $rows AS row RETURN row", [])) == []
