"""Calendar dates as documents write them: 2024年3月10日, 2024-03-10, 2024/03/29, 2024.3.10, 二〇二四年三月十日,
and a signature date whose 年/月/日 the portal lost (2022621)."""

from __future__ import annotations

import re

from policykg.core.numerals import chinese_to_int

_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0}
_YEAR_DIGITS.update({ch: i for i, ch in enumerate("一二三四五六七八九", start=1)})
_CN = "〇○零Ｏ一二三四五六七八九十"
_DIGIT_DATE = re.compile(r"(?<!\d)(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})(?!\d)\s*日?")
_CHINESE_DATE = re.compile(rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日")
# A line that is nothing but a date (the signature's date line), possibly in brackets.
_DATE_ONLY = re.compile(
    rf"^\s*\(?\s*(?:\d{{4}}\s*(?:年|-|/|\.)\s*\d{{1,2}}\s*(?:月|-|/|\.)\s*\d{{1,2}}\s*日?"
    rf"|[{_CN}]{{4}}\s*年\s*[{_CN}]{{1,3}}\s*月\s*[{_CN}]{{1,3}}\s*日|\d{{6,8}})\s*\)?\s*$"
)
_GARBLED = re.compile(r"^\s*(\d{4})(\d{2,4})\s*$")  # 2022621: 年/月/日 lost in scraping


def first_date(text: str) -> str:
    """The ISO form of the first valid date written in text, or ""."""
    found = [(m.start(), _digits(m)) for m in _DIGIT_DATE.finditer(text)]
    found += [(m.start(), _chinese(m)) for m in _CHINESE_DATE.finditer(text)]
    for _, date in sorted(found):
        if date:
            return date
    return ""


def is_date_line(line: str) -> bool:
    return bool(_DATE_ONLY.match(line))


def date_of_line(line: str) -> str:
    """The date of a line that holds only a date (a signature's date line), or ""."""
    if not _DATE_ONLY.match(line):
        return ""
    date = first_date(line)
    if date:
        return date
    m = _GARBLED.match(line)
    if m:
        year, rest = int(m.group(1)), m.group(2)
        for cut in range(1, len(rest)):  # 621 → 6/21 or 62/1: the first split that is a date wins
            date = valid_date(year, int(rest[:cut]), int(rest[cut:]))
            if date:
                return date
    return ""


def valid_date(year: int, month: int, day: int) -> str:
    if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _digits(m: re.Match[str]) -> str:
    return valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _chinese(m: re.Match[str]) -> str:
    """二〇二四年三月二十日: the year digit by digit, month and day as numbers."""
    try:
        year = int("".join(str(_YEAR_DIGITS[ch]) for ch in m.group(1)))
        return valid_date(year, chinese_to_int(_zero_free(m.group(2))), chinese_to_int(_zero_free(m.group(3))))
    except (KeyError, ValueError):
        return ""


def _zero_free(numeral: str) -> str:
    return numeral.replace("〇", "零").replace("○", "零")
