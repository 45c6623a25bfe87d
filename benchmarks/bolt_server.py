"""The tests' Bolt server (tests/arcadedb_bolt_server.py) started for a benchmark run, in a temporary
working directory that is removed afterwards."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.arcadedb_bolt_server import BoltServer, running


@contextmanager
def bolt_server(database: str = "policykg") -> Iterator[BoltServer]:
    """A running server for the duration of the block; stopped (and its directory removed) after."""
    with tempfile.TemporaryDirectory(prefix="policykg-bolt-") as workdir, running(Path(workdir), database) as server:
        yield server
