"""Shared pytest fixtures. Each block is self-contained; add new fixtures as new blocks."""

from __future__ import annotations

import base64
import importlib.util
import itertools
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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

if TYPE_CHECKING:
    from graph.bolt import BoltStore
    from graph.ladybug_store import LadybugStore
    from ingest.records import Extraction

# --- Bolt: a real Bolt server (ArcadeDB from the `arcadedb-embedded` wheel, its own JRE) -------------
# It runs in a child process: the JVM stays out of the test process, its ./log lands in a temp dir, and
# teardown is a clean exit. POLICYKG_SKIP_BOLT=1 skips the Bolt tests; otherwise failing to start fails.

BOLT_START_TIMEOUT_S = 180.0
BOLT_SERVER_SCRIPT = Path(__file__).with_name("arcadedb_bolt_server.py")


@dataclass(frozen=True)
class BoltServer:
    uri: str
    user: str
    password: str
    database: str  # created at start; tests get a fresh one each from `bolt_database`
    http_url: str
    start_seconds: float

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


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.stdin is not None:
        process.stdin.close()  # the child stops the server when its stdin ends
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:  # a store a test left open keeps the server's stop waiting
        process.kill()
        process.wait(timeout=10)


def _wait_ready(process: subprocess.Popen[bytes], output: Path, deadline: float) -> float:
    """Seconds the child reported for its start, once it prints READY; fails the session otherwise."""
    while time.monotonic() < deadline:
        found = re.search(r"READY ([0-9.]+)s", output.read_text(errors="replace"))
        if found:
            return float(found.group(1))
        if process.poll() is not None:
            tail = output.read_text(errors="replace")[-2000:]
            pytest.fail(f"the ArcadeDB Bolt server exited with {process.returncode}:\n{tail}")
        time.sleep(0.2)
    _stop(process)
    pytest.fail(f"the ArcadeDB Bolt server did not start in {BOLT_START_TIMEOUT_S:.0f}s; see {output}")


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    if os.environ.get("POLICYKG_SKIP_BOLT") == "1":
        pytest.skip("POLICYKG_SKIP_BOLT=1")
    if importlib.util.find_spec("arcadedb_embedded") is None:
        pytest.fail("the Bolt tests need arcadedb-embedded: pip install -e '.[test]' (or POLICYKG_SKIP_BOLT=1)")
    workdir = tmp_path_factory.mktemp("arcadedb")
    bolt_port, http_port, https_port = _free_ports(3)
    password = "pkg-" + secrets.token_hex(12)  # ArcadeDB wants at least 8 characters
    database = "policykg"
    output = workdir / "server.out"
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                str(BOLT_SERVER_SCRIPT),
                str(workdir / "databases"),
                str(bolt_port),
                str(http_port),
                str(https_port),
                database,
            ],
            cwd=workdir,  # ArcadeDB writes ./log into its working directory
            env={**os.environ, "ARCADEDB_ROOT_PASSWORD": password},
            stdin=subprocess.PIPE,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        seconds = _wait_ready(process, output, time.monotonic() + BOLT_START_TIMEOUT_S)
        yield BoltServer(
            uri=f"bolt://127.0.0.1:{bolt_port}",
            user="root",
            password=password,
            database=database,
            http_url=f"http://127.0.0.1:{http_port}",
            start_seconds=seconds,
        )
    finally:
        _stop(process)


class BoltTarget(NamedTuple):
    uri: str
    user: str
    password: str
    database: str


_database_numbers = itertools.count(1)


@pytest.fixture
def bolt_database(bolt_server: BoltServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[BoltTarget]:
    """A fresh, empty database on the Bolt server, with NEO4J_USER/PASSWORD/DATABASE set for it
    (so `BoltStore(uri)` and a `policykg --store URI` subprocess both reach it)."""
    name = f"test{next(_database_numbers)}"
    bolt_server.server_command(f"create database {name}")
    monkeypatch.setenv("NEO4J_USER", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    monkeypatch.setenv("NEO4J_DATABASE", name)
    yield BoltTarget(bolt_server.uri, bolt_server.user, bolt_server.password, name)
    bolt_server.server_command(f"drop database {name}")


@pytest.fixture
def bolt_store(bolt_database: BoltTarget) -> Iterator[BoltStore]:
    """A BoltStore on a fresh, empty database."""
    from graph.bolt import BoltStore

    store = BoltStore(bolt_database.uri)
    yield store
    store.close()


# --- Corpus store: the seed corpus extracted once and loaded into one LadybugDB file per session ------
# Read-only by convention: a test that writes (SIMILAR_TO, removals) loads its own copy from the
# extractions instead.


@pytest.fixture(scope="session")
def corpus_extractions() -> list[Extraction]:
    from ingest.pipeline import extract_file
    from tests.corpus import corpus_files

    return [extract_file(path) for path in corpus_files()]


@pytest.fixture(scope="session")
def corpus_store(
    tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[Extraction]
) -> Iterator[LadybugStore]:
    from graph.ladybug_store import LadybugStore
    from graph.loader import load

    store = LadybugStore(tmp_path_factory.mktemp("corpus") / "corpus.lbug")
    load(store, corpus_extractions)
    yield store
    store.close()
