"""Word .docx to text: body paragraphs and tables in document order, with automatic numbering.

python-docx opens the package; the body is walked on its XML so that text python-docx skips is
kept (runs inside tracked insertions, smart tags, content controls, text boxes) and deleted or
moved-away text is not. Table rows of two cells or more become one line, cells joined by a tab,
because plans often put their measures in tables (任务 | 牵头单位 | 完成时限). Empty cells are kept
as empty fields so columns stay aligned. Tabs inside a paragraph become spaces: in this output a
tab always separates table cells.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx

from policykg.ingest.docx_numbering import Numbering, W, join_label
from policykg.ingest.html_reader import MAX_ROW_CHARS
from policykg.ingest.limits import Deadline, ReadLimits

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Subtrees whose text is not part of the visible document (or is shown elsewhere).
_SKIP_IN_PARAGRAPH = frozenset(
    {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}txbxContent", f"{MC}Fallback", f"{W}instrText"}
)
_CHARACTERS = {f"{W}tab": " ", f"{W}ptab": " ", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
# Block-level wrappers whose children are paragraphs and tables.
_BLOCK_WRAPPERS = frozenset({f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"})


def docx_to_text(raw: bytes, limits: ReadLimits | None = None, deadline: Deadline | None = None) -> str:
    """The document body as lines of text ("" if it holds none).

    The archive's sizes and XML bounds are checked before (archive_limits.check_archive); here the walk over
    the body keeps to the time and text bounds."""
    limits = limits or ReadLimits.from_env()
    deadline = deadline or limits.deadline()
    document = docx.Document(io.BytesIO(raw))
    numbering = Numbering(_part_element(document.part, "numbering_part"), _styles_element(document))
    lines: list[str] = []
    chars = 0
    for count, line in enumerate(_block_lines(document.element.body, numbering)):
        if line.strip():
            lines.append(line)
            chars += len(line) + 1
        if count % 1000 == 0:
            deadline.check("reading the document body")
            limits.check_text(chars)
    return "\n".join(lines) + "\n" if lines else ""


def _part_element(part: Any, name: str) -> Any | None:
    try:
        return getattr(part, name).element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _styles_element(document: Any) -> Any | None:
    try:
        return document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _block_lines(container: Any, numbering: Numbering) -> Iterator[str]:
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            yield from _paragraph_lines(child, numbering)
        elif tag == f"{W}tbl":
            yield from _table_lines(child, numbering)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _block_lines(content, numbering)
        elif tag in _BLOCK_WRAPPERS:
            yield from _block_lines(child, numbering)


def _paragraph_lines(paragraph: Any, numbering: Numbering) -> Iterator[str]:
    label, suffix = numbering.label(paragraph)
    text = _tidy(_paragraph_text(paragraph))
    if text:
        yield from join_label(label, suffix, text).split("\n")
    for box in _text_boxes(paragraph):
        yield from _block_lines(box, numbering)


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    stack = [iter(paragraph.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        else:
            stack.append(iter(child.iterchildren()))
    return "".join(parts)


def _text_boxes(paragraph: Any) -> list[Any]:
    """Text boxes anchored in a paragraph, each once (not again from a compatibility fallback)."""
    return [
        box
        for box in paragraph.iter(f"{W}txbxContent")
        if not any(ancestor.tag == f"{MC}Fallback" for ancestor in box.iterancestors())
        and _owner_paragraph(box) is paragraph
    ]


def _owner_paragraph(box: Any) -> Any:
    for ancestor in box.iterancestors(f"{W}p"):
        return ancestor
    return None


def _table_lines(table: Any, numbering: Numbering) -> Iterator[str]:
    for row in table.iterchildren(f"{W}tr"):
        cells = list(_row_cells(row))
        # Rendered once: rendering advances the list-numbering counters.
        cell_lines = [list(_block_lines(cell, numbering)) for cell in cells]
        is_data_row = (
            len(cells) >= 2
            and not any(cell.find(f".//{W}tbl") is not None for cell in cells)
            and sum(len(line) for lines in cell_lines for line in lines) <= MAX_ROW_CHARS
        )
        if is_data_row:
            yield "\t".join(" ".join(lines) for lines in cell_lines)
        else:  # a one-cell row, or layout: tables inside, or a page of text
            for lines in cell_lines:
                yield from lines


def _row_cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == f"{W}tc":
            yield child
        elif child.tag == f"{W}sdt":  # a content control around cells
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from content.iterchildren(f"{W}tc")


def _tidy(text: str) -> str:
    """Spaces collapsed, line by line; Word's indentation spaces dropped."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))
