"""PDF to text through its text layer (pypdf). Scanned PDFs have none; OCR is out of scope."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pypdf import PdfReader
from pypdf.errors import LimitReachedError

from policykg.ingest.limits import Deadline, LimitExceeded, ReadLimits


class PdfProblem(ValueError):
    """The PDF cannot give text: encrypted, or without a text layer. The message is the reason."""


# A CJK character, one space, a CJK character: what letter-spaced (justified) text extracts to.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACED_HAN = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff]")

# A line that starts an item of its own: a heading number or a responsibility line.
_ITEM_START = re.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇\d]+[章节条部分]|[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|\d+\s*[、.．](?!\d)|[①-⑳⑴-⒇⒈-⒛]|[一二三四五六七八九十]+是|附件|(?:牵头|责任|参加|配合|协办)单位)"
)
_SENTENCE_END = tuple("。:：;；!！?？")
# A table row: cells the text layer separates by spaces (序号 重点任务 牵头单位 …), two of them at least
# between Chinese words (the spaces pypdf puts around digits in prose, 2021 年 6 月, are not cells). A row
# ends where its line ends, however wide it is.
_CELL_GAP = re.compile(r"(?<=\S) (?=\S)")
_HAN_GAP = re.compile(r"[\u4e00-\u9fff] (?=[\u4e00-\u9fff])")
_MIN_FULL_LINES = 5


def pdf_to_text(raw: bytes, limits: ReadLimits | None = None, deadline: Deadline | None = None) -> str:
    """The text of every page, pages separated by a line break.

    Pages, time and text are bounded by `limits`; pypdf bounds each stream's inflated size itself
    (75 MB, its Configuration defaults), which is refused as a limit too."""
    limits = limits or ReadLimits.from_env()
    deadline = deadline or limits.deadline()
    try:
        with _quiet_pypdf():
            pages = _page_texts(PdfReader(io.BytesIO(raw), strict=False), limits, deadline)
    except LimitReachedError:  # pypdf's own bounds, not settings of ours
        raise LimitExceeded(
            "a stream or array of the PDF passes pypdf's bound (75 MB inflated, 100,000 elements; not a setting)"
        ) from None
    if not any(page.strip() for page in pages):
        raise PdfProblem("PDF has no text layer (scanned image?)")
    return "\n".join(rejoin_wrapped_lines(_undo_letter_spacing(page.rstrip("\n"))) for page in pages)


def _page_texts(reader: PdfReader, limits: ReadLimits, deadline: Deadline) -> list[str]:
    """Each page's text, within the page, time and text bounds."""
    if reader.is_encrypted and not reader.decrypt(""):
        raise PdfProblem("PDF is encrypted (a password is needed to read it)")
    # The page tree's own count first: refusing on it costs nothing, while counting the pages walks
    # the whole tree (seconds for thousands); a count that lies is caught by the walk.
    count = max(_declared_pages(reader), 0)
    if count <= limits.pdf_pages:
        count = len(reader.pages)
    if count > limits.pdf_pages:
        raise limits.exceeded("pdf_pages", f"the PDF has {count:,} pages")
    pages: list[str] = []
    chars = 0
    for page in reader.pages:
        deadline.check("reading the PDF's pages")
        pages.append(page.extract_text() or "")
        chars += len(pages[-1])
        limits.check_text(chars)
    return pages


def _declared_pages(reader: PdfReader) -> int:
    """The /Count of the root page tree, or 0 when it is missing or not a number."""
    try:
        pages: Any = reader.trailer["/Root"]["/Pages"]  # type: ignore[index]  # a dictionary, when well-formed
        return int(pages["/Count"])
    except Exception:
        return 0


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes to a damaged file, up to ERROR level; the CLI prints one
    line per problem, so they are silenced while reading (and the level restored after)."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _undo_letter_spacing(text: str) -> str:
    """Drop the spaces a letter-spaced layout puts between Chinese characters.

    Only when they are the rule (most adjacent Han pairs spaced apart), so that the real spaces
    of normal text (中共宁远县委 宁远县人民政府) stay.
    """
    spaced = len(_SPACED_HAN.findall(text))
    if spaced and spaced > 2 * len(_HAN_PAIR.findall(text)):
        return _SPACED_HAN.sub("", text)
    return text


def rejoin_wrapped_lines(page: str) -> str:
    """Join the lines a PDF broke only because the page was full.

    A PDF has no paragraphs, only lines, so a responsibility clause or a sentence wrapped at the
    margin reaches us cut in two. A line as wide as the page's full lines that ends mid-sentence is
    joined with the next, unless the next starts an item of its own (一、, (二), 3., 牵头单位 …).
    Lines ending a sentence are left alone: a break there costs nothing.
    """
    lines = page.split("\n")
    widths = [_width(line) for line in lines]
    long_widths = sorted(width for width in widths if width >= 10)
    if len(long_widths) < _MIN_FULL_LINES:
        return page
    full = long_widths[len(long_widths) // 2] - 1.5  # most long lines of a text page are full ones
    out = [lines[0]]
    for previous_width, line in zip(widths, lines[1:], strict=False):
        previous = out[-1].rstrip()
        if (
            previous_width >= full
            and previous
            and not previous.endswith(_SENTENCE_END)
            and line.strip()
            and not _ITEM_START.match(line)
            and not (_is_table_row(previous) or _is_table_row(line))
        ):
            out[-1] = previous + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _is_table_row(line: str) -> bool:
    return len(_HAN_GAP.findall(line)) >= 2 and len(_CELL_GAP.findall(line)) >= 3


def _width(line: str) -> float:
    """Printed width in Chinese characters: ASCII letters and digits are half as wide."""
    line = line.strip()
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in line)
