"""What several commands share: the --store option, --param values, and plain text tables."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import click

from policykg.core.errors import QueryError
from policykg.graph.guard import parse_value
from policykg.graph.store import Row

store_option = click.option(
    "--store",
    "store_spec",
    metavar="S",
    default=None,
    help="LadybugDB file (default $POLICYKG_STORE or data/policykg.lbug), or bolt:// / neo4j:// / "
    "neo4j+s:// URI (credentials from NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).",
)


def parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.isidentifier():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        try:
            values[name] = parse_value(raw)
        except QueryError as exc:
            raise QueryError(f"--param {name}: {exc}") from None
    return values


def format_table(rows: list[Row], columns: list[str]) -> str:
    """A plain text table; Chinese characters count as two columns wide."""
    if not columns:
        return "(no rows)"
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [_line(columns, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(r, widths) for r in cells]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else _visible(str(value))


def _visible(text: str) -> str:
    """Line breaks and tabs as spaces, other control characters as \\xNN: a document's ESC sequence must
    neither drive the terminal nor vanish (click drops it from a pipe)."""
    if text.isprintable():
        return text
    return "".join(
        " " if ch in "\n\r\t" else f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch for ch in text
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()
