"""The non-entity parts of a question, read from its folded text: roles, a measure number, a period,
an instrument kind, a section and a "top N". Every value is normalised here (digits, ISO dates, role
names), so what reaches a query parameter is never the user's text itself."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

from policykg.core.numerals import CHINESE_NUMERAL_CHARS, chinese_to_int, int_to_chinese
from policykg.core.vocabulary import QUESTION_ROLE_WORDS, ROLES

ROLE_WORDS: dict[str, str] = dict(QUESTION_ROLE_WORDS)
ALL_ROLES: tuple[str, ...] = ROLES
INSTRUMENT_KINDS = ("行政法规", "地方性法规", "党内法规", "规范性文件", "司法解释", "法律", "规章", "规划")
LAWS_AND_REGULATIONS = ("法律", "行政法规", "地方性法规")  # 法律法规
_NUM = rf"(\d+|[{CHINESE_NUMERAL_CHARS}]+)"
_MEASURE_NUMBER = re.compile(rf"第{_NUM}(?:项|条|个|号)|{_NUM}号措施|措施(\d{{1,3}})(?![\d年月])")
# 第(57)项, 第(四)项, and (57)项 / 57项 where the question starts with it or a name comes before it (宁远县方案57项).
_BRACKETED_NUMBER = re.compile(rf"第\({_NUM}\)(?:项|条)?|(?:^|(?<=[\ue000的]))\({_NUM}\)项")
_BARE_NUMBER = re.compile(r"(?:^|(?<=[\ue000的]))(\d{1,3})项")
# Words of a heading quoted in the question: "规范行政执法"那条措施, 「规范行政执法」这项任务.
_QUOTED_HEADING = re.compile(r"[\"“「『]([^\"“”「」『』]{2,40})[\"”」』](?:那|这|的)?(?:条|项|个)?(?:措施|任务|工作)?")
_SECTION = re.compile(rf"第{_NUM}(?:部分|章|大项)|(?<![\d(])([{CHINESE_NUMERAL_CHARS}]+)、")
_TOP = re.compile(rf"前{_NUM}(?:名|位|个|项)?|top\s*(\d+)", re.IGNORECASE)
_YEAR = r"(\d{4})年"
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Period:
    date_from: str
    date_to: str
    text: str  # the phrase as found, for the answer's message


_NEGATION_BEFORE = re.compile(r"(?:不|未|非|没有?|无)$")


def roles(text: str) -> tuple[str, ...]:
    """Roles the question names (牵头 → lead …); () when it names none or says 负责 (any role). A role only
    negated (不牵头但参加, 不牵头的措施) is left out: the others named, or else every other role."""
    named: set[str] = set()
    negated: set[str] = set()
    for word, role in ROLE_WORDS.items():
        for found in re.finditer(re.escape(word), text):
            (negated if _NEGATION_BEFORE.search(text[: found.start()]) else named).add(role)
    if not named and negated:
        named = set(ALL_ROLES) - negated
    return tuple(r for r in ALL_ROLES if r in named)


def measure_number(text: str) -> str:
    """第22项 / 第二十二项 / 22号措施 → "22"; "" when the question names no measure number."""
    match = _MEASURE_NUMBER.search(text)
    if not match:
        return ""
    return str(_to_int(next(g for g in match.groups() if g)))


@dataclass(frozen=True)
class UnitCount:
    """A condition on how many units a measure names: 没有牵头单位 → lead, 0..0; 牵头单位超过3个 → 4.."""

    roles: tuple[str, ...]
    least: int
    most: int
    text: str


_UNIT_WORD = r"(?P<word>牵头单位|参加单位|配合单位|参与单位|协办单位|责任单位|单位)"
_NO_UNIT = re.compile(rf"(?:没有|无|缺少|未写|未明确|未列)(?:明确的?)?{_UNIT_WORD}")
# (added to n for the fewest, added to n for the most); None: no bound on that side.
_BOUND_WORDS: dict[str, tuple[int | None, int | None]] = {
    "超过": (1, None),
    "不止": (1, None),
    "多于": (1, None),
    "大于": (1, None),
    "以上": (0, None),
    "不少于": (0, None),
    "至少": (0, None),
    "少于": (None, -1),
    "不到": (None, -1),
    "不超过": (None, 0),
    "至多": (None, 0),
    "只有": (0, 0),
    "仅有": (0, 0),
    "": (0, 0),
}
_RELATION = r"(?P<relation>不少于|不超过|超过|不止|多于|大于|少于|不到|至少|至多|只有|仅有)"
_COUNT = rf"(?P<n>\d+|[{CHINESE_NUMERAL_CHARS}]+)个(?:或|及)?(?P<above>以上)?"
_UNIT_BOUNDS = (
    re.compile(rf"{_UNIT_WORD}(?:数量|个数|数)?(?:在|有)?{_RELATION}?{_COUNT}"),  # 牵头单位超过3个
    re.compile(rf"(?<![前第]){_RELATION}?{_COUNT}{_UNIT_WORD}"),  # 超过3个牵头单位 (前5个单位 is a ranking)
)
_SEVERAL_UNITS = (  # two or more
    re.compile(rf"{_UNIT_WORD}(?:有)?(?:多个|好几个|几个以上)"),
    re.compile(rf"(?:多个|好几个){_UNIT_WORD}"),
)


def unit_count(text: str) -> UnitCount | None:
    """没有牵头单位 / 牵头单位超过3个 / 有3个以上牵头单位 / 只有1个牵头单位 → the bound; None when none."""
    absent = _NO_UNIT.search(text)
    if absent:
        return UnitCount(roles(absent.group("word")) or ALL_ROLES, 0, 0, absent.group(0))
    for pattern in _UNIT_BOUNDS:
        bound = pattern.search(text)
        if bound:
            n = _to_int(bound.group("n"))
            low, high = _BOUND_WORDS["以上" if bound.group("above") else bound.group("relation") or ""]
            least = n + low if low is not None else 0
            most = n + high if high is not None else 1_000_000
            return UnitCount(roles(bound.group("word")) or ALL_ROLES, least, most, bound.group(0))
    for pattern in _SEVERAL_UNITS:
        several = pattern.search(text)
        if several:
            return UnitCount(roles(several.group("word")) or ALL_ROLES, 2, 1_000_000, several.group(0))
    return None


_DEADLINE_WORD = r"(?:期限|时限|截止|完成时间|时间要求|时间节点)"
_NO_DEADLINE = re.compile(rf"(?:没有|无|未明确|未写|缺少|不设)(?:明确的?|具体的?)?(?:完成)?{_DEADLINE_WORD}")
_EVERY = r"(?:每年|每季度|每月|每半年|定期|周期性?|循环|按年)"
_TASK_WORD = r"(?:措施|任务|事项|工作)"
_RECURRING = re.compile(  # folded: ， is ,
    rf"{_EVERY}[^,。]*{_DEADLINE_WORD}|{_DEADLINE_WORD}[^,。]*{_EVERY}"
    rf"|{_EVERY}(?:要|需|须|应)?(?:完成|开展|报送|提交|报告|进行|举办|召开)?的{_TASK_WORD}"  # 每年定期完成的任务
)
_ANY_DEADLINE = re.compile(rf"有(?:明确的?|具体的?)?(?:完成)?{_DEADLINE_WORD}|{_DEADLINE_WORD}的措施")


DeadlineCondition = Literal["", "any", "recurring", "none"]


def deadline_kind(text: str) -> DeadlineCondition:
    """没有期限 → "none"; 每年…期限 / 定期完成的期限 → "recurring"; 有期限 → "any"; "" when the question
    asks none of these (a dated period is slots.period's)."""
    if _NO_DEADLINE.search(text):
        return "none"
    if _RECURRING.search(text):
        return "recurring"
    if _ANY_DEADLINE.search(text):
        return "any"
    return ""


def measure_numbers(text: str) -> tuple[str, ...]:
    """The forms a measure number the question names may be stored in: 第22项 → ("22",); 第(57)项 →
    ("(57)", "57") (a document numbering 57. is asked about as 第(57)项); 第(四)项 → ("(四)",); () for none."""
    bracketed = _BRACKETED_NUMBER.search(text)
    if bracketed:
        written = next(g for g in bracketed.groups() if g)
        return (f"({written})", written) if written.isdigit() else (f"({written})",)
    plain = measure_number(text)
    if plain:
        return (plain,)
    bare = _BARE_NUMBER.search(text)
    return (bare.group(1),) if bare else ()


def quoted_heading(text: str) -> str:
    """The words of a measure's heading the question quotes ("规范行政执法"那条措施); "" when none."""
    match = _QUOTED_HEADING.search(text)
    return match.group(1).strip() if match else ""


def section(text: str) -> str:
    """第四部分 / 四、 → "四" (the top heading label as documents write it); "" when none."""
    match = _SECTION.search(text)
    if not match:
        return ""
    return int_to_chinese(_to_int(next(g for g in match.groups() if g)))


def top_n(text: str) -> int:
    match = _TOP.search(text)
    return _to_int(next(g for g in match.groups() if g)) if match else 0


def instrument_kinds(text: str) -> tuple[str, ...]:
    """The kinds the question restricts instruments to: 法律 → (法律,); 法律法规 → 法律, 行政法规 and
    地方性法规 (what the phrase means in these documents); 法律和规章 → both; () for 法规 / 文件 (any)."""
    found: list[str] = []
    if "法律法规" in text:
        found += LAWS_AND_REGULATIONS
        text = text.replace("法律法规", "")
    for kind in INSTRUMENT_KINDS:  # longest kinds first: 行政法规 before 法规 words inside it
        if kind in text:
            found.append(kind)
            text = text.replace(kind, "")
    return tuple(dict.fromkeys(found))


def period(text: str) -> Period | None:
    """A deadline period: 2022年底前 / 2022年 → the year; 2022年6月底前 → that month; 2022年第三季度;
    2022年上半年; 2023年以前 → up to the end of 2022; 2022年以后 → from 2023."""
    match = re.search(_YEAR + r"(?:第?([一二三四1-4])季度|([上下])半年|(\d{1,2})月(?:份|底|末)?)?", text)
    if not match:
        return None
    year = int(match.group(1))
    quarter, half, month = match.group(2), match.group(3), match.group(4)
    after = text[match.end() : match.end() + 3]
    if month and 1 <= int(month) <= 12:
        first, last = int(month), int(month)
    elif quarter:
        first = 3 * _QUARTERS[quarter] - 2
        last = first + 2
    elif half:
        first, last = (1, 6) if half == "上" else (7, 12)
    else:
        first, last = 1, 12
        if re.match(r"(?:以前|之前)", after):  # 2023年以前: before the year starts
            return Period("0000-01-01", f"{year - 1}-12-31", match.group(0) + after[:2])
        if re.match(r"(?:以后|之后|起)", after):
            return Period(f"{year + 1}-01-01", "9999-12-31", match.group(0) + after[:2])
    start = f"{year:04d}-{first:02d}-01"
    end = f"{year:04d}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"
    return Period(start, end, match.group(0))


def _to_int(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else chinese_to_int(numeral)
