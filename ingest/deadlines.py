"""Deadlines (2022年底前, 2018年6月底前, 每年第一季度) with the date they fix, and numeric targets."""

from __future__ import annotations

import calendar
import re

from policykg.ingest.records import Deadline, Target

_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_BEFORE = r"(?:底前|底以前|末前|前|以前|之前|底|末)"
_DATED = re.compile(
    r"(?:(?<![\d年])(?P<year>\d{4})年"
    r"(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?(?P<mtail>底前|底以前|底|末|前|以前|之前|中旬前|上旬前|下旬前)"
    r"|(?P<half>上半年|下半年|年底|年末)(?P<htail>前|以前|之前)?"
    r"|第(?P<q>[一二三四1-4])季度(?P<qtail>末|底)?(?P<qbefore>前|以前|之前)?"
    rf"|(?P<ytail>{_BEFORE}))"
    r")"
)
# Recurring deadlines fix no single date.
_RECURRING = re.compile(
    r"每(?:年|季度|半年|月)(?:度)?(?:第[一二三四]季度|上半年|下半年|年底|年初|底|末|\d{1,2}月(?:\d{1,2}日)?(?:底)?)?"
    r"(?:前|以前|之前)?(?=[\u4e00-\u9fff,])"
)
_RECURRING_USEFUL = re.compile(r"每年(?:第[一二三四]季度|上半年|下半年|年底|年初|底|末|\d{1,2}月)")
# 对2020年12月31日以前印发的文件 names a scope, not a deadline.
_SCOPE_BEFORE = re.compile(r"(?:对|将|把|自|从|截至|截止)$")

_TARGET = re.compile(
    r"(?:[\u4e00-\u9fff]{1,8}?(?:率|比例|占比|覆盖面))(?:达到|达|提高到|提升到|保持在|为|实现|超过|不低于)?"
    r"(?:\d+(?:\.\d+)?%|百分之百)(?:以上)?"
    r"|(?:不少于|至少|不低于|达到)\d+(?:\.\d+)?(?:学时|课时|小时|次|期|人|件|个|%)"
)


def find_deadlines(text: str, start: int, end: int) -> list[Deadline]:
    found = []
    for m in _DATED.finditer(text, start, end):
        if _SCOPE_BEFORE.search(text[max(0, m.start() - 2) : m.start()]):
            continue
        date = _date_of(m)
        if date is None:
            continue
        found.append(Deadline(text=m.group(0), date=date, span=m.span()))
    for m in _RECURRING.finditer(text, start, end):
        if _RECURRING_USEFUL.match(m.group(0)):
            found.append(Deadline(text=m.group(0), date="", span=m.span()))
    return sorted(found, key=lambda d: d.span)


def _date_of(m: re.Match[str]) -> str | None:
    year = int(m.group("year"))
    if not 1949 <= year <= 2100:
        return None
    if m.group("month"):
        month = int(m.group("month"))
        if not 1 <= month <= 12:
            return None
        tail = m.group("mtail")
        if m.group("day"):
            day = int(m.group("day"))
            if not 1 <= day <= calendar.monthrange(year, month)[1] or tail in ("底前", "底以前", "底", "末"):
                return None
            return f"{year:04d}-{month:02d}-{day:02d}"
        if tail in ("前", "以前", "之前"):  # 2022年6月前: before June begins
            if month == 1:
                return f"{year - 1:04d}-12-31"
            month -= 1
        if tail in ("中旬前",):
            return f"{year:04d}-{month:02d}-10"
        if tail in ("下旬前",):
            return f"{year:04d}-{month:02d}-20"
        if tail in ("上旬前",):
            return f"{year:04d}-{month:02d}-01"
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if m.group("half"):
        if m.group("half") == "上半年":
            return f"{year:04d}-06-30"
        return f"{year:04d}-12-31"
    if m.group("q"):
        quarter = _QUARTER[m.group("q")]
        if not (m.group("qtail") or m.group("qbefore")):
            return None  # 2021年第一季度 alone is a period, not a deadline
        last_month = quarter * 3
        return f"{year:04d}-{last_month:02d}-{calendar.monthrange(year, last_month)[1]:02d}"
    if m.group("ytail"):
        return f"{year:04d}-12-31"
    return None


# Verbs that run into the measured quantity: 实现覆盖率100% → 覆盖率100%.
_TARGET_LEAD_IN = re.compile(
    r"^.*(?:实现|确保|力争|保证|达到|要求|推动|使|的|和|及)(?=[\u4e00-\u9fff]{1,8}?(?:率|比例|占比|覆盖面))"
)


def find_targets(text: str, start: int, end: int) -> list[Target]:
    targets = []
    for m in _TARGET.finditer(text, start, end):
        s = m.start()
        lead_in = _TARGET_LEAD_IN.match(m.group(0))
        if lead_in:
            s += lead_in.end()
        targets.append(Target(text=text[s : m.end()], span=(s, m.end())))
    return targets
