"""Console statements (the explorer's Cypher page, `policykg cypher`), run so that none can hurt the server.

Each statement is checked first (graph/guard.py). On LadybugDB it then runs in a worker process of its
own (`python -m policykg.graph.console`), on its own read-only connection, under the engine's query
timeout and on at most `limits.threads` engine threads (half the cores by default), so that one statement
cannot take every core. The parent stops the worker when it runs past the time limit or grows past the
memory limit, and a worker that dies (an engine crash) gives the user a one-line error while the app goes
on serving.
On a Bolt server the statement runs under the server's transaction timeout. Either way at most
`max_rows` rows come back, and the result says when there were more.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.core.errors import PolicyKGError, QueryError
from policykg.graph.guard import DEFAULT_LIMITS, ConsoleLimits, check_statement, check_value
from policykg.graph.store import GraphStore, Row

_POLL_S = 0.05
_GRACE_S = 5.0  # beyond the engine's own timeout, before the worker is killed
_BUFFER_POOL_SHARE = 0.5  # of the memory limit, for the worker's LadybugDB buffer pool


@dataclass(frozen=True)
class ConsoleResult:
    rows: list[Row]
    columns: list[str]
    truncated: bool  # the statement had more than max_rows rows; only the first max_rows are here
    seconds: float


def run_console(
    store: GraphStore, cypher: str, params: Mapping[str, Any] | None = None, limits: ConsoleLimits = DEFAULT_LIMITS
) -> ConsoleResult:
    """Run one read-only console statement within the limits; raises QueryError / WriteRefused (one line)."""
    check_statement(cypher, limits)
    values = {str(k): check_value(v) for k, v in (params or {}).items()}
    started = time.perf_counter()
    if store.dialect == "ladybug":
        columns, rows, truncated = _in_worker(store.location, cypher, values, limits)
    else:
        columns, rows, truncated = store.read_limited(cypher, values, limits.max_rows, limits.seconds)
    return ConsoleResult(rows, columns, truncated, time.perf_counter() - started)


def _in_worker(
    location: str, cypher: str, params: dict[str, Any], limits: ConsoleLimits
) -> tuple[list[str], list[Row], bool]:
    """Run the statement in `python -m policykg.graph.console` (a fresh process: nothing of the caller's
    state, threads or main module is carried over) and read its pickled answer from stdout."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "policykg.graph.console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert worker.stdin is not None and worker.stdout is not None
    answer: list[bytes] = []
    reader = threading.Thread(target=lambda: answer.append(worker.stdout.read()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    deadline = time.monotonic() + limits.seconds + _GRACE_S
    try:
        worker.stdin.write(pickle.dumps((location, cypher, params, limits)))
        worker.stdin.close()
        while worker.poll() is None:
            if time.monotonic() > deadline:
                raise QueryError(_time_limit(limits))
            if _rss_mb(worker.pid) > limits.memory_mb:
                raise QueryError(f"the statement used more than {limits.memory_mb:,} MB of memory and was stopped")
            time.sleep(_POLL_S)
        reader.join(timeout=10)
        if worker.returncode != 0 or not answer or not answer[0]:
            raise QueryError(_died(worker.returncode))
        return _unpack(pickle.loads(answer[0]))
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)


def _unpack(message: tuple[Any, ...]) -> tuple[list[str], list[Row], bool]:
    if message[0] == "error":
        raise QueryError(message[1])
    _, columns, rows, truncated = message
    return columns, rows, truncated


def _died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"the database engine stopped on this statement (signal {-exitcode}); nothing else was affected"
    return f"the statement's worker ended unexpectedly (exit code {exitcode}); nothing else was affected"


def _rss_mb(pid: int | None) -> float:
    """Resident memory of a process in MB, from /proc (0 where that is not available)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _time_limit(limits: ConsoleLimits) -> str:
    return f"the statement ran past the time limit ({limits.seconds:g} s) and was stopped"


def _worker(request: bytes) -> bytes:
    """In the worker process: open the store read-only, run, answer (columns, rows, truncated) or an error."""
    from policykg.graph.ladybug_store import LadybugStore

    location, cypher, params, limits = pickle.loads(request)
    try:
        buffer_pool = int(limits.memory_mb * _BUFFER_POOL_SHARE) << 20
        with LadybugStore(location, read_only=True, buffer_pool_size=buffer_pool) as store:
            store.limit_read_threads(limits.threads)
            columns, rows, truncated = store.read_limited(cypher, params, limits.max_rows, limits.seconds)
        return pickle.dumps(("ok", columns, rows, truncated))
    except PolicyKGError as exc:
        message = _time_limit(limits) if str(exc).strip() == "Interrupted." else str(exc)
        return pickle.dumps(("error", message))
    except Exception as exc:  # anything the engine raises reaches the user as one line, not a traceback
        return pickle.dumps(("error", f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"))


if __name__ == "__main__":
    sys.stdout.buffer.write(_worker(sys.stdin.buffer.read()))
