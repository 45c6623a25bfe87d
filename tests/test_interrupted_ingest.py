"""A process killed in the middle of a load leaves the store readable, earlier documents intact and the
interrupted one absent (LadybugDB replays only committed transactions)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.stats import stats
from policykg.ingest.pipeline import extract_file
from tests.corpus import SAMPLES, SONGYANG, YUHU

# Loads one document, then stops half-way through the statements of its transaction and waits to be killed.
_KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.graph.loader import load
    from policykg.ingest.pipeline import extract_file

    store = LadybugStore(sys.argv[1])
    plain_write = store.write

    def write_then_hang(statements):
        def slowly():
            for i, statement in enumerate(statements):
                if i == 3:
                    print("MID-TRANSACTION", flush=True)
                    time.sleep(600)
                yield statement
        plain_write(slowly())

    store.write = write_then_hang
    load(store, [extract_file(sys.argv[2])])
    """
)


def test_kill_during_load_keeps_earlier_documents(tmp_path: Path) -> None:
    path = str(tmp_path / "store.lbug")
    store = LadybugStore(path)
    load(store, [extract_file(SAMPLES / YUHU)])
    before = stats(store)
    store.close()

    repo = Path(__file__).resolve().parents[1]
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, path, str(SAMPLES / SONGYANG)],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo)},
    )
    assert writer.stdout is not None
    line = writer.stdout.readline()
    assert line.strip() == "MID-TRANSACTION", writer.stderr.read() if writer.stderr else ""
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)

    reopened = LadybugStore(path)
    try:
        assert stats(reopened) == before
        sources = [r["source"] for r in reopened.read("MATCH (d:Document) RETURN d.source AS source")]
        assert sources == [YUHU]
        load(reopened, [extract_file(SAMPLES / SONGYANG)])  # the store still takes writes
        assert stats(reopened)["nodes"]["Document"] == 2
    finally:
        reopened.close()
