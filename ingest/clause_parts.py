"""The parts clauses are made of: role verbs after a unit list and the unit lists themselves.

A verb part is a unit list and the role its closing verb names (县委编办牵头, 县直各单位按职责分工落实,
县应急管理局会同县消防救援大队负责, 县司法局为牵头单位); a unit list splits on 、 , ; / outside brackets and on
和 / 及 / 与 where both sides are units, and every item must be a unit name (core.unit_words) for the text to
be a list. ingest.clauses finds where clauses sit and reads them with these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.core.unit_words import (
    alternation,
    is_collective,
    looks_like_unit,
    split_conjoined,
    starts_like_unit,
    strip_unit_noise,
)
from policykg.core.vocabulary import (
    ASSIGNMENT_SUBJECT_WORDS,
    DUTY_PHRASES,
    JOINT_VERBS,
    LABELS_LONGEST_FIRST,
    RESPONSIBLE_PHRASES,
    ROLE_VERB_ADVERBS,
    ROLE_VERB_TAILS,
    ROLE_VERBS,
    Role,
    Span,
    label_role,
)

_alt = alternation
# Every label of the vocabulary as one trie-shaped pattern (longest first): clauses and table cells read it.
LABEL_PATTERN = _alt(LABELS_LONGEST_FIRST)
SENTENCE_END = "。!?"
_LIST_SEPARATORS = "、,;/ \t"

# Role verbs at the end of a part: "X牵头", "Y等相关单位配合", "Z按职责分工分别负责", "W负责牵头".
_DUTY = _alt(DUTY_PHRASES)
_ADVERB = _alt(ROLE_VERB_ADVERBS)
_TAIL = _alt(ROLE_VERB_TAILS)
_VERB_PATTERNS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("lead", re.compile(rf"(?:{_DUTY})?(?:{_ADVERB})*(?:负责)?(?:{_alt(ROLE_VERBS['lead'])})(?:{_TAIL})?$")),
    ("participate", re.compile(rf"(?:{_DUTY})?(?:{_ADVERB})*(?:{_alt(ROLE_VERBS['participate'])})(?:{_TAIL})?$")),
    (
        "responsible",
        re.compile(
            rf"(?:{_DUTY})?(?:{_ADVERB})*(?:(?:{_alt(ROLE_VERBS['responsible'])})(?:{_TAIL})?|{_alt(RESPONSIBLE_PHRASES)})$"
        ),
    ),
)
# "X为牵头单位": the label after 为 names X's role.
_AS_LABEL = re.compile(rf"为(?P<label>{LABEL_PATTERN})$")
_JOINT = re.compile(_alt(JOINT_VERBS))
# A unit named with its role in brackets inside a list: 责任单位：县司法局（牵头）、县财政局.
_LEAD_MARK = re.compile(r"\((?:牵头|牵头单位)\)$")
# A part of a verb clause that only says when: (县司法局牵头，2024年底前完成).
_TIME_PART = re.compile(r"\d{4}年|\d{1,2}月|年底|年内|长期|持续|每年|每季度|每半年|季度|上半年|下半年")
_HEADING_LABEL = re.compile(
    r"^\s*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,3}[.、]|[①-⑳])"
)
_SUBJECT = re.compile(rf"(?:{_alt(list(ASSIGNMENT_SUBJECT_WORDS))})")


@dataclass(frozen=True)
class Assignment:
    role: Role
    mention: str  # cleaned text of the unit mention
    span: Span
    collective: bool


# --- verb parts -----------------------------------------------------------------------------------------
def verb_clause(text: str, start: int, end: int, bare_ok: bool) -> list[Assignment] | None:
    """(X牵头,Y等相关单位配合) / (由X牵头,Y按职责分工落实) / (X会同Y负责) / a bare list (X、Y): the
    assignments, or None when a part is not a unit list (then the bracket is not a clause)."""
    read_parts: list[list[tuple[Role | None, str, Span]]] = []
    for part_start, part_end in split_depth0(text, start, end, ";,。"):
        s, e = strip_span(text, part_start, part_end)
        if s >= e:
            continue
        read = verb_part(text, s, e)
        if read is None:
            if _TIME_PART.search(text, s, e):
                continue
            return None
        read_parts.append(read)
    if not read_parts:
        return None
    has_verb = any(role is not None for part in read_parts for role, _, _ in part)
    if not has_verb and (not bare_ok or len(read_parts) != len(_split_nonempty(text, start, end))):
        return None
    # A bare part before a part with a verb is the start of that part's list: (县财政局，县审计局配合).
    assignments: list[Assignment] = []
    for i, part in enumerate(read_parts):
        later: list[Role] = [r for p in read_parts[i + 1 :] for r, _, _ in p if r is not None]
        bare_role: Role = later[0] if later else "responsible"
        assignments += [Assignment(role or bare_role, m, span, is_collective(m)) for role, m, span in part]
    return assignments


def verb_part(text: str, start: int, end: int) -> list[tuple[Role | None, str, Span]] | None:
    """One part of a verb clause: units and the role its verb names (None for a bare list)."""
    joint = _JOINT.search(text, start, end)
    if joint:
        role, units_end = trailing_role(text, joint.end(), end)
        leaders = strict_list(text, start, joint.start())
        joined = strict_list(text, joint.end(), units_end)
        if leaders and joined:
            first_role: Role = role or "responsible"
            joint_parts: list[tuple[Role | None, str, Span]] = [(first_role, m, s) for _, m, s in leaders]
            return joint_parts + [("participate", m, s) for _, m, s in joined]
    role, units_end = trailing_role(text, start, end)
    items = strict_list(text, start, units_end)
    if not items:
        return None
    return [(mark or role, m, s) for mark, m, s in items]


def trailing_role(text: str, start: int, end: int) -> tuple[Role | None, int]:
    part = text[start:end]
    as_label = _AS_LABEL.search(part)
    if as_label:
        return label_role(as_label.group("label")), start + as_label.start()
    for role, pattern in _VERB_PATTERNS:
        m = pattern.search(part)
        if m and m.start() > 0 and not _verb_ends_a_name(part, m.start()):
            return role, start + m.start()
    return None, end


def _verb_ends_a_name(part: str, verb_start: int) -> bool:
    """县政协办 ends in 协办 but is a name: the verb is the end of the last name when the name is a unit with
    it and not without it."""
    last = re.split(r"[、,;/ ]", part)[-1]
    name = last[: len(last) - (len(part) - verb_start)]
    return looks_like_unit(last) and not looks_like_unit(name)


def assignment_subject(text: str, start: int, end: int) -> list[tuple[Role | None, str, Span]]:
    """The subject of an assignment sentence: 县财政局要严格执行…… → 县财政局 (responsible)."""
    s, e = strip_span(text, start, end)
    heading = _HEADING_LABEL.match(text, s, e)
    if heading:
        s = heading.end()
    for m in _SUBJECT.finditer(text, s, min(e, s + 40)):
        items = strict_list(text, s, m.start())
        if items and all(starts_like_unit(mention) for _, mention, _ in items):
            role = ASSIGNMENT_SUBJECT_WORDS[m.group(0)]
            return [(role, mention, span) for _, mention, span in items]
    return []


# --- unit lists -----------------------------------------------------------------------------------------
def parse_unit_list(text: str, start: int, end: int) -> list[tuple[str, Span]] | None:
    """Split a unit list; None when any item is not a unit name (then the text is not a clause)."""
    items = strict_list(text, start, end)
    return None if items is None else [(mention, span) for _, mention, span in items]


def labelled_list(text: str, start: int, end: int) -> tuple[list[tuple[Role | None, str, Span]], list[Span]]:
    """A label's list, where a part may name its own role with a verb: 责任单位：县委编办牵头，县直各单位配合.
    按职责分工负责 and the like after a list are noise there: the label has said the role."""
    items: list[tuple[Role | None, str, Span]] = []
    rejected: list[Span] = []
    for part_start, part_end in split_depth0(text, start, end, ",;"):
        s, e = strip_span(text, part_start, part_end)
        if s >= e:
            continue
        role, units_end = trailing_role(text, s, e)
        if role == "responsible":
            role, units_end = None, e
        part_items, part_rejected = _list_items(text, s, units_end)
        items += [(mark or role, mention, span) for mark, mention, span in part_items]
        rejected += part_rejected
    return items, rejected


def strict_list(text: str, start: int, end: int) -> list[tuple[Role | None, str, Span]] | None:
    items, rejected = _list_items(text, start, end)
    return None if rejected or not items else items


def _list_items(text: str, start: int, end: int) -> tuple[list[tuple[Role | None, str, Span]], list[Span]]:
    """The unit names of a list and the items that are not unit names. An item written with its role in
    brackets (县司法局（牵头）) carries that role."""
    items: list[tuple[Role | None, str, Span]] = []
    rejected: list[Span] = []
    pending: int | None = None  # 中央、省、市驻宁各单位: short place words join the next item
    for item_start, item_end in split_depth0(text, start, end, _LIST_SEPARATORS):
        piece_len = len(text[item_start:item_end].strip())
        if pending is not None:
            item_start, pending = pending, None
        s, e = strip_unit_noise(text, item_start, item_end)
        if s >= e:
            continue
        mark: Role | None = None
        lead_mark = _LEAD_MARK.search(text, s, e)
        if lead_mark:
            mark, e = "lead", rstrip(text, s, lead_mark.start())
        if piece_len <= 2 and not looks_like_unit(text[s:e]):
            pending = item_start
            continue
        for cs, ce in split_conjoined(text, s, e):
            cs, ce = strip_unit_noise(text, cs, ce)
            if cs >= ce:
                continue
            if looks_like_unit(text[cs:ce]):
                items.append((mark, text[cs:ce], (cs, ce)))
            else:
                rejected.append((cs, ce))
    if pending is not None:
        rejected.append((pending, end))
    return items, rejected


# --- text helpers ---------------------------------------------------------------------------------------
def split_depth0(text: str, start: int, end: int, separators: str) -> list[Span]:
    """Parts of text[start:end] between separators outside brackets, 《》 and “”."""
    parts, depth, part_start = [], 0, start
    for m in _splitter(separators).finditer(text, start, end):
        ch = m.group()
        if ch in _DEPTH_OPEN:
            depth += 1
        elif ch in _DEPTH_CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            parts.append((part_start, m.start()))
            part_start = m.end()
    parts.append((part_start, end))
    return parts


_DEPTH_OPEN, _DEPTH_CLOSE = "([〔《“", ")]〕》”"


@lru_cache(maxsize=16)
def _splitter(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(_DEPTH_OPEN + _DEPTH_CLOSE + separators) + "]")


def _split_nonempty(text: str, start: int, end: int) -> list[Span]:
    return [p for p in split_depth0(text, start, end, ";,。") if strip_span(text, *p)[0] < strip_span(text, *p)[1]]


def sentence_end(text: str, start: int, end: int) -> int:
    """Where the sentence starting at `start` ends (。!? outside brackets), at most `end`."""
    parts = split_depth0(text, start, end, SENTENCE_END)
    return parts[0][1]


def strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t\n:":
        start += 1
    while end > start and text[end - 1] in " \t\n。;,、:":
        end -= 1
    return start, end


def lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t":
        start += 1
    return start


def rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


def line_end(text: str, start: int, end: int) -> int:
    found = text.find("\n", start, end)
    return end if found < 0 else found
