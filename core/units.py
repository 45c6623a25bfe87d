"""Unit normalisation: a mention as written (县司法局) → one jurisdiction-qualified unit (宁远县司法局) with a kind.

Aliases are exact rewrites of the part after the place prefix (政府办 → 人民政府办公室); nothing here is
fuzzy, because a near miss such as 区审批局 / 区审计局 names a different body.
"""

from __future__ import annotations

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
    """(place, body): 县司法局 → (宁远县, 司法局); 永州市司法局 → (永州市, 司法局); 各乡镇 → ('', 各乡镇)."""
    name = mention[2:] if mention.startswith("中共") else mention
    for known in (jurisdiction.name, jurisdiction.county, jurisdiction.city, jurisdiction.province):
        if known and name.startswith(known) and len(name) > len(known):
            return known, name[len(known) :]
    if name and name[0] in _ADMIN_CHARS and len(name) > 1:
        place = jurisdiction.for_prefix(name[0])
        if place:
            return place, name[1:]
        return name[0], name[1:]
    explicit = _explicit_place(name)
    if explicit:
        return explicit, name[len(explicit) :]
    return "", name


def _explicit_place(name: str) -> str:
    """A place name written out at the start of a mention from another jurisdiction (永州市司法局)."""
    found = leading_place(name)
    return found[0] if found and len(found[0]) < len(name) else ""
