"""Where the real seed documents live (beside the project, never copied into it)."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
EXPECTED = CORPUS / "expected"
MEASURE_COUNTS = {
    "000_5cda63ea9f7dc0ed.txt": 100,
    "001_2a37c533326af7ae.txt": 29,
    "002_a710a6335c69e98a.txt": 32,
    "003_4132fc12d559d735.txt": 40,
}


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.fail(f"the seed corpus is missing at {CORPUS}")
    return sorted(CORPUS.glob("*.txt"))
