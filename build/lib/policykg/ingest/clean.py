"""Cleaning: a working copy of the text that every later stage reads.

Cleaning never changes the text's length: each character is replaced by exactly one character and portal
chrome is blanked rather than cut. So an offset in the cleaned text is the same offset in the original,
and every span the stages produce points into the original file text without a translation table.
"""

from __future__ import annotations

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

# Lines that belong to the portal page around the document, not to the document.
_CHROME_LINE = re.compile(
    r"^\s*(?:"
    r"当前位置|您现在所在的位置|您的位置|所在位置|首页\s*>|"
    r"分享到|分享至|分享:|扫一扫|用微信扫描|【?字号|字体[::【]|【\s*字体|"
    r"打印(?:本页|此页)?\s*$|关闭(?:窗口|本页)?\s*$|收藏\s*$|"
    r"上一篇|下一篇|相关文档|相关链接|附件:\s*$|视频:\s*$|•\s*附件|•\s*视频|"
    r"新媒体\s*$|智能机器人\s*$|无标题文档\s*$|×\s*$|\[\s*字体|"
    r"-\s*\d{1,4}\s*-\s*$|第\s*\d+\s*页\s*(?:/|,)?\s*共\s*\d+\s*页\s*$"  # PDF page furniture
    r")"
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
    """Replace portal chrome lines with spaces so later stages skip them without shifting offsets."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _CHROME_LINE.match(line):
            lines[i] = " " * len(line)
    return "\n".join(lines)


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
