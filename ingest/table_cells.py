"""Cells of a task-table line as the readers and flattened copies write them.

docx, HTML and xlsx tables come out of the readers as one line per row with the cells joined by a tab,
a cell merged from the row above as an empty field and a category row (一、… spanning the table) as a
line of its own. Portals and PDF copies flatten tables into text with a tab, a ``|`` or a run of two or
more spaces between cells (one space stays inside a cell: it is where the cell's line broke); an empty
cell is invisible there, so a short row is fitted to the columns by what its cells look like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.core.numerals import CHINESE_NUMERAL_CHARS
from policykg.core.unit_words import looks_like_unit
from policykg.core.vocabulary import Span
from policykg.ingest.table_clauses import Column, says_none

_CN = f"[{CHINESE_NUMERAL_CHARS}]{{1,4}}"
_SPACE_RUN = re.compile(r" {2,}")
_SPACE = re.compile(r" +")
# A category row's label: 一、健全政府机构职能体系 → 一; (一)… → (一); 第一部分… → 第一部分.
_CATEGORY = re.compile(rf"^(?:(第{_CN}(?:部分|章|篇))|({_CN})\s*[、.](?!\d)|\(({_CN})\)\s*[、.]?)\s*\S")
_CATEGORY_SERIAL = re.compile(rf"^({_CN})[、.]?$")  # 一 alone in the 序号 cell, the title in the next
_SERIAL = re.compile(rf"^(?:\d{{1,4}}(?:[.\-]\d{{1,3}})?|\(\d{{1,3}}\)|\({_CN}\))[.、]?$")
_TIME_WORDS = re.compile(
    r"\d{4}\s*年|\d{1,2}\s*月|季度|半年|全年|年底|年内|年末|长期|持续|常态|每[年月季周半]|前$|底$|即日|立即|随时"
)
_MAX_TIME_CELL = 40


def split_fields(text: str, start: int, end: int, single_spaces: bool = False) -> tuple[list[Span], bool]:
    """The cells of text[start:end] as spans (spaces trimmed) and whether empty cells are visible (a tab or
    a | between every two cells; with runs of spaces an empty cell leaves no trace). single_spaces: the
    table's cells are one space apart (a PDF's text layer writes them so), not two."""
    line = text[start:end]
    if "\t" in line:
        return _split_at(text, start, end, "\t"), True
    if line.count("|") >= 2:
        inner_start, inner_end = _trim(text, start, end)
        if text[inner_start : inner_start + 1] == "|":
            inner_start += 1
        if inner_end > inner_start and text[inner_end - 1] == "|":
            inner_end -= 1
        return _split_at(text, inner_start, inner_end, "|"), True
    inner_start, inner_end = _trim(text, start, end)
    fields, cell_start = [], inner_start
    for m in (_SPACE if single_spaces else _SPACE_RUN).finditer(text, inner_start, inner_end):
        fields.append((cell_start, m.start()))
        cell_start = m.end()
    fields.append((cell_start, inner_end))
    return fields, False


def _split_at(text: str, start: int, end: int, separator: str) -> list[Span]:
    fields, cell_start = [], start
    pos = text.find(separator, start, end)
    while pos >= 0:
        fields.append(_trim(text, cell_start, pos))
        cell_start = pos + 1
        pos = text.find(separator, cell_start, end)
    fields.append(_trim(text, cell_start, end))
    return fields


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def category_label(cell: str) -> str | None:
    """The label of a category row's cell (一、… / (一)… / 第一部分…), as the outline writes labels."""
    m = _CATEGORY.match(cell)
    if not m:
        return None
    chapter, numeral, bracketed = m.groups()
    return chapter or numeral or f"({bracketed})"


def category_serial(cell: str) -> str | None:
    """一 or 一、 alone in the 序号 cell: the row is a category whose title is in the next cell."""
    m = _CATEGORY_SERIAL.match(cell)
    return m.group(1) if m else None


def is_serial(cell: str) -> bool:
    return bool(_SERIAL.match(cell))


def serial_label(cell: str) -> str:
    """The 序号 as a path label: 1. → 1, （1） → (1)."""
    return cell.rstrip(".、")


def serial_value(cell: str) -> int | None:
    digits = re.match(r"\(?(\d+)", cell)
    return int(digits.group(1)) if digits else None


def looks_like_time(cell: str) -> bool:
    return len(cell) <= _MAX_TIME_CELL and bool(_TIME_WORDS.search(cell))


# Scores of a cell in a column when a row is fitted to the columns; None: it cannot go there.
def _fit(cell: str, column: Column) -> float | None:
    if column.kind == "serial":
        return 4.0 if is_serial(cell) else None
    if is_serial(cell):
        return None
    if column.kind == "role":
        if says_none(cell):
            return 1.0
        return 3.0 if is_unit_list(cell) else -2.0
    if column.kind == "time":
        if looks_like_time(cell):
            return 3.0
        return 0.0 if len(cell) <= 12 else None
    return -1.0 if is_unit_list(cell) else 1.0


def is_unit_list(cell: str) -> bool:
    parts = [part for part in re.split(r"[、,;/ ]", cell) if part]
    return bool(parts) and all(looks_like_unit(part) for part in parts)


def _skip_cost(column: Column) -> float:
    return {"serial": -3.0, "task": -2.0}.get(column.kind, 0.0)


_MAX_PER_COLUMN = 4  # a role cell flattened as 县司法局  县财政局: pieces of one cell


def _fit_several(cells: Sequence[str], column: Column, later: float) -> float | None:
    """Two or more pieces in one column: the pieces of a unit list (or of a text) spaced apart. Of two
    role columns the later takes the extra pieces (a task has more partners than leads)."""
    if column.kind == "role":
        return 3.0 - (0.5 - 0.01 * later) * (len(cells) - 1) if all(is_unit_list(c) for c in cells) else None
    if column.kind in ("task", "detail", "other") and not any(is_serial(c) or is_unit_list(c) for c in cells):
        return 1.0 - 1.5 * (len(cells) - 1)
    return None


def fit_to_columns(cells: Sequence[str], columns: Sequence[Column]) -> list[int] | None:
    """The column of each cell of a row whose cells do not line up with the columns — fewer (empty cells
    left no trace) or more (a cell's pieces spaced apart) — in order, by what each cell looks like; None
    when the cells fit no columns. Work: cells × columns × a few."""
    n, width = len(cells), len(columns)
    if n > width * _MAX_PER_COLUMN:
        return None
    minus = float("-inf")
    # best[j][i]: the best score of the first i cells placed in the first j columns; took[j][i]: how many
    # of them the j-th column holds.
    best = [[minus] * (n + 1) for _ in range(width + 1)]
    took = [[0] * (n + 1) for _ in range(width + 1)]
    best[0][0] = 0.0
    for j in range(1, width + 1):
        column = columns[j - 1]
        for i in range(n + 1):
            score, count = best[j - 1][i] + _skip_cost(column), 0
            for t in range(1, min(i, _MAX_PER_COLUMN) + 1):
                if best[j - 1][i - t] == minus:
                    continue
                fit = _fit(cells[i - 1], column) if t == 1 else _fit_several(cells[i - t : i], column, j / width)
                if fit is not None and best[j - 1][i - t] + fit > score:
                    score, count = best[j - 1][i - t] + fit, t
            best[j][i], took[j][i] = score, count
    if best[width][n] == minus:
        return None
    placed: list[int] = []
    i = n
    for j in range(width, 0, -1):
        placed += [j - 1] * took[j][i]
        i -= took[j][i]
    return placed[::-1]
