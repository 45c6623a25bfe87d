"""Hostile documents built for real in a test's folder: zip bombs, archives of too many entries, markup
nested or repeated past the read limits, a PDF of too many pages. Each is written streaming or by hand, so
building one costs little memory and about a second at most."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

import docx
from openpyxl import Workbook

from tests.corpus import SAMPLES, SONGYANG
from tests.pdf_files import pdf_from_objects

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_XML = "word/document.xml"


def sample_lines() -> list[str]:
    return (SAMPLES / SONGYANG).read_text(encoding="utf-8").splitlines()


def good_docx(path: Path) -> Path:
    """A real Word document holding the Songyang sample, a paragraph per line."""
    document = docx.Document()
    for line in sample_lines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def docx_with_body(path: Path, body_chunks: Iterable[bytes], extra: dict[str, bytes] | None = None) -> Path:
    """A .docx made from python-docx's own package with its document.xml replaced by `body_chunks`, written
    to the zip a chunk at a time (a body of hundreds of MB never sits in memory), plus `extra` entries (in
    place of the package's own entry of the same name)."""
    template = io.BytesIO()
    docx.Document().save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            if info.filename != DOCUMENT_XML and info.filename not in (extra or {}):
                target.writestr(info.filename, source.read(info.filename))
        with target.open(DOCUMENT_XML, "w", force_zip64=True) as stream:
            for chunk in body_chunks:
                stream.write(chunk)
        for name, data in (extra or {}).items():
            target.writestr(name, data, zipfile.ZIP_STORED if len(data) < 100 else zipfile.ZIP_DEFLATED)
    return path


def body(inner: Iterable[bytes]) -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'.encode()
    yield from inner
    yield b"</w:body></w:document>"


def paragraphs_to(megabytes: int) -> Iterable[bytes]:
    """Paragraphs of the same text, `megabytes` MB of them, a MB a chunk."""
    paragraph = "<w:p><w:r><w:t>推进严格规范公正文明执法</w:t></w:r></w:p>".encode()
    chunk = paragraph * (1024 * 1024 // len(paragraph))
    for _ in range(megabytes * 1024 * 1024 // len(chunk) + 1):
        yield chunk


def nested(depth: int, tag: str = "w:customXml") -> Iterable[bytes]:
    yield f"<{tag}>".encode() * depth
    yield b"<w:p><w:r><w:t>text</w:t></w:r></w:p>"
    yield f"</{tag}>".encode() * depth


def numbering_nested(depth: int) -> bytes:
    """A numbering part (what python-docx reads for list labels) nesting `depth` elements."""
    inner = b"".join(nested(depth, "w:abstractNum"))
    return f'<w:numbering xmlns:w="{W_NS}">'.encode() + inner + b"</w:numbering>"


def understate_size(path: Path, name: str, size: int) -> None:
    """Make the zip's headers (the central directory and the local header) claim that `name` inflates to
    `size` bytes: a bomb that lies about itself."""
    data = bytearray(path.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    entries, offset = struct.unpack_from("<H", data, end + 10)[0], struct.unpack_from("<I", data, end + 16)[0]
    for _ in range(entries):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_len].decode() == name:
            struct.pack_into("<I", data, offset + 24, size)
            local = struct.unpack_from("<I", data, offset + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        offset += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


def zip_with_entries(path: Path, entries: int) -> Path:
    """A real .docx with `entries` more tiny entries beside its parts."""
    extra = {f"word/media/image{n}.bin": b"x" for n in range(entries)}
    return docx_with_body(path, body(nested(1, "w:sdtContent")), extra)


def workbook(path: Path, rows: int, columns: int) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "重点任务", "牵头单位", "完成时限"] + [f"列{n}" for n in range(4, columns)])
    for row in range(1, rows):
        sheet.append([row, f"推进第{row}项重点任务", "县司法局", "2026年6月底前"] + ["-"] * (columns - 4))
    book.save(str(path))
    return path


def workbook_nested(path: Path, depth: int) -> Path:
    """A workbook whose first sheet nests `depth` elements inside its sheet data."""
    workbook(path, 3, 4)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"</sheetData>", b"<x>" * depth + b"</x>" * depth + b"</sheetData>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def pdf(path: Path, pages: int, lines_per_page: int = 0, inflating_to_mb: int = 0) -> Path:
    """A PDF written by hand: `pages` pages sharing one content stream of `lines_per_page` lines of text
    (Helvetica, no embedded font), with a correct cross-reference table. With `inflating_to_mb` the
    stream is compressed (FlateDecode) and padded with spaces to inflate to that many MB."""
    text = b"".join(
        b"BT /F1 10 Tf 20 %d Td (Measure %d of the plan) Tj ET\n" % (800 - 12 * n, n) for n in range(lines_per_page)
    )
    first_page = 4
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_page + n) for n in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    content = first_page + pages
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content
        )
    if inflating_to_mb:
        text = zlib.compress(text + b" " * (inflating_to_mb * 1024 * 1024), 1)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(text), text))
    else:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    path.write_bytes(pdf_from_objects(objects))
    return path
