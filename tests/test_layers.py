"""The package's layers point one way: core ← ingest ← graph ← queries ← explorer / cli. Questions and the
explorer read the store, never the extractor (the shared domain knowledge is in core). Nothing imports the
repository's folders by their bare names (they exist only as `policykg.…` once installed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAY_IMPORT = {
    "core": {"core"},
    "ingest": {"core", "ingest"},
    "graph": {"core", "ingest", "graph"},
    "queries": {"core", "graph", "queries"},
    "explorer": {"core", "graph", "queries", "explorer"},
    "cli": {"core", "ingest", "graph", "queries", "cli"},
}
FOLDERS = ["core", "cli", "ingest", "graph", "queries", "explorer", "policykg"]
BARE = {"core", "cli", "ingest", "graph", "queries", "explorer", "cypher"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(*MAY_IMPORT), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_layer_imports_only_those_below_it(path: Path) -> None:
    allowed = MAY_IMPORT[path.relative_to(ROOT).parts[0]]
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "policykg" and len(parts) > 1 and parts[1] in MAY_IMPORT:
            assert parts[1] in allowed, f"{path.name} imports {name}"


def test_nothing_imports_a_bare_folder_name() -> None:
    modules = [*_modules(*FOLDERS, "tests", "benchmarks"), ROOT / "explorer_app.py"]
    bad = [(p.name, n) for p in modules for n in _imports(p) if n.split(".")[0] in BARE]
    assert bad == []
