"""Stores for the explorer tests (real extraction, real store): the project corpus, and one long generated
plan for what only a big graph shows."""

from __future__ import annotations

from pathlib import Path

from policykg.graph.loader import load
from policykg.graph.open import open_store
from policykg.ingest.pipeline import extract_file
from policykg.ingest.records import Extraction
from tests.corpus import PROJECT_FILES, SAMPLES

CORPUS_DIR = SAMPLES  # where the explorer finds the documents' files (POLICYKG_DOCS)


def corpus_extractions() -> list[Extraction]:
    return [extract_file(p) for p in PROJECT_FILES]


def ingest_corpus(path: Path) -> Path:
    """Extract every project document and load them into a new store at `path`; the store is closed after."""
    store = open_store(str(path))
    try:
        load(store, corpus_extractions())
    finally:
        store.close()
    return path


def ingest_long_plan(folder: Path, measures: int = 320) -> tuple[Path, str]:
    """One generated plan of `measures` measures (benchmarks/generate.py, a fixed seed) in a new store in
    `folder`: its document alone is bigger than the explorer draws. Returns the store and the plan's title."""
    from benchmarks.generate import generate

    manifest = generate(1, 7, folder, measures_per_doc=measures)
    entry = manifest["documents"][0]
    extraction = extract_file(folder / entry["file"])
    store = open_store(str(folder / "long.lbug"))
    try:
        load(store, [extraction])
    finally:
        store.close()
    return folder / "long.lbug", extraction.document.title
