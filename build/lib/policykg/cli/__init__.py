"""The `policykg` command: a thin shell that parses input and calls into ingest, graph and queries."""

from policykg.cli import explore, extract, query, store  # noqa: F401  (each registers its commands on `cli`)
from policykg.cli.main import cli, main

__all__ = ["cli", "main"]
