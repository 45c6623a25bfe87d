"""Excel .xlsx to text: each visible sheet's rows in order, written as the Word and HTML readers write
tables, so one task table reads the same in every format.

A row of two cells or more is one line, its cells joined by a tab; a cell merged down from the row
above (a merged range's lower rows) is an empty field, a cell merged across (a range's further columns)
is no field at all, so a category row or a title merged over the whole width is a line of its own, as
is a row holding one value. A line break inside a cell becomes a space. Numbers are written as
written (序号 1, not 1.0), dates as 2024年6月30日.

Only the cells the sheet stores are visited and the width of a row is capped, so a sheet whose stated
size is a million rows by 16,384 columns costs what its contents cost.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any

import openpyxl

MAX_COLUMNS = 256  # far wider than any task table; keeps a stray far-away cell from widening every row
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a workbook that inflates beyond this is not a document


class WorkbookTooLarge(ValueError):
    pass


def xlsx_to_text(raw: bytes) -> str:
    """The workbook's visible sheets as lines of text ("" if they hold none)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookTooLarge(f"workbook unpacks to {unpacked >> 20} MB")
    workbook = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    lines: list[str] = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            lines += _sheet_lines(sheet)
    return "\n".join(lines) + "\n" if lines else ""


def _sheet_lines(sheet: Any) -> Iterator[str]:
    values: dict[tuple[int, int], str] = {}
    for (row, column), cell in sheet._cells.items():  # the stored cells only, not the stated grid
        text = _cell_text(cell.value)
        if text and column <= MAX_COLUMNS:
            values[(row, column)] = text
    if not values:
        return
    width = max(column for _, column in values)
    merges = sorted(
        (r.min_row, r.min_col, r.max_row, min(r.max_col, width))
        for r in sheet.merged_cells.ranges
        if r.min_col <= width
    )
    by_row: dict[int, list[int]] = {}
    for row, column in values:
        by_row.setdefault(row, []).append(column)
    # The merges over the current row, one per left column (merges never overlap), so a row costs at
    # most `width` steps however many merges the sheet has.
    active: dict[int, tuple[int, int, int, int]] = {}
    next_merge = 0
    for row in sorted(by_row):
        while next_merge < len(merges) and merges[next_merge][0] <= row:
            active[merges[next_merge][1]] = merges[next_merge]
            next_merge += 1
        for left in [left for left, m in active.items() if m[2] < row]:
            del active[left]
        covered: set[int] = set()  # columns a merge from the left takes: no field
        merged_down: set[int] = set()  # columns a merge from above fills: an empty field
        for top, left, _, right in active.values():
            covered.update(range(left + 1, right + 1))
            if top < row:
                merged_down.add(left)
        fields = [values.get((row, column), "") for column in range(1, width + 1) if column not in covered]
        filled = [f for f in fields if f]
        if len(filled) == 1 and not merged_down:
            yield filled[0]
        elif filled:
            yield "\t".join(fields)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    lines = (" ".join(line.split()) for line in str(value).split("\n"))
    return " ".join(line for line in lines if line)
