"""The console cannot hurt the server: each statement of the hostile campaign gives a one-line error or a
cut result within the time limit, on LadybugDB (in a worker process) and over Bolt, and the store still
answers the next statement. Statements generated from a grammar of read clauses, functions and nesting
never escape as anything but a result or a QueryError."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.core.errors import QueryError, WriteRefused
from policykg.graph.console import run_console
from policykg.graph.guard import ConsoleLimits, check_statement, parse_params
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.store import GraphStore
from policykg.ingest.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LIMITS = ConsoleLimits(seconds=5, max_rows=1000)
REFUSED = [
    "CALL READ_CSV_SERIAL('/etc/passwd') RETURN *",
    "CALL READ_CSV_PARALLEL('/etc/passwd') RETURN *",
    "CALL READ_PARQUET('/etc/passwd') RETURN *",
    "RETURN " + "(" * 5000 + "1" + ")" * 5000,
    "RETURN " + "[" * 10000 + "1" + "]" * 10000,
    "RETURN " + "{a: " * 3000 + "1" + "}" * 3000,
    "MATCH p = (a)-[*]-(b) RETURN count(p)",
    "MATCH (a:Unit)-[*1..30]-(b:Unit) RETURN count(*)",
    "MATCH (a)-[r:LEADS*..]->(b) RETURN count(*)",
    "LOAD FROM '/etc/passwd' RETURN *",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (u:Unit) SET u.name = 'x'",
    "RETURN 1 //" + "x" * 30_000,
    "RETURN '\x00'",
]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LadybugStore]:
    path = tmp_path_factory.mktemp("console") / "samples.lbug"
    with LadybugStore(path) as writer:
        load(writer, [extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))])
    with LadybugStore(path, read_only=True) as reader:
        yield reader


@pytest.fixture
def bolt_samples(bolt_store: GraphStore) -> GraphStore:
    load(bolt_store, [extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))])
    return bolt_store


def _still_answers(store: GraphStore) -> None:
    documents = len(list(SAMPLES.glob("*.txt")))
    assert run_console(store, "MATCH (d:Document) RETURN count(d) AS n", {}, LIMITS).rows == [{"n": documents}]


@pytest.mark.parametrize("statement", REFUSED, ids=lambda s: s[:40])
def test_a_hostile_statement_is_refused_before_any_engine(sample_store: LadybugStore, statement: str) -> None:
    started = time.monotonic()
    with pytest.raises((QueryError, WriteRefused)) as caught:
        run_console(sample_store, statement, {}, LIMITS)
    assert "\n" not in str(caught.value) and time.monotonic() - started < 1
    _still_answers(sample_store)


def test_a_huge_result_is_cut_at_the_row_limit(sample_store: LadybugStore) -> None:
    result = run_console(sample_store, "UNWIND range(1, 10000000) AS x RETURN x", {}, LIMITS)
    assert result.truncated and len(result.rows) == LIMITS.max_rows and result.rows[0] == {"x": 1}
    _still_answers(sample_store)


def test_a_long_statement_stops_at_the_time_limit(sample_store: LadybugStore) -> None:
    limits = ConsoleLimits(seconds=2, max_rows=10)
    started = time.monotonic()
    with pytest.raises(QueryError, match="time limit"):
        run_console(sample_store, "MATCH (a)-[*1..10]-(b)-[*1..10]-(c) RETURN count(*)", {}, limits)
    assert time.monotonic() - started < limits.seconds + 8
    _still_answers(sample_store)


def test_a_worker_that_grows_past_the_memory_limit_is_stopped(sample_store: LadybugStore) -> None:
    limits = ConsoleLimits(seconds=30, max_rows=10, memory_mb=300)
    with pytest.raises(QueryError, match=r"memory"):
        run_console(sample_store, "UNWIND range(1, 200000000) AS x WITH collect(x) AS c RETURN size(c)", {}, limits)
    _still_answers(sample_store)


def test_an_engine_error_is_one_line(sample_store: LadybugStore) -> None:
    with pytest.raises(QueryError) as caught:
        run_console(sample_store, "MATCH (u:Unit) RETURN u.no_such_property", {}, LIMITS)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    ["[" * 5000 + "]" * 5000, '{"a": 1e999}', '{"a": NaN}', "[1, 2]", "{not json", '{"x": "' + "y" * 200_000 + '"}'],
    ids=["deep", "infinite", "nan", "not-an-object", "broken", "huge"],
)
def test_bad_parameters_are_one_line_errors(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_params(text)
    assert "\n" not in str(caught.value)


def test_parameters_that_are_fine_pass_through() -> None:
    assert parse_params('{"kind": "司法局", "n": [1, 2.5, {"deep": true}]}') == {
        "kind": "司法局",
        "n": [1, 2.5, {"deep": True}],
    }


@pytest.mark.bolt
@pytest.mark.parametrize("statement", REFUSED[:9], ids=lambda s: s[:40])
def test_over_bolt_the_same_statements_are_refused(bolt_samples: GraphStore, statement: str) -> None:
    with pytest.raises((QueryError, WriteRefused)):
        run_console(bolt_samples, statement, {}, LIMITS)
    _still_answers(bolt_samples)


@pytest.mark.bolt
def test_over_bolt_a_huge_result_is_cut(bolt_samples: GraphStore) -> None:
    result = run_console(bolt_samples, "UNWIND range(1, 1000000) AS x RETURN x", {}, LIMITS)
    assert result.truncated and len(result.rows) == LIMITS.max_rows


# --- statements from a grammar ----------------------------------------------------------------------
_ATOMS = st.sampled_from(["1", "'司法局'", "null", "true", "$x", "u.name", "[1, 2]", "{a: 1}", "range(1, 3)"])
_FUNCTIONS = st.sampled_from(["size", "toUpper", "coalesce", "abs", "head", "tail", "count", "collect", "length"])


def _nest(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda f, a: f"{f}({a})", _FUNCTIONS, inner),
        st.builds(lambda a: f"[{a}]", inner),
        st.builds(lambda a: f"{{k: {a}}}", inner),
        st.builds(lambda a: f"({a})", inner),
        st.builds(lambda a, b: f"{a} + {b}", inner, inner),
    )


_EXPRESSIONS = st.recursive(_ATOMS, _nest, max_leaves=60)
_PATTERNS = st.sampled_from(
    ["(u:Unit)", "(u:Unit)-[:LEADS]->(m:Measure)", "(u)-[*1..2]-(v)", "(u)-[*]-(v)", "(u)-[r*1..50]->(v)", "(u)"]
)
_STATEMENTS = st.one_of(
    st.builds(lambda e: f"RETURN {e} AS v", _EXPRESSIONS),
    st.builds(lambda p, e: f"MATCH {p} RETURN {e} AS v LIMIT 5", _PATTERNS, _EXPRESSIONS),
    st.builds(lambda e: f"UNWIND [{e}] AS v RETURN v", _EXPRESSIONS),
    st.builds(lambda p: f"CALL {p}() RETURN *", st.sampled_from(["show_tables", "READ_CSV", "db.labels", "x.y"])),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(statement=_STATEMENTS)
def test_generated_statements_give_rows_or_one_line_errors(sample_store: LadybugStore, statement: str) -> None:
    try:
        check_statement(statement, LIMITS)
    except (QueryError, WriteRefused) as exc:
        assert "\n" not in str(exc)
        return
    try:
        result = run_console(sample_store, statement, {"x": 1}, LIMITS)
    except QueryError as exc:
        assert "\n" not in str(exc)
    else:
        assert len(result.rows) <= LIMITS.max_rows


@pytest.mark.parametrize("threads", [1, 2])
def test_the_worker_runs_a_statement_on_the_capped_engine_threads(sample_store: LadybugStore, threads: int) -> None:
    """The real worker process, given a request as run_console sends it (the statement reads the engine's
    own setting, which the console's CALL allow-list keeps from users)."""
    request = (sample_store.location, "CALL current_setting('threads') RETURN *", {}, replace(LIMITS, threads=threads))
    done = subprocess.run(
        [sys.executable, "-m", "policykg.graph.console"], input=pickle.dumps(request), capture_output=True, timeout=60
    )
    assert pickle.loads(done.stdout) == ("ok", ["threads"], [{"threads": str(threads)}], False)


def test_the_default_cap_leaves_cores_to_the_rest() -> None:
    cores = len(os.sched_getaffinity(0))
    assert ConsoleLimits().threads == max(1, cores // 2)
