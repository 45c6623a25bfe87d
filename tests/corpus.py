"""Where the real seed documents live (beside the project, never copied into it): the acceptance layer.

The seed corpus is looked for at $POLICYKG_CORPUS, else at shared/corpus beside this checkout. When it is
not there, the tests that read it are skipped with the reason (never failed, and never looked up through
the clone's origin): the project's own fixture corpus (tests/fixtures) covers the same behaviour.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOT_FOUND = "the real seed corpus is absent: put shared/corpus beside the checkout or set POLICYKG_CORPUS"


def find_corpus() -> Path:
    if os.environ.get("POLICYKG_CORPUS"):
        return Path(os.environ["POLICYKG_CORPUS"])
    return REPO.parent / "shared" / "corpus"


CORPUS = find_corpus()
EXPECTED = CORPUS / "expected"
HAVE_CORPUS = CORPUS.is_dir() and any(CORPUS.glob("*.txt"))
needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason=NOT_FOUND)
MEASURE_COUNTS = {
    "000_5cda63ea9f7dc0ed.txt": 100,
    "001_2a37c533326af7ae.txt": 29,
    "002_a710a6335c69e98a.txt": 32,
    "003_4132fc12d559d735.txt": 40,
}


def corpus_files() -> list[Path]:
    if not HAVE_CORPUS:
        pytest.skip(f"{NOT_FOUND} (looked at {CORPUS})")
    return sorted(CORPUS.glob("*.txt"))
