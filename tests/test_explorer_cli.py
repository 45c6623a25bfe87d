"""`policykg explore`: its help, and that it serves the explorer on the port asked for and stops on SIGTERM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli.main import cli
from tests.explorer_browser import free_port, wait_healthy
from tests.explorer_store import ingest_corpus

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")


def test_explore_has_help() -> None:
    result = CliRunner().invoke(cli, ["explore", "--help"])
    assert result.exit_code == 0
    assert "--store" in result.output and "--port" in result.output and "read-only" in result.output


@pytest.mark.slow
def test_explore_serves_the_app_and_stops(tmp_path: Path) -> None:
    store = ingest_corpus(tmp_path / "corpus.lbug")
    port = free_port()
    log = tmp_path / "explore.log"
    policykg = Path(sys.executable).with_name("policykg")  # the entry point beside this Python
    command = [str(policykg), "explore", "--store", store.name, "--port", str(port)]
    with log.open("wb") as sink:
        # From another folder: the app must still find its pages and the store given as a relative path.
        process = subprocess.Popen(command, cwd=tmp_path, stdout=sink, stderr=subprocess.STDOUT)
    try:
        wait_healthy(process, f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        assert process.wait(timeout=20) is not None
    said = log.read_text()
    assert f"http://127.0.0.1:{port} -> {store.resolve()}" in said  # the relative --store, made absolute
