"""The read-only guard: write clauses refused, reads allowed however they spell 'create' in data."""

from __future__ import annotations

import pytest

from policykg.core.errors import WriteRefused
from policykg.graph.readonly import ensure_read_only, write_clause

WRITES = [
    ("CREATE (n:Unit {id: 'x'})", "CREATE"),
    ("match (n) detach delete n", "DETACH"),
    ("MATCH (n) DELETE n", "DELETE"),
    ("MERGE (n:Unit {id: $id})", "MERGE"),
    ("MATCH (n) SET n.name = 'x'", "SET"),
    ("MATCH (n) REMOVE n.name", "REMOVE"),
    ("DROP TABLE Unit", "DROP"),
    ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD"),
    ("LOAD FROM 'x.csv' RETURN *", "LOAD"),
    ("COPY Unit FROM 'units.csv'", "COPY"),
    ("ALTER TABLE Unit ADD x STRING", "ALTER"),
    ("INSTALL json", "INSTALL"),
    ("MATCH (n) WITH n CALL { WITH n SET n.x = 1 }", "SET"),
    ("CALL apoc.create.node(['Unit'], {id: 'x'})", "CALL apoc.create.node"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "CALL apoc.periodic.iterate"),
    ("CALL db.createLabel('X')", "CALL db.createLabel"),
    ("CALL threads = 4", "CALL"),
    ("UNWIND [1] AS x FOREACH (y IN [x] | CREATE (:X))", "FOREACH"),
    ("MATCH (n) RETURN n; CREATE (m)", "CREATE"),
    ("/* a comment */ create (n)", "CREATE"),
    ("BEGIN TRANSACTION", "BEGIN"),
]

READS = [
    "MATCH (n) RETURN n.created_at AS created_at",
    "MATCH (m:Measure) WHERE m.text CONTAINS 'CREATE' RETURN m.id",
    'MATCH (m:Measure) WHERE m.text = "DELETE this; SET that" RETURN m',
    "MATCH (m) WHERE m.text = 'it\\'s created, merged and set' RETURN m",
    "MATCH (n) // DETACH DELETE n\nRETURN count(n)",
    "MATCH (n) /* SET n.x = 1 */ RETURN n",
    "MATCH (n:`CREATE`) RETURN n.set, n.merge",
    "RETURN {remove: 1, delete: 2} AS m",
    "MATCH (u:Unit) WHERE u.name STARTS WITH '创建' RETURN u.name AS created",
    "CALL show_tables() RETURN *",
    "CALL db.labels()",
    "CALL current_setting('threads') RETURN *",
    "MATCH (a:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(m:Measure) RETURN a.name, count(r) AS createdCount",
    "MATCH p = (a)-[:`IN`*1..3]->(b) RETURN p",
]


@pytest.mark.parametrize(("cypher", "clause"), WRITES)
def test_writes_are_refused(cypher: str, clause: str) -> None:
    assert write_clause(cypher) == clause
    with pytest.raises(WriteRefused) as refused:
        ensure_read_only(cypher)
    message = str(refused.value)
    assert "\n" not in message and clause in message and "read-only" in message


@pytest.mark.parametrize("cypher", READS)
def test_reads_are_allowed(cypher: str) -> None:
    assert write_clause(cypher) is None
    ensure_read_only(cypher)
