"""The `policykg` command group and its entry point: every project error becomes one line and exit code 2."""

from __future__ import annotations

import importlib
import sys

import click

from policykg import __version__
from policykg.core.errors import PolicyKGError

# Each command's module, imported only when that command runs (or help lists them all): `policykg ask`
# then loads what answering needs, not the ingest, console and export machinery of the others.
COMMAND_MODULES = {
    "ask": "query",
    "cypher": "store",
    "explore": "explore",
    "export": "store",
    "extract": "extract",
    "ingest": "store",
    "overlap": "query",
    "queries": "query",
    "query": "query",
    "remove": "store",
    "repair": "store",
    "stats": "store",
}


class LazyGroup(click.Group):
    """A group whose commands register themselves when their module (cli/<module>.py) is imported."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMAND_MODULES) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"policykg.cli.{COMMAND_MODULES[cmd_name]}")
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def cli() -> None:
    """Turn 法治政府建设 documents into a graph of units, measures and legal instruments."""


def main() -> None:
    """Entry point: every project error becomes one line on stderr and exit code 2, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.UsageError as exc:
        # click would print the usage, a hint and the error on three lines; one line says the same.
        where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
        click.echo(f"error: {exc.format_message()}{where}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except PolicyKGError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
