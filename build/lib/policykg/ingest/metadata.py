"""Document metadata — title, kind, jurisdiction, issuers, doc number, issue date, period — from the strongest
evidence the text holds, never from the file name.

Title, in order of strength: the document's own title block (the short lines right above its first
paragraph, heading or table, past any publication details, doc number, addressee or signature lines
between them); the 《》 of the notice that issues it (关于印发《…》的通知, 现将《…》印发给你们,
《…》已经…同意，现印发给你们); the 《》 a news lead names (近日，市委、市政府印发了《…实施方案》); a portal
title field (标题：…) or the page title around a site name; else nothing. Portal chrome (breadcrumbs,
widgets, page clocks) is blanked by cleaning before any of this.

Issue date, in order of precedence: a 成文日期 field; the signature block's date (digits or 二〇二三年三月十日);
a 发文日期 / 印发日期 field; a 发布日期 / 发布时间 / 时间 field (or the bare date leading a details line); the
印发 line at the document's foot; an 更新时间 field. So the day the document was signed wins over the day a
portal published it, and the day a portal last touched the page comes last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policykg.core.jurisdictions import find_jurisdiction
from policykg.core.places import leading_place
from policykg.ingest.doc_dates import date_of_line, first_date, is_date_line
from policykg.ingest.doc_kinds import ends_like_title, kind_of
from policykg.ingest.portal_fields import Field, read_fields
from policykg.ingest.records import DocumentMeta, ExtractionWarning, Measure
from policykg.ingest.signature import first_signature, is_org_line, join_split_names, org_and_date, printed_date

__all__ = ["Body", "document_meta", "find_body", "find_jurisdiction", "jurisdiction_warnings"]

_DOC_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,12}?)\s*[〔\[(]\s*((?:19|20)\d{2})\s*[〕\])]\s*第?\s*(\d{1,4})\s*号"
)
_DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[(]\s*(?:19|20)\d{2}")
# The 《》 of a notice that issues the document, in its title or its transmittal sentence.
_NOTICE_MARKED = re.compile(r"(?:印发|转发|下发|公布)\s*(?:了\s*)?[《〈<](.+?)[》〉>]\s*(?:的\s*)?(?:通知|通报|函)")
_NOTICE_BARE = re.compile(r"关于(?:印发|转发)(.+?)的(?:通知|通报)$")
_TRANSMITTAL = re.compile(r"(?:现将|现予)?\s*《(.+?)》\s*(?:已经.{1,30}?同意\s*,?\s*)?(?:现)?(?:印发|转发)给你们")
# A news report of the document: 近日，市委、市政府印发了《…》 — not a plan's own 国务院印发《纲要》 in its preamble.
_NEWS_LEAD = re.compile(
    r"^\s*(?:近日|日前|近期|最近|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)[^。]{0,40}?"
    r"(?:印发|出台|制定|发布|审议通过)(?:了)?\s*《(.+?)》"
)
_NOTICE_WORDS = re.compile(r"印发|转发|通知$")
_NOTICE_LINE = re.compile(r"(?:印发|转发|下发).{0,80}(?:通知|通报)$")
_ADDRESSEE = re.compile(r"^[^。]{2,120}:$")
_SENTENCE_END = re.compile(r"[。;!?]$|。")
_TRANSMITTAL_WORDS = re.compile(
    r"现将\s*《|(?:印发|转发|下发)给?你们|现(?:予以?)?(?:印发|转发)|已经.{0,20}同意.{0,10}印发|通知如下"
)
_NOT_TITLE = re.compile(  # sentence marks, cells, or a heading label at the start
    r"[。;!?:,\t|]|、$|^\d+[.、]|^[一二三四五六七八九十]+、|^\([一二三四五六七八九十\d]+\)|^第[一二三四五六七八九十]"
)
_BRACKET_LINE = re.compile(r"^\([^()]{1,40}\)$")
_BRACKET_TAIL = re.compile(r"^\((?:[^()]*\d{4}[^()]*|试行|暂行|草案|征求意见稿|修订|修订稿|送审稿)\)$")
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年度?")
_TITLE_START = re.compile(r"^(?:关于|中共|[《“]|\d{4}|20)")
_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff《(])|(?<=[》)])\s+(?=[\u4e00-\u9fff])")
_SITE_WORDS = re.compile(r"网站|门户|政府网|政务网")
_SITE_SPLIT = re.compile(r"\s*[-_|]\s*")
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:-|~|至|到)\s*((?:19|20)\d{2})\s*年?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_PLAN_SPANS = {"十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}
_TITLE_LINE_MAX = 60
_TITLE_MAX = 100
_TITLE_MIN = 7
_TITLE_BLOCK = 4
_BODY_MIN = 15
_LONG_PARAGRAPH = 60
_LEAD_LINES = 3
_TABLE_CELLS = 3
_CELL_SPLIT = re.compile(r"\t|\s{2,}")
# Date fields by precedence; the signature's date ranks between the first two.
_DATE_RANKS = {"written": 0, "sent": 2, "published": 3, "updated": 5}
_SIGNATURE_RANK = 1
_PRINTED_RANK = 4


@dataclass(frozen=True)
class Body:
    """Where the document proper starts (its first paragraph, heading or table) and where its own title is."""

    title: str
    title_start: int
    body_start: int
    body_index: int = 0  # index of the body's first line in the lines find_body was given
    fields: tuple[Field, ...] = field(default=())  # publication details above the body
    notice_date: str = ""  # the date closing the notice that issues the document, when there is one


def find_body(lines: list[tuple[int, str]], first_heading: int | None) -> Body:
    """lines: (offset, text) of non-blank lines of the cleaned text."""
    body_index, notice_date = _first_body_line(lines, first_heading)
    head = [line for _, line in lines[:body_index]]
    fields, details = read_fields(head)
    block = _title_block(head, details)
    body_start = lines[body_index][0] if body_index < len(lines) else (lines[-1][0] if lines else 0)
    if block is None:
        return Body("", body_start, body_start, body_index, tuple(fields), notice_date)
    start, end = block
    title = "".join(line.strip() for line in head[start:end])
    return Body(title, lines[start][0], body_start, body_index, tuple(fields), notice_date)


def document_meta(lines: list[tuple[int, str]], body: Body) -> DocumentMeta:
    """The document's fields, from the non-blank lines of the cleaned text and the body found in them."""
    plain = [line for _, line in lines]
    head = plain[: body.body_index]
    fields = _by_name(body.fields)
    notice = _notice_title(head)
    title = _SPACE_IN_WORDS.sub("", _title(body, notice, plain, fields))
    signature = first_signature(plain)
    issuers = list(signature.issuers) if signature else []
    if not issuers:
        issuers = _field_issuers(fields) or _notice_issuers(head) or _prefix_issuers(title)
    candidates = [title, *issuers, *(_notice_lines(head)), *fields.get("title", []), *fields.get("issuer", [])]
    candidates += [*fields.get("source", []), *_site_names(head)]
    jurisdiction = find_jurisdiction([c for c in candidates if c])
    return DocumentMeta(
        title=title,
        kind=kind_of(title),
        jurisdiction=jurisdiction.name,
        issuers=tuple(issuers),
        doc_number=_doc_number(fields, head),
        issued=_issued(fields, body.notice_date or (signature.date if signature else ""), printed_date(plain)),
        period=_period(title),
    )


def jurisdiction_warnings(meta: DocumentMeta, measures: Sequence[Measure]) -> list[ExtractionWarning]:
    """A no_jurisdiction warning when no place was found, so that no unit is left unqualified silently; its
    span is the first unit mention left without a place."""
    if meta.jurisdiction:
        return []
    unqualified = [u for m in measures for u in m.units if not leading_place(u.unit)]
    message = "no place named in the title, issuer, notice or portal fields"
    if unqualified:
        shown = "、".join(dict.fromkeys(u.mention for u in unqualified[:3]))
        message += f": {len(unqualified)} unit mentions stay unqualified ({shown} …)"
    return [ExtractionWarning("no_jurisdiction", message, unqualified[0].span if unqualified else None)]


# --- where the body starts -----------------------------------------------------------------


def _first_body_line(lines: list[tuple[int, str]], first_heading: int | None) -> tuple[int, str]:
    """The first heading, paragraph or table row of the document proper, and the date closing the notice
    that issues it. The notice (关于印发《…》的通知, 现将《…》印发给你们) runs until its signature date: its
    sentences are not the body."""
    in_notice = False
    notice_date = ""
    for i, (offset, line) in enumerate(lines):
        if first_heading is not None and offset >= first_heading:
            return i, notice_date
        stripped = line.strip()
        if _NOTICE_LINE.search(stripped) or _TRANSMITTAL_WORDS.search(stripped):
            in_notice = True
        elif in_notice and (date := date_of_line(stripped) or org_and_date(stripped)[1]):
            in_notice = False
            notice_date = notice_date or date
        elif not in_notice and (_is_table_row(stripped) or (_is_paragraph(stripped) and not _dated_soon(lines, i))):
            return i, notice_date
    return len(lines), notice_date


def _dated_soon(lines: list[tuple[int, str]], i: int) -> bool:
    """A signature date within the next lines: the sentence closes a notice, it does not open the body."""
    return any(is_date_line(line) or org_and_date(line)[1] for _, line in lines[i + 1 : i + 5])


def _is_paragraph(line: str) -> bool:
    """A sentence of the document's own text (or the first line of one a PDF wrapped), not an addressee
    line and not publication details."""
    if len(line) > _LONG_PARAGRAPH and line.endswith(("。", ":")) and not line.startswith("各"):
        return True
    if len(line) < _BODY_MIN or _ADDRESSEE.match(line):
        return False
    return bool(_SENTENCE_END.search(line) or ("," in line and not read_fields([line])[1]))


def _is_table_row(line: str) -> bool:
    """A row of a task table (序号  重点任务  牵头单位 …), not a row of publication details."""
    cells = [c for c in _CELL_SPLIT.split(line) if c.strip()]
    if len(cells) < _TABLE_CELLS or read_fields([line])[1]:
        return False
    return "\t" in line or len(cells) > _TABLE_CELLS  # runs of spaces also part words: ask one cell more


# --- the title -----------------------------------------------------------------------------


def _title_block(head: list[str], details: set[int]) -> tuple[int, int] | None:
    """(first, end) line indices of the own title: upward from the body past the lines that may stand
    between a title and its text, then the longest run of title lines that starts like a title."""
    i = len(head) - 1
    end = 0
    while i >= 0:
        if _is_title_end(head[i]):
            end = end or i + 1
            break
        if i > 0 and _BRACKET_TAIL.match(head[i].strip()) and _is_title_end(head[i - 1]):
            end = i + 1  # the title's period or 试行 on a line of its own
        elif not _may_follow_title(head[i], i in details):
            return None
        i -= 1
    if i < 0:
        return None
    best = i
    top = i
    while top > 0 and end - top < _TITLE_BLOCK:
        above = head[top - 1].strip()
        if (top - 1) in details or not _is_title_line(above) or _is_title_end(above):
            break
        if is_org_line(above) and _names_its_place(head[top]):
            break  # the issuer printed above a title that names its place already
        if len("".join(s.strip() for s in head[top - 1 : end])) > _TITLE_MAX:
            break
        top -= 1
        if _TITLE_START.match(above) or leading_place(above):
            best = top
    if len(_joined(head, best, end)) < _TITLE_MIN and top < best:
        best = top  # 实施意见 alone is the tail of a title, not a title
    if len(_joined(head, best, end)) < _TITLE_MIN:
        return None
    return best, end


def _names_its_place(line: str) -> bool:
    return bool(leading_place(_LEADING_YEAR.sub("", line.strip())))


def _joined(head: list[str], start: int, end: int) -> str:
    return "".join(line.strip() for line in head[start:end])


def _is_title_line(line: str) -> bool:
    return (
        2 <= len(line) <= _TITLE_LINE_MAX
        and not _NOT_TITLE.search(line)
        and not is_date_line(line)
        and not _DOC_NUMBER_LINE.match(line)
        and (not line.startswith("(") or bool(_BRACKET_LINE.match(line)))
    )


def _is_title_end(line: str) -> bool:
    line = line.strip()
    return _is_title_line(line) and ends_like_title(line) and not _BRACKET_LINE.match(line)


def _may_follow_title(line: str, is_detail: bool) -> bool:
    """Lines that sit between a title and its text: details, a doc number, a date, an addressee line, a
    bracketed note ((2024年3月1日县政府常务会议通过), (此件公开发布)), the issuer and date under the title."""
    line = line.strip()
    return (
        is_detail
        or bool(_DOC_NUMBER_LINE.match(line))
        or is_date_line(line)
        or bool(_ADDRESSEE.match(line))
        or bool(_BRACKET_LINE.match(line))
        or is_org_line(line)
        or _is_org_list(line)
    )


def _is_org_list(line: str) -> bool:
    """Issuers side by side on one line (中共宁远县委  宁远县人民政府)."""
    parts = line.split()
    return len(parts) > 1 and all(is_org_line(p) for p in parts)


def _title(body: Body, notice: str, lines: list[str], fields: dict[str, list[str]]) -> str:
    own = _unwrapped(body.title)
    if own:
        return own
    if notice:
        return notice
    lead = _news_lead(lines[body.body_index : body.body_index + _LEAD_LINES])
    if lead:
        return lead
    for value in fields.get("title", []):
        unwrapped = _unwrapped(value)
        if unwrapped:
            return unwrapped
    return _site_title(lines[: body.body_index])


def _unwrapped(title: str) -> str:
    """A notice's title gives the title of the document it issues: 关于印发《X》的通知 → X."""
    if not title:
        return ""
    m = _NOTICE_MARKED.search(title)
    if m:
        return m.group(1).strip()
    m = _NOTICE_BARE.search(title)
    if m and ends_like_title(m.group(1)):
        return m.group(1).strip()
    return title.strip()


def _notice_title(head: list[str]) -> str:
    """The 《》 of the notice issuing the document, from the notice's title or its transmittal sentence."""
    for line in head:
        m = _NOTICE_MARKED.search(line) or _TRANSMITTAL.search(line)
        if m and ends_like_title(m.group(1)):
            return m.group(1).strip()
    for k in range(len(head)):  # 关于印发X县2024年法治政府建设 / 工作要点的通知: the title may wrap
        for joined in (_joined(head, k, k + n) for n in (1, 2, 3)):
            m = _NOTICE_BARE.search(joined)
            if m and ends_like_title(m.group(1)):
                return m.group(1).strip()
    return ""


def _notice_lines(head: list[str]) -> list[str]:
    return [line.strip() for line in head if _NOTICE_WORDS.search(line.strip()) and "关于" in line]


def _news_lead(lines: list[str]) -> str:
    """近日，市委、市政府印发了《成都市法治政府建设实施方案(2021-2025年)》 → the 《》."""
    for line in lines:
        m = _NEWS_LEAD.match(line)
        if m and ends_like_title(m.group(1)) and len(m.group(1)) >= _TITLE_MIN:
            return m.group(1).strip()
    return ""


def _site_title(head: list[str]) -> str:
    """凤凰县政府门户网站-关于2020年度法治政府建设工作的报告: the part that is not the site's name."""
    for line in head:
        if not _SITE_WORDS.search(line):
            continue
        for part in _SITE_SPLIT.split(line.strip()):
            if not _SITE_WORDS.search(part) and ends_like_title(part) and len(part) >= _TITLE_MIN:
                return _unwrapped(part)
    return ""


def _site_names(head: list[str]) -> list[str]:
    return [part for line in head for part in _SITE_SPLIT.split(line.strip()) if _SITE_WORDS.search(part)]


# --- issuers, number, date, period ---------------------------------------------------------


def _by_name(fields: Sequence[Field]) -> dict[str, list[str]]:
    named: dict[str, list[str]] = {}
    for f in fields:
        if f.value:
            named.setdefault(f.name, []).append(f.value)
    return named


def _field_issuers(fields: dict[str, list[str]]) -> list[str]:
    for value in fields.get("issuer", []):
        names = join_split_names(value.split())
        if names:
            return names
    return []


def _notice_issuers(head: list[str]) -> list[str]:
    """中共宁远县委 宁远县人民政府关于印发《…》的通知 → the organisations before 关于, or on the lines above
    a notice title that starts with 关于."""
    for k, line in enumerate(head):
        line = line.strip()
        if "关于" not in line or not _NOTICE_WORDS.search(line):
            continue
        names = _prefix_issuers(line)
        above = k
        while not names and above > 0 and k - above < _TITLE_BLOCK and is_org_line(head[above - 1]):
            above -= 1
        return names or join_split_names(head[above:k])
    return []


def _prefix_issuers(title: str) -> list[str]:
    """淮安市人民政府关于2017年度法治政府建设情况的报告 → 淮安市人民政府."""
    before = title.split("关于", 1)[0] if "关于" in title else ""
    return join_split_names(before.split()) if before else []


def _doc_number(fields: dict[str, list[str]], head: list[str]) -> str:
    """A doc number field, else a doc number on a header line of its own (or opening the notice's title);
    never one cited inside a sentence or a 《》."""
    for value in fields.get("doc_number", []):
        m = _DOC_NUMBER.search(value)
        if m:
            return _canonical_number(m)
    for line in head:
        line = line.strip()
        if _SENTENCE_END.search(line) or "," in line:
            continue
        m = _DOC_NUMBER.search(line)
        if m and not _inside_marks(line, m.start()):
            return _canonical_number(m)
    return ""


def _canonical_number(m: re.Match[str]) -> str:
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"


def _inside_marks(line: str, pos: int) -> bool:
    before = line[:pos]
    return before.count("《") > before.count("》") or before.count("(") > before.count(")")


def _issued(fields: dict[str, list[str]], signed: str, printed: str) -> str:
    ranked: list[tuple[int, str]] = []
    for name, rank in _DATE_RANKS.items():
        ranked += [(rank, date) for value in fields.get(name, []) if (date := first_date(value))]
    if signed:
        ranked.append((_SIGNATURE_RANK, signed))
    if printed:
        ranked.append((_PRINTED_RANK, printed))
    return min(ranked, key=lambda ranked_date: ranked_date[0])[1] if ranked else ""


def _period(title: str) -> str:
    m = _PERIOD.search(title)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    for words, span in _PLAN_SPANS.items():
        if words in title:
            return span
    m = _YEAR.search(title)
    return m.group(1) if m else ""
