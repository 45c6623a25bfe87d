"""What kind of document a title names (实施方案, 工作要点, 任务分工 …) and the words a title ends with.

The kind is the genre word the title closes with, after the brackets that may follow it ((2021-2025年),
(试行)): 任务分解表 → 任务分解, 任务分工方案 → 任务分工, 考核细则 → 考核办法, and a title ending 情况报告 is a
情况报告 even when 年度 stands earlier in it (2023年度法治政府建设情况报告).
"""

from __future__ import annotations

import re

# Ordered: the first rule whose pattern closes the title gives its kind.
_KIND_RULES: tuple[tuple[str, str], ...] = (
    (r"任务分解(?:表|方案|清单)?", "任务分解"),
    (r"(?:任务|责任)分工(?:表|方案|清单)?", "任务分工"),
    (r"考核(?:实施|评价|评估)?(?:办法|细则|方案)", "考核办法"),
    (r"(?:责任|任务|工作)清单", "责任清单"),
    (r"要点", "工作要点"),
    (r"实施方案", "实施方案"),
    (r"实施意见", "实施意见"),
    (r"工作计划|计划", "工作计划"),
    (r"工作安排|安排", "工作安排"),
    (r"年度报告", "年度报告"),
    (r"情况的?报告", "情况报告"),
    (r"工作的?报告", "工作报告"),
    (r"(?:工作)?总结", "工作报告"),  # a 工作总结 reports, as a 工作报告 does
    (r"工作方案", "工作方案"),
    (r"指导意见", "指导意见"),
    (r"规划", "规划"),
    (r"纲要", "纲要"),
    (r"意见", "意见"),
    (r"方案", "方案"),
    (r"办法|细则", "办法"),
    (r"通知", "通知"),
    (r"决定", "决定"),
)
_KIND_END = [(re.compile(f"(?:{pattern})$"), kind) for pattern, kind in _KIND_RULES]
# Brackets after the genre word: the period, 试行, 征求意见稿, 草案, 修订 …
_TAIL = re.compile(r"(?:\s*\([^()]{1,20}\))+\s*$")
_REPORT = re.compile(r"报告$")
_ANNUAL = re.compile(r"\d{4}\s*年度|年度")

# Genre words a document title closes with.
GENRE = (
    r"(?:方案|要点|意见|计划|安排|报告|清单|办法|细则|规定|决定|规划|纲要|通知|通报|表|目录|指南|指引|规则|"
    r"制度|总结|措施|标准|公告|通告|批复|决议|条例|任务|分工|分解|意见稿)"
)
TITLE_END = re.compile(rf"{GENRE}(?:\s*\([^()]{{1,20}}\))*\s*$")


def without_tail(title: str) -> str:
    return _TAIL.sub("", title).strip()


def kind_of(title: str) -> str:
    """The kind a title names, "" when it names none."""
    core = without_tail(title)
    for pattern, kind in _KIND_END:
        if pattern.search(core):
            return kind
    if _REPORT.search(core):
        return "年度报告" if _ANNUAL.search(core) else "工作报告"
    return ""


def ends_like_title(text: str) -> bool:
    return bool(TITLE_END.search(text))
