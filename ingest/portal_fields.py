"""The publication details portals print around a document, read as (field, value) pairs.

Forms, all seen on government portals (on the cleaned text: ASCII colons and brackets):
  发布时间:2024年02月28日  更新时间:2024/03/29  浏览次数:316     labels inline, several on a line
  - [ 发文字号 ] 城府办发〔2024〕3号                                a bracketed label
  • 发文字号:                                                       a label alone, its value on the next line
      镇政发〔2024〕7号
  发文字号 | 金政发〔2025〕33号 | 成文日期 | 2025-06-13              label and value cells of one row
  索引号<TAB>发文字号<TAB>成文日期                                  a row of labels, then a row of values
  431026000/2024-00157<TAB>汝政办发〔2024〕7号<TAB>2024-04-25
  2021-03-17 来源:中共凤凰县委                                      a bare date leading a details line
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.doc_kinds import ends_like_title

# field → its labels. Fields the metadata does not use are listed so that a value stops at them.
_LABELS: dict[str, tuple[str, ...]] = {
    "written": ("成文日期", "成文时间", "签发日期"),
    "sent": ("发文日期", "发文时间", "印发日期", "印发时间"),
    "published": ("发布日期", "发布时间", "公开日期", "公开时间", "发表时间", "发布于", "时间", "日期"),
    "updated": ("更新时间", "更新日期", "修改时间", "修改日期", "最后更新"),
    "doc_number": ("发文字号", "文号", "文件编号", "发文编号", "文件字号"),
    "issuer": ("发文机关", "发文机构", "发文单位", "发布机构", "发布单位", "制发机构", "制发机关", "成文机关"),
    "source": ("信息来源", "文章来源", "来源"),
    "title": ("标题", "文件名称", "文件标题", "名称"),
    "other": (
        "索引号", "主题分类", "主题词", "有效性", "公开方式", "公开范围", "公开属性", "体裁分类", "组配分类",
        "作者", "浏览次数", "浏览量", "点击数", "点击率", "点击量", "阅读次数", "访问量", "统一登记号", "登记号",
        "信息时效性", "时效性", "内容概述", "发布人", "发布者", "所属机构", "服务对象", "废止日期", "失效日期",
        "文种", "分类", "关键词", "点击", "阅读", "浏览", "访问次数", "供稿", "稿源", "编辑", "审核", "校对",
    ),
}  # fmt: skip
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}
# A label may be spaced out (索 引 号, 标 题); longest first so 更新时间 wins over 时间.
_LABEL = "|".join(r"\s*".join(label) for label in sorted(_FIELD_OF, key=len, reverse=True))
_INLINE = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_LABEL})\s*:")
_BRACKETED = re.compile(rf"\[\s*(?:{_LABEL})\s*\]")
_LABEL_ALONE = re.compile(rf"^\s*(?:[-•·*]\s*)?(?:{_LABEL})\s*:?\s*$")
_LEADING_DATE = re.compile(
    r"^\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s+"
)
_CELL_SPLIT = re.compile(r"\s*(?:\t|\|)\s*")
_SPACES = re.compile(r"\s+")
_MAX_VALUE = 120
_SHORT_VALUE = 40
_DATE_FIELDS = frozenset({"written", "sent", "published", "updated"})
_A_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}")
_A_NUMBER = re.compile(r"[〔\[(]\s*\d{4}\s*[〕\])]|\d{4}\s*[-/]\s*\d+")
_SENTENCE = re.compile(r"[。;!?]")


@dataclass(frozen=True)
class Field:
    name: str  # written, sent, published, updated, doc_number, issuer, source, title, other
    value: str
    line: int  # index of the line it came from


def field_of(label: str) -> str:
    return _FIELD_OF.get(_SPACES.sub("", label), "")


def read_fields(lines: list[str]) -> tuple[list[Field], set[int]]:
    """Every field the lines hold, in order, and the indices of the lines that are publication details."""
    fields: list[Field] = []
    detail_lines: set[int] = set()
    header_row: list[str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        cells = [c for c in _CELL_SPLIT.split(line.strip("|").strip()) if c] if ("\t" in line or "|" in line) else []
        if header_row is not None and cells and len(cells) <= len(header_row):
            fields += [Field(field_of(label), value, i) for label, value in zip(header_row, cells, strict=False)]
            detail_lines.add(i)
            header_row = None
            i += 1
            continue
        header_row = None
        found = _row_fields(cells, i) if len(cells) >= 2 else None
        if found is not None:
            if found:
                fields += found
            else:
                header_row = cells
            detail_lines.add(i)
        elif _LABEL_ALONE.match(line):
            value_at = _next_nonblank(lines, i + 1)
            name = field_of(line.strip(" -•·*:"))
            if value_at is not None and _fits(name, lines[value_at]):
                fields.append(Field(name, _value(lines[value_at]), value_at))
                detail_lines.update({i, value_at})
                i = value_at + 1
                continue
            detail_lines.add(i)
        else:
            inline = _inline_fields(line, i)
            if inline:
                fields += inline
                detail_lines.add(i)
        i += 1
    return fields, detail_lines


def _row_fields(cells: list[str], index: int) -> list[Field] | None:
    """A table row: label/value pairs (its fields), all labels (a header row: []), or no details (None)."""
    labels = [bool(field_of(c.rstrip(":"))) for c in cells]
    if all(labels):
        return []
    pairs = []
    for k, cell in enumerate(cells):
        if labels[k] and k + 1 < len(cells) and not labels[k + 1]:
            pairs.append(Field(field_of(cell.rstrip(":")), _value(cells[k + 1]), index))
    if pairs and sum(labels) * 2 >= len(cells) - 1:
        return pairs
    inline = [f for cell in cells for f in _inline_fields(cell, index)]
    return inline or None


def _inline_fields(line: str, index: int) -> list[Field]:
    """发布时间:2024年02月28日  更新时间:2024/03/29 and - [ 发文字号 ] 城府办发〔2024〕3号."""
    marks = sorted([*_INLINE.finditer(line), *_BRACKETED.finditer(line)], key=lambda m: m.start())
    fields = []
    leading = _LEADING_DATE.match(line)
    if marks and leading and leading.end() <= marks[0].start():
        fields.append(Field("published", leading.group(1), index))
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        label = mark.group(0).strip(" :[]")
        fields.append(Field(field_of(label), _value(line[mark.end() : end]), index))
    return fields


def _value(text: str) -> str:
    value = _SPACES.sub(" ", text).strip(" -•·*|:")
    return value[:_MAX_VALUE]


def _fits(name: str, line: str) -> bool:
    """Whether the line under a label alone is that label's value (an empty 内容概述: above the title)."""
    line = line.strip()
    if _LABEL_ALONE.match(line) or _INLINE.match(line):
        return False
    if name in _DATE_FIELDS:
        return bool(_A_DATE.search(line))
    if name == "doc_number":
        return bool(_A_NUMBER.search(line))
    if name == "title":
        return True
    return len(line) <= _SHORT_VALUE and not _SENTENCE.search(line) and not ends_like_title(line)


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, min(len(lines), start + 3)):
        if lines[j].strip():
            return j
    return None
