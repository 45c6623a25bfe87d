"""Deadlines (2023年底前, 每年3月底前, 长期坚持) with their kind and the date they fix, and numeric targets.

A deadline is one of three kinds: `dated` fixes a date (2023年底前 → 2023-12-31; 上半年, 第三季度, 十月份 and
6月底前 take the document's year), `recurring` comes back (每年3月底前, 每年第一季度, 每季度, 每半年, 每月)
and `ongoing` has no end (长期坚持, 持续推进); the last two fix no date.

Prose and time fields read differently. In prose a bare month (2023年12月，县政府组织…), 全年 or 持续推进
tell of events and of work, not of deadlines; in a time field — a task table's 完成时限 column, a
完成时限：… label inside the text, or a bracket part that is nothing but a time ((…牵头，长期坚持)) — the
whole value is the deadline, down to 2024年12月, 全年 and 长期. A phrase without a year takes the year its
sentence wrote before it (2024年3月启动，6月底前完成), else the document's.
A report's account of the year's work (report=True) tells of work done: only a date after its year is a
deadline there (计划2024年6月底前完成); the report's 下一步 part is read as a plan.
"""

from __future__ import annotations

import bisect
import calendar
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from policykg.core.numerals import chinese_to_int
from policykg.core.vocabulary import REPORT_KINDS, TIME_LABELS, Span
from policykg.ingest.records import Deadline, DeadlineKind, DocumentMeta, Target

_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_BEFORE = r"(?:前|以前|之前)"
_PART = r"(?:底|末|初|上旬|中旬|下旬|份)"
_QUARTER = r"[一二三四1-4]"


def _month_phrase(p: str) -> str:
    """3月底前, 6月30日前, 十月份, 3-6月 (a range is dated by its end); group names prefixed with p."""
    return (
        rf"(?:(?:{_MONTH})(?:月(?:(?:{_DAY})[日号])?)? ?[-~至到] ?)?"
        rf"(?P<{p}month>{_MONTH}) ?月(?:(?P<{p}day>{_DAY}) ?[日号])?(?P<{p}part>{_PART})?(?P<{p}mbefore>{_BEFORE})?"
    )


_RECURRING = (
    r"(?P<recurring>每(?:个)?(?:"
    rf"(?P<r_year>年度?)(?P<r_when>的?(?:第?{_QUARTER}季度(?:末|底|初)?|[上下]半年|年?[底初末]|(?:{_MONTH})月(?:(?:{_DAY})[日号])?{_PART}?))?"
    r"|季度(?:末|初|底)?|半年度?|月度?(?:底|末|初|上旬|中旬|下旬|(?:" + _DAY + r")[日号])?|[两二三五]年"
    rf"){_BEFORE}?)"
)
_WITH_YEAR = (
    r"(?P<y>(?<!\d)(?P<y_year>\d{4}) ?年度? ?(?:"
    + _month_phrase("y_")
    + rf"|(?P<y_half>[上下]半年)(?:末|底)?{_BEFORE}?"
    + rf"|第?(?P<y_q>{_QUARTER})季度(?:末|底)?{_BEFORE}?"
    + rf"|(?P<y_end>年?[底末]){_BEFORE}?"
    + r"|(?P<y_within>全年|内)"
    + rf"|(?P<y_before>{_BEFORE})(?![一二三四五六七八九十\d半])"
    + r")?)"
)
# Without a year: a month, a half, a quarter or the year's end of the document's own year.
_PREFIX = r"(?:今|本|当|明)"
_YEARLESS = (
    r"(?P<l>(?<![\d年月每上下去前后近各第个半两〇零一二三四五六七八九十])(?:"
    + _month_phrase("l_")
    + rf"|(?P<l_pre_h>{_PREFIX}年)?(?P<l_half>[上下]半年)(?:末|底)?{_BEFORE}?"
    + rf"|(?P<l_pre_q>{_PREFIX}年)?第?(?P<l_q>{_QUARTER})季度(?:末|底)?{_BEFORE}?"
    + rf"|(?P<l_pre_e>{_PREFIX}年年|{_PREFIX}年|年)(?P<l_end>[底末]){_BEFORE}?"
    + rf"|(?P<l_pre_w>{_PREFIX}?)年内"
    + r"|(?P<l_whole>全年)"
    + r"))"
)
# A table's time cell may write a date with digits only: 2024.6, 2024-06-30, 2024/6/30前.
_NUMERIC = (
    r"(?P<n>(?<![\d.])(?P<n_year>\d{4})[./-](?P<n_month>1[0-2]|0?[1-9])(?:[./-](?P<n_day>3[01]|[12]\d|0?[1-9]))?"
    rf"(?![\d.])(?:底|末)?{_BEFORE}?)"
)
# Recurring in a time cell: 按季度, 按月.
_BY_PERIOD = r"(?P<by_period>按(?:月|季度|季|半年|年度?))"
_ONGOING = r"(?P<ongoing>(?:长期|持续|常态化|常年)(?:坚持|推进|开展|实施|执行|有效|落实)?)"
# Every phrase starts with one of these: testing it first spares the alternatives at most positions (6x faster).
_FIRST_CHARS = "每0123456789一二三四五六七八九十今本当明上下第年全按长持常"
_PHRASE = re.compile(
    f"(?=[{_FIRST_CHARS}])(?:" + "|".join((_RECURRING, _NUMERIC, _WITH_YEAR, _YEARLESS, _BY_PERIOD, _ONGOING)) + ")"
)

_SENTENCE_END = re.compile(r"[。;!?\n]")
# 对2020年12月31日以前印发的文件 names a scope, 截至2023年底 a state: neither is a deadline.
_SCOPE_BEFORE = re.compile(r"(?:对|将|把|自|从|截至|截止)$")
# A time field inside prose: 完成时限：2024年9月底前, up to the next separator or the next label.
_TIME_FIELD = re.compile(
    r"(?:" + "|".join(sorted(TIME_LABELS, key=len, reverse=True)) + r")\s*(?::|\s)\s*"
    r"(?P<value>[^;,。\n)\]】〕]+?)(?=[;,。\n)\]】〕]|\s{2}|$)"
)

# A bracket and its parts (县司法局牵头,长期坚持): a part that is only a time is a time field.
_TITLE = re.compile(r"《[^》\n]*》")
_BRACKET = re.compile(r"[(\[〔]([^()\[\]〔〕\n]{2,80})[)\]〕]")
_BRACKET_PART = re.compile(r"[^,;、\s](?:[^,;、]*[^,;、\s])?")


@dataclass(frozen=True)
class _Found:
    kind: DeadlineKind
    date: str
    in_prose: bool  # a field reads every phrase; prose only those that fix a deadline on their own
    explicit_year: int | None  # the year written in the phrase, for reports


def find_deadlines(
    text: str,
    start: int,
    end: int,
    *,
    year: int | None = None,
    report: bool = False,
    field: bool = False,
    fields: Sequence[Span] = (),
) -> list[Deadline]:
    """Deadlines in text[start:end].

    year: the document's year, for phrases without one (上半年, 6月底前); their date is "" when it is None.
    report: the span tells of work done (a report's account of its year): only dates after `year` count.
    field: the span is a time field's value (a 完成时限 cell): bare months, 全年 and 长期 are deadlines too.
    fields: time fields inside the span known from elsewhere (a table row's time cell): read as fields.
    """
    found: list[Deadline] = []
    whole: list[Span] = []  # the time fields, read whole; the prose between them is read as prose
    if not field:
        known = sorted((max(s, start), min(e, end)) for s, e in fields if s < end and e > start)
        whole = _add_apart(known, _time_fields(text, start, end))
    for s, e in whole:
        found += _phrases(text, s, e, year, report, field=True)
    for s, e in _gaps(start, end, whole):
        found += _phrases(text, s, e, year, report, field)
    return sorted(found, key=lambda d: d.span)


def _time_fields(text: str, start: int, end: int) -> list[Span]:
    """完成时限：长期坚持, and a bracket part that is nothing but a time: (县司法局牵头,长期坚持)."""
    labelled = [m.span("value") for m in _TIME_FIELD.finditer(text, start, end)]
    titles = [m.span() for m in _TITLE.finditer(text, start, end)]
    parts: list[Span] = []
    for m in _BRACKET.finditer(text, start, end):
        if text[max(start, m.start() - 1) : m.start()] == "》" or _inside(titles, m.start()):
            continue  # 《…目录》(2018年) and 《…报告(2024年)》 date the title
        for part in _BRACKET_PART.finditer(text, m.start(1), m.end(1)):
            s, e = part.span()
            if text.endswith("完成", s, e):  # (2024年底前完成)
                e -= 2
            if e > s and _PHRASE.fullmatch(text, s, e):
                parts.append((s, e))
    return _add_apart(labelled, parts)


def _add_apart(spans: list[Span], more: list[Span]) -> list[Span]:
    """spans with those of `more` that overlap none of them (both sorted), in order: O(n log n)."""
    kept = [span for span in more if not _overlaps_any(spans, span)]
    return sorted(spans + kept)


def _overlaps_any(spans: list[Span], span: Span) -> bool:
    i = bisect.bisect_left(spans, (span[1],))  # the first span starting at or after span's end
    return i > 0 and spans[i - 1][1] > span[0]


def _inside(spans: list[Span], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _gaps(start: int, end: int, taken: list[Span]) -> list[Span]:
    gaps, pos = [], start
    for s, e in taken:
        if s > pos:
            gaps.append((pos, s))
        pos = max(pos, e)
    if end > pos:
        gaps.append((pos, end))
    return gaps


def _phrases(text: str, start: int, end: int, year: int | None, report: bool, field: bool) -> list[Deadline]:
    deadlines = []
    written_year, written_end = None, start  # the year a phrase of this sentence wrote: 2024年3月启动,6月底前完成
    for m in _PHRASE.finditer(text, start, end):
        if written_year is not None and _SENTENCE_END.search(text, written_end, m.start()):
            written_year = None
        if m.group("y"):
            written_year, written_end = int(m.group("y_year")), m.end()
        if _SCOPE_BEFORE.search(text[max(0, m.start() - 2) : m.start()]):
            continue
        found = _read(m, written_year or year)
        if found is None or not (field or found.in_prose):
            continue
        if report and (found.explicit_year is None or year is None or found.explicit_year <= year):
            continue
        deadlines.append(Deadline(text=m.group(0), date=found.date, span=m.span(), kind=found.kind))
    return deadlines


def _read(m: re.Match[str], year: int | None) -> _Found | None:
    if m.group("recurring"):
        bare_year = bool(m.group("r_year")) and not m.group("r_when")
        return _Found("recurring", "", not bare_year, None)
    if m.group("ongoing"):
        return _Found("ongoing", "", False, None)
    if m.group("by_period"):
        return _Found("recurring", "", False, None)
    if m.group("n"):
        written = int(m.group("n_year"))
        month, day = int(m.group("n_month")), int(m.group("n_day") or 0)
        if not 1949 <= written <= 2100 or day > calendar.monthrange(written, month)[1]:
            return None
        return _Found("dated", _iso(written, month, day or None), False, written)
    if m.group("y"):
        written = int(m.group("y_year"))
        if not 1949 <= written <= 2100:
            return None
        dated = _dated(m, "y_", written)
        if dated is None:
            return None
        date, in_prose = dated
        return _Found("dated", date, in_prose, written)
    prefix = m.group("l_pre_h") or m.group("l_pre_q") or m.group("l_pre_e") or m.group("l_pre_w") or ""
    shift = 1 if prefix.startswith("明") else 0  # 明年上半年: the year after the document's
    dated = _dated(m, "l_", year + shift if year is not None else None)
    if dated is None:
        return None
    return _Found("dated", dated[0], dated[1], None)


def _dated(m: re.Match[str], p: str, year: int | None) -> tuple[str, bool] | None:
    """(ISO date or "" without a year, whether prose reads it as a deadline); None when it is no date."""
    if m.group(p + "month"):
        return _month_date(m, p, year)
    if p == "y_":
        if m.group("y_half"):
            return _iso(year, 6 if m.group("y_half") == "上半年" else 12), True
        if m.group("y_q"):
            return _iso(year, _quarter(m.group("y_q")) * 3), True
        if m.group("y_end") or m.group("y_before"):
            return _iso(year, 12), True
        within = m.group("y_within")
        return _iso(year, 12), within == "内"  # a bare 2024年 or 2024年全年 only in a time field
    if m.group("l_half"):
        return _iso(year, 6 if m.group("l_half") == "上半年" else 12), True
    if m.group("l_q"):
        return _iso(year, _quarter(m.group("l_q")) * 3), True
    if m.group("l_end") or m.group("l_pre_w") is not None:
        return _iso(year, 12), True
    return _iso(year, 12), False  # 全年: the year's work in prose, the year's end in a time field


def _month_date(m: re.Match[str], p: str, year: int | None) -> tuple[str, bool] | None:
    month = _number(m.group(p + "month"))
    day_text, part, before = m.group(p + "day"), m.group(p + "part"), m.group(p + "mbefore")
    if not 1 <= month <= 12:
        return None
    if day_text:
        day = _number(day_text)
        if part or not 1 <= day <= (calendar.monthrange(year or 2024, month)[1]):
            return None  # 6月30日底 is no date
        return (f"{year:04d}-{month:02d}-{day:02d}" if year else ""), bool(before)
    if part in ("上旬", "初"):
        return _iso(year, month, 10), True
    if part == "中旬":
        return _iso(year, month, 20), True
    if part:  # 底, 末, 下旬, 份
        return _iso(year, month), True
    if before:  # 2022年6月前: before June begins
        if month == 1:
            return _iso(year - 1 if year else None, 12), True
        return _iso(year, month - 1), True
    return _iso(year, month), False  # a bare month: an event in prose, the month's end in a time field


def _iso(year: int | None, month: int, day: int | None = None) -> str:
    if year is None:
        return ""
    return f"{year:04d}-{month:02d}-{day or calendar.monthrange(year, month)[1]:02d}"


def _quarter(q: str) -> int:
    return _number(q)


def _number(written: str) -> int:
    return int(written) if written.isdigit() else chinese_to_int(written)


# --- the document's year -------------------------------------------------------------------------------
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def is_report(meta: DocumentMeta) -> bool:
    return meta.kind in REPORT_KINDS or meta.title.endswith(("报告", "总结"))


def document_year(meta: DocumentMeta) -> int | None:
    """The year phrases without one (上半年, 6月底前) belong to: the period's, else the issue date's or the
    title's. A plan over several years takes its issue year when that lies inside the period."""
    years = [int(y) for y in _FOUR_DIGITS.findall(meta.period)]
    issued = int(meta.issued[:4]) if _FOUR_DIGITS.match(meta.issued) else None
    if years:
        if issued and years[0] <= issued <= years[-1]:
            return issued
        return years[-1] if is_report(meta) else years[0]
    if issued:
        return issued - 1 if is_report(meta) else issued  # a report is issued after the year it tells of
    in_title = _FOUR_DIGITS.search(meta.title)
    return int(in_title.group(1)) if in_title else None


@dataclass(frozen=True)
class DocumentTime:
    """What a document's deadlines are read with: its year, and whether it is a report. A report's account
    of its year tells of work done; its 下一步 part is a plan for the year after."""

    year: int | None
    report: bool

    @classmethod
    def of(cls, meta: DocumentMeta) -> DocumentTime:
        return cls(document_year(meta), is_report(meta))

    def deadlines(
        self, text: str, start: int, end: int, part_heading: str, fields: Sequence[Span] = ()
    ) -> list[Deadline]:
        """Deadlines of text[start:end], which sits in the top-level part headed part_heading; `fields` are
        its time cells when it is a table row."""
        if not self.report:
            return find_deadlines(text, start, end, year=self.year, fields=fields)
        if _LOOKING_AHEAD.search(part_heading) or self._names_a_later_year(part_heading):
            return find_deadlines(text, start, end, year=self.year + 1 if self.year else None, fields=fields)
        return find_deadlines(text, start, end, year=self.year, report=True, fields=fields)

    def _names_a_later_year(self, heading: str) -> bool:  # 三、2024年重点工作 in a report on 2023
        return self.year is not None and any(int(y) > self.year for y in _FOUR_DIGITS.findall(heading))


# Headings of a report's part about the coming year: 下一步工作打算, 2024年工作计划, 今后工作安排.
_LOOKING_AHEAD = re.compile(r"下一步|打算|计划|安排|思路|设想|展望|努力方向|今后|明年|来年")


# --- targets ----------------------------------------------------------------------------------------------
_TARGET = re.compile(
    r"(?:[\u4e00-\u9fff]{1,8}?(?:率|比例|占比|覆盖面))(?:达到|达|提高到|提升到|保持在|为|实现|超过|不低于)?"
    r"(?:\d+(?:\.\d+)?%|百分之百)(?:以上)?"
    r"|(?:不少于|至少|不低于|达到)\d+(?:\.\d+)?(?:学时|课时|小时|次|期|人|件|个|%)"
)
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
