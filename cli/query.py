"""Query commands: queries, query, ask, overlap. Thin: parse input, call queries/, print."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from policykg.cli.common import format_table, parse_params, store_option
from policykg.cli.main import cli
from policykg.core.errors import InputError
from policykg.graph.guard import undecodable
from policykg.graph.open import open_store
from policykg.graph.output import refuse_store_files
from policykg.graph.store import Row

format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
# The buffer pool of `ask`: the engine's default (80 % of RAM) takes tens of milliseconds to set up, a large
# part of a one-question process; 4 GiB holds the whole of a 10,000-document store (1.1 GB) and more.
ASK_POOL_MB = 4096
CELL_WIDTH = 48  # table cells longer than this are cut (the JSON output has everything)
ASK_COLUMNS = (
    "jurisdiction", "unit", "unit_a", "unit_b", "role", "instrument", "kind", "source", "title", "path",
    "heading", "deadline_text", "measures", "documents", "citations", "lead", "participate", "responsible",
    "total", "hops", "route", "score", "sentence",
)  # fmt: skip


@cli.command("queries")
@format_option
def queries_command(fmt: str) -> None:
    """List the named queries (cypher/*.cypher) with their titles and parameters."""
    from policykg.queries.catalog import REQUIRED, load_catalog

    catalog = load_catalog()
    if fmt == "json":
        listing = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "required": p.required,
                        "default": None if p.default is REQUIRED else p.default,
                        "description": p.description,
                    }
                    for p in q.params
                ],
                "example": q.example,
                "dialects": sorted(q.bodies),
            }
            for q in catalog.values()
        ]
        click.echo(_json(listing))
        return
    rows = [
        {
            "name": q.name,
            "title": q.title,
            "params": " ".join(p.name if p.required else f"[{p.name}]" for p in q.params),
        }
        for q in catalog.values()
    ]
    click.echo(format_table(rows, ["name", "title", "params"]))


@cli.command("query")
@click.argument("name")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="K=V",
    help='A parameter of the query; V is read as JSON if it parses (a list: \'["a","b"]\'), a single value '
    "is taken as a one-element list where the query wants a list.",
)
@store_option
@format_option
@click.option("--show-cypher", is_flag=True, help="Print the Cypher that ran (on stderr) before the rows.")
def query_command(name: str, params: tuple[str, ...], store_spec: str | None, fmt: str, show_cypher: bool) -> None:
    """Run the named query NAME (see `policykg queries`), read-only.

    Example: policykg query unit_measures --param units=宁远县司法局 --param roles=lead
    """
    from policykg.queries.catalog import prepared, read_rows

    store = open_store(store_spec, read_only=True)
    try:
        cypher, values = prepared(store, name, **parse_params(params))
        if show_cypher:
            click.echo(f"{cypher}\n-- params: {_json(values, indent=None)}", err=True)
        rows = read_rows(store, cypher, values)
    finally:
        store.close()
    if fmt == "json":
        click.echo(_json(rows))
        return
    click.echo(format_table([_cut(r) for r in rows], list(rows[0]) if rows else []))
    click.echo(f"({len(rows)} rows)", err=True)


@cli.command("ask")
@click.argument("question")
@store_option
@format_option
@click.option("--show-cypher", is_flag=True, help="Also print the Cypher and parameters used (table format).")
@click.option(
    "--all",
    "list_all",
    is_flag=True,
    help="List every row of an answer that spans many jurisdictions (by default the first ones, and counts).",
)
def ask_command(question: str, store_spec: str | None, fmt: str, show_cypher: bool, list_all: bool) -> None:
    """Answer a question in Chinese from the graph, with the source sentence of every measure.

    \b
    Examples:
      policykg ask "县司法局牵头哪些措施"
      policykg ask "哪些措施引用了《重大行政决策程序暂行条例》" --format json
      policykg ask "县司法局和县政府办有哪些共同措施"
      policykg ask "哪些措施2022年底前完成"
      policykg ask "第22项措施由谁牵头"
      policykg ask "县司法局牵头哪些措施" --all      # every county's 司法局, every row
    """
    from policykg.queries.ask import ask
    from policykg.queries.paging import PAGE_ROWS

    if undecodable(question):  # the terminal sent bytes of another encoding: no answer could match them
        from policykg.ingest.discovery import display_name

        raise InputError(display_name(question), "the question holds bytes that are not UTF-8 text")
    store = open_store(store_spec, read_only=True, read_pool_mb=ASK_POOL_MB)
    try:
        answer = ask(store, question, max_rows=None if list_all else PAGE_ROWS)
    finally:
        store.close()
    if fmt == "json":
        click.echo(_json(answer))
        return
    if answer["understood_line"]:
        click.echo(answer["understood_line"])
    click.echo(answer["message"])
    if answer["candidates"]:
        click.echo("候选: " + "、".join(answer["candidates"]))
    rows = answer["rows"]
    if rows:
        columns = [c for c in ASK_COLUMNS if c in rows[0]]
        for jurisdiction, group in _by_jurisdiction(rows):
            if jurisdiction:
                click.echo(f"\n== {jurisdiction} ({len(group)}) ==")
            click.echo(format_table([_cut(r) for r in group], columns))
    if not answer["complete"] and answer["groups"]:
        click.echo("\n== 按辖区分组 (全部) ==")
        click.echo(format_table(answer["groups"], list(answer["groups"][0])))
        click.echo("(--all 列出全部)", err=True)
    if show_cypher and answer["cypher"]:
        click.echo(f"\n-- {answer['intent']} → {answer['query']}\n{answer['cypher']}")
        click.echo(f"-- params: {_json(answer['params'], indent=None)}")


@cli.command("overlap")
@store_option
@format_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Rows per section.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Lowest TF-IDF cosine for near-duplicate measures (default 0.35).",
)
@click.option("--no-similar", is_flag=True, help="Skip the near-duplicate computation.")
@click.option("--no-write", is_flag=True, help="Do not write the near-duplicate pairs back as SIMILAR_TO.")
@click.option("--graphml", type=click.Path(dir_okay=False, path_type=Path), help="Write the co-assignment graph here.")
@click.option(
    "--roles",
    default="lead,participate,responsible",
    show_default=True,
    help="Roles that make two units co-assigned in the graph (comma-separated); 'lead' alone is the cheapest.",
)
@click.option(
    "--min-shared",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Graph edges need this many shared measures.",
)
def overlap_command(
    store_spec: str | None,
    fmt: str,
    limit: int,
    threshold: float | None,
    no_similar: bool,
    no_write: bool,
    graphml: Path | None,
    roles: str,
    min_shared: int,
) -> None:
    """Workload overlaps: units co-leading the most measures, the busiest units by role, near-duplicate
    measures across documents (written back as SIMILAR_TO), and the centrality and communities of the
    unit co-assignment graph (optionally exported as GraphML)."""
    from policykg.queries import overlap, similarity

    chosen = tuple(r.strip() for r in roles.split(",") if r.strip())
    if not chosen or set(chosen) - set(overlap.ROLES):
        raise click.BadParameter(f"roles are {', '.join(overlap.ROLES)}", param_hint="--roles")
    write = not (no_similar or no_write)
    store = open_store(store_spec, read_only=not write)
    if graphml:
        try:
            refuse_store_files(graphml, store.location)  # before the long computation, not after it
        except BaseException:
            store.close()
            raise
    try:
        graph = overlap.co_assignment_graph(store, chosen, min_shared)
        report = overlap.overlap_report(
            store,
            limit=limit,
            similar=not no_similar,
            threshold=similarity.DEFAULT_THRESHOLD if threshold is None else threshold,
            write=write,
            graph=graph,
        )
    finally:
        store.close()
    if graphml:
        overlap.write_graphml(graph, graphml)
    if fmt == "json":
        click.echo(_json(report))
    else:
        _print_report(report)
    if graphml:
        click.echo(f"wrote {graphml}", err=True)


def _print_report(report: dict[str, Any]) -> None:
    sections: list[tuple[str, list[Row], list[str]]] = [
        ("共同牵头最多的单位 (co-leading units)", report["co_leading"], ["unit_a", "unit_b", "measures"]),
    ]
    for role, title in (("lead", "牵头"), ("participate", "参加"), ("responsible", "责任单位")):
        rows = report["busiest"][role]
        sections.append((f"{title}措施最多的单位 (busiest: {role})", rows, ["unit", "measures", "documents"]))
    sections.append(
        (
            "跨文件的相似措施 (near-duplicates)",
            report["near_duplicates"],
            ["score", "source_a", "path_a", "heading_a", "source_b", "path_b", "heading_b"],
        )
    )
    graph = report["graph"]
    sections.append(
        (
            f"共同承担关系网络 ({graph['nodes']} units, {graph['edges']} edges): centrality",
            report["centrality"],
            ["unit", "degree", "weighted_degree", "betweenness", "community"],
        )
    )
    for title, rows, columns in sections:
        click.echo(f"\n== {title} ==")
        click.echo(format_table([_cut(r) for r in rows], columns) if rows else "(none)")


def _by_jurisdiction(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(str(row.get("jurisdiction") or ""), []).append(row)
    if len(groups) == 1:
        return [("", rows)]
    return list(groups.items())


def _cut(row: Row) -> Row:
    return {k: (v[: CELL_WIDTH - 1] + "…" if isinstance(v, str) and len(v) > CELL_WIDTH else v) for k, v in row.items()}


def _json(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)
