"""Unit normalisation: a mention as written (县司法局) → one jurisdiction-qualified unit (宁远县司法局) with a kind.

Aliases are exact rewrites of the part after the place prefix (政府办 → 人民政府办公室); nothing here is
fuzzy, because a near miss such as 区审批局 / 区审计局 names a different body.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.core.jurisdictions import Jurisdiction as Jurisdiction  # re-exported: it lives in core.jurisdictions
from policykg.core.jurisdictions import find_jurisdiction as find_jurisdiction
from policykg.core.places import leading_place
from policykg.core.unit_words import is_collective

# short or variant body → canonical body (the name after the place prefix)
BODY_ALIASES: dict[str, str] = {
    "政府": "人民政府",
    "政府办": "人民政府办公室",
    "政府办公室": "人民政府办公室",
    "府办": "人民政府办公室",
    "政府办公厅": "人民政府办公厅",
    "委办": "委办公室",
    "委编办": "委机构编制委员会办公室",
    "编办": "委机构编制委员会办公室",
    "机构编制委员会办公室": "委机构编制委员会办公室",
    "审批局": "行政审批局",
    "行政审批服务局": "行政审批服务局",
    "应急局": "应急管理局",
    "发改局": "发展和改革局",
    "发展改革局": "发展和改革局",
    "发改委": "发展和改革委员会",
    "发展改革委": "发展和改革委员会",
    "市场监管局": "市场监督管理局",
    "人社局": "人力资源和社会保障局",
    "人力资源社会保障局": "人力资源和社会保障局",
    "卫健局": "卫生健康局",
    "卫健委": "卫生健康委员会",
    "卫生健康委": "卫生健康委员会",
    "住建局": "住房和城乡建设局",
    "住房城乡建设局": "住房和城乡建设局",
    "交通局": "交通运输局",
    "文旅局": "文化和旅游局",
    "文化旅游局": "文化和旅游局",
    "教体局": "教育和体育局",
    "科技局": "科学技术局",
    "工信局": "工业和信息化局",
    "经信局": "经济和信息化局",
    "医保局": "医疗保障局",
    "退役军人局": "退役军人事务局",
    "城管局": "城市管理局",
    "营商局": "营商环境建设局",
    "自然资源规划局": "自然资源和规划局",
    "农业农村局": "农业农村局",
    "环保局": "生态环境局",
    "统计局": "统计局",
    "法院": "人民法院",
    "检察院": "人民检察院",
    "党校": "委党校",
    "宣传部": "委宣传部",
    "组织部": "委组织部",
    "政法委": "委政法委员会",
    "委政法委": "委政法委员会",
    "人大法制委": "人大法制委员会",
    # short forms real documents write (县委网信办, 区政务中心, 县文旅广体局 …)
    "委网信办": "委网络安全和信息化委员会办公室",
    "网信办": "委网络安全和信息化委员会办公室",
    "委统战部": "委统一战线工作部",
    "统战部": "委统一战线工作部",
    "委巡察办": "委巡察工作领导小组办公室",
    "纪委监委": "纪律检查委员会监察委员会",
    "纪委": "纪律检查委员会",
    "监委": "监察委员会",
    "委督查室": "委办公室督查室",
    "人大常委会": "人民代表大会常务委员会",
    "人大": "人民代表大会常务委员会",
    "人武部": "人民武装部",
    "总工会": "总工会",
    "妇联": "妇女联合会",
    "残联": "残疾人联合会",
    "工商联": "工商业联合会",
    "科协": "科学技术协会",
    "文联": "文学艺术界联合会",
    "侨联": "归国华侨联合会",
    "政务中心": "政务服务中心",
    "政务服务中心": "政务服务中心",
    "融媒体中心": "融媒体中心",
    "公共资源交易中心": "公共资源交易中心",
    "数据局": "数据资源局",
    "民宗局": "民族宗教事务局",
    "林草局": "林业和草原局",
    "林业草原局": "林业和草原局",
    "文旅广体局": "文化旅游广电体育局",
    "文广旅局": "文化广电和旅游局",
    "文化广电旅游局": "文化广电和旅游局",
    "综合执法局": "综合行政执法局",
    "城管执法局": "城市管理综合执法局",
    "城市管理和综合执法局": "城市管理和综合执法局",
    "自规局": "自然资源和规划局",
    "自然资源局": "自然资源局",
    "住建委": "住房和城乡建设委员会",
    "教育体育局": "教育和体育局",
    "科工局": "科学技术和工业信息化局",
    "科工信局": "科学技术和工业信息化局",
    "人社厅": "人力资源和社会保障厅",
    "信访局": "信访局",
    "乡村振兴局": "乡村振兴局",
    "机关事务中心": "机关事务服务中心",
    "机关事务局": "机关事务管理局",
    "市监局": "市场监督管理局",
    "法制办": "人民政府法制办公室",
    "政府法制办": "人民政府法制办公室",
}
_RULE_OF_LAW_OFFICE = re.compile(r"^委?依法治([县区市州省旗])办(?:公室)?$")
# Kinds that read better than the canonical body they come from.
_KIND_OF_BODY = {
    "人民政府办公室": "政府办公室",
    "人民政府办公厅": "政府办公厅",
    "委办公室": "党委办公室",
    "委机构编制委员会办公室": "机构编制委员会办公室",
}
_ADMIN_CHARS = "县区市州省旗盟镇乡"
_WHOLE_AREA = re.compile(r"^全[县区市州省旗]")


@dataclass(frozen=True)
class NormalisedUnit:
    name: str
    kind: str
    collective: bool


@dataclass(frozen=True)
class DepartmentJurisdiction(Jurisdiction):
    """The jurisdiction of a document a department issues (沅陵县卫生健康委员会), where 委政策法规股 and
    委办公室 name that department's own sections."""

    department: str = ""  # the department in full: 沅陵县卫生健康委员会


def normalise_unit(mention: str, jurisdiction: Jurisdiction) -> NormalisedUnit:
    return _normalise(mention, jurisdiction)


@lru_cache(maxsize=65536)
def _normalise(mention: str, jurisdiction: Jurisdiction) -> NormalisedUnit:
    if is_collective(mention):
        # 全区各部门 in 营口市鲅鱼圈区 → 营口市鲅鱼圈区各部门; the group's kind is the phrase without the place.
        place, body = split_place(_WHOLE_AREA.sub("", mention), jurisdiction)
        return NormalisedUnit(f"{place or jurisdiction.name}{body}", body, True)
    place, body = split_place(mention, jurisdiction)
    body = canonical_body(body)
    return NormalisedUnit(f"{place}{body}", kind_of_body(body), False)


def canonical_body(body: str) -> str:
    office = _RULE_OF_LAW_OFFICE.match(body)
    if office:
        return f"委全面依法治{office.group(1)}委员会办公室"
    return BODY_ALIASES.get(body, body)


def kind_of_body(body: str) -> str:
    kind = _KIND_OF_BODY.get(body, body)
    return kind[1:] if kind.startswith("委") and len(kind) > 2 else kind


def split_place(mention: str, jurisdiction: Jurisdiction) -> tuple[str, str]:
    """(place, body): 县司法局 → (宁远县, 司法局); 永州市司法局 → (永州市, 司法局); 各乡镇 → ('', 各乡镇);
    镇司法所 in 宁远县天堂镇 → (宁远县天堂镇, 司法所); 委政策法规股 in a document the county's
    卫生健康委员会 issues → (沅陵县卫生健康委员会, 政策法规股)."""
    name = mention[2:] if mention.startswith("中共") else mention
    town = _town_of(jurisdiction)
    above_town = jurisdiction.name[: -len(town)] if town else jurisdiction.name
    for known in (jurisdiction.name, above_town, jurisdiction.county, jurisdiction.city, jurisdiction.province):
        if known and name.startswith(known) and len(name) > len(known):
            return known, name[len(known) :]
    if len(name) > 2 and name[0] == "团" and name[1] in _ADMIN_CHARS:  # 团县委 → 宁远县 + 团委
        return split_place(name[1:], jurisdiction)[0] or name[1], "团" + name[2:]
    department = jurisdiction.department if isinstance(jurisdiction, DepartmentJurisdiction) else ""
    if department and name[:1] in _DEPARTMENT_PREFIXES and department.endswith(_DEPARTMENT_PREFIXES[name[0]]):
        return department, name[1:]
    if town and len(name) > 2 and name.startswith("街道"):
        return jurisdiction.name, name[2:]  # 街道综合执法大队 in a street's own document
    if town and len(name) > 1 and name[0] in "镇乡":
        return jurisdiction.name, name[1:]
    if town and len(name) > 1 and name[0] in "县区旗":
        return above_town, name[1:]
    if name and name[0] in _ADMIN_CHARS and len(name) > 1:
        place = jurisdiction.for_prefix(name[0])
        if place:
            return place, name[1:]
        return name[0], name[1:]
    explicit = _explicit_place(name)
    if explicit:
        return explicit, name[len(explicit) :]
    stem = town[:-2] if town.endswith("街道") else town[:-1]
    if len(stem) >= 2 and name.startswith(stem):
        return above_town + stem, name[len(stem) :]  # 天堂派出所 in 宁远县天堂镇 → 宁远县天堂派出所
    return "", name


# A mention starting with 委 / 局 / 办 in a department's own document names a part of that department.
_DEPARTMENT_PREFIXES = {"委": ("委员会", "委"), "局": ("局",), "办": ("办公室", "办")}
_TOWN_ENDINGS = ("街道", "镇", "乡", "苏木")
# A department named right after the place in an issuer line or a title: 沅陵县卫生健康委员会(2024年…).
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:委员会|局|委)(?=\d|关于|法治|年|$)")
_NOT_DEPARTMENT = re.compile(r"人民政府|政府|党委|^委")


def _town_of(jurisdiction: Jurisdiction) -> str:
    """The township or street of a township document (天堂镇 of 宁远县天堂镇), read off its written name."""
    if not jurisdiction.county or not jurisdiction.name.endswith(_TOWN_ENDINGS):
        return ""
    at = jurisdiction.name.rfind(jurisdiction.county)
    return jurisdiction.name[at + len(jurisdiction.county) :] if at >= 0 else ""


def with_department(jurisdiction: Jurisdiction, issuers_and_title: list[str]) -> Jurisdiction:
    """The jurisdiction with the department that issues the document, when one does: the first issuer (or
    the title) that names a department right after the place (沅陵县卫生健康委员会2024年…). A government or a
    Party committee is no department: 县委办公室 in its documents is the committee's office."""
    for candidate in issuers_and_title:
        name = candidate[2:] if candidate.startswith("中共") else candidate
        if not jurisdiction.name or not name.startswith(jurisdiction.name):
            continue
        found = _DEPARTMENT.match(name, len(jurisdiction.name))
        if found and not _NOT_DEPARTMENT.search(found.group(0)):
            fields = {f.name: getattr(jurisdiction, f.name) for f in dataclasses.fields(jurisdiction)}
            return DepartmentJurisdiction(**fields, department=jurisdiction.name + found.group(0))
    return jurisdiction


def _explicit_place(name: str) -> str:
    """A place name written out at the start of a mention from another jurisdiction (永州市司法局)."""
    found = leading_place(name)
    return found[0] if found and len(found[0]) < len(name) else ""
