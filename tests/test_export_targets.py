"""Exports to places they cannot go: a folder, a full disk (/dev/full, and a file size limit for a regular
file), a path under a file, /proc, csv into an existing file. Each is one line naming the target, exit 2, no
traceback, and nothing half-written: an earlier export stays as it was, and no temporary file is left."""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from tests.corpus import PROJECT_FILES

POLICYKG = [sys.executable, "-m", "policykg"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "samples.lbug"
    with LadybugStore(path) as writer:
        load(writer, [extract_file(p) for p in PROJECT_FILES])
    return path


def policykg(*args: str, limit: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, timeout=120, preexec_fn=limit)


def assert_one_line_error(done: subprocess.CompletedProcess[str], target: str, reason: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {target}: ") and reason in lines[0], lines


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.part"))


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_a_file_export_to_a_folder(store: Path, tmp_path: Path, fmt: str) -> None:
    done = policykg("export", str(tmp_path), "--format", fmt, "--store", str(store))
    assert_one_line_error(done, str(tmp_path), "folder")


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_an_export_to_a_full_device(store: Path, fmt: str) -> None:
    done = policykg("export", "/dev/full", "--format", fmt, "--store", str(store))
    assert_one_line_error(done, "/dev/full", "No space left on device")


@pytest.mark.parametrize("fmt", ["json", "graphml", "csv"])
def test_an_export_under_a_file(store: Path, tmp_path: Path, fmt: str) -> None:
    plain = tmp_path / "plain"
    plain.write_text("not a folder")
    target = plain / "deeper" / "out"
    done = policykg("export", str(target), "--format", fmt, "--store", str(store))
    assert_one_line_error(done, str(target), "is a file")
    assert plain.read_text() == "not a folder"


@pytest.mark.parametrize("fmt,target", [("json", "/proc/policykg.json"), ("csv", "/proc/policykg-csv")])
def test_an_export_where_nothing_can_be_created(store: Path, fmt: str, target: str) -> None:
    assert_one_line_error(policykg("export", target, "--format", fmt, "--store", str(store)), target, "cannot write")


def test_csv_into_an_existing_file(store: Path, tmp_path: Path) -> None:
    existing = tmp_path / "nodes.csv"
    existing.write_text("id\n1\n")
    done = policykg("export", str(existing), "--format", "csv", "--store", str(store))
    assert_one_line_error(done, str(existing), "not a folder")
    assert existing.read_text() == "id\n1\n"


def _fsize_limit(bytes_: int) -> Callable[[], None]:
    # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, as a full disk fails with ENOSPC.
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (bytes_, bytes_))


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_a_disk_that_fills_up_leaves_the_earlier_export_whole(store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    assert policykg("export", str(out), "--format", fmt, "--store", str(store)).returncode == 0
    before = _digests(tmp_path)
    done = policykg("export", str(out), "--format", fmt, "--store", str(store), limit=_fsize_limit(20_000))
    assert_one_line_error(done, str(out), "File too large")
    assert _digests(tmp_path) == before and leftovers(tmp_path) == []

    fresh = tmp_path / f"fresh.{fmt}"
    done = policykg("export", str(fresh), "--format", fmt, "--store", str(store), limit=_fsize_limit(20_000))
    assert_one_line_error(done, str(fresh), "File too large")
    assert not fresh.exists() and leftovers(tmp_path) == []


def test_a_csv_export_that_fails_changes_no_file_of_the_folder(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert policykg("export", str(out), "--format", "csv", "--store", str(store)).returncode == 0
    (out / "mine.txt").write_text("kept")
    before = _digests(out)
    done = policykg("export", str(out), "--format", "csv", "--store", str(store), limit=_fsize_limit(20_000))
    assert_one_line_error(done, str(out), "File too large")
    assert _digests(out) == before and leftovers(tmp_path) == []

    fresh = tmp_path / "fresh-csv"
    done = policykg("export", str(fresh), "--format", "csv", "--store", str(store), limit=_fsize_limit(20_000))
    assert_one_line_error(done, str(fresh), "File too large")
    assert not fresh.exists() and leftovers(tmp_path) == []


def test_a_csv_export_again_replaces_its_files_and_keeps_the_others(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    first = policykg("export", str(out), "--format", "csv", "--store", str(store))
    assert first.returncode == 0 and first.stdout.startswith("wrote ")
    (out / "mine.txt").write_text("kept")
    before = _digests(out)
    assert policykg("export", str(out), "--format", "csv", "--store", str(store)).returncode == 0
    assert _digests(out) == before and leftovers(tmp_path) == []
    assert oct(out.stat().st_mode & 0o777) == "0o755"


def test_overlap_graphml_to_a_bad_place_is_one_line(store: Path, tmp_path: Path) -> None:
    done = policykg("overlap", "--no-write", "--no-similar", "--graphml", "/dev/full", "--store", str(store))
    assert_one_line_error(done, "/dev/full", "No space left on device")
    done = policykg("overlap", "--no-write", "--no-similar", "--graphml", str(tmp_path), "--store", str(store))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and str(tmp_path) in done.stderr


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_an_export_into_a_pipe_whose_reader_has_gone(store: Path, tmp_path: Path, fmt: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # The reader opens the pipe and leaves at once, as `| head -c 0` would.
    reader = subprocess.Popen([sys.executable, "-c", f"open({str(fifo)!r}, 'rb').close()"])
    done = policykg("export", str(fifo), "--format", fmt, "--store", str(store))
    reader.wait(timeout=30)
    assert_one_line_error(done, str(fifo), "Broken pipe")
