"""Writing a PDF by hand from its objects, for tests that need PDFs no library would write."""

from __future__ import annotations


def pdf_from_objects(objects: list[bytes], header: bytes = b"%PDF-1.4\n") -> bytes:
    """A PDF of these objects, numbered from 1 (the first is the catalog), with a correct cross-reference
    table, so a reader opens it without repairing it."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
