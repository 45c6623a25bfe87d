"""Intent rules: from a parsed question to a plan (a named query and its parameters) or a problem (an
unknown or ambiguous name, with candidates). Rules are tried in order; the first that fits wins.

Rules read the question's *rest* — its text with every linked name replaced by a placeholder — so words
inside a name (the 方案 of a cited 实施方案) never look like question words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policykg.core.vocabulary import ROLE_VERB_WORD
from policykg.graph.store import Row
from policykg.queries import slots
from policykg.queries.gazetteer import PLACEHOLDER, EntityType, Gazetteer, Link, fold
from policykg.queries.qualified import qualified_links
from policykg.queries.scope import Scope, jurisdiction_scope

ROLE_ZH: dict[str, str] = {role: word for role, word in ROLE_VERB_WORD.items()}
_ASK_WORDS = re.compile(r"^(?:请问|请|帮我|麻烦)?(?:查询|查一下|查查|查|列出|显示|告诉我|看看|我想知道)?")
_ROLE_OR_TASK = re.compile(r"牵头|主办|参与|参加|配合|协办|协助|负责|承担|责任单位|措施|任务|工作")


@dataclass(frozen=True)
class Question:
    text: str  # folded
    links: tuple[Link, ...]
    rest: str  # text with each link replaced by PLACEHOLDER

    @classmethod
    def parse(cls, text: str, gazetteer: Gazetteer) -> Question:
        links = tuple(qualified_links(text, gazetteer.link(text)))
        rest, last = [], 0
        for link in links:
            rest.append(text[last : link.start] + PLACEHOLDER)
            last = link.end
        rest.append(text[last:])
        return cls(text, links, "".join(rest))

    def linked(self, entity_type: EntityType) -> list[Link]:
        return [link for link in self.links if getattr(link, entity_type + "s")]

    def has(self, pattern: str) -> bool:
        return re.search(pattern, self.rest) is not None

    @property
    def roles(self) -> tuple[str, ...]:
        return slots.roles(self.rest)


@dataclass
class Plan:
    intent: str
    query: str
    params: dict[str, Any]
    shape: str  # how queries.shaping turns the query's rows into answer rows
    summary: Callable[[list[Row]], str] = field(default=lambda rows: f"{len(rows)} 条结果。")
    sources: tuple[str, ...] = ()  # keep only rows of these documents (a document named with a unit)
    period: slots.Period | None = None  # keep only measures due in this period
    limit: int = 0  # keep only the first rows (queries without a LIMIT parameter)
    # A named query counting this answer's rows per jurisdiction and unit (and partner) from the same
    # parameters: an answer over many jurisdictions then lists the first ones only (queries.paging).
    counted_by: str = ""
    subject: str = ""  # the name the question asked about, as written

    def describe(self, rows: list[Row]) -> str:
        text = self.summary(rows)
        if self.period:
            text += f" (到期时间 {self.period.date_from} 至 {self.period.date_to})"
        return text


@dataclass
class Problem:
    intent: str
    message: str
    candidates: list[str] = field(default_factory=list)


Rule = Callable[[Question, Gazetteer], "Plan | Problem | None"]


@dataclass(frozen=True)
class Intent:
    """One kind of question: the rule that recognises it (and builds its plan) and questions that show it.
    An intent is added here, in INTENTS, with its examples; tests check each example reaches its intent."""

    rule: Rule
    examples: tuple[str, ...] = ()
    offered_first: int = 0  # > 0: its first example is among the first the Ask page offers, in this order

    @property
    def name(self) -> str:
        return self.rule.__name__


def plan_for(question: Question, gazetteer: Gazetteer) -> Plan | Problem:
    found = first_fit(question, gazetteer)
    if found is not None:
        return found[1]
    return Problem("unknown", "没有理解这个问题。可以这样问: " + " · ".join(EXAMPLES[:8]))


def first_fit(question: Question, gazetteer: Gazetteer) -> tuple[Intent, Plan | Problem] | None:
    """The first intent whose rule fits the question, in INTENTS order, and what it gave."""
    for intent in INTENTS:
        found = intent.rule(question, gazetteer)
        if found is not None:
            return intent, found
    return None


# --- rules, in the order they are tried -------------------------------------------------------------


def missing_unit(q: Question, g: Gazetteer) -> Problem | None:
    """A unit named with its place (宁远县司法局) that the graph does not hold: say so, never answer with the
    same kind of unit of another place."""
    for link in q.links:
        if link.missing:
            return _unknown(g, link.text, "unit", "图中没有单位")
    return None


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


def unit_path(q: Question, g: Gazetteer) -> Plan | Problem | None:
    units = q.linked("unit")
    if len(units) < 2 or not q.has("关系|联系|路径|关联|连接|怎么连"):
        return None
    a, b = units[0], units[1]
    if len(a.units) > 1 or len(b.units) > 1:
        many = a if len(a.units) > 1 else b
        return Problem("ambiguous", f"「{many.text}」指多个单位,请写出全称:", [u.name for u in many.units])
    return Plan(
        "shortest_path",
        "shortest_path",
        {"unit_a": a.units[0].name, "unit_b": b.units[0].name},
        "plain",
        lambda rows: (
            f"{a.units[0].name} 与 {b.units[0].name} 之间最短 {rows[0]['hops']} 步,共 {len(rows)} 条路径。"
            if rows
            else f"{a.units[0].name} 与 {b.units[0].name} 之间没有 8 步以内的联系。"
        ),
    )


def unit_partners(q: Question, g: Gazetteer) -> Plan | None:
    """县政府办和哪些单位一起牵头: the units that hold measures with one unit, in the roles asked."""
    units = q.linked("unit")
    if len(units) != 1 or not q.has("(和|与|跟|同)(哪些|哪个|什么|哪几个)(单位|部门)"):
        return None
    if not q.has("一起|共同|联合|合作|同时|一同"):
        return None
    link = units[0]
    roles = q.roles or slots.ALL_ROLES
    words = "、".join(ROLE_ZH[r] for r in roles)
    return Plan(
        "unit_partners",
        "unit_partners_in_roles",
        {"units": [u.name for u in link.units], "roles": list(roles)},
        "unit_partners",
        lambda rows: _partners_summary(link.text, words, rows),
        subject=link.text,
    )


def _partners_summary(name: str, words: str, rows: list[Row]) -> str:
    if not rows:
        return f"{name} 没有与其他单位一起{words}的措施。"
    top = max(rows, key=lambda row: row["measures"])
    return f"与{name}一起{words}措施最多的是 {top['partner']} ({top['measures']} 项),共 {len(rows)} 组单位。"


def shared(q: Question, g: Gazetteer) -> Plan | None:
    """Measures two units share; each side's own role when the question gives one (A牵头且B参加)."""
    units = q.linked("unit")
    if len(units) < 2:
        return None
    a, b = units[0], units[1]
    roles_a, roles_b = _roles_after(q, a), _roles_after(q, b)
    if roles_a and roles_b and roles_a != roles_b:
        roles, second = roles_a, roles_b
    else:
        roles, second = q.roles or slots.ALL_ROLES, ()
    return Plan(
        "shared_measures",
        "shared_measures",
        {
            "units_a": [u.name for u in a.units],
            "units_b": [u.name for u in b.units],
            "roles": list(roles),
            "roles_b": list(second),
        },
        "shared_measures",
        lambda rows: f"{a.text} 与 {b.text} 共同承担 {len({r['measure_id'] for r in rows})} 项措施。",
        sources=_sources(q),
        period=slots.period(q.rest),
        counted_by="shared_measure_counts" if len({u.jurisdiction for u in a.units + b.units}) > 1 else "",
        subject=a.text,
    )


def _roles_after(q: Question, link: Link) -> tuple[str, ...]:
    """The roles written right after a name, up to the next name: 牵头 in 县司法局牵头且县政府办参加."""
    following = [other.start for other in q.links if other.start >= link.end]
    return slots.roles(q.text[link.end : min(following, default=len(q.text))])


def co_leading(q: Question, g: Gazetteer) -> Plan | Problem | None:
    if q.linked("unit") or not q.has("(共同|一起|联合|同时|合作)(牵头|负责|参与|参加|承担)"):
        return None
    limit = slots.top_n(q.rest) or 20
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    if q.roles == ("lead",):
        return Plan(
            "co_leading_units",
            "co_leading_units",
            {"limit": limit, "jurisdictions": _within(scope)},
            "plain",
            lambda rows: _in(scope) + "共同牵头措施最多的单位组合: " + _first_pair(rows),
        )
    return Plan(
        "co_assigned_units",
        "co_assigned_units",
        {"roles": list(q.roles or slots.ALL_ROLES)},
        "plain",
        lambda rows: "共同承担措施最多的单位组合: " + _first_pair(rows),
        limit=limit,
    )


def measures_by_unit_count(q: Question, g: Gazetteer) -> Plan | None:
    """没有牵头单位的措施, 牵头单位超过3个的措施 (and how many there are): measures by their number of units."""
    if q.linked("unit") or not q.has("措施|任务|事项|哪些|哪几|多少|几项"):
        return None
    bound = slots.unit_count(q.rest)
    if bound is None:
        return None
    return Plan(
        "measures_by_unit_count",
        "measures_by_unit_count",
        {"roles": list(bound.roles), "min_units": bound.least, "max_units": bound.most},
        "section_measures",
        lambda rows: f"{bound.text}的措施共 {len(rows)} 项。",
        sources=_sources(q),
    )


def busiest(q: Question, g: Gazetteer) -> Plan | Problem | None:
    if q.linked("unit") or not q.has("单位|部门|机关"):
        return None
    if not q.has(r"最多|最重|最忙|排名|排行|前\d+|前[一二三四五六七八九十]+|多少|数量"):
        return None
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    roles = q.roles or slots.ALL_ROLES
    words = "、".join(ROLE_ZH[r] for r in roles)
    return Plan(
        "busiest_units",
        "busiest_units",
        {"roles": list(roles), "limit": slots.top_n(q.rest) or 20, "jurisdictions": _within(scope)},
        "plain",
        lambda rows: (
            f"{_in(scope)}{words}措施最多的是 {rows[0]['unit']} ({rows[0]['measures']} 项)。"
            if rows
            else "没有找到措施。"
        ),
    )


def top_instruments(q: Question, g: Gazetteer) -> Plan | Problem | None:
    if q.linked("instrument") or not q.has("引用|援引|提到|依据"):
        return None
    if not q.has(r"最多|最频繁|最常|排名|排行|前\d+|前[一二三四五六七八九十]+|次数"):
        return None
    scope = jurisdiction_scope(q.rest, g)
    if scope and not scope.jurisdictions:
        return _unknown_place(g, scope)
    kinds = slots.instrument_kinds(q.rest)
    by = "citations" if q.has("次数|次|处") else "documents"
    ranked = "按引用次数" if by == "citations" else "按引用文件数"

    def summary(rows: list[Row]) -> str:
        if not rows:
            return "没有找到引用。"
        top = rows[0]
        return (
            f"{_in(scope)}{ranked}排序,被引用最多的是《{top['instrument']}》"
            f"({top['documents']} 份文件,{top['citations']} 处)。"
        )

    return Plan(
        "top_instruments",
        "top_instruments",
        {"kinds": list(kinds), "by": by, "limit": slots.top_n(q.rest) or 20, "jurisdictions": _within(scope)},
        "plain",
        summary,
    )


def measure_units(q: Question, g: Gazetteer) -> Plan | None:
    """Units of a measure named by its number (第22项, 第(57)项, 第二部分第(四)项) or by quoted words of
    its heading ("规范行政执法"那条措施); a number several documents use answers for each, grouped."""
    numbers = slots.measure_numbers(q.rest)
    heading = slots.quoted_heading(q.rest) if not numbers else ""
    if not numbers and not heading:
        return None
    roles = q.roles or slots.ALL_ROLES
    documents = q.linked("document")
    source = documents[0].documents[0].source if documents else ""
    section = slots.section(q.rest) if numbers else ""
    named = f"第{numbers[0]}项" if numbers else f"「{heading}」"
    if section:
        named = f"第{section}部分{named}"
        if numbers[0].startswith("(") and not numbers[0][1:-1].isdigit():
            # 第二部分第(四)项: the second-level item (四) of 二 — a measure so numbered, or those under it
            section, numbers = f"{section}/{numbers[0]}", ()
    return Plan(
        "measure_units",
        "measure_units",
        {"numbers": list(numbers), "section": section, "heading": heading, "source": source, "roles": list(roles)},
        "measure_units",
        lambda rows: _measure_units_summary(named, roles, rows),
    )


def _measure_units_summary(named: str, roles: tuple[str, ...], rows: list[Row], shown: int = 5) -> str:
    if not rows:
        return f"没有找到{named}措施的{'、'.join(ROLE_ZH[r] for r in roles)}单位。"
    by_place: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        units = by_place.setdefault((row["source"], row["role"]), [])
        if row["unit"] not in units:  # a unit mentioned twice in one measure, or in several measures of a section
            units.append(row["unit"])
    parts = [
        f"{source} {ROLE_ZH[role]}: " + "、".join(units) for (source, role), units in list(by_place.items())[:shown]
    ]
    documents = len({source for source, _ in by_place})
    more = f"; … 共 {documents} 份文件有{named},可在问题中写出文件名" if len(by_place) > shown else ""
    return f"{named}措施: " + "; ".join(parts) + more + "。"


def similar(q: Question, g: Gazetteer) -> Plan | None:
    if q.linked("unit") or not q.has("重复|相似|雷同|近似|类似") or slots.deadline_kind(q.rest):
        return None  # 期限按周期重复: a recurring deadline, not repeated measures
    return Plan(
        "similar_measures",
        "similar_measures",
        {"min_score": 0.0, "limit": slots.top_n(q.rest) or 50},
        "plain",
        lambda rows: (
            f"{len(rows)} 对跨文件的相似措施 (先运行 policykg overlap 计算)。"
            if not rows
            else f"{len(rows)} 对跨文件的相似措施。"
        ),
    )


def document_questions(q: Question, g: Gazetteer) -> Plan | None:
    documents = [link for link in q.linked("document") if not link.units]
    if not documents or q.linked("unit"):
        return None
    document = documents[0].documents[0]
    instruments = [link for link in q.linked("instrument") if link is not documents[0]]
    if not instruments and q.has("引用|援引|依据|提到|法规|法律|条例|规章|规定|文件"):
        kinds = slots.instrument_kinds(q.rest)
        return Plan(
            "document_instruments",
            "document_instruments",
            {"source": document.source, "kinds": list(kinds)},
            "document_instruments",
            lambda rows: (
                f"{document.title} 引用了 {len({r['instrument'] for r in rows})} 部{'、'.join(kinds) or '法规文件'}。"
            ),
        )
    if slots.deadline_kind(q.rest):
        return None  # 松阳县方案中没有期限的措施: measures_by_deadline_kind, within the document
    section = slots.section(q.rest)
    period = slots.period(q.rest)
    if section or q.has("措施|任务|事项|哪些"):
        return Plan(
            "section_measures",
            "section_measures",
            {"source": document.source, "section": section},
            "section_measures",
            lambda rows: f"{document.title}{f' 第{section}部分' if section else ''} 有 {len(rows)} 项措施。",
            period=period,  # 松阳县方案中2027年底前完成的措施
        )
    return None


def instrument_documents(q: Question, g: Gazetteer) -> Plan | None:
    links = q.linked("instrument")
    if not links or not q.has("文件|文档|哪些方案|哪些意见|哪些要点|哪些报告|哪些文|哪份|几份|哪几份"):
        return None
    titles = _titles(links)
    return Plan(
        "instrument_documents",
        "instrument_documents",
        {"instruments": titles},
        "plain",
        lambda rows: f"{len({r['source'] for r in rows})} 份文件引用了《{'》《'.join(titles)}》。",
    )


def instrument_measures(q: Question, g: Gazetteer) -> Plan | None:
    links = q.linked("instrument")
    if not links:
        return None
    titles = _titles(links)
    return Plan(
        "instrument_measures",
        "instrument_measures",
        {"instruments": titles},
        "instrument_measures",
        lambda rows: f"{len({r['measure_id'] for r in rows})} 项措施引用了《{'》《'.join(titles)}》。",
        sources=_sources(q),
        period=slots.period(q.rest),
    )


def workload(q: Question, g: Gazetteer) -> Plan | None:
    units = q.linked("unit")
    # 哪几项 asks for the list, 几项 for the number
    if not units or not q.has("工作量|多少|(?<!哪)几项|(?<!哪)几个|(?<!哪)几条|数量|统计|负担|任务量|总数|分布"):
        return None
    names = [u.name for u in units[0].units]
    return Plan(
        "unit_workload",
        "unit_workload",
        {"units": names},
        "plain",
        lambda rows: (
            "; ".join(
                f"{unit}: 牵头 {sum(r['lead'] for r in rows if r['unit'] == unit)} 项, "
                f"参加 {sum(r['participate'] for r in rows if r['unit'] == unit)} 项, "
                f"责任单位 {sum(r['responsible'] for r in rows if r['unit'] == unit)} 项"
                for unit in dict.fromkeys(r["unit"] for r in rows)
            )
            or f"{units[0].text} 没有承担措施。"
        ),
        sources=_sources(q),
    )


def unit_measures(q: Question, g: Gazetteer) -> Plan | None:
    units = q.linked("unit")
    if not units:
        return None
    link = units[0]
    roles = q.roles or slots.ALL_ROLES
    words = "、".join(ROLE_ZH[r] for r in roles)

    def summary(rows: list[Row]) -> str:
        if not rows:
            return f"{link.text} 没有{words}的措施。"
        by_unit: dict[tuple[str, str], set[str]] = {}
        for row in rows:
            by_unit.setdefault((row["jurisdiction"], row["unit"]), set()).add(row["measure_id"])
        parts = [f"{unit} {len(ids)} 项" for (_, unit), ids in by_unit.items()]
        grouped = " (按辖区分组)" if len({j for j, _ in by_unit}) > 1 else ""
        return f"{link.text} {words}的措施{grouped}: " + "; ".join(parts) + "。"

    return Plan(
        "unit_measures",
        "unit_measures",
        {"units": [u.name for u in link.units], "roles": list(roles)},
        "unit_measures",
        summary,
        sources=_sources(q),
        period=slots.period(q.rest),
        # A name in one jurisdiction is never paged: the answer lists at least one whole jurisdiction.
        counted_by="unit_measure_counts" if len({u.jurisdiction for u in link.units}) > 1 else "",
        subject=link.text,
    )


def measures_by_deadline_kind(q: Question, g: Gazetteer) -> Plan | None:
    """有期限的措施 / 每年定期的期限 / 没有期限的措施 (a dated period is measures_due's)."""
    if q.linked("unit") or q.linked("instrument") or slots.period(q.rest):
        return None
    kind = slots.deadline_kind(q.rest)
    if not kind:
        return None
    said = {"any": "有期限", "recurring": "期限按周期重复 (每年、每季度…)", "none": "没有期限"}[kind]
    return Plan(
        "measures_by_deadline_kind",
        "measures_by_deadline_kind",
        {"kind": kind},
        "section_measures" if kind == "none" else "measures_due",  # no deadline phrase: show the heading
        lambda rows: f"{said}的措施共 {len(rows)} 项。",
        sources=_sources(q),
    )


_DOCUMENT_WORD = "(?:实施方案|方案|要点|计划|报告|实施意见|意见|安排|分工)"  # how a question names a document's kind
# A year followed by a document's kind word names a document (2022年要点), not a deadline period.
_DATED_DOCUMENT = re.compile(rf"\d{{4}}年度?的?(?:法治政府建设)?(?:工作)?{_DOCUMENT_WORD}")


def measures_due(q: Question, g: Gazetteer) -> Plan | Problem | None:
    period = slots.period(q.rest)
    if period is None:
        return None
    named = _DATED_DOCUMENT.search(q.rest)
    if named:  # a document the graph would have linked, had it held one
        return _unknown(g, named.group(0), "document", "没有找到文件")
    return Plan(
        "measures_due",
        "measures_due",
        {"date_from": period.date_from, "date_to": period.date_to},
        "measures_due",
        lambda rows: f"{len(rows)} 项措施的期限在 {period.text} (即 {period.date_from} 至 {period.date_to})。",
    )


def unknown_name(q: Question, g: Gazetteer) -> Problem | None:
    """The question has the shape of a known form but its name links to nothing: say so, with candidates."""
    rest = _ASK_WORDS.sub("", q.rest)
    cited = re.match(r"^(.+?)(?:被|由)(?:哪些|哪个|什么|几)", rest)
    if cited and PLACEHOLDER not in cited.group(1) and "引用" in rest:
        return _unknown(g, cited.group(1), "instrument", "没有找到被引用的文件")
    citing = re.search(r"引用(?:了|过)?(.+?)(?:的(?:措施|文件|任务)|$)", rest)
    if citing and PLACEHOLDER not in citing.group(1) and not re.search("哪些|什么|最多", citing.group(1)):
        return _unknown(g, citing.group(1), "instrument", "没有找到被引用的文件")
    document = re.match(r"^(.+?)(?:引用|援引)", rest)
    if document and PLACEHOLDER not in document.group(1) and not re.search("哪些|哪个|什么", document.group(1)):
        return _unknown(g, document.group(1), "document", "没有找到文件")
    named = re.match(rf"^(.+?{_DOCUMENT_WORD})(?:的|中|里)?(?:有哪些|有什么|有多少|共有|一共)", rest)
    if named and PLACEHOLDER not in named.group(1):  # 隆德县方案有哪些措施: a document, not a unit
        return _unknown(g, named.group(1), "document", "没有找到文件")
    unit = re.match(r"^(.+?)(?:的|都|还|共|要)?(?:牵头|主办|参与|参加|配合|协办|负责|承担|有哪些|有什么)", rest)
    if unit and PLACEHOLDER not in unit.group(1) and not re.search("哪些|哪个|什么|谁|第", unit.group(1)):
        return _unknown(g, unit.group(1), "unit", "没有找到单位")
    if _ROLE_OR_TASK.search(rest) and not q.links and re.search("[局委办院部府室]", rest):
        return _unknown(g, rest, "unit", "没有找到问题中的单位")
    return None


# Tried in this order; the first whose rule fits wins. Problems (names the graph lacks or that fit several
# things) come first, so no answer is built on a wrong name.
INTENTS: tuple[Intent, ...] = (
    Intent(missing_unit, ("宁远县司法局牵头哪些措施",)),
    Intent(ambiguous_name),
    Intent(unknown_title, ("哪些措施引用了《行政复议法》",)),
    Intent(unit_path, ("遂昌县司法局和遂昌县财政局有什么关系",)),
    Intent(unit_partners, ("县政府办和哪些单位一起牵头",)),
    Intent(shared, ("县司法局和县政府办有哪些共同措施", "县司法局牵头且县政府办参加的措施"), offered_first=3),
    Intent(measure_units, ("第22项措施由谁牵头", "松阳县方案第(13)项由谁牵头", "“规范行政裁量权基准”那条措施由谁牵头")),
    Intent(co_leading, ("哪些单位共同牵头的措施最多",), offered_first=4),
    Intent(measures_by_unit_count, ("没有牵头单位的措施", "牵头单位超过1个的措施有多少")),
    Intent(busiest, ("哪些单位牵头的措施最多", "遂昌县哪个单位牵头最多")),
    Intent(top_instruments, ("哪些法规被引用最多", "哪些法律被引用次数最多"), offered_first=5),
    Intent(similar, ("哪些措施内容重复",)),
    Intent(document_questions, ("松阳县方案引用了哪些法规", "松阳县方案第二部分有哪些措施")),
    Intent(instrument_documents, ("重大行政决策程序暂行条例被哪些文件引用",)),
    Intent(instrument_measures, ("哪些措施引用了《重大行政决策程序暂行条例》",), offered_first=2),
    Intent(workload, ("县司法局的工作量",)),
    Intent(unit_measures, ("县司法局牵头哪些措施", "遂昌县政府办负责哪些措施"), offered_first=1),
    Intent(measures_by_deadline_kind, ("哪些措施有期限", "每年定期完成的期限有哪些")),
    Intent(measures_due, ("哪些措施2026年底前完成",), offered_first=6),
    Intent(unknown_name, ("县财政厅牵头哪些措施",)),
)
# The questions that show what can be asked: the main forms first, then the rest in INTENTS order;
# questions that only show a refusal are not offered.
_REFUSALS = (missing_unit, ambiguous_name, unknown_title, unknown_name)
_OFFERED = sorted(
    (intent for intent in INTENTS if intent.examples and intent.rule not in _REFUSALS),
    key=lambda intent: intent.offered_first or len(INTENTS),
)
EXAMPLES: tuple[str, ...] = tuple(intent.examples[0] for intent in _OFFERED)


# --- helpers ----------------------------------------------------------------------------------------


def _unknown(g: Gazetteer, text: str, entity_type: EntityType, what: str) -> Problem:
    name = fold(text).strip("《》「」\"'“”的")
    candidates = g.candidates(name, entity_type)
    if not candidates and entity_type == "document":  # users pick from the documents there are
        candidates = g.candidates(name, entity_type, cutoff=0)
    hint = " 相近的有: " + "、".join(candidates) if candidates else ""
    return Problem(f"unknown_{entity_type}", f"{what}「{name}」。{hint}".strip(), candidates)


def _unknown_place(g: Gazetteer, scope: Scope) -> Problem:
    held = sorted(g.jurisdictions)
    return Problem("unknown_jurisdiction", f"图中没有「{scope.place}」的单位或文件。图中的辖区有:", held[:20])


def _within(scope: Scope | None) -> list[str]:
    return list(scope.jurisdictions) if scope else []


def _in(scope: Scope | None) -> str:
    return f"在{scope.place}," if scope else ""


def _titles(links: list[Link]) -> list[str]:
    return list(dict.fromkeys(i.title for link in links for i in link.instruments))


def _sources(q: Question) -> tuple[str, ...]:
    return tuple(d.source for link in q.linked("document") if not link.units for d in link.documents)


def _first_pair(rows: list[Row]) -> str:
    if not rows:
        return "没有。"
    return f"{rows[0]['unit_a']} 与 {rows[0]['unit_b']} ({rows[0]['measures']} 项)。"
