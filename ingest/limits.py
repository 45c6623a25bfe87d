"""What a document may cost to read: bounds on size, inflation, nesting, element counts, pages, text and time.

Every bound is far above any real policy document (a national plan is a few MB of XML, a few thousand
paragraphs, a few hundred pages) and low enough that a hostile file (a zip bomb, 200,000 unclosed
<div>s, a sheet of millions of cells) is refused in seconds with bounded memory. Each is a setting,
POLICYKG_MAX_*, read from the environment by ReadLimits.from_env(); a reader that passes a bound raises
LimitExceeded, whose message names the bound and its setting.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, fields

from policykg.core.errors import PolicyKGError

MB = 1024 * 1024


class LimitExceeded(ValueError):
    """A document passes one of the read limits; the message says which (and its setting)."""


class BadSetting(PolicyKGError):
    """A POLICYKG_MAX_* variable that is not a positive number. Not an InputError: it is no document's
    fault, so it is reported as itself ("POLICYKG_MAX_CELLS: setting 'lots' is not a number"), not
    under the name of the first file read."""


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on reading one document. The setting of each field is POLICYKG_MAX_ + its name upper-cased."""

    file_mb: int = 512  # the file on disk
    part_mb: int = 200  # one entry of a .docx/.xlsx inflated (the body, a sheet, an image)
    unpacked_mb: int = 1024  # all entries of a .docx/.xlsx inflated together
    zip_entries: int = 10_000  # entries in a .docx/.xlsx
    nesting: int = 2_000  # tags left open inside each other in an HTML page (XML: libxml2's own 256)
    elements: int = 1_000_000  # XML elements in a .docx/.xlsx, tags in an HTML page
    cells: int = 1_000_000  # stored cells of a workbook
    pdf_pages: int = 5_000  # pages of a PDF
    text_chars: int = 64_000_000  # characters of the text read
    read_seconds: int = 60  # wall time spent reading one document

    @classmethod
    def from_env(cls) -> ReadLimits:
        """The defaults, each overridden by its POLICYKG_MAX_* variable when set."""
        values = {}
        for field in fields(cls):
            name = setting(field.name)
            raw = os.environ.get(name, "").strip()
            if raw:
                values[field.name] = _positive_int(name, raw)
        return cls(**values)

    def deadline(self) -> Deadline:
        return Deadline(self.read_seconds, self.exceeded)

    def exceeded(self, field_name: str, what: str) -> LimitExceeded:
        """The error for passing a bound: 'WHAT (limit POLICYKG_MAX_X=value)'."""
        return LimitExceeded(f"{what} (limit {setting(field_name)}={getattr(self, field_name)})")

    def check_text(self, chars: int) -> None:
        if chars > self.text_chars:
            raise self.exceeded("text_chars", f"text runs past {self.text_chars:,} characters")


def setting(field_name: str) -> str:
    """The environment variable of a ReadLimits field."""
    return f"POLICYKG_MAX_{field_name.upper()}"


class Deadline:
    """The wall-time bound on reading one document, checked between steps of the readers' loops (a C
    parser cannot be stopped midway; the size, element and nesting bounds keep those steps short)."""

    def __init__(self, seconds: float, exceeded: Callable[[str, str], LimitExceeded]) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._exceeded = exceeded

    def check(self, doing: str) -> None:
        if time.monotonic() > self._end:
            raise self._exceeded("read_seconds", f"{doing} takes longer than {self.seconds:g} s")


def _positive_int(name: str, raw: str) -> int:
    try:
        value = float(raw)
    except ValueError:
        raise BadSetting(f"{name}: setting {raw!r} is not a number") from None
    if not math.isfinite(value) or value < 1:
        raise BadSetting(f"{name}: setting {raw!r} must be a positive number (1 or more)")
    return int(value)
