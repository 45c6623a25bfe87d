"""Synthetic extraction records, made without the extractor: for store tests and load benchmarks.

Deterministic: the same arguments give the same records, so loading them twice must change nothing.
"""

from __future__ import annotations

import random

from policykg.ingest.records import (
    ROLES,
    Deadline,
    DocumentMeta,
    Extraction,
    InstrumentCitation,
    Measure,
    Section,
    UnitMention,
)

PLACES = ("宁远县", "营口市鲅鱼圈区", "江华瑶族自治县", "永州市零陵区", "大连市金州区", "长沙市岳麓区")
UNIT_KINDS = (
    "司法局",
    "人民政府办公室",
    "发展和改革局",
    "财政局",
    "市场监督管理局",
    "行政审批局",
    "应急管理局",
)
INSTRUMENTS = (
    ("重大行政决策程序暂行条例", "行政法规"),
    ("中华人民共和国行政处罚法", "法律"),
    ("政府信息公开条例", "行政法规"),
    ("法治政府建设实施纲要(2021—2025年)", "党内法规"),
    ("优化营商环境条例", "行政法规"),
)
CHINESE_NUMBERS = "一二三四五六七八九十"


def extraction(
    source: str,
    *,
    place: str = "宁远县",
    sections: int = 3,
    measures_per_section: int = 4,
    title: str | None = None,
    seed: int = 0,
    edit: str = "",
) -> Extraction:
    """One document: `sections` top headings with `measures_per_section` measures each; every measure has
    a lead, participants, a citation and some a deadline. `edit` changes every measure's text."""
    rng = random.Random(f"{source}|{seed}")
    section_records = []
    measure_records = []
    offset = 0
    for s in range(sections):
        label = CHINESE_NUMBERS[s % 10] + ("" if s < 10 else str(s))
        section_records.append(Section((label,), f"第{label}部分工作", (offset, offset + 8)))
        offset += 10
        for m in range(measures_per_section):
            number = str(m + 1)
            units = tuple(
                UnitMention(
                    role,
                    f"县{kind}",
                    f"{place}{kind}",
                    kind,
                    False,
                    (offset, offset + 4),
                )
                for role, kind in zip(ROLES, rng.sample(UNIT_KINDS, 3), strict=True)
            )
            collective = UnitMention(
                "participate", "各乡镇(街道)", f"{place}各乡镇(街道)", "各乡镇(街道)", True, (0, 1)
            )
            title_, kind = rng.choice(INSTRUMENTS)
            deadlines = (Deadline("2022年底前", "2022-12-31", (offset, offset + 6)),) if m % 2 == 0 else ()
            measure_records.append(
                Measure(
                    path=(label, number),
                    number=number,
                    heading=f"措施{s}-{m}",
                    text=f"{edit}推进第{s}部分第{m}项工作,依照《{title_}》落实。",
                    span=(offset, offset + 40),
                    units=(*units, collective),
                    instruments=(InstrumentCitation(title_, title_, kind, (offset, offset + 10)),),
                    deadlines=deadlines,
                )
            )
            offset += 50
    document = DocumentMeta(
        title=title or f"{place}法治政府建设实施方案({source})",
        kind="实施方案",
        jurisdiction=place,
        issuers=(f"{place}人民政府办公室",),
        doc_number="宁发〔2022〕7号",
        issued="2022-03-01",
        period="2021-2025",
    )
    return Extraction(
        source=source,
        text="",
        document=document,
        sections=tuple(section_records),
        measures=tuple(measure_records),
        instruments=(InstrumentCitation("中华人民共和国行政处罚法", "中华人民共和国行政处罚法", "法律", (0, 5)),),
    )


def corpus(documents: int, *, measures_per_document: int = 20) -> list[Extraction]:
    """`documents` documents spread over PLACES, `measures_per_document` measures each (in 4 sections)."""
    per_section = max(1, measures_per_document // 4)
    return [
        extraction(
            f"synthetic_{i:06d}.txt",
            place=PLACES[i % len(PLACES)],
            sections=4,
            measures_per_section=per_section,
        )
        for i in range(documents)
    ]
