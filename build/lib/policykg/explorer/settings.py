"""What the explorer connects to: `--store` after `streamlit run explorer_app.py --`, else POLICYKG_STORE,
else the default store."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from policykg.graph.open import store_spec


@dataclass(frozen=True)
class Settings:
    store: str  # a LadybugDB file path or a bolt:// / neo4j:// URI


def settings(argv: list[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store")
    # parse_known_args: under pytest (AppTest) sys.argv holds pytest's own arguments.
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return Settings(store=store_spec(args.store))
