"""Citations: national laws and regulations from the shared title list (read at generation time), local
regulations of the document's province from the same list, and plan-style titles built for the jurisdiction."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synthdocs.draw import one
from benchmarks.synthdocs.places import Jurisdiction
from benchmarks.synthdocs.truth import CitationTruth

LAW_TITLES_TSV = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cn_law_titles.tsv"

# Laws and regulations rule-of-law plans cite again and again; kinds come from the title list when present.
COMMON = (
    "宪法", "民法典", "行政处罚法", "行政许可法", "行政强制法", "行政复议法", "行政诉讼法", "立法法",
    "政府信息公开条例", "优化营商环境条例", "重大行政决策程序暂行条例", "法律援助法", "社区矫正法",
    "人民调解法", "安全生产法", "突发事件应对法", "个人信息保护法", "数据安全法", "行政复议法实施条例",
    "保障中小企业款项支付条例", "规章制定程序条例", "法规规章备案条例", "国家赔偿法", "公职人员政务处分法",
    "监察法", "公务员法", "反不正当竞争法", "食品安全法", "环境保护法", "土地管理法", "治安管理处罚法",
    "乡村振兴促进法",
)  # fmt: skip
# Used only when the title list is missing, so the generator still runs; kinds are facts.
_FALLBACK = {
    "宪法": "法律", "民法典": "法律", "行政处罚法": "法律", "行政许可法": "法律", "行政复议法": "法律",
    "行政诉讼法": "法律", "法律援助法": "法律", "政府信息公开条例": "行政法规",
    "优化营商环境条例": "行政法规", "重大行政决策程序暂行条例": "行政法规",
}  # fmt: skip

# Central documents these plans implement (real titles), with their kind.
CENTRAL = (
    ("法治政府建设实施纲要（2021—2025年）", "规划"),
    ("法治中国建设规划（2020—2025年）", "规划"),
    ("法治社会建设实施纲要（2020—2025年）", "规划"),
    ("党政主要负责人履行推进法治建设第一责任人职责规定", "党内法规"),
    ("法治政府建设与责任落实督察工作规定", "党内法规"),
    ("信访工作条例", "党内法规"),
    ("关于推行法律顾问制度和公职律师公司律师制度的意见", "规范性文件"),
    ("关于健全行政裁决制度加强行政裁决工作的意见", "规范性文件"),
    ("关于加强社会主义法治文化建设的意见", "规范性文件"),
    ("国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", "规范性文件"),
    ("国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知", "规范性文件"),
    ("国务院办公厅关于加强和改进行政应诉工作的意见", "规范性文件"),
    (
        "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
        "规范性文件",
    ),
)

# Plan-style titles of the jurisdiction and its superiors: (template, kind, level).
LOCAL_TEMPLATES = (
    ("{prov}法治政府建设实施方案（2021—2025年）", "规范性文件", "省"),
    ("{prov}行政程序规定", "规章", "省"),
    ("{prov}重大行政决策程序规定", "规章", "省"),
    ("{prov}行政规范性文件管理办法", "规章", "省"),
    ("{city}行政规范性文件管理办法", "规章", "市"),
    ("{city}法治政府建设实施方案（2021—2025年）", "规范性文件", "市"),
    ("{J}重大行政决策程序规则", "规范性文件", "县"),
    ("{J}行政执法公示办法", "规范性文件", "县"),
    ("{J}{year}年度涉企行政执法检查计划", "规范性文件", "县"),
    ("{J}政府合同管理办法（试行）", "规范性文件", "县"),
    ("{J}关于加强行政机关负责人出庭应诉工作的实施意见", "规范性文件", "县"),
)
NESTED_TEMPLATES = (
    ("{J}人民政府关于印发{o}{J}{year}年法治政府建设工作要点{c}的通知", "县"),
    ("{J}人民政府办公室关于印发{o}{J}行政执法公示办法{c}{o}{J}重大行政执法决定法制审核办法{c}的通知", "县"),
    ("{J}贯彻落实{o}法治政府建设实施纲要（2021—2025年）{c}实施方案", "县"),
    ("{prov}人民政府关于印发{o}{prov}法治政府建设实施方案（2021—2025年）{c}的通知", "省"),
)
PROVINCE_ABBR = {
    "湖南省": "湘", "辽宁省": "辽", "宁夏回族自治区": "宁", "浙江省": "浙", "江苏省": "苏", "山东省": "鲁",
    "四川省": "川", "河南省": "豫", "广东省": "粤", "内蒙古自治区": "内", "贵州省": "黔",
}  # fmt: skip


def canonical_title(mention: str) -> str:
    title = unicodedata.normalize("NFKC", mention)
    for dash in ("—", "–", "‐"):
        title = title.replace(dash, "-")
    return title.replace("<", "〈").replace(">", "〉")


@dataclass(frozen=True)
class Gazetteer:
    common: tuple[tuple[str, str], ...]  # (title, kind)
    national: tuple[tuple[str, str], ...]
    local_by_province: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: Path = LAW_TITLES_TSV) -> Gazetteer:
        if not path.exists():
            return cls(tuple(_FALLBACK.items()), (), {})
        kinds: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("title\t") or "\t" not in line:
                continue
            title, kind = line.split("\t")[:2]
            kinds.setdefault(title, kind)
        common = tuple((t, kinds[t]) for t in COMMON if t in kinds)
        national = tuple(
            (t, k)
            for t, k in kinds.items()
            if k in ("法律", "行政法规") and len(t) <= 14 and t.endswith(("法", "条例")) and "军" not in t
        )
        local: dict[str, list[str]] = {}
        for t, k in kinds.items():
            if k == "地方性法规" and "（" not in t and len(t) <= 20:
                for province in PROVINCE_ABBR:
                    if t.startswith(province):
                        local.setdefault(province, []).append(t)
        return cls(common, national, {p: tuple(v) for p, v in local.items()})


class CitationMaker:
    """Builds citation fragments for one document and records each citation it writes."""

    def __init__(self, gaz: Gazetteer, j: Jurisdiction, year: int, rng: random.Random, convert: Callable[[str], str]):
        self.gaz, self.j, self.year, self.rng, self.convert = gaz, j, year, rng, convert
        self.aliases: list[tuple[str, str]] = []  # (alias, full) defined in the preamble

    def _dash(self, title: str) -> str:
        return title.replace("—", one(self.rng, ("—", "-", "—", "－")))

    def _docnumber(self, level: str, same_year: bool = False) -> str:
        """A plausible number: the document's own year when the title names it, else an earlier one."""
        year = self.year if same_year else self.rng.randint(self.year - 4, self.year - 1)
        n = self.rng.randint(1, 60)
        if level == "省":
            return f"{PROVINCE_ABBR[self.j.province]}政发〔{year}〕{n}号"
        if level == "市":
            return f"{self.j.city[0]}政办发〔{year}〕{n}号"
        return f"{self.j.abbreviation}政办发〔{year}〕{n}号"

    def _fill(self, template: str, **extra: str) -> str:
        return template.format(prov=self.j.province, city=self.j.city, J=self.j.name, year=self.year, **extra)

    def law(self, marked: bool) -> tuple[str, str, str]:
        """(mention, title, kind) of a national law or regulation."""
        pool = self.gaz.common if (not self.gaz.national or self.rng.random() < 0.8) else self.gaz.national
        title, kind = one(self.rng, pool)
        if not marked and kind != "法律" and title not in COMMON:
            title, kind = one(self.rng, self.gaz.common)
        mention = title
        if marked and kind == "法律" and self.rng.random() < 0.5:
            mention = "中华人民共和国" + title
        return mention, title, kind

    def titled(self) -> tuple[str, str, str, str]:
        """(mention, title, kind, doc_number) of a marked citation that is not a national law."""
        r = self.rng.random()
        local = self.gaz.local_by_province.get(self.j.province, ())
        if r < 0.3:
            mention, kind = one(self.rng, CENTRAL)
            mention = self._dash(mention)
            return mention, canonical_title(mention), kind, ""
        if r < 0.45 and local:
            title = one(self.rng, local)  # 浙江省实施《道路交通安全法》办法 is cited as 《…〈…〉…》
            return title.replace("《", "〈").replace("》", "〉"), title, "地方性法规", ""
        template, kind, level = one(self.rng, LOCAL_TEMPLATES)
        mention = self._dash(self._fill(template))
        dated = "{year}" in template
        number = self._docnumber(level, dated) if kind == "规范性文件" and self.rng.random() < 0.35 else ""
        return mention, canonical_title(mention), kind, number

    def nested(self) -> tuple[str, str, str, str]:
        template, level = one(self.rng, NESTED_TEMPLATES)
        o, c = ("〈", "〉") if self.rng.random() < 0.7 else ("<", ">")
        mention = self._dash(self._fill(template, o=o, c=c))
        return mention, canonical_title(mention), "规范性文件", self._docnumber(level, "{year}" in template)

    def sentence(self, where: str) -> tuple[str, list[CitationTruth]]:
        """One body sentence (without 。) citing one or two instruments."""
        rng, cv = self.rng, self.convert
        lead, tail = one(rng, _LEADS), one(rng, _TAILS)
        r = rng.random()
        if r < 0.28:  # unmarked national law
            mention, title, kind = self.law(marked=False)
            return cv(f"{lead}{mention}，{tail}"), [CitationTruth(cv(mention), title, kind, "unmarked", where)]
        if r < 0.5:
            mention, title, kind = self.law(marked=True)
            return cv(f"{lead}《{mention}》，{tail}"), [CitationTruth(cv(mention), title, kind, "marked", where)]
        if r < 0.62:  # two titles back to back: 《…》《…》
            first, second = self.titled(), self.law(marked=True)
            text = f"{lead}《{first[0]}》《{second[0]}》，{tail}"
            return cv(text), [
                CitationTruth(cv(first[0]), first[1], first[2], _form(first[0]), where),
                CitationTruth(cv(second[0]), second[1], second[2], "marked", where),
            ]
        if r < 0.72:
            mention, title, kind, number = self.nested()
            text = f"{lead}《{mention}》（{number}），{tail}"
            return cv(text), [CitationTruth(cv(mention), title, kind, "nested", where, number)]
        if r < 0.8 and self.aliases:
            alias, full = one(rng, self.aliases)
            text = f"对照《{alias}》要求，{tail}"
            return cv(text), [CitationTruth(cv(alias), canonical_title(full), "规划", "alias", where)]
        mention, title, kind, number = self.titled()
        text = f"{lead}《{mention}》（{number}），{tail}" if number else f"{lead}《{mention}》，{tail}"
        return cv(text), [CitationTruth(cv(mention), title, kind, _form(mention), where, number)]

    def preamble(self) -> tuple[str, list[CitationTruth]]:
        """为贯彻落实《纲要》(以下简称《纲要》)… : defines the alias later measures may use."""
        full = self._dash(CENTRAL[0][0])
        province_plan = self._dash(LOCAL_TEMPLATES[0][0].format(prov=self.j.province))
        self.aliases.append(("纲要", canonical_title(full)))
        text = f"为深入贯彻落实《{full}》（以下简称《纲要》）和《{province_plan}》，结合{self.j.name}实际"
        cv = self.convert
        return cv(text), [
            CitationTruth(cv(full), canonical_title(full), "规划", "marked", "preamble"),
            CitationTruth("纲要", canonical_title(full), "规划", "alias", "preamble"),
            CitationTruth(cv(province_plan), canonical_title(province_plan), "规范性文件", "marked", "preamble"),
        ]


def _form(mention: str) -> str:
    return "nested" if "〈" in mention or "<" in mention else "marked"


_LEADS = ("认真贯彻落实", "严格执行", "深入贯彻", "全面落实", "认真执行", "严格落实")
_TAILS = ("推动各项制度要求落地见效", "确保各项规定落到实处", "结合实际细化工作措施", "进一步完善配套制度")
