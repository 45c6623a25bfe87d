"""Hostile and unusual inputs through the extractor and `policykg ingest`: each ingests correctly or fails
with one line naming the file, exit code 2 and the store unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policykg.ingest.pipeline import extract_file
from tests.corpus import LONGDE, SAMPLE_FACTS, SAMPLES, SONGYANG, YUHU
from tests.test_clauses import parse

POLICYKG = [sys.executable, "-c", "from policykg.cli.main import main; main()"]


def policykg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("做好工作。(牵头单位:)", []),
        ("做好工作。(牵头单位:;参加单位:县法院)", [("participate", "县法院", False)]),
        ("做好工作。((牵头单位:县司法局)", [("lead", "县司法局", False)]),
        ("做好工作。(牵头单位:县司法局))", [("lead", "县司法局", False)]),
    ],
)
def test_malformed_clauses(sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    assert parse(sentence) == expected


def test_very_long_unit_list() -> None:
    units = ["县司法局", "县财政局", "县公安局", "县民政局", "县教育局"] * 40
    got = parse(f"做好工作。(责任单位:{'、'.join(units)})")
    assert [m for _, m, _ in got] == units


def test_fifty_megabyte_document(tmp_path: Path) -> None:
    text = (SAMPLES / YUHU).read_text(encoding="utf-8")
    start, end = text.find("一、统筹推进"), text.find("扫一扫")  # the work points, without the page's chrome
    head, body = text[:start], text[start:end]
    repeats = 50_000_000 // len(body.encode("utf-8")) + 1
    big = tmp_path / "big.txt"
    big.write_text(head + body * repeats, encoding="utf-8")
    assert big.stat().st_size >= 50_000_000
    extraction = extract_file(big)
    assert len(extraction.measures) == SAMPLE_FACTS[YUHU]["measures"] * repeats


def test_one_bad_file_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store.lbug"
    assert policykg("ingest", str(SAMPLES / LONGDE), "--store", str(store)).returncode == 0
    before = policykg("stats", "--store", str(store), "--format", "json").stdout

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SAMPLES / SONGYANG).read_bytes())
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    result = policykg("ingest", str(folder), "--store", str(store))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0]  # besides it, only the progress labels
    assert "Traceback" not in result.stderr
    assert policykg("stats", "--store", str(store), "--format", "json").stdout == before
