"""Bytes to text for plain-text and HTML documents: BOMs, UTF-8, GB18030, then Big5 as a last resort.

The order matters. Valid UTF-8 is almost never an accident, so it wins over a page's own charset
claim (portals often declare gb2312 and serve UTF-8). GB18030 decodes nearly any byte pair, so a
successful decode alone proves little: the text must also look like Chinese, or Big5 gets a try.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

TRIED = "UTF-8, UTF-16, GB18030, Big5"

# Longest BOM first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Charset labels pages declare, mapped to the codec that decodes every byte the label allows.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "big5-hkscs": "big5hkscs",
}

_SAMPLE_CHARS = 200_000  # enough to judge a decode; keeps a 50 MB file cheap
_MIN_HAN_TO_JUDGE = 20


class UndecodableError(ValueError):
    """The bytes are not text in any encoding this reader knows."""


def strip_bom(raw: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark names and the bytes after it, or (None, raw)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding, raw[len(bom) :]
    return None, raw


def guess_utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without a BOM shows as NUL bytes at every other position in ASCII-heavy text."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:65536]
    half = len(sample) // 2
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode document bytes into (text, encoding); raise UndecodableError when nothing fits.

    `declared` is a charset the content names for itself (an HTML meta tag); it is tried after
    UTF-8 and before the Chinese legacy encodings.
    """
    bom_encoding, body = strip_bom(raw)
    if bom_encoding:
        try:
            return body.decode(bom_encoding), bom_encoding
        except UnicodeDecodeError as exc:
            where = undecodable_at(raw, len(raw) - len(body), bom_encoding, exc)
            raise UndecodableError(f"invalid {bom_encoding.upper()} after its byte-order mark: {where}") from exc
    utf16 = guess_utf16_without_bom(raw)
    if utf16:
        try:
            return raw.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        furthest: tuple[int, str, UnicodeDecodeError] = (exc.start, "utf-8", exc)
    else:
        return _short_gb18030_passing_as_utf8(raw, text) or (text, "utf-8")
    utf16_chinese = _utf16_chinese_without_bom(raw)
    if utf16_chinese:
        return utf16_chinese
    fallback = None
    for encoding in _legacy_candidates(declared):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            # Valid multi-byte UTF-8 before the bad byte is no accident: the file is UTF-8, keep its place.
            utf8_text_before = furthest[1] == "utf-8" and not raw[: furthest[0]].isascii()
            if exc.start > furthest[0] and not utf8_text_before:
                furthest = (exc.start, encoding, exc)
            continue
        if _looks_like_chinese(text, encoding):
            return text, encoding
        if fallback is None and _odd_char_ratio(text[:_SAMPLE_CHARS]) < 0.1:
            fallback = text, encoding  # valid and not garbage, only unusual (traditional text in GBK)
    if fallback is not None:
        return fallback
    # Where the encoding that read furthest stopped: most often the one the file is in, with one bad byte.
    _, encoding, failure = furthest
    raise UndecodableError(f"cannot decode text (tried {TRIED}): {undecodable_at(raw, 0, encoding, failure)}")


def undecodable_at(raw: bytes, start: int, encoding: str, exc: UnicodeDecodeError) -> str:
    """Where decoding raw[start:] as `encoding` failed, for a person to find it: the bytes, their line
    (counted on the text before them) and their offset in the file."""
    offset = start + exc.start
    bad = raw[offset : start + max(exc.end, exc.start + 1)][:4]
    line = raw[start:offset].decode(encoding, "replace").count("\n") + 1
    name = codecs.lookup(encoding).name.upper()
    return f"byte {bad.hex(' ').upper()} at line {line:,}, byte offset {offset:,} is not {name}"


def _short_gb18030_passing_as_utf8(raw: bytes, utf8: str) -> tuple[str, str] | None:
    """A few GB18030 characters can form valid UTF-8 (元 = D4 AA = U+052A).

    That UTF-8 reading has no Han at all and shows scripts beyond Latin (Cyrillic, Armenian,
    Hebrew …); if the GB18030 reading is common Chinese instead, it is the right one. Accented
    Latin text stays UTF-8.
    """
    sample = utf8[:_SAMPLE_CHARS]
    if sample.isascii() or _HAN.search(sample) or all(ord(ch) <= 0x24F for ch in sample):
        return None
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text[:_SAMPLE_CHARS] if ord(ch) > 0x7F]
    common = _common_han("gb18030")
    if non_ascii and sum(ch in common for ch in non_ascii) >= 0.9 * len(non_ascii):
        return text, "gb18030"
    return None


def _utf16_chinese_without_bom(raw: bytes) -> tuple[str, str] | None:
    """Chinese UTF-16 without a BOM has no NUL pattern to see; it must read as Chinese text instead."""
    if len(raw) < 40 or len(raw) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        sample = raw[: 2 * _SAMPLE_CHARS].decode(encoding, "replace")  # U+FFFD counts against it
        han = len(_HAN.findall(sample))
        if han >= _MIN_HAN_TO_JUDGE and len(_TEXTLIKE.findall(sample)) >= 0.95 * len(sample):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


# Declared charsets worth trying first. Single-byte ones (iso-8859-1, windows-1252) decode any
# bytes at all, and portals that declare them mostly serve GBK: they are not taken at their word.
_TRUSTED_DECLARATIONS = frozenset({"gb18030", "big5", "big5hkscs", "cp950"})


def _legacy_candidates(declared: str | None) -> list[str]:
    candidates = []
    if declared:
        codec = _codec_name(declared)
        if codec in _TRUSTED_DECLARATIONS:
            candidates.append(codec)
    for codec in ("gb18030", "big5"):
        if codec not in candidates:
            candidates.append(codec)
    return candidates


def _codec_name(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _looks_like_chinese(text: str, encoding: str) -> bool:
    """Does a legacy decode read as real text rather than bytes forced into characters?

    Real Chinese text uses mostly the common characters of its script; bytes of another encoding
    read as GB18030 (or GB18030 read as Big5) land on rare characters, symbols and private-use
    points. Text with too few Han characters to judge is accepted.
    """
    sample = text[:_SAMPLE_CHARS]
    han = _HAN.findall(sample)
    if len(han) < _MIN_HAN_TO_JUDGE:
        return _odd_char_ratio(sample) < 0.1
    common = _common_han(encoding)
    if not common:  # a declared encoding we hold no frequency table for: trust the declaration
        return True
    share = sum(1 for ch in han if ch in common) / len(han)
    return share >= 0.7


_HAN = re.compile(r"[\u4e00-\u9fff]")
# What Chinese documents are made of: Han, ASCII, CJK and general punctuation, full-width forms.
_TEXTLIKE = re.compile(r"[\u4e00-\u9fff\t\n\r\x20-\x7e\u3000-\u303f\uff00-\uffef\u2000-\u206f\xa0-\xff]")
# Characters no real document is made of: private use, Hangul syllables, CJK extension A,
# Yi, compatibility ideographs, half-width katakana.
_ODD = re.compile(r"[\ue000-\uf8ff\uac00-\ud7af\u3400-\u4dbf\ua000-\ua4cf\uf900-\ufaff\uff61-\uff9f]")


def _odd_char_ratio(sample: str) -> float:
    non_ascii = sum(1 for ch in sample if ord(ch) > 0x7F)
    if not non_ascii:
        return 0.0
    return len(_ODD.findall(sample)) / non_ascii


@cache
def _common_han(encoding: str) -> frozenset[str]:
    """The frequently used Han characters of an encoding: GB2312 level 1 or Big5 常用字."""
    if encoding in ("gb18030", "gbk", "gb2312"):
        return _decode_rows("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    if encoding in ("big5", "big5hkscs", "cp950"):
        return _decode_rows("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    return frozenset()


def _decode_rows(encoding: str, leads: range, trails: list[int] | range) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)
