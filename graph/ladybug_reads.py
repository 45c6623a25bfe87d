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


class ReadConnections:
    def __init__(self, database: ladybug.Database, max_idle: int = MAX_IDLE) -> None:
        self._database = database
        self._max_idle = max_idle
        self._idle: list[ladybug.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[ladybug.Connection]:
        """A connection for this caller alone until the block ends."""
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = ladybug.Connection(self._database)
        healthy = False
        try:
            yield conn
            healthy = True
        finally:
            # A read that failed part way may leave a result open on its connection: that one is not reused.
            with self._lock:
                keep = healthy and not self._closed and len(self._idle) < self._max_idle
                if keep:
                    self._idle.append(conn)
            if not keep:
                conn.close()

    def close(self) -> None:
        """Close the idle connections; one still in use is closed when its read gives it back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
