"""50 kill -9 trials at random moments of an ingest (issue 13): after each, the store opens read-only (or
says in one line to run `policykg repair`, after which it opens), holds exactly the documents whose batch
was committed before the kill, with no orphaned nodes; a final re-ingest gives the graph a clean ingest
gives.

Each trial runs `policykg ingest` (the real entry point, tests/kill_target.py) in a process of its own,
forked from a server that has imported policykg already, on a fresh store, with two-document batches so
that commits (and checkpoints) come every second or so; it is killed with SIGKILL after a random delay.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import shutil
import signal
import sys
import time
import types
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.generate import generate
from policykg.core.errors import EmptyStore, StoreError
from policykg.graph.ladybug_store import LadybugStore, recovery_message
from policykg.graph.open import open_store
from policykg.graph.repair import check
from policykg.graph.stats import stats
from policykg.ingest.discovery import find_documents
from tests.cli_run import run
from tests.kill_target import run_cli

TRIALS = 50
DOCS = 8
BATCH = 2
_COMMITTED = re.compile(r"loading: (\d+) of \d+ documents committed")


@pytest.fixture(scope="module")
def forkserver() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    # The server imports policykg and runs one extraction (tests/kill_target.py, POLICYKG_KILL_WARM), so
    # each trial's process starts extracting at once instead of after seconds of loading.
    os.environ["POLICYKG_KILL_WARM"] = "1"
    context.set_forkserver_preload(["policykg.cli.store", "policykg.graph.ingest_run", "tests.kill_target"])
    return context


def test_kill_at_random_moments_of_an_ingest(
    tmp_path: Path,
    forkserver: multiprocessing.context.BaseContext,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A process multiprocessing starts re-runs the parent's __main__ from its path: after an explorer test
    # that is the Streamlit app, so the trials start from an empty main module instead.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    corpus = tmp_path / "corpus"
    generate(DOCS, seed=13, out=corpus, measures_per_doc=3)
    (corpus / "manifest.json").unlink()
    order = [f.source for f in find_documents([corpus]).files]  # the order ingest loads them in
    rng = random.Random(int(os.environ.get("POLICYKG_KILL_SEED", "13")))
    outcomes: Counter[str] = Counter()
    template = tmp_path / "empty.lbug"
    LadybugStore(template).close()  # the schema: most trials start on a store that has it, so kills hit loads

    # One ingest left to finish sets the range of the delays: kills then fall anywhere in a whole ingest.
    calibration = tmp_path / "calibration.lbug"
    shutil.copyfile(template, calibration)
    started = time.monotonic()
    whole = forkserver.Process(  # type: ignore[attr-defined]
        target=run_cli, args=(_ingest_args(corpus, calibration), str(tmp_path / "calibration.log"))
    )
    whole.start()
    whole.join(120)
    assert whole.exitcode == 0
    longest = time.monotonic() - started

    for trial in range(TRIALS):
        store = tmp_path / f"trial{trial}" / "store.lbug"
        log = tmp_path / f"trial{trial}.log"
        store.parent.mkdir()
        if trial % 5:  # every fifth trial creates its store itself
            shutil.copyfile(template, store)
        writer = forkserver.Process(target=run_cli, args=(_ingest_args(corpus, store), str(log)))  # type: ignore[attr-defined]
        writer.start()
        writer.join(rng.uniform(0, longest))
        if writer.exitcode is None:
            os.kill(writer.pid, signal.SIGKILL)
        writer.join(30)
        said_lines = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""  # killed at once
        committed = [int(n) for n in _COMMITTED.findall(said_lines)]
        said = committed[-1] if committed else 0
        held = _documents_after_kill(store, capsys, monkeypatch, outcomes)
        # Committed before the kill: what the log says, or one batch more when the kill fell between a
        # commit and its line.
        allowed = (order[:said], order[: min(said + BATCH, DOCS)])
        assert held in allowed, f"trial {trial}: holds {len(held)} documents, the log said {said} committed"
        outcomes["all committed" if len(held) == DOCS else f"{len(held) // BATCH} batches in"] += 1

    with capsys.disabled():
        print(f"\n{TRIALS} kill -9 trials within {longest:.1f} s of the start: {dict(sorted(outcomes.items()))}")
    assert sum(n for k, n in outcomes.items() if k.endswith("batches in") and k != "0 batches in") >= 5

    # Re-ingest after the last kill converges to the graph a clean ingest gives.
    reference = tmp_path / "clean.lbug"
    assert run(capsys, monkeypatch, "ingest", str(corpus), "--store", str(reference))[0] == 0
    last = tmp_path / f"trial{TRIALS - 1}" / "store.lbug"
    assert run(capsys, monkeypatch, "ingest", str(corpus), "--store", str(last), "--batch", str(BATCH))[0] == 0
    with LadybugStore(reference, read_only=True) as clean, LadybugStore(last, read_only=True) as again:
        assert stats(again) == stats(clean)
        assert check(again).orphans == {}


def _ingest_args(corpus: Path, store: Path) -> list[str]:
    return ["ingest", str(corpus), "--store", str(store), "--batch", str(BATCH), "--jobs", "1"]


def _documents_after_kill(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, outcomes: Counter[str]
) -> list[str]:
    """The sources a read-only open finds (in load order), repairing first when the open says to."""
    if not store.exists():  # killed before the store was created
        outcomes["killed before the store existed"] += 1
        return []
    try:
        reader = open_store(str(store), read_only=True)  # as `policykg stats` and the explorer open it
    except EmptyStore as exc:  # killed after the file was made, before its first table: nothing to read
        assert str(exc) == f"{store}: holds no graph yet (an empty database): ingest documents into it first"
        outcomes["killed before the first table"] += 1
        return []
    except StoreError as exc:
        message = str(exc)
        if message == recovery_message(str(store)):
            outcomes["needed repair"] += 1
        else:  # killed while the first open created the tables: nothing was loaded yet
            assert message.endswith(f"(an interrupted first ingest); run `policykg repair {store}` (or any ingest)")
            outcomes["killed while creating the schema"] += 1
        code, out, err = run(capsys, monkeypatch, "repair", str(store))
        summary = out.splitlines()[-1] if out else ""
        assert code == 0 and summary.startswith(f"{store}: repaired ("), err
        reader = open_store(str(store), read_only=True)
    with reader:
        report = check(reader)
        assert report.orphans == {}
        started = time.monotonic()
        rows = reader.read("MATCH (d:Document) RETURN d.source AS source ORDER BY source")
        assert time.monotonic() - started < 10
    return [row["source"] for row in rows]
