"""Export files written whole or not at all: into a temporary file (or folder) beside the target, renamed
over it only once everything is written, so a full disk or a killed process leaves the old output (or
nothing) rather than half a file. Every failure is one OutputError naming the target and the reason."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from policykg.core.errors import OutputError
from policykg.graph.texts import SUFFIX as TEXTS_SUFFIX

NEW_FILE_MODE = 0o644  # mkstemp makes 0600; an export is meant to be read by others, like any written file
NEW_FOLDER_MODE = 0o755
# The files beside <store>: LadybugDB's, and the document texts (graph/texts.py).
STORE_SIDE_FILES = (".wal", ".shadow", ".wal.checkpoint", ".lock", ".tmp", TEXTS_SUFFIX)


@contextmanager
def file_output(target: Path, *, text: bool = False) -> Iterator[IO[Any]]:
    """A handle whose content replaces `target` when the block ends without an error. A device or a pipe
    (/dev/stdout, /dev/full) is written directly: there is nothing to rename over it."""
    if target.is_dir():
        raise OutputError(str(target), "is a folder; give the name of a file to write")
    if target.exists() and not target.is_file():
        with (
            _reported(target),
            open(target, _mode_of(text), encoding=_encoding_of(text), newline=_newline_of(text)) as handle,
        ):
            yield handle
        return
    _make_parent(target)
    with _reported(target):
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    temporary = Path(name)
    try:
        with _reported(target):
            with os.fdopen(fd, _mode_of(text), encoding=_encoding_of(text), newline=_newline_of(text)) as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())  # a full disk shows here on file systems that allocate late
            os.chmod(temporary, _mode(target, NEW_FILE_MODE))
            os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def folder_output(target: Path) -> Iterator[Path]:
    """A temporary folder to write files into; when the block ends without an error they are moved into
    `target` (created if missing; other files already there are left alone)."""
    if target.exists() and not target.is_dir():
        raise OutputError(str(target), "exists and is not a folder (this export writes a folder of files)")
    _make_parent(target)
    with _reported(target):
        temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part"))
    try:
        with _reported(target):
            yield temporary
            if target.is_dir():
                for path in sorted(temporary.iterdir()):
                    os.replace(path, target / path.name)
            else:
                os.chmod(temporary, NEW_FOLDER_MODE)
                os.replace(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def refuse_store_files(target: Path, store_location: str) -> None:
    """An export or GraphML file may not replace the LadybugDB store it was read from, nor one of the
    store's side files beside it (<store>.wal, …): the rename would put a graph's text where its
    database was."""
    store = Path(store_location)
    if not store.exists():
        return  # a Bolt URI, or nothing there to lose
    where, named = Path(os.path.abspath(target)), Path(os.path.abspath(store))
    side_file = where.parent == named.parent and where.name in {f"{named.name}{s}" for s in STORE_SIDE_FILES}
    if where == named or side_file:
        raise OutputError(str(target), f"is the store {store_location} or one of its files; give another name")
    if where.exists() and named.exists() and os.path.samefile(where, named):
        raise OutputError(str(target), f"is the store {store_location} (a link to it); give another name")


@contextmanager
def _reported(target: Path) -> Iterator[None]:
    """An OSError while writing becomes one line naming the target."""
    try:
        yield
    except OSError as exc:
        raise OutputError(str(target), f"cannot write it ({exc.strerror or type(exc).__name__})") from None


def _make_parent(target: Path) -> None:
    parent = target.parent
    blocking = next((p for p in (parent, *parent.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        raise OutputError(str(target), f"{blocking} is a file, not a folder")
    with _reported(target):
        parent.mkdir(parents=True, exist_ok=True)


def _mode(target: Path, default: int) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)  # replacing a file keeps its permissions
    except OSError:
        return default


def _mode_of(text: bool) -> str:
    return "w" if text else "wb"


def _encoding_of(text: bool) -> str | None:
    return "utf-8" if text else None


def _newline_of(text: bool) -> str | None:
    return "" if text else None  # a binary handle takes no newline argument but None
