"""Document metadata from the strongest evidence: the grammar of title, notice, portal fields, chrome and
signature (layouts.md §4), on small documents and on headers hypothesis composes from those parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.jurisdictions import find_jurisdiction
from policykg.core.numerals import int_to_chinese
from policykg.ingest.clean import clean, normalise
from policykg.ingest.doc_dates import date_of_line, first_date
from policykg.ingest.doc_kinds import kind_of
from policykg.ingest.metadata import document_meta, find_body
from policykg.ingest.outline import parse_outline
from policykg.ingest.pipeline import _nonblank_lines, extract_text
from policykg.ingest.portal_fields import read_fields
from policykg.ingest.readers import read_document
from policykg.ingest.records import DocumentMeta
from tests.fixture_corpus import FixtureCase, fixture_cases

BODY = "为推进依法行政，结合本县实际，制定本方案。\n一、深化放管服改革\n1.动态调整权责清单。（责任单位：县司法局）\n"


def meta(text: str) -> DocumentMeta:
    cleaned = clean(text).text
    lines = _nonblank_lines(cleaned)
    outline = parse_outline(cleaned)
    return document_meta(lines, find_body(lines, outline[0].start if outline else None))


# --- dates ---------------------------------------------------------------------------------


def _chinese_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_in_digits_and_chinese_numerals_read_the_same(day: dt.date) -> None:
    iso = day.isoformat()
    written = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{_chinese_year(day.year)}年{int_to_chinese(day.month)}月{int_to_chinese(day.day)}日",
    ]
    assert [first_date(w) for w in written] == [iso] * 4
    assert [date_of_line(f"  {w}  ") for w in written] == [iso] * 4


def test_a_signature_date_the_portal_garbled_still_reads() -> None:
    assert date_of_line("                2022621") == "2022-06-21"
    assert date_of_line("二○二三年三月十日") == "2023-03-10"
    assert date_of_line("发布时间：2023-03-10") == ""  # not a date line: a details line


# --- portal fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["索引号\t发文字号\t成文日期\t发布日期", "431026000/2024-00157\t汝政办发〔2024〕7号\t2024-04-25\t2024-04-28"],
        [
            "索 引 号 | 431026000/2024-00157 | 发文字号 | 汝政办发〔2024〕7号 |",
            "成文日期 | 2024-04-25 | 发布日期 | 2024-04-28 |",
        ],
        ["- [ 发文字号 ] 汝政办发〔2024〕7号", "- [ 成文日期 ] 2024-04-25", "发布日期:2024年04月28日  浏览次数:12"],
        ["• 发文字号:", "", "   汝政办发〔2024〕7号", "• 成文日期:", "2024年4月25日", "• 发布日期:", "2024-04-28"],
    ],
    ids=["header-row", "pipe-pairs", "bracketed", "label-then-value"],
)
def test_every_form_of_publication_details_gives_the_same_fields(lines: list[str]) -> None:
    fields, details = read_fields(lines)
    by_name = {f.name: f.value for f in fields if f.name != "other"}
    assert by_name["doc_number"] == "汝政办发〔2024〕7号"
    assert first_date(by_name["written"]) == "2024-04-25"
    assert first_date(by_name["published"]) == "2024-04-28"
    assert details == {i for i, line in enumerate(lines) if line.strip()}


def test_inline_labels_split_where_the_next_label_starts() -> None:
    fields, _ = read_fields(["索引号: 4311260016/2023-37416 发文日期: 2022-08-03 发布机构: 宁远县人民政府"])
    assert [(f.name, f.value) for f in fields] == [
        ("other", "4311260016/2023-37416"),
        ("sent", "2022-08-03"),
        ("issuer", "宁远县人民政府"),
    ]


# --- issue date precedence -----------------------------------------------------------------


def test_written_date_and_signature_come_before_publication_and_update() -> None:
    head = "石门县2024年法治政府建设实施方案\n发布时间：2024年04月02日　　更新时间：2024/05/29\n"
    assert meta(head + BODY).issued == "2024-04-02"
    signed = head + BODY + "\n石门县人民政府\n2024年3月28日\n"
    assert meta(signed).issued == "2024-03-28"
    written = "成文日期：2024-03-27\n" + signed
    assert meta(written).issued == "2024-03-27"
    only_updated = "石门县2024年法治政府建设实施方案\n更新时间：2024/05/29\n" + BODY
    assert meta(only_updated).issued == "2024-05-29"


def test_a_page_clock_is_never_the_issue_date() -> None:
    page = "今天是：2024年5月6日 星期一\n2019年12月3日星期二\n石门县2024年法治政府建设实施方案\n" + BODY
    assert meta(page).issued == ""
    assert meta(page).title == "石门县2024年法治政府建设实施方案"


def test_the_print_line_at_the_foot_dates_an_unsigned_document() -> None:
    text = "石门县2024年法治政府建设实施方案\n" + BODY + "\n石门县人民政府办公室        2024年4月3日印发\n"
    assert meta(text).issued == "2024-04-03"


# --- title ---------------------------------------------------------------------------------


def test_the_file_name_is_never_the_title() -> None:
    x = extract_text(BODY, source="宁远县2024年法治政府建设工作要点.txt")
    assert x.document.title == "" and x.document.kind == ""
    assert [w.kind for w in x.warnings] == ["no_jurisdiction"]


def test_own_title_wins_over_the_notice_and_chrome_is_never_a_title() -> None:
    text = (
        "当前位置：首页 > 政务公开 > 通知公告\n首页→ 网站公告\n字号 大 中 小　分享到：\n"
        "汝城县人民政府办公室关于印发《汝城县2024年法治政府建设工作计划》的通知\n"
        "各乡镇人民政府，县直各单位：\n现将《汝城县2024年法治政府建设工作计划》印发给你们，请认真组织实施。\n"
        "汝城县人民政府办公室\n2024年4月25日\n"
        "汝城县2024年\n法治政府建设工作计划\n"
        "各乡镇人民政府，县直各单位：\n" + BODY
    )
    m = meta(text)
    assert (m.title, m.kind, m.jurisdiction, m.issued) == (
        "汝城县2024年法治政府建设工作计划",
        "工作计划",
        "汝城县",
        "2024-04-25",
    )
    assert m.issuers == ("汝城县人民政府办公室",)


def test_without_its_own_title_a_document_takes_the_notice_title() -> None:
    text = (
        "宁远县人民政府办公室\n关于印发宁远县2024年度法治政府建设\n工作安排的通知\n各乡镇人民政府：\n"
        "《宁远县2024年度法治政府建设工作安排》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
        "2024年3月8日\n" + BODY
    )
    m = meta(text)
    assert (m.title, m.kind, m.issued, m.issuers) == (
        "宁远县2024年度法治政府建设工作安排",
        "工作安排",
        "2024-03-08",
        ("宁远县人民政府办公室",),
    )


def test_a_news_lead_names_the_title() -> None:
    text = "近日，市委、市政府印发了《成都市法治政府建设实施方案（2021—2025年）》，要求各地认真贯彻落实。\n" + BODY
    m = meta(text)
    assert (m.title, m.kind, m.jurisdiction, m.period) == (
        "成都市法治政府建设实施方案(2021-2025年)",
        "实施方案",
        "成都市",
        "2021-2025",
    )


def test_a_portal_title_field_is_the_last_resort() -> None:
    text = "标 题 | 长治市2022年法治政府建设工作要点 |\n发布日期 | 2022-03-01 |\n" + BODY
    m = meta(text)
    assert (m.title, m.kind, m.jurisdiction, m.issued) == (
        "长治市2022年法治政府建设工作要点",
        "工作要点",
        "长治市",
        "2022-03-01",
    )


def test_a_title_split_over_lines_with_its_period_on_a_line_of_its_own() -> None:
    text = "宁远县法治政府建设\n实施方案\n（2021—2025年）\n宁发〔2022〕7号\n" + BODY
    m = meta(text)
    assert m.title == "宁远县法治政府建设实施方案(2021-2025年)"
    assert (m.period, m.doc_number) == ("2021-2025", "宁发〔2022〕7号")


# --- kinds and doc numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "title,kind",
    [
        ("临澧县2024年法治政府建设任务分解表", "任务分解"),
        ("澧县2024年法治政府建设重点任务分工表", "任务分工"),
        ("县2024年法治政府建设任务分工方案", "任务分工"),
        ("沅陵县卫生健康委员会2024年法治政府建设责任清单", "责任清单"),
        ("嘉禾县2023年度法治政府建设情况报告", "情况报告"),
        ("关于2022年度法治政府建设情况的报告", "情况报告"),
        ("关于2020年度法治政府建设工作的报告", "工作报告"),
        ("长沙市天心区坡子街街道办事处2022年法治政府建设年度报告", "年度报告"),
        ("石门县法治政府建设考核细则（试行）", "考核办法"),
        ("石门县法治政府建设考核办法", "考核办法"),
        ("宁远县天堂镇2024年法治政府建设工作安排", "工作安排"),
        ("汝城县2024年法治政府建设工作计划", "工作计划"),
        ("关于进一步加强乡镇政府法治政府建设的实施意见", "实施意见"),
        ("2021年营口市鲅鱼圈区加快推进法治政府建设工作要点", "工作要点"),
        ("宁远县法治政府建设实施方案(2021-2025年)", "实施方案"),
    ],
)
def test_kind_is_the_genre_word_the_title_closes_with(title: str, kind: str) -> None:
    assert kind_of(clean(title).text) == kind


_BRACKETS = ["〔〕", "[]", "【】", "()", "（）", "［］", "﹝﹞"]


@given(st.sampled_from(_BRACKETS), st.integers(2000, 2030), st.integers(1, 999))
@settings(max_examples=60)
def test_doc_numbers_read_with_any_brackets_around_the_year(brackets: str, year: int, number: int) -> None:
    written = f"石政发{brackets[0]}{year}{brackets[1]}{number}号"
    m = meta(f"石门县{year}年法治政府建设实施方案\n{written}\n" + BODY)
    assert m.doc_number == f"石政发〔{year}〕{number}号"


def test_a_doc_number_cited_in_a_sentence_is_not_the_documents_own() -> None:
    cited = "根据《石门县法治政府建设规划》（石政发〔2021〕3号），制定本方案。"
    text = f"石门县2024年法治政府建设实施方案\n{cited}\n" + BODY
    assert meta(text).doc_number == ""


# --- jurisdictions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "candidate,name,town",
    [
        ("宁远县天堂镇2024年法治政府建设工作安排", "宁远县天堂镇", "天堂镇"),
        ("宁远县天堂镇人民政府", "宁远县天堂镇", "天堂镇"),
        ("鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告", "鲤城区金龙街道", "金龙街道"),
        ("长沙市天心区坡子街街道办事处2022年法治政府建设年度报告", "长沙市天心区坡子街街道", "坡子街街道"),
        ("沅陵县卫生健康委员会2024年法治政府建设责任清单", "沅陵县", ""),
        ("中共长治市委全面依法治市委员会办公室", "长治市", ""),
        ("2021年营口市鲅鱼圈区加快推进法治政府建设工作要点", "营口市鲅鱼圈区", ""),
        ("宁远县乡镇人民政府法治建设工作要点", "宁远县", ""),
    ],
)
def test_jurisdiction_goes_down_to_township_and_street(candidate: str, name: str, town: str) -> None:
    found = find_jurisdiction([candidate])
    assert (found.name, found.town) == (name, town)


def test_in_a_township_document_county_and_town_prefixes_mean_different_places() -> None:
    township = find_jurisdiction(["宁远县天堂镇"])
    assert township.for_prefix("镇") == "宁远县天堂镇"
    assert township.for_prefix("县") == "宁远县"
    assert township.for_prefix("市") == "永州市"


def test_a_prefix_below_the_documents_level_names_no_single_place() -> None:
    """县司法局 in a city's plan is each county's bureau, 镇人民政府 in a county's plan every township's."""
    city, county = find_jurisdiction(["长治市"]), find_jurisdiction(["宁远县"])
    assert (city.for_prefix("县"), city.for_prefix("区"), city.for_prefix("市")) == ("", "", "长治市")
    assert (county.for_prefix("镇"), county.for_prefix("乡"), county.for_prefix("县")) == ("", "", "宁远县")


def test_a_bureau_issues_and_the_place_before_it_is_the_jurisdiction() -> None:
    text = (
        "首页 > 信息公开 > 部门信息公开 > 县卫健委 > 政策文件\n沅陵县卫生健康委员会2024年法治政府建设责任清单\n"
        "- [ 发文字号 ] 沅卫健发〔2024〕5号\n- [ 发布机构 ] 沅陵县卫生健康委员会\n"
        "发布时间：2024年02月28日　　更新时间：2024/03/29　　浏览次数：316\n" + BODY + "\n沅陵县卫生健康委员会\n"
    )
    m = meta(text)
    assert (m.jurisdiction, m.issuers, m.doc_number, m.issued) == (
        "沅陵县",
        ("沅陵县卫生健康委员会",),
        "沅卫健发〔2024〕5号",
        "2024-02-28",
    )


# --- headers composed from the grammar -----------------------------------------------------

_PLACES = [(place, place) for place in ("宁远县", "湘潭市雨湖区", "宁远县天堂镇", "长治市")]
_KINDS = [("工作要点", "工作要点"), ("实施方案", "实施方案"), ("任务分解表", "任务分解"), ("情况报告", "情况报告")]
_CHROME = [
    "当前位置：首页 > 政务公开 > 通知公告",
    "您现在所在的位置：首页 > 政务公开",
    "首页→ 网站公告",
    "字号：大 中 小　　打印本页　　关闭窗口",
    "【字体：大 中 小】",
    "分享到：微信 微博",
    "扫一扫在手机打开当前页",
]


def _written(day: dt.date, chinese: bool) -> str:
    if chinese:
        return f"{_chinese_year(day.year)}年{int_to_chinese(day.month)}月{int_to_chinese(day.day)}日"
    return f"{day.year}年{day.month}月{day.day}日"


@st.composite
def headers(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    place, jurisdiction = draw(st.sampled_from(_PLACES))
    word, kind = draw(st.sampled_from(_KINDS))
    year = draw(st.integers(2018, 2030))
    title = f"{place}{year}年法治政府建设{word}"
    signed = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 28)))
    published = signed + dt.timedelta(days=draw(st.integers(1, 20)))
    clock = draw(st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31)))
    number = f"{place[:1]}政发〔{year}〕{draw(st.integers(1, 99))}号"
    lines = draw(st.lists(st.sampled_from(_CHROME), max_size=3))
    if draw(st.booleans()):
        lines.append(f"今天是：{clock.year}年{clock.month}月{clock.day}日 星期{'一二三四五六日'[clock.weekday()]}")
    notice = draw(st.booleans())
    if notice:
        lines.append(f"{place}人民政府关于印发《{title}》的通知")
    lines.append(draw(st.sampled_from([f"发布时间：{published.isoformat()}", f"- [ 发布日期 ] {published:%Y/%m/%d}"])))
    lines.append(number)
    if notice:
        lines += ["各乡镇人民政府，县直各单位：", f"现将《{title}》印发给你们，请认真贯彻落实。", f"{place}人民政府"]
        lines.append(_written(signed, draw(st.booleans())))
    own_title = not notice or draw(st.booleans())
    if own_title:
        lines += [title[: len(title) - 4], title[-4:]] if draw(st.booleans()) else [title]
    if draw(st.booleans()):
        lines.append("各乡镇人民政府，县直各单位：")
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    text = separator.join(lines) + "\n" + BODY
    expected = {
        "title": title,
        "kind": kind,
        "jurisdiction": jurisdiction,
        "doc_number": number,
        "issued": signed.isoformat() if notice else published.isoformat(),
        "period": str(year),
    }
    return text, expected


@given(headers())
@settings(max_examples=150, deadline=None)
def test_composed_headers_give_their_fields(header: tuple[str, dict[str, str]]) -> None:
    text, expected = header
    m = meta(text)
    assert {name: getattr(m, name) for name in expected} == expected, text


def test_a_title_above_a_paragraph_the_pdf_wrapped() -> None:
    text = (
        "石门县2024年法治政府建设实施方案\n为深入推进依法行政，加快建设法治政府，根据省、市部署\n"
        "要求，结合我县实际，制定本方案。\n一、深化放管服改革\n1.动态调整权责清单。（责任单位：县司法局）\n"
    )
    assert meta(text).title == "石门县2024年法治政府建设实施方案"


def test_a_notice_that_is_itself_the_document_keeps_its_items() -> None:
    text = (
        "长治市人民政府办公室关于印发长治市2022年政务公开和\n法治政府建设工作要点的通知\n"
        "发布时间：2022-04-11　来源：市政府办\n各县、区人民政府，市直各有关单位：\n"
        "经市人民政府同意，现将有关事项通知如下。\n长治市人民政府办公室\n2022年4月8日\n"
        "一、深化政务公开\n1.推进决策公开。（牵头单位：市政府办；配合单位：市司法局）\n"
    )
    x = extract_text(text, source="notice.txt")
    assert (x.document.title, x.document.jurisdiction, x.document.issued) == (
        "长治市2022年政务公开和法治政府建设工作要点",
        "长治市",
        "2022-04-08",
    )
    assert [u.unit for m in x.measures for u in m.units] == ["长治市人民政府办公室", "长治市司法局"]
    assert x.warnings == ()


@pytest.mark.parametrize(
    "head,title",
    [
        (
            "中共慈利县委全面依法治县委员会办公室\n2024年慈利县法治政府建设工作要点\n",
            "2024年慈利县法治政府建设工作要点",
        ),
        ("沅陵县卫生健康委员会\n2024年法治政府建设责任清单\n", "沅陵县卫生健康委员会2024年法治政府建设责任清单"),
        ("嘉禾县人民政府\n关于2023年度法治政府建设情况的报告\n", "嘉禾县人民政府关于2023年度法治政府建设情况的报告"),
    ],
)
def test_an_issuer_line_above_the_title_joins_it_only_where_the_title_needs_its_place(head: str, title: str) -> None:
    assert meta(head + BODY).title == title


@pytest.mark.parametrize(
    "signature",
    [
        "中共宁远县委\n宁远县人民政府\n2022年6月21日",
        "中共宁远县委 宁远县人民政府\n二〇二二年六月二十一日",
        "中共宁远县委　　宁远县人民政府　　2022年6月21日",
        "中共宁远县委\n宁远县人民政府\n                    2022621",
    ],
    ids=["lines", "one-line-chinese-date", "all-on-one-line", "garbled-date"],
)
def test_signature_blocks_in_every_layout(signature: str) -> None:
    m = meta("宁远县法治政府建设实施方案（2021—2025年）\n" + BODY + "\n" + signature + "\n")
    assert (m.issuers, m.issued) == (("中共宁远县委", "宁远县人民政府"), "2022-06-21")


def test_a_plan_citing_what_the_state_council_issued_has_no_title_from_it() -> None:
    text = "根据中共中央、国务院印发《法治政府建设实施纲要（2021—2025年）》的部署，结合本县实际，制定本方案。\n" + BODY
    assert meta(text).title == ""


# --- the fixture corpus, document fields alone ---------------------------------------------

_READABLE = [case for case in fixture_cases() if case.path.suffix != ".xlsx"]  # xlsx: the tables work


@pytest.mark.parametrize("case", _READABLE, ids=lambda case: case.name)
def test_fixture_document_fields_whatever_the_measures(case: FixtureCase) -> None:
    """The fields of every fixture document, read before (and without) its measures, so a table the
    extractor cannot read yet still shows whether its title, date and place are right."""
    got = asdict(meta(read_document(case.path)))
    expected = case.expected["document"]
    assert {k: normalise(str(list(got[k]) if k == "issuers" else got[k])) for k in expected} == {
        k: normalise(str(v)) for k, v in expected.items()
    }
