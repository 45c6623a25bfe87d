"""What the generator knows about each document it writes: the truth the manifest records.

Strings are as written in the document (full-width or ASCII punctuation as the document has it);
compare after NFKC normalisation when the extractor reports normalised text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

CLAUSE_FORMS = (
    "responsible",  # (责任单位:A、B、全区各部门)
    "responsible_participate",  # (责任单位:A;参加单位:B)
    "lead_participate",  # (牵头单位:A;参加单位:B、各乡镇(街道))
    "lead_only",  # (牵头单位:A)
    "lead_bare",  # …。牵头单位:A;参加单位:B   at the end of the paragraph, no brackets
    "lead_own_line",  # 牵头单位:A;参加单位:B   on its own line(s) after the paragraph
    "lead_cooperate",  # (A牵头,B、C等相关单位配合)
    "separately",  # (A、B按照职责分工分别负责[,C配合])
)


class UnitTruth(NamedTuple):  # NamedTuple: a million of these are made per corpus
    role: str  # lead | participate | responsible
    mention: str  # as written, 等 / 按职责分工负责 stripped
    unit: str  # jurisdiction-qualified canonical name; "" for collective groups
    kind: str  # 司法局 …; the group phrase itself for collective groups
    collective: bool


class CitationTruth(NamedTuple):
    mention: str  # as written, without the outer 《》
    title: str  # canonical: gazetteer title, or the mention NFKC-normalised with dashes unified
    kind: str  # 法律, 行政法规, 地方性法规, 部门规章, 规章, 规范性文件, 党内法规, 规划
    form: str  # marked | nested | unmarked | alias
    where: str  # header | preamble | measure
    doc_number: str = ""  # 〔2021〕24号 style number written after the citation


@dataclass
class MeasureTruth:
    path: tuple[str, ...]  # heading labels from the top, without trailing punctuation
    number: str
    heading: str
    clause_form: str = ""  # one of CLAUSE_FORMS, "" when the measure has no clause
    units: list[UnitTruth] = field(default_factory=list)
    instruments: list[CitationTruth] = field(default_factory=list)
    deadlines: list[tuple[str, str]] = field(default_factory=list)  # (text, ISO date or "")
    targets: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "number": self.number,
            "heading": self.heading,
            "clause_form": self.clause_form,
            "units": [
                {"role": u.role, "mention": u.mention, "unit": u.unit, "kind": u.kind, "collective": u.collective}
                for u in self.units
            ],
            "instruments": [_citation_json(c) for c in self.instruments],
            "deadlines": [{"text": t, "date": d} for t, d in self.deadlines],
            "targets": list(self.targets),
        }


@dataclass
class DocumentTruth:
    file: str
    kind: str
    title: str
    jurisdiction: str
    province: str
    city: str
    county: str
    issuers: tuple[str, ...]
    doc_number: str
    issued: str
    period: str
    punctuation: str
    levels: tuple[str, ...]  # heading forms used, top down: 一、 (一) 1. (1) 一是
    measures: list[MeasureTruth] = field(default_factory=list)
    citations: list[CitationTruth] = field(default_factory=list)  # outside measures
    aliases: list[tuple[str, str]] = field(default_factory=list)

    def summary(self, text: str) -> dict[str, Any]:
        """The manifest entry: counts and per-role mentions, compact enough for 10,000 documents."""
        roles: dict[str, Counter[str]] = {"lead": Counter(), "participate": Counter(), "responsible": Counter()}
        forms: Counter[str] = Counter()
        cited: Counter[tuple[str, str, str, str, str]] = Counter()
        deadlines = targets = collective = 0
        for m in self.measures:
            if m.clause_form:
                forms[m.clause_form] += 1
            for u in m.units:
                roles[u.role][u.mention] += 1
                collective += u.collective
            for c in m.instruments:
                cited[(c.mention, c.title, c.kind, c.form, c.where)] += 1
            deadlines += len(m.deadlines)
            targets += len(m.targets)
        for c in self.citations:
            cited[(c.mention, c.title, c.kind, c.form, c.where)] += 1
        return {
            "file": self.file,
            "document": {
                "title": self.title,
                "kind": self.kind,
                "jurisdiction": self.jurisdiction,
                "province": self.province,
                "city": self.city,
                "county": self.county,
                "issuers": list(self.issuers),
                "doc_number": self.doc_number,
                "issued": self.issued,
                "period": self.period,
            },
            "layout": {"levels": list(self.levels), "punctuation": self.punctuation},
            "chars": len(text),
            "measures": len(self.measures),
            "clause_forms": dict(sorted(forms.items())),
            "unit_mentions": {role: sum(c.values()) for role, c in roles.items()},
            "collective_mentions": collective,
            "units": {role: dict(sorted(c.items())) for role, c in roles.items()},
            "citations": [
                {"mention": k[0], "title": k[1], "kind": k[2], "form": k[3], "where": k[4], "count": n}
                for k, n in cited.items()
            ],
            "aliases": [{"alias": a, "full": f} for a, f in self.aliases],
            "deadlines": deadlines,
            "targets": targets,
        }

    def measures_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "measures": [m.to_json() for m in self.measures],
            "instruments": [_citation_json(c) for c in self.citations],
            "aliases": [{"alias": a, "full": f} for a, f in self.aliases],
        }


def _citation_json(c: CitationTruth) -> dict[str, Any]:
    out = {"mention": c.mention, "title": c.title, "kind": c.kind, "form": c.form, "where": c.where}
    if c.doc_number:
        out["doc_number"] = c.doc_number
    return out
