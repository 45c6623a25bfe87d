"""The unit recogniser (what a list item is), lists joined by 和 / 及, and unit normalisation down to
townships and a department's own sections."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.unit_words import is_collective, looks_like_unit, split_conjoined, strip_unit_noise
from policykg.core.units import BODY_ALIASES, Jurisdiction, normalise_unit, with_department


@pytest.mark.parametrize(
    "name",
    [
        "县司法局", "委政策法规股", "县委依法治县办", "区政务服务中心", "县融媒体中心", "县人社局", "县自然资源局",
        "镇司法所", "天堂派出所", "县总工会", "县工商联", "县妇联", "县人民法院", "人民银行宁远支行",
        "各乡镇人民政府(街道办事处)", "各乡镇(街道)", "各村(社区)", "乡镇人民政府", "县直各单位", "其他有关单位",
        "县委", "县政府", "县人大常委会", "县政协", "县纪委监委", "县消防救援大队", "县第一中学", "各乡镇卫生院",
        "国网宁远县供电公司", "县经开区管委会", "县农商行",
    ],
)  # fmt: skip
def test_names_of_bodies_are_units(name: str) -> None:
    assert looks_like_unit(name)


@pytest.mark.parametrize(
    "text",
    [
        "2024年底前", "加强政府", "推进依法治县", "结合实际认真组织", "工作由县司法局", "县司法局要加强",
        "长期坚持", "县政府分管副县长", "《纲要》", "全面", "局",
    ],
)  # fmt: skip
def test_prose_and_times_are_not_units(text: str) -> None:
    assert not looks_like_unit(text)


@pytest.mark.parametrize(
    "name,collective",
    [
        ("全县各部门", True), ("县直各单位", True), ("县政府各工作部门", True), ("各有关部门", True),
        ("有关直属单位", True), ("市直各相关单位", True), ("各县市区人民政府", True), ("各乡镇人民政府", True),
        ("乡镇人民政府", True), ("各行政执法部门", True), ("其他有关单位", True), ("各乡镇(街道)", True),
        ("镇机关各办(站、所)", True), ("县司法局", False), ("县委编办", False), ("县直机关工委", False),
        ("县人民政府", False),
    ],
)  # fmt: skip
def test_collective_groups(name: str, collective: bool) -> None:
    assert is_collective(name) is collective


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_conjoined(text, 0, len(text))]


@pytest.mark.parametrize(
    "text,parts",
    [
        ("县人社局和各乡镇党校", ["县人社局", "各乡镇党校"]),
        ("县住房和城乡建设局", ["县住房和城乡建设局"]),
        ("县人力资源和社会保障局", ["县人力资源和社会保障局"]),
        ("县发展和改革委员会", ["县发展和改革委员会"]),
        ("县自然资源和规划局", ["县自然资源和规划局"]),
        ("县科学技术和工业信息化局", ["县科学技术和工业信息化局"]),
        ("区人力资源和社会保障局和区总工会", ["区人力资源和社会保障局", "区总工会"]),
        ("区住房和城乡建设局及区自然资源局", ["区住房和城乡建设局", "区自然资源局"]),
        ("县发改局及县住房和城乡建设局", ["县发改局", "县住房和城乡建设局"]),
        ("区行政审批服务局与区数据资源局", ["区行政审批服务局", "区数据资源局"]),
        ("县政务服务中心以及各有关部门", ["县政务服务中心", "各有关部门"]),
        ("人民银行和林格尔支行", ["人民银行和林格尔支行"]),
        ("各乡镇(街道)和县直各单位", ["各乡镇(街道)", "县直各单位"]),
    ],
)
def test_joined_lists_split_only_between_units(text: str, parts: list[str]) -> None:
    assert _split(text) == parts


@pytest.mark.parametrize(
    "written,name",
    [
        ("市发改委等相关单位", "市发改委"),
        ("县财政局等部门", "县财政局"),
        ("县审计局等", "县审计局"),
        ("县政府各部门按职责分工负责", "县政府各部门"),
        ("各乡镇人民政府按照职责分工分别负责", "各乡镇人民政府"),
        ("县直各单位各负其责", "县直各单位"),
        ("由县司法局", "县司法局"),
        ("和平区司法局", "和平区司法局"),
    ],
)
def test_noise_is_stripped(written: str, name: str) -> None:
    s, e = strip_unit_noise(written, 0, len(written))
    assert written[s:e] == name


# Short forms real documents write, each mapped to one canonical unit.
NINGYUAN = Jurisdiction(name="宁远县", province="湖南省", city="永州市", county="宁远县")
ZHENGXIANG = Jurisdiction(name="衡阳市蒸湘区", province="湖南省", city="衡阳市", county="蒸湘区")


@pytest.mark.parametrize(
    "mention,jurisdiction,unit,kind",
    [
        ("区政务服务中心", ZHENGXIANG, "衡阳市蒸湘区政务服务中心", "政务服务中心"),
        ("区政务中心", ZHENGXIANG, "衡阳市蒸湘区政务服务中心", "政务服务中心"),
        ("县融媒体中心", NINGYUAN, "宁远县融媒体中心", "融媒体中心"),
        ("县委依法治县办", NINGYUAN, "宁远县委全面依法治县委员会办公室", "全面依法治县委员会办公室"),
        ("县人社局", NINGYUAN, "宁远县人力资源和社会保障局", "人力资源和社会保障局"),
        ("县自然资源局", NINGYUAN, "宁远县自然资源局", "自然资源局"),
        ("县委网信办", NINGYUAN, "宁远县委网络安全和信息化委员会办公室", "网络安全和信息化委员会办公室"),
        ("县妇联", NINGYUAN, "宁远县妇女联合会", "妇女联合会"),
        ("县人武部", NINGYUAN, "宁远县人民武装部", "人民武装部"),
        ("县政府法制办", NINGYUAN, "宁远县人民政府法制办公室", "人民政府法制办公室"),
        ("团县委", NINGYUAN, "宁远县团委", "团委"),
    ],
)
def test_short_forms_normalise(mention: str, jurisdiction: Jurisdiction, unit: str, kind: str) -> None:
    got = normalise_unit(mention, jurisdiction)
    assert (got.name, got.kind) == (unit, kind)


def test_townships_qualify_their_own_units() -> None:
    town = Jurisdiction(name="宁远县天堂镇", province="湖南省", city="永州市", county="宁远县")
    assert normalise_unit("镇司法所", town).name == "宁远县天堂镇司法所"
    assert normalise_unit("镇综治中心", town).name == "宁远县天堂镇综治中心"
    assert normalise_unit("宁远县天堂镇人民政府", town).name == "宁远县天堂镇人民政府"
    assert normalise_unit("县司法局", town).name == "宁远县司法局"
    assert normalise_unit("市司法局", town).name == "永州市司法局"
    assert (normalise_unit("天堂派出所", town).name, normalise_unit("天堂派出所", town).kind) == (
        "宁远县天堂派出所",
        "派出所",
    )
    assert normalise_unit("各村(社区)", town).name == "宁远县天堂镇各村(社区)"
    street = Jurisdiction(name="长沙市天心区坡子街街道", province="湖南省", city="长沙市", county="天心区")
    assert normalise_unit("街道综合执法大队", street).name.startswith("长沙市天心区坡子街街道")
    assert normalise_unit("区司法局", street).name == "长沙市天心区司法局"


def test_a_department_issuer_owns_its_sections() -> None:
    county = Jurisdiction(name="沅陵县", province="湖南省", city="怀化市", county="沅陵县")
    bureau = with_department(county, ["沅陵县卫生健康委员会2024年法治政府建设责任清单"])
    assert normalise_unit("委政策法规股", bureau).name == "沅陵县卫生健康委员会政策法规股"
    assert normalise_unit("委办公室", bureau).name == "沅陵县卫生健康委员会办公室"
    assert normalise_unit("县司法局", bureau).name == "沅陵县司法局"
    assert with_department(county, ["沅陵县人民政府", "中共沅陵县委"]) == county
    assert with_department(county, ["沅陵县2024年法治政府建设工作要点"]) == county


@settings(max_examples=100, deadline=None)
@given(alias=st.sampled_from(sorted(BODY_ALIASES)), place=st.sampled_from(["县", "区", "市", "宁远县"]))
def test_every_short_form_of_the_alias_table_is_recognised_as_a_unit(alias: str, place: str) -> None:
    assert looks_like_unit(place + alias)
    assert looks_like_unit(place + BODY_ALIASES[alias])
