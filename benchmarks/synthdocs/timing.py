"""Deadline phrases (with the date they fix, when they fix one) and numeric targets."""

from __future__ import annotations

import calendar
import random

from benchmarks.synthdocs.draw import one
from benchmarks.synthdocs.phrases import DEADLINE_ACTIONS, TARGET_HOURS, TARGET_PERCENTS, TARGET_TIMES, TARGETS


def deadline(rng: random.Random, issued: str) -> tuple[str, str]:
    """(phrase, ISO date or "") for a task due after the document's issue date (ISO)."""
    r = rng.random()
    if r >= 0.86:
        if r < 0.94:
            return f"每年第{one(rng, '一二三四')}季度", ""  # recurring: no single date
        return f"每年{one(rng, (3, 6, 11))}月底前", ""
    y = int(issued[:4]) + one(rng, (0, 0, 1, 1, 2))
    month = 12 if r < 0.45 else 6 if r < 0.78 else one(rng, (6, 12))
    if 0.45 <= r < 0.7:
        month = one(rng, (3, 6, 6, 9, 10, 11))
    if f"{y}-{month:02d}-31" <= issued:  # never due before the document exists
        y += 1
    day = calendar.monthrange(y, month)[1]
    date = f"{y}-{month:02d}-{day:02d}"
    if r < 0.35:
        return f"{y}年底前", date
    if r < 0.45:
        return f"{y}年年底前", date
    if r < 0.7:
        return f"{y}年{month}月底前", date
    if r < 0.78:
        return f"{y}年上半年", date
    return f"{y}年{month}月{day}日前", date


def deadline_sentence(rng: random.Random, issued: str) -> tuple[str, tuple[str, str]]:
    phrase, date = deadline(rng, issued)
    action = one(rng, DEADLINE_ACTIONS)
    if phrase.startswith("每年"):
        return f"{phrase}报送{one(rng, ('上一年度工作情况', '工作进展情况', '年度工作总结'))}", (phrase, date)
    lead = one(rng, ("", "", "力争", "确保"))
    return f"{lead}{phrase}{action}", (phrase, date)


def target_sentence(rng: random.Random) -> tuple[str, str]:
    subject, template = one(rng, TARGETS)
    target = template.format(p=one(rng, TARGET_PERCENTS), h=one(rng, TARGET_HOURS), d=one(rng, TARGET_TIMES))
    return f"{one(rng, ('推动', '确保'))}{subject}{target}", target
