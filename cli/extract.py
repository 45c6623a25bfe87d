"""`policykg extract`: print the extraction contract of one or more documents."""

from __future__ import annotations

import json
from pathlib import Path

import click

from policykg.cli.main import cli
from policykg.core.vocabulary import ROLE_WORD
from policykg.ingest.records import Extraction


@cli.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: the extraction contract; table: one line per measure for reading.",
)
def extract_command(files: tuple[Path, ...], fmt: str) -> None:
    """Extract measures, responsible units, cited instruments and deadlines from FILES.

    Reads .txt (UTF-8, UTF-8 with BOM, GB18030), .html portal pages, .docx and .pdf with a text layer.
    Nothing is written to the store.
    """
    from policykg.ingest.pipeline import extract_file  # the extractor's patterns load only for extract

    extractions = [extract_file(path) for path in files]
    if fmt == "json":
        payload = [x.to_contract() for x in extractions]
        click.echo(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
        return
    for extraction in extractions:
        click.echo(_table(extraction))


def _table(x: Extraction) -> str:
    d = x.document
    lines = [
        f"{x.source}: {d.title} [{d.kind}] {d.jurisdiction} {d.doc_number} {d.issued} — {len(x.measures)} measures",
    ]
    for m in x.measures:
        units = "; ".join(f"{ROLE_WORD[u.role]}:{u.mention}" for u in m.units) or "-"
        cites = "、".join(f"《{i.mention}》" for i in m.instruments)
        due = " ".join(f"⏰{dl.text}" for dl in m.deadlines)
        lines.append(f"  {'/'.join(m.path):<16} {m.heading[:28]:<28} | {units} {cites} {due}".rstrip())
    for w in x.warnings:
        where = f" @{w.span[0]}-{w.span[1]}" if w.span else ""
        lines.append(f"  warning [{w.kind}]{where}: {w.message}")
    return "\n".join(lines)
