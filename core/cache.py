"""The folder where policykg keeps what is costly to rebuild on every start (the place table, a store's
name index), and writing a file there so that a reader never sees half of it.

POLICYKG_CACHE_DIR names the folder (default $XDG_CACHE_HOME/policykg or ~/.cache/policykg); "" turns
caching off. A folder that cannot be written only means the next start rebuilds.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from typing import IO


def cache_dir() -> str:
    """The cache folder, or "" when caching is off."""
    folder = os.environ.get("POLICYKG_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "policykg")
    return folder


def write_atomically(path: str, write: Callable[[IO[bytes]], object]) -> bool:
    """Write `path` through a temporary file in its folder, then rename it into place; False when the
    folder cannot be written (nothing is left behind then)."""
    temporary = ""
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        name = os.path.basename(path)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-")
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
        return True
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
