"""Counting what a policy document contains with simple regexes of their own: measures (leaves of the
outline), responsibility clauses and unit names per role, deadlines, targets. Used to check the generator's
manifest and the hand-made counts of samples/ against the text, independently of any extractor."""

from __future__ import annotations

import re
from collections import Counter

HEADING = (
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d+[.．、]"),
    re.compile(r"^[（(]\d+[）)]"),
)
ITEM = re.compile(r"(?:^|。)[一二三四五六七八九十]+是")
DEADLINE = re.compile(
    r"\d{4}年(?:年底前|底前|上半年|\d{1,2}月底前|\d{1,2}月\d{1,2}日前)|每年第[一二三四]季度|每年\d{1,2}月底前"
)
TARGET = re.compile(r"\d+%|不少于\d+(?:学时|次)")
MARKER = re.compile(r"(责任单位|牵头单位|参加单位|配合单位|协办单位)[:：]")
ROLE_OF = {
    "责任单位": "responsible",
    "牵头单位": "lead",
    "参加单位": "participate",
    "配合单位": "participate",
    "协办单位": "participate",
}


def count_measures(text: str) -> int:
    """Leaves of the outline below the top level (一、 sections with no items state goals: not measures)."""
    levels: list[int] = []
    for line in text.splitlines():
        for depth, pattern in enumerate(HEADING, start=1):
            if pattern.match(line):
                levels.append(depth)
                break
        levels.extend([5] * len(ITEM.findall(line)))
    leaves = 0
    for i, depth in enumerate(levels):
        nxt = levels[i + 1] if i + 1 < len(levels) else 0
        if depth > 1 and nxt <= depth:
            leaves += 1
    return leaves


def clause_tails(text: str) -> list[str]:
    """The responsibility clause at the end of each line (or the line itself when it is one)."""
    tails = []
    for line in text.splitlines():
        if line.startswith(("牵头单位", "参加单位", "配合单位", "协办单位")):
            tails.append(line)
        elif m := re.search(r"[（(](?:责任单位|牵头单位)[:：].*[）)]$", line):
            tails.append(m.group(0))
        elif "。牵头单位" in line:
            tails.append(line[line.rindex("。牵头单位") + 1 :])
        elif m := re.search(r"[（(][^（()）]*(?:牵头[,，]|分别负责).*[）)]$", line):
            tails.append(m.group(0))
    return tails


def names(segment: str) -> int:
    return segment.count("、") + 1


def role_counts(text: str) -> Counter:
    """Unit names per role, read off the clauses with nothing but string splitting."""
    counts: Counter = Counter()
    for tail in clause_tails(text):
        body = tail.strip("（）()")
        if MARKER.match(body):
            parts = MARKER.split(body)[1:]
            for marker, segment in zip(parts[::2], parts[1::2], strict=True):
                counts[ROLE_OF[marker]] += names(segment.rstrip(";；,，\n"))
        elif "分别负责" in body:
            responsible, _, rest = body.partition("按")
            counts["responsible"] += names(responsible)
            if rest.endswith("配合"):
                counts["participate"] += names(rest.split("，")[-1].split(",")[-1])
        else:
            lead, rest = re.split(r"牵头[,，]", body, maxsplit=1)
            counts["lead"] += names(lead)
            counts["participate"] += names(rest)
    return counts
