"""A full disk during an ingest, and `policykg repair`.

On a real 6 MB tmpfs (needs root to mount; skipped where mounting is refused) an ingest runs out of space:
it exits 2 with one line that says what the reopened store holds (never the engine's "committed …
durable"), the count it gives is the count the store has, and once there is room `policykg repair` and a
re-ingest finish the job.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import ladybug
import pytest

from benchmarks.generate import generate
from policykg.graph.ladybug_store import LadybugStore, schema_statements
from policykg.graph.schema import SCHEMA_VERSION
from policykg.graph.stats import stats
from tests.cli_run import run
from tests.conftest import BoltTarget


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_an_ingest_that_fills_the_disk_says_what_the_store_holds(
    tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    generate(40, seed=21, out=corpus, measures_per_doc=4)
    (corpus / "manifest.json").unlink()
    store = small_disk / "store.lbug"

    code, _, err = run(capsys, monkeypatch, "ingest", str(corpus), "--store", str(store), "--batch", "5")
    assert code == 2
    line = err.strip().splitlines()[-1]
    assert "\n" not in err.strip().split("error: ", 1)[1]  # the error itself is one line
    assert "durable" not in line and "committed successfully" not in line
    assert "No space left on device" in line
    said = re.search(r"the store holds (\d+) documents", line)
    assert said, line

    # Room again: repair finishes whatever the full disk left, and the store holds what the line said.
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    code, out, err = run(capsys, monkeypatch, "repair", str(store))
    assert code == 0, err
    assert out.startswith(f"{store}: repaired (") and out.count("\n") == 1
    with LadybugStore(store, read_only=True) as reader:
        assert stats(reader)["nodes"]["Document"] == int(said.group(1))

    code, _, err = run(capsys, monkeypatch, "ingest", str(corpus), "--store", str(store), "--batch", "5")
    assert code == 0, err
    with LadybugStore(store, read_only=True) as reader:
        assert stats(reader)["nodes"]["Document"] == 40


def test_repair_of_a_missing_or_broken_store_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, monkeypatch, "repair", str(tmp_path / "none.lbug"))
    assert (code, out) == (2, "") and err == f"error: {tmp_path / 'none.lbug'}: no such store (nothing to repair)\n"

    junk = tmp_path / "junk.lbug"
    junk.write_bytes(b"not a database" * 1000)
    code, out, err = run(capsys, monkeypatch, "repair", "--store", str(junk))
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith(f"error: {junk}: ")
    assert "Traceback" not in err


def test_repair_of_a_healthy_store_replays_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    generate(3, seed=2, out=corpus, measures_per_doc=3)
    (corpus / "manifest.json").unlink()
    store = tmp_path / "s.lbug"
    assert run(capsys, monkeypatch, "ingest", str(corpus), "--store", str(store))[0] == 0
    code, out, _ = run(capsys, monkeypatch, "repair", str(store))
    assert code == 0
    assert out.startswith(f"{store}: repaired (nothing to replay); 3 Document, ")
    assert f"schema {SCHEMA_VERSION}; no orphans; opens read-only" in out


@pytest.mark.bolt
def test_repair_on_a_bolt_server_checks_the_graph_and_replays_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, bolt_database: BoltTarget
) -> None:
    corpus = tmp_path / "corpus"
    generate(3, seed=2, out=corpus, measures_per_doc=3)
    (corpus / "manifest.json").unlink()
    assert run(capsys, monkeypatch, "ingest", str(corpus), "--store", bolt_database.uri)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "repair", bolt_database.uri)
    assert code == 0, out
    assert out.startswith(f"{bolt_database.uri}: repaired (nothing to replay); 3 Document, ")
    assert f"schema {SCHEMA_VERSION}; no orphans; opens read-only" in out


def test_a_store_with_part_of_its_schema_names_repair_which_finishes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "half.lbug"
    db = ladybug.Database(str(store), max_db_size=1 << 32)
    conn = ladybug.Connection(db)
    for statement in schema_statements()[:3]:  # as a first open killed after three of its tables
        conn.execute(statement)
    conn.close()
    db.close()

    code, out, err = run(capsys, monkeypatch, "stats", "--store", str(store))
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert f"run `policykg repair {store}` (or any ingest)" in err
    code, out, err = run(capsys, monkeypatch, "repair", str(store))
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, "stats", "--store", str(store), "--format", "json")
    assert code == 0 and '"Document": 0' in out, err
