"""Task tables in every shape: one table written as docx, HTML, xlsx, rows of text and one line of text gives
the same measures, units and deadlines; tables generated from the grammar (header words in any order and
wording, category rows, merged cells, serials or none) read back as they were written; rows that fit no
columns are warned about; the reader stays linear on huge tables."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.ingest.clean import clean
from policykg.ingest.pipeline import extract_file, extract_text
from policykg.ingest.records import Extraction
from policykg.ingest.tables import find_tables
from tests.fixtures.build_tables import Cell, Row, Table, oneline_text, rows_text, write_docx, write_html, write_xlsx

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
TASK_TABLE_SHAPES = [
    "task_table.docx",
    "task_table.html",
    "task_table.xlsx",
    "task_table_rows.txt",
    "task_table_oneline.txt",
]


def rows_of(extraction: Extraction) -> list[tuple[object, ...]]:
    return [
        (
            m.path,
            m.number,
            m.heading,
            tuple((u.role, u.mention, u.collective) for u in m.units),
            tuple((d.text, d.kind, d.date) for d in m.deadlines),
            tuple(i.mention for i in m.instruments),
        )
        for m in extraction.measures
    ]


def test_the_task_table_reads_the_same_in_every_shape() -> None:
    shapes = {name: rows_of(extract_file(DOCUMENTS / name)) for name in TASK_TABLE_SHAPES}
    first = shapes["task_table.docx"]
    assert len(first) == 14 and first[3][:2] == (("一", "4"), "4")
    assert first[3][3][0] == ("lead", "县市场监管局", False)  # merged down from row 3
    for name, rows in shapes.items():
        assert rows == first, name


def text_of(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def table_rows(text: str) -> list[tuple[tuple[str, ...], str, str, list[tuple[str, str]]]]:
    cleaned = clean(text).text
    return [
        (
            row.path,
            row.number,
            row.heading,
            [(a.role, a.mention) for c in row.clauses for a in c.assignments],
        )
        for row in find_tables(cleaned).rows
    ]


def test_header_words_in_any_order_and_a_serial_in_the_middle() -> None:
    text = text_of(
        [
            "工作任务\t责任部门\t协同单位\t责任领导\t序号\t时间安排",
            "修订政府工作规则\t县人民政府办公室\t县司法局\t常务副县长\t1\t3月底前",
            "清理规范性文件\t县司法局\t县直各单位\t分管副县长\t2\t2024年10月",
        ]
    )
    assert table_rows(text) == [
        (("1",), "1", "修订政府工作规则", [("responsible", "县人民政府办公室"), ("participate", "县司法局")]),
        (("2",), "2", "清理规范性文件", [("responsible", "县司法局"), ("participate", "县直各单位")]),
    ]


def test_two_header_rows_flattened_without_the_group_headers_span() -> None:
    text = text_of(
        [
            "序号  工作任务  责任主体  完成时限",
            "牵头单位  配合单位",
            "1  健全合法性审核机制  县司法局  县直各单位  2024年6月底前",
        ]
    )
    assert table_rows(text) == [
        (("1",), "1", "健全合法性审核机制", [("lead", "县司法局"), ("participate", "县直各单位")])
    ]


def test_pipes_between_cells_and_category_rows() -> None:
    text = text_of(
        [
            "| 序号 | 重点任务 | 牵头单位 | 配合单位 |",
            "| 一、完善制度体系 |",
            "| 1 | 清理规范性文件 | 县司法局 | — |",
            "| （一）营商环境 |",
            "| 2 | 推行告知承诺制 | 县司法局 | 县政务服务中心 |",
        ]
    )
    assert table_rows(text) == [
        (("一", "1"), "1", "清理规范性文件", [("lead", "县司法局")]),
        (("一", "(一)", "2"), "2", "推行告知承诺制", [("lead", "县司法局"), ("participate", "县政务服务中心")]),
    ]


def test_a_merged_serial_makes_one_measure_of_its_rows() -> None:
    text = text_of(
        [
            "序号\t重点任务\t具体措施\t牵头单位\t配合单位",
            "1\t推进政务公开\t更新公开目录\t县人民政府办公室\t县直各单位",
            "\t\t优化依申请公开流程\t\t县司法局",
            "2\t加强行政复议\t畅通申请渠道\t县司法局\t各乡镇人民政府",
        ]
    )
    rows = table_rows(text)
    assert [r[:3] for r in rows] == [(("1",), "1", "推进政务公开"), (("2",), "2", "加强行政复议")]
    assert rows[0][3] == [("lead", "县人民政府办公室"), ("participate", "县直各单位"), ("participate", "县司法局")]


def test_a_cell_broken_over_two_lines_joins_its_row() -> None:
    text = text_of(
        [
            "序号\t重点任务\t具体措施\t牵头单位\t完成时限",
            "1\t推行告知承诺制\t编制告知承诺制目录；",
            "建立失信惩戒机制\t县司法局\t2024年12月",
            "2\t清理规范性文件\t集中清理\t县司法局\t全年",
        ]
    )
    assert [r[:2] for r in table_rows(text)] == [(("1",), "1"), (("2",), "2")]
    assert table_rows(text)[0][3] == [("lead", "县司法局")]


def test_role_cells_written_as_clauses() -> None:
    text = text_of(
        [
            "序号\t工作任务\t责任单位",
            "1\t推进综合执法\t县委编办牵头，县直各单位配合",
            "2\t规范执法文书\t县司法局（牵头）、县财政局",
            "3\t开展安全检查\t县应急管理局会同县消防救援大队负责",
        ]
    )
    assert [r[3] for r in table_rows(text)] == [
        [("lead", "县委编办"), ("participate", "县直各单位")],
        [("lead", "县司法局"), ("responsible", "县财政局")],
        [("responsible", "县应急管理局"), ("participate", "县消防救援大队")],
    ]


def test_a_table_after_an_attachment_line_has_the_attachment_in_its_paths() -> None:
    text = text_of(
        [
            "某县法治政府建设实施方案",
            "一、重点任务",
            "1.推进依法决策。（责任单位：县司法局）",
            "附件2：重点任务分工表",
            "序号  重点任务  牵头单位  配合单位",
            "1  编制决策事项目录  县人民政府办公室  县司法局",
        ]
    )
    extraction = extract_text(text, source="plan.txt")
    assert [m.path for m in extraction.measures] == [("一", "1"), ("附件2", "1")]


def test_a_section_holding_only_a_table_is_not_a_measure() -> None:
    text = text_of(
        [
            "某县2024年法治政府建设工作要点",
            "一、重点任务分工",
            "序号\t重点任务\t牵头单位",
            "1\t编制决策事项目录\t县人民政府办公室",
            "2\t清理规范性文件\t县司法局",
            "二、保障措施",
            "各单位要加强组织领导，按时完成任务。",
        ]
    )
    paths = [m.path for m in extract_text(text, source="points.txt").measures]
    assert ("一",) not in paths and paths[:2] == [("1",), ("2",)]


def test_a_row_that_fits_no_columns_is_warned_about_and_the_rest_is_read() -> None:
    text = text_of(
        [
            "序号  重点任务  牵头单位  配合单位  完成时限",
            "1  编制决策事项目录  县人民政府办公室  县司法局  2024年4月底前",
            "2024年  3",
            "2  清理规范性文件  县司法局  县直各单位  全年",
        ]
    )
    scan = find_tables(clean(text).text)
    assert [row.number for row in scan.rows] == ["1", "2"]
    assert [(w.kind, text[w.span[0] : w.span[1]]) for w in scan.warnings if w.span] == [
        ("unreadable_table", "2024年  3")
    ]


def test_a_header_with_no_rows_is_warned_about() -> None:
    text = text_of(["序号\t重点任务\t牵头单位\t完成时限", "下表另行印发。"])
    scan = find_tables(clean(text).text)
    assert scan.rows == () and [w.kind for w in scan.warnings] == ["unreadable_table"]
    assert scan.warnings[0].span == (0, text.index("\n"))


def test_prose_label_lines_are_not_a_table() -> None:
    text = text_of(
        [
            "1.建立健全行政裁量权基准制度。",
            "牵头单位：县司法局　　配合单位：县财政局、县审计局　　完成时限：2023年6月底前",
        ]
    )
    assert find_tables(clean(text).text).rows == ()


# --- generated tables ------------------------------------------------------------------------------

UNITS = ["县司法局", "县财政局", "县人民政府办公室", "县直各部门", "各乡镇人民政府", "县发展和改革局", "县市场监管局"]
HEADERS = {
    "serial": ["序号"],
    "task": ["重点任务", "工作任务", "主要任务", "工作内容"],
    "detail": ["具体措施", "工作措施", "工作要求"],
    "lead": ["牵头单位", "牵头部门", "主办单位"],
    "participate": ["配合单位", "协办单位", "协同单位", "参与单位"],
    "responsible": ["责任单位", "责任部门"],
    "time": ["完成时限", "时间安排", "完成时间", "时间节点"],
    "leader": ["责任领导"],
}
TIMES = ["2024年6月底前", "长期坚持", "全年", "二季度", "每年3月底前", "12月底前"]


@st.composite
def task_tables(draw: st.DrawFn) -> tuple[Table, list[tuple[tuple[str, ...], list[tuple[str, str]]]]]:
    """A table from the grammar, and what each of its rows must read as: (path, [(role, unit)])."""
    roles = draw(st.sampled_from([["lead", "participate"], ["responsible"], ["responsible", "participate"], ["lead"]]))
    extra = draw(st.lists(st.sampled_from(["serial", "detail", "time", "leader"]), unique=True))
    kinds = draw(st.permutations(["task", *roles, *extra]))
    columns = tuple(draw(st.sampled_from(HEADERS[kind])) for kind in kinds)
    n = draw(st.integers(1, 7))
    # Rows that open a category (the first does, when the table has categories).
    opens = [i == 0 for i in range(n)] if draw(st.booleans()) else [False] * n
    opens = [o or (opens[0] and draw(st.booleans())) for o in opens]
    rows: list[Row] = []
    expected: list[tuple[tuple[str, ...], list[tuple[str, str]]]] = []
    merged: dict[int, list[str]] = {}  # column -> the units a merge from the row above repeats here
    category = 0
    for i in range(n):
        if opens[i]:
            category += 1
            rows.append(Row(category=f"{'一二三四五六七'[category - 1]}、推进第{category}类工作"))
        can_merge = i + 1 < n and not opens[i + 1]
        cells: list[Cell | None] = []
        units: list[tuple[str, str]] = []
        below: dict[int, list[str]] = {}
        for j, kind in enumerate(kinds):
            if j in merged:
                cells.append(None)
                units += [(kind, u) for u in merged[j]]
            elif kind == "serial":
                cells.append(Cell(str(i + 1)))
            elif kind == "task":
                cells.append(Cell(f"推进第{i + 1}项重点工作"))
            elif kind == "detail":
                cells.append(Cell(draw(st.sampled_from(["完善制度，\n加强监督", "开展专项检查", "编制清单并公布"]))))
            elif kind == "time":
                cells.append(Cell(draw(st.sampled_from(TIMES))))
            elif kind == "leader":
                cells.append(Cell("县政府分管副县长"))
            else:
                chosen = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
                rowspan = 2 if can_merge and draw(st.booleans()) else 1
                cells.append(Cell(draw(st.sampled_from(["、", "\n"])).join(chosen), rowspan=rowspan))
                units += [(kind, u) for u in chosen]
                if rowspan == 2:
                    below[j] = chosen
        merged = below
        rows.append(Row(cells=tuple(cells)))
        labels = ("一二三四五六七"[category - 1],) if category else ()
        expected.append(((*labels, str(i + 1)), units))
    return Table("某县2024年法治政府建设任务分工表", columns, tuple(rows)), expected


def read_rows(text: str) -> list[tuple[tuple[str, ...], list[tuple[str, str]]]]:
    return [(path, sorted(units)) for path, _, _, units in table_rows(text)]


def want(expected: list[tuple[tuple[str, ...], list[tuple[str, str]]]]) -> list[object]:
    return [(path, sorted(units)) for path, units in expected]


@settings(max_examples=150, deadline=None)
@given(task_tables())
def test_generated_tables_read_back_as_rows_of_text_and_as_one_line(generated: tuple[Table, list]) -> None:
    table, expected = generated
    assert read_rows(rows_text(table)) == want(expected)
    assert read_rows(oneline_text(table)) == want(expected)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(task_tables())
def test_generated_tables_read_back_from_docx_html_and_xlsx(tmp_path: Path, generated: tuple[Table, list]) -> None:
    from policykg.ingest.readers import read_document

    table, expected = generated
    for name, write in (("t.docx", write_docx), ("t.html", write_html), ("t.xlsx", write_xlsx)):
        assert read_rows(read_document(write(table, tmp_path / name))) == want(expected), name


# --- bounded -----------------------------------------------------------------------------------------


def _big_table(rows: int, one_line: bool) -> str:
    header = "序号  重点任务  牵头单位  配合单位  完成时限"
    body = [f"{i}  推进第{i}项工作  县司法局  县财政局、县直各部门  2024年6月底前" for i in range(1, rows + 1)]
    return text_of([header + "  " + "  ".join(body)] if one_line else [header, *body])


@pytest.mark.parametrize("one_line", [False, True], ids=["rows", "one-line"])
def test_huge_tables_read_in_linear_time(one_line: bool) -> None:
    timings = []
    for rows in (2_000, 8_000):
        text = clean(_big_table(rows, one_line)).text
        started = time.process_time()
        scan = find_tables(text)
        timings.append(time.process_time() - started)
        assert len(scan.rows) == rows and not scan.warnings
    # Four times the rows: about four times the time (a quadratic reader would take sixteen).
    assert timings[1] < 10 * timings[0] + 0.05, timings


def test_pieces_of_a_cell_spaced_apart_are_fitted_to_their_column() -> None:
    text = text_of(
        [
            "序号  重点任务  牵头单位  配合单位  完成时限",
            "1  推进政务公开  县人民政府办公室  县司法局  县财政局  全年",
            "2  清理规范性文件  县司法局  2024年6月底前",
        ]
    )
    assert [r[3] for r in table_rows(text)] == [
        [("lead", "县人民政府办公室"), ("participate", "县司法局"), ("participate", "县财政局")],
        [("lead", "县司法局")],
    ]


def test_a_table_without_serials_numbers_its_rows_or_takes_the_number_its_task_opens_with() -> None:
    numbered = text_of(["工作任务\t牵头单位", "1.推进政务公开\t县人民政府办公室", "2.清理规范性文件\t县司法局"])
    plain = text_of(["工作任务\t牵头单位", "推进政务公开\t县人民政府办公室", "清理规范性文件\t县司法局"])
    assert [r[:2] for r in table_rows(numbered)] == [(("1",), "1"), (("2",), "2")]
    assert [r[:2] for r in table_rows(plain)] == [(("1",), "1"), (("2",), "2")]


def test_labelled_lines_inside_one_role_cell() -> None:
    text = text_of(["序号\t工作任务\t责任单位", "1\t推进综合执法\t牵头：县委编办 配合：县司法局、县财政局"])
    assert table_rows(text)[0][3] == [("lead", "县委编办"), ("participate", "县司法局"), ("participate", "县财政局")]


def test_counted_cells_that_stop_lining_up_are_not_read_as_rows() -> None:
    # No 序号 to find rows by, and an empty cell invisible on one line: the second row's cells are off by one.
    cells = ["工作任务", "牵头单位", "完成时限", "推进政务公开", "县人民政府办公室", "全年", "清理文件", "全年"]
    text = text_of(["  ".join([*cells, "再推进", "县司法局", "全年"])])
    scan = find_tables(clean(text).text)
    assert [row.heading for row in scan.rows] == ["推进政务公开"]
    assert [w.kind for w in scan.warnings] == ["unreadable_table"]
    assert all(a.mention != "全年" for row in scan.rows for c in row.clauses for a in c.assignments)


def _pdf_table(rows: list[list[str]], xs: list[int]) -> bytes:
    """A one-page PDF with each cell placed at its column's x position, as a PDF task table is laid out."""
    from tests.test_readers import one_page_pdf

    operations = []
    for k, row in enumerate(rows):
        for x, cell in zip(xs, row, strict=True):
            if cell:
                glyphs = "".join(f"{ord(ch):04X}" for ch in cell)
                operations.append(f"BT /F1 10 Tf {x} {780 - 16 * k} Td <{glyphs}> Tj ET")
    return one_page_pdf("\n".join(operations).encode())


def test_a_pdf_task_table_keeps_its_rows_apart_and_reads_as_measures(tmp_path: Path) -> None:
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    rows = [
        [str(i), f"推进第{i}项法治政府建设重点工作", "县人民政府办公室", "县司法局、县财政局", "全年"]
        for i in range(1, 9)
    ]
    rows[3][3] = ""  # an empty cell leaves no trace in the text layer
    path = tmp_path / "table.pdf"
    path.write_bytes(_pdf_table([header, *rows], [40, 70, 250, 350, 470]))
    extraction = extract_file(path)
    assert [m.number for m in extraction.measures] == [str(i) for i in range(1, 9)]
    assert [(u.role, u.mention) for u in extraction.measures[3].units] == [("lead", "县人民政府办公室")]
    assert [(u.role, u.mention) for u in extraction.measures[4].units] == [
        ("lead", "县人民政府办公室"),
        ("participate", "县司法局"),
        ("participate", "县财政局"),
    ]


def test_single_spaces_make_a_header_only_when_every_word_is_a_header_word() -> None:
    header_line = text_of(["序号 重点任务 牵头单位 完成时限", "1 推进政务公开 县政府办 全年"])
    prose_line = text_of(["牵头单位 县司法局 负责 推进政务公开 工作", "1 推进政务公开 县政府办 全年"])
    assert [r[3] for r in table_rows(header_line)] == [[("lead", "县政府办")]]
    assert table_rows(prose_line) == []


def test_category_rows_and_the_attachment_are_the_rows_sections() -> None:
    extraction = extract_file(DOCUMENTS / "table_in_prose_plan.txt")
    attachment = [s for s in extraction.sections if s.path == ("附件",)]
    assert [(s.heading, extraction.text[s.span[0] : s.span[0] + 2]) for s in attachment] == [("重点任务分工表", "附件")]
    categories = [(s.path, s.heading) for s in extract_file(DOCUMENTS / "task_table.xlsx").sections]
    assert categories == [
        (("一",), "健全政府机构职能体系"),
        (("二",), "推进严格规范公正文明执法"),
        (("三",), "强化行政权力制约和监督"),
    ]


def test_serials_written_as_chinese_numerals_number_the_rows() -> None:
    text = text_of(
        [
            "序号\t具体工作\t牵头单位",
            "一\t推进政务公开\t县人民政府办公室",
            "二\t清理规范性文件\t县司法局",
            "(三)\t推行告知承诺制\t县司法局",
        ]
    )
    assert [r[:3] for r in table_rows(text)] == [
        (("一",), "一", "推进政务公开"),
        (("二",), "二", "清理规范性文件"),
        (("(三)",), "(三)", "推行告知承诺制"),
    ]


def test_a_page_flattened_to_one_line_with_its_title_before_the_table() -> None:
    before = ["某县2024年法治政府建设任务分工表", "附件", "序号", "重点任务", "牵头单位", "配合单位"]
    rows = ["1", "推进政务公开", "县人民政府办公室", "县司法局", "2", "清理规范性文件", "县司法局", "县直各单位"]
    line = "  ".join([*before, *rows])
    extraction = extract_text(text_of([line]), source="page.txt")
    assert [(m.path, m.heading) for m in extraction.measures] == [
        (("附件", "1"), "推进政务公开"),
        (("附件", "2"), "清理规范性文件"),
    ]
