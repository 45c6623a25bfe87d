"""Each command's module loads when that command runs: the table of command modules names every command
there is, and answering a question loads neither the extractor nor the other commands' machinery."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from policykg.cli.main import COMMAND_MODULES, cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_the_table_names_each_command_where_it_is_defined() -> None:
    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"policykg.cli.{module}")
    assert set(cli.commands) == set(COMMAND_MODULES)
    for name, command in cli.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"policykg.cli.{COMMAND_MODULES[name]}", name


def test_ask_loads_no_extraction_machinery(tmp_path: Path) -> None:
    store = tmp_path / "s.lbug"
    ingest = [sys.executable, "-m", "policykg", "ingest", str(SAMPLES / "songyang_2026_shishifangan.txt")]
    subprocess.run([*ingest, "--store", str(store)], check=True, capture_output=True)
    probe = (
        "import json, sys\n"
        "from policykg.cli.main import main\n"
        f"sys.argv = ['policykg', 'ask', '县司法局牵头哪些措施', '--store', {str(store)!r}, '--format', 'json']\n"
        "main()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('policykg.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    answer_text, modules_line = done.stdout.rsplit("\n", 2)[:2]
    loaded = set(json.loads(modules_line))
    assert "policykg.queries.ask" in loaded and "policykg.cli.query" in loaded
    unwanted = {"policykg.ingest.pipeline", "policykg.cli.store", "policykg.cli.extract", "policykg.graph.console"}
    assert loaded & unwanted == set()
    assert "松阳县司法局" in answer_text
