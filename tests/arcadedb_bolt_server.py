"""A real Bolt server for the tests and the benchmark: ArcadeDB with its Bolt plugin, from the
`arcadedb-embedded` test extra, on free ports of 127.0.0.1.

`running(workdir)` starts this file as a child process and yields a BoltServer until the block ends. The
child (`python arcadedb_bolt_server.py ROOT BOLT_PORT HTTP_PORT HTTPS_PORT DATABASE`) runs the server until
its stdin closes, so the JVM stays out of the caller's process, its ./log lands in `workdir`, and the
server stops when the caller dies. The root password goes through the ARCADEDB_ROOT_PASSWORD environment
variable, never argv (argv is visible to every user of the machine).
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 180.0


class ServerError(RuntimeError):
    """The server exited or did not start in time; the message holds the end of its output."""


@dataclass(frozen=True)
class BoltServer:
    uri: str
    user: str
    password: str
    database: str  # created at start
    http_url: str
    start_seconds: float
    pid: int = 0  # the child running the server (and its JVM): kill it to lose the server mid-write

    def environment(self) -> dict[str, str]:
        """NEO4J_* for graph.open.open_store(uri) and `policykg --store URI`."""
        return {"NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password, "NEO4J_DATABASE": self.database}

    def server_command(self, command: str) -> None:
        """Run an ArcadeDB server command (`create database X`, `drop database X`) over its HTTP API."""
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        request = urllib.request.Request(
            f"{self.http_url}/api/v1/server",
            data=json.dumps({"command": command}).encode(),
            headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()


@contextmanager
def running(
    workdir: Path, database: str = "policykg", start_timeout_s: float = START_TIMEOUT_S, password: str = ""
) -> Iterator[BoltServer]:
    """A started server for the duration of the block, with a fresh random password (or `password`, to
    start again on the databases of an earlier server in `workdir`, which keeps its users); stopped after."""
    bolt_port, http_port, https_port = _free_ports(3)
    password = password or "pkg-" + secrets.token_hex(12)  # ArcadeDB wants at least 8 characters
    output = workdir / "server.out"
    ports = [str(bolt_port), str(http_port), str(https_port)]
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, __file__, str(workdir / "databases"), *ports, database],
            cwd=workdir,  # ArcadeDB writes ./log into its working directory
            env={**os.environ, "ARCADEDB_ROOT_PASSWORD": password},
            stdin=subprocess.PIPE,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        seconds = _wait_ready(process, output, start_timeout_s)
        http_url = f"http://127.0.0.1:{http_port}"
        yield BoltServer(f"bolt://127.0.0.1:{bolt_port}", "root", password, database, http_url, seconds, process.pid)
    finally:
        _stop(process)


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _wait_ready(process: subprocess.Popen[bytes], output: Path, timeout_s: float) -> float:
    """Seconds the child reported for its start, once it prints READY."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = re.search(r"READY ([0-9.]+)s", output.read_text(errors="replace"))
        if found:
            return float(found.group(1))
        if process.poll() is not None:
            tail = output.read_text(errors="replace")[-2000:]
            raise ServerError(f"the ArcadeDB Bolt server exited with {process.returncode}:\n{tail}")
        time.sleep(0.2)
    _stop(process)
    raise ServerError(f"the ArcadeDB Bolt server did not start in {timeout_s:.0f}s; see {output}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.stdin is not None:
        process.stdin.close()  # the child stops the server when its stdin ends
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:  # a store a caller left open keeps the server's stop waiting
        process.kill()
        process.wait(timeout=10)


def main(root: str, bolt_port: str, http_port: str, https_port: str, database: str) -> None:
    started = time.perf_counter()
    # Imported here so that `--help`-style mistakes fail before the JVM starts.
    from arcadedb_embedded.jvm import start_jvm
    from arcadedb_embedded.server import create_server

    start_jvm(heap_size="1g")  # the engine's default is 4g; tests need far less
    server = create_server(
        root,
        root_password=os.environ["ARCADEDB_ROOT_PASSWORD"],
        config={
            "host": "127.0.0.1",
            "http_port": int(http_port),
            "server_httpsIncomingPort": int(https_port),
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": int(bolt_port),
            "server_defaultDatabases": f"{database}[root]",
        },
    )
    server.start()
    print(f"READY {time.perf_counter() - started:.2f}s", flush=True)
    try:
        sys.stdin.read()  # EOF when the fixture closes the pipe or the test process dies
    finally:
        server.stop()


if __name__ == "__main__":
    main(*sys.argv[1:6])
