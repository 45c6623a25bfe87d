"""Instrument citations: 《…》 titles (with nested 〈…〉 / <…> / 《…》), laws cited without marks, aliases
defined by (以下简称《…》), and bare document numbers such as 湘政办发〔2019〕15号.

Unmarked citations come only from gazetteers (national and local laws and regulations, a short list of
national policy documents) and from one pattern for place-prefixed development and rule-of-law plans;
anything else without marks is prose, not a citation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from policykg.core.places import is_place_name
from policykg.core.resources import read_text
from policykg.ingest.clean import normalise
from policykg.ingest.records import Alias, InstrumentCitation, Span

_PRC = "中华人民共和国"
_INNER_MARKS = str.maketrans("〈〉<>", "《》《》")
_OPEN, _CLOSE = "《〈<", "》〉>"
_MARK_OR_NEWLINE = re.compile(r"[《〈<》〉>\n]")
_ALIAS_DEF = re.compile(r"(?:简称|(?:以下|下文|下)称)\s*:?\s*$")  # the alias's own mark, not a citation
# A document number's bracketed year and serial; the issuer's abbreviation before it is found by walking back.
_YEAR_NUMBER = re.compile(r"[〔\[(]\d{4}[〕\])]\s*\d{1,4}\s*号")
# Words that run into an issuer's abbreviation: 按照湘政办发〔2019〕15号 → 湘政办发〔2019〕15号.
_BEFORE_ISSUER = re.compile(
    r"^.*?(?:按照|根据|依据|落实|贯彻|执行|印发|下发|出台|制定|关于|参照|对照|的|和|及|与|按|依|据|将)"
)
# A title's own number in the bracket after it: 《…》(汝政办发〔2023〕12号) / (慈政发[2023]5号,以下简称…).
_DOC_NUMBER_AFTER = re.compile(r"\s*\(([\u4e00-\u9fff]{1,12}\s*[〔\[(]\s*\d{4}\s*[〕\])]\s*\d{1,4}\s*号)")
# An article after a citation: 第三十六条, 第三十六条第二款, 第十二条、第十三条, 第二十条至第二十二条.
_ARTICLE_NUMBER = (
    r"第[零〇一二三四五六七八九十百千\d]{1,8}条(?:之[一二三四五六七八九十])?(?:第[一二三四五六七八九十\d]{1,4}[款项])*"
)
_ARTICLE = re.compile(rf"\s*({_ARTICLE_NUMBER}(?:\s*(?:、|,|和|及|与|至|到|-)\s*{_ARTICLE_NUMBER})*)")
_YEARS_AFTER = re.compile(r"[(\[〔]\d{4}\s*年?\s*[-~至到]?\s*\d{4}年?[)\]〕]")
# The period in a title, in any bracket, with any dash or none (纲要(20212025年) lost its dash in scraping).
_PERIOD = re.compile(r"[(\[〔](\d{4})年?[-~至到]?(\d{4})年?[)\]〕]")
_YEARS_AT_END = re.compile(r"\(\d{4}\s*年?\s*[-~至]\s*\d{4}年?\)$")
_NOT_INSTRUMENT = re.compile(r"(?:日报|晚报|杂志|周刊|栏目|节目|频道|网站|报)$")
# Governing verbs before a short unmarked title (宪法, 民法典) that make it a citation and not a topic.
_SHORT_TITLE_CONTEXT = re.compile(
    r"(?:落实|贯彻|执行|实施|遵守|学习|宣传|依据|根据|按照|把|将|新修订的|修订|对照)(?:好|了|统一的)?$"
)
# A title followed by these names a system or topic built on it (市场准入负面清单制度), not a citation.
_TOPIC_FOLLOW = re.compile(r"^(?:制度|机制|体系|改革|动态|管理)")
_SHORT_TITLE_FOLLOW_BLOCK = re.compile(r"^(?:宣传日|宣传周|宣传月|日|周|精神|法律|相伴|知识|学习资料)")
_PLACE = (
    r"(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,9}?(?:市|自治州|州|地区|盟))?"
    r"(?:[\u4e00-\u9fff]{1,7}?(?:县|区|旗))?"
)
# Development and rule-of-law plans cited without marks; the place before them is found separately.
_PLAN_CORE = re.compile(
    r"国民经济和社会发展(?:第[一二三四五六七八九十]+个五年|“[一二三四五六七八九十]+五”)规划(?:纲要)?"
    r"|法治(?:政府|社会|[\u4e00-\u9fff]{2})建设(?:实施)?(?:方案|纲要|规划)(?:\(\d{4}\s*[-~至]\s*\d{4}年?\))?"
)
_PLACE_PLAN_VERB = re.compile(r"(?:落实|贯彻|执行|实施|依据|根据|按照|对照|遵循)(?:好|了)?$")
_COORDINATION = ("和", "及", "、", "以及", "与")
# An alias definition in the bracket right after a title, perhaps after the title's number.
_ALIAS_AFTER = re.compile(
    r"\(\s*(?:[^()《》\n]{0,30}?[,;、]\s*)?(?:(?:以下|下文|下)?简称|(?:以下|下文|下)称)\s*:?\s*"
    r"(?:《([^《》\n]{1,20})》|“([^“”\n]{1,20})”|([\u4e00-\u9fff]{2,12}))\s*\)"
)
# A bare alias is a citation only as a word of its own: after punctuation or one of these.
_ALIAS_GOVERNED = re.compile(
    r"(?:落实|贯彻|执行|实施|遵循|围绕|结合|参照|对照|对标|按照|依照|根据|依据|学习|宣传|按|依|据|把|将|以|和|及|与|、)$"
)
# Aliases that are also common words (意见, 方案, 规定): cited only inside marks.
_GENERIC_ALIASES = frozenset(
    {"意见", "方案", "通知", "办法", "规定", "决定", "计划", "要点", "规划", "条例", "细则", "决议"}
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Gazetteer:
    kinds: dict[str, str]  # canonical title → kind
    automaton: object  # ahocorasick.Automaton over the titles worth finding without marks


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import ahocorasick

    kinds: dict[str, str] = {}
    for name in ("law_titles.tsv", "policy_titles.tsv"):
        data = read_text("policykg.ingest", "data", name)
        for line in data.splitlines():
            if not line or line.startswith("#") or line.startswith("title\t"):
                continue
            title, kind = line.split("\t")[:2]
            kinds[canonical_title(title)] = "规章" if kind == "部门规章" else kind
    automaton = ahocorasick.Automaton()
    for title, kind in kinds.items():
        if kind != "司法解释":  # judicial interpretations are cited with marks in these documents
            automaton.add_word(title, title)
    automaton.make_automaton()
    return Gazetteer(kinds, automaton)


def canonical_title(title: str) -> str:
    """One spelling per instrument: ASCII brackets and dashes, 《》 for nested marks, no 中华人民共和国 prefix,
    and a period as (2021-2025年) however its brackets, dash and 年 are written."""
    t = normalise(title).replace(" ", "")
    t = _PERIOD.sub(r"(\1-\2年)", t.translate(_INNER_MARKS))
    return t[len(_PRC) :] if t.startswith(_PRC) and len(t) > len(_PRC) + 1 else t


def instrument_kind(title: str) -> str:
    kinds = gazetteer().kinds
    known = kinds.get(title) or kinds.get(_YEARS_AT_END.sub("", title))
    if known:
        return known
    if re.search(r"中国共产党|党内|党政主要负责人|党委\(党组\)|党组\(党委\)|党员", title):
        return "党内法规"
    if re.search(r"规划|纲要", title):
        return "规划"
    place = re.match(_PLACE, title)
    has_place = bool(place and place.group(0))
    if title.endswith("法") and not has_place and "办法" not in title[-2:]:
        return "法律"
    if title.endswith("条例"):
        return "地方性法规" if has_place else "行政法规"
    if re.search(r"(?:办法|规定|细则)(?:\(试行\))?$", title) and has_place and "人民政府" in title[:20]:
        return "规章"
    return "规范性文件"


def instrument_level(title: str) -> str:
    if re.match(r"(?:国务院|中共中央|国家|全国|最高人民)", title):
        return "国家"
    m = re.match(_PLACE, title)
    place = m.group(0) if m else ""
    if place.endswith(("县", "区", "旗")):
        return "县"
    if place.endswith(("市", "州", "地区", "盟")):
        return "市"
    if place.endswith(("省", "自治区")):
        return "省"
    return ""


def find_citations(text: str, start: int, end: int, aliases: dict[str, str]) -> list[InstrumentCitation]:
    """Every citation in text[start:end], with the article it names. `aliases` maps short titles to full
    ones (from find_aliases); each use of an alias, marked (《纲要》) or not (纲要), is a citation of its own."""
    marked = _marked_citations(text, start, end, aliases)
    taken = [(c.span[0] - 1, c.span[1] + 1) for c in marked]
    unmarked = _unmarked_citations(text, start, end, taken)
    taken += [c.span for c in unmarked]
    bare_aliases = _bare_alias_uses(text, start, end, aliases, taken)
    numbers = _bare_doc_numbers(text, start, end, taken + [c.span for c in bare_aliases])
    found = sorted(marked + unmarked + bare_aliases + numbers, key=lambda c: c.span)
    return [_with_article(text, c, end) for c in found]


def find_aliases(text: str) -> list[Alias]:
    """(以下简称《纲要》) right after 《法治政府建设实施纲要(2021-2025年)》, or after a title cited without marks,
    → 纲要 = the full title. The bracket may carry the title's number first ((卫沙党发〔2017〕2号,以下简称
    《工作方案》)) and the alias may be written in 《》, in “” or bare."""
    found: dict[str, Alias] = {}
    opening = {close_at: open_at for open_at, close_at in _title_marks(text, 0, len(text))}
    for definition in _ALIAS_AFTER.finditer(text):
        before = definition.start()
        while before > 0 and text[before - 1] == " ":
            before -= 1
        if before - 1 in opening:
            full = canonical_title(text[opening[before - 1] + 1 : before - 1])
        else:
            unmarked = [c for c in _unmarked_citations(text, max(0, before - 60), before, []) if c.span[1] == before]
            if not unmarked:
                continue
            full = unmarked[-1].title
        alias = canonical_title(next(g for g in definition.groups() if g))
        if alias != full:
            found.setdefault(alias, Alias(alias=alias, full=full))
    return list(found.values())


def _title_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost 《…》 pairs (inner marks may be 〈〉, <> or 《》) as (open, close) offsets."""
    pairs: list[tuple[int, int]] = []
    first = text.find("《", start, end)
    if first < 0:
        return pairs
    depth, opened = 0, -1
    for mark in _MARK_OR_NEWLINE.finditer(text, first, end):  # visit only the marks, not every character
        i, ch = mark.start(), mark.group()
        if ch == "《" or (depth and ch in _OPEN):
            if depth == 0:
                opened = i
            depth += 1
        elif depth and ch in _CLOSE:
            depth -= 1
            if depth == 0:
                pairs.append((opened, i))
        elif ch == "\n":
            depth = 0
    return pairs


def _marked_citations(text: str, start: int, end: int, aliases: dict[str, str]) -> list[InstrumentCitation]:
    citations = []
    for open_at, close_at in _title_marks(text, start, end):
        inner = text[open_at + 1 : close_at]
        if not inner.strip() or _NOT_INSTRUMENT.search(inner) or _ALIAS_DEF.search(text[max(0, open_at - 8) : open_at]):
            continue
        title = canonical_title(inner)
        title = aliases.get(title, title)
        number = _DOC_NUMBER_AFTER.match(text, close_at + 1, min(end, close_at + 40))
        citations.append(
            InstrumentCitation(
                mention=inner.strip(),
                title=title,
                kind=instrument_kind(title),
                span=(open_at + 1, close_at),
                doc_number=_doc_number(number.group(1)) if number else "",
                level=instrument_level(title),
            )
        )
    return citations


def _unmarked_citations(text: str, start: int, end: int, taken: list[Span]) -> list[InstrumentCitation]:
    found: list[InstrumentCitation] = []
    segment = text[start:end]
    quoted = _Spans(_quoted_spans(segment, start))  # “美好生活 民法典相伴” names a campaign, not the code
    blocked = _Spans(taken)
    for last, title in gazetteer().automaton.iter_long(segment):  # type: ignore[attr-defined]
        s, e = start + last - len(title) + 1, start + last + 1
        if blocked.overlaps((s, e)) or quoted.holds(s) or not _standalone(text, s, e, title):
            continue
        if text.startswith(_PRC, s - len(_PRC)):
            s -= len(_PRC)
        years = _YEARS_AFTER.match(text, e)
        if years:
            e = years.end()  # 纲要(2021-2025年) and 纲要(2015-2020年) are different instruments
        found.append(_unmarked(text, s, e, text[s:e]))
        blocked.add((s, e))
    ends = {c.span[1] for c in found}
    for m in _PLAN_CORE.finditer(text, start, end):
        s, e = m.start() - _place_before(text, m.start(), start), m.end()
        if s == m.start() or blocked.overlaps((s, e)) or quoted.holds(s):
            continue  # a plan without a place is a topic ("法治政府建设实施方案" of our own), not a citation
        before = text[max(start, s - 6) : s].removesuffix("国家")
        follows_citation = any(s - k in ends and text[s - k : s] in _COORDINATION for k in (1, 2))
        if _PLACE_PLAN_VERB.search(before) or follows_citation:
            found.append(_unmarked(text, s, e, canonical_title(text[s:e])))
            blocked.add((s, e))
            ends.add(e)
    return found


def _bare_alias_uses(
    text: str, start: int, end: int, aliases: dict[str, str], taken: list[Span]
) -> list[InstrumentCitation]:
    """按照省方案要求 after (以下简称《省方案》): an alias used without marks, where it stands as a word of its own
    (after punctuation or a governing verb, not inside 全省方案 or 规划纲要)."""
    found = []
    blocked = _Spans(taken)
    for alias, full in aliases.items():
        if len(alias) < 2 or alias in _GENERIC_ALIASES:
            continue
        at = text.find(alias, start, end)
        while at >= 0:
            s, e = at, at + len(alias)
            before = text[max(start, s - 4) : s]
            own_word = not before or not _CJK.match(before[-1]) or bool(_ALIAS_GOVERNED.search(before))
            in_marks = before.endswith(tuple(_OPEN)) or text[e : e + 1] in _CLOSE  # cited or defined there
            if own_word and not in_marks and not blocked.overlaps((s, e)) and not before.endswith("简称"):
                kind, level = instrument_kind(full), instrument_level(full)
                found.append(InstrumentCitation(mention=text[s:e], title=full, kind=kind, span=(s, e), level=level))
            at = text.find(alias, e, end)
    return found


def _with_article(text: str, citation: InstrumentCitation, end: int) -> InstrumentCitation:
    """《行政处罚法》第三十六条: the article follows the closing mark, or the unmarked title itself."""
    after = citation.span[1] + (1 if citation.span[1] < end and text[citation.span[1]] in _CLOSE else 0)
    article = _ARTICLE.match(text, after, min(end, after + 80))
    if not article:
        return citation
    return replace(citation, article=article.group(1).replace(" ", ""))


def _doc_number(written: str) -> str:
    """慈政发[2023]5号 / 慈政发(2023)5号 → 慈政发〔2023〕5号."""
    number = normalise(written).replace(" ", "")
    return re.sub(r"[\[(](\d{4})[\])]", r"〔\1〕", number)


def _place_before(text: str, pos: int, floor: int) -> int:
    """Length of the place name (辽宁省, 永州市宁远县) that ends at pos; 0 when there is none."""
    longest = 0
    for k in range(2, min(12, pos - floor) + 1):
        if is_place_name(text[pos - k : pos]):
            longest = k
    return longest


def _unmarked(text: str, s: int, e: int, title: str) -> InstrumentCitation:
    canonical = canonical_title(title)
    return InstrumentCitation(
        mention=text[s:e],
        title=canonical,
        kind=instrument_kind(canonical),
        span=(s, e),
        level=instrument_level(canonical),
    )


def _standalone(text: str, s: int, e: int, title: str) -> bool:
    """The gazetteer hit is the whole name, not part of a longer word or of a local title."""
    before = text[s - 1] if s > 0 else ""
    after = text[e : e + 4]
    if before in "省市县区州" or after[:1] in "律规典":
        return False
    if _TOPIC_FOLLOW.match(after):
        return False
    governed = bool(_SHORT_TITLE_CONTEXT.search(text[max(0, s - 6) : s]))
    if len(title) <= 2 or (len(title) == 3 and title.endswith("法")):  # 宪法, 刑法, 审计法 run into other words
        return governed and not _SHORT_TITLE_FOLLOW_BLOCK.match(after)
    if gazetteer().kinds.get(title) == "规范性文件":
        return governed  # lists and notices are named as topics far more often than cited
    return not _SHORT_TITLE_FOLLOW_BLOCK.match(after[:3]) or after.startswith("实施")


def _bare_doc_numbers(text: str, start: int, end: int, taken: list[Span]) -> list[InstrumentCitation]:
    found = []
    blocked = _Spans(taken)
    for m in _YEAR_NUMBER.finditer(text, start, end):
        issuer = m.start()  # the issuer's abbreviation before the bracket: up to 10 characters
        while issuer > start and m.start() - issuer < 10 and _CJK.match(text[issuer - 1]):
            issuer -= 1
        if issuer == m.start():
            continue
        s, e = issuer, m.end()
        lead_in = _BEFORE_ISSUER.match(text[issuer : m.start()])
        if lead_in:
            s += lead_in.end()
        # A number in brackets right after a 《》 title belongs to that citation, not a citation of its own.
        if blocked.overlaps((s, e)) or re.search(r"》\s*\($", text[max(0, issuer - 3) : issuer]):
            continue
        number = _doc_number(text[s:e])
        found.append(
            InstrumentCitation(
                mention=text[s:e], title=number, kind="规范性文件", span=(s, e), doc_number=number, level=""
            )
        )
    return found


def _quoted_spans(segment: str, offset: int) -> list[Span]:
    return [(offset + m.start(), offset + m.end()) for m in re.finditer(r"“[^“”\n]{0,40}”", segment)]


class _Spans:
    """Sorted spans that do not overlap, with a logarithmic test: a long measure holds thousands of them."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)

    def overlaps(self, span: Span) -> bool:
        i = bisect.bisect_left(self.spans, (span[1],))  # spans before i start before span ends
        return i > 0 and self.spans[i - 1][1] > span[0]

    def holds(self, pos: int) -> bool:
        """pos lies strictly inside one of the spans."""
        i = bisect.bisect_left(self.spans, (pos,))
        return i > 0 and self.spans[i - 1][1] > pos

    def add(self, span: Span) -> None:
        bisect.insort(self.spans, span)
