"""The columns of a task-assignment table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限) and the clauses
its role cells make.

A header cell names what its column holds: a role, read with the same vocabulary labels prose clauses use
(牵头单位（部门） is 牵头单位, 责任单位/部门 is 责任单位), or one of the table-only header words of the
vocabulary (序号, 重点任务, 具体措施, 完成时限 …). A role cell is a unit list; a dash or a slash in it says
"none" and gives no units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from policykg.core.unit_words import is_collective
from policykg.core.vocabulary import (
    JOINT_VERBS,
    NON_UNIT_LABELS,
    ROLE_VERBS,
    ROLES,
    TABLE_DETAIL_HEADERS,
    TABLE_OTHER_HEADERS,
    TABLE_SERIAL_HEADERS,
    TABLE_TASK_HEADERS,
    TABLE_TIME_HEADERS,
    Role,
    Span,
    label_role,
)
from policykg.ingest.clause_parts import LABEL_PATTERN, strict_list
from policykg.ingest.clauses import Assignment, Clause

# A header cell names a role with the same labels prose clauses use (the vocabulary), with any note in
# brackets dropped: 牵头单位（部门） is 牵头单位.
_HEADER_NOTE = re.compile(r"[(（][^()（）]*[)）]|\s+")
# 责任单位/部门, 牵头单位及责任人: a header naming two things, read part by part.
_HEADER_PARTS = re.compile(r"[/、及和与或]")
_MAX_HEADER = 12
# Endings of header words the vocabulary does not list, by what the column holds.
_TASK_ENDING = re.compile(r"(?:任务|事项|项目|名称|工作)$")
_DETAIL_ENDING = re.compile(r"(?:措施|举措|内容|要求|目标|标准|成果|形式|说明)$")
_TIME_ENDING = re.compile(r"(?:时限|时间|节点|期限|进度)$")
_OTHER_ENDING = re.compile(r"(?:领导|责任人|联系人|负责人|备注|分值|得分|电话)$")
# A cell that says "no units": — / － / 无 / 暂无.
_NONE_CELL = re.compile(r"^[\s\-—–/\\、无暂]*$")

# Inside a cell: a part opening with its own label, a part closed by a role verb, a unit marked with one.
_LABEL_START = re.compile(rf"\s*({LABEL_PATTERN})\s*[::]\s*")
_LABEL_INSIDE = re.compile(rf"(?<=[ 、])(?:{LABEL_PATTERN})\s*[::]")
_VERB_ROLE: dict[str, Role] = {verb: role for role in reversed(ROLES) for verb in ROLE_VERBS[role]}
_VERB_ALT = "|".join(sorted(_VERB_ROLE, key=len, reverse=True))
_TRAILING_VERB = re.compile(rf"(?:按照?职责(?:分工)?)?(?:分别|共同|具体)?({_VERB_ALT})(?:负责|落实|实施)?\s*$")
_MARKED_ROLE = re.compile(rf"\(({_VERB_ALT})(?:单位)?\)$")
_JOINT = re.compile("|".join(JOINT_VERBS))

ColumnKind = Literal["serial", "task", "detail", "role", "time", "other"]


@dataclass(frozen=True)
class Column:
    kind: ColumnKind
    role: Role | None = None
    rank: int = 0  # task and detail columns: preference as the heading (smaller is better)


def column_role(header: str) -> Role | None:
    """The role a column header names, read with the vocabulary's labels (None for 责任领导, 序号 …)."""
    name = _HEADER_NOTE.sub("", header)
    role = label_role(name)
    if role is not None or len(name) > _MAX_HEADER:
        return role
    roles = {label_role(part) for part in _HEADER_PARTS.split(name) if part}
    roles.discard(None)
    return roles.pop() if len(roles) == 1 else None


def read_column(header: str) -> Column | None:
    """What a header cell says its column holds; None when the cell is no header word at all."""
    name = _HEADER_NOTE.sub("", header)
    if not name or len(name) > _MAX_HEADER or name[0].isdigit():
        return None
    role = column_role(name)
    if role is not None:
        return Column("role", role)
    if name in TABLE_SERIAL_HEADERS:
        return Column("serial")
    if name in TABLE_TIME_HEADERS or _TIME_ENDING.search(name):
        return Column("time")
    if name in TABLE_TASK_HEADERS:
        return Column("task", rank=TABLE_TASK_HEADERS.index(name))
    if name in TABLE_DETAIL_HEADERS:
        return Column("detail", rank=TABLE_DETAIL_HEADERS.index(name))
    if name in NON_UNIT_LABELS or name in TABLE_OTHER_HEADERS or _OTHER_ENDING.search(name):
        return Column("other")
    if len(name) <= 6 and _TASK_ENDING.search(name):
        return Column("task", rank=len(TABLE_TASK_HEADERS))
    if len(name) <= 8 and _DETAIL_ENDING.search(name):
        return Column("detail", rank=len(TABLE_DETAIL_HEADERS))
    return None


def heading_column(columns: list[Column]) -> int | None:
    """The column whose cell is a row's heading: the best task column, else the best detail column."""
    for kind in ("task", "detail"):
        ranked = [(c.rank, i) for i, c in enumerate(columns) if c.kind == kind]
        if ranked:
            return min(ranked)[1]
    return None


def says_none(text: str) -> bool:
    """A role cell written as — or / (or 无) states that no unit takes that role."""
    return bool(_NONE_CELL.match(text))


def role_cell_units(text: str, segments: tuple[Span, ...], role: Role) -> list[Assignment] | None:
    """The units of a role cell (one span per line of the cell); None when no part of it is a unit list.

    A cell is mostly a plain list, with the column's role. It can also be written as a clause — parts
    with their own label (牵头单位:A;配合单位:B), parts closed by a role verb (A牵头,B配合), A会同B负责 —
    or mark one unit (县司法局(牵头)): there the part's own role wins over the column's.
    """
    assignments: list[Assignment] = []
    unread = False  # a part that names no units (县委常委、常务副县长; a date written into the cell)
    for start, end in segments:
        if says_none(text[start:end]):
            continue
        for part_start, part_end in _parts(text, start, end):
            found = _part_units(text, part_start, part_end, role)
            unread = unread or found is None
            assignments += found or []
    return None if unread and not assignments else assignments


def _part_units(text: str, start: int, end: int, role: Role) -> list[Assignment] | None:
    label = _LABEL_START.match(text, start, end)
    if label:
        labelled = label_role(label.group(1))
        if labelled is None:
            return []  # 责任领导:… names people
        role, start = labelled, label.end()
    else:
        verb = _TRAILING_VERB.search(text, start, end)
        if verb and verb.start() > start:
            role, end = _VERB_ROLE[verb.group(1)], verb.start()
            joint = _JOINT.search(text, start, end)
            if joint and joint.start() > start:  # A会同B负责: A takes the verb's role, B joins
                first = _unit_list(text, start, joint.start(), role)
                joined = _unit_list(text, joint.end(), end, "participate")
                return None if first is None or joined is None else first + joined
    return _unit_list(text, start, end, role)


def _unit_list(text: str, start: int, end: int, role: Role) -> list[Assignment] | None:
    found = strict_list(text, start, end)
    if found is None:
        return None
    assignments = []
    for marked_role, mention, (s, e) in found:
        marked = _MARKED_ROLE.search(mention)
        own_role = marked_role or role  # 县司法局(牵头): the unit's own mark wins over the column's role
        if marked and marked.start() > 0:
            own_role, mention, e = _VERB_ROLE[marked.group(1)], mention[: marked.start()], s + marked.start()
        assignments.append(Assignment(own_role, mention, (s, e), is_collective(mention)))
    return assignments


def _parts(text: str, start: int, end: int) -> list[Span]:
    """The parts of a cell: between ; and , outside brackets, and before each label that opens a line
    of the cell (牵头:县司法局 配合:县财政局)."""
    parts, depth, part_start = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in "(《":
            depth += 1
        elif ch in ")》" and depth:
            depth -= 1
        elif depth == 0 and ch in ";,":
            parts.append((part_start, i))
            part_start = i + 1
    parts.append((part_start, end))
    split: list[Span] = []
    for s, e in parts:
        for m in _LABEL_INSIDE.finditer(text, s, e):
            split.append((s, m.start()))
            s = m.start()
        split.append((s, e))
    return [p for p in split if text[p[0] : p[1]].strip()]


def role_cell_clause(text: str, segments: tuple[Span, ...], role: Role) -> Clause | None:
    assignments = role_cell_units(text, segments, role)
    if not assignments:
        return None
    return Clause((segments[0][0], segments[-1][1]), tuple(assignments))


def find_table_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses the rows of every task table in text[start:end] make from their role columns (the
    table reader is ingest/tables.py; this is its view for callers that want clauses only)."""
    from policykg.ingest.tables import find_tables  # tables.py reads columns with this module

    return [c for row in find_tables(text, start, end).rows for c in row.clauses]
