"""Task tables (任务分工表, 重点任务清单, 责任分工方案): every row a measure.

A table starts at a header row that names at least one role column (牵头单位, 配合单位, 责任部门 …) among
other header words (序号, 重点任务, 完成时限 …), in any order; a second header row under a group header
(责任主体 over 牵头单位 | 配合单位) refines the columns. Under the header come, in any mix:

- task rows: one line per row, or a whole table on the header's line (cells in a row of their own are
  then found by the 序号 that starts each row, or by the number of columns);
- category rows (一、… alone on their line, or 一 in the 序号 cell): the rows under them get the label in
  their path;
- a row whose 序号 is empty (or repeats the one above) continues the row above: a merged 序号 over
  several 具体措施, or a cell whose text ran onto the next line;
- an empty cell under a filled one repeats it, as the merge it stands for meant.

A row's path is [attachment label, category labels, 序号] — 附件 when the table follows a 附件 line —
and a table without 序号 numbers its rows. What cannot be read (a row that fits no columns, a header with
no rows) is an ``unreadable_table`` warning with its span, and its text is left to the prose reader.
The work is linear in the text: every line is split once and a short row is fitted in columns × cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.core.vocabulary import Span
from policykg.ingest.clauses import Clause
from policykg.ingest.deadlines import find_deadlines
from policykg.ingest.records import Deadline, ExtractionWarning, Section
from policykg.ingest.table_cells import (
    category_label,
    category_serial,
    fit_to_columns,
    is_serial,
    is_unit_list,
    serial_label,
    serial_value,
    split_fields,
)
from policykg.ingest.table_clauses import Column, heading_column, read_column, role_cell_clause, says_none

_ATTACHMENT = re.compile(r"\s*(附件\s*\d{0,2})\s*(?:[::.、]|$|\s)")
_ATTACHMENT_INSIDE = re.compile(r"(?:^|(?<=\s))(附件\s*\d{0,2})(?=\s*(?:[::.、]|$|\s))")
_ATTACHMENT_LOOKBACK = 3  # non-blank lines between an 附件 line and the table's header
_MAX_FAILED_LINES = 2  # short lines in a row that fit no columns end the table
_MAX_CATEGORY = 60  # a category row is a heading, not a paragraph
_CATEGORY_TITLE = re.compile(r"^(?:第[^部章篇]{1,4}(?:部分|章|篇)|[^、.()]{1,4}[、.]|\([^()]{1,4}\)[、.]?)\s*")
_LEADING_SERIAL = re.compile(r"(\d{1,3})\s*[.、](?!\d)")

Cell = tuple[Span, ...]  # the lines of a cell; () when it is empty


@dataclass(frozen=True)
class TableRow:
    """One task row, read as a measure: its cells are spans into the text."""

    path: tuple[str, ...]
    number: str
    span: Span  # the row's own text
    heading: str  # the task cell, as in the (cleaned) text
    clauses: tuple[Clause, ...]  # one per role column with units
    time_cells: tuple[Span, ...]  # the time column's lines: the row's deadlines
    text_cells: tuple[Span, ...]  # task, detail and other cells (side by side: one span): citations, targets


@dataclass(frozen=True)
class TableScan:
    rows: tuple[TableRow, ...]
    regions: tuple[Span, ...]  # the tables' text, header to last row
    warnings: tuple[ExtractionWarning, ...]
    sections: tuple[Section, ...] = ()  # category rows (and an attachment) the rows sit under


def find_tables(text: str, start: int = 0, end: int | None = None) -> TableScan:
    """Every task table in text[start:end] (the cleaned text; spans point into it)."""
    end = len(text) if end is None else end
    lines = _line_spans(text, start, end)
    rows: list[TableRow] = []
    regions: list[Span] = []
    warnings: list[ExtractionWarning] = []
    sections: list[Section] = []
    i = 0
    while i < len(lines):
        header = _read_header(text, lines, i)
        if header is None:
            i += 1
            continue
        attachment = _attachment(text, lines, i, header.span[0])
        reader = _TableReader(text, header, attachment.path if attachment else ())
        j = header.next_line
        while j < len(lines):
            if lines[j][0] < lines[j][1] and not reader.feed(*lines[j]):
                break
            j += 1
        table_rows, table_warnings = reader.close()
        rows += table_rows
        warnings += table_warnings
        regions.append((header.span[0], reader.end))
        if attachment and table_rows and not any(s.path == attachment.path for s in sections):
            sections.append(Section(attachment.path, attachment.heading, (attachment.span[0], reader.end)))
        sections += reader.sections
        i = max(header.next_line, _first_line_after(lines, reader.end, i + 1))
    return TableScan(tuple(rows), tuple(regions), tuple(warnings), tuple(sorted(sections, key=lambda s: s.span)))


def blank_tables(text: str, regions: tuple[Span, ...]) -> str:
    """The text with the tables blanked (line breaks kept): what the prose reader reads."""
    parts, pos = [], 0
    for s, e in regions:
        parts += [text[pos:s], re.sub(r"[^\n]", " ", text[s:e])]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def outside_tables(start: int, end: int, regions: tuple[Span, ...]) -> list[Span]:
    """The stretches of [start, end) between the tables."""
    gaps, pos = [], start
    for s, e in regions:
        if s > pos:
            gaps.append((pos, min(s, end)))
        pos = max(pos, e)
    if end > pos:
        gaps.append((pos, end))
    return [(s, e) for s, e in gaps if s < e]


def row_deadlines(text: str, row: TableRow, year: int | None = None) -> list[Deadline]:
    """The deadlines a row's time column states. The phrases are read by the deadline grammar
    (ingest/deadlines.py) on the time cell alone, as a time field (全年, 2024年12月, 长期坚持 count there),
    with the document's year for phrases that give none."""
    found: list[Deadline] = []
    for s, e in row.time_cells:
        found += find_deadlines(text, s, e, year=year, field=True)
    return found


# --- lines and headers ----------------------------------------------------------------------------


def _line_spans(text: str, start: int, end: int) -> list[Span]:
    spans, pos = [], start
    while pos <= end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        s, e = pos, line_end
        while s < e and text[s] in " \t":  # a line of blanks is blank
            s += 1
        spans.append((pos, line_end) if s < e else (pos, pos))
        pos = line_end + 1
    return spans


def _first_line_after(lines: list[Span], offset: int, at_least: int) -> int:
    i = at_least
    while i < len(lines) and lines[i][0] < offset:
        i += 1
    return i


@dataclass
class _Header:
    columns: list[Column]
    span: Span
    next_line: int  # the first line after the header
    rest: list[Span] = field(default_factory=list)  # cells after the header on its line: a one-line table
    single_spaces: bool = False  # cells one space apart (a PDF's text layer)


def _header_cells(text: str, fields: list[Span]) -> tuple[list[Column | None], int]:
    """The header words at the start of a line's cells (None for an empty cell) and how many cells they
    take; an empty cell at the end is not part of the header."""
    columns: list[Column | None] = []
    for s, e in fields:
        if s == e:
            columns.append(None)
            continue
        column = read_column(text[s:e])
        if column is None:
            break
        columns.append(column)
    taken = len(columns)
    while columns and columns[-1] is None:
        columns.pop()
    return columns, taken if taken == len(fields) else len(columns)


def _is_table_header(columns: list[Column | None]) -> bool:
    named = [c for c in columns if c is not None]
    return len(named) >= 2 and any(c.kind == "role" for c in named) and any(c.kind != "role" for c in named)


def _read_header(text: str, lines: list[Span], i: int) -> _Header | None:
    start, end = lines[i]
    if start == end:
        return None
    fields, _ = split_fields(text, start, end)
    single_spaces = False
    if len(fields) < 2 and " " in text[start:end].strip():
        # Cells one space apart: only a line of nothing but header words is taken for a header.
        fields, _ = split_fields(text, start, end, single_spaces=True)
        single_spaces = _header_cells(text, fields)[1] == len(fields)
        if not single_spaces:
            return None
    if len(fields) < 2:
        return None
    columns, taken = _header_cells(text, fields)
    if not _is_table_header(columns):
        columns, taken, fields = _header_inside(text, fields)
        if not columns:
            return None
        start = fields[0][0]
    rest = [f for f in fields[taken:] if f[0] < f[1]]
    named = sum(c is not None for c in columns)
    if rest and len(rest) < named and not any(is_serial(text[s:e]) or category_label(text[s:e]) for s, e in rest):
        columns += [Column("other")] * len(rest)  # header words the vocabulary does not know
        rest = []
    header = _Header([c or Column("other") for c in columns], (start, end), i + 1, rest, single_spaces)
    if not rest:
        _apply_subheader(text, lines, header, columns)
    return header


def _header_inside(text: str, fields: list[Span]) -> tuple[list[Column | None], int, list[Span]]:
    """A header that starts after other text on its line, with the table's rows after it on the same line
    (a page flattened to one line: its title, then the table): its columns, the cells it takes and the
    cells from its start on; nothing when there is none."""
    k = 1
    while k < len(fields):
        s, e = fields[k]
        if s < e and read_column(text[s:e]) is not None:
            columns, taken = _header_cells(text, fields[k:])
            if _is_table_header(columns) and taken < len(fields) - k:
                return columns, taken, fields[k:]
            k += max(taken, 1)
        else:
            k += 1
    return [], 0, []


def _apply_subheader(text: str, lines: list[Span], header: _Header, upper: list[Column | None]) -> None:
    """A second header row under group headers (责任主体 over 牵头单位 | 配合单位) names the columns the
    group header spans."""
    j = header.next_line
    if j >= len(lines) or lines[j][0] == lines[j][1]:
        return
    fields, _ = split_fields(text, *lines[j], single_spaces=header.single_spaces)
    lower, taken = _header_cells(text, fields)
    if taken < len([f for f in fields if f[0] < f[1]]) or not any(c is not None for c in lower):
        return
    if len(lower) < len(fields):
        lower += [None] * (len(fields) - len(lower))  # the empty cells the header row's rowspans leave
    filled = [k for k, c in enumerate(lower) if c is not None]
    combined: list[Column | None] | None = None
    if len(lower) == len(upper):  # every column in place: the lower word names it
        combined = [lo if lo is not None else up for up, lo in zip(upper, lower, strict=True)]
    elif len(lower) > len(upper):  # the group header is one cell over several columns
        a, b = filled[0], filled[-1] + 1
        if len(upper) - 1 + (b - a) == len(lower) and filled == list(range(a, b)):
            combined = [*upper[:a], *lower[a:b], *upper[a + 1 :]]
    elif len(filled) == len(lower):  # flattened: only the sub-headers, in the group header's place
        groups = [k for k, c in enumerate(upper) if c is not None and c.kind in ("role", "other")]
        if groups and all(c is not None and c.kind == "role" for c in lower):
            g = groups[0]
            combined = [*upper[:g], *lower, *upper[g + 1 :]]
    if combined is not None:
        header.columns = [c or Column("other") for c in combined]
        header.span = (header.span[0], lines[j][1])
        header.next_line = j + 1


def _attachment(text: str, lines: list[Span], i: int, header_start: int) -> Section | None:
    """附件 (or 附件2) when the table follows an attachment line (or starts after one on its line): its rows
    are the attachment's."""
    if header_start > lines[i][0]:
        inline = list(_ATTACHMENT_INSIDE.finditer(text, lines[i][0], header_start))
        if inline:
            last = inline[-1]
            label, heading = "".join(last.group(1).split()), text[last.end() : header_start].strip(" :")
            return Section((label,), heading, last.span())
    seen = 0
    for s, e in reversed(lines[:i]):
        if s == e:
            continue
        m = _ATTACHMENT.match(text, s, e)
        if m:
            return Section(("".join(m.group(1).split()),), text[m.end() : e].strip(), (s, e))
        seen += 1
        if seen >= _ATTACHMENT_LOOKBACK:
            break
    return None


# --- rows ------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """A row being read: its cells per column (own and repeated from above), its span and path."""

    path: tuple[str, ...]
    number: str
    span: Span
    cells: list[list[Span]]
    block: int  # which category block it is in


class _TableReader:
    def __init__(self, text: str, header: _Header, prefix: tuple[str, ...]) -> None:
        self.text = text
        self.columns = header.columns
        self.width = len(header.columns)
        serials = [k for k, c in enumerate(self.columns) if c.kind == "serial"]
        self.serial: int | None = serials[0] if serials else None
        self.uses_serial: bool | None = None if self.serial is not None else False
        self.heading = heading_column(self.columns)
        self.single_spaces = header.single_spaces
        self.prefix = prefix
        self.header_span = header.span
        self.end = header.span[1]  # where the rows read so far end
        self.categories: list[tuple[int, str]] = []  # (rank, label), outermost first
        self.sections: list[Section] = []
        self.open_sections: list[tuple[int, tuple[str, ...], str, int]] = []  # (rank, path, heading, start)
        self.block = 0
        self.above: dict[int, list[Span]] = {}
        self.drafts: list[_Draft] = []
        # A short row waiting for its next line: its cells, its lines, whether empty cells show.
        self.partial: tuple[list[Span], Span, bool] | None = None
        self.unread: list[Span] = []  # lines that fit no columns, warned about if rows follow them
        self.failed_lines = 0
        self.warnings: list[ExtractionWarning] = []
        if header.rest:
            self._stream(header.rest)

    # -- feeding lines

    def feed(self, start: int, end: int) -> bool:
        """Read one non-blank line; False when it is no part of the table (the table ends before it)."""
        fields, visible_empty = split_fields(self.text, start, end, self.single_spaces)
        filled = [f for f in fields if f[0] < f[1]]
        if len(filled) == 1 and self._is_category(self.text[slice(*filled[0])]):
            self._flush_partial()
            self._category(self.text[slice(*filled[0])], start)
            self._accept((start, end))
            return True
        header, taken = _header_cells(self.text, fields)
        if taken == len(fields) and _is_table_header(header):
            if [c or Column("other") for c in header] != self.columns:
                return False  # another table's header
            self._accept((start, end))  # the header repeated on a new page
            return True
        if self.partial is not None and self._join(fields, (start, end)):
            return True
        self._flush_partial()
        if visible_empty:
            while len(fields) > self.width and fields[-1][0] == fields[-1][1]:
                fields.pop()
        else:
            fields = filled
        if len(fields) == self.width:
            self._row(self._own_cells(fields), (start, end), visible_empty)
            return True
        if len(filled) > self.width:
            self._stream(filled)
            return True
        if len(filled) < 2:
            return False  # a paragraph after the table
        self.partial = (fields, (start, end), visible_empty)
        return self.failed_lines < _MAX_FAILED_LINES

    def _join(self, fields: list[Span], span: Span) -> bool:
        """A cell whose text broke onto the next line: the short row above and this line make one row.
        Where empty cells show (tabs), a row can break over several lines; where they do not, a short row
        is a row with empty cells and joins only a line that completes it."""
        assert self.partial is not None
        before, first_span, visible_empty = self.partial
        if not fields or (self.serial == 0 and is_serial(self.text[slice(*fields[0])])):
            return False
        joined = [*before[:-1], (before[-1][0], fields[0][1]), *fields[1:]]
        if len(before) + len(fields) == self.width:
            joined = [*before, *fields]
        elif len(joined) > self.width or (len(joined) < self.width and not visible_empty):
            return False
        line_span = (first_span[0], span[1])
        if len(joined) < self.width:
            self.partial = (joined, line_span, visible_empty)
            return True
        self.partial = None
        self._row(self._own_cells(joined), line_span, visible_empty)
        return True

    def _flush_partial(self) -> None:
        if self.partial is None:
            return
        fields, span, _ = self.partial
        self.partial = None
        if not self._place([f for f in fields if f[0] < f[1]], span):
            self.unread.append(span)
            self.failed_lines += 1

    def _place(self, cells: list[Span], span: Span) -> bool:
        """Fit cells that do not line up with the columns to them, by what each cell looks like; a row
        must keep its 序号 (when the table numbers its rows) and its task cell."""
        placed = fit_to_columns([self.text[s:e] for s, e in cells], self.columns)
        if (
            placed is None
            or (self.uses_serial is not False and self.serial is not None and self.serial not in placed)
            or (self.heading is not None and self.heading not in placed)
        ):
            return False
        row: list[list[Span]] = [[] for _ in self.columns]
        for cell, column in zip(cells, placed, strict=True):
            row[column].append(cell)
        self._row(row, span, False)
        return True

    def _stream(self, tokens: list[Span]) -> None:
        """Cells of several rows on one line: rows start at their 序号, or every `width` cells. Cells that
        fit no row wait in `unread`: a warning if rows follow them, the text after the table if not."""
        text, i = self.text, 0
        while i < len(tokens):
            token = text[slice(*tokens[i])]
            if self._is_category(token):
                self._category(token, tokens[i][0])
                self._accept(tokens[i])
                i += 1
                continue
            if self.serial == 0 and not is_serial(token):
                k = i + 1
                while k < len(tokens) and not self._row_start(text[slice(*tokens[k])]):
                    k += 1
                self.unread.append((tokens[i][0], tokens[k - 1][1]))
                i = k
                continue
            if self.serial == 0:  # the next 序号 ends the row, however many cells it shows
                k = self._next_serial_token(tokens, i)
            else:  # counted: the next `width` cells, unless a category row comes first
                k = min(i + self.width, len(tokens))
                inside = [p for p in range(i + 1, k) if self._is_category(text[slice(*tokens[p])])]
                k = inside[0] if inside else k
            chunk = tokens[i:k]
            span = (chunk[0][0], chunk[-1][1])
            if len(chunk) == self.width and self._lines_up(chunk):
                self._row(self._own_cells(chunk), span, False)
            elif self.serial == 0 or len(chunk) < self.width:
                if not self._place(chunk, span):
                    self.unread.append(span)
            else:  # counted cells no longer line up with the columns: the rest of the line cannot be placed
                self._unreadable((chunk[0][0], tokens[-1][1]))
                return
            i = k

    def _lines_up(self, cells: list[Span]) -> bool:
        """Cells taken one per column fit them: a 序号 under 序号, units under the role headers."""
        for (s, e), column in zip(cells, self.columns, strict=True):
            cell = self.text[s:e]
            if column.kind == "serial" and not is_serial(cell):
                return False
            if column.kind == "role" and not (says_none(cell) or is_unit_list(cell)):
                return False
        return True

    def _own_cells(self, fields: list[Span]) -> list[list[Span]]:
        return [_cell_lines(self.text, f) if f[0] < f[1] else [] for f in fields]

    def _row_start(self, cell: str) -> bool:
        return is_serial(cell) or self._is_category(cell)

    def _next_serial_token(self, tokens: list[Span], i: int) -> int:
        current = serial_value(self.text[slice(*tokens[i])]) or 0
        for k in range(i + 1, len(tokens)):
            cell = self.text[slice(*tokens[k])]
            if k - i >= 2 and category_label(cell):
                return k
            if is_serial(cell) and (serial_value(cell) in (current, current + 1) or k - i >= self.width):
                return k
        return len(tokens)

    # -- rows and categories

    @staticmethod
    def _is_category(cell: str) -> bool:
        return len(cell) <= _MAX_CATEGORY and category_label(cell) is not None

    def _category(self, cell: str, start: int) -> None:
        label = category_label(cell) or ""
        self._open_category(label, _CATEGORY_TITLE.sub("", cell, count=1).strip(), start)

    def _open_category(self, label: str, heading: str, start: int) -> None:
        rank = 0 if label.startswith("第") else 2 if label.startswith("(") else 1
        while self.categories and self.categories[-1][0] >= rank:
            self.categories.pop()
        self._close_sections(rank, start)
        self.categories.append((rank, label))
        self.open_sections.append((rank, (*self.prefix, *(lb for _, lb in self.categories)), heading, start))
        self.block += 1
        self.above = {}

    def _close_sections(self, rank: int, end: int) -> None:
        while self.open_sections and self.open_sections[-1][0] >= rank:
            _, path, heading, start = self.open_sections.pop()
            self.sections.append(Section(path, heading, (start, max(start, end))))

    def _row(self, fields: list[list[Span]], span: Span, repeat_empty: bool) -> None:
        """One row's own cells (each its lines; [] when empty): a new measure, the continuation of the one
        above, or a category written in the 序号 cell."""
        text = self.text
        serial = " ".join(text[s:e] for s, e in fields[self.serial]) if self.serial is not None else ""
        if serial and category_serial(serial) and not self._has_role_text(fields):
            title = next((text[own[0][0] : own[-1][1]] for k, own in enumerate(fields) if own and k != self.serial), "")
            self._open_category(category_serial(serial) or "", title, span[0])
            self._accept(span)
            return
        if self.uses_serial is None:
            self.uses_serial = is_serial(serial) or category_serial(serial) is not None
        cells: list[list[Span]] = []
        for k, own in enumerate(fields):
            if own:
                self.above[k] = own
                cells.append(list(own))
            elif repeat_empty and k != self.serial:
                cells.append(list(self.above.get(k, [])))
            else:
                cells.append([])
        previous = self.drafts[-1] if self.drafts and self.drafts[-1].block == self.block else None
        if self.uses_serial and previous is not None and (not serial or self._number(serial) == previous.number):
            for k, own in enumerate(fields):  # the row continues the one above
                if k != self.serial:
                    previous.cells[k] += own
            previous.span = (previous.span[0], span[1])
        else:
            number = self._number(serial) if self.uses_serial and serial else self._unnumbered(cells)
            path = (*self.prefix, *(label for _, label in self.categories), number)
            self.drafts.append(_Draft(path, number, span, cells, self.block))
        self._accept(span)

    @staticmethod
    def _number(serial: str) -> str:
        """The 序号 as a path label: 1. → 1, (1) → (1), 一、 → 一 (a row of its own, with units, is an item)."""
        return category_serial(serial) or serial_label(serial)

    def _unnumbered(self, cells: list[list[Span]]) -> str:
        """The number of a row in a table without 序号: the one its task cell opens with (1.推进…), or its
        place in the table."""
        if self.heading is not None and cells[self.heading]:
            s, e = cells[self.heading][0]
            m = _LEADING_SERIAL.match(self.text, s, e)
            if m:
                return m.group(1)
        return str(len(self.drafts) + 1)

    def _has_role_text(self, fields: list[list[Span]]) -> bool:
        return any(own and c.kind == "role" for own, c in zip(fields, self.columns, strict=True))

    def _accept(self, span: Span) -> None:
        """Something of the table was read up to span: lines that fit nothing before it were its rows."""
        for s, e in self.unread:
            self._unreadable((s, e))
        self.unread = []
        self.failed_lines = 0
        self.end = max(self.end, span[1])

    def _unreadable(self, span: Span) -> None:
        self.warnings.append(
            ExtractionWarning(
                "unreadable_table",
                f"a task-table row does not fit the table's {self.width} columns: {self.text[span[0] : span[1]][:40]}",
                span,
            )
        )

    def close(self) -> tuple[list[TableRow], list[ExtractionWarning]]:
        self._flush_partial()
        self.unread = []  # short lines after the last row are the text after the table
        self._close_sections(-1, self.end)
        if not self.drafts:
            self.warnings.append(
                ExtractionWarning(
                    "unreadable_table", "a task-table header with no rows that fit its columns", self.header_span
                )
            )
        return [self._table_row(d) for d in self.drafts], self.warnings

    def _table_row(self, draft: _Draft) -> TableRow:
        text = self.text
        clauses, times, texts = [], [], []
        for column, cell in zip(self.columns, draft.cells, strict=True):
            if column.kind == "role" and column.role is not None and cell:
                clause = role_cell_clause(text, tuple(cell), column.role)
                if clause is not None:
                    clauses.append(clause)
            elif column.kind == "time":
                times += cell
            elif column.kind != "serial":
                texts += cell
        heading_cells = draft.cells[self.heading] if self.heading is not None else []
        heading = "".join(text[s:e] for s, e in heading_cells)
        return TableRow(draft.path, draft.number, draft.span, heading, tuple(clauses), tuple(times), _runs(text, texts))


def _runs(text: str, cells: list[Span]) -> tuple[Span, ...]:
    """Cells side by side (task | detail) as one span, so later stages read a row's text in few calls."""
    runs: list[Span] = []
    for s, e in sorted(cells):
        if runs and runs[-1][1] <= s and not text[runs[-1][1] : s].strip():
            runs[-1] = (runs[-1][0], e)
        else:
            runs.append((s, e))
    return tuple(runs)


def _cell_lines(text: str, cell: Span) -> list[Span]:
    """A cell as its lines (a cell joined across a line break has two or more), spaces trimmed."""
    if text.find("\n", *cell) < 0:
        return [cell]  # the cells of one line come trimmed
    lines, s = [], cell[0]
    while True:
        cut = text.find("\n", s, cell[1])
        e = cell[1] if cut < 0 else cut
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        if s < e:
            lines.append((s, e))
        if cut < 0:
            return lines
        s = cut + 1
