"""The tests' Bolt server (tests/arcadedb_bolt_server.py: ArcadeDB with its Bolt plugin, from the
`arcadedb-embedded` test extra) started for a benchmark run, in a temporary working directory (it writes
./log there), on free ports of 127.0.0.1, with a fresh random password handed over in the environment."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SERVER_SCRIPT = Path(__file__).resolve().parent.parent / "tests" / "arcadedb_bolt_server.py"
START_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class BoltServer:
    uri: str
    user: str
    password: str
    database: str
    start_seconds: float

    def environment(self) -> dict[str, str]:
        """NEO4J_* for graph.open.open_store(uri)."""
        return {"NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password, "NEO4J_DATABASE": self.database}


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@contextmanager
def bolt_server(database: str = "policykg") -> Iterator[BoltServer]:
    """A running server for the duration of the block; stopped (and its temp directory removed) after."""
    with tempfile.TemporaryDirectory(prefix="policykg-bolt-") as workdir:
        ports = _free_ports(3)  # Bolt, HTTP, HTTPS
        password = "pkg-" + secrets.token_hex(12)
        output = Path(workdir) / "server.out"
        with output.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, str(SERVER_SCRIPT), str(Path(workdir) / "databases"), *map(str, ports), database],
                cwd=workdir,
                env={**os.environ, "ARCADEDB_ROOT_PASSWORD": password},
                stdin=subprocess.PIPE,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        try:
            seconds = _wait_ready(process, output)
            yield BoltServer(f"bolt://127.0.0.1:{ports[0]}", "root", password, database, seconds)
        finally:
            if process.stdin is not None:
                process.stdin.close()  # the server script stops the server when its stdin ends
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_ready(process: subprocess.Popen[bytes], output: Path) -> float:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        found = re.search(r"READY ([0-9.]+)s", output.read_text(errors="replace"))
        if found:
            return float(found.group(1))
        if process.poll() is not None:
            tail = output.read_text(errors="replace")[-1500:]
            raise RuntimeError(f"the Bolt server exited with {process.returncode}:\n{tail}")
        time.sleep(0.2)
    raise RuntimeError(f"the Bolt server did not start within {START_TIMEOUT_S:.0f} s")
