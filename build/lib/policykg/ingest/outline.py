"""Outline: heading markers (第一部分 / 一、 / 第一条 / (一) / 1. / (1) / ① / 一是 / 首先) turned into a tree of
nodes with spans.

Lines are not structure. A marker is a candidate where a line starts, and also inside a line after a
sentence end, a closing bracket or a space: a heading can share its line with its first item
(二、深化放管服改革 3.全面推行…) and an item can end on the line of the next one.

Levels come from a fixed rank of marker styles, not from the order they first appear, so a document that
skips a level in one chapter (1. directly under 一、) still nests the next chapter's (一) correctly.

Whether a candidate is a heading is decided by its number:
- it continues a sequence: 1, one more than the last sibling of its style, or one more than the last of its
  style anywhere (documents number items both per section and throughout);
- at a line start, it is the first number of its style seen (a page of a paged copy starts at (四) or 7.);
- it is near its sequence — at a line start, or inside a line after a sentence end or a clause when a list
  is in progress: a skipped, repeated or out-of-order number costs at most that item (numbering.py reports
  it), never the rest of the list.
A number in prose (3.5亿元, 2.0版, 1.5万) never matches a marker; 3、4月份, 2024 年 and a marker after a space
inside a line must continue their sequence exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from policykg.core.numerals import CHINESE_NUMERAL_CHARS, CIRCLED, chinese_to_int, int_to_chinese

_CN = f"[{CHINESE_NUMERAL_CHARS}]{{1,6}}"  # up to 九百九十九
_HEADING_TEXT = r"[\u4e00-\u9fff“《\"(\[]"  # what an item's text starts with

# One-character markers some editors write: ⑴ is (1), ⒈ is 1., ㈠ is (一).
_SYMBOLS = {
    "paren_arabic": "".join(chr(c) for c in range(0x2474, 0x2488)),
    "arabic": "".join(chr(c) for c in range(0x2488, 0x249C)),
    "paren_cn": "".join(chr(c) for c in range(0x3220, 0x322A)),
}
# Marker styles and their ranks (smaller is higher).
_STYLE_RANK = {
    "chapter": 0,
    "cn": 1,
    "article": 2,
    "paren_cn": 3,
    "arabic": 4,
    "paren_arabic": 5,
    "half_paren_arabic": 5,
    "circled": 6,
}
# At a line start, with text after it on the line; the named group of a style is its number as written.
# The alternatives are tried in order, so 第一部分 is a chapter and 1) only where 1. or 1、 is not.
_LINE_MARKER = re.compile(
    rf"^[ ]*(?P<marker>"
    rf"第(?P<chapter>{_CN})(?P<chapter_word>部分|章|篇)[ \t]*[:、.]?"
    rf"|(?P<cn>{_CN})[ \t]*(?:、|\.(?!\d))"
    rf"|第(?P<article>{_CN})条[ \t]*[:、.]?"
    rf"|\((?P<paren_cn>{_CN})\)[ \t]*[、.]?"
    rf"|(?P<arabic>\d+)(?:[ \t]*(?P<arabic_sep>[、.])(?!\d)|[ \t]+(?=[\u4e00-\u9fff]))"
    rf"|\((?P<paren_arabic>\d+)\)[ \t]*[、.]?"
    rf"|(?P<half_paren_arabic>\d+)\)"
    rf"|(?P<circled>[{CIRCLED}])"
    rf"|(?P<paren_arabic_sym>[{_SYMBOLS['paren_arabic']}])"
    rf"|(?P<arabic_sym>[{_SYMBOLS['arabic']}])"
    rf"|(?P<paren_cn_sym>[{_SYMBOLS['paren_cn']}])"
    rf")[ \t]*(?=[^\n])",
    re.M,
)
_LINE_STYLES = (*_STYLE_RANK, *(f"{style}_sym" for style in _SYMBOLS))


# Inside a line: after a sentence end, a colon, a closing bracket or a space, and followed by item text.
# (The boundary is matched, not looked behind at: a regex that starts with a character class runs faster.)
_INLINE_MARKER = re.compile(
    rf"[。;!?:)\]〕】 ][ ]*(?:"
    rf"(?P<cn>{_CN})(?:、|\.(?!\d))"
    rf"|\((?P<paren_cn>{_CN})\)"
    rf"|(?P<arabic>\d+)(?:、|\.)(?!\d)"
    rf"|\((?P<paren_arabic>\d+)\)"
    rf"|(?P<circled>[{CIRCLED}])"
    rf"|(?P<paren_arabic_sym>[{_SYMBOLS['paren_arabic']}])"
    rf"|(?P<arabic_sym>[{_SYMBOLS['arabic']}])"
    rf"|(?P<paren_cn_sym>[{_SYMBOLS['paren_cn']}])"
    rf")[ ]*(?={_HEADING_TEXT})"
)
# 一是 / 二是 items and 首先 / 其次 run inline: at a line start or right after a sentence end or a colon.
_ORDINAL = rf"(?P<label>(?P<number>{_CN})是)(?=[\u4e00-\u9fff“《(])"
_SEQUENCE = r"(?P<label>首先|其次|再次|最后)(?=[,:])"
_ORDINAL_IS, _ORDINAL_AT_START = re.compile(rf"[。;!?:\n][ ]*{_ORDINAL}"), re.compile(rf"[ ]*{_ORDINAL}")
_SEQUENCE_WORD, _SEQUENCE_AT_START = re.compile(rf"[。;!?:\n][ ]*{_SEQUENCE}"), re.compile(rf"[ ]*{_SEQUENCE}")
_SEQUENCE_WORD_NUMBER = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}  # 最后 closes a list of any length
ORDINAL_STYLES = frozenset({"ordinal", "sequence_word"})
_ORDINAL_RANK = 7

_SENTENCE_END = re.compile(r"[。;!?]")
HEADING_MAX = 40  # a first sentence longer than this is a paragraph, and its heading is its first clause
_TITLE_MAX = 80  # a section title an item can follow on the same line
_TYPO_BEHIND, _TYPO_AHEAD = 3, 3  # how far a number at a line start may stray from its sequence
_LARGEST_FIRST_NUMBER = 999  # a larger number (a year: 2024 年) never starts a sequence


@dataclass
class Node:
    style: str
    rank: int
    number: int
    label: str  # as written without trailing punctuation: 一, (一), 1, (1), ①, 一是, 第一部分
    start: int  # where the marker starts
    heading_start: int  # after the marker
    heading_end: int
    heading: str = ""  # the heading text, without the marker
    end: int = 0  # where the node's text ends (start of the next node that is not its descendant)
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    last_child_number: dict[str, int] = field(default_factory=dict)  # per style, for sequence checks

    @property
    def path(self) -> tuple[str, ...]:
        labels = []
        node: Node | None = self
        while node is not None:
            labels.append(node.label)
            node = node.parent
        return tuple(reversed(labels))

    @property
    def depth(self) -> int:
        return len(self.path)


@dataclass(frozen=True)
class Candidate:
    """A heading marker found in the text, before its number is checked against the outline so far."""

    style: str
    rank: int
    number: int
    label: str
    start: int
    heading_start: int
    exact_only: bool  # after a space inside a line, or a number that reads as prose: it must continue exactly
    at_line_start: bool = True


def _label(style: str, written: str, suffix: str = "") -> str:
    if style in ("paren_cn", "paren_arabic"):
        return f"({written})"
    if style == "half_paren_arabic":
        return f"{written})"
    if style == "chapter":
        return f"第{written}{suffix}"
    if style == "article":
        return f"第{written}条"
    return written


def _number(style: str, written: str) -> int:
    if written.isdecimal():
        return int(written)
    if style == "circled":
        return CIRCLED.index(written) + 1
    return chinese_to_int(written)


def _read(group: str, written: str) -> tuple[str, int, str]:
    """The style, number and number as a label writes it of a marker matched by the named group."""
    if group.endswith("_sym"):
        style = group.removesuffix("_sym")
        number = _SYMBOLS[style].index(written) + 1
        return style, number, int_to_chinese(number) if style == "paren_cn" else str(number)
    return group, _number(group, written), written


def _line_candidates(text: str, start: int, end: int) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _LINE_MARKER.finditer(text, start, end):
        group = next(s for s in _LINE_STYLES if m.group(s) is not None)
        try:
            style, number, written = _read(group, m.group(group))
        except ValueError:
            continue
        # 3、4月份, 12 月: a digit or a space after the number reads as prose unless the sequence wants it.
        prose_like = group == "arabic" and (not m.group("arabic_sep") or text[m.end()].isdigit())
        label = _label(style, written, m.group("chapter_word") or "")
        found.append(
            Candidate(
                style,
                _STYLE_RANK[style],
                number,
                label,
                m.start("marker"),
                m.end(),
                prose_like or number > _LARGEST_FIRST_NUMBER,
            )
        )
    return found


def _inline_candidates(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    for m in _INLINE_MARKER.finditer(text, start, end):
        group = m.lastgroup
        assert group is not None
        try:
            style, number, written = _read(group, m.group(group))
        except ValueError:
            continue
        found.append(
            Candidate(
                style,
                _STYLE_RANK[style],
                number,
                _label(style, written),
                m.start(group),
                m.end(),
                exact_only=text[m.start()] == " ",
                at_line_start=False,
            )
        )
    for m in _matches(_ORDINAL_IS, _ORDINAL_AT_START, text, start, end):
        try:
            number = chinese_to_int(m.group("number"))
        except ValueError:
            continue
        found.append(
            Candidate("ordinal", _ORDINAL_RANK, number, m.group("label"), m.start("label"), m.end("label"), True, False)
        )
    for m in _matches(_SEQUENCE_WORD, _SEQUENCE_AT_START, text, start, end):
        word = m.group("label")
        number = _SEQUENCE_WORD_NUMBER[word]
        found.append(
            Candidate("sequence_word", _ORDINAL_RANK, number, word, m.start("label"), m.end("label") + 1, True, False)
        )
    return found


def _matches(
    after_boundary: re.Pattern[str], at_start: re.Pattern[str], text: str, start: int, end: int
) -> list[re.Match[str]]:
    """Matches after a boundary character inside the range, and one at the range's start (a line start)."""
    first = at_start.match(text, start, end)
    return ([first] if first else []) + list(after_boundary.finditer(text, start, end))


def _candidates(text: str, start: int, end: int) -> list[Candidate]:
    """Every heading marker in text[start:end], in order; a line start wins over an inline reading."""
    by_start: dict[int, Candidate] = {c.start: c for c in _inline_candidates(text, start, end)}
    by_start.update((c.start, c) for c in _line_candidates(text, start, end))
    ordered = [by_start[s] for s in sorted(by_start)]
    return _drop_lone_ordinals(ordered)


def _drop_lone_ordinals(candidates: list[Candidate]) -> list[Candidate]:
    """一是 without a 二是 after it (or 首先 without 其次) is prose: 统一是, 首先要…. One backward pass keeps,
    for each position, the next ordinal or line-level candidate."""
    keep = [True] * len(candidates)
    following: Candidate | None = None
    for i in range(len(candidates) - 1, -1, -1):
        cand = candidates[i]
        if cand.style in ORDINAL_STYLES and cand.number == 1:
            keep[i] = following is not None and following.style == cand.style and following.number == 2
        if cand.style in ORDINAL_STYLES or (cand.at_line_start and not cand.exact_only):
            following = cand
    return [c for c, k in zip(candidates, keep, strict=True) if k]


def _continues(cand: Candidate, sibling: int, running: int | None, titled: bool) -> bool:
    """Whether the candidate's number belongs where it stands: sibling is the last number of its style under
    the parent it would have (0: none yet), running the last of its style anywhere (None: never seen);
    titled, that the candidate follows its parent's title on the parent's line (二、深化改革 3.推行…)."""
    n = cand.number
    if cand.style in ORDINAL_STYLES:
        if cand.style == "sequence_word" and n == 0:
            return sibling >= 2  # 最后 after 首先, 其次
        return n == sibling + 1  # 一是 lists always restart under their parent
    if n == 1:
        return sibling <= 1 or cand.at_line_start  # inside a line, 1 opens a new list (or repeats a 1)
    if sibling and n == sibling + 1:
        return True
    if running is not None and n == running + 1 and (not sibling or cand.at_line_start):
        return True
    if titled:
        # Right after its parent's title on the parent's line (二、深化改革 3.推行…): as good as a line start.
        cand = replace(cand, exact_only=False, at_line_start=True)
    if cand.exact_only:
        return False
    if not cand.at_line_start:
        # After a sentence end or a clause inside a line: a typo only inside a list in progress.
        return bool(sibling) and sibling - _TYPO_BEHIND <= n <= sibling + _TYPO_AHEAD
    if running is None:
        return cand.style != "article" or n == 1  # the first number seen starts the sequence (第三条 reads as prose)
    if not sibling and n <= 1 + _TYPO_AHEAD:
        return True  # a list that restarts per section, its first number missing
    base = sibling or running
    return base - _TYPO_BEHIND <= n <= base + _TYPO_AHEAD and n != base + 1


def parse_outline(
    text: str, start: int = 0, end: int | None = None, rejected: list[Candidate] | None = None
) -> list[Node]:
    """The heading nodes of text[start:end] in document order, linked into a tree (roots have no parent).
    rejected, when given, receives the markers at a line start whose number fits no sequence."""
    end = len(text) if end is None else end
    nodes: list[Node] = []
    stack: list[Node] = []
    last_of_style: dict[str, int] = {}
    last_root_number: dict[str, int] = {}
    for cand in _candidates(text, start, end):
        # The parent a heading of this rank would have: the innermost open node of a higher rank.
        parent_depth = len(stack)
        while parent_depth and stack[parent_depth - 1].rank >= cand.rank:
            parent_depth -= 1
        parent = stack[parent_depth - 1] if parent_depth else None
        sibling_numbers = parent.last_child_number if parent else last_root_number
        sibling = sibling_numbers.get(cand.style, 0)
        running = last_of_style.get(cand.style)
        titled = (
            cand.exact_only
            and not cand.at_line_start
            and parent is not None
            and _on_title_line(text, parent, cand.start)
        )
        if not _continues(cand, sibling, running, titled):
            if rejected is not None and cand.at_line_start and not cand.exact_only:
                rejected.append(cand)
            continue
        number = cand.number or sibling + 1  # 最后 takes the next number of its list
        del stack[parent_depth:]
        node = Node(
            cand.style, cand.rank, number, cand.label, cand.start, cand.heading_start, cand.heading_start, parent=parent
        )
        if parent:
            parent.children.append(node)
        sibling_numbers[cand.style] = number
        nodes.append(node)
        stack.append(node)
        last_of_style[cand.style] = number
    _set_headings(text, nodes, end)
    _set_ends(nodes, end)
    return nodes


def _on_title_line(text: str, parent: Node, start: int) -> bool:
    """Whether start is on parent's line with nothing but its title (short, no sentence end) in between."""
    if start - parent.heading_start > _TITLE_MAX:
        return False
    return text.find("\n", parent.start, start) < 0 and not _SENTENCE_END.search(text, parent.heading_start, start)


def _set_headings(text: str, nodes: list[Node], end: int) -> None:
    """A heading runs to its first sentence end on its line, and never into the next heading."""
    for i, node in enumerate(nodes):
        limit = nodes[i + 1].start if i + 1 < len(nodes) else end
        node.heading_end = _heading_end(text, node.heading_start, max(limit, node.heading_start))
        node.heading = text[node.heading_start : node.heading_end].strip()


def _heading_end(text: str, heading_start: int, limit: int) -> int:
    """A heading is the rest of its line up to the first sentence end; a long one stops at its first comma."""
    line_end = text.find("\n", heading_start, limit)
    line_end = limit if line_end < 0 else line_end
    tab = text.find("\t", heading_start, line_end)  # a table row: the heading is its first text cell
    line_end = line_end if tab < 0 else tab
    m = _SENTENCE_END.search(text, heading_start, line_end)
    stop = m.start() if m else line_end
    if stop - heading_start > HEADING_MAX:
        comma = text.find(",", heading_start, stop)
        if comma > 0:
            stop = comma
    return stop


def _set_ends(nodes: list[Node], end: int) -> None:
    """A node ends where the next node that is not its descendant starts (one pass with a stack)."""
    open_nodes: list[Node] = []
    for node in nodes:
        while open_nodes and open_nodes[-1] is not node.parent:
            open_nodes.pop().end = node.start
        open_nodes.append(node)
    for node in open_nodes:
        node.end = end


def nodes_within(
    text: str, nodes: list[Node], start: int, end: int, rejected: list[Candidate] | None = None
) -> list[Node]:
    """The nodes of a whole-text outline that start in [start, end), cut off at end, and the rejected
    markers of that parse kept to the range. When no node starts before start this is exactly
    parse_outline(text, start, end, rejected) — the parse reaches start in the state it began in — so a
    document's outline is parsed once. (The nodes and the list are changed in place.)"""
    if nodes and nodes[0].start < start:
        if rejected is not None:
            rejected.clear()
        return parse_outline(text, start, end, rejected)
    if rejected is not None:
        rejected[:] = [c for c in rejected if start <= c.start < end]
    kept = [n for n in nodes if n.start < end]
    for node in kept:
        if node.children and node.children[-1].start >= end:
            node.children = [c for c in node.children if c.start < end]
        node.end = min(node.end, end)
        if node.heading_end > end:
            node.heading_end = max(end, node.heading_start)
            node.heading = text[node.heading_start : node.heading_end].strip()
    return kept
