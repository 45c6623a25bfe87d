"""Small text helpers for answers: the sentence that holds a stored span, and a natural order for heading paths."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policykg.core.numerals import CHINESE_NUMERAL_CHARS, chinese_to_int

SENTENCE_ENDS = "。；;！!？?\n"
_OPEN = "(（[【〔"
_CLOSE = ")）]】〕"
_BREAKS = re.compile("[" + re.escape(_OPEN + _CLOSE + SENTENCE_ENDS) + "]")
_LABEL_NUMBER = re.compile(rf"(\d+)|([{CHINESE_NUMERAL_CHARS}]+)")


def sentences(text: str) -> list[str]:
    """Sentences split after 。;!? (full or half width) and line breaks, but never inside brackets, so a
    responsibility clause (牵头单位:县政府办、县司法局;参加单位:…) stays one sentence. A bracket left
    unclosed (garbled doc numbers such as 〔202124号) is dropped when an outer one closes."""
    return [text[a:b] for a, b in sentence_bounds(text)]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text` (as `sentences` cuts them), without surrounding blanks."""
    return list(_sentence_bounds(text))


def first_sentence(text: str) -> str:
    """The first sentence of `text` (a measure's number and heading), without cutting the rest."""
    bounds = next(_sentence_bounds(text), None)
    return text[bounds[0] : bounds[1]] if bounds else ""


def _sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    open_brackets: list[str] = []
    start = 0
    for found in _BREAKS.finditer(text):  # only the characters that open, close or end something
        ch, i = found.group(), found.start()
        if ch in _OPEN:
            open_brackets.append(ch)
        elif ch in _CLOSE:
            opener = _OPEN[_CLOSE.index(ch)]
            if opener in open_brackets:
                del open_brackets[len(open_brackets) - 1 - open_brackets[::-1].index(opener) :]
        elif not open_brackets or ch == "\n":
            if bounds := _stripped(text, start, i + 1):
                yield bounds
            start = i + 1
            open_brackets.clear()
    if bounds := _stripped(text, start, len(text)):
        yield bounds


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end) (the sentences it runs over, should it cross a cut);
    "" when the span does not lie in the text. Spans come from the store, so this is exact, not a search."""
    if not 0 <= start < end <= len(text):
        return ""
    covering = [(a, b) for a, b in sentence_bounds(text) if a < end and start < b]
    return text[covering[0][0] : covering[-1][1]] if covering else ""


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


@lru_cache(maxsize=1 << 16)  # a big answer sorts thousands of rows on a few hundred distinct paths
def path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for heading paths in document order: 二/(一)/2 before 二/(一)/10, 三是 after 二是."""
    key = []
    for label in path.split("/"):
        found = _LABEL_NUMBER.search(label)
        number = -1
        if found and found.group(1):
            number = int(found.group(1))
        elif found:
            try:
                number = chinese_to_int(found.group(2))
            except ValueError:
                number = -1
        # The bracket style ranks levels that share numbers: 一 / (一) / 1 / (1).
        key.append((number, len(label), label))
    return tuple(key)
