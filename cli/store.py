"""Store commands: ingest, stats, export, cypher, remove, repair. Thin: parse input, call graph/, print."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from policykg.cli.common import format_table, parse_params, store_option
from policykg.cli.main import cli
from policykg.core.errors import InputError, QueryError, WriteRefused
from policykg.graph.console import run_console
from policykg.graph.guard import ConsoleLimits, undecodable
from policykg.graph.open import check_writer_settings, open_store, refuse_stale
from policykg.graph.readonly import ensure_read_only

if TYPE_CHECKING:
    from policykg.graph.ingest_run import DocumentSummary


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))  # checked: one line
@store_option
@click.option(
    "--rebuild",
    is_flag=True,
    help="Empty the store first (every document, and the schema of an earlier policykg), then load PATHS.",
)
@click.option(
    "--batch",
    "batch_docs",
    type=click.IntRange(min=1),
    help="Documents per write transaction (default 1000 on LadybugDB, 500 over Bolt): bounds the memory.",
)
@click.option("--jobs", type=click.IntRange(min=1), help="Extraction worker processes (default 2).")
@click.option(
    "--root",
    type=click.Path(path_type=Path, readable=False),
    help="Name documents by their path relative to this folder (to re-ingest some files of a folder "
    "ingested before: policykg ingest docs/a/plan.txt --root docs).",
)
def ingest(
    paths: tuple[Path, ...],
    store_spec: str | None,
    rebuild: bool,
    batch_docs: int | None,
    jobs: int | None,
    root: Path | None,
) -> None:
    """Extract documents and load them into the graph.

    PATHS are files or folders (searched recursively for .txt, .html, .htm, .docx, .xlsx, .pdf). A document
    is named by its path relative to the folder given (a/plan.txt), a file given directly by its path.
    Every file is extracted before anything is written, so a bad file stops the command and the store is
    unchanged; then the documents load in batches, one transaction each. Re-ingesting a document changes
    nothing; an edited one replaces its earlier version. A store written by an earlier policykg is refused
    until it is rebuilt: --rebuild.
    """
    from policykg.graph.ingest_run import coverage_summary, ingest_files
    from policykg.graph.stats import stats
    from policykg.ingest.discovery import DOCUMENT_SUFFIXES, display_name, find_documents

    found = find_documents(paths, root=root)
    for name, reason in found.skipped:
        click.echo(f"warning: skipped {name}: {reason}", err=True)
    if not found.files:
        shown = ", ".join(display_name(p) for p in paths)
        raise InputError(shown, f"no documents found ({', '.join(DOCUMENT_SUFFIXES)})")
    check_writer_settings(store_spec)  # before a long extraction, not after it
    if not rebuild:
        refuse_stale(store_spec)
    opened: list[str] = []

    def open_writer() -> Any:
        store = open_store(store_spec, rebuild=rebuild)
        opened.append(store.location)
        return store

    with _Progress(len(found.files)) as progress:
        result = ingest_files(
            found.files,
            open_writer,
            jobs=jobs,
            batch_docs=batch_docs,
            on_extracted=progress.extracted,
            on_loaded=progress.loaded,
            reopen=lambda: open_store(store_spec),  # after a failed batch: what the store holds (no rebuild)
        )
    report = result.report
    store = open_store(store_spec, read_only=True)
    try:
        totals = stats(store)
    finally:
        store.close()
    click.echo(
        f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged "
        f"in {result.extract_seconds + result.load_seconds:.1f}s -> {opened[0] if opened else store.location}"
    )
    created = {**report.nodes, **report.relationships}
    if any(created.values()):
        click.echo("created: " + ", ".join(f"{n} {name}" for name, n in created.items() if n))
    click.echo("graph: " + ", ".join(f"{n} {name}" for name, n in totals["nodes"].items()))
    click.echo(coverage_summary(result.documents))
    for line in warning_summary(result.documents):
        click.echo(line)
    if found.skipped:
        click.echo(f"skipped {len(found.skipped)} unreadable files or folders (listed above)")


@cli.command()
@click.argument("store_path", metavar="[STORE]", required=False)
@store_option
def repair(store_path: str | None, store_spec: str | None) -> None:
    """Finish an interrupted write and check the store.

    Opens STORE (or --store) read-write, which replays what a killed or disk-full writer left half-done,
    then counts nodes per label, looks for nodes that lost their document or every reference, reads the
    schema version and opens the store read-only as the explorer does. Prints one line; a store that
    cannot be repaired is a one-line error (exit 2).
    """
    from policykg.graph.repair import repair as repair_store

    if store_path and store_spec and store_path != store_spec:
        raise QueryError(f"repair: two stores given ({store_path}, --store {store_spec}); give one")
    click.echo(repair_store(store_path or store_spec).summary())


@cli.command("stats")
@store_option
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
def stats_command(store_spec: str | None, fmt: str) -> None:
    """Count nodes per label and relationships per type."""
    from policykg.graph.stats import stats

    store = open_store(store_spec, read_only=True)
    try:
        counts = stats(store)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in counts["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in counts["relationships"].items()]
    click.echo(format_table(rows, ["kind", "name", "count"]))


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "csv", "json"]),
    required=True,
    help="graphml: one file (networkx, Gephi); csv: a folder in neo4j-admin import layout; json: one file.",
)
def export(out: Path, store_spec: str | None, fmt: str) -> None:
    """Write the whole graph to OUT (a file, or a folder for csv).

    The output appears whole or not at all: it is written beside OUT and renamed into place at the end, so
    a full disk or an unwritable place is a one-line error that leaves no half-written file.
    """
    from policykg.graph.export import write_csv, write_graphml, write_json

    store = open_store(store_spec, read_only=True)
    try:
        if fmt == "csv":
            files = write_csv(store, out)
            click.echo(f"wrote {len(files)} files to {out}/")
            return
        (write_graphml if fmt == "graphml" else write_json)(store, out)
    finally:
        store.close()
    click.echo(f"wrote {out}")


@cli.command()
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="K=V", help="A $parameter; V is read as JSON if it parses.")
@click.option("--write", "allow_write", is_flag=True, help="Allow statements that write (run in one transaction).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1, max=3600),
    help="Stop a read after this many seconds (default 30, or $POLICYKG_CONSOLE_SECONDS).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1, max=10_000_000),
    help="Return at most this many rows; a longer result is cut and says so (default 10000).",
)
@store_option
def cypher(
    query: str,
    params: tuple[str, ...],
    allow_write: bool,
    fmt: str,
    timeout: float | None,
    max_rows: int | None,
    store_spec: str | None,
) -> None:
    """Run a Cypher QUERY and print its rows.

    Read-only unless --write: statements that create, merge, delete, set, remove, drop, load or copy are
    refused (on Neo4j the session also runs in READ mode). A read runs within a time and a row limit,
    like the explorer's console, and may not call file-reading functions. Values go in as parameters:
    policykg cypher 'MATCH (u:Unit {name: $name}) RETURN u.kind' --param name=宁远县司法局
    """
    values = parse_params(params)
    if not allow_write:
        try:
            ensure_read_only(query)
        except WriteRefused as exc:
            raise WriteRefused(f"{exc} (pass --write to allow it)") from exc
    limits = ConsoleLimits.from_env(timeout, max_rows)
    store = open_store(store_spec, read_only=not allow_write)
    try:
        if allow_write:
            store.write([(query, values)])
            click.echo("ok: committed")
            return
        result = run_console(store, query, values, limits)
    finally:
        store.close()
    rows = result.rows
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(format_table(rows, result.columns))
    cut = f", cut at --max-rows {limits.max_rows}" if result.truncated else ""
    click.echo(f"({len(rows)} rows{cut})", err=True)


@cli.command()
@click.argument("source")
@store_option
def remove(source: str, store_spec: str | None) -> None:
    """Delete the document SOURCE and whatever only it referred to. SOURCE is the name it was ingested
    under: its path relative to the folder ingested (a/plan.txt), as `ingest` and the explorer show it; a
    longer path ending in that name finds it too (docs/a/plan.txt)."""
    from policykg.graph.loader import remove as remove_document
    from policykg.ingest.discovery import display_name

    if undecodable(source):  # an undecodable byte in argv: ingest stored such a name with it as \xNN
        source = display_name(source)
    store = open_store(store_spec)
    try:
        removed = next((tail for tail in _tails(source) if remove_document(store, tail)), None)
    finally:
        store.close()
    if removed is None:
        raise InputError(source, "no such document in the store (`policykg cypher` lists them: see its help)")
    click.echo(f"removed {removed}")


def _tails(source: str) -> list[str]:
    """The source as given, then its path without leading folders, one at a time: a/b/plan.txt, b/plan.txt,
    plan.txt."""
    parts = Path(source).as_posix().split("/")
    return list(dict.fromkeys([source, *("/".join(parts[i:]) for i in range(len(parts)))]))


def warning_summary(documents: Sequence[DocumentSummary]) -> list[str]:
    """One line per document the extractor found hard or whose measures hold little of its text: its
    source, the count of each warning kind (no_jurisdiction says its units are stored without a place)
    and its coverage when low."""
    hard = [d for d in documents if d.warnings or d.low_coverage]
    if not hard:
        return []
    lines = [f"warnings in {len(hard)} of {len(documents)} documents:"]
    for d in hard:
        counts = dict(d.warnings)
        kinds = [f"{n} {kind}" for kind, n in counts.items()]
        if d.low_coverage:
            kinds.append(f"measures hold only {d.coverage:.0%} of the text under its headings")
        note = " (its units are stored without a jurisdiction)" if "no_jurisdiction" in counts else ""
        lines.append(f"  {d.source}: {', '.join(kinds)}{note}")
    return lines


class _Progress:
    """The extracting bar, then the loading bar (each on stderr, one after the other)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None
        self.stage = ""
        self.committed = 0

    def _show(self, stage: str, n: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=self.total, label=stage, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        self.bar.update(n)

    def extracted(self, n: int) -> None:
        self._show("extracting", n)

    def loaded(self, n: int) -> None:
        self._show("loading", n)
        self.committed += n
        if not sys.stderr.isatty():  # a log has no bar to watch: a line per batch says what is committed
            click.echo(f"loading: {self.committed} of {self.total} documents committed", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
