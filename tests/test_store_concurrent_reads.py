"""Reads on one LadybugStore from several threads (the explorer's browser sessions) do not queue behind
each other: a slow read on one thread leaves another thread's reads answering at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from policykg.core.errors import QueryError, StoreError
from policykg.graph.ladybug_reads import ReadConnections
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from tests.corpus import PROJECT_FILES

# 10^12 combinations in constant memory: runs until the engine's timeout stops it.
SLOW = "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y WITH x, y WHERE x + y < 0 RETURN count(*) AS n"
SLOW_SECONDS = 12.0


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("concurrent-reads") / "store.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_file(PROJECT_FILES[0])])
    return path


def test_a_slow_read_does_not_hold_up_another_threads_reads(store_path: Path) -> None:
    with LadybugStore(store_path, read_only=True) as store:
        expected = store.read("MATCH (d:Document) RETURN d.title AS title")
        slow_error: list[BaseException] = []

        def slow() -> None:
            try:
                store.read_limited(SLOW, {}, 10, SLOW_SECONDS)
            except QueryError as exc:
                slow_error.append(exc)

        slow_thread = threading.Thread(target=slow)
        slow_thread.start()
        time.sleep(1.0)  # the slow statement is running
        assert slow_thread.is_alive()
        answers, times = [], []
        for _ in range(5):
            started = time.perf_counter()
            answers.append(store.read("MATCH (d:Document) RETURN d.title AS title"))
            times.append(time.perf_counter() - started)
        # Every quick read came back while the slow one was still running, each well before its time limit.
        assert slow_thread.is_alive(), times
        assert answers == [expected] * 5 and expected
        assert max(times) < SLOW_SECONDS / 2, times
        slow_thread.join(timeout=SLOW_SECONDS + 30)
        assert not slow_thread.is_alive()
        assert slow_error and "Interrupted" in str(slow_error[0])  # the engine's own timeout stopped it


def test_a_read_holds_a_connection_of_its_own_and_gives_it_back(store_path: Path) -> None:
    with LadybugStore(store_path, read_only=True) as store:
        pool = ReadConnections(store._db)
        with pool.connection() as first, pool.connection() as second:
            assert first is not second  # two reads at once: two connections
        with pool.connection() as again:
            assert again in (first, second)  # an idle one is reused, not a new one opened per read
        pool.close()


def test_a_failed_read_leaves_the_store_reading(store_path: Path) -> None:
    with LadybugStore(store_path, read_only=True) as store:
        with pytest.raises(QueryError):
            store.read("MATCH (n:NoSuchLabel) RETURN n")
        assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]


def test_close_waits_for_a_read_in_flight_then_interrupts_it(store_path: Path) -> None:
    """The database is never closed under a running query: close() lets the read finish, or after its grace
    interrupts it, and only then returns."""
    store = LadybugStore(store_path, read_only=True)
    outcome: list[BaseException] = []

    def slow() -> None:
        try:
            store.read_limited(SLOW, {}, 10, 120)
        except QueryError as exc:
            outcome.append(exc)

    reader = threading.Thread(target=slow)
    reader.start()
    time.sleep(1.0)
    assert reader.is_alive()
    started = time.perf_counter()
    store._readers.close(grace_s=2.0)
    store.close()
    closed_after = time.perf_counter() - started
    reader.join(timeout=30)
    assert not reader.is_alive() and outcome  # the read was interrupted, as one error, not a crash
    assert 2.0 <= closed_after < 30, closed_after
    with pytest.raises(StoreError, match="closed"):
        store.read("MATCH (d:Document) RETURN count(d) AS n")


def test_a_read_pool_caps_the_engine_threads_of_each_read(store_path: Path) -> None:
    with LadybugStore(store_path, read_only=True) as store:
        store.limit_read_threads(1)
        assert store.read("CALL current_setting('threads') RETURN *") == [{"threads": "1"}]
