"""`policykg explore`: start the Streamlit explorer on a store. Thin: it only builds the command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from policykg.cli.common import store_option
from policykg.cli.main import cli
from policykg.core.errors import StoreError
from policykg.core.resources import file_path
from policykg.graph.open import is_bolt
from policykg.graph.open import store_spec as store_spec_in_force
from policykg.graph.uri_text import looks_like_uri, not_a_store, shown_uri


def streamlit_command(port: int, address: str, store: str) -> list[str]:
    """The `streamlit run` command line: headless, no usage statistics, the store passed through."""
    app = file_path("policykg.explorer", "app.py")  # packaged, so an installed wheel runs it too
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", address,
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
        "--",
    ]  # fmt: skip
    return [*command, "--store", store]


@cli.command()
@store_option
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8501, show_default=True, help="Port the explorer listens on."
)
@click.option("--address", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 for all).")
def explore(store_spec: str | None, port: int, address: str) -> None:
    """Open the explorer (Streamlit) on the store: ask questions, browse the graph, run read-only Cypher.

    The store is opened read-only, so `policykg ingest` can write it meanwhile (press Reconnect to see
    the new documents). Stop with Ctrl-C.
    """
    try:
        import streamlit  # noqa: F401
    except ImportError:
        raise StoreError("the explorer needs Streamlit: pip install 'policykg[app]'") from None
    spec = store_spec_in_force(store_spec)
    if looks_like_uri(spec) and not is_bolt(spec):
        raise not_a_store(spec)
    if not is_bolt(spec):
        spec = str(Path(spec).resolve())  # the app must find the same file whatever its working directory
    command = streamlit_command(port, address, spec)
    shown = shown_uri(spec) if is_bolt(spec) else spec  # a password in the URI is not echoed
    click.echo(f"policykg explorer on http://{address}:{port} -> {shown} (Ctrl-C stops it)", err=True)
    sys.stderr.flush()
    # Become the Streamlit server (no child process): Ctrl-C and SIGTERM reach it directly.
    os.execv(command[0], command)
