"""Read a document file into its text: the "original text" every extracted span points into.

The format is told from the content, not the file name: a portal page saved as .txt, a .docx
renamed .doc or a PDF without an extension all read correctly, and a picture named .txt is
refused. Every failure is an InputError naming the file with a one-line reason; nothing else
escapes.

Line breaks in the result are always "\\n": CR LF, CR and the other characters Python's
str.splitlines() treats as line breaks (VT, FF, FS, GS, RS, NEL, LS, PS) are turned into "\\n", so
that offsets counted by lines and by characters agree.
"""

from __future__ import annotations

import email
import io
import os
import zipfile
import zlib
from pathlib import Path

from policykg.core.errors import InputError
from policykg.ingest.archive_limits import check_archive
from policykg.ingest.docx_reader import docx_to_text
from policykg.ingest.html_reader import declared_charset, html_to_text, looks_like_html
from policykg.ingest.limits import MB, BadSetting, Deadline, LimitExceeded, ReadLimits
from policykg.ingest.pdf_reader import PdfProblem, pdf_to_text
from policykg.ingest.text_decoding import UndecodableError, decode_text, strip_bom
from policykg.ingest.xlsx_reader import xlsx_to_text

# Leading bytes of binary formats people may pick by mistake, with what to call them.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"8BPS", "Photoshop image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media file"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"%!PS", "PostScript file"),
)
# Documents in formats this reader does not take, with what to do instead.
_UNSUPPORTED: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office format (.doc, .wps, .xls) is not supported: save it as .docx"),
    (b"{\\rtf", "RTF is not supported: save it as .docx or .txt"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Control characters no text document is made of (tab, line breaks and form feeds excluded).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1C), 0x1F, 0x7F])
_MAX_CONTROL_RATIO = 0.01

_LINE_BREAKS = ("\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def read_document(path: Path | str | os.PathLike[str], limits: ReadLimits | None = None) -> str:
    """The text of a .txt, .html, .docx, .xlsx or .pdf file, or InputError(source, reason).

    `limits` bound what reading may cost (ReadLimits.from_env() when not given): a document past one
    is refused with the bound and its setting named."""
    source = str(path)
    try:
        limits = limits or ReadLimits.from_env()
        raw = _read_bytes(Path(path), source, limits)
        text = normalise_line_breaks(_text_of(raw, source, limits, limits.deadline()))
        limits.check_text(len(text))
        return text
    except (InputError, BadSetting):
        raise
    except LimitExceeded as exc:
        raise InputError(source, f"refused: {exc}") from None
    except Exception as exc:  # a reader library failing on odd input: still one clear line
        raise InputError(source, f"cannot read document ({type(exc).__name__}: {_first_line(exc)})") from exc


def _read_bytes(path: Path, source: str, limits: ReadLimits) -> bytes:
    try:
        if not path.exists():
            raise InputError(source, "no such file")
        if path.is_dir():
            raise InputError(source, "a folder, not a file")
        if not path.is_file():
            raise InputError(source, "not a regular file (a device, pipe or socket)")
        size = path.stat().st_size
        if size > limits.file_mb * MB:
            raise limits.exceeded("file_mb", f"the file is {size // MB:,} MB")
        return path.read_bytes()
    except PermissionError as exc:
        raise InputError(source, "permission denied") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or type(exc).__name__})") from exc


def _text_of(raw: bytes, source: str, limits: ReadLimits, deadline: Deadline) -> str:
    if not raw:
        raise InputError(source, "empty file")
    if raw.startswith(b"%PDF") or raw[:1024].lstrip().startswith(b"%PDF"):
        return _nonblank(_pdf_text(raw, source, limits, deadline), source, "PDF")
    if raw.startswith(_ZIP_MAGIC):
        text, what = _zip_text(raw, source, limits, deadline)
        return _nonblank(text, source, what)
    for magic, kind in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise InputError(source, f"binary file ({kind}), not a document")
    for magic, reason in _UNSUPPORTED:
        if raw.startswith(magic):
            raise InputError(source, reason)
    if _is_riff_or_media(raw):
        raise InputError(source, "binary file (audio, video or image container), not a document")
    if _is_mime_archive(raw):
        return _nonblank(_mhtml_text(raw, source, limits, deadline), source, "saved web page")
    text = _decode(raw, source)
    if looks_like_html(text):
        return _nonblank(html_to_text(text, limits, deadline), source, "HTML page")
    return _nonblank(text, source, "file")


def normalise_line_breaks(text: str) -> str:
    """Every line break as "\\n" (CR LF, CR, VT, FF, FS, GS, RS, NEL, LS, PS)."""
    for line_break in _LINE_BREAKS:
        if line_break in text:
            text = text.replace(line_break, "\n")
    return text


def _decode(raw: bytes, source: str) -> str:
    declared = declared_charset(raw) if looks_like_html(raw[:65536].decode("latin-1")) else None
    try:
        text, encoding = decode_text(raw, declared)
    except UndecodableError as exc:
        # NUL bytes are half of UTF-16 and most of UTF-32: after such a BOM they prove no binary file.
        wide = (strip_bom(raw)[0] or "").startswith(("utf-16", "utf-32"))
        if not wide and _control_ratio(raw) > _MAX_CONTROL_RATIO:
            raise InputError(source, "binary file (control bytes), not a document") from exc
        raise InputError(source, str(exc)) from exc
    # Bytes below 0x30 only ever stand for themselves in ASCII-compatible encodings; otherwise
    # count on the text.
    ascii_compatible = not encoding.startswith(("utf-16", "utf-32"))
    encoded = raw if ascii_compatible else text.encode("utf-8", "surrogatepass")
    if _control_ratio(encoded) > _MAX_CONTROL_RATIO:
        raise InputError(source, "binary file (control characters), not a document")
    return text


def _control_ratio(raw: bytes) -> float:
    """Share of control bytes. Safe on UTF-8 and GB18030: neither uses bytes below 0x30 inside a character."""
    return (len(raw) - len(raw.translate(None, _CONTROL_BYTES))) / len(raw)


def _is_riff_or_media(raw: bytes) -> bool:
    return raw[:4] == b"RIFF" or raw[4:8] == b"ftyp"


def _is_mime_archive(raw: bytes) -> bool:
    head = raw[:2048].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def _pdf_text(raw: bytes, source: str, limits: ReadLimits, deadline: Deadline) -> str:
    try:
        return pdf_to_text(raw, limits, deadline)
    except LimitExceeded:
        raise
    except PdfProblem as exc:
        raise InputError(source, str(exc)) from exc
    except Exception as exc:
        raise InputError(source, f"damaged PDF ({type(exc).__name__}: {_first_line(exc)})") from exc


def _zip_text(raw: bytes, source: str, limits: ReadLimits, deadline: Deadline) -> tuple[str, str]:
    """The text of an Office document (a zip archive) and what to call the document."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(source, "damaged zip archive, not a readable document") from exc
    if "word/document.xml" in names:
        what, read = "Word document", docx_to_text
    elif "xl/workbook.xml" in names:  # task tables come as Excel sheets
        what, read = "Excel workbook", xlsx_to_text
    else:
        raise InputError(source, _zip_kind(archive, names))
    try:
        check_archive(archive, limits, deadline)  # before the library inflates any part
    except LimitExceeded as exc:
        raise InputError(source, f"{what} refused: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise InputError(source, f"damaged {what} ({_first_line(exc)})") from exc
    try:
        return read(raw, limits, deadline), what
    except LimitExceeded as exc:
        raise InputError(source, f"{what} refused: {exc}") from None
    except Exception as exc:
        reason = f"cannot read this {what} ({type(exc).__name__}: {_first_line(exc)})"
        raise InputError(source, reason) from exc


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    """Why a zip archive is refused, naming what it is when the contents tell."""
    if any(name.startswith("xl/") for name in names):
        return "Excel workbook without xl/workbook.xml: damaged, not readable"
    if any(name.startswith("ppt/") for name in names):
        return "PowerPoint file (.pptx), not a supported document"
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace")
        except Exception:
            mimetype = ""
        if "opendocument.text" in mimetype:
            return "OpenDocument text (.odt) is not supported: save it as .docx"
    return "zip archive, not a document (a .docx holds word/document.xml)"


def _mhtml_text(raw: bytes, source: str, limits: ReadLimits, deadline: Deadline) -> str:
    """A page saved as a web archive (.mht): the first HTML part, decoded with its own charset."""
    message = email.message_from_bytes(raw)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        try:
            html, _ = decode_text(payload, part.get_content_charset() or declared_charset(payload))
        except UndecodableError as exc:
            raise InputError(source, str(exc)) from exc
        return html_to_text(html, limits, deadline)
    raise InputError(source, "saved web page (MHTML) without an HTML part")


def _nonblank(text: str, source: str, what: str) -> str:
    if not text.strip():
        raise InputError(source, f"no text in this {what}" if what != "file" else "no text (only whitespace)")
    return text


def _first_line(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return message[0][:200] if message else "no details"
