"""Document readers: formats told from content, encodings, portal pages, Word, PDF and bad input.

Fixtures are generated in tmp_path, never committed. The encoded variants are built from the project
corpus (samples/, tests/corpus.py). PDFs are written by hand (see `_pdf_with_text`): a Type0
font with Identity-H encoding whose ToUnicode map is the identity, so the text layer can hold any
Chinese text without embedding a font file, and no font or PDF-writing package is needed here.
"""

from __future__ import annotations

import email.message
import html
import io
import os
import random
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policykg.core.errors import InputError
from policykg.ingest.docx_numbering import chinese_numeral, format_number
from policykg.ingest.readers import normalise_line_breaks, read_document
from tests.corpus import PROJECT_FILES
from tests.pdf_files import pdf_from_objects

CORPUS_FILES = PROJECT_FILES


def corpus_text(name: str = "yuhu") -> str:
    path = next(p for p in CORPUS_FILES if p.name.startswith(name))
    return path.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_input_error(path: Path, *reason_words: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(path)
    error = caught.value
    assert path.name in str(error)
    assert error.source == str(path)
    assert "\n" not in str(error)
    for word in reason_words:
        assert word in error.reason, error.reason
    return error


# --- plain text and encodings ---------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name.split("_")[0])
def test_corpus_utf8_reads_as_is(path: Path) -> None:
    assert read_document(path) == path.read_text(encoding="utf-8")


ENCODINGS = ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name.split("_")[0])
def test_encoded_copy_reads_like_the_utf8_copy(tmp_path: Path, path: Path, encoding: str) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # GBK lacks a few symbols (•); GB18030 has them all
        data = text.encode(encoding, "ignore")
        text = data.decode(encoding)
    copy = write(tmp_path, f"copy-{encoding}.txt", data)
    assert read_document(copy) == read_document(write(tmp_path, "utf8.txt", text))


def test_gb18030_document_with_gb2312_name_and_no_extension(tmp_path: Path) -> None:
    text = corpus_text("songyang")
    assert read_document(write(tmp_path, "notice", text.encode("gb18030"))) == text


def test_big5_traditional_text_is_read_not_garbled(tmp_path: Path) -> None:
    opencc = pytest.importorskip("opencc")
    traditional = opencc.OpenCC("s2t").convert(corpus_text("longde"))
    data = traditional.encode("big5", "ignore")
    assert read_document(write(tmp_path, "big5.txt", data)) == data.decode("big5")


def test_traditional_text_in_utf8_is_left_alone(tmp_path: Path) -> None:
    opencc = pytest.importorskip("opencc")
    traditional = opencc.OpenCC("s2t").convert(corpus_text("yuhu"))
    assert read_document(write(tmp_path, "trad.txt", traditional)) == traditional


def test_line_endings_become_newlines(tmp_path: Path) -> None:
    data = "一、总体要求\r\n(一)指导思想\r1.坚持党的领导\u20282.依法行政\x0c3.完善制度\n".encode()
    assert read_document(write(tmp_path, "crlf.txt", data)) == (
        "一、总体要求\n(一)指导思想\n1.坚持党的领导\n2.依法行政\n3.完善制度\n"
    )


def test_normalised_text_splits_the_same_way_both_ways() -> None:
    text = normalise_line_breaks("a\r\nb\rc\x0bd\x1ce\x85f\u2029g")
    assert text.split("\n") == text.splitlines()


def test_nested_angle_title_in_plain_text_is_not_taken_for_html(tmp_path: Path) -> None:
    text = "认真落实《凤凰县贯彻落实<法治政府建设实施纲要(2015—2020年)>实施方案》。\n"
    assert read_document(write(tmp_path, "report.txt", text)) == text


def test_short_gb18030_that_is_valid_utf8(tmp_path: Path) -> None:
    # 元 is D4 AA in GB18030, which is also U+052A in UTF-8: the Chinese reading wins over Armenian.
    assert read_document(write(tmp_path, "yuan.txt", "100元".encode("gb18030"))) == "100元"
    # 每 is C3 BF, which is also ÿ: Latin letters are a real possibility, so UTF-8 is kept.
    assert read_document(write(tmp_path, "cafe.txt", "café")) == "café"


def test_single_byte_text_reads(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "a.txt", b"a")) == "a"


# --- HTML -----------------------------------------------------------------------------------

PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="ArticleTitle" content="关于印发《2021年法治政府建设工作要点》的通知">
<title>关于印发《2021年法治政府建设工作要点》的通知-某区人民政府</title>
<script>document.write("<p>脚本里的文字</p>");</script><style>.a{color:red}</style></head>
<body>
<div class="top"><a href="/">首页</a><a href="/en">English</a></div>
<div id="nav"><ul><li><a href="#">走进本区</a></li><li><a href="#">政务公开</a></li></ul></div>
<div class="main">
 <div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
 <table class="xxgk"><tr><td>索引号:</td><td>001-2021-0001</td><td>主题分类:</td><td>综合政务</td></tr>
  <tr><td>文号:</td><td>营鲅依法发〔2021〕1号</td><td>发布日期:</td><td>2021-08-25</td></tr></table>
 <h1>关于印发《2021年法治政府建设工作要点》的通知</h1>
 <div class="info">发布时间:2021-08-25&nbsp;&nbsp;来源:区司法局</div>
 <div class="bdsharebuttonbox"><a class="bds_weixin">分享到微信</a><a>微博</a></div>
 <div id="zoom" class="TRS_Editor"><style>p{margin:0}</style>
  <p>全区各部门:</p>
  <p>&nbsp;&nbsp;&nbsp;&nbsp;现将《工作要点》印发给你们，
  请结合工作实际，认真贯彻执行。</p>
  <p style="text-align:center"><strong>一、深入学习贯彻习近平法治思想</strong></p>
  <p>1.深入学习贯彻习近平法治思想。(责任单位:区政府办公室、区司法局、全区各部门)</p>
  <p>2.推进&ldquo;八五&rdquo;普法<br>规划编制工作&amp;宣传。</p>
  <table border="1"><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>
   <tr><td>1</td><td><p>健全依法决策机制</p><p>完善程序</p></td><td>区司法局</td></tr>
   <tr><td>2</td><td>推进政务公开</td><td></td></tr></table>
  <p>　　区全面推进依法行政工作领导小组办公室</p>
 </div>
 <div class="xgwz"><h3>相关文章</h3><ul><li><a>关于2020年度法治政府建设情况的报告</a></li></ul></div>
</div>
<footer>主办:某区人民政府 网站标识码:2108040001</footer>
<div class="footer">辽ICP备12345号</div>
<iframe src="x">框架</iframe><noscript>请开启脚本</noscript>
</body></html>
"""

PORTAL_TEXT = """关于印发《2021年法治政府建设工作要点》的通知
索引号:\t001-2021-0001\t主题分类:\t综合政务
文号:\t营鲅依法发〔2021〕1号\t发布日期:\t2021-08-25
发布时间:2021-08-25 来源:区司法局
全区各部门:
现将《工作要点》印发给你们，请结合工作实际，认真贯彻执行。
一、深入学习贯彻习近平法治思想
1.深入学习贯彻习近平法治思想。(责任单位:区政府办公室、区司法局、全区各部门)
2.推进“八五”普法
规划编制工作&宣传。
序号\t工作任务\t责任单位
1\t健全依法决策机制 完善程序\t区司法局
2\t推进政务公开\t
区全面推进依法行政工作领导小组办公室
"""


def test_portal_page_gives_title_details_and_article(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "page.html", PORTAL_PAGE))
    assert text == PORTAL_TEXT
    chrome = [
        "脚本里的文字",
        "走进本区",
        "当前位置",
        "分享到",
        "相关文章",
        "网站标识码",
        "ICP",
        "框架",
        "开启",
    ]
    for words in chrome:
        assert words not in text


def test_gb2312_page_reads_like_its_utf8_copy(tmp_path: Path) -> None:
    utf8 = read_document(write(tmp_path, "utf8.html", PORTAL_PAGE))
    assert read_document(write(tmp_path, "gbk.htm", PORTAL_PAGE.encode("gb18030"))) == utf8


def test_page_declaring_a_western_charset_but_serving_gbk(tmp_path: Path) -> None:
    page = PORTAL_PAGE.replace("charset=gb2312", "charset=iso-8859-1").encode("gb18030")
    assert read_document(write(tmp_path, "latin.html", page)) == PORTAL_TEXT


def test_title_is_the_first_line_even_when_details_name_it(tmp_path: Path) -> None:
    page = """<html><head><title>关于印发工作要点的通知_某县人民政府</title></head><body>
    <table class="info"><tr><td>标 题:</td><td>关于印发工作要点的通知</td>
    <td>文 号:</td><td>某发〔2022〕7号</td></tr></table>
    <div class="article-content"><h1>关于印发工作要点的通知</h1><p>各乡镇人民政府,县直各单位:</p>
    <p>现将工作要点印发给你们,请认真贯彻落实。现将工作要点印发给你们,请认真贯彻落实。</p></div></body></html>"""
    lines = read_document(write(tmp_path, "named.html", page)).splitlines()
    assert lines[:4] == [
        "关于印发工作要点的通知",  # the h1, preferred to <title> with its site name
        "标 题:\t关于印发工作要点的通知\t文 号:\t某发〔2022〕7号",
        "关于印发工作要点的通知",
        "各乡镇人民政府,县直各单位:",
    ]


def test_logo_h1_is_not_taken_for_the_title(tmp_path: Path) -> None:
    page = """<html><head><title>关于印发法治政府建设工作要点的通知-宁远县人民政府</title></head><body>
    <h1 class="logo">宁远县人民政府</h1><div id="zoom"><p>各乡镇人民政府,县直各单位:</p>
    <p>现将工作要点印发给你们,请认真贯彻落实。</p></div></body></html>"""
    lines = read_document(write(tmp_path, "logo.html", page)).splitlines()
    assert lines == [
        "关于印发法治政府建设工作要点的通知-宁远县人民政府",
        "各乡镇人民政府,县直各单位:",
        "现将工作要点印发给你们,请认真贯彻落实。",
    ]


def test_page_saved_as_txt_is_still_read_as_html(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "page.txt", PORTAL_PAGE)) == PORTAL_TEXT


def test_page_without_known_container_uses_the_densest_block(tmp_path: Path) -> None:
    item = "<p>{0}.推进第{0}项法治政府建设任务,完善相关制度。(牵头单位:县司法局)</p>"
    body = "".join(item.format(i) for i in range(1, 8))
    page = f"""<html><head><title>某县法治政府建设实施方案</title></head><body>
    <div class="header-links">{"".join(f'<a href="#">栏目{i}</a>' for i in range(30))}</div>
    <div class="left"><p>联系电话:0746-1234567</p></div>
    <div class="wrap"><div class="box"><div class="inner">{body}</div></div></div>
    <div class="bottom"><a>网站地图</a><a>联系我们</a></div></body></html>"""
    lines = read_document(write(tmp_path, "plain.html", page)).splitlines()
    assert lines[0] == "某县法治政府建设实施方案"
    assert lines[1].startswith("1.推进第1项") and lines[-1].startswith("7.推进第7项")
    assert not any("栏目" in line or "联系电话" in line or "网站地图" in line for line in lines)


def test_old_table_layout_page_keeps_paragraph_lines(tmp_path: Path) -> None:
    page = """<html><body><table><tr><td width="150"><a>首页</a><br><a>通知公告</a></td>
    <td><p>一、总体要求</p><p>(一)指导思想</p><p>坚持依法行政。</p><p>(二)主要目标</p><p>到2025年基本建成法治政府。</p>
    </td></tr></table></body></html>"""
    text = read_document(write(tmp_path, "old.html", page))
    assert "一、总体要求\n(一)指导思想\n坚持依法行政。\n(二)主要目标\n" in text


def test_merged_table_cells_keep_columns_in_place(tmp_path: Path) -> None:
    page = """<html><body><div class="content"><table>
    <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
    <tr><td>1</td><td>健全依法决策机制</td><td rowspan="2">县司法局</td><td>2022年底前</td></tr>
    <tr><td>2</td><td>推进政务公开</td><td>长期坚持</td></tr>
    <tr><td colspan="2">合计两项</td><td>-</td><td>-</td></tr>
    </table></div></body></html>"""
    assert read_document(write(tmp_path, "merged.html", page)) == MERGED_TABLE_TEXT


MERGED_TABLE_TEXT = (
    "序号\t工作任务\t牵头单位\t完成时限\n"
    "1\t健全依法决策机制\t县司法局\t2022年底前\n"
    "2\t推进政务公开\t\t长期坚持\n"
    "合计两项\t-\t-\n"
)


def test_layout_row_beside_the_article_keeps_its_lines(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{i}.推进第{i}项任务。" + "完善制度," * 20 + "</p>" for i in range(1, 11))
    page = f"""<html><body><table><tr><td><a>首页</a><p>联系我们</p></td><td>{paragraphs}</td></tr>
    <tr><td>版权所有</td><td>技术支持</td></tr></table></body></html>"""
    lines = read_document(write(tmp_path, "layout.html", page)).splitlines()
    items = [line for line in lines if "推进第" in line]
    assert [line.split(".")[0] for line in items] == [str(i) for i in range(1, 11)]


def test_line_wrapped_chinese_in_source_joins_without_space(tmp_path: Path) -> None:
    page = "<html><body><div class='content'><p>加快推进\n      法治政府建设</p></div></body></html>"
    assert read_document(write(tmp_path, "wrap.html", page)) == "加快推进法治政府建设\n"


def test_saved_web_archive_mhtml(tmp_path: Path) -> None:
    message = email.message.EmailMessage()
    message["Subject"] = "saved page"
    message.set_content(PORTAL_PAGE, subtype="html", charset="gb2312", cte="quoted-printable")
    message.make_related()
    text = read_document(write(tmp_path, "page.mht", message.as_bytes()))
    assert text == PORTAL_TEXT


def test_page_with_no_text(tmp_path: Path) -> None:
    page = "<html><head><title>某县政府</title><script>render()</script></head><body><div id='app'></div></body></html>"
    assert_input_error(write(tmp_path, "spa.html", page), "no text", "HTML")


# --- Word -----------------------------------------------------------------------------------

CHINESE_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="90">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/>
  <w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""


def _numbered(document: docx.document.Document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        )
    )


def _install_numbering(document: docx.document.Document) -> None:
    numbering = document.part.numbering_part.element
    definitions = parse_xml(CHINESE_NUMBERING)
    for abstract in definitions.findall(f"{{{definitions.nsmap['w']}}}abstractNum"):
        numbering.insert(0, abstract)  # abstractNum elements must precede num elements
    for num in definitions.findall(f"{{{definitions.nsmap['w']}}}num"):
        numbering.append(num)


def test_docx_paragraphs_and_measure_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("宁远县法治政府建设实施方案", level=1)
    document.add_paragraph("　　为深入推进依法行政,制定本方案。")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ("序号", "工作任务", "牵头单位", "完成时限"),
            ("1", "健全依法决策机制", "县司法局", "2022年底前"),
            ("2", "推进政务公开", "县政府办", ""),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    table.rows[1].cells[2].add_paragraph("县财政局")  # a second unit on its own paragraph
    document.add_paragraph("县委全面依法治县委员会办公室")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert read_document(path) == (
        "宁远县法治政府建设实施方案\n"
        "为深入推进依法行政,制定本方案。\n"
        "序号\t工作任务\t牵头单位\t完成时限\n"
        "1\t健全依法决策机制\t县司法局 县财政局\t2022年底前\n"
        "2\t推进政务公开\t县政府办\t\n"
        "县委全面依法治县委员会办公室\n"
    )


def test_docx_merged_cells_read_like_the_html_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    rows = [
        ("序号", "工作任务", "牵头单位", "完成时限"),
        ("1", "健全依法决策机制", "县司法局", "2022年底前"),
        ("2", "推进政务公开", "", "长期坚持"),
        ("合计两项", "", "-", "-"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # 县司法局 leads both tasks
    table.cell(3, 0).merge(table.cell(3, 1))
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_document(path) == MERGED_TABLE_TEXT


def test_docx_automatic_chinese_numbering_is_rendered(tmp_path: Path) -> None:
    document = docx.Document()
    _install_numbering(document)
    _numbered(document, "总体要求", 0)
    _numbered(document, "指导思想", 1)
    _numbered(document, "主要目标", 1)
    _numbered(document, "到2025年基本建成法治政府", 2)
    _numbered(document, "主要任务", 0)
    _numbered(document, "依法全面履行政府职能", 1)
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert read_document(path) == (
        "一、总体要求\n(一)指导思想\n(二)主要目标\n1.到2025年基本建成法治政府\n二、主要任务\n(一)依法全面履行政府职能\n"
    )


def test_docx_list_style_numbering_from_the_default_template(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("健全依法决策机制", style="List Number")
    document.add_paragraph("推进政务公开", style="List Number")
    path = tmp_path / "list.docx"
    document.save(str(path))
    assert read_document(path) == "1.健全依法决策机制\n2.推进政务公开\n"


def test_docx_tracked_changes_show_the_accepted_text(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("由县司法局")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph._p.append(parse_xml(f'<w:ins xmlns:w="{w}" w:id="1" w:author="a"><w:r><w:t>牵头</w:t></w:r></w:ins>'))
    paragraph._p.append(
        parse_xml(f'<w:del xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:delText>配合</w:delText></w:r></w:del>')
    )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read_document(path) == "由县司法局牵头\n"


def test_docx_renamed_doc_is_told_from_content(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("法治政府建设工作要点")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_document(write(tmp_path, "renamed.doc", buffer.getvalue())) == "法治政府建设工作要点\n"


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    assert_input_error(path, "no text", "Word")


@pytest.mark.parametrize(
    ("value", "fmt", "label"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalFullWidth", "７"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (5, "somethingNew", "5"),
    ],
)
def test_number_formats(value: int, fmt: str, label: str) -> None:
    assert format_number(value, fmt) == label


def test_chinese_numerals_below_ten_thousand() -> None:
    assert [chinese_numeral(n) for n in (1, 9, 10, 15, 99, 100, 110, 1001, 2020)] == [
        "一", "九", "十", "十五", "九十九", "一百", "一百一十", "一千零一", "二千零二十",
    ]  # fmt: skip


# --- PDF ------------------------------------------------------------------------------------

_IDENTITY_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def _pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (BMP characters), in about 1.5 KB."""
    operations = ["BT /F1 12 Tf 14 TL 50 780 Td"]
    operations += ["<" + "".join(f"{ord(ch):04X}" for ch in line) + "> Tj T*" for line in lines]
    operations.append("ET")
    return one_page_pdf("\n".join(operations).encode(), has_text=bool(lines))


def one_page_pdf(content: bytes, has_text: bool = True) -> bytes:
    """A one-page PDF drawing `content` (text operators on font F1, a CJK font with a ToUnicode map)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        + (b" /Contents 5 0 R >>" if has_text else b" >>"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_IDENTITY_TO_UNICODE), _IDENTITY_TO_UNICODE),
    ]
    return pdf_from_objects(objects, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


PDF_LINES = ["宁远县法治政府建设实施方案", "一、总体要求", "(一)指导思想 ABC 2021-2025"]


def test_pdf_text_layer_in_chinese(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "plan.pdf", _pdf_with_text(PDF_LINES)))
    assert text.splitlines() == PDF_LINES


def test_pdf_without_extension(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "download", _pdf_with_text(PDF_LINES))).splitlines() == PDF_LINES


def test_pdf_letter_spaced_chinese_is_joined(tmp_path: Path) -> None:
    spaced = ["宁 远 县 法 治 政 府 建 设 实 施 方 案", "一 、 总 体 要 求"]
    text = read_document(write(tmp_path, "spaced.pdf", _pdf_with_text(spaced)))
    assert text.splitlines() == ["宁远县法治政府建设实施方案", "一、总体要求"]


WRAPPED_PAGE = [
    "一、总体要求",
    "(一)指导思想。坚持以习近平新时代中国特色社会主义思想",
    "为指导,全面贯彻党的二十大精神,深入学习贯彻习近平法",
    "治思想,加快建设法治政府。",
    "1.健全依法决策机制,严格落实重大行政决策程序暂行条",
    "例。(牵头单位:县司法局;参加单位:县政府办、县发改",
    "局)",
    "2.推进政务公开。",
    "牵头单位:县政府办",
    "(二)主要目标。到2025年,政府行为全面纳入法治轨道,",
    "职责明确、依法行政的政府治理体系日益健全。",
]


def test_pdf_lines_wrapped_at_the_margin_are_rejoined(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "wrapped.pdf", _pdf_with_text(WRAPPED_PAGE)))
    assert text.splitlines() == [
        "一、总体要求",
        "(一)指导思想。坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,深入学习贯彻习近平法治思想,"
        "加快建设法治政府。",
        "1.健全依法决策机制,严格落实重大行政决策程序暂行条例。(牵头单位:县司法局;参加单位:县政府办、县发改局)",
        "2.推进政务公开。",
        "牵头单位:县政府办",
        "(二)主要目标。到2025年,政府行为全面纳入法治轨道,职责明确、依法行政的政府治理体系日益健全。",
    ]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    assert_input_error(write(tmp_path, "scan.pdf", _pdf_with_text([])), "no text layer")


def test_encrypted_pdf(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_pdf_with_text(PDF_LINES))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert_input_error(write(tmp_path, "locked.pdf", buffer.getvalue()), "encrypted")


def test_damaged_pdf(tmp_path: Path) -> None:
    assert_input_error(write(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog"), "PDF")


# --- bad input ------------------------------------------------------------------------------

PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", ("empty file",)),
        ("blank.txt", "  \n\u3000\n\t\n".encode(), ("no text",)),
        ("image.txt", PNG_1X1, ("binary", "PNG")),
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), ("binary", "JPEG")),
        ("program", b"\x7fELF\x02\x01\x01" + bytes(100), ("binary", "ELF")),
        ("archive.txt.gz", b"\x1f\x8b\x08\x00" + bytes(20), ("binary", "gzip")),
        ("old.doc", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512), ("old Office format", ".docx")),
        ("memo.rtf", b"{\\rtf1\\ansi\\ansicpg936 hello}", ("RTF",)),
        ("files.zip", _zip_of({"a.txt": b"hello"}), ("zip archive",)),
        ("sheet.xlsx", _zip_of({"xl/workbook.xml": b"<workbook/>"}), ("Excel",)),
        ("torn.docx", b"PK\x03\x04" + bytes(40), ("damaged zip",)),
        ("noise.bin", random.Random(7).randbytes(4096), ("binary",)),
        ("controls.txt", b"\x01\x02\x03abc\x04\x05" * 50, ("binary",)),
        ("latin.txt", b"caf\xe9 \x80\x81\xff" * 3, ("cannot decode",)),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_bad_input_is_refused_with_a_reason(tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]) -> None:
    assert_input_error(write(tmp_path, name, data), *words)


def test_missing_path(tmp_path: Path) -> None:
    assert_input_error(tmp_path / "nowhere.txt", "no such file")


def test_folder_path(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    assert_input_error(folder, "folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert_input_error(pipe, "not a regular file")


def test_a_reader_library_crash_becomes_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(raw: bytes, *bounds: object) -> str:
        raise KeyError("word/styles.xml")

    monkeypatch.setattr("policykg.ingest.readers.docx_to_text", crash)
    document = docx.Document()
    document.add_paragraph("x")
    path = tmp_path / "crash.docx"
    document.save(str(path))
    assert_input_error(path, "cannot read this Word document", "KeyError")


def test_str_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "法治")
    assert read_document(str(path)) == "法治"


# --- fuzzing --------------------------------------------------------------------------------

_MAGIC_PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<html><body>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"{\\rtf1",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(_MAGIC_PREFIXES), data=st.binary(max_size=2048))
def test_fuzz_bytes_give_text_or_input_error(tmp_path: Path, prefix: bytes, data: bytes) -> None:
    path = write(tmp_path, "fuzz.bin", prefix + data)
    try:
        text = read_document(path)
    except InputError as error:
        assert str(path) in str(error) and "\n" not in str(error)
    else:
        assert isinstance(text, str) and text.strip()
        assert "\r" not in text


def _reads_as_latin_utf8(data: bytes) -> bool:
    try:
        return all(ord(ch) <= 0x24F for ch in data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


# Common Chinese (GB2312 level 1), the punctuation of these documents, some ASCII.
_COMMON_HAN = [
    bytes((lead, trail)).decode("gb2312") for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)
    if (lead, trail) < (0xD7, 0xFA)  # the last row ends early
]  # fmt: skip
_CHINESE_TEXT = st.text(
    alphabet=st.sampled_from([*_COMMON_HAN, *"0123456789、,。;:()《》“”—-ABCxyz \n\t"]),
    min_size=1,
    max_size=400,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_CHINESE_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_fuzz_chinese_text_round_trips_in_every_encoding(tmp_path: Path, text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "gb18030" and not data.isascii():
        assume(not _reads_as_latin_utf8(data))  # ambiguous: see test_short_gb18030_that_is_valid_utf8
    path = write(tmp_path, "round.txt", data)
    if not text.strip():
        assert_input_error(path, "no text")
        return
    assert read_document(path) == text


# --- the same document through every format ------------------------------------------------


def _as_portal_page(lines: list[str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        "<html><head><title>portal</title><script>var x = 1;</script></head><body>"
        "<div id='nav'><a>首页</a><a>政务公开</a></div>"
        f"<div class='TRS_Editor'>{paragraphs}</div><div class='footer'>版权所有</div></body></html>"
    )


def _as_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FORMATS = {
    "gb18030.txt": lambda lines: "\n".join(lines).encode("gb18030"),
    "utf16.txt": lambda lines: "\r\n".join(lines).encode("utf-16"),
    "page.html": lambda lines: _as_portal_page(lines).encode("utf-8"),
    "plan.docx": _as_docx,
    "plan.pdf": lambda lines: _pdf_with_text([line for line in lines if line.strip()]),
}


@pytest.mark.parametrize(
    ("name", "file_name"),
    [(name, file_name) for name in ("songyang", "yuhu", "suichang") for file_name in FORMATS],
)
def test_every_format_extracts_the_same_measures(tmp_path: Path, name: str, file_name: str) -> None:
    from policykg.ingest.pipeline import extract_text

    text = corpus_text(name)
    expected = extract_text(text, source="plan")
    assert expected.measures and any(m.units for m in expected.measures)
    copy = write(tmp_path, file_name, FORMATS[file_name](text.splitlines()))
    extracted = extract_text(read_document(copy), source="plan")
    assert [m.path for m in extracted.measures] == [m.path for m in expected.measures]
    units = [[(u.role, u.mention) for u in m.units] for m in extracted.measures]
    assert units == [[(u.role, u.mention) for u in m.units] for m in expected.measures]


# --- size -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_fifty_megabyte_text_reads_in_linear_time(tmp_path: Path, encoding: str) -> None:
    text = "\r\n".join(path.read_text(encoding="utf-8") for path in CORPUS_FILES)
    data = text.encode(encoding)
    data = data * (50 * 1024 * 1024 // len(data) + 1)
    path = write(tmp_path, f"big-{encoding}.txt", data)
    started = time.perf_counter()
    result = read_document(path)
    elapsed = time.perf_counter() - started
    assert len(result) > 15_000_000 and "\r" not in result
    assert elapsed < 30, f"{elapsed:.1f} s for {len(data) >> 20} MB"
