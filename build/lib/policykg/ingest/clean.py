"""Cleaning: a working copy of the text that every later stage reads.

Cleaning never changes the text's length: each character is replaced by exactly one character and portal
chrome is blanked rather than cut. So an offset in the cleaned text is the same offset in the original,
and every span the stages produce points into the original file text without a translation table.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Full-width and variant punctuation seen in the wild, mapped to one spelling each (one char to one char).
_CHAR_MAP = {
    "（": "(",
    "）": ")",
    "：": ":",
    "；": ";",
    "，": ",",
    "．": ".",
    "！": "!",
    "？": "?",
    "［": "[",
    "］": "]",
    "【": "[",
    "】": "]",
    "＜": "<",
    "＞": ">",
    "﹤": "<",
    "‹": "<",
    "›": ">",
    "«": "《",
    "»": "》",
    "﹥": ">",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "－": "-",
    "～": "~",
    "〜": "~",
    "\u3000": " ",
    "\xa0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\r": "\n",
    "「": "“",
    "」": "”",
    "『": "“",
    "』": "”",
    "﹝": "〔",
    "﹞": "〕",
}
# Full-width digits and Latin letters.
_CHAR_MAP.update({chr(0xFF10 + i): str(i) for i in range(10)})
_CHAR_MAP.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_CHAR_MAP.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_TRANSLATION = str.maketrans(_CHAR_MAP)

# Lines that belong to the portal page around the document, not to the document: breadcrumbs (当前位置：
# 首页 > …, 首页→…, 您所在的位置), font-size and share widgets, print/close buttons, page clocks (今天是…),
# navigation words, QR-code prompts and PDF page furniture. Matched on the cleaned text (ASCII > and :).
_CHROME_LINE = re.compile(
    r"^\s*(?:[•·]\s*)?(?:"
    r"当前位置|您现在所在的位置|您当前(?:所在)?的?位置|您(?:所在)?的位置|所在位置|现在位置|当前页面|位置\s*:\s*首页|"
    r"(?:网站)?首页\s*(?:>|>>|»|→|-{1,2}>|/|\\|\|)|"
    r"今天是|今日是|"
    r"分享到|分享至|分享\s*:|扫一扫|用微信扫描|微信扫一扫|手机扫码|"
    r"\[?\s*字号|字体\s*(?:大小)?\s*[:\[]|\[\s*字体|\[\s*(?:大\s*[\]\s]|打印|关闭|收藏|返回)|"
    r"打印(?:本页|此页|文章)?\s*(?:关闭(?:窗口|本页)?)?\s*$|关闭(?:窗口|本页)?\s*$|收藏\s*$|返回顶部|"
    r"上一篇|下一篇|相关文档|相关链接|相关阅读|相关新闻|责任编辑|附件:\s*$|视频:\s*$|•\s*附件|•\s*视频|"
    r"新媒体\s*$|智能机器人\s*$|无标题文档\s*$|×\s*$|无障碍|(?:简体|繁体|繁體)(?:中文|版)?\s*(?:\||/|\s)|"
    r"-\s*\d{1,4}\s*-\s*$|第\s*\d+\s*页\s*(?:/|,)?\s*共\s*\d+\s*页\s*$"  # PDF page furniture
    r")"
)
# Chrome inside a line the document shares (发布时间：… 字号：大 中 小 分享到：…): blanked from the widget to the
# line end. 发文字号 is a field, so 字号 / 字体 only count when no Chinese character runs into them.
_CHROME_TAIL = re.compile(
    r"字号\s*:|[\[【]\s*字[号体]|字体\s*(?:大小)?\s*[:\[]|分享到|分享至|[\[【]\s*(?:打印|关闭)|打印本页|关闭窗口|扫一扫"
)
# A page clock anywhere (今天是：2024年5月6日 星期一 农历四月廿九; 2019年12月3日星期二): a date with a weekday is the
# day the page was viewed, never the document's date.
_PAGE_CLOCK = re.compile(
    r"(?:今[天日]是\s*:?\s*)?\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*"
    r"(?:星期|礼拜|周)[一二三四五六日天](?:\s*农历\s*\S+)?"
)


@dataclass(frozen=True)
class CleanText:
    original: str
    text: str  # same length as original; offsets are shared

    def __post_init__(self) -> None:
        assert len(self.text) == len(self.original)


def clean(original: str) -> CleanText:
    text = to_simplified(original.translate(_TRANSLATION))
    return CleanText(original=original, text=blank_chrome(text))


def normalise(text: str) -> str:
    """Punctuation and script normalisation only, for short strings such as names and titles (always
    converted: a short string may hold none of the characters the whole-text check looks for)."""
    return to_simplified(text.translate(_TRANSLATION), always=True)


def blank_chrome(text: str) -> str:
    """Replace portal chrome with spaces so later stages skip it without shifting offsets: whole chrome
    lines, widget tails of shared lines, and page clocks wherever they sit."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _CHROME_LINE.match(line):
            lines[i] = " " * len(line)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    for i in _lines_holding(text, starts, _CLOCK_WORDS):
        lines[i] = _PAGE_CLOCK.sub(_spaces, lines[i])
    for i in _lines_holding(text, starts, _WIDGET_WORDS):
        lines[i] = _without_widget_tail(lines[i])
    return "\n".join(lines)


# Words a line must hold before the (slower) clock and widget patterns are tried on it.
_CLOCK_WORDS = ("星期", "礼拜", *(f"周{day}" for day in "一二三四五六日天"))
_WIDGET_WORDS = ("字号", "字体", "分享", "打印", "关闭", "扫一扫")


def _lines_holding(text: str, starts: list[int], words: tuple[str, ...]) -> list[int]:
    """Indices of the lines where one of the words occurs, found with str.find over the whole text."""
    found: set[int] = set()
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            found.add(bisect.bisect_right(starts, pos) - 1)
            pos = text.find(word, pos + 1)
    return sorted(found)


def _without_widget_tail(line: str) -> str:
    for m in _CHROME_TAIL.finditer(line):
        before = line[m.start() - 1] if m.start() else ""
        if m.group(0).startswith(("字号", "字体")) and "\u4e00" <= before <= "\u9fff":
            continue  # 发文字号, or the word inside a sentence
        return line[: m.start()] + " " * (len(line) - m.start())
    return line


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


# Characters that exist only in traditional script and are common in these documents; a cheap test
# that spares the converter on the (usual) simplified text.
_TRADITIONAL_HINTS = set("與為國會書長當這個們說對發關開門東車時實現經點義區術傳產從風體條規劃執機構權責務單負參協辦縣")


def to_simplified(text: str, always: bool = False) -> str:
    """Traditional to simplified, character by character where a phrase conversion would change length."""
    if not always and _TRADITIONAL_HINTS.isdisjoint(text):
        return text
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return str(converted)
    return "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in text)
