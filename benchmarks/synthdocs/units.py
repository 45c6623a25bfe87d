"""Unit vocabulary of a county-level jurisdiction: canonical names, the short forms documents write, kinds.

Every jurisdiction gets the same kinds of units (so 司法局 recurs across thousands of documents), each
under its own jurisdiction-qualified canonical name; documents write them with the 县/区/旗/市 prefix and
one of the aliases real documents use (县政府办 / 县政府办公室 / 县人民政府办公室).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from benchmarks.synthdocs.draw import Weighted, one
from benchmarks.synthdocs.places import Jurisdiction


@dataclass(frozen=True)
class UnitSpec:
    key: str
    kind: str
    canonical: str  # template: {J} jurisdiction, {P} prefix, {S} short name, {C} city
    mentions: tuple[str, ...]  # templates of the forms documents write
    weight: int = 1  # how often it is named outside its themes


@dataclass(frozen=True)
class Unit:
    key: str
    kind: str
    canonical: str
    mentions: tuple[str, ...]
    weight: int
    collective: bool = False


SPECS: tuple[UnitSpec, ...] = (
    UnitSpec("gov_office", "政府办公室", "{J}人民政府办公室", ("{P}政府办", "{P}政府办公室", "{P}人民政府办公室"), 8),
    UnitSpec("party_office", "党委办公室", "中共{J}委员会办公室", ("{P}委办", "{P}委办公室"), 2),
    UnitSpec("bianban", "机构编制委员会办公室", "{J}委机构编制委员会办公室", ("{P}委编办", "{P}编办"), 3),
    UnitSpec("org", "组织部", "{J}委组织部", ("{P}委组织部",), 2),
    UnitSpec("propaganda", "宣传部", "{J}委宣传部", ("{P}委宣传部",), 2),
    UnitSpec("united_front", "统战部", "{J}委统战部", ("{P}委统战部",), 1),
    UnitSpec("politics_law", "政法委员会", "{J}委政法委员会", ("{P}委政法委",), 1),
    UnitSpec("cyberspace", "网信办", "{J}委网络安全和信息化委员会办公室", ("{P}委网信办",), 1),
    UnitSpec(
        "rule_of_law_office",
        "依法治理委员会办公室",
        "{J}委全面依法治{P}委员会办公室",
        ("{P}委依法治{P}办", "{P}依法治{P}办"),
        3,
    ),
    UnitSpec("inspection", "巡察办", "{J}委巡察工作领导小组办公室", ("{P}委巡察办",), 1),
    UnitSpec("discipline", "纪委监委", "{J}纪委监委", ("{P}纪委监委",), 1),
    UnitSpec("party_school", "党校", "{J}委党校", ("{P}委党校",), 1),
    UnitSpec("justice", "司法局", "{J}司法局", ("{P}司法局",), 10),
    UnitSpec("ndrc", "发展和改革局", "{J}发展和改革局", ("{P}发改局", "{P}发展和改革局"), 3),
    UnitSpec("finance", "财政局", "{J}财政局", ("{P}财政局",), 3),
    UnitSpec("hrss", "人力资源和社会保障局", "{J}人力资源和社会保障局", ("{P}人社局", "{P}人力资源和社会保障局"), 2),
    UnitSpec("natural_resources", "自然资源局", "{J}自然资源局", ("{P}自然资源局",), 2),
    UnitSpec("housing", "住房和城乡建设局", "{J}住房和城乡建设局", ("{P}住建局", "{P}住房和城乡建设局"), 2),
    UnitSpec("transport", "交通运输局", "{J}交通运输局", ("{P}交通运输局", "{P}交通局"), 2),
    UnitSpec("agriculture", "农业农村局", "{J}农业农村局", ("{P}农业农村局",), 2),
    UnitSpec("health", "卫生健康局", "{J}卫生健康局", ("{P}卫健局", "{P}卫生健康局"), 2),
    UnitSpec("emergency", "应急管理局", "{J}应急管理局", ("{P}应急局", "{P}应急管理局"), 2),
    UnitSpec("market", "市场监督管理局", "{J}市场监督管理局", ("{P}市场监管局", "{P}市场监督管理局"), 4),
    UnitSpec("approval", "行政审批局", "{J}行政审批局", ("{P}行政审批局", "{P}审批局"), 3),
    UnitSpec("public_security", "公安局", "{J}公安局", ("{P}公安局",), 3),
    UnitSpec("education", "教育局", "{J}教育局", ("{P}教育局",), 1),
    UnitSpec("civil_affairs", "民政局", "{J}民政局", ("{P}民政局",), 1),
    UnitSpec("water", "水利局", "{J}水利局", ("{P}水利局",), 1),
    UnitSpec("forestry", "林业局", "{J}林业局", ("{P}林业局",), 1),
    UnitSpec("commerce", "商务局", "{J}商务局", ("{P}商务局",), 1),
    UnitSpec("audit", "审计局", "{J}审计局", ("{P}审计局",), 2),
    UnitSpec("statistics", "统计局", "{J}统计局", ("{P}统计局",), 1),
    UnitSpec("petition", "信访局", "{J}信访局", ("{P}信访局",), 1),
    UnitSpec("medical_insurance", "医疗保障局", "{J}医疗保障局", ("{P}医保局", "{P}医疗保障局"), 1),
    UnitSpec("veterans", "退役军人事务局", "{J}退役军人事务局", ("{P}退役军人事务局", "{P}退役军人局"), 1),
    UnitSpec(
        "urban_management",
        "城市管理局",
        "{J}城市管理和综合执法局",
        ("{P}城管局", "{P}城市管理和综合执法局"),
        2,
    ),
    UnitSpec("court", "人民法院", "{J}人民法院", ("{P}法院", "{P}人民法院"), 1),
    UnitSpec("procuratorate", "人民检察院", "{J}人民检察院", ("{P}检察院", "{P}人民检察院"), 1),
    UnitSpec("npc_office", "人大常委会办公室", "{J}人大常委会办公室", ("{P}人大常委会办公室",), 1),
    UnitSpec(
        "npc_legal",
        "人大常委会法制工作委员会",
        "{J}人大常委会法制工作委员会",
        ("{P}人大法制委", "{P}人大常委会法工委"),
        1,
    ),
    UnitSpec("cppcc_office", "政协办公室", "政协{J}委员会办公室", ("{P}政协办",), 1),
    UnitSpec("trade_union", "总工会", "{J}总工会", ("{P}总工会",), 1),
    UnitSpec("women", "妇女联合会", "{J}妇女联合会", ("{P}妇联",), 1),
    UnitSpec("youth", "共青团委员会", "共青团{J}委员会", ("团{P}委",), 1),
    UnitSpec("tax", "税务局", "国家税务总局{J}税务局", ("{P}税务局",), 1),
    UnitSpec("media_center", "融媒体中心", "{J}融媒体中心", ("{P}融媒体中心",), 1),
)

# Units whose name depends on where the jurisdiction is.
_CULTURE = (
    UnitSpec("culture_tourism", "文化和旅游局", "{J}文化和旅游局", ("{P}文旅局", "{P}文化和旅游局"), 1),
    UnitSpec(
        "culture_tourism",
        "文化和旅游局",
        "{J}文化旅游广电体育局",
        ("{P}文旅广体局", "{P}文化旅游广电体育局"),
        1,
    ),
)
_ECOLOGY_DISTRICT = UnitSpec("ecology", "生态环境局", "{J}生态环境局", ("{P}生态环境局",), 2)
# Counties answer to a branch of the prefecture's bureau: 市生态环境局宁远分局.
_ECOLOGY_BRANCH = UnitSpec(
    "ecology", "生态环境局", "{C}生态环境局{S}分局", ("市生态环境局{S}分局", "{C}生态环境局{S}分局"), 2
)
_ECOLOGY_BRANCH_OF_CITY = UnitSpec("ecology", "生态环境局", "{C}生态环境局{S}分局", ("{C}生态环境局{S}分局",), 2)
_PBOC = UnitSpec("pboc", "人民银行支行", "中国人民银行{J}支行", ("人民银行{S}支行",), 1)
_BUSINESS_ENV = UnitSpec("business_env", "营商环境建设局", "{J}营商环境建设局", ("{P}营商局",), 3)

# Collective groups: kept whole by the extractor, flagged collective. Full-width brackets as written.
_COLLECTIVES_COMMON = (
    "全{P}各部门",
    "各执法部门",
    "各行政执法部门",
    "{P}政府其他有关部门",
    "{P}政府各部门",
    "{P}政府有关部门",
    "{P}政府各工作部门",
    "{P}直各单位",
    "{P}直各有关单位",
)
_COLLECTIVES_TOWNSHIP = {
    "县": ("各乡镇（街道）", "各乡镇人民政府"),
    "自治县": ("各乡镇（街道）", "各乡镇人民政府"),
    "区": ("各街道（镇）", "各街道办事处", "各镇（街道）"),
    "旗": ("各苏木乡镇（街道）",),
    "县级市": ("各镇（街道）", "各乡镇（街道）"),
}


@dataclass(frozen=True)
class Roster:
    """The units of one jurisdiction, the same in every document written for it."""

    units: tuple[Unit, ...]
    by_key: dict[str, Unit]
    collectives: tuple[Unit, ...]
    weighted: Weighted[Unit]  # by how often each kind is named outside its themes


def _fill(template: str, j: Jurisdiction) -> str:
    return template.format(J=j.name, P=j.prefix, S=j.short, C=j.city)


def _unit(spec: UnitSpec, j: Jurisdiction) -> Unit:
    mentions = tuple(dict.fromkeys(_fill(m, j) for m in spec.mentions))
    return Unit(spec.key, spec.kind, _fill(spec.canonical, j), mentions, spec.weight)


def build_roster(j: Jurisdiction, seed: int) -> Roster:
    rng = random.Random(f"roster:{seed}:{j.province}{j.city}{j.county}")
    specs = list(SPECS)
    specs.append(_CULTURE[1] if j.province == "湖南省" else one(rng, _CULTURE))
    if j.level == "区":
        specs.append(_ECOLOGY_DISTRICT)
    else:
        specs.append(_ECOLOGY_BRANCH_OF_CITY if j.level == "县级市" else _ECOLOGY_BRANCH)
        specs.append(_PBOC)
    if j.province == "辽宁省":
        specs.append(_BUSINESS_ENV)
    units = tuple(_unit(s, j) for s in specs)
    phrases = _COLLECTIVES_COMMON + _COLLECTIVES_TOWNSHIP[j.level]
    # A group's kind is its phrase with brackets normalised: 各乡镇（街道） and 各乡镇(街道) are one kind.
    collectives = tuple(
        Unit("collective", unicodedata.normalize("NFKC", _fill(p, j)), "", (_fill(p, j),), 1, collective=True)
        for p in phrases
    )
    return Roster(units, {u.key: u for u in units}, collectives, Weighted(units, (u.weight for u in units)))


class MentionChooser:
    """Picks which written form a document uses for each unit: mostly one per document, as in reality."""

    def __init__(self, rng: random.Random, switch_rate: float = 0.04) -> None:
        self.rng = rng
        self.switch_rate = switch_rate
        self.chosen: dict[str, str] = {}

    def mention(self, unit: Unit) -> str:
        if len(unit.mentions) == 1:
            return unit.mentions[0]
        form = self.chosen.get(unit.canonical)
        if form is None or self.rng.random() < self.switch_rate:
            form = one(self.rng, unit.mentions)
            self.chosen.setdefault(unit.canonical, form)
        return form
