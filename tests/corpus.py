"""The two corpora the tests read.

The project corpus is samples/*.txt: documents written for policykg, with hand-made facts in
samples/expected_counts.json and samples/README.md. The store, query, CLI and explorer tests run on it, so a
fresh clone tests with nothing beside it. PROJECT_FILES names them; YUHU, SONGYANG, LONGDE and SUICHANG are
their file names (the `source` of each document in a store).

The real seed documents live beside the project, never copied into it: the acceptance layer. They are looked
for at $POLICYKG_CORPUS, else at shared/corpus beside this checkout. When they are not there, the tests that
read them (marked `needs_corpus`, or calling `corpus_files()`) are skipped with the reason: never failed, and
never looked up through the clone's origin.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
NOT_FOUND = "the real seed corpus is absent: put shared/corpus beside the checkout or set POLICYKG_CORPUS"

# --- the project corpus -----------------------------------------------------------------------------

SAMPLES = REPO / "samples"
PROJECT_FILES = sorted(SAMPLES.glob("*.txt"))
YUHU = "yuhu_2026_gongzuoyaodian.txt"  # 湘潭市雨湖区 工作要点: （责任单位：…） clauses
SONGYANG = "songyang_2026_shishifangan.txt"  # 松阳县 实施方案: (牵头单位:…;参加单位:…) and verb clauses
LONGDE = "longde_2025_niandubaogao.txt"  # 隆德县 工作报告: 一是…二是…, no clauses
SUICHANG = "suichang_2026_gongzuojihua.txt"  # 遂昌县 工作计划: 牵头单位：… 配合单位：… lines
SAMPLE_FACTS: dict[str, Any] = json.loads((SAMPLES / "expected_counts.json").read_text(encoding="utf-8"))["documents"]

# --- the real seed corpus (acceptance) -----------------------------------------------------------------


def find_corpus() -> Path:
    if os.environ.get("POLICYKG_CORPUS"):
        return Path(os.environ["POLICYKG_CORPUS"])
    return REPO.parent / "shared" / "corpus"


CORPUS = find_corpus()
EXPECTED = CORPUS / "expected"
HAVE_CORPUS = CORPUS.is_dir() and any(CORPUS.glob("*.txt"))
needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason=f"{NOT_FOUND} (looked at {CORPUS})")
MEASURE_COUNTS = {
    "000_5cda63ea9f7dc0ed.txt": 100,
    "001_2a37c533326af7ae.txt": 29,
    "002_a710a6335c69e98a.txt": 32,
    "003_4132fc12d559d735.txt": 40,
}


def corpus_files() -> list[Path]:
    """The seed documents; skips the calling test (with the reason) when they are absent."""
    if not HAVE_CORPUS:
        pytest.skip(f"{NOT_FOUND} (looked at {CORPUS})")
    return sorted(CORPUS.glob("*.txt"))


def copy_documents(folder: Path, source: Path, names: tuple[str, ...]) -> Path:
    """A folder of its own holding copies of the named documents (ingest reads whole folders)."""
    folder.mkdir()
    for name in names:
        shutil.copy(source / name, folder / name)
    return folder
