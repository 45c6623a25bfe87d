"""Responsibility clauses: who leads, joins or answers for a measure, with the span of each unit mention.

Forms handled (brackets ASCII or full-width; cleaning has unified them):
  (责任单位:区政府办公室、区司法局、全区各部门)
  (牵头单位:县司法局;参加单位:县政府其他有关部门、各乡镇(街道))   — also with "," between the parts
  牵头单位:县司法局;参加单位:…                                  — unbracketed, to the end of its line
  (市编办牵头,市政府办公厅、市发改委等相关单位配合)
  (市政府办公厅、市编办按照职责分工分别负责,…配合)
  (县司法局、县财政局)                                            — a bare unit list: responsible
Unit lists split on 、 , ; at bracket depth 0, so 各乡镇(街道) stays whole.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from policykg.core.unit_words import is_collective, looks_like_unit, strip_unit_noise
from policykg.core.vocabulary import LABELS_LONGEST_FIRST, ROLE_VERBS, ROLES, Role, Span, label_role

# Every label of the vocabulary, longest first so 牵头责任单位 wins over 责任单位.
_LABEL_ALT = "|".join(re.escape(label) for label in LABELS_LONGEST_FIRST)
# A label at the start of a clause or after a separator, with its colon (or a bracketed label).
# A label with its colon, or in brackets where the colon is often left out: [责任单位]县司法局.
_LABEL = re.compile(rf"(?:\[(?P<bracketed>{_LABEL_ALT})\]\s*[::]?|(?P<plain>{_LABEL_ALT})\s*[::])\s*")
# Also after an opening bracket that is never closed: "(牵头单位:县司法局;参加单位:…" to the line end.
_UNBRACKETED_CLAUSE = re.compile(rf"(?:^|(?<=[。;!?(]))[ ]*(?:\[({_LABEL_ALT})\]|({_LABEL_ALT})\s*[::])", re.M)

# Role verbs at the end of a part of an unlabelled clause: "X牵头", "Y等相关单位配合", "Z按职责分工负责".
_LEAD, _PARTICIPATE, _RESPONSIBLE = ("|".join(ROLE_VERBS[role]) for role in ROLES)
_LEAD_VERB = re.compile(rf"(?:负责)?(?:{_LEAD})(?:负责|落实|实施)?$")
_PARTICIPATE_VERB = re.compile(rf"(?:共同)?(?:{_PARTICIPATE})(?:落实|实施)?$")
_RESPONSIBLE_VERB = re.compile(
    rf"(?:按照?(?:各自)?职责(?:分工)?|根据职责(?:分工)?|依职责)?(?:分别|共同|具体)?(?:{_RESPONSIBLE})(?:落实|实施)?$"
)
_MAX_CLAUSE = 600


@dataclass(frozen=True)
class Assignment:
    role: Role
    mention: str  # cleaned text of the unit mention
    span: Span
    collective: bool


@dataclass(frozen=True)
class Clause:
    span: Span
    assignments: tuple[Assignment, ...]


def find_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Every responsibility clause in text[start:end], in order."""
    bracketed = [c for c in (_bracketed_clause(text, o, c) for o, c in _bracket_pairs(text, start, end)) if c]
    bracketed_starts = [c.span[0] for c in bracketed]
    unbracketed: list[Clause] = []
    swallowed: set[int] = set()  # bracketed clauses inside an unbracketed one: 各乡镇(街道) is a name
    for m in _UNBRACKETED_CLAUSE.finditer(text, start, end):
        if unbracketed and m.start() < unbracketed[-1].span[1]:
            continue  # the 参加单位 part of the clause just read
        i = bisect.bisect_right(bracketed_starts, m.start()) - 1
        if i >= 0 and m.start() < bracketed[i].span[1] and i not in swallowed:
            continue
        line_end = text.find("\n", m.start(), end)
        line_end = end if line_end < 0 else line_end
        clause = _labelled_clause(text, m.start(), line_end, (m.start(), _trim_end(text, m.start(), line_end)))
        if clause:
            first = bisect.bisect_left(bracketed_starts, clause.span[0])
            last = bisect.bisect_left(bracketed_starts, clause.span[1])
            swallowed.update(range(first, last))
            unbracketed.append(clause)
    kept = [c for i, c in enumerate(bracketed) if i not in swallowed]
    return sorted(kept + unbracketed, key=lambda c: c.span)


def _bracket_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost balanced ( ) pairs in text[start:end] as (open, close) offsets."""
    pairs = []
    depth, opened = 0, -1
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0 and i - opened <= _MAX_CLAUSE:
                pairs.append((opened, i))
        elif ch == "\n":
            depth = 0
    return pairs


def _bracketed_clause(text: str, opened: int, closed: int) -> Clause | None:
    inner_start, inner_end = opened + 1, closed
    inner = text[inner_start:inner_end]
    if _LABEL.match(inner.lstrip()):
        return _labelled_clause(text, inner_start, inner_end, (opened, closed + 1))
    return _verb_clause(text, inner_start, inner_end, (opened, closed + 1))


def _labelled_clause(text: str, start: int, end: int, span: Span) -> Clause | None:
    """(牵头单位:A;参加单位:B、C) — each label's list runs to the next label."""
    labels = [m for m in _LABEL.finditer(text, start, end) if _at_part_start(text, start, m.start())]
    if not labels:
        return None
    assignments: list[Assignment] = []
    for i, m in enumerate(labels):
        role = label_role(m.group("bracketed") or m.group("plain"))
        part_end = labels[i + 1].start() if i + 1 < len(labels) else end
        if role is None:
            continue
        units = parse_unit_list(text, m.end(), part_end)
        if units is None:
            continue
        assignments += [Assignment(role, mention, span_, is_collective(mention)) for mention, span_ in units]
    return Clause(span, tuple(assignments)) if assignments else None


def _at_part_start(text: str, start: int, pos: int) -> bool:
    """A label counts only at the clause start or right after a separator, not inside a unit name."""
    before = text[start:pos]
    if not before.strip() or before[-1] in " \n":
        return True  # at the start, or after a space: 牵头单位:县司法局 配合单位:县法院
    return before.rstrip("[")[-1:] in (";", ",", "。", "、", ":", "")


def _verb_clause(text: str, start: int, end: int, span: Span) -> Clause | None:
    """(X牵头,Y等相关单位配合) / (X、Y按照职责分工分别负责) / a bare unit list (X、Y)."""
    parts = _split_depth0(text, start, end, ";,")
    assignments: list[Assignment] = []
    bare_parts = 0
    for part_start, part_end in parts:
        part_start, part_end = _strip_span(text, part_start, part_end)
        if part_start >= part_end:
            continue
        role, units_end = _trailing_role(text, part_start, part_end)
        if role is None:
            bare_parts += 1
            role, units_end = "responsible", part_end
        units = parse_unit_list(text, part_start, units_end)
        if units is None:
            return None  # one part that is not a unit list means this bracket is not a clause
        assignments += [Assignment(role, mention, span_, is_collective(mention)) for mention, span_ in units]
    if not assignments:
        return None
    if bare_parts == len(parts) and not _is_bare_unit_list(text, span):
        return None
    return Clause(span, tuple(assignments))


def _is_bare_unit_list(text: str, span: Span) -> bool:
    """A bracket of bare names is a clause only where a clause sits: at the end of a sentence or line,
    and not right after a name it qualifies (各乡镇(街道), 县人民法院(派出法庭))."""
    after = text[span[1] : span[1] + 2].lstrip(" ")
    before = text[span[0] - 1 : span[0]]
    return (not after or after[0] in "。;\n") and (not before or before in "。;!?\n ")


def _trailing_role(text: str, start: int, end: int) -> tuple[Role | None, int]:
    part = text[start:end]
    for role, pattern in (("lead", _LEAD_VERB), ("participate", _PARTICIPATE_VERB), ("responsible", _RESPONSIBLE_VERB)):
        m = pattern.search(part)
        if m:
            return role, start + m.start()  # type: ignore[return-value]
    return None, end


def parse_unit_list(text: str, start: int, end: int) -> list[tuple[str, Span]] | None:
    """Split a unit list; None when any item is not a unit name (then the text is not a clause)."""
    items: list[tuple[str, Span]] = []
    pending: tuple[int, int] | None = None  # 中央、省、市驻宁各单位: short place words join the next item
    for item_start, item_end in _split_depth0(text, start, end, "、,;/ "):
        piece_len = len(text[item_start:item_end].strip())
        if pending:
            item_start = pending[0]
            pending = None
        s, e = strip_unit_noise(text, item_start, item_end)
        if s >= e:
            continue
        mention = text[s:e]
        if piece_len <= 2 and not looks_like_unit(mention):
            pending = (item_start, item_end)
            continue
        if not looks_like_unit(mention):
            return None
        items.append((mention, (s, e)))
    if pending:
        return None
    return items


def _split_depth0(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    parts, depth, part_start = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in "(《":
            depth += 1
        elif ch in ")》" and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            parts.append((part_start, i))
            part_start = i + 1
    parts.append((part_start, end))
    return parts


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n。;,":
        end -= 1
    return start, end


def _trim_end(text: str, start: int, end: int) -> int:
    return _strip_span(text, start, end)[1]
