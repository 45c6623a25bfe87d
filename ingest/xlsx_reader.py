"""Excel .xlsx to text: each visible sheet's rows in order, written as the Word and HTML readers write
tables, so one task table reads the same in every format.

A row of two cells or more is one line, its cells joined by a tab; a cell merged down from the row
above (a merged range's lower rows) is an empty field, a cell merged across (a range's further columns)
is no field at all, so a category row or a title merged over the whole width is a line of its own, as
is a row holding one value. A line break inside a cell becomes a space. Numbers are written as
written (序号 1, not 1.0), dates as 2024年6月30日.

Only the cells the sheet stores are visited (merged ranges are never expanded into cells, the stated
dimension is never read) and a row's width is capped, so a sheet whose stated size is a million rows by
16,384 columns costs what its contents cost; the stored cells are bounded too (POLICYKG_MAX_CELLS).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import openpyxl
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser

from policykg.ingest.limits import Deadline, ReadLimits

MAX_COLUMNS = 256  # far wider than any task table; keeps a stray far-away cell from widening every row


def xlsx_to_text(raw: bytes, limits: ReadLimits | None = None, deadline: Deadline | None = None) -> str:
    """The workbook's visible sheets as lines of text ("" if they hold none).

    The archive's sizes and XML bounds are checked before (archive_limits.check_archive); here the
    stored cells, time and text are bounded."""
    limits = limits or ReadLimits.from_env()
    deadline = deadline or limits.deadline()
    cells = _CellCount(limits, deadline)
    # Read-only mode streams the sheets; loading them whole would make a cell object for every cell of
    # every merged range (a merge over a million rows is a million objects).
    workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        lines: list[str] = []
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") == "visible":
                values, merges = _stored_cells(workbook, sheet, cells)
                lines += _sheet_lines(values, merges)
                limits.check_text(sum(len(line) + 1 for line in lines))
        return "\n".join(lines) + "\n" if lines else ""
    finally:
        workbook.close()


class _CellCount:
    """Stored cells over all sheets of one workbook, against POLICYKG_MAX_CELLS and the time bound."""

    def __init__(self, limits: ReadLimits, deadline: Deadline) -> None:
        self._limits = limits
        self._deadline = deadline
        self.count = 0

    def add(self, cells: int) -> None:
        self.count += cells
        if self.count > self._limits.cells:
            raise self._limits.exceeded("cells", f"holds more than {self._limits.cells:,} stored cells")
        self._deadline.check("reading the workbook's cells")


_Merge = tuple[int, int, int, int]


def _stored_cells(workbook: Any, sheet: Any, count: _CellCount) -> tuple[dict[tuple[int, int], str], list[_Merge]]:
    """The sheet's stored values by (row, column) and its merged ranges as (top, left, bottom, right), read
    with openpyxl's sheet parser (what its read-only rows use), which yields the cells the file holds."""
    values: dict[tuple[int, int], str] = {}
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for row, cells in parser.parse():
            count.add(len(cells))
            for cell in cells:
                text = _cell_text(cell["value"])
                if text and cell["column"] <= MAX_COLUMNS:
                    values[(row, cell["column"])] = text
        merged = parser.merged_cells.mergeCell if parser.merged_cells else []
    merges = []
    for cell_range in merged:
        left, top, right, bottom = range_boundaries(cell_range.ref)
        merges.append((top, left, bottom, right))
    return values, merges


def _sheet_lines(values: dict[tuple[int, int], str], merges: list[tuple[int, int, int, int]]) -> Iterator[str]:
    if not values:
        return
    width = max(column for _, column in values)
    merges = sorted((top, left, bottom, min(right, width)) for top, left, bottom, right in merges if left <= width)
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
