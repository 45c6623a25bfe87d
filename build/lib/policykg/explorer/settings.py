"""What the explorer connects to: `--store` / `--docs` after `streamlit run explorer_app.py --`, else the
environment (POLICYKG_STORE, POLICYKG_DOCS), else the defaults."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from policykg.graph.open import store_spec

DEFAULT_DOC_DIRS = ("samples",)


@dataclass(frozen=True)
class Settings:
    store: str  # a LadybugDB file path or a bolt:// / neo4j:// URI
    doc_dirs: tuple[Path, ...]  # where the Documents page looks for a document's source file


def settings(argv: list[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store")
    parser.add_argument("--docs", action="append", default=[])
    # parse_known_args: under pytest (AppTest) sys.argv holds pytest's own arguments.
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    env_docs = [d for d in os.environ.get("POLICYKG_DOCS", "").split(os.pathsep) if d]
    doc_dirs = args.docs or env_docs or list(DEFAULT_DOC_DIRS)
    return Settings(store=store_spec(args.store), doc_dirs=tuple(Path(d) for d in doc_dirs))
