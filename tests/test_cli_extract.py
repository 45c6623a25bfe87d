"""`policykg extract` as a user runs it: JSON on stdout, one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import SAMPLE_FACTS, SAMPLES, SONGYANG, YUHU

POLICYKG = [sys.executable, "-c", "from policykg.cli.main import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, timeout=120)


def test_json_is_the_contract() -> None:
    result = run("extract", str(SAMPLES / YUHU), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["source"] == YUHU
    assert len(payload["measures"]) == SAMPLE_FACTS[YUHU]["measures"] == 20
    first = payload["measures"][0]
    assert set(first) >= {"path", "number", "heading", "text", "span", "units", "instruments", "deadlines"}
    # 1.…（责任单位：区委依法治区办、区司法局、全区各部门）
    assert first["units"][1] == {
        "role": "responsible",
        "mention": "区司法局",
        "unit": "湘潭市雨湖区司法局",
        "kind": "司法局",
        "collective": False,
        "span": first["units"][1]["span"],
    }
    assert first["units"][2]["mention"] == "全区各部门" and first["units"][2]["collective"]


def test_table_lists_every_measure() -> None:
    result = run("extract", str(SAMPLES / SONGYANG), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "21 measures" in result.stdout.splitlines()[0]
    assert len(result.stdout.splitlines()) == 22


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.txt", b"", "empty"),
        ("random.bin", bytes(range(256)) * 8, "binary"),
        ("prose.txt", "只是一段话,没有任何措施。".encode(), "no measures"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nowhere.txt"))
    assert result.returncode == 2 and "nowhere.txt" in result.stderr and "Traceback" not in result.stderr


def test_help_describes_the_command() -> None:
    result = run("extract", "--help")
    assert result.returncode == 0 and "Extract measures" in result.stdout
