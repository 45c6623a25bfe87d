"""A reader started at any moment of an ingest opens and answers: read-only opens in a loop while a real
`policykg ingest` process writes (and checkpoints) the same LadybugDB file, every one of them succeeds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from policykg.core.errors import StoreError
from policykg.graph.ladybug_files import checkpoint_files, writer_pid
from policykg.graph.ladybug_store import LadybugStore, read_wait_seconds, recovery_message
from policykg.graph.stats import stats

ROOT = Path(__file__).resolve().parents[1]
DOCS = 120


def policykg(*args: str) -> list[str]:
    return [sys.executable, "-c", "from policykg.cli.main import main; main()", *args]


def test_every_read_only_open_during_an_ingest_answers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(DOCS, seed=5, out=corpus, measures_per_doc=5)
    (corpus / "manifest.json").unlink()
    store = tmp_path / "store.lbug"
    first = policykg("ingest", str(corpus / "doc_00000.txt"), "--root", str(corpus), "--store", str(store))
    subprocess.run(first, check=True, cwd=ROOT, capture_output=True)

    writer = subprocess.Popen(
        policykg("ingest", str(corpus), "--store", str(store), "--batch", "5", "--jobs", "1"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    opens, failures, seen_checkpoint, counts = 0, [], 0, []
    try:
        while writer.poll() is None:
            seen_checkpoint += bool(checkpoint_files(store))
            try:
                with LadybugStore(store, read_only=True) as reader:
                    counts.append(stats(reader)["nodes"]["Document"])
                opens += 1
            except StoreError as exc:
                failures.append(str(exc))
    finally:
        _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    print(f"{opens} read-only opens answered, {len(failures)} failed; {seen_checkpoint} met checkpoint files")
    assert failures == [], f"{len(failures)} of {opens + len(failures)} opens failed: {failures[:3]}"
    assert opens >= 10  # the loop ran through the ingest, not once after it
    assert counts == sorted(counts)  # each reader sees a committed state, never one going back
    with LadybugStore(store, read_only=True) as reader:
        assert stats(reader)["nodes"]["Document"] == DOCS


def test_a_second_writer_is_told_which_process_holds_the_store(tmp_path: Path) -> None:
    store = tmp_path / "store.lbug"
    LadybugStore(store).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(store)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert writer_pid(store) == holder.pid
        with pytest.raises(StoreError) as caught:
            LadybugStore(store)
        message = str(caught.value)
        assert f"process {holder.pid} is writing this store" in message and "\n" not in message
    finally:
        holder.kill()
        holder.wait()
    assert writer_pid(store) is None
    LadybugStore(store).close()  # the lock went with the process


def test_a_reader_kept_out_longer_than_its_wait_by_a_live_writer_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store.lbug"
    LadybugStore(store).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(store)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        # What a checkpoint under way leaves beside the file, for as long as the test needs it to last.
        Path(f"{store}.shadow").write_bytes(bytes(4096))
        monkeypatch.setenv("POLICYKG_READ_WAIT", "0.5")
        with pytest.raises(StoreError) as caught:
            LadybugStore(store, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    message = str(caught.value)
    assert "another process is still writing this store after 0.5 s" in message and "\n" not in message
    assert "POLICYKG_READ_WAIT" in message


_HOLD = (
    "import sys, time; from policykg.graph.ladybug_store import LadybugStore; "
    "s = LadybugStore(sys.argv[1]); print('open', flush=True); time.sleep(120)"
)


def test_read_wait_is_a_setting_with_a_one_line_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYKG_READ_WAIT", raising=False)
    assert read_wait_seconds() == 30
    monkeypatch.setenv("POLICYKG_READ_WAIT", "2.5")
    assert read_wait_seconds() == 2.5
    for bad in ("soon", "-1", "nan", "1e9"):
        monkeypatch.setenv("POLICYKG_READ_WAIT", bad)
        with pytest.raises(StoreError, match="POLICYKG_READ_WAIT"):
            read_wait_seconds()


def test_recovery_message_names_the_command() -> None:
    assert recovery_message("data/s.lbug") == (
        "data/s.lbug: interrupted write left recovery pending; run `policykg repair data/s.lbug` (or any ingest)"
    )
