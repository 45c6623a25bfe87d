"""A LadybugDB store holding the seed corpus, for the explorer tests (real extraction, real store)."""

from __future__ import annotations

from pathlib import Path

from policykg.graph.loader import load
from policykg.graph.open import open_store
from policykg.ingest.pipeline import extract_file
from policykg.ingest.records import Extraction
from tests.corpus import corpus_files


def corpus_extractions() -> list[Extraction]:
    return [extract_file(p) for p in corpus_files()]


def ingest_corpus(path: Path) -> Path:
    """Extract every seed document and load them into a new store at `path`; the store is closed after."""
    store = open_store(str(path))
    try:
        load(store, corpus_extractions())
    finally:
        store.close()
    return path
