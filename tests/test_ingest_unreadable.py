"""Files and folders the user cannot read: a warning line naming each (inside a folder) or a one-line error
with exit code 2 (a path argument), never skipped without a word. The tests run as root, who reads
everything, so the command runs in a child process as the user `nobody` (setpriv)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.corpus import SAMPLES, SONGYANG, YUHU

SETPRIV = shutil.which("setpriv")


def _nobody() -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


def _nobody_imports_policykg() -> bool:
    """Whether `nobody` can run this checkout's policykg: not from a checkout under a folder closed to others
    (a clone in a fresh mktemp folder is root's alone)."""
    probe = [SETPRIV or "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe += [sys.executable, "-c", "import policykg.cli.main"]
    return subprocess.run(probe, capture_output=True, cwd="/", timeout=120, check=False).returncode == 0


pytestmark = [
    pytest.mark.skipif(
        os.geteuid() != 0 or SETPRIV is None or _nobody() is None,
        reason="needs root, setpriv and the user nobody to run the command as a user who cannot read everything",
    ),
    pytest.mark.skipif(
        os.geteuid() == 0 and SETPRIV is not None and _nobody() is not None and not _nobody_imports_policykg(),
        reason="the user nobody cannot read this checkout (it lies under a folder closed to others)",
    ),
]


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder `nobody` may write in (pytest's tmp_path is root's own, closed to others)."""
    folder = Path(tempfile.mkdtemp(prefix="policykg-unreadable-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def _as_nobody(place: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [SETPRIV or "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    command += [sys.executable, "-m", "policykg", *args]
    env = {**os.environ, "HOME": str(place)}
    return subprocess.run(command, capture_output=True, text=True, cwd=place, env=env, timeout=300)


def _docs(place: Path) -> Path:
    docs = place / "docs"
    (docs / "closed").mkdir(parents=True)
    shutil.copy(SAMPLES / YUHU, docs / YUHU)
    shutil.copy(SAMPLES / SONGYANG, docs / "closed" / SONGYANG)
    shutil.copy(SAMPLES / SONGYANG, docs / "locked.txt")
    docs.chmod(0o755)
    (docs / YUHU).chmod(0o644)
    (docs / "closed").chmod(0o700)  # root's: nobody cannot list it
    (docs / "locked.txt").chmod(0o600)
    return docs


def test_unreadable_folder_and_file_inside_are_warned_by_name(place: Path) -> None:
    _docs(place)
    done = _as_nobody(place, "ingest", "docs", "--store", str(place / "g.lbug"))
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: skipped")]
    assert sorted(warnings) == sorted(
        [
            "warning: skipped docs/closed: permission denied",
            "warning: skipped docs/locked.txt: permission denied",
        ]
    )
    assert "Traceback" not in done.stderr
    assert "1 added" in done.stdout
    assert "skipped 2 unreadable files or folders" in done.stdout


@pytest.mark.parametrize("argument", ["docs/locked.txt", "docs/closed"])
def test_an_unreadable_path_argument_is_one_line_exit_2(place: Path, argument: str) -> None:
    _docs(place)
    store = place / "g.lbug"
    done = _as_nobody(place, "ingest", argument, "--store", str(store))
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {argument}: permission denied")
    assert not store.exists()
