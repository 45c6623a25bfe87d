"""Outline: heading markers (一、 / (一) / 1. / (1) / ① / 一是) turned into a tree of nodes with spans.

Levels come from a fixed rank of marker styles, not from the order they first appear, so a document that
skips a level in one chapter (1. directly under 一、) still nests the next chapter's (一) correctly.
A marker is only taken as a heading when its number continues a sequence (it is 1, or one more than the
last sibling or the last of its style anywhere — documents number items both per section and
throughout), which keeps stray "3.5亿元" or "二是" inside prose from becoming headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.core.numerals import CHINESE_NUMERAL_CHARS, CIRCLED, chinese_to_int

_CN = f"[{CHINESE_NUMERAL_CHARS}]{{1,4}}"

# style, rank (smaller is higher), pattern at a line start; group 1 is the number as written.
_LINE_MARKERS: list[tuple[str, int, re.Pattern[str]]] = [
    ("chapter", 0, re.compile(rf"第({_CN})(?:部分|章|篇)\s*")),
    ("cn", 1, re.compile(rf"({_CN})\s*(?:、|\.(?!\d))\s*")),
    ("paren_cn", 2, re.compile(rf"\(({_CN})\)\s*[、.]?\s*")),
    ("arabic", 3, re.compile(r"(\d{1,3})\s*(?:[、.](?!\d)|\s(?=[\u4e00-\u9fff]))\s*")),
    ("paren_arabic", 4, re.compile(r"\((\d{1,3})\)\s*[、.]?\s*")),
    ("circled", 5, re.compile(rf"([{CIRCLED}])\s*")),
]
# 一是 / 二是 items run inline: at a line start or right after a sentence ends.
_ORDINAL_IS = re.compile(rf"(?:^|(?<=[。;!?]))[ ]*(({_CN})是)(?=[\u4e00-\u9fff“《(])", re.M)
_ORDINAL_RANK = 6

_SENTENCE_END = re.compile(r"[。;!?]")
HEADING_MAX = 40  # a first sentence longer than this is a paragraph, and its heading is its first clause


@dataclass
class Node:
    style: str
    rank: int
    number: int
    label: str  # as written without trailing punctuation: 一, (一), 1, (1), ①, 一是
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


def _label(style: str, written: str) -> str:
    if style in ("paren_cn", "paren_arabic"):
        return f"({written})"
    if style == "chapter":
        return f"第{written}部分"
    return written


def _number(style: str, written: str) -> int:
    if style in ("arabic", "paren_arabic"):
        return int(written)
    if style == "circled":
        return CIRCLED.index(written) + 1
    return chinese_to_int(written)


@dataclass(frozen=True)
class _Candidate:
    style: str
    rank: int
    number: int
    label: str
    start: int
    heading_start: int


def _line_candidates(text: str, start: int, end: int) -> list[_Candidate]:
    """Every heading marker in text[start:end], in order."""
    found: list[_Candidate] = []
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.lstrip(" ")
        line_start = pos + len(line) - len(stripped)
        pos += len(line) + 1
        for style, rank, pattern in _LINE_MARKERS:
            m = pattern.match(stripped)
            if m and len(stripped) > m.end():
                written = m.group(1)
                found.append(
                    _Candidate(
                        style, rank, _number(style, written), _label(style, written), line_start, line_start + m.end()
                    )
                )
                break
    for m in _ORDINAL_IS.finditer(text, start, end):
        written = m.group(2)
        try:
            number = chinese_to_int(written)
        except ValueError:
            continue
        found.append(_Candidate("ordinal", _ORDINAL_RANK, number, m.group(1), m.start(1), m.end(1)))
    found.sort(key=lambda c: c.start)
    return found


def parse_outline(text: str, start: int = 0, end: int | None = None) -> list[Node]:
    """The heading nodes of text[start:end] in document order, linked into a tree (roots have no parent)."""
    end = len(text) if end is None else end
    nodes: list[Node] = []
    stack: list[Node] = []
    last_of_style: dict[str, int] = {}
    last_root_number: dict[str, int] = {}
    for cand in _line_candidates(text, start, end):
        # The parent a heading of this rank would have: the innermost open node of a higher rank.
        parent_depth = len(stack)
        while parent_depth and stack[parent_depth - 1].rank >= cand.rank:
            parent_depth -= 1
        parent = stack[parent_depth - 1] if parent_depth else None
        sibling_numbers = parent.last_child_number if parent else last_root_number
        previous_sibling = sibling_numbers.get(cand.style, 0)
        if cand.number not in (1, previous_sibling + 1, last_of_style.get(cand.style, 0) + 1):
            continue
        if cand.style == "ordinal" and cand.number != previous_sibling + 1:
            continue  # 一是 lists always restart under their parent
        del stack[parent_depth:]
        heading_end = _heading_end(text, cand.heading_start, end)
        node = Node(
            cand.style,
            cand.rank,
            cand.number,
            cand.label,
            cand.start,
            cand.heading_start,
            heading_end,
            text[cand.heading_start : heading_end].strip(),
            parent=parent,
        )
        if parent:
            parent.children.append(node)
        sibling_numbers[cand.style] = cand.number
        nodes.append(node)
        stack.append(node)
        last_of_style[cand.style] = cand.number
    _set_ends(nodes, end)
    return nodes


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
