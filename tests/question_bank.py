"""The question bank of issue 14: questions in the phrasings users write, each with its kind and an
oracle computed from the hand-checked expected extractions of the fixture documents (never from the
tool's output). `python -m tests.question_bank` loads the fixtures into a real LadybugDB file and prints
the bank's results by kind.

An oracle is an `Expect`: `check(answer)` returns "" when the answer is exact, else what is wrong.
Measure listings compare (source, path) sets (with role and mention where the question asks a role);
names the graph lacks must answer 'not found' with candidates and no rows.
"""

from __future__ import annotations

import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.fixture_corpus import fixture_cases

if TYPE_CHECKING:
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.graph.store import GraphStore

Answer = dict[str, Any]

# --- the fixture documents, as their expected extractions describe them -------------------------------

# One shape per document: the task table is written in five shapes of one expected; load the docx.
TASK_TABLE_SHAPE = "task_table.docx"


def bank_files() -> list[Path]:
    files = []
    for case in fixture_cases():
        shapes = case.expected.get("shapes")
        if shapes and case.name != TASK_TABLE_SHAPE:
            continue
        files.append(case.path)
    return files


@dataclass(frozen=True)
class Measure:
    source: str  # the file's name, as the graph stores it
    jurisdiction: str
    path: str  # "/"-joined, as answer rows carry it
    number: str
    heading: str
    units: tuple[tuple[str, str], ...]  # (role, mention)
    collectives: frozenset[str]  # the mentions that name a group (县直各单位), not one unit
    instruments: tuple[str, ...]  # canonical titles (see `title`)
    deadlines: tuple[tuple[str, str], ...]  # (kind, ISO date or "")


def _measures() -> list[Measure]:
    out = []
    for path in bank_files():
        expected = next(c.expected for c in fixture_cases() if c.path == path)
        document = expected["document"]
        for m in expected["measures"]:
            out.append(
                Measure(
                    source=path.name,
                    jurisdiction=document.get("jurisdiction", ""),
                    path="/".join(m["path"]),
                    number=m["number"],
                    heading=m["heading"],
                    units=tuple((u["role"], unit(u["mention"])) for u in m["units"]),
                    collectives=frozenset(unit(u["mention"]) for u in m["units"] if u["collective"]),
                    instruments=tuple(title(i.get("title") or i["mention"]) for i in m["instruments"]),
                    deadlines=tuple((d["kind"], d["date"]) for d in m["deadlines"]),
                )
            )
    return out


# Short names the documents define for a title (以下简称《纲要》) and the traditional spellings of
# plan_traditional.txt: read off the fixture texts by hand.
_ALIASES = {
    "纲要": "法治政府建设实施纲要(2021-2025年)",
    "省方案": "湖南省法治政府建设实施方案(2021-2025年)",
    "重大行政決策程序暫行條例": "重大行政决策程序暂行条例",
    "湖北省行政規範性文件管理辦法": "湖北省行政规范性文件管理办法",
    "中華人民共和國行政處罰法": "行政处罚法",
    "中華人民共和國行政許可法": "行政许可法",
}
# The kind of each instrument the fixtures cite, classified by hand (法律法规 = 法律 + 行政法规 + 地方性法规).
LAWS = {"行政处罚法", "行政许可法", "民法典", "医师法", "基本医疗卫生与健康促进法", "人民调解法", "预算法"}
LAWS |= {"行政复议法", "突发事件应对法"}
ADMINISTRATIVE_REGULATIONS = {"重大行政决策程序暂行条例", "优化营商环境条例", "政府信息公开条例"}
ADMINISTRATIVE_REGULATIONS |= {"医疗机构管理条例", "医疗纠纷预防和处理条例"}
LAWS_AND_REGULATIONS = LAWS | ADMINISTRATIVE_REGULATIONS  # the fixtures cite no 地方性法规


def title(text: str) -> str:
    """One spelling per instrument: NFKC, one dash, no 中华人民共和国 prefix, aliases resolved."""
    folded = unicodedata.normalize("NFKC", text).replace("—", "-").replace("–", "-").strip("《》")
    folded = _ALIASES.get(folded, folded)
    return folded.removeprefix("中华人民共和国")


# plan_traditional.txt writes its units in traditional characters; users ask in simplified ones. The
# characters its mentions use, paired by hand; and the two spellings of one office the fixtures use.
_SIMPLIFIED = str.maketrans("編辦門場監發審數據鄉鎮處執態環農業資會務員", "编办门场监发审数据乡镇处执态环农业资会务员")
_UNIT_ALIASES = {"县政府办公室": "县人民政府办公室"}


def unit(mention: str) -> str:
    """One spelling per unit mention, for comparing the expected mentions with the rows' ones."""
    simplified = unicodedata.normalize("NFKC", mention).translate(_SIMPLIFIED)
    return _UNIT_ALIASES.get(simplified, simplified)


MEASURES = _measures()


def measures(where: Callable[[Measure], bool]) -> list[Measure]:
    return [m for m in MEASURES if where(m)]


def in_source(source: str) -> Callable[[Measure], bool]:
    return lambda m: m.source == source


def everywhere(m: Measure) -> bool:
    return True


# --- oracles --------------------------------------------------------------------------------------------


class Expect:
    def check(self, answer: Answer) -> str:
        raise NotImplementedError


def _diff(got: set[Any], want: set[Any]) -> str:
    if got == want:
        return ""
    return f"missing {sorted(want - got)[:4]} extra {sorted(got - want)[:4]} ({len(got)} vs {len(want)})"


@dataclass(frozen=True)
class Paths(Expect):
    """Exactly these measures, by (source, path)."""

    want: frozenset[tuple[str, str]]

    def check(self, answer: Answer) -> str:
        if not self.want and answer["intent"].startswith(("unknown", "ambiguous")):
            return f"answered {answer['intent']} instead of no rows"
        return _diff({(r["source"], r["path"]) for r in answer["rows"]}, set(self.want))


@dataclass(frozen=True)
class Roles(Expect):
    """Exactly these (source, path, role, mention) rows, mentions compared by `unit`."""

    want: frozenset[tuple[str, str, str, str]]

    def check(self, answer: Answer) -> str:
        got = {(r["source"], r["path"], r["role"], unit(r["mention"])) for r in answer["rows"]}
        return _diff(got, set(self.want))


@dataclass(frozen=True)
class NotFound(Expect):
    def check(self, answer: Answer) -> str:
        if not answer["intent"].startswith("unknown"):
            return f"intent {answer['intent']} with {len(answer['rows'])} rows, not 'not found'"
        if answer["rows"]:
            return f"{len(answer['rows'])} rows"
        return "" if answer["candidates"] else "no candidates"


@dataclass(frozen=True)
class Ambiguous(Expect):
    sources: frozenset[str]  # each of these documents is among the candidates

    def check(self, answer: Answer) -> str:
        if answer["intent"] != "ambiguous" or answer["rows"]:
            return f"intent {answer['intent']} with {len(answer['rows'])} rows, not ambiguous"
        named = " ".join(answer["candidates"])
        return "" if all(s in named for s in self.sources) else f"candidates {answer['candidates']}"


@dataclass(frozen=True)
class Instruments(Expect):
    """Exactly these instruments (canonical titles) among the rows."""

    want: frozenset[str]

    def check(self, answer: Answer) -> str:
        return _diff({title(r["instrument"]) for r in answer["rows"]}, set(self.want))


@dataclass(frozen=True)
class TopInstrument(Expect):
    """The first row is the instrument cited by the most documents, with that many documents."""

    names: frozenset[str]  # the most cited (ties)
    documents: int

    def check(self, answer: Answer) -> str:
        if not answer["rows"]:
            return f"no rows ({answer['intent']})"
        top = answer["rows"][0]
        if title(top["instrument"]) not in self.names or top["documents"] != self.documents:
            return f"top {top['instrument']} ({top['documents']}), want {sorted(self.names)} ({self.documents})"
        return ""


@dataclass(frozen=True)
class TopCount(Expect):
    """A ranking of units (or pairs of units): the rows' measure counts, most first, are the expected ones;
    when one unit leads the ranking, the first row is that unit (its name ends with the mention without
    县/市/区/镇)."""

    counts: tuple[int, ...]  # every unit's number of measures, most first
    top: str  # the mention of the unit with the most, "" on a tie

    def check(self, answer: Answer) -> str:
        if not answer["rows"]:
            return f"no rows ({answer['intent']})"
        got = tuple(r["measures"] for r in answer["rows"])
        if got != self.counts[: len(got)]:
            return f"counts {got}, want {self.counts}"
        first = answer["rows"][0].get("unit", "")
        if self.top and not first.endswith(self.top.lstrip("县市区镇")):
            return f"first {first}, want {self.top}"
        return ""


@dataclass(frozen=True)
class Workload(Expect):
    """The unit's number of measures in a role, summed over its rows."""

    role: str
    count: int

    def check(self, answer: Answer) -> str:
        if answer["intent"] != "unit_workload":
            return f"intent {answer['intent']}"
        got = sum(r[self.role] for r in answer["rows"])
        return "" if got == self.count else f"{self.role} {got}, want {self.count}"


@dataclass(frozen=True)
class Partners(Expect):
    """unit_partners: every (partner's measures) place, as 'source path'."""

    want: frozenset[str]

    def check(self, answer: Answer) -> str:
        got = {place for r in answer["rows"] for place in r.get("found_in", [])}
        return _diff(got, set(self.want))


# --- oracle builders ------------------------------------------------------------------------------------


def unit_rows(
    mention: str, roles: Iterable[str] = ("lead", "participate", "responsible"), where: Callable = everywhere
) -> Roles:
    wanted = set(roles)
    return Roles(
        frozenset(
            (m.source, m.path, role, said)
            for m in measures(where)
            for role, said in m.units
            if said == unit(mention) and role in wanted
        )
    )


def paths(found: Iterable[Measure]) -> Paths:
    return Paths(frozenset((m.source, m.path) for m in found))


def with_unit(m: Measure, mention: str, roles: Iterable[str] = ("lead", "participate", "responsible")) -> bool:
    return any(said == unit(mention) and role in set(roles) for role, said in m.units)


def role_count(m: Measure, role: str) -> int:
    return sum(1 for r, _ in m.units if r == role)


def cited(name: str) -> Paths:
    return paths(measures(lambda m: title(name) in m.instruments))


def document_instruments(source: str, kinds: set[str] | None = None) -> Instruments:
    found = {t for m in measures(in_source(source)) for t in m.instruments}
    return Instruments(frozenset(t for t in found if kinds is None or t in kinds))


def most_cited(where: Callable[[Measure], bool] = everywhere, kinds: set[str] | None = None) -> TopInstrument:
    documents: dict[str, set[str]] = {}
    for m in measures(where):
        for t in m.instruments:
            if kinds is None or t in kinds:
                documents.setdefault(t, set()).add(m.source)
    best = max(len(s) for s in documents.values())
    return TopInstrument(frozenset(t for t, s in documents.items() if len(s) == best), best)


def top_unit(jurisdiction: str, role: str) -> TopCount:
    """Units of a jurisdiction ranked by their measures in a role; a collective (县直各单位) is no unit."""
    counts = Counter(
        said
        for m in measures(lambda m: m.jurisdiction.startswith(jurisdiction))
        for said in {s for r, s in m.units if r == role and s not in m.collectives}
    )
    ranked = counts.most_common()
    tie = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
    return TopCount(tuple(n for _, n in ranked), "" if tie else ranked[0][0])


def top_pairs(jurisdiction: str, roles: tuple[str, ...]) -> TopCount:
    """Pairs of units of a jurisdiction holding measures together, both in the roles, by their measures."""
    counts: Counter[tuple[str, ...]] = Counter()
    for m in measures(lambda m: m.jurisdiction.startswith(jurisdiction)):
        held = sorted({said for r, said in m.units if r in roles and said not in m.collectives})
        counts.update((a, b) for i, a in enumerate(held) for b in held[i + 1 :])
    return TopCount(tuple(n for _, n in counts.most_common()), "")


def workload(mention: str, role: str, where: Callable[[Measure], bool]) -> Workload:
    return Workload(role, sum(1 for m in measures(where) if with_unit(m, mention, (role,))))


def partners(mention: str, where: Callable[[Measure], bool]) -> Partners:
    """Where the unit leads a measure with another lead."""
    return Partners(
        frozenset(
            f"{m.source} {m.path}"
            for m in measures(where)
            if with_unit(m, mention, ("lead",)) and role_count(m, "lead") > 1
        )
    )


def due(date_from: str, date_to: str, where: Callable[[Measure], bool] = everywhere) -> Paths:
    return paths(
        measures(lambda m: where(m) and any(k == "dated" and date_from <= d <= date_to for k, d in m.deadlines))
    )


def deadline_kinds(kinds: set[str], where: Callable[[Measure], bool] = everywhere) -> Paths:
    return paths(measures(lambda m: where(m) and any(k in kinds for k, _ in m.deadlines)))


def numbered(number: str, where: Callable[[Measure], bool] = everywhere, roles: Iterable[str] | None = None) -> Roles:
    wanted = set(roles or ("lead", "participate", "responsible"))
    return Roles(
        frozenset(
            (m.source, m.path, role, said)
            for m in measures(lambda m: m.number == number and where(m))
            for role, said in m.units
            if role in wanted
        )
    )


def headed(words: str, roles: Iterable[str] | None = None, where: Callable[[Measure], bool] = everywhere) -> Roles:
    wanted = set(roles or ("lead", "participate", "responsible"))
    return Roles(
        frozenset(
            (m.source, m.path, role, said)
            for m in measures(lambda m: words in m.heading and where(m))
            for role, said in m.units
            if role in wanted
        )
    )


def under(prefix: str, where: Callable[[Measure], bool], roles: Iterable[str] | None = None) -> Roles:
    wanted = set(roles or ("lead", "participate", "responsible"))
    return Roles(
        frozenset(
            (m.source, m.path, role, said)
            for m in measures(lambda m: where(m) and (m.path == prefix or m.path.startswith(prefix + "/")))
            for role, said in m.units
            if role in wanted
        )
    )


def shared(a: str, b: str, where: Callable[[Measure], bool], role_a: str = "", role_b: str = "") -> Paths:
    return paths(
        measures(
            lambda m: (
                where(m)
                and with_unit(m, a, (role_a,) if role_a else ("lead", "participate", "responsible"))
                and with_unit(m, b, (role_b,) if role_b else ("lead", "participate", "responsible"))
            )
        )
    )


def by_units(role: str, least: int, most: int, where: Callable[[Measure], bool] = everywhere) -> Paths:
    return paths(measures(lambda m: where(m) and least <= role_count(m, role) <= most))


# --- the bank -------------------------------------------------------------------------------------------

PLAN_SHIMEN = "plan_fullwidth_brackets.txt"
PROSE_SHIMEN = "table_in_prose_plan.txt"
CILI = "inline_headings.txt"
SHAOSHAN = "numbering_typos.txt"
RUCHENG = "portal_page.html"
JIAHE = "report_annual.txt"
YIDU = "plan_traditional.txt"
ZHENGXIANG = "workpoints_verbs.txt"
YUHU = "clause_forms.txt"
TIANTANG = "township_plan.txt"
YUANLING = "bureau_issuer.txt"
LINLI = "table_flattened_portal.txt"
TAOYUAN = "table_headers_variant.docx"
ANXIANG = "table_multiline_cells.html"
LIXIAN = TASK_TABLE_SHAPE
FRAGMENT = "paged_fragment.txt"
ALL_ROLES = ("lead", "participate", "responsible")


def place(name: str) -> Callable[[Measure], bool]:
    return lambda m: m.jurisdiction == name


@dataclass(frozen=True)
class Question:
    kind: str
    text: str
    expect: Expect
    wrong: str = ""  # what the tool gets wrong today ("" when it answers exactly), from KNOWN_WRONG


# What the tool gets wrong today, by question (the test marks these xfail, strict: a fix flips them).
KNOWN_WRONG: dict[str, str] = {}


def _q(kind: str, text: str, expect: Expect) -> Question:
    return Question(kind, text, expect, KNOWN_WRONG.get(text, ""))


def _bank() -> list[Question]:
    lead, part, resp = ("lead",), ("participate",), ("responsible",)
    qs = [
        # unit + role
        _q("unit_role", "县司法局牵头哪些措施", unit_rows("县司法局", lead)),
        _q("unit_role", "县司法局牵头了哪些措施", unit_rows("县司法局", lead)),
        _q("unit_role", "石门县司法局牵头哪些措施", unit_rows("县司法局", lead, place("石门县"))),
        _q("unit_role", "石门县司法局牵头的措施有哪些", unit_rows("县司法局", lead, place("石门县"))),
        _q("unit_role", "县司法局在澧县牵头哪些措施", unit_rows("县司法局", lead, place("澧县"))),
        _q("unit_role", "在石门县,县司法局参加哪些措施", unit_rows("县司法局", part, place("石门县"))),
        _q("unit_role", "澧县司法局不牵头但参加的措施", unit_rows("县司法局", part, place("澧县"))),
        _q("unit_role", "石门县司法局不牵头的措施有哪些", unit_rows("县司法局", (*part, *resp), place("石门县"))),
        _q("unit_role", "汝城县司法局负责哪些工作", unit_rows("县司法局", ALL_ROLES, place("汝城县"))),
        _q("unit_role", "汝城县司法局参与了哪些措施", unit_rows("县司法局", part, place("汝城县"))),
        _q("unit_role", "临澧县司法局牵头哪几项任务", unit_rows("县司法局", lead, place("临澧县"))),
        _q("unit_role", "哪些措施由澧县司法局牵头", unit_rows("县司法局", lead, place("澧县"))),
        _q("unit_role", "澧县司法局配合哪些措施", unit_rows("县司法局", part, place("澧县"))),
        _q("unit_role", "澧县县委编办牵头哪些措施", unit_rows("县委编办", lead, place("澧县"))),
        _q("unit_role", "安乡县司法局牵头了什么措施", unit_rows("县司法局", lead, place("安乡县"))),
        _q("unit_role", "安乡县审计局牵头哪些措施", unit_rows("县审计局", lead, place("安乡县"))),
        _q("unit_role", "桃源县司法局是哪些措施的责任单位", unit_rows("县司法局", resp, place("桃源县"))),
        _q("unit_role", "桃源县应急管理局负责哪些措施", unit_rows("县应急管理局", ALL_ROLES, place("桃源县"))),
        _q("unit_role", "韶山市司法局负责哪些措施", unit_rows("市司法局", ALL_ROLES, place("韶山市"))),
        _q("unit_role", "韶山市信访局负责什么工作", unit_rows("市信访局", ALL_ROLES, place("韶山市"))),
        _q("unit_role", "雨湖区司法局牵头哪些措施", unit_rows("区司法局", lead, place("湘潭市雨湖区"))),
        _q("unit_role", "雨湖区财政局参与哪些措施", unit_rows("区财政局", part, place("湘潭市雨湖区"))),
        _q("unit_role", "蒸湘区司法局牵头哪些措施", unit_rows("区司法局", lead, place("衡阳市蒸湘区"))),
        _q("unit_role", "蒸湘区审计局参与了哪些工作", unit_rows("区审计局", part, place("衡阳市蒸湘区"))),
        _q("unit_role", "慈利县司法局负责哪些措施", unit_rows("县司法局", ALL_ROLES, place("慈利县"))),
        _q("unit_role", "天堂镇镇司法所牵头哪些措施", unit_rows("镇司法所", lead, place("宁远县天堂镇"))),
        _q("unit_role", "天堂派出所参与哪些措施", unit_rows("天堂派出所", part, place("宁远县天堂镇"))),
        _q("unit_role", "宜都市司法局牵头哪些措施", unit_rows("市司法局", lead, place("宜都市"))),
        _q("unit_role", "临澧县公安局牵头哪些措施", unit_rows("县公安局", lead, place("临澧县"))),
        _q("unit_role", "沅陵县卫生健康综合监督执法局牵头哪些措施", unit_rows("县卫生健康综合监督执法局", lead)),
        # the same questions in other word orders, with 了/吗, abbreviations and full names
        _q("unit_role", "由石门县司法局牵头的措施有哪些", unit_rows("县司法局", lead, place("石门县"))),
        _q("unit_role", "措施中哪些是汝城县司法局牵头的", unit_rows("县司法局", lead, place("汝城县"))),
        _q("unit_role", "安乡县审计局牵头过措施吗", unit_rows("县审计局", lead, place("安乡县"))),
        _q("unit_role", "澧县政府办牵头哪些措施", unit_rows("县人民政府办公室", lead, place("澧县"))),
        _q("unit_role", "石门县政府办牵头了哪些措施", unit_rows("县政府办公室", lead, place("石门县"))),
        _q("unit_role", "韶山市人民政府办公室负责哪些措施", unit_rows("市政府办", ALL_ROLES, place("韶山市"))),
        _q("unit_role", "澧县委机构编制委员会办公室牵头哪些措施", unit_rows("县委编办", lead, place("澧县"))),
        _q("unit_role", "澧县市场监督管理局牵头哪些措施", unit_rows("县市场监管局", lead, place("澧县"))),
        _q("unit_role", "临澧县市场监督管理局牵头了什么", unit_rows("县市场监管局", lead, place("临澧县"))),
        _q("unit_role", "石门县市场监管局牵头哪些措施", unit_rows("县市场监督管理局", lead, place("石门县"))),
        # counts
        _q("counts", "石门县司法局牵头多少项措施", workload("县司法局", "lead", place("石门县"))),
        _q("counts", "汝城县司法局牵头了几项措施", workload("县司法局", "lead", place("汝城县"))),
        _q("counts", "澧县司法局的工作量", workload("县司法局", "lead", place("澧县"))),
        _q("counts", "澧县司法局参加多少项措施", workload("县司法局", "participate", place("澧县"))),
        _q("counts", "韶山市司法局承担多少项任务", workload("市司法局", "responsible", place("韶山市"))),
        _q("counts", "临澧县司法局有多少项措施", workload("县司法局", "lead", place("临澧县"))),
        _q("counts", "安乡县司法局牵头多少个措施", workload("县司法局", "lead", place("安乡县"))),
        _q("counts", "桃源县司法局是多少项措施的责任单位", workload("县司法局", "responsible", place("桃源县"))),
        _q("counts", "蒸湘区司法局牵头的措施数量", workload("区司法局", "lead", place("衡阳市蒸湘区"))),
        _q("counts", "雨湖区司法局牵头几项", workload("区司法局", "lead", place("湘潭市雨湖区"))),
        # shared measures of two units
        _q(
            "shared",
            "石门县司法局和石门县市场监督管理局有哪些共同措施",
            shared("县司法局", "县市场监督管理局", place("石门县")),
        ),
        _q(
            "shared",
            "澧县司法局和澧县县委编办共同承担哪些措施",
            shared("县司法局", "县委编办", place("澧县")),
        ),
        _q(
            "shared",
            "汝城县司法局与汝城县委组织部的共同措施",
            shared("县司法局", "县委组织部", place("汝城县")),
        ),
        _q(
            "shared",
            "临澧县司法局和临澧县公安局有哪些共同任务",
            shared("县司法局", "县公安局", place("临澧县")),
        ),
        _q(
            "shared",
            "安乡县司法局和安乡县发展和改革局共同负责哪些措施",
            shared("县司法局", "县发展和改革局", place("安乡县")),
        ),
        _q(
            "shared",
            "韶山市司法局和韶山市政府办有哪些共同措施",
            shared("市司法局", "市政府办", place("韶山市")),
        ),
        _q(
            "shared",
            "雨湖区审计局和雨湖区财政局有哪些共同措施",
            shared("区审计局", "区财政局", place("湘潭市雨湖区")),
        ),
        _q(
            "shared",
            "蒸湘区司法局和蒸湘区委组织部共同牵头哪些措施",
            shared("区司法局", "区委组织部", place("衡阳市蒸湘区"), "lead", "lead"),
        ),
        _q(
            "shared",
            "宜都市司法局和宜都市人力资源和社会保障局共同牵头的措施",
            shared("市司法局", "市人力资源和社会保障局", place("宜都市"), "lead", "lead"),
        ),
        # co-leading partners
        _q("partners", "澧县司法局和哪些单位一起牵头", partners("县司法局", place("澧县"))),
        _q("partners", "澧县县委编办和哪些单位共同牵头", partners("县委编办", place("澧县"))),
        _q("partners", "石门县司法局和哪些单位一起牵头", partners("县司法局", place("石门县"))),
        _q("partners", "汝城县司法局跟哪些部门共同牵头", partners("县司法局", place("汝城县"))),
        _q("partners", "安乡县司法局和哪些单位联合牵头", partners("县司法局", place("安乡县"))),
        _q("partners", "临澧县公安局和哪个单位一起牵头", partners("县公安局", place("临澧县"))),
        _q("partners", "蒸湘区司法局和哪些单位一起牵头", partners("区司法局", place("衡阳市蒸湘区"))),
        _q("partners", "宜都市司法局和哪些单位一起牵头", partners("市司法局", place("宜都市"))),
        # instruments cited by a document
        _q("instruments_of_document", "汝城县计划引用了哪些法规", document_instruments(RUCHENG)),
        _q("instruments_of_document", "嘉禾县的报告引用了哪些文件", document_instruments(JIAHE)),
        _q("instruments_of_document", "韶山市要点引用了哪些法规", document_instruments(SHAOSHAN)),
        _q("instruments_of_document", "慈利县方案引用了哪些法规", document_instruments(CILI)),
        _q("instruments_of_document", "蒸湘区工作要点引用了什么法规", document_instruments(ZHENGXIANG)),
        _q("instruments_of_document", "沅陵县责任清单引用了哪些法律", document_instruments(YUANLING, LAWS)),
        _q("instruments_of_document", "天堂镇工作安排引用了哪些法律", document_instruments(TIANTANG, LAWS)),
        _q("instruments_of_document", "澧县分工表引用了哪些法规", document_instruments(LIXIAN)),
        # 法律法规 = 法律 + 行政法规 + 地方性法规
        _q("laws_and_regulations", "汝城县计划引用了哪些法律法规", document_instruments(RUCHENG, LAWS_AND_REGULATIONS)),
        _q("laws_and_regulations", "慈利县方案引用了哪些法律法规", document_instruments(CILI, LAWS_AND_REGULATIONS)),
        _q("laws_and_regulations", "嘉禾县报告引用了哪些法律法规", document_instruments(JIAHE, LAWS_AND_REGULATIONS)),
        _q(
            "laws_and_regulations",
            "韶山市要点引用了哪些行政法规",
            document_instruments(SHAOSHAN, ADMINISTRATIVE_REGULATIONS),
        ),
        _q(
            "laws_and_regulations",
            "沅陵县责任清单引用的法律法规有哪些",
            document_instruments(YUANLING, LAWS_AND_REGULATIONS),
        ),
        _q("laws_and_regulations", "蒸湘区要点引用了哪些法律", document_instruments(ZHENGXIANG, LAWS)),
        _q(
            "laws_and_regulations", "引用了法律的措施有哪些", paths(measures(lambda m: bool(LAWS & set(m.instruments))))
        ),
        _q(
            "laws_and_regulations",
            "石门县哪些措施引用了法律法规",
            paths(measures(lambda m: place("石门县")(m) and bool(LAWS_AND_REGULATIONS & set(m.instruments)))),
        ),
        # instruments cited by a measure
        _q("cited_by_measures", "哪些措施引用了《重大行政决策程序暂行条例》", cited("重大行政决策程序暂行条例")),
        _q("cited_by_measures", "哪些措施引用了重大行政决策程序暂行条例", cited("重大行政决策程序暂行条例")),
        _q("cited_by_measures", "哪些措施引用了《行政处罚法》", cited("行政处罚法")),
        _q("cited_by_measures", "引用《中华人民共和国行政处罚法》的措施有哪些", cited("行政处罚法")),
        _q("cited_by_measures", "哪些措施引用了《政府信息公开条例》", cited("政府信息公开条例")),
        _q("cited_by_measures", "哪些措施引用了《行政复议法》", cited("行政复议法")),
        _q("cited_by_measures", "哪些措施提到了民法典", cited("民法典")),
        _q("cited_by_measures", "《优化营商环境条例》被哪些措施引用", cited("优化营商环境条例")),
        _q("cited_by_measures", "哪些措施引用了《湖南省行政程序规定》", cited("湖南省行政程序规定")),
        _q("cited_by_measures", "哪些措施引用了《医疗纠纷预防和处理条例》", cited("医疗纠纷预防和处理条例")),
        _q("cited_by_measures", "哪些措施引用了《行政许可法》", cited("行政许可法")),
        _q("cited_by_measures", "哪些措施引用了《突发事件应对法》", cited("突发事件应对法")),
        # most cited
        _q("most_cited", "引用最多的法规是哪部", most_cited()),
        _q("most_cited", "被引用最多的文件是什么", most_cited()),
        _q("most_cited", "哪些法律被引用得最多", most_cited(kinds=LAWS)),
        _q("most_cited", "引用最多的行政法规", most_cited(kinds=ADMINISTRATIVE_REGULATIONS)),
        _q("most_cited", "石门县引用最多的行政法规", most_cited(place("石门县"), ADMINISTRATIVE_REGULATIONS)),
        _q("most_cited", "引用次数最多的前3部法律法规", most_cited(kinds=LAWS_AND_REGULATIONS)),
        # documents by short names (place + kind, year + kind)
        _q("document_names", "汝城县计划有哪些措施", paths(measures(in_source(RUCHENG)))),
        _q("document_names", "汝城县的工作计划有哪些任务", paths(measures(in_source(RUCHENG)))),
        _q("document_names", "嘉禾县的报告有哪些措施", paths(measures(in_source(JIAHE)))),
        _q("document_names", "2023年报告有哪些措施", paths(measures(in_source(JIAHE)))),
        _q("document_names", "嘉禾县年度报告有哪些工作", paths(measures(in_source(JIAHE)))),
        _q("document_names", "嘉禾县的报告有多少项", paths(measures(in_source(JIAHE)))),
        _q("document_names", "嘉禾县年报一共几条", paths(measures(in_source(JIAHE)))),
        _q("document_names", "嘉禾县2023年度报告里有哪些措施", paths(measures(in_source(JIAHE)))),
        _q("document_names", "慈利县方案有哪些措施", paths(measures(in_source(CILI)))),
        _q("document_names", "慈利县的实施方案有哪些措施", paths(measures(in_source(CILI)))),
        _q("document_names", "韶山市要点有哪些措施", paths(measures(in_source(SHAOSHAN)))),
        _q("document_names", "蒸湘区工作要点有哪些措施", paths(measures(in_source(ZHENGXIANG)))),
        _q("document_names", "雨湖区的要点有哪些措施", paths(measures(in_source(YUHU)))),
        _q("document_names", "宜都市方案有哪些措施", paths(measures(in_source(YIDU)))),
        _q("document_names", "天堂镇工作安排有哪些措施", paths(measures(in_source(TIANTANG)))),
        _q("document_names", "桃源县工作安排有哪些措施", paths(measures(in_source(TAOYUAN)))),
        _q("document_names", "澧县分工表有哪些任务", paths(measures(in_source(LIXIAN)))),
        _q("document_names", "临澧县任务分解表有哪些任务", paths(measures(in_source(LINLI)))),
        _q("document_names", "安乡县责任清单有哪些措施", paths(measures(in_source(ANXIANG)))),
        _q("document_names", "沅陵县的责任清单有哪些措施", paths(measures(in_source(YUANLING)))),
        _q("document_names", "石门县方案有哪些措施", Ambiguous(frozenset({PLAN_SHIMEN, PROSE_SHIMEN}))),
        _q(
            "document_names",
            "慈利县方案第三部分有哪些措施",
            paths(measures(lambda m: m.source == CILI and m.path.startswith("三/"))),
        ),
        _q(
            "document_names",
            "汝城县计划第二部分有哪些措施",
            paths(measures(lambda m: m.source == RUCHENG and m.path.startswith("二/"))),
        ),
        # measures by number
        _q("measure_number", "第21项措施由哪些单位负责", numbered("21")),
        _q("measure_number", "第22项措施由谁负责", numbered("22")),
        _q("measure_number", "第二十二项措施的责任单位是哪个", numbered("22", roles=resp)),
        _q("measure_number", "第30项由哪些单位负责", numbered("30")),
        _q("measure_number", "韶山市要点第21项由谁负责", numbered("21", in_source(SHAOSHAN))),
        _q("measure_number", "澧县分工表第9项由谁牵头", numbered("9", in_source(LIXIAN), lead)),
        _q("measure_number", "汝城县计划第4项由哪个单位牵头", numbered("4", in_source(RUCHENG), lead)),
        _q("measure_number", "临澧县任务分解表第6项由谁牵头", numbered("6", in_source(LINLI), lead)),
        _q("measure_number", "第(2)项由谁负责", numbered("(2)")),
        _q("measure_number", "慈利县方案第(3)项由谁负责", numbered("(3)", in_source(CILI))),
        _q(
            "measure_number",
            "石门县法治政府建设实施方案(2024-2025年)第12项由谁负责",
            numbered("12", in_source(PLAN_SHIMEN)),
        ),
        _q("measure_number", "石门县方案第12项由谁负责", Ambiguous(frozenset({PLAN_SHIMEN, PROSE_SHIMEN}))),
        _q("measure_number", "蒸湘区要点第(三)项由谁负责", numbered("(三)", in_source(ZHENGXIANG))),
        _q("measure_number", "韶山市要点23项由谁负责", numbered("23", in_source(SHAOSHAN))),
        _q("measure_number", "韶山市要点第(23)项由谁负责", numbered("23", in_source(SHAOSHAN))),
        _q("measure_number", "第三十项措施的责任单位有哪些", numbered("30", roles=resp)),
        _q("measure_number", "桃源县工作安排第8项的配合单位", numbered("8", in_source(TAOYUAN), part)),
        # measures by heading words
        _q("measure_heading", "“规范行政裁量权基准”那条措施由谁牵头", headed("规范行政裁量权基准", lead)),
        _q("measure_heading", "「加强审计监督」这项任务由谁负责", headed("加强审计监督")),
        _q("measure_heading", "“推进政务诚信建设”由哪个单位牵头", headed("推进政务诚信建设", lead)),
        _q("measure_heading", "“强化督促检查”那项措施由谁牵头", headed("强化督促检查", lead)),
        _q("measure_heading", "“依法化解医疗纠纷”由哪些单位参与", headed("依法化解医疗纠纷", part)),
        _q("measure_heading", "“开展耕地保护执法检查”的责任单位", headed("开展耕地保护执法检查", resp)),
        _q("measure_heading", "“推进审计监督全覆盖”那条措施由谁配合", headed("推进审计监督全覆盖", part)),
        _q("measure_heading", "“加强应急避难场所建设”由谁牵头", headed("加强应急避难场所建设", lead)),
        # second-level items
        _q(
            "second_level",
            "石门县法治政府建设实施方案(2024-2025年)第二部分第(一)项由谁负责",
            under("二/(一)", in_source(PLAN_SHIMEN)),
        ),
        _q("second_level", "蒸湘区要点第二部分第(三)项由谁负责", under("二/(三)", in_source(ZHENGXIANG))),
        _q("second_level", "宜都市方案第四部分第(二)项由谁牵头", under("四/(二)", in_source(YIDU), lead)),
        _q("second_level", "第三部分第(一)项由谁牵头", under("三/(一)", everywhere, lead)),
        _q("second_level", "宜都市方案第二部分第(三)项由谁配合", under("二/(三)", in_source(YIDU), part)),
        _q("second_level", "蒸湘区工作要点第五部分第(二)项由谁牵头", under("五/(二)", in_source(ZHENGXIANG), lead)),
        # scoped rankings
        _q("scoped_ranking", "石门县哪个单位牵头最多", top_unit("石门县", "lead")),
        _q("scoped_ranking", "澧县牵头措施最多的单位", top_unit("澧县", "lead")),
        _q("scoped_ranking", "宁远县哪个单位牵头最多", top_unit("宁远县", "lead")),
        _q("scoped_ranking", "汝城县哪些部门牵头的措施最多", top_unit("汝城县", "lead")),
        _q("scoped_ranking", "临澧县哪个单位参加的措施最多", top_unit("临澧县", "participate")),
        _q("scoped_ranking", "韶山市哪个单位负责的措施最多", top_unit("韶山市", "responsible")),
        _q("scoped_ranking", "安乡县牵头最多的前3个单位", top_unit("安乡县", "lead")),
        _q("scoped_ranking", "雨湖区哪个单位牵头最多", top_unit("湘潭市雨湖区", "lead")),
        _q("scoped_ranking", "石门县哪些单位共同牵头的措施最多", top_pairs("石门县", lead)),
        _q("scoped_ranking", "安乡县哪些单位一起参加的措施最多", top_pairs("安乡县", part)),
        _q("scoped_ranking", "澧县哪些单位共同承担的措施最多", top_pairs("澧县", (*lead, *part, *resp))),
        # deadlines: a period
        _q("deadline_period", "哪些措施2024年底前完成", due("2024-01-01", "2024-12-31")),
        _q("deadline_period", "2024年6月底前要完成哪些措施", due("2024-06-01", "2024-06-30")),
        _q("deadline_period", "哪些措施在2024年第三季度完成", due("2024-07-01", "2024-09-30")),
        _q("deadline_period", "2024年上半年到期的措施", due("2024-01-01", "2024-06-30")),
        _q("deadline_period", "2025年到期的措施有哪些", due("2025-01-01", "2025-12-31")),
        _q("deadline_period", "2024年10月到期的措施有哪些", due("2024-10-01", "2024-10-31")),
        _q("deadline_period", "汝城县计划中2024年底前完成的措施", due("2024-01-01", "2024-12-31", in_source(RUCHENG))),
        _q("deadline_period", "澧县分工表中2024年下半年完成的任务", due("2024-07-01", "2024-12-31", in_source(LIXIAN))),
        # deadlines: any, recurring, none
        _q("deadline_any", "有期限的措施有哪些", deadline_kinds({"dated", "recurring", "ongoing"})),
        _q("deadline_any", "哪些措施有明确的完成时限", deadline_kinds({"dated", "recurring", "ongoing"})),
        _q("deadline_any", "汝城县计划中有期限的措施", deadline_kinds({"dated", "recurring"}, in_source(RUCHENG))),
        _q(
            "deadline_any",
            "沅陵县责任清单里有完成时限的措施",
            deadline_kinds({"dated", "recurring", "ongoing"}, in_source(YUANLING)),
        ),
        _q("deadline_recurring", "哪些措施的期限是每年定期的", deadline_kinds({"recurring"})),
        _q("deadline_recurring", "每年都有期限的措施", deadline_kinds({"recurring"})),
        _q("deadline_recurring", "每年要开展的工作有哪些", deadline_kinds({"recurring"})),
        _q("deadline_recurring", "周期性的任务有哪些", deadline_kinds({"recurring"})),
        _q("deadline_recurring", "期限按周期重复的措施有哪些", deadline_kinds({"recurring"})),
        _q(
            "deadline_recurring",
            "韶山市要点中每年定期完成期限的措施",
            deadline_kinds({"recurring"}, in_source(SHAOSHAN)),
        ),
        _q("deadline_none", "没有期限的措施有哪些", paths(measures(lambda m: not m.deadlines))),
        _q("deadline_none", "哪些措施没有明确的完成时限", paths(measures(lambda m: not m.deadlines))),
        _q(
            "deadline_none",
            "雨湖区要点中没有期限的措施",
            paths(measures(lambda m: m.source == YUHU and not m.deadlines)),
        ),
        _q(
            "deadline_none",
            "慈利县方案中没有期限的措施",
            paths(measures(lambda m: m.source == CILI and not m.deadlines)),
        ),
        # compound conditions
        _q(
            "compound",
            "石门县政府办公室牵头且石门县司法局参加的措施",
            shared("县政府办公室", "县司法局", place("石门县"), "lead", "participate"),
        ),
        _q(
            "compound",
            "澧县司法局牵头、澧县政务服务中心配合的措施有哪些",
            shared("县司法局", "县政务服务中心", place("澧县"), "lead", "participate"),
        ),
        _q(
            "compound",
            "临澧县财政局牵头且临澧县市场监管局参加的措施",
            shared("县财政局", "县市场监管局", place("临澧县"), "lead", "participate"),
        ),
        _q(
            "compound",
            "汝城县委组织部牵头且汝城县司法局参加的措施",
            shared("县委组织部", "县司法局", place("汝城县"), "lead", "participate"),
        ),
        _q("compound", "牵头单位超过2个的措施", by_units("lead", 3, 99)),
        _q("compound", "牵头单位超过1个的措施有哪些", by_units("lead", 2, 99)),
        _q("compound", "哪些措施有多个牵头单位", by_units("lead", 2, 99)),
        _q("compound", "牵头单位两个及以上的措施", by_units("lead", 2, 99)),
        _q("compound", "澧县哪些措施牵头单位不止一个", by_units("lead", 2, 99, place("澧县"))),
        _q("compound", "有3个以上配合单位的措施", by_units("participate", 3, 99)),
        # listings within a place (all of its documents, no other's)
        _q("scoped_listing", "石门县有期限的措施", deadline_kinds({"dated", "recurring", "ongoing"}, place("石门县"))),
        _q("scoped_listing", "石门县哪些措施2024年底前完成", due("2024-01-01", "2024-12-31", place("石门县"))),
        _q(
            "scoped_listing",
            "雨湖区哪些措施没有期限",
            paths(measures(lambda m: place("湘潭市雨湖区")(m) and not m.deadlines)),
        ),
        _q("scoped_listing", "石门县哪些任务没有牵头单位", by_units("lead", 0, 0, place("石门县"))),
        _q(
            "scoped_listing",
            "澧县哪些措施引用了行政处罚法",
            paths(measures(lambda m: place("澧县")(m) and title("行政处罚法") in m.instruments)),
        ),
        _q("compound", "没有牵头单位的措施有哪些", by_units("lead", 0, 0)),
        _q("compound", "韶山市要点中没有牵头单位的措施", by_units("lead", 0, 0, in_source(SHAOSHAN))),
        _q("compound", "澧县分工表中牵头单位超过1个的措施", by_units("lead", 2, 99, in_source(LIXIAN))),
        _q("compound", "只有1个责任单位的措施", by_units("responsible", 1, 1)),
        _q("compound", "只有1个牵头单位的措施", by_units("lead", 1, 1)),
        # names the graph lacks: not found with candidates, never rows of another one
        _q("not_found", "宁远县司法局牵头哪些措施", NotFound()),
        _q("not_found", "县司法局在北京市牵头哪些措施", NotFound()),
        _q("not_found", "宁远县司法局的工作量", NotFound()),
        _q("not_found", "松阳县司法局牵头哪些措施", NotFound()),
        _q("not_found", "石门县卫健局牵头哪些措施", NotFound()),
        _q("not_found", "澧县审计局负责哪些措施", NotFound()),
        _q("not_found", "北京市哪个单位牵头最多", NotFound()),
        _q("not_found", "松阳县哪个单位牵头最多", NotFound()),
        _q("not_found", "隆德县方案有哪些措施", NotFound()),
        _q("not_found", "蒸湘区方案引用了哪些法规", NotFound()),
        _q("not_found", "汝城县的报告有哪些措施", NotFound()),
        _q("not_found", "2022年要点有哪些措施", NotFound()),
        _q("not_found", "哪些措施引用了《行政强制法》", NotFound()),
        _q("not_found", "《法治中国建设规划》被哪些文件引用", NotFound()),
        _q("not_found", "宁远县方案有哪些措施", NotFound()),
        _q("not_found", "凤凰县的报告引用了哪些法规", NotFound()),
        _q("not_found", "2021年要点有哪些措施", NotFound()),
        _q("not_found", "凤凰县司法局负责哪些措施", NotFound()),
        _q("not_found", "凤凰县哪个单位牵头最多", NotFound()),
        _q("not_found", "县宇宙局牵头哪些措施", NotFound()),
        _q("not_found", "遂昌县政府办和哪些单位一起牵头", NotFound()),
        _q("not_found", "长沙市引用最多的法规", NotFound()),
    ]
    return qs


BANK: list[Question] = _bank()


def ask_bank(store: GraphStore, question: Question) -> Answer:
    from policykg.queries.ask import ask

    return ask(store, question.text, max_rows=None)


def verdict(store: GraphStore, question: Question) -> str:
    """ "" when the tool answers the question exactly, else what is wrong (a row without a field the
    oracle compares is wrong too)."""
    answer = ask_bank(store, question)
    try:
        return question.expect.check(answer)
    except KeyError as missing:
        return f"{answer['intent']} rows lack {missing}"


def load_store(directory: Path) -> LadybugStore:
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.graph.loader import load
    from policykg.ingest.pipeline import extract_file

    store = LadybugStore(directory / "bank.lbug")
    load(store, [extract_file(path) for path in bank_files()])
    return store


def results_table(store: GraphStore) -> str:
    """kind | questions | exact | wrong, in markdown, with a total line."""
    table: dict[str, list[int]] = {}
    for question in BANK:
        row = table.setdefault(question.kind, [0, 0])
        row[0] += 1
        row[1] += not verdict(store, question)
    lines = ["| kind | questions | exact | wrong |", "|---|---|---|---|"]
    lines += [f"| {kind} | {n} | {exact} | {n - exact} |" for kind, (n, exact) in table.items()]
    exact = sum(row[1] for row in table.values())
    lines.append(f"| all | {len(BANK)} | {exact} | {len(BANK) - exact} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the results table; -v also prints what each wrong answer gets wrong."""
    with tempfile.TemporaryDirectory() as directory:
        store = load_store(Path(directory))
        try:
            if "-v" in argv:
                for question in BANK:
                    problem = verdict(store, question)
                    if problem:
                        print(f"WRONG {question.kind} {question.text}: {problem}")
            print(results_table(store))
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
