"""The wheel as a user gets it: built from this checkout, installed into a fresh virtual environment, and
run from a folder that is not the checkout. Only `policykg` lands in site-packages, its package data
(named queries, schema, gazetteers, the explorer's pages) comes along, and every command works."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.explorer_browser import free_port

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
pytestmark = pytest.mark.slow
# Left out of the copy the wheel is built from: the checkout's own state, at its top only (ingest/data stays).
_NOT_SOURCE = {".git", ".venv", "build", "data", "bench-data", "test-artifacts", "log", ".typecheck"}
_NOT_SOURCE |= {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "policykg.egg-info"}


def _not_source(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in _NOT_SOURCE} if Path(folder) == ROOT else {"__pycache__"} & set(names)


def _run(command: list[str], cwd: Path, timeout: float = 600, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv with the wheel (and the app extra) installed; yields its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy, so setuptools' build/ folder never lands in the checkout.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_not_source)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)], work)
    wheel = next((work / "dist").glob("policykg-*.whl"))
    _run([sys.executable, "-m", "venv", str(work / "venv")], work)
    bin_dir = work / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", f"{wheel}[app]"], work, timeout=1500)
    yield bin_dir


def _outside(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYKG_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env["HOME"] = str(tmp_path)
    return env


def test_only_policykg_is_installed(installed: Path, tmp_path: Path) -> None:
    python = str(installed / "python")
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path).strip())
    record = next(site.glob("policykg-*.dist-info")) / "RECORD"
    tops = {line.split("/", 1)[0].split(",", 1)[0] for line in record.read_text(encoding="utf-8").splitlines()}
    assert {t for t in tops if not t.endswith(".dist-info") and t != "bin" and t != ".."} == {"policykg"}
    for generic in ("graph", "ingest", "queries", "explorer", "cli", "core", "cypher"):
        done = subprocess.run([python, "-c", f"import {generic}"], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode != 0, f"`import {generic}` works in the installed environment"


def test_every_command_from_another_folder(installed: Path, tmp_path: Path) -> None:
    policykg, env = str(installed / "policykg"), _outside(tmp_path)
    sample = next(SAMPLES.glob("*.txt"))
    extraction = json.loads(_run([policykg, "extract", str(sample), "--format", "json"], tmp_path, env=env))
    assert extraction["measures"]
    store = tmp_path / "store.lbug"
    _run([policykg, "ingest", str(SAMPLES), "--store", str(store)], tmp_path, env=env)
    assert "Measure" in _run([policykg, "stats", "--store", str(store)], tmp_path, env=env)
    listing = _run([policykg, "queries"], tmp_path, env=env)
    assert "unit_measures" in listing and "shared_measures" in listing
    answer = json.loads(
        _run([policykg, "ask", "司法局负责哪些措施", "--store", str(store), "--format", "json"], tmp_path, env=env)
    )
    assert answer["rows"], answer
    _run(
        [policykg, "export", str(tmp_path / "graph.json"), "--format", "json", "--store", str(store)], tmp_path, env=env
    )
    exported = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert exported["nodes"]


def test_explore_serves_its_health_endpoint(installed: Path, tmp_path: Path) -> None:
    policykg, env = str(installed / "policykg"), _outside(tmp_path)
    store = tmp_path / "store.lbug"
    _run([policykg, "ingest", str(SAMPLES), "--store", str(store)], tmp_path, env=env)
    port = free_port()
    log = (tmp_path / "explore.log").open("w")
    server = subprocess.Popen(
        [policykg, "explore", "--store", str(store), "--port", str(port)], cwd=tmp_path, env=env, stdout=log, stderr=log
    )
    try:
        deadline, body = time.monotonic() + 90, ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.5)
        assert body == "ok", (tmp_path / "explore.log").read_text(encoding="utf-8")[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
