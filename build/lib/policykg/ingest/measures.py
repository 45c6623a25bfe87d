"""Measures: which outline nodes are actionable items — the deepest numbered level that carries the work.

- A numbered item (1. / (1) / ① / 一是 / 第一条) is a measure. Its sub-items are the measures instead when
  the item has no responsibility clause of its own and either none of its sub-items has one (a plan or
  report without clauses: the deepest level carries the work — but a lone (1) is the item's own text,
  while a lone (5) of sub-items numbered through the document is not) or most of them do. When only a
  few do, the clause after the last sub-item is the item's, and the item is the measure.
- A section (一、 / (一) / 第一部分) with no items under it is itself a measure — except, in a plan with
  deeper levels, the top-level sections before the first one with items (counted from each restart of the
  top-level numbering): its preamble, whatever their headings say. In a report (its headings say 工作情况,
  存在的问题, 下一步 …) those are its work.
- Preambles (指导思想, 总体要求, 工作目标, 基本原则, 重要意义 …) and a report's 存在的问题 are no measures,
  whatever they hold, unless an item in them carries a clause.
- A closing section (保障措施, 组织保障 …) holds no measures when none of its items carries a clause — in a
  document that assigns units at all; one whose items carry clauses is a section of tasks, all its items
  measures; in a document that assigns none, its items are measures like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from policykg.ingest.outline import Node

ITEM_STYLES = frozenset(
    {"arabic", "paren_arabic", "half_paren_arabic", "circled", "ordinal", "sequence_word", "article"}
)
_NOT_A_MEASURE_HEADING = re.compile(
    r"指导思想|总体要求|工作目标|主要目标|总体目标|目标任务|基本原则|工作原则|适用范围|主要任务和目标|重要意义"
    r"|总体思路|目标要求|存在的?(?:主要)?(?:问题|不足|困难)|问题(?:和|与)不足|困难和问题|不足之处|薄弱环节"
)
_REPORT_HEADING = re.compile(
    r"存在的?(?:主要)?(?:问题|不足)|下一步|工作打算|工作情况|开展情况|主要举措|主要成效|取得的?成效|工作成效"
)
_CLOSING_HEADING = re.compile(r"保障措施|组织保障|工作保障|保障机制|实施保障|工作要求|有关要求|组织实施")


def select_measures(
    roots: list[Node], has_clause: Callable[[Node], bool], set_aside: list[Node] | None = None
) -> list[Node]:
    """The measure nodes in document order. has_clause(node) tells whether the node's own text (outside
    its children) carries a responsibility clause. set_aside, when given, receives the nodes left out by
    design (preambles, a report's problems, closing sections without tasks), for the coverage check."""
    deepest = max((_height(r) for r in roots), default=0)
    report = any(_REPORT_HEADING.search(r.heading) for r in roots)
    leading = set() if report or deepest < 2 else _leading_sections(roots)
    assigns_units = any(has_clause(n) for n in _walk(roots))
    measures: list[Node] = []
    aside = set_aside if set_aside is not None else []

    def carries(node: Node) -> bool:
        return has_clause(node) or any(carries(c) for c in node.children)

    def visit(node: Node, excluded: bool, closing: bool) -> None:
        excluded = excluded or bool(_NOT_A_MEASURE_HEADING.search(node.heading))
        closing_heading = assigns_units and bool(_CLOSING_HEADING.search(node.heading))
        if (closing or closing_heading) and not carries(node):
            aside.append(node)
            return
        # A closing section some of whose items carry clauses is a section of tasks: all its items count.
        closing = closing and not closing_heading
        if node.style in ITEM_STYLES:
            items = [c for c in node.children if c.style in ITEM_STYLES]
            with_clause = sum(1 for c in items if carries(c))
            if (
                items
                and not has_clause(node)
                and ((with_clause == 0 and (len(items) > 1 or items[0].number > 1)) or 2 * with_clause > len(items))
            ):
                for child in node.children:
                    visit(child, excluded, closing)
            elif not excluded or has_clause(node):
                measures.append(node)
            else:
                aside.append(node)
            return
        if node.children:
            for child in node.children:
                visit(child, excluded, closing)
            return
        if has_clause(node) or not (excluded or id(node) in leading):
            measures.append(node)
        else:
            aside.append(node)

    for root in roots:
        visit(root, False, False)
    return measures


def _leading_sections(roots: list[Node]) -> set[int]:
    """A plan's top-level sections without items before its first section with items are its preamble,
    whatever their headings say (一、深入学习贯彻习近平法治思想 … 到2025年…) — counted again from each
    restart of the top-level numbering (a second document or an attachment in the same text)."""
    leading: set[int] = set()
    in_lead = True
    for root in roots:
        if root.number == 1:
            in_lead = True
        if root.children:
            in_lead = False
        elif in_lead:
            leading.add(id(root))
    return leading


def _walk(roots: list[Node]) -> Iterator[Node]:
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def _height(node: Node) -> int:
    return 1 + max((_height(c) for c in node.children), default=0)
