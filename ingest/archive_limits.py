"""Bounds on an Office document (a zip archive) checked before python-docx or openpyxl open it.

Both libraries inflate whole parts into memory, so a zip bomb must be stopped before them: first on
the sizes the zip directory states (a bomb usually tells the truth), then while inflating every entry
in chunks, counting what actually comes out (a lying header is caught there, and zipfile's CRC check
refuses the rest). XML elements are counted on the way and each XML entry is fed to libxml2 with its
own bounds (nesting, text node size), so 300 MB of tags stops at the first bound, in seconds.
"""

from __future__ import annotations

import zipfile
from typing import Any

from lxml import etree

from policykg.ingest.limits import MB, Deadline, LimitExceeded, ReadLimits

_CHUNK = 1 * MB
LIBXML2_NESTING = 256  # libxml2's depth bound without huge_tree (XML_PARSE_HUGE)
_XML_SUFFIXES = (".xml", ".rels")


def check_archive(archive: zipfile.ZipFile, limits: ReadLimits, deadline: Deadline) -> None:
    """Raise LimitExceeded when the archive has too many entries, or inflates, nests or counts past a bound."""
    entries = archive.infolist()
    if len(entries) > limits.zip_entries:
        raise limits.exceeded("zip_entries", f"holds {len(entries):,} entries")
    part_bytes, total_bytes = limits.part_mb * MB, limits.unpacked_mb * MB
    for info in entries:
        if info.file_size > part_bytes:
            raise limits.exceeded("part_mb", f"{info.filename} inflates to {info.file_size // MB:,} MB")
    declared = sum(info.file_size for info in entries)
    if declared > total_bytes:
        raise limits.exceeded("unpacked_mb", f"its entries inflate to {declared // MB:,} MB")
    elements = _ElementCount(limits)
    inflated = 0
    for info in entries:
        if info.is_dir():
            continue
        counter = _XmlCounter(elements, info.filename) if info.filename.endswith(_XML_SUFFIXES) else None
        part = 0
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                part += len(chunk)
                inflated += len(chunk)
                if part > part_bytes:
                    raise limits.exceeded("part_mb", f"{info.filename} inflates past {limits.part_mb:,} MB")
                if inflated > total_bytes:
                    raise limits.exceeded("unpacked_mb", f"its entries inflate past {limits.unpacked_mb:,} MB")
                if counter is not None:
                    counter.feed(chunk)
                deadline.check("inflating the archive")
        if counter is not None:
            counter.close()


class _ElementCount:
    """XML elements over all entries of one archive, counted on the bytes (start and empty tags: a "<"
    not opening an end tag, a declaration or a comment), so counting costs no parsing."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.count = 0

    def add(self, chunk: bytes) -> None:
        self.count += chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")
        if self.count > self.limits.elements:
            raise self.limits.exceeded("elements", f"holds more than {self.limits.elements:,} XML elements")


class _XmlCounter:
    """Counts one XML entry's elements and feeds it to libxml2 with its own resource bounds (huge_tree
    off: nesting past 256 elements, a text node past 10 MB), so a part nesting too deep stops at the
    first tag past the bound. POLICYKG_MAX_NESTING below 256 is checked on the parsed part (one XPath
    step per level, in C). A part that is otherwise not well-formed is left to the library that reads
    it (most parts are never read); its bytes still count against the size and element bounds."""

    def __init__(self, elements: _ElementCount, name: str) -> None:
        self._elements = elements
        self._limits = elements.limits
        self._name = name
        self._parser: Any = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        self._broken = False

    def feed(self, chunk: bytes) -> None:
        self._elements.add(chunk)
        if not self._broken:
            self._parse(self._parser.feed, chunk)

    def close(self) -> None:
        root = self._parse(self._parser.close) if not self._broken else None
        self._parser = None  # the tree is dropped after this check: only the bounds were wanted
        nesting = self._limits.nesting
        if root is not None and nesting < LIBXML2_NESTING and root.getroottree().xpath("/*" * (nesting + 1)):
            what = f"{self._name} nests XML elements more than {nesting:,} deep"
            raise self._limits.exceeded("nesting", what)

    def _parse(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except etree.XMLSyntaxError as exc:
            if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "depth" in str(exc).lower():
                raise self._past_parser_bound(str(exc)) from None
            self._broken = True
            return None

    def _past_parser_bound(self, message: str) -> LimitExceeded:
        nesting = self._limits.nesting
        if "depth" in message.lower() and nesting < LIBXML2_NESTING:  # past the setting too
            return self._limits.exceeded("nesting", f"{self._name} nests XML elements more than {nesting:,} deep")
        if "depth" in message.lower():
            return LimitExceeded(
                f"{self._name} nests XML elements more than {LIBXML2_NESTING} deep (the XML parser's fixed bound; "
                f"POLICYKG_MAX_NESTING={nesting} can only lower it for XML)"
            )
        bound = message.split(",")[0]  # "xmlSAX2Characters: huge text node", without the position
        return LimitExceeded(f"{self._name} passes the XML parser's bound ({bound}; huge_tree off)")
