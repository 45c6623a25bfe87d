"""Responsibility columns of task-assignment tables (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限).

The readers give a table row as one line with its cells joined by tabs, and a merged cell (rowspan) as an
empty field. A header row names the role of each column; every row under it gets a clause built from the
unit lists in those columns, and an empty cell repeats the units of the row above, as the merge meant.
"""

from __future__ import annotations

import re

from policykg.core.unit_words import is_collective
from policykg.core.vocabulary import Role, label_role
from policykg.ingest.clauses import Assignment, Clause, parse_unit_list

# A header cell names a role with the same labels prose clauses use (the vocabulary), with any note in
# brackets dropped: 牵头单位（部门） is 牵头单位.
_HEADER_NOTE = re.compile(r"[(（][^()（）]*[)）]|\s+")


def column_role(header: str) -> Role | None:
    """The role a column header names, read with the vocabulary's labels (None for 责任领导, 序号 …)."""
    return label_role(_HEADER_NOTE.sub("", header))


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
        role = column_role(text[s:e])
        if role is not None:
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
