"""The gazetteer of a store file, kept on disk between processes: `policykg ask` is one process per
question, and reading every name from the graph and indexing it was most of its run.

A cache file belongs to one store path and is trusted only for the state of the file it was built from.
Its key is the store file's and its log's identity, size and times, taken just before the open
(graph.ladybug_files.file_signature: any commit changes it, an ingest, a repair, a removal), and the size
and time of the source files that decide the surfaces (this package's gazetteer and unit naming). A
process uses the key only while the file still has the state its open saw, so what it reads and the key
agree; it writes the cache only if that still holds after the build. Only stores opened read-only use it
(over Bolt there is no file). Files live in core.cache's folder (POLICYKG_CACHE_DIR; "" turns this off) and
are pickles: the folder is the user's own, like Python's bytecode caches.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from types import ModuleType
from typing import IO, Any

from policykg.core import jurisdictions, places, unit_words, units
from policykg.core.cache import cache_dir, write_atomically
from policykg.graph.ladybug_files import file_signature
from policykg.graph.store import GraphStore
from policykg.queries import gazetteer as gazetteer_module
from policykg.queries.gazetteer import Gazetteer

FORMAT = 2  # bump when the Gazetteer's fields change
KEEP = 16  # cache files kept in the folder (one per store path; the oldest go first)
# The modules whose code decides which surfaces a store's names get.
_SOURCES: tuple[ModuleType, ...] = (gazetteer_module, units, unit_words, jurisdictions, places)


def file_key(store: GraphStore) -> tuple[Any, ...] | None:
    """The state of the store file as this process opened it, with the naming code's version; None
    unless the store is a file opened read-only. A read-only store reads that state for as long as it is
    open (a later commit shows only after a reopen), so the key holds for the store's whole life."""
    opened = getattr(store, "opened_signature", ())
    if getattr(store, "dialect", "") != "ladybug" or not getattr(store, "read_only", False) or not opened:
        return None
    return ("file", FORMAT, opened, _code_signature())


def _current(store: GraphStore, key: tuple[Any, ...]) -> bool:
    """Whether the file still has the state `key` names: a cache file is only read or written then (after
    a commit, what this process reads is no longer the file's state)."""
    return key[0] == "file" and file_signature(store.location) == key[2]


def load(store: GraphStore, key: tuple[Any, ...]) -> Gazetteer | None:
    """The cached gazetteer of this store file in the state `key` (from file_key) names, or None."""
    path = _path(store)
    if not path or not _current(store, key):
        return None
    try:
        with open(path, "rb") as handle:
            if pickle.load(handle) != key:
                return None
            gazetteer = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # absent, cut short or of another version: build it again
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def save(store: GraphStore, key: tuple[Any, ...], gazetteer: Gazetteer) -> None:
    """Write the cache, unless the store file changed since this process opened it (then the gazetteer
    was built from a state the file no longer has)."""
    path = _path(store)
    if not path or not _current(store, key):
        return

    def write(out: IO[bytes]) -> None:
        pickle.dump(key, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(gazetteer, out, protocol=pickle.HIGHEST_PROTOCOL)

    if write_atomically(path, write):
        _prune(os.path.dirname(path))


def _path(store: GraphStore) -> str:
    folder = cache_dir()
    if not folder:
        return ""
    # Named by a checksum of the path: two paths that share one only share a file (the key, which holds
    # the store file's device and inode, tells them apart).
    where = os.path.realpath(store.location).encode()
    return os.path.join(folder, f"gazetteer-{zlib.crc32(where):08x}-{len(where)}.pickle")


def _code_signature() -> tuple[Any, ...]:
    parts: list[Any] = [sys.version_info[:2]]
    for module in _SOURCES:
        try:
            info = os.stat(module.__file__ or "")
        except OSError:
            parts.append((module.__name__,))
            continue
        parts.append((module.__name__, info.st_size, info.st_mtime_ns))
    return tuple(parts)


def _prune(folder: str) -> None:
    """Keep the KEEP most recently written cache files: each store path ever asked leaves one."""
    try:
        entries = [entry for entry in os.scandir(folder) if entry.name.startswith("gazetteer-")]
        entries.sort(key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
        for entry in entries[KEEP:]:
            os.unlink(entry.path)
    except OSError:
        pass
