"""Questions whose names the graph lacks or that fit several things: a problem with candidates, never rows."""

from __future__ import annotations

import re

from policykg.queries.gazetteer import PLACEHOLDER, Gazetteer
from policykg.queries.intent import (
    DOCUMENT_WORD,
    Intent,
    unknown,
)
from policykg.queries.plan import Problem
from policykg.queries.question import Question

_ASK_WORDS = re.compile(r"^(?:请问|请|帮我|麻烦)?(?:查询|查一下|查查|查|列出|显示|告诉我|看看|我想知道)?")


_ROLE_OR_TASK = re.compile(r"牵头|主办|参与|参加|配合|协办|协助|负责|承担|责任单位|措施|任务|工作")


def missing_unit(q: Question, g: Gazetteer) -> Problem | None:
    """A unit named with its place (宁远县司法局) that the graph does not hold: say so, never answer with the
    same kind of unit of another place."""
    for link in q.links:
        if link.missing:  # the place may stand apart from the name (县司法局在北京市…): name them together
            written = link.text if link.text.startswith(link.qualifier) else link.qualifier + link.text
            return unknown(g, written, "unit", "图中没有单位")
    return None


MISSING_UNIT = Intent(missing_unit, examples=("宁远县司法局牵头哪些措施",))


def ambiguous_name(q: Question, g: Gazetteer) -> Problem | None:
    """A name that fits several instruments or documents: ask which one rather than guess."""
    for link in q.links:
        if link.units:
            continue
        if len(link.instruments) > 1 and not link.documents:
            titles = [i.title for i in link.instruments]
            return Problem("ambiguous", f"「{link.text}」可以指 {len(titles)} 部文件,请写出全称。", titles)
        if len(link.documents) > 1 and not link.instruments:
            names = [f"{d.title} ({d.source})" for d in link.documents]
            return Problem("ambiguous", f"「{link.text}」可以指 {len(names)} 份文件,请写出全称。", names)
    return None


AMBIGUOUS_NAME = Intent(ambiguous_name)


def unknown_title(q: Question, g: Gazetteer) -> Problem | None:
    """《…》 in the question that names nothing in the graph."""
    for match in re.finditer(r"《([^《》]+)》", q.rest):
        if PLACEHOLDER not in match.group(1):
            title = match.group(1)
            return Problem(
                "unknown_instrument",
                f"图中没有文件引用《{title}》。相近的有:",
                g.candidates(title, "instrument") + g.candidates(title, "document"),
            )
    return None


UNKNOWN_TITLE = Intent(unknown_title, examples=("哪些措施引用了《行政复议法》",))


def unknown_name(q: Question, g: Gazetteer) -> Problem | None:
    """The question has the shape of a known form but its name links to nothing: say so, with candidates."""
    rest = _ASK_WORDS.sub("", q.rest)
    cited = re.match(r"^(.+?)(?:被|由)(?:哪些|哪个|什么|几)", rest)
    if cited and PLACEHOLDER not in cited.group(1) and "引用" in rest:
        return unknown(g, cited.group(1), "instrument", "没有找到被引用的文件")
    citing = re.search(r"引用(?:了|过)?(.+?)(?:的(?:措施|文件|任务)|$)", rest)
    if citing and PLACEHOLDER not in citing.group(1) and not re.search("哪些|什么|最多", citing.group(1)):
        return unknown(g, citing.group(1), "instrument", "没有找到被引用的文件")
    document = re.match(r"^(.+?)(?:引用|援引)", rest)
    if document and PLACEHOLDER not in document.group(1) and not re.search("哪些|哪个|什么", document.group(1)):
        return unknown(g, document.group(1), "document", "没有找到文件")
    named = re.match(rf"^(.+?{DOCUMENT_WORD})(?:的|中|里)?(?:有哪些|有什么|有多少|共有|一共)", rest)
    if named and PLACEHOLDER not in named.group(1):  # 隆德县方案有哪些措施: a document, not a unit
        return unknown(g, named.group(1), "document", "没有找到文件")
    unit = re.match(r"^(.+?)(?:的|都|还|共|要)?(?:牵头|主办|参与|参加|配合|协办|负责|承担|有哪些|有什么)", rest)
    if unit and PLACEHOLDER not in unit.group(1) and not re.search("哪些|哪个|什么|谁|第", unit.group(1)):
        return unknown(g, unit.group(1), "unit", "没有找到单位")
    if _ROLE_OR_TASK.search(rest) and not q.links and re.search("[局委办院部府室]", rest):
        return unknown(g, rest, "unit", "没有找到问题中的单位")
    return None


UNKNOWN_NAME = Intent(unknown_name, examples=("县财政厅牵头哪些措施",))
