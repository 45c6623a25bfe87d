"""The embedded default backend: one LadybugDB file (the maintained continuation of Kùzu), no server."""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import ladybug

from policykg.core.errors import QueryError, StoreError
from policykg.core.resources import read_text
from policykg.graph import ladybug_files
from policykg.graph.ladybug_reads import ReadConnections
from policykg.graph.readonly import ensure_read_only
from policykg.graph.schema import LABELS, MARKER_LABEL, REL_TYPES
from policykg.graph.store import Dialect, Row, Statement
from policykg.graph.texts import DocumentTexts

DEFAULT_PATH = "data/policykg.lbug"
SCHEMA_FILE = "schema.ladybug.cypher"  # in the package data of policykg.cypher
# LadybugDB maps max_db_size of address space per open database (8 TiB by default), which runs out
# after a handful of databases in one process (tests, the explorer). 64 GiB is ample for this graph.
MAX_DB_SIZE = 1 << 36
READ_WAIT_ENV = "POLICYKG_READ_WAIT"
DEFAULT_READ_WAIT = 30.0
_PROBE = "CALL show_tables() RETURN count(*)"


def schema_statements(name: str = SCHEMA_FILE) -> list[str]:
    """The DDL statements of a packaged schema file: `//` comment lines dropped, split on `;`."""
    text = read_text("policykg.cypher", name)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return [stmt.strip() for stmt in "\n".join(lines).split(";") if stmt.strip()]


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    # The parser lists every token it would have accepted: noise in a one-line message.
    return re.sub(r" expecting \{[^}]*\}", "", lines[0]) if lines else type(exc).__name__


class LadybugStore:
    """GraphStore over a LadybugDB file; creates the file and its schema on first open.

    `read_only=True` opens an existing file without taking the write lock, so the explorer can read
    while an ingest writes (it sees the last committed state at open time). `rebuild=True` drops the
    schema's tables first (every document with them), so a file of an earlier schema starts afresh.
    """

    dialect: Dialect = "ladybug"

    def __init__(
        self,
        path: str | Path = DEFAULT_PATH,
        *,
        read_only: bool = False,
        rebuild: bool = False,
        buffer_pool_size: int = 0,
    ) -> None:
        self.location = str(path)
        self.read_only = read_only
        target = Path(path)
        if read_only and not target.exists():
            raise StoreError(f"{path}: no such store (ingest documents into it first)")
        if not read_only:
            target.parent.mkdir(parents=True, exist_ok=True)
        opener = _open_read_only if read_only else _open_read_write
        # Taken before the open: a cache keyed by it (queries.gazetteer) may trust what this open sees only
        # while the file still has it, since a commit between this and the open would change it.
        self.opened_signature = ladybug_files.file_signature(self.location)
        self._buffer_pool_size = buffer_pool_size
        self._db, self._conn = opener(self.location, buffer_pool_size)
        self._lock = threading.RLock()  # the connection for schema changes and writes
        self._closed = False
        self._readers = ReadConnections(self._db)  # reads: a connection each, so readers never queue
        if read_only:
            self.texts: DocumentTexts | None = DocumentTexts(self.location, read_only=True)  # opens nothing yet
            return
        try:
            texts = self.texts = DocumentTexts(self.location, read_only=False)
            if rebuild:
                self._drop_schema()
                texts.clear()
            self._create_schema()
        except BaseException:
            self.close()
            raise

    def _create_schema(self) -> None:
        for stmt in schema_statements():
            self._execute(stmt, None, error=StoreError)

    def _drop_schema(self) -> None:
        """Drop the tables this schema names (relationship tables first: a node table with relationship
        tables on it cannot be dropped); other tables are left alone."""
        ours = {*REL_TYPES, *LABELS, MARKER_LABEL}
        tables = self._execute("CALL show_tables() RETURN name, type", None, error=StoreError).get_all()
        for name, _ in sorted(tables, key=lambda t: t[1] != "REL"):
            if name in ours:
                self._execute(f"DROP TABLE `{name}`", None, error=StoreError)

    def _execute(self, cypher: str, params: Mapping[str, Any] | None, error: type[Exception]) -> Any:
        return _run(self._conn, cypher, params, error)

    def read(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        ensure_read_only(cypher)
        with self._readers.connection() as conn:
            result = _run(conn, cypher, params, error=QueryError)
            columns = result.get_column_names()
            rows = []
            while result.has_next():
                rows.append({col: _plain(value) for col, value in zip(columns, result.get_next(), strict=True)})
            result.close()
        return rows

    def read_limited(
        self, cypher: str, params: Mapping[str, Any], max_rows: int, seconds: float
    ) -> tuple[list[str], list[Row], bool]:
        ensure_read_only(cypher)
        with self._readers.connection() as conn:
            conn.set_query_timeout(max(1, int(seconds * 1000)))
            try:
                result = _run(conn, cypher, params, error=QueryError)
                columns = result.get_column_names()
                rows: list[Row] = []
                while result.has_next() and len(rows) <= max_rows:
                    rows.append({col: _plain(value) for col, value in zip(columns, result.get_next(), strict=True)})
                result.close()
            finally:
                conn.set_query_timeout(0)
        return columns, rows[:max_rows], len(rows) > max_rows

    def write(self, statements: Iterable[Statement]) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        # A connection per transaction: a connection keeps every Arrow table it has copied from (and the
        # engine's memory for it) until it closes, so one long-lived connection grows with the corpus.
        with self._lock:
            conn = ladybug.Connection(self._db)
            try:
                self._transaction(conn, statements)
            finally:
                conn.close()

    def _transaction(self, conn: ladybug.Connection, statements: Iterable[Statement]) -> None:
        _run(conn, "BEGIN TRANSACTION", None, error=StoreError)
        try:
            for cypher, params in statements:
                _run(conn, cypher, params, error=StoreError)
        except BaseException:
            # The engine may have rolled back itself (out of buffer pool): the first error is the cause.
            with contextlib.suppress(StoreError):
                _run(conn, "ROLLBACK", None, error=StoreError)
            raise
        try:
            _run(conn, "COMMIT", None, error=StoreError)
        except StoreError as exc:
            # The engine may call a commit whose checkpoint failed "committed … durable": only a reopen
            # tells what the file holds, so the caller is told the commit failed, and why.
            raise StoreError(f"{self.location}: the commit failed: {commit_failure(str(exc))}") from exc

    def release_memory(self) -> None:
        """Close the database and open it again, handing what it held outside its buffer pool back to the
        system. An open database keeps engine memory that grows with every row written until it closes
        (measured on the engine alone: about 1 KB per row of a STRING-keyed table, beyond a 256 MB pool;
        flat when reopened); the ingest calls this between batches. Readers in other processes are not
        affected; this store's own readers must be idle (the ingest has none)."""
        if self.read_only:
            return
        with self._lock:
            self._readers.close()
            self._conn.close()
            self._db.close()
            _trim_heap()
            self._db, self._conn = _open_read_write(self.location, self._buffer_pool_size)
            self._readers = ReadConnections(self._db)

    def close(self) -> None:
        self._readers.close()
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._conn.close()
            self._db.close()

    def __enter__(self) -> LadybugStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def limit_read_threads(self, threads: int) -> None:
        """Run each later read on at most this many engine threads (0: every core), so that one read, a
        console statement's, cannot take every core from the other processes."""
        self._readers.threads = threads


def _trim_heap() -> None:
    """Give freed heap pages back to the system (glibc keeps them for reuse otherwise)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def read_wait_seconds() -> float:
    """How long a read-only open waits for another process's checkpoint: $POLICYKG_READ_WAIT, else 30 s."""
    raw = os.environ.get(READ_WAIT_ENV, "").strip()
    if not raw:
        return DEFAULT_READ_WAIT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:  # NaN fails this too
        raise StoreError(f"{READ_WAIT_ENV}={raw!r}: expected seconds from 0 to 3600")
    return seconds


def recovery_message(path: str) -> str:
    return f"{path}: interrupted write left recovery pending; run `policykg repair {path}` (or any ingest)"


def _connect(path: str, read_only: bool, buffer_pool_size: int) -> tuple[ladybug.Database, ladybug.Connection]:
    db = ladybug.Database(path, read_only=read_only, max_db_size=MAX_DB_SIZE, buffer_pool_size=buffer_pool_size)
    try:
        conn = ladybug.Connection(db)
        if read_only:  # the catalog and its tables must be readable now, not at the first page view
            conn.execute(_PROBE)
    except BaseException:
        db.close()
        raise
    return db, conn


def _open_read_write(path: str, buffer_pool_size: int) -> tuple[ladybug.Database, ladybug.Connection]:
    try:
        return _connect(path, False, buffer_pool_size)
    except RuntimeError as exc:
        holder = ladybug_files.writer_pid(path)
        if holder is not None or "could not set lock" in str(exc).lower():
            who = f"process {holder}" if holder else _lock_holder(str(exc))
            raise StoreError(
                f"{path}: {who} is writing this store; wait for it to finish (or stop it), then run this again"
            ) from exc
        raise StoreError(f"{path}: cannot open the store: {_one_line(exc)}") from exc


def _open_read_only(path: str, buffer_pool_size: int) -> tuple[ladybug.Database, ladybug.Connection]:
    """Open read-only. While another process writes, an open can meet its checkpoint (refused, or a torn
    page): then wait a little and try again, for up to read_wait_seconds(). With no writer alive, a
    checkpoint left behind needs one read-write open: say which command does it."""
    wait = read_wait_seconds()
    deadline = time.monotonic() + wait
    pauses = _backoff()
    while True:
        # The side files first: a stat each, where the first read of /proc/locks in a process takes 5-15 ms.
        if ladybug_files.checkpoint_files(path) and _another_writer(path) and time.monotonic() < deadline:
            time.sleep(next(pauses))  # a checkpoint is being applied to the file: do not read it half-way
            continue
        try:
            return _connect(path, True, buffer_pool_size)
        except RuntimeError as exc:
            if not _another_writer(path):
                if ladybug_files.checkpoint_pending(path) or "recovery is pending" in str(exc):
                    raise StoreError(recovery_message(path)) from exc
                raise StoreError(f"{path}: cannot open the store: {_one_line(exc)}") from exc
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{path}: another process is still writing this store after {wait:g} s of waiting "
                    f"({_one_line(exc)}); try again when it is done, or set {READ_WAIT_ENV} longer"
                ) from exc
            time.sleep(next(pauses))


def _backoff() -> Iterator[float]:
    """Pauses between open attempts: 0.05 s, doubling up to 0.5 s."""
    pause = 0.05
    while True:
        yield pause
        pause = min(pause * 2, 0.5)


def commit_failure(message: str) -> str:
    """The cause of a failed commit in a few words, without the engine's claim of what was kept (the store
    is reopened to find that out): "cannot write /data/s.lbug: No space left on device"."""
    cause = re.sub(r"^.*?(?:will be recovered on restart|durable)[^:]*:\s*", "", message)
    path = re.search(r"path: (\S+)", cause)
    errno_text = re.search(r"Error: ([^.;]+)", cause)
    if path and errno_text:
        return f"cannot write {path.group(1)}: {errno_text.group(1).strip()}"
    return cause


def _another_writer(path: str) -> bool:
    """Another process holds the write lock (this one's own writer cannot finish while this call waits)."""
    holder = ladybug_files.writer_pid(path)
    return holder is not None and holder != os.getpid()


def _lock_holder(message: str) -> str:
    """ "process 6377" from the engine's "Lock is held by PID 6377", else "another process"."""
    found = re.search(r"held by PID (\d+)", message)
    return f"process {found.group(1)}" if found else "another process"


def _run(conn: ladybug.Connection, cypher: str, params: Mapping[str, Any] | None, error: type[Exception]) -> Any:
    try:
        result = conn.execute(cypher, dict(params or {}))
    except RuntimeError as exc:
        raise error(_one_line(exc)) from exc
    # A string holding several statements gives one result each; the last one is the answer.
    return result[-1] if isinstance(result, list) else result


def _plain(value: Any) -> Any:
    """Nodes and relationships come back as dicts with internal keys (_ID, _LABEL, _SRC …): keep only
    their properties, so a returned node looks the same on every backend (a dict of its properties)."""
    if isinstance(value, dict) and "_ID" in value:
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_") and v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
