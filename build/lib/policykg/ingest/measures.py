"""Measures: which outline nodes are actionable items.

- A numbered item (1. / (1) / ① / 一是) is a measure; its sub-items are part of it, unless most of those
  sub-items carry a responsibility clause of their own, in which case they are the measures.
- A section (一、 / (一)) with no items under it is itself a measure — except a top-level section in a
  document that has deeper levels (preambles and goals sit there) and sections whose heading names the
  guiding ideology or goals, unless such a section carries a responsibility clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policykg.ingest.outline import Node

ITEM_STYLES = frozenset({"arabic", "paren_arabic", "circled", "ordinal"})
_NOT_A_MEASURE_HEADING = re.compile(
    r"指导思想|总体要求|工作目标|主要目标|总体目标|目标任务|基本原则|工作原则|适用范围|主要任务和目标"
    r"|存在的问题|问题和不足"
)


def select_measures(roots: list[Node], has_clause: Callable[[Node], bool]) -> list[Node]:
    """The measure nodes in document order. has_clause(node) tells whether the node's own text (outside
    its children) carries a responsibility clause."""
    deepest = max((_height(r) for r in roots), default=0)
    measures: list[Node] = []

    def visit(node: Node, excluded: bool) -> None:
        excluded = excluded or bool(_NOT_A_MEASURE_HEADING.search(node.heading))
        if node.style in ITEM_STYLES:
            item_children = [c for c in node.children if c.style in ITEM_STYLES]
            with_clause = [c for c in item_children if _subtree_has_clause(c, has_clause)]
            if item_children and 2 * len(with_clause) > len(item_children) and not has_clause(node):
                for child in node.children:
                    visit(child, excluded)
            elif not excluded or has_clause(node):
                measures.append(node)
            return
        if node.children:
            for child in node.children:
                visit(child, excluded)
            return
        top_level_preamble = node.parent is None and deepest > 1
        if has_clause(node) or not (excluded or top_level_preamble):
            measures.append(node)

    for root in roots:
        visit(root, False)
    return measures


def _subtree_has_clause(node: Node, has_clause: Callable[[Node], bool]) -> bool:
    return has_clause(node) or any(_subtree_has_clause(c, has_clause) for c in node.children)


def _height(node: Node) -> int:
    return 1 + max((_height(c) for c in node.children), default=0)
