"""Small text helpers for answers: the sentence that holds a mention, and a natural order for heading paths."""

from __future__ import annotations

import re

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
    out: list[str] = []
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
            out.append(text[start : i + 1])
            start = i + 1
            open_brackets.clear()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def sentence_with(text: str, *mentions: str, last: bool = False) -> str:
    """The first sentence of `text` holding the first of `mentions` found in it ("" when none is).
    `last=True` takes the last such sentence: a unit named in the body and again in the clause at the end
    was extracted from the clause."""
    parts = sentences(text)
    if last:
        parts.reverse()
    for mention in mentions:
        if not mention:
            continue
        for sentence in parts:
            if mention in sentence:
                return sentence
    return ""


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
