"""A Bolt server lost in the middle of a write: the command fails within seconds in one line naming the
store and saying that nothing of the unfinished transaction was written, without the driver's retry or
connection chatter; and when the server comes back, the store indeed holds nothing of it."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policykg.graph.bolt import BoltStore
from tests.arcadedb_bolt_server import running

pytestmark = pytest.mark.bolt
# Millions of nodes in one transaction: it is still running when the server is killed.
LONG_WRITE = "UNWIND range(1, 5000) AS a UNWIND range(1, 4000) AS b CREATE (:Lost {a: a, b: b})"


def _connected(pid: int, port: int) -> bool:
    """Whether process `pid` holds an established TCP connection to 127.0.0.1:`port` (from /proc)."""
    try:
        links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    except OSError:
        return False
    inodes = {link[8:-1] for link in links if link.startswith("socket:[")}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        remote_port, state, inode = int(fields[2].split(":")[1], 16), fields[3], fields[9]
        if remote_port == port and state == "01" and inode in inodes:
            return True
    return False


def test_a_server_killed_mid_write_is_one_line_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.environ.get("POLICYKG_SKIP_BOLT") == "1":
        pytest.skip("POLICYKG_SKIP_BOLT=1")
    password = "pkg-" + secrets.token_hex(12)
    with running(tmp_path, password=password) as server:
        port = int(server.uri.rpartition(":")[2])
        writer = subprocess.Popen(
            [sys.executable, "-m", "policykg", "cypher", "--write", LONG_WRITE, "--store", server.uri],
            env={**os.environ, **server.environment()},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while not _connected(writer.pid, port) and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(5)  # the connection opens with a probe; under load the long write may start seconds later
        assert writer.poll() is None, writer.communicate()
        os.kill(server.pid, signal.SIGKILL)
        killed = time.monotonic()
        out, err = writer.communicate(timeout=120)
        seconds = time.monotonic() - killed

    assert writer.returncode == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines  # no "[#…] <CONNECTION> error" or "will be retried" lines before it
    assert lines[0].startswith(f"error: lost {server.uri} during the write") and "nothing of it was written" in lines[0]
    assert "Traceback" not in err and server.password not in err
    assert seconds < 10

    for name, value in server.environment().items():
        monkeypatch.setenv(name, value)
    with running(tmp_path, password=password) as again, BoltStore(again.uri, read_only=True) as store:
        assert store.read("MATCH (n:Lost) RETURN count(n) AS n") == [{"n": 0}]
