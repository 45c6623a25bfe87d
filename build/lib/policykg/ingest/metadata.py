"""Document metadata: title, kind, jurisdiction, issuers, doc number, issue date and period.

Portal pages wrap the document in a notice (关于印发《…》的通知), a signature block and portal fields; the
document's own title is the block of short lines right before its first paragraph or heading, and
the notice's 《…》 is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.core.units import find_jurisdiction
from policykg.ingest.records import DocumentMeta

_KINDS = [
    ("工作要点", "工作要点"),
    ("实施方案", "实施方案"),
    ("工作方案", "工作方案"),
    ("实施意见", "实施意见"),
    ("指导意见", "指导意见"),
    ("年度报告", "年度报告"),
    ("工作报告", "工作报告"),
    ("情况报告", "工作报告"),
    ("报告", "工作报告"),
    ("工作计划", "工作计划"),
    ("规划", "规划"),
    ("纲要", "纲要"),
    ("意见", "意见"),
    ("方案", "方案"),
    ("要点", "工作要点"),
    ("通知", "通知"),
    ("办法", "办法"),
    ("决定", "决定"),
]
_KIND_WORDS = tuple(word for word, _ in _KINDS)
_DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[(]\s*(\d{4})\s*[〕\])]\s*(\d{1,4})\s*号")
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_LINE = re.compile(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|\d{6,8})\s*$")
_GARBLED_DATE = re.compile(r"^\s*(\d{4})(\d{2,4})\s*$")  # 2022621: 年/月/日 lost in scraping
_PORTAL_FIELD = re.compile(r"来源|发布时间|发文日期|索引号|浏览次数|作者|字体|发布机构|点击")
_NOTICE_TITLE = re.compile(r"印发\s*《(.+?)》\s*的?通知")
_PERIOD = re.compile(r"\(?(\d{4})\s*[-~至]\s*(\d{4})\s*年?\)?")
_YEAR = re.compile(r"(\d{4})\s*年度?")
_ORG_SUFFIX = re.compile(r"(?:委|政府|办公室|局|部|委员会|小组|院|厅|中心|办|会|公司|机关)(?:\(代章\)|\(章\))?$")
_NOT_TITLE_LINE = re.compile(r"[。:;!?]$|^\(|发布|来源|时间|日期|索引号|文号|主题词|公开|[〔\[]\d{4}[〕\]]")
_TITLE_LINE_MAX = 45


@dataclass(frozen=True)
class Body:
    """Where the document proper starts (its first paragraph or heading) and where its title lines are."""

    title: str
    title_start: int
    body_start: int


def find_body(lines: list[tuple[int, str]], first_heading: int | None) -> Body:
    """lines: (offset, text) of non-blank lines of the cleaned text."""
    body_index = _first_body_line(lines, first_heading)
    title_lines: list[tuple[int, str]] = []
    for offset, line in reversed(lines[:body_index]):
        line = line.strip()
        if not title_lines and _PORTAL_FIELD.search(line):
            continue  # portal fields between the title and the text
        if len(line) > _TITLE_LINE_MAX or _NOT_TITLE_LINE.search(line) or _DATE_LINE.match(line):
            break
        if title_lines and line.endswith(_KIND_WORDS):
            break  # the notice's or portal's title line above the document's own
        title_lines.insert(0, (offset, line))
        if len(title_lines) == 3:
            break
    # Keep only the lines that read as one title: a kind word must close it.
    while title_lines and not title_lines[-1][1].endswith((*_KIND_WORDS, ")")):
        title_lines.pop()
    title = "".join(line for _, line in title_lines)
    body_start = lines[body_index][0] if body_index < len(lines) else (lines[-1][0] if lines else 0)
    return Body(title=title, title_start=title_lines[0][0] if title_lines else body_start, body_start=body_start)


def _first_body_line(lines: list[tuple[int, str]], first_heading: int | None) -> int:
    for i, (offset, line) in enumerate(lines):
        if first_heading is not None and offset >= first_heading:
            return i
        stripped = line.strip()
        if len(stripped) > 60 and stripped.endswith(("。", ":")) and not stripped.startswith(("现将", "各")):
            return i
    return len(lines)


def document_meta(text: str, lines: list[tuple[int, str]], body: Body, source: str) -> DocumentMeta:
    header = text[: body.title_start]
    notice = _NOTICE_TITLE.search(header)
    title = body.title or (notice.group(1) if notice else "") or source
    issuers, issued = _signature(lines)
    jurisdiction = find_jurisdiction([title, *issuers, notice.group(1) if notice else "", header])
    return DocumentMeta(
        title=title,
        kind=_kind(title),
        jurisdiction=jurisdiction.name,
        issuers=tuple(issuers),
        doc_number=_doc_number(header),
        issued=issued or _portal_date(header),
        period=_period(title),
    )


def _kind(title: str) -> str:
    for word, kind in _KINDS:
        if title.endswith(word) or (word in title and len(word) > 2):
            return kind
    return ""


def _doc_number(header: str) -> str:
    m = _DOC_NUMBER.search(header)
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号" if m else ""


def _period(title: str) -> str:
    m = _PERIOD.search(title)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _YEAR.search(title)
    return m.group(1) if m else ""


def _signature(lines: list[tuple[int, str]]) -> tuple[list[str], str]:
    """Issuers and date from the first signature block: organisation lines right above a date line."""
    for i, (_, line) in enumerate(lines):
        date = _date_from_line(line)
        if not date:
            continue
        block: list[str] = []
        for _, above in reversed(lines[max(0, i - 4) : i]):
            above = above.strip()
            if len(above) > 40 or re.search(r"[。,:;]", above):
                break
            block.insert(0, above)
        issuers = _join_split_names(block)
        if issuers:
            return issuers, date
    return [], ""


def _join_split_names(block: list[str]) -> list[str]:
    """营口市鲅鱼圈区全面推进依法行政工作 / 领导小组办公室 → one name; 中共宁远县委 / 宁远县人民政府 → two."""
    names: list[str] = []
    carry = ""
    for line in block:
        for part in re.split(r"\s{2,}", line):
            part = carry + part.strip()
            if not part:
                continue
            if _ORG_SUFFIX.search(part):
                names.append(re.sub(r"\((?:代章|章)\)$", "", part))
                carry = ""
            else:
                carry = part
    return names


def _date_from_line(line: str) -> str:
    if not _DATE_LINE.match(line):
        return ""
    for pattern in (_CN_DATE, _ISO_DATE):
        m = pattern.search(line)
        if m:
            return _valid_date(*(int(g) for g in m.groups()))
    m = _GARBLED_DATE.match(line)
    if m:
        year, rest = int(m.group(1)), m.group(2)
        for cut in range(1, len(rest)):  # 621 → 6/21 or 62/1: the first split that is a date wins
            date = _valid_date(year, int(rest[:cut]), int(rest[cut:]))
            if date:
                return date
    return ""


def _valid_date(year: int, month: int, day: int) -> str:
    if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _portal_date(header: str) -> str:
    m = _CN_DATE.search(header) or _ISO_DATE.search(header)
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"
