"""Stable node ids, derived from what a node is rather than from when it was loaded.

Re-ingesting a document yields the same ids, so the load can tell "unchanged" from "edited".
Units, instruments and jurisdictions are keyed by their canonical names only, which is what makes
them shared across documents. The prefix says the label, so ids are unique across the whole graph
(exports and GraphML key nodes by id alone).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from policykg.core.vocabulary import ID_PREFIX

PATH_SEP = "/"
_PREFIX = {label: prefix + ":" for label, prefix in ID_PREFIX.items()}


def _digest(*parts: str) -> str:
    # \x1f (unit separator) cannot occur in the parts, so ("ab","c") and ("a","bc") differ.
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def join_path(path: Iterable[str]) -> str:
    """A heading path as stored on Section/Measure: ("二", "(一)", "1") -> "二/(一)/1"."""
    return PATH_SEP.join(path)


def document_id(source: str) -> str:
    # The source alone: an edited file keeps its id, so its subgraph is replaced, not duplicated.
    return _PREFIX["Document"] + _digest(source)


def section_id(source: str, path: str, occurrence: int = 1) -> str:
    """`occurrence` > 1 only when a document repeats a heading path (numbering restarted)."""
    return _PREFIX["Section"] + _digest(source, path, str(occurrence))


def measure_id(source: str, path: str, occurrence: int = 1) -> str:
    return _PREFIX["Measure"] + _digest(source, path, str(occurrence))


@lru_cache(maxsize=65536)  # the same few thousand units and titles recur in every document
def unit_id(name: str) -> str:
    return _PREFIX["Unit"] + _digest(name)


@lru_cache(maxsize=65536)
def instrument_id(title: str) -> str:
    return _PREFIX["Instrument"] + _digest(title)


def jurisdiction_id(chain: Iterable[str]) -> str:
    """Keyed by the whole chain (湖南省/永州市/宁远县): county names alone repeat across provinces."""
    return _PREFIX["Jurisdiction"] + _digest(*chain)
