"""The process the kill trials kill: `policykg ingest ARGS…` through the real entry point, its stderr (the
per-batch "documents committed" lines) sent to a log file. Forked from a server that has imported policykg
already, so a trial does not spend seconds importing before it writes."""

from __future__ import annotations

import os
import sys


def run_cli(args: list[str], log: str) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 2)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    sys.stderr = os.fdopen(2, "w", buffering=1)  # line-buffered: a line is on disk once printed
    sys.argv = ["policykg", *args]
    from policykg.cli.main import main

    main()


def _warm() -> None:
    """Imported into the fork server: the gazetteers and models the first extraction loads, loaded once."""
    from benchmarks.extract_pool import warm

    warm()


if os.environ.get("POLICYKG_KILL_WARM") == "1":
    _warm()
