"""Signature blocks: the issuing organisations on the lines right above a date line (中共宁远县委 / 宁远县人民政府 /
2022年6月21日), on one line with the date, or closing the document without a date; and the 印发 line
(中共宁远县委办公室  2022年8月3日印发) at the foot of an official document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.doc_dates import date_of_line, first_date
from policykg.ingest.doc_kinds import ends_like_title

ORG_SUFFIX = re.compile(
    r"(?:委|政府|办公室|局|部|委员会|小组|院|厅|中心|办|会|公司|机关|党工委|办事处|所)(?:\((?:代章|章|印)\))?$"
)
_SEAL = re.compile(r"\((?:代章|章|印)\)$")
_NOT_ORG_LINE = re.compile(r"[。,:;、!?《》]|^\(|\t|\|")
_FOOTER_ROLE = re.compile(r"(?:主办|承办|协办|主管)$")  # 汝城县人民政府办公室 主办: a portal footer
_ORG_LINE_MAX = 40
_BLOCK_LINES = 4
_ORG_AND_DATE = re.compile(r"^(.{2,40})\s+(\S{6,20})$")
_PRINTED = re.compile(r"^(.{2,40}?)\s+(\S.{5,20}?)\s*印发$")
_CLOSING_LINES = 6  # an undated signature or the 印发 line sits within the document's last lines


@dataclass(frozen=True)
class Signature:
    issuers: tuple[str, ...]
    date: str  # ISO, "" for an undated signature
    line: int  # index of its first line


def first_signature(lines: list[str]) -> Signature | None:
    """The first dated signature block in the document, else an undated one closing it."""
    for i, raw in enumerate(lines):
        line = raw.strip()
        date = date_of_line(line)
        same_line: list[str] = []
        if not date:
            org, date = org_and_date(line)
            if not date:
                continue
            same_line = [org]
        block = _org_lines_above(lines, i) + same_line
        issuers = join_split_names(block)
        if issuers:
            return Signature(tuple(issuers), date, i - len(block) + len(same_line))
    return _closing_signature(lines)


def org_and_date(line: str) -> tuple[str, str]:
    """(organisation, ISO date) of a signature written on one line (宁远县人民政府  2022年6月21日), else ("", "")."""
    m = _ORG_AND_DATE.match(line.strip())
    if m and is_org_line(m.group(1)):
        date = date_of_line(m.group(2))
        if date:
            return m.group(1).strip(), date
    return "", ""


def printed_date(lines: list[str]) -> str:
    """The date of the 印发 line at the document's foot (…办公室  2022年8月3日印发), or ""."""
    for raw in lines[-_CLOSING_LINES:]:
        m = _PRINTED.match(raw.strip())
        if m:
            date = first_date(m.group(2))
            if date:
                return date
    return ""


def is_org_line(line: str) -> bool:
    line = line.strip()
    return (
        2 <= len(line) <= _ORG_LINE_MAX
        and not _NOT_ORG_LINE.search(line)
        and not _FOOTER_ROLE.search(line)
        and bool(ORG_SUFFIX.search(line))
    )


def join_split_names(block: list[str]) -> list[str]:
    """营口市鲅鱼圈区全面推进依法行政工作 / 领导小组办公室 → one name; 中共宁远县委 / 宁远县人民政府 → two."""
    names: list[str] = []
    carry = ""
    for line in block:
        for part in line.split():
            part = carry + part.strip()
            if not part:
                continue
            if len(part) > _ORG_LINE_MAX:
                carry = ""  # a title or a sentence above the block, not the first half of a name
                continue
            if ORG_SUFFIX.search(part):
                names.append(_SEAL.sub("", part))
                carry = ""
            else:
                carry = part
    return names


def _org_lines_above(lines: list[str], i: int) -> list[str]:
    block: list[str] = []
    for raw in reversed(lines[max(0, i - _BLOCK_LINES) : i]):
        above = raw.strip()
        if len(above) > _ORG_LINE_MAX or _NOT_ORG_LINE.search(above) or ends_like_title(above):
            break  # a sentence, or the title the signature stands under
        block.insert(0, above)
    return block


def _closing_signature(lines: list[str]) -> Signature | None:
    """Organisation lines that close the document without a date (沅陵县卫生健康委员会 as its last line)."""
    tail = len(lines)
    while tail > 0 and not lines[tail - 1].strip():
        tail -= 1
    start = tail
    while start > 0 and tail - start < 3 and is_org_line(lines[start - 1]):
        start -= 1
    if start == tail or start == 0:
        return None
    issuers = join_split_names(lines[start:tail])
    return Signature(tuple(issuers), "", start) if issuers else None
