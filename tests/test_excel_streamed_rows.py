"""Rows streamed as worksheet XML (services/excel/streamed_rows.py) make the same workbook as openpyxl's cells.

Two workbooks of the same report forms, one with every row appended through openpyxl (``add_plain``) and
one with the rows after the first streamed (``stream_plain``), read back by openpyxl: every cell's value,
type and style, the row heights, merged ranges, conditional borders and print set-up are equal.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from outreach_desk.services.excel.files import save_workbook
from outreach_desk.services.excel.report_form import Column, SheetForm, Signatures
from outreach_desk.services.excel.streamed_rows import moved_down, sheet_parts

COLUMNS = [Column("日期", 12), Column("村（社区）", 12), Column("数量", 6), Column("诈骗类型", 16), Column("备注", 10)]
SIGNATURES = Signatures("平安镇综治办", "张三", "李四", dt.date(2026, 11, 28))
LONG = "冒充公检法及政府机关诈骗、微信、短信诈骗、保健品养老诈骗"
ROWS = [
    [dt.date(2026, 11, 1), "太平村", 3, "冒充亲友诈骗", None],
    [dt.date(2026, 11, 2), "幸福社区", 0, LONG, ""],                            # wraps: a row of its own height
    [dt.date(2026, 11, 2), "=HYPERLINK(\"http://x\")", 2.5, "+1", "-2"],        # text that must stay text
    [dt.datetime(2026, 11, 3, 14, 30), "@SUM(A1)", True, "\t=1", " 前后空格 "],
    [dt.date(2026, 11, 3), "a & b < c > d", 10 ** 12, "换行\r\n第二行", "控制\x01字符"],
    [dt.date(2026, 11, 4), "太平村", -7, "冒充亲友诈骗", "太平村"],
    [None, "", None, None, "只有备注"],
]


def _write(path, streamed: bool, rows=ROWS, sheets=("台账", "清单")):
    workbook = Workbook(write_only=True)
    forms = []
    for name in sheets:
        form = SheetForm(workbook, name, f"平安镇反诈宣传月报·{name}（2026年11月）", COLUMNS, SIGNATURES,
                         cell_borders=False, row_height=15)
        for values in rows:
            (form.stream_plain if streamed else form.add_plain)(values)
        form.finish(f"共 {len(rows)} 条。")
        forms.append(form)
    save_workbook(workbook, path, [form.streamed for form in forms])
    for form in forms:
        if form.streamed is not None:
            form.streamed.close()
    return path


def _seen(path) -> dict:
    """Everything openpyxl reads back of each sheet that a printed or opened report shows."""
    workbook = load_workbook(path)
    seen = {}
    for sheet in workbook.worksheets:
        cells = {cell.coordinate: (cell.value, cell.data_type, repr(cell.font), repr(cell.fill), repr(cell.alignment),
                                   repr(cell.border), cell.number_format, cell.quotePrefix, cell.style)
                 for row in sheet.iter_rows() for cell in row}
        heights = {number: (d.height, d.customHeight) for number, d in sheet.row_dimensions.items()
                   if d.height is not None}
        borders = [(str(cf.sqref), [repr(rule.dxf.border) for rule in rules])
                   for cf, rules in ((cf, cf.rules) for cf in sheet.conditional_formatting)]
        seen[sheet.title] = {
            "cells": cells, "heights": heights, "borders": borders, "size": (sheet.max_row, sheet.max_column),
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "widths": {key: d.width for key, d in sheet.column_dimensions.items()},
            "print": [repr(x) for x in (sheet.page_setup, sheet.print_options, sheet.page_margins, sheet.sheet_format,
                                        sheet.sheet_properties, sheet.oddFooter.center.text)],
            "frozen": sheet.freeze_panes, "titles": sheet.print_title_rows}
    return seen


def test_streamed_rows_read_back_as_the_cells_openpyxl_writes(tmp_path):
    expected = _seen(_write(tmp_path / "openpyxl.xlsx", streamed=False))
    found = _seen(_write(tmp_path / "streamed.xlsx", streamed=True))
    assert found == expected
    ledger = expected["台账"]
    assert ledger["cells"]["B6"][0] == "=HYPERLINK(\"http://x\")" and ledger["cells"]["B6"][7]   # text, quoted
    assert ledger["cells"]["E7"][0] == " 前后空格 " and ledger["cells"]["D8"][0] == "换行\n第二行"
    assert ledger["cells"]["E8"][0] == "控制\ufffd字符"
    assert ledger["heights"][5][0] > 15 and ledger["borders"] == [("A4:E10", [ledger["borders"][0][1][0]])]
    assert "A12:E12" in ledger["merged"]   # the note under the table, moved down with it


def test_streamed_sheet_follows_the_rules_excel_and_wps_read_by(tmp_path):
    """ECMA-376 Part 1, 18.3.1: rows in ascending order, each cell in its row and in column order, one
    well-formed part whose text is UTF-8 (no character references needed)."""
    path = _write(tmp_path / "streamed.xlsx", streamed=True, rows=ROWS * 300)
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        part = package.read(sheet_parts(package)["台账"])
    import xml.etree.ElementTree as ET

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    numbers = []
    for row in ET.fromstring(part).iter(main + "row"):
        number = int(row.get("r"))
        numbers.append(number)
        columns = []
        for cell in row.iter(main + "c"):
            letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", cell.get("r")).groups()
            assert int(digits) == number
            columns.append(letters)
            assert cell.get("s", "").isdigit()
        assert columns == sorted(columns, key=lambda c: (len(c), c))
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers)) == 3 + len(ROWS) * 300 + 3
    spaced = [t for t in ET.fromstring(part).iter(main + "t") if t.text and t.text != t.text.strip()]
    assert len(spaced) == 2 * 300 and all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
                                      for t in spaced)   # Excel drops the spaces of text not marked so
    assert "太平村".encode() in part


def test_a_workbook_without_streamed_rows_is_openpyxl_s_own(tmp_path):
    path = _write(tmp_path / "one.xlsx", streamed=True, rows=ROWS[:1])
    assert _seen(path) == _seen(_write(tmp_path / "plain.xlsx", streamed=False, rows=ROWS[:1]))


def test_references_below_the_first_rows_move_down_and_the_table_s_ranges_grow():
    part = ('<worksheet xmlns="m"><sheetData><row r="3"><c r="A3" s="1"/></row><row r="4"><c r="A4"/></row>'
            '<row r="5" ht="15"><c r="B5"><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:M1"/>'
            '<mergeCell ref="A5:M5"/></mergeCells><conditionalFormatting sqref="A4:M4 B4"><cfRule type="expression">'
            '<formula>TRUE</formula></cfRule></conditionalFormatting></worksheet>')
    head, tail = moved_down(part, 4, 100)
    assert head.endswith(b'<row r="4"><c r="A4"/></row>')
    assert tail.decode() == ('<row r="105" ht="15"><c r="B105"><v>1</v></c></row></sheetData><mergeCells count="2">'
                             '<mergeCell ref="A1:M1"/><mergeCell ref="A105:M105"/></mergeCells><conditionalFormatting '
                             'sqref="A4:M104 B4:B104"><cfRule type="expression"><formula>TRUE</formula></cfRule>'
                             '</conditionalFormatting></worksheet>')


def test_a_sheet_holding_what_could_refer_to_moved_rows_is_refused():
    part = ('<worksheet xmlns="m"><sheetData><row r="4"/></sheetData><hyperlinks><hyperlink ref="A9"/>'
            '</hyperlinks></worksheet>')
    with pytest.raises(ValueError, match="hyperlinks"):
        moved_down(part, 4, 10)


@pytest.mark.parametrize("streamed", [False, True], ids=["openpyxl", "streamed"])
def test_text_that_reads_as_an_escape_comes_back_as_typed(tmp_path, streamed):
    """``_x0041_`` in a clerk's text is written with its underscore escaped (ECMA-376 ``_x005F_``), which Excel,
    WPS and LibreOffice read back as typed (openpyxl reads the escape as written); a lone surrogate and a control
    character become U+FFFD on both paths instead of breaking the file."""
    from openpyxl.utils.escape import unescape

    typed = ["编号_x0041_", "a_x000D_b", "_x005f_", "半个\ud800字", "控制\x02字符", "x0041_ 不是"]
    path = _write(tmp_path / "escapes.xlsx", streamed, rows=[typed, typed], sheets=("台账",))
    with zipfile.ZipFile(path) as package:
        part = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "_x005F_x0041_" in part and "a_x005F_x000D_b" in part and "_x005F_x005f_" in part
    rows = [[cell.value for cell in row[:len(typed)]] for row in load_workbook(path).active.iter_rows()
            if row[0].value and str(row[0].value).startswith("编号")]
    assert len(rows) == 2
    expected = ["编号_x0041_", "a_x000D_b", "_x005f_", "半个\ufffd字", "控制\ufffd字符", "x0041_ 不是"]
    assert all([unescape(value) for value in row] == expected for row in rows)
