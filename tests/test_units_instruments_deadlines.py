"""Unit normalisation, instrument citations and deadlines on short Chinese snippets."""

from __future__ import annotations

import pytest

from policykg.core.units import Jurisdiction, normalise_unit
from policykg.ingest.clean import clean
from policykg.ingest.deadlines import find_deadlines, find_targets
from policykg.ingest.instruments import canonical_title, find_aliases, find_citations, instrument_kind

NINGYUAN = Jurisdiction(name="宁远县", province="湖南省", city="永州市", county="宁远县")
BAYUQUAN = Jurisdiction(name="营口市鲅鱼圈区", province="辽宁省", city="营口市", county="鲅鱼圈区")
YONGZHOU = Jurisdiction(name="永州市", province="湖南省", city="永州市")


@pytest.mark.parametrize(
    "mention,jurisdiction,unit,kind",
    [
        ("县司法局", NINGYUAN, "宁远县司法局", "司法局"),
        ("县政府办", NINGYUAN, "宁远县人民政府办公室", "政府办公室"),
        ("县人民政府办公室", NINGYUAN, "宁远县人民政府办公室", "政府办公室"),
        ("县委编办", NINGYUAN, "宁远县委机构编制委员会办公室", "机构编制委员会办公室"),
        ("区审批局", BAYUQUAN, "营口市鲅鱼圈区行政审批局", "行政审批局"),
        ("区审计局", BAYUQUAN, "营口市鲅鱼圈区审计局", "审计局"),
        ("区应急局", BAYUQUAN, "营口市鲅鱼圈区应急管理局", "应急管理局"),
        ("区司法局", BAYUQUAN, "营口市鲅鱼圈区司法局", "司法局"),
        ("市生态环境局宁远分局", NINGYUAN, "永州市生态环境局宁远分局", "生态环境局宁远分局"),
        ("市司法局", YONGZHOU, "永州市司法局", "司法局"),
        ("县委依法治县办", NINGYUAN, "宁远县委全面依法治县委员会办公室", "全面依法治县委员会办公室"),
        ("中共宁远县委宣传部", NINGYUAN, "宁远县委宣传部", "宣传部"),
    ],
)
def test_unit_normalisation(mention: str, jurisdiction: Jurisdiction, unit: str, kind: str) -> None:
    got = normalise_unit(mention, jurisdiction)
    assert (got.name, got.kind, got.collective) == (unit, kind, False)


def test_collective_groups_stay_whole() -> None:
    got = normalise_unit("全区各部门", BAYUQUAN)
    assert got.collective and got.name == "营口市鲅鱼圈区各部门"
    assert normalise_unit("各乡镇(街道)", NINGYUAN).name == "宁远县各乡镇(街道)"


def cites(sentence: str, aliases: dict[str, str] | None = None) -> list[tuple[str, str]]:
    text = clean(sentence).text
    return [(c.mention, c.title) for c in find_citations(text, 0, len(text), aliases or {})]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("深入贯彻《重大行政决策程序暂行条例》。", [("重大行政决策程序暂行条例", "重大行政决策程序暂行条例")]),
        ("按照《中华人民共和国政府信息公开条例》要求。", [("中华人民共和国政府信息公开条例", "政府信息公开条例")]),
        (
            "下发《凤凰县人民政府关于印发〈凤凰县2020年法治政府建设工作要点〉的通知》。",
            [
                (
                    "凤凰县人民政府关于印发〈凤凰县2020年法治政府建设工作要点〉的通知",
                    "凤凰县人民政府关于印发《凤凰县2020年法治政府建设工作要点》的通知",
                )
            ],
        ),
        ("印发<关于支持住宿餐饮行业的若干措施>的通知》", []),
        ("认真落实新修订的行政处罚法,全面落实。", [("行政处罚法", "行政处罚法")]),
        ("要把民法典作为行政决策的重要标尺。", [("民法典", "民法典")]),
        ("开展“美好生活 民法典相伴”主题宣传活动和“12·4”宪法宣传日活动。", []),
        (
            "认真落实国家法治政府建设实施纲要(2021—2025年)和辽宁省法治政府建设实施方案,围绕",
            [
                ("法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要(2021-2025年)"),
                ("辽宁省法治政府建设实施方案", "辽宁省法治政府建设实施方案"),
            ],
        ),
        (
            "认真落实辽宁省国民经济和社会发展“十四五”规划,按照",
            [("辽宁省国民经济和社会发展“十四五”规划", "辽宁省国民经济和社会发展“十四五”规划")],
        ),
        ("严格执行市场准入负面清单。", [("市场准入负面清单", "市场准入负面清单")]),
        ("落实统一的市场准入负面清单制度。", []),
        ("按照湘政办发〔2019〕15号文件精神完成。", [("湘政办发〔2019〕15号", "湘政办发〔2019〕15号")]),
        (
            "严格执行《规范性文件管理规定》(卫沙政办发〔2017〕154号),规范",
            [("规范性文件管理规定", "规范性文件管理规定")],
        ),
    ],
)
def test_citations(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert cites(sentence) == expected


def test_alias_definitions_resolve_later_citations() -> None:
    text = clean("为贯彻落实《法治政府建设实施纲要(2021-2025年)》(以下简称《纲要》),按照《纲要》要求。").text
    aliases = {a.alias: a.full for a in find_aliases(text)}
    assert aliases == {"纲要": "法治政府建设实施纲要(2021-2025年)"}
    assert [c.title for c in find_citations(text, 0, len(text), aliases)] == [
        "法治政府建设实施纲要(2021-2025年)",
        "法治政府建设实施纲要(2021-2025年)",
    ]


@pytest.mark.parametrize(
    "title,kind",
    [
        ("行政处罚法", "法律"),
        ("重大行政决策程序暂行条例", "行政法规"),
        ("辽宁省矛盾纠纷多元化预防化解条例", "地方性法规"),
        ("法治政府建设与责任落实督察工作规定", "党内法规"),
        ("辽宁省国民经济和社会发展“十四五”规划", "规划"),
        ("关于加强行政机关负责人出庭应诉工作的实施意见", "规范性文件"),
    ],
)
def test_instrument_kinds(title: str, kind: str) -> None:
    assert instrument_kind(canonical_title(title)) == kind


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("2022年底前动态调整", [("2022年底前", "2022-12-31")]),
        ("2018年6月底前完成", [("2018年6月底前", "2018-06-30")]),
        ("2023年6月30日前完成", [("2023年6月30日前", "2023-06-30")]),
        ("2022年上半年完成", [("2022年上半年", "2022-06-30")]),
        ("2021年第三季度末前", [("2021年第三季度末前", "2021-09-30")]),
        ("每年第一季度向区政府报告", [("每年第一季度", "")]),
        ("对2020年12月31日以前印发的文件开展清理", []),
        ("2020年5月,下发了通知", []),
    ],
)
def test_deadlines(sentence: str, expected: list[tuple[str, str]]) -> None:
    text = clean(sentence).text
    assert [(d.text, d.date) for d in find_deadlines(text, 0, len(text))] == expected


def test_targets() -> None:
    text = "实现覆盖率100%,出庭率达到100%,接受不少于60学时的培训。"
    assert [t.text for t in find_targets(text, 0, len(text))] == ["覆盖率100%", "出庭率达到100%", "不少于60学时"]
