"""Responsibility columns of task-assignment tables (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限).

The readers give a table row as one line with its cells joined by tabs, and a merged cell (rowspan) as an
empty field. A header row names the role of each column; every row under it gets a clause built from the
unit lists in those columns, and an empty cell repeats the units of the row above, as the merge meant.
"""

from __future__ import annotations

import re

from ingest.clauses import Assignment, Clause, parse_unit_list
from ingest.records import Role
from ingest.unit_words import is_collective

_COLUMN_ROLES: list[tuple[re.Pattern[str], Role]] = [
    (re.compile(r"^(?:牵头单位|牵头部门|主办单位|主责单位|牵头责任单位)$"), "lead"),
    (re.compile(r"^(?:参加单位|参与单位|配合单位|协办单位|协助单位|配合部门|参与部门)$"), "participate"),
    (re.compile(r"^(?:责任单位|责任部门|实施单位|落实单位|承办单位|责任主体)$"), "responsible"),
]


def _cells(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    cells, cell_start = [], line_start
    for i in range(line_start, line_end):
        if text[i] == "\t":
            cells.append((cell_start, i))
            cell_start = i + 1
    cells.append((cell_start, line_end))
    return cells


def _column_roles(text: str, cells: list[tuple[int, int]]) -> dict[int, Role]:
    roles: dict[int, Role] = {}
    for index, (s, e) in enumerate(cells):
        name = re.sub(r"\s+", "", text[s:e])
        for pattern, role in _COLUMN_ROLES:
            if pattern.match(name):
                roles[index] = role
    return roles


def find_table_clauses(text: str, start: int, end: int) -> list[Clause]:
    clauses: list[Clause] = []
    roles: dict[int, Role] = {}
    width = 0
    previous: dict[int, list[Assignment]] = {}
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        if "\t" not in text[pos:line_end]:
            roles, previous = ({}, {}) if text[pos:line_end].strip() else (roles, previous)
        else:
            cells = _cells(text, pos, line_end)
            header = _column_roles(text, cells)
            if header:
                roles, width, previous = header, len(cells), {}
            elif roles and len(cells) == width:
                assignments: list[Assignment] = []
                for index, role in roles.items():
                    s, e = cells[index]
                    found = parse_unit_list(text, s, e) if text[s:e].strip() else None
                    if found:
                        previous[index] = [Assignment(role, m, span, is_collective(m)) for m, span in found]
                    assignments += previous.get(index, [])
                if assignments:
                    clauses.append(Clause((cells[min(roles)][0], line_end), tuple(assignments)))
        pos = line_end + 1
    return clauses
