"""PDF to text through its text layer (pypdf). Scanned PDFs have none; OCR is out of scope."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader


class PdfProblem(ValueError):
    """The PDF cannot give text: encrypted, or without a text layer. The message is the reason."""


# A CJK character, one space, a CJK character: what letter-spaced (justified) text extracts to.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACED_HAN = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff]")


def pdf_to_text(raw: bytes) -> str:
    """The text of every page, pages separated by a line break."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable files warn a lot
    reader = PdfReader(io.BytesIO(raw), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise PdfProblem("PDF is encrypted (a password is needed to read it)")
    pages = [page.extract_text() or "" for page in reader.pages]
    text = "\n".join(page.rstrip("\n") for page in pages)
    if not text.strip():
        raise PdfProblem("PDF has no text layer (scanned image?)")
    return _undo_letter_spacing(text)


def _undo_letter_spacing(text: str) -> str:
    """Drop the spaces a letter-spaced layout puts between Chinese characters.

    Only when they are the rule (most adjacent Han pairs spaced apart), so that the real spaces
    of normal text (中共宁远县委 宁远县人民政府) stay.
    """
    spaced = len(_SPACED_HAN.findall(text))
    if spaced and spaced > 2 * len(_HAN_PAIR.findall(text)):
        return _SPACED_HAN.sub("", text)
    return text
