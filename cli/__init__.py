"""The `policykg` command: a thin shell that parses input and calls into ingest, graph and queries.

Each command lives in a module of this package and is imported when it runs (cli.main.COMMAND_MODULES)."""

from policykg.cli.main import cli, main

__all__ = ["cli", "main"]
