"""Where the real seed documents live (beside the project, never copied into it)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOT_FOUND = "the seed corpus is not found: put shared/corpus beside the checkout or set POLICYKG_CORPUS"


def _cloned_from() -> Path | None:
    """The checkout this one was cloned from, when it is a folder on this machine (`git clone . /tmp/x`)."""
    try:
        url = subprocess.run(
            ["git", "-C", str(REPO), "config", "--get", "remote.origin.url"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    origin = Path(url.removeprefix("file://")) if url else None
    return origin.resolve() if origin is not None and origin.is_dir() else None


def find_corpus() -> Path:
    """$POLICYKG_CORPUS; else shared/corpus beside this checkout; else beside the checkout it was cloned from
    (a fresh clone in a temporary folder). The first place is returned when none holds it, for the message."""
    if os.environ.get("POLICYKG_CORPUS"):
        return Path(os.environ["POLICYKG_CORPUS"])
    places = [REPO.parent / "shared" / "corpus"]
    origin = _cloned_from()
    if origin is not None:
        places.append(origin.parent / "shared" / "corpus")
    return next((place for place in places if place.is_dir()), places[0])


CORPUS = find_corpus()
EXPECTED = CORPUS / "expected"
MEASURE_COUNTS = {
    "000_5cda63ea9f7dc0ed.txt": 100,
    "001_2a37c533326af7ae.txt": 29,
    "002_a710a6335c69e98a.txt": 32,
    "003_4132fc12d559d735.txt": 40,
}


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.fail(f"{NOT_FOUND} (looked at {CORPUS} first)")
    return sorted(CORPUS.glob("*.txt"))
