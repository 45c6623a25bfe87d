"""A LadybugDB store left with its checkpoint recovery pending, made the real way: a writer process is
killed with SIGKILL while it checkpoints a large transaction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from policykg.graph.ladybug_files import checkpoint_pending
from policykg.graph.ladybug_store import LadybugStore

_CHECKPOINTER = textwrap.dedent(
    """
    import sys, ladybug
    db = ladybug.Database(sys.argv[1], max_db_size=1 << 34)
    conn = ladybug.Connection(db)
    conn.execute("CALL auto_checkpoint=false")
    conn.execute("CREATE NODE TABLE IF NOT EXISTS Filler(id INT64, s STRING, PRIMARY KEY(id))")
    fill = "UNWIND range(1, $n) AS x CREATE (:Filler {id: x, s: 'filler text ' + string(x)})"
    conn.execute(fill, {"n": int(sys.argv[2])})
    print("ready", flush=True)
    conn.execute("CHECKPOINT")
    print("checkpointed", flush=True)
    """
)


def make_pending_store(path: Path, rows: int = 400_000, tries: int = 4) -> None:
    """A policykg store (schema, no documents) whose last checkpoint was cut short by kill -9."""
    LadybugStore(path).close()
    for _ in range(tries):
        command = [sys.executable, "-c", _CHECKPOINTER, str(path), str(rows)]
        writer = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while writer.poll() is None and not checkpoint_pending(path) and time.monotonic() < deadline:
            time.sleep(0.002)
        caught = writer.poll() is None and checkpoint_pending(path)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        if caught and checkpoint_pending(path):
            return
        rows *= 2  # the checkpoint was over before it could be caught: a larger one takes longer
    raise AssertionError(f"could not catch a checkpoint of {path} in {tries} tries")
