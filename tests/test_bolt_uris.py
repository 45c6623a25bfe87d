"""Store URIs fail fast and keep secrets: a credential anywhere in a URI (user info, query, fragment) is
refused without being echoed, a bad port is one line and exit 2, and a port that does not speak Bolt (a
web server, a listener that never answers) fails within seconds instead of hanging."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from policykg.core.errors import StoreError
from policykg.graph.bolt import BoltStore, probe_bolt

SECRET = "hunter2-secret"


@pytest.mark.parametrize(
    "uri",
    [
        f"bolt://127.0.0.1:7687?password={SECRET}",
        f"bolt://127.0.0.1:7687#{SECRET}",
        f"bolt://neo4j:{SECRET}@127.0.0.1:7687",
        f"bolt://neo4j:{SECRET}@127.0.0.1:notaport",
        f"bolt://neo4j:{SECRET}@127.0.0.1:99999",
        f"neo4j+s://{SECRET}@db.example.org",
        f"bolt://127.0.0.1:7687/{SECRET}",
    ],
)
def test_a_secret_in_the_uri_is_refused_and_never_echoed(uri: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "policykg", "stats", "--store", uri], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert SECRET not in done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:notaport", "bolt://127.0.0.1:99999", "bolt://127.0.0.1:0"])
def test_a_bad_port_is_one_line(uri: str) -> None:
    with pytest.raises(StoreError, match="port must be a number"):
        BoltStore(uri)


@pytest.fixture
def web_port() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A listener that accepts and never says anything."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def test_a_web_port_fails_within_seconds(web_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"does not speak Bolt|no Bolt answer"):
        BoltStore(f"bolt://127.0.0.1:{web_port}")
    assert time.monotonic() - started < 10


def test_a_port_that_never_answers_fails_within_seconds(silent_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match="no Bolt answer"):
        probe_bolt(f"bolt://127.0.0.1:{silent_port}", timeout_s=2)
    assert time.monotonic() - started < 5


@pytest.mark.bolt
def test_a_real_bolt_server_passes_the_probe(bolt_server: object) -> None:
    probe_bolt(bolt_server.uri)  # type: ignore[attr-defined]
