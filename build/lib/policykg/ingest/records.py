"""Typed records every extraction stage produces. Spans are [start, end) offsets into the original text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from policykg.core.vocabulary import ROLES, Role, Span

__all__ = ["ROLES", "Role", "Span"]  # re-exported: records are typed with the vocabulary's roles and spans


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    kind: str  # 实施方案 | 工作要点 | 实施意见 | 工作报告 | …
    jurisdiction: str  # 宁远县, 营口市鲅鱼圈区 …; "" when the document does not say
    issuers: tuple[str, ...] = ()
    doc_number: str = ""  # 宁发〔2022〕7号
    issued: str = ""  # ISO date
    period: str = ""  # 2021-2025, 2021


@dataclass(frozen=True)
class UnitMention:
    role: Role
    mention: str  # as written, with 等 / 按职责分工负责 stripped
    unit: str  # jurisdiction-qualified canonical name: 宁远县司法局
    kind: str  # 司法局, 政府办公室 …; the collective phrase itself for collective groups
    collective: bool
    span: Span


@dataclass(frozen=True)
class InstrumentCitation:
    mention: str  # as written, without 《》
    title: str  # canonical title
    kind: str  # 法律, 行政法规, 地方性法规, 规章, 规范性文件, 党内法规, 规划, 司法解释, "" when unknown
    span: Span
    doc_number: str = ""  # 〔2017〕154号 when the citation carries one
    level: str = ""  # issuing level where the title shows it: 国家, 省, 市, 县 …
    article: str = ""  # 第三十六条 when the citation names an article


@dataclass(frozen=True)
class Deadline:
    text: str  # 2022年底前, 每年第一季度
    date: str  # ISO date where the phrase fixes one, else ""
    span: Span
    kind: DeadlineKind = "dated"


DeadlineKind = Literal["dated", "recurring", "ongoing"]  # 2023年底前 | 每年3月底前 | 长期坚持
# What the extractor found hard, shown to the user with where it happened: a skipped, repeated or
# out-of-order item number; no jurisdiction (units stay unqualified); a role label with no units; a table
# it could not read; text that ended up in no measure.
WarningKind = Literal["numbering", "no_jurisdiction", "empty_clause", "unreadable_table", "skipped_text"]


@dataclass(frozen=True)
class ExtractionWarning:
    kind: WarningKind
    message: str  # one line in Chinese or English naming what and where: 第8项后缺少第9项
    span: Span | None = None


@dataclass(frozen=True)
class Target:
    text: str  # 覆盖率100%, 不少于60学时
    span: Span


@dataclass(frozen=True)
class Section:
    path: tuple[str, ...]  # heading labels from the top: ("二", "(一)")
    heading: str
    span: Span


@dataclass(frozen=True)
class Measure:
    path: tuple[str, ...]  # ("二", "(一)", "1")
    number: str  # the measure's own label: "1", "(一)", "一是"
    heading: str
    text: str  # the measure's whole text
    span: Span
    units: tuple[UnitMention, ...] = ()
    instruments: tuple[InstrumentCitation, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    targets: tuple[Target, ...] = ()
    clause_span: Span | None = None  # where its responsibility clause sits, when it has one

    @property
    def section_path(self) -> tuple[str, ...]:
        return self.path[:-1]


@dataclass(frozen=True)
class Alias:
    alias: str
    full: str


@dataclass(frozen=True)
class Extraction:
    source: str  # the file name
    text: str  # the original text every span points into
    document: DocumentMeta
    sections: tuple[Section, ...]
    measures: tuple[Measure, ...]
    instruments: tuple[InstrumentCitation, ...] = ()  # citations outside any measure
    aliases: tuple[Alias, ...] = ()
    content_hash: str = ""
    warnings: tuple[ExtractionWarning, ...] = field(default=())

    def to_contract(self) -> dict[str, Any]:
        """The JSON shape of `policykg extract --format json` (the design brief's contract)."""
        return {
            "source": self.source,
            "document": _plain(asdict(self.document)),
            "measures": [_measure_dict(m) for m in self.measures],
            "instruments": [_plain(asdict(i)) for i in self.instruments],
            "aliases": [_plain(asdict(a)) for a in self.aliases],
            "warnings": [_plain(asdict(w)) for w in self.warnings],
        }


def _measure_dict(m: Measure) -> dict[str, Any]:
    return {
        "path": list(m.path),
        "number": m.number,
        "heading": m.heading,
        "text": m.text,
        "span": list(m.span),
        "units": [_plain(asdict(u)) for u in m.units],
        "instruments": [_plain(asdict(i)) for i in m.instruments],
        "deadlines": [_plain(asdict(d)) for d in m.deadlines],
        "targets": [_plain(asdict(t)) for t in m.targets],
    }


def _plain(value: Any) -> Any:
    """Tuples to lists, recursively, so the dict is exactly what JSON will hold."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
