"""The .xlsx reader: a sheet reads as the Word and HTML readers write tables (a row a line, cells joined by a
tab, a cell merged down an empty field, a row merged across a line of its own), told from the content, and
bounded by what the sheet stores rather than by the size it states."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from policykg.core.errors import InputError
from policykg.ingest.readers import read_document


def save(workbook: Workbook, path: Path) -> Path:
    workbook.save(str(path))
    return path


def test_a_sheet_reads_as_tab_joined_rows_with_merges(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某县2024年法治政府建设任务分工表"])
    ws.merge_cells("A1:D1")
    ws.append(["序号", "重点任务", "牵头单位", "完成时限"])
    ws.append(["一、完善制度体系"])
    ws.merge_cells("A3:D3")
    ws.append([1, "清理规范性文件\n集中审查", "县司法局", dt.date(2024, 6, 30)])
    ws.append([2.0, "推行告知承诺制", None, "全年"])
    ws.merge_cells("C4:C5")
    ws.append(["县委全面依法治县委员会办公室"])
    path = save(wb, tmp_path / "named.docx")  # the name says docx: the content says workbook
    assert read_document(path) == (
        "某县2024年法治政府建设任务分工表\n"
        "序号\t重点任务\t牵头单位\t完成时限\n"
        "一、完善制度体系\n"
        "1\t清理规范性文件 集中审查\t县司法局\t2024年6月30日\n"
        "2\t推行告知承诺制\t\t全年\n"
        "县委全面依法治县委员会办公室\n"
    )


def test_hidden_sheets_are_not_read_and_visible_ones_follow_each_other(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["第一页", "甲"])
    hidden = wb.create_sheet("草稿")
    hidden.append(["不应读出", "乙"])
    hidden.sheet_state = "hidden"
    wb.create_sheet("第二页").append(["第二页", "丙"])
    assert read_document(save(wb, tmp_path / "book.xlsx")) == "第一页\t甲\n第二页\t丙\n"


def test_a_far_away_cell_and_a_huge_merge_cost_what_the_sheet_stores(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "重点任务", "牵头单位"])
    ws.append([1, "清理规范性文件", "县司法局"])
    ws.cell(1_048_576, 16_384, "远处的一格")
    path = save(wb, tmp_path / "sparse.xlsx")
    # Merges over a million rows and the whole width, written into the sheet's XML as a file may hold them.
    huge = '<mergeCells count="2"><mergeCell ref="A10:C1000000"/><mergeCell ref="D3:XFD1048575"/></mergeCells>'
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", "</sheetData>" + huge).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    started = time.process_time()
    text = read_document(path)
    assert time.process_time() - started < 5
    assert text == "序号\t重点任务\t牵头单位\n1\t清理规范性文件\t县司法局\n"  # the far cell: beyond any table


def test_an_empty_workbook_and_a_damaged_one_are_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text in this Excel workbook"):
        read_document(save(Workbook(), tmp_path / "empty.xlsx"))
    (tmp_path / "torn.xlsx").write_bytes(b"PK\x03\x04" + bytes(60))
    with pytest.raises(InputError, match="damaged zip"):
        read_document(tmp_path / "torn.xlsx")
