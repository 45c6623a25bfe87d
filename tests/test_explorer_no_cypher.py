"""No explorer module holds a Cypher statement: every query the app runs is a named query of the catalog
(cypher/), which the two-backend parity test runs on LadybugDB and over Bolt. Read from the source (AST):
every string constant, the literal pieces of f-strings and docstrings included."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = [*sorted((ROOT / "explorer").rglob("*.py")), ROOT / "explorer_app.py"]

_NODE = r"\(\s*\w*\s*(?::\s*\w*)?\s*(?:[{)]|$)"  # a node pattern: (n), (:Unit {, (n:Measure)
STATEMENT = re.compile(
    rf"""
      (?i:\b(?:optional\s+)?match\s*{_NODE})          # MATCH (n:Unit …, in any case
    | (?i:\b(?:merge|create)\s*{_NODE})               # MERGE / CREATE of a pattern
    | (?i:\bunwind\s+[$\[\w][^\s]*\s+as\s+\w)         # UNWIND $ids AS i
    | (?i:\bmatch\s+\w+\s*=\s*\()                     # MATCH p = (…
    | <?-\[\w*(?::[\w|`]+)?(?:\*[\d.]*)?\]->?               # a relationship pattern: -[r]->, -[:HAS*1..2]-
    | \bCALL\s*(?:\{{|[A-Za-z_][\w.]*\s*\()            # CALL {{ … }} or CALL db.labels()
    | \bRETURN\s+(?:DISTINCT\s+)?[$\w(*]               # RETURN n, RETURN DISTINCT …
    | \bWITH\s+\w+(?:\.\w+)?\s*(?:,|AS\b|WHERE\b|ORDER\s+BY\b)
    | \bDETACH\s+DELETE\b | \bLOAD\s+CSV\b | \bSET\s+\w+\.\w+\s*= | \bREMOVE\s+\w+[.:]\w
    """,
    re.VERBOSE,
)


def statements_in(source: str) -> list[str]:
    """The string constants of a module that hold a Cypher statement (or a piece of one)."""
    return [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and STATEMENT.search(node.value)
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_explorer_module_holds_a_cypher_statement(path: Path) -> None:
    found = statements_in(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: Cypher belongs in a named query (cypher/<name>.cypher): {found}"


def test_every_module_is_scanned() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in MODULES}
    assert {"explorer/subgraph.py", "explorer/examples.py", "explorer/pages/graph_browser.py"} <= names


@pytest.mark.parametrize(
    "text",
    [
        "UNWIND $ids AS i MATCH (n:Measure {id: i}) RETURN n",
        "MATCH (u:Unit) RETURN DISTINCT u.kind AS kind ORDER BY kind",
        "MATCH (a:",  # the start of an f-string that writes a label in
        "-[:HAS*1..2]->(n:Measure)",
        "(:Document {id: $doc})-[:HAS]->(a:Section) RETURN a",
        "RETURN a, b, type(r) AS type, r LIMIT $limit",
        "match (n) return n",
        "MATCH p = allShortestPaths((a)-[*..8]-(b)) RETURN p",
        "CALL db.labels()",
        "CALL { MATCH (n) RETURN n }",
        "CREATE (:Unit {id: 'x'})",
        "MATCH (u:Unit) DETACH DELETE u",
        "WITH u, count(l) AS n ORDER BY n DESC",
    ],
)
def test_statements_are_recognised(text: str) -> None:
    assert STATEMENT.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "Return the nodes of one label, looked up by key.",
        "Names that match (ignoring case) what was typed.",
        "UNWIND keeps the key lookup; `id IN $ids` would scan.",
        "Read-only: statements that create, merge, set, delete, load or copy are refused.",
        "The console only reads; use `policykg cypher --write`.",
        "Calls run_named with the values, then returns the rows.",
    ],
)
def test_prose_is_not_taken_for_a_statement(text: str) -> None:
    assert not STATEMENT.search(text)
