"""Numbering typos in an outline: one warning per skipped, repeated or out-of-order item number.

Numbers of one style form chains: a chain starts at the first number of its style and at every 1 (numbering
that restarts per section), and otherwise runs on across sections (numbering that runs through the
document). Along a chain each number should be one more than the highest so far. The outline keeps every
item whatever its number; this module only says where the numbering went wrong:
- skipped: 7. 9. (8 missing);
- repeated: 15. 15. — and 15. 15. 17. is one typo (the second 15 stands for 16), not two;
- out of order: 20. 22. 21. 23. is one typo (22 and 21 swapped), as is a number that goes back (3. 2. 4.).
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ingest.outline import ORDINAL_STYLES, Candidate, Node
from policykg.ingest.records import ExtractionWarning

_RESTART_SKIP = 4  # the largest number a restarted list may begin at (outline.py accepts it there too)


@dataclass
class _Chain:
    high: int
    last: Node


def numbering_warnings(
    text: str, nodes: list[Node], rejected: list[Candidate] | None = None
) -> list[ExtractionWarning]:
    """The warnings for nodes (in document order), and one for each heading-like marker at a line start
    that the outline could not place (its text stays in the item before it), in document order."""
    following = _next_of_style(nodes)
    chains: dict[str, _Chain] = {}
    excused: set[int] = set()  # nodes whose odd number an earlier warning already explains
    opened: set[tuple[int, str]] = set()  # (parent, style) of the lists begun so far
    warnings: list[ExtractionWarning] = []
    for i, node in enumerate(nodes):
        if node.style in ORDINAL_STYLES:
            continue
        chain = chains.get(node.style)
        n = node.number
        first_of_list = (id(node.parent), node.style) not in opened
        opened.add((id(node.parent), node.style))
        if chain is None or (n == 1 and not (chain.last.parent is node.parent and chain.last.number == 1)):
            chains[node.style] = _Chain(n, node)
            continue
        if first_of_list and 1 < n <= chain.high and n <= _RESTART_SKIP:
            # A list that restarts per section, begun at 2 or 3: its first numbers are missing.
            warnings.append(_warning(text, node, f"{node.label} begins its list: {_numbers(1, n - 1)} skipped"))
            chains[node.style] = _Chain(n, node)
            continue
        later = following[i]
        if i in excused or n == chain.high + 1:
            pass
        elif n == chain.high:
            warnings.append(_warning(text, node, f"{node.label} repeats the number before it"))
            if later is not None and nodes[later].number == n + 2:
                excused.add(later)  # 15. 15. 17.: the second 15 was meant to be 16
        elif n > chain.high + 1:
            if later is not None and nodes[later].number == chain.high + 1:
                missing = chain.high + 1
                warnings.append(_warning(text, node, f"{node.label} comes before {missing}: out of order"))
                excused.add(later)
            else:
                gap = _numbers(chain.high + 1, n - 1)
                warnings.append(_warning(text, node, f"{node.label} follows {chain.last.label}: {gap} skipped"))
        else:
            warnings.append(_warning(text, node, f"{node.label} comes after {chain.last.label}: out of order"))
        chain.high = max(chain.high, n)
        chain.last = node
    for cand in rejected or ():
        warnings.append(
            ExtractionWarning(
                "numbering",
                f"item numbering: {cand.label} fits no sequence; its text stays in the item before it",
                (cand.start, _trim_end(text, cand.start, cand.heading_start)),
            )
        )
    return sorted(warnings, key=lambda w: w.span or (0, 0))


def _next_of_style(nodes: list[Node]) -> list[int | None]:
    """For each node, the index of the next node of the same style (one backward pass)."""
    following: list[int | None] = [None] * len(nodes)
    seen: dict[str, int] = {}
    for i in range(len(nodes) - 1, -1, -1):
        following[i] = seen.get(nodes[i].style)
        seen[nodes[i].style] = i
    return following


def _numbers(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _warning(text: str, node: Node, what: str) -> ExtractionWarning:
    span = (node.start, _trim_end(text, node.start, node.heading_start))
    return ExtractionWarning("numbering", f"item numbering: {what}", span)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end
