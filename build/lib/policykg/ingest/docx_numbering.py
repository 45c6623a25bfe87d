"""Automatic list numbering of .docx paragraphs, rendered as the labels Word shows.

Plans written in Word often number their headings automatically (一、 / (一) / 1. / (1)): the
numbers live in numbering.xml, not in the paragraph text, and without them the outline is lost.
This covers what such plans use: numId/ilvl on the paragraph or its style, lvlText patterns
("%1、", "(%1)", "%1.%2"), start values and overrides, restarts of deeper levels, and the number
formats of Chinese documents. Counters are shared by lists of one abstract definition unless a
list overrides its start, as Word does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_MAX_LEVELS = 9
_NO_SEPARATOR_AFTER = tuple("、.．)）:：") + tuple(chr(c) for c in range(0x2460, 0x24FF))


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # isLgl: every number in the label shown as decimal
    suffix: str = "tab"  # tab | space | nothing
    style: str = ""  # the paragraph style this level is linked to


@dataclass
class _List:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)


class Numbering:
    """Turns each numbered paragraph, in document order, into its label ("一、", "(二)", "3.")."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNum -> numbering style it follows
        self._lists: dict[str, _List] = {}
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._counters: dict[tuple[str, ...], list[int | None]] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def label(self, paragraph: Any) -> tuple[str, str]:
        """(label, suffix) for a w:p element; ("", "") when it is not numbered. Advances the count."""
        found = self._paragraph_numbering(paragraph)
        if found is None:
            return "", ""
        num_id, ilvl = found
        levels = self._levels(num_id)
        if levels is None or ilvl not in levels:
            return "", ""
        counters = self._counter(num_id)
        level = levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = self._start(num_id, ilvl, levels) if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            counters[deeper] = None
        return self._render(level, levels, counters, num_id), level.suffix

    # --- reading the parts -----------------------------------------------------------------

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            if key is None:
                continue
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(f"{W}lvl"):
                parsed = _parse_level(lvl)
                if parsed is not None:
                    levels[parsed[0]] = parsed[1]
            self._abstracts[key] = levels
            link = abstract.find(f"{W}numStyleLink")
            if link is not None and link.get(f"{W}val"):
                self._style_links[key] = link.get(f"{W}val")
        for num in root.iter(f"{W}num"):
            num_id, abstract_ref = num.get(f"{W}numId"), num.find(f"{W}abstractNumId")
            if num_id is None or abstract_ref is None:
                continue
            entry = _List(abstract_ref.get(f"{W}val") or "")
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                start = override.find(f"{W}startOverride")
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start.get(f"{W}val"), 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None and (parsed := _parse_level(lvl)) is not None:
                    entry.level_overrides[ilvl] = parsed[1]
            self._lists[num_id] = entry

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            num_pr = style.find(f"{W}pPr/{W}numPr")
            num_id = ilvl = None
            if num_pr is not None:
                num_id = _val(num_pr.find(f"{W}numId"))
                ilvl_text = _val(num_pr.find(f"{W}ilvl"))
                ilvl = _int(ilvl_text, 0) if ilvl_text is not None else None
            self._styles[style_id] = (num_id, ilvl, _val(style.find(f"{W}basedOn")))

    # --- resolving a paragraph -------------------------------------------------------------

    def _paragraph_numbering(self, paragraph: Any) -> tuple[str, int] | None:
        p_pr = paragraph.find(f"{W}pPr")
        if p_pr is None:
            return None
        num_pr = p_pr.find(f"{W}numPr")
        num_id = _val(num_pr.find(f"{W}numId")) if num_pr is not None else None
        ilvl_text = _val(num_pr.find(f"{W}ilvl")) if num_pr is not None else None
        ilvl = _int(ilvl_text, 0) if ilvl_text is not None else None
        style_id = _val(p_pr.find(f"{W}pStyle"))
        if num_id is None and style_id:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self._level_for_style(num_id, style_id)
        return num_id, max(0, min(ilvl, _MAX_LEVELS - 1))

    def _style_numbering(self, style_id: str) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and current in self._styles:
            seen.add(current)
            num_id, ilvl, based_on = self._styles[current]
            if num_id is not None:
                return num_id, ilvl
            current = based_on
        return None, None

    def _level_for_style(self, num_id: str, style_id: str | None) -> int:
        levels = self._levels(num_id) or {}
        for index, level in levels.items():
            if style_id and level.style == style_id:
                return index
        return 0

    def _levels(self, num_id: str) -> dict[int, _Level] | None:
        entry = self._lists.get(num_id)
        if entry is None:
            return None
        levels = self._abstracts.get(entry.abstract)
        linked_style = self._style_links.get(entry.abstract)
        if linked_style and not levels:  # the definition lives with a numbering style
            linked_num, _ = self._style_numbering(linked_style)
            linked = self._lists.get(linked_num or "")
            levels = self._abstracts.get(linked.abstract) if linked else None
        if levels is None:
            return None
        return {**levels, **entry.level_overrides}

    def _counter(self, num_id: str) -> list[int | None]:
        entry = self._lists[num_id]
        key = ("list", num_id) if entry.start_overrides else ("abstract", entry.abstract)
        return self._counters.setdefault(key, [None] * _MAX_LEVELS)

    def _start(self, num_id: str, ilvl: int, levels: dict[int, _Level]) -> int:
        override = self._lists[num_id].start_overrides.get(ilvl)
        return override if override is not None else levels[ilvl].start

    def _render(self, level: _Level, levels: dict[int, _Level], counters: list[int | None], num_id: str) -> str:
        if level.fmt in ("bullet", "none"):
            return "" if level.fmt == "none" else "•"

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            if not 0 <= index < _MAX_LEVELS or index not in levels:
                return ""
            value = counters[index]
            if value is None:
                value = self._start(num_id, index, levels)
            fmt = "decimal" if level.legal else levels[index].fmt
            return format_number(value, fmt)

        return re.sub(r"%([1-9])", number, level.text)


def join_label(label: str, suffix: str, text: str) -> str:
    """Label and paragraph text as the reader sees them: no gap after 、 . ) and the like."""
    if not label:
        return text
    if suffix == "nothing" or label.endswith(_NO_SEPARATOR_AFTER):
        return label + text
    return f"{label} {text}"


def _parse_level(lvl: Any) -> tuple[int, _Level] | None:
    index = _int(lvl.get(f"{W}ilvl"), -1)
    if not 0 <= index < _MAX_LEVELS:
        return None
    text_el = lvl.find(f"{W}lvlText")
    return index, _Level(
        start=_int(_val(lvl.find(f"{W}start")), 1),
        fmt=_val(lvl.find(f"{W}numFmt")) or "decimal",
        text=(text_el.get(f"{W}val") or "") if text_el is not None else f"%{index + 1}.",
        legal=lvl.find(f"{W}isLgl") is not None,
        suffix=_val(lvl.find(f"{W}suff")) or "tab",
        style=_val(lvl.find(f"{W}pStyle")) or "",
    )


def _val(element: Any | None) -> str | None:
    return element.get(f"{W}val") if element is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# --- number formats -------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese_numeral(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (below 10,000)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    place_values = ((1000, units[2]), (100, units[1]), (10, units[0]), (1, ""))
    zero_pending = False
    for value, unit in place_values:
        digit = n // value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append(digits[0])
            zero_pending = False
        parts.append(digits[digit] + unit)
    text = "".join(parts)
    if 10 <= n < 20 and digits == _CN_DIGITS:
        text = text[1:]  # 十一, not 一十一
    return text


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, symbol in numerals:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: 27 → AA


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    return lambda n: chr(first + n - 1) if 1 <= n <= count else str(n)


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": chinese_numeral,
    "chineseCountingThousand": chinese_numeral,
    "japaneseCounting": chinese_numeral,
    "taiwaneseCounting": chinese_numeral,
    "taiwaneseCountingThousand": chinese_numeral,
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)).replace("零", "〇"),
    "chineseLegalSimplified": lambda n: chinese_numeral(n, _CN_LEGAL_DIGITS, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_numeral(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
}


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats; unknown formats fall back to decimal."""
    return _FORMATS.get(fmt, str)(n)
