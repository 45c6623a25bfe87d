"""Which files an ingest reads, and the name (`source`) each document is stored under.

A document found in a folder is named by its path relative to that folder (posix: `a/plan.txt`), so two
files with the same name in different sub-folders are two documents; a file given directly keeps the path
as given, normalised (relative to the working directory when it lies under it). Two files that would get
the same source in one run are an error naming both: one would silently replace the other.

File names whose bytes are not valid UTF-8 are read through their real path and named with the bad bytes
escaped (`\\xff`), so they can be printed and stored. A folder or file that cannot be read is listed in
`skipped` with the reason, never left out without a word.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from policykg.core.errors import InputError

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".xlsx")
NOT_REGULAR = "not a regular file (a pipe, socket or device)"


@dataclass(frozen=True)
class DocumentFile:
    path: Path  # where to read it (may hold undecodable bytes as surrogates)
    source: str  # the document's name in the store: printable, stable across runs


@dataclass
class Discovery:
    files: list[DocumentFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (display name, reason)


def display_name(path: Path | str) -> str:
    """A path as text that can be printed and stored: undecodable bytes become `\\xNN`."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def find_documents(
    paths: Iterable[Path | str], root: Path | str | None = None, suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES
) -> Discovery:
    """Files as given and folders searched recursively for documents (hidden names left out), in sorted
    order, each file once. With `root`, every source is the path relative to it instead (re-ingesting one
    file of a folder ingested earlier: `root` is that folder). Raises InputError for a path argument that
    does not exist or cannot be read, outside `root`, and for two files that would get the same source."""
    found = Discovery()
    seen: dict[Path, DocumentFile] = {}
    for given in paths:
        path = Path(given)
        if not os.path.lexists(path) or not path.exists():
            raise InputError(display_name(path), "no such file or folder")
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError(display_name(path), "permission denied: the folder cannot be read")
            items = _walk(path, suffixes, found.skipped)
        else:
            if not stat.S_ISREG(path.stat().st_mode):  # reading a named pipe would wait for ever
                raise InputError(display_name(path), f"{NOT_REGULAR}: it cannot be read as a document")
            if not _readable(path):
                raise InputError(display_name(path), "permission denied: the file cannot be read")
            items = [DocumentFile(path, _given_source(path))]
        for item in items:
            if root is not None:
                item = DocumentFile(item.path, _under_root(item.path, Path(root)))
            seen.setdefault(item.path.resolve(), item)
    by_source: dict[str, DocumentFile] = {}
    for item in seen.values():
        other = by_source.get(item.source)
        if other is not None:
            raise InputError(
                item.source,
                f"two files would be stored as the same document: {display_name(other.path)} and "
                f"{display_name(item.path)} (ingest their common parent folder, or one of them on its own)",
            )
        by_source[item.source] = item
    found.files = list(seen.values())
    return found


def _walk(root: Path, suffixes: tuple[str, ...], skipped: list[tuple[str, str]]) -> list[DocumentFile]:
    def unreadable(error: OSError) -> None:
        skipped.append((display_name(error.filename or root), _reason(error)))

    files: list[DocumentFile] = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for linked in [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            skipped.append((display_name(Path(folder, linked)), "a link to a folder, not followed"))
        for name in sorted(names):
            path = Path(folder, name)
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            problem = _not_a_document_file(path)
            if problem:
                skipped.append((display_name(path), problem))
                continue
            source = display_name(path.relative_to(root).as_posix())
            if _readable(path):
                files.append(DocumentFile(path, source))
            else:
                skipped.append((display_name(path), "permission denied"))
    return files


def _given_source(path: Path) -> str:
    """A file named directly: its path as given, normalised, relative to the working directory when under it."""
    absolute = Path(os.path.abspath(path))
    try:
        named = absolute.relative_to(Path.cwd())
    except ValueError:
        named = absolute if path.is_absolute() else Path(os.path.normpath(path))
    return display_name(named.as_posix())


def _under_root(path: Path, root: Path) -> str:
    try:
        return display_name(Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix())
    except ValueError:
        raise InputError(display_name(path), f"not under the --root folder {display_name(root)}") from None


def _not_a_document_file(path: Path) -> str:
    """Why an entry with a document's suffix cannot be read as one ("" when it can be)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken link"
    except OSError as error:
        return _reason(error)
    return "" if stat.S_ISREG(mode) else NOT_REGULAR


def _readable(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()
