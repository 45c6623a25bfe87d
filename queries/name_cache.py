"""The gazetteer of a store file, kept on disk between processes: `policykg ask` is one process per
question, and reading every name from the graph and indexing it was most of its run.

A cache file belongs to one store path and is trusted only for the state of the file it was built from.
Its key is the store file's and its log's identity, size and times (graph.ladybug_files.file_signature,
which any commit changes: an ingest, a repair, a removal), the graph's node counts, and the size and time
of the source files that decide the surfaces (this package's gazetteer and unit naming). The writer stores
it only when the file did not change between its open and the end of the build, and a reader uses it only
when its own open saw that same state. Only stores opened read-only use it; over Bolt there is no file.
Files live in core.cache's folder (POLICYKG_CACHE_DIR; "" turns this off) and are pickles: the folder is
the user's own, like Python's bytecode caches.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from types import ModuleType
from typing import IO, Any

from policykg.core import jurisdictions, places, unit_words, units
from policykg.core.cache import cache_dir, write_atomically
from policykg.graph.ladybug_files import file_signature
from policykg.graph.store import GraphStore
from policykg.queries import gazetteer as gazetteer_module
from policykg.queries.gazetteer import Gazetteer

FORMAT = 1  # bump when the Gazetteer's fields change
KEEP = 16  # cache files kept in the folder (one per store path; the oldest go first)
# The modules whose code decides which surfaces a store's names get.
_SOURCES: tuple[ModuleType, ...] = (gazetteer_module, units, unit_words, jurisdictions, places)


def load(store: GraphStore, counts: tuple[int, ...]) -> Gazetteer | None:
    """The cached gazetteer of this store in the state this process opened, or None."""
    key, path = _key(store, counts), _path(store)
    if key is None or not path:
        return None
    try:
        with open(path, "rb") as handle:
            if pickle.load(handle) != key:
                return None
            gazetteer = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # absent, cut short or of another version: build it again
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def save(store: GraphStore, counts: tuple[int, ...], gazetteer: Gazetteer) -> None:
    """Write the cache unless the store file changed since this process opened it."""
    key, path = _key(store, counts), _path(store)
    if key is None or not path:
        return

    def write(out: IO[bytes]) -> None:
        pickle.dump(key, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(gazetteer, out, protocol=pickle.HIGHEST_PROTOCOL)

    if write_atomically(path, write):
        _prune(os.path.dirname(path))


def _key(store: GraphStore, counts: tuple[int, ...]) -> tuple[Any, ...] | None:
    """None unless the store is a file opened read-only whose state is still the one its open saw."""
    opened = getattr(store, "opened_signature", ())
    if getattr(store, "dialect", "") != "ladybug" or not getattr(store, "read_only", False) or not opened:
        return None
    if file_signature(store.location) != opened:
        return None  # a commit landed since the open: what this process reads is not the file's state
    return (FORMAT, opened, counts, _code_signature())


def _path(store: GraphStore) -> str:
    folder = cache_dir()
    if not folder:
        return ""
    where = os.path.realpath(store.location)
    return os.path.join(folder, f"gazetteer-{hashlib.sha256(where.encode()).hexdigest()[:20]}.pickle")


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
