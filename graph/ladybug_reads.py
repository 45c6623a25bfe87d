"""Connections for reads on one LadybugDB database: each read runs on a connection no other thread is using.

LadybugDB runs one query at a time per connection but several connections on one Database side by side
(it releases the GIL while a query runs). The explorer serves every browser session through one store,
so with one connection behind one lock a slow page in one tab held up every other tab's pages. A read
takes an idle connection here (or opens one), and gives it back when done.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import ladybug

from policykg.core.errors import StoreError

# Connections kept open between reads; more may be open at once, the extra ones are closed when returned.
MAX_IDLE = 8
# How long close() lets the reads in flight finish before it interrupts them: the database may only be
# closed once no query runs on it (closing it under a running query is a use-after-free in the engine).
CLOSE_GRACE_S = 30.0


class ReadConnections:
    def __init__(self, database: ladybug.Database, max_idle: int = MAX_IDLE) -> None:
        self._database = database
        self._max_idle = max_idle
        self._idle: list[ladybug.Connection] = []
        self._busy: set[ladybug.Connection] = set()
        self._returned = threading.Condition(threading.Lock())
        self._closed = False
        self.threads = 0  # engine threads per read; 0: the engine's default (every core)

    @contextmanager
    def connection(self) -> Iterator[ladybug.Connection]:
        """A connection for this caller alone until the block ends."""
        with self._returned:
            if self._closed:
                raise StoreError("the store is closed")
            conn = self._idle.pop() if self._idle else None
            if conn is None:
                conn = ladybug.Connection(self._database)
            self._busy.add(conn)
        if self.threads:
            conn.set_max_threads_for_exec(self.threads)
        healthy = False
        try:
            yield conn
            healthy = True
        finally:
            # A read that failed part way may leave a result open on its connection: that one is not reused.
            with self._returned:
                self._busy.discard(conn)
                keep = healthy and not self._closed and len(self._idle) < self._max_idle
                if keep:
                    self._idle.append(conn)
                self._returned.notify_all()
            if not keep:
                conn.close()

    def close(self, grace_s: float = CLOSE_GRACE_S) -> None:
        """Close every connection: the idle ones now, the busy ones as their reads end (each reader closes
        its own); after grace_s the reads still running are interrupted. On return no query runs on the
        database, so it can be closed."""
        with self._returned:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
        with self._returned:
            if self._returned.wait_for(lambda: not self._busy, timeout=grace_s):
                return
            busy = list(self._busy)
        for conn in busy:
            conn.interrupt()  # its reader gets the engine's one-line "Interrupted." and gives it back
        with self._returned:
            self._returned.wait_for(lambda: not self._busy, timeout=grace_s)
