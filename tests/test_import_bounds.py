"""The work a refused file costs is bounded by what is shown: once the list of problems is full, later rows are
counted in the raw XML, not read or checked, and the annotated copy holds only the rows it marks.
(How long this takes is measured by ``tests/bench_import.py``.)"""

from __future__ import annotations

import pytest

from excel_samples import RawCell, raw_xlsx, sheet_xml
from outreach_desk.services.excel import annotate, import_rows, import_tables, reader, xlsx_stream

HEADER = ["日期", "村/社区", "活动类型", "数量", "备注"]
GOOD = ["2026-11-03", "太平村", "横幅标语", 2, "悬挂"]
WRONG = ["2026-13-40", "无此村", "无此类", "两条", "x"]  # four problems a row


@pytest.fixture
def small_list(monkeypatch):
    monkeypatch.setattr(import_rows, "MAX_LISTED_ISSUES", 20)
    return 20


def _spy_convert(monkeypatch) -> list:
    converted = []
    original = import_tables.ActivityRows.convert

    def convert(self, cells_by_key):
        converted.append(cells_by_key)
        return original(self, cells_by_key)

    monkeypatch.setattr(import_tables.ActivityRows, "convert", convert)
    return converted


def test_rows_after_a_full_list_are_counted_not_checked(township, tmp_path, monkeypatch, small_list):
    converted = _spy_convert(monkeypatch)
    rows = [HEADER] + [WRONG] * 300 + [[None] * 5] * 3 + [GOOD] * 10
    plan = import_rows.prepare(raw_xlsx(tmp_path / "全错.xlsx", {"活动": sheet_xml(rows)}))
    assert len(converted) == 5  # 5 rows x 4 problems fill the list; row 7 on is not converted
    assert len(plan.issues) == small_list + 1 and plan.issue_count == small_list
    assert plan.unchecked_rows == 295 + 10
    stop = plan.issues[0]
    assert stop.row == 0 and "305" in stop.message and "6" in stop.message


def test_a_later_sheet_is_counted_too_and_the_row_limit_still_holds(township, tmp_path, monkeypatch, small_list):
    sheets = {"活动": sheet_xml([HEADER] + [WRONG] * 10), "第二张": sheet_xml([HEADER] + [GOOD] * 7)}
    plan = import_rows.prepare(raw_xlsx(tmp_path / "两张.xlsx", sheets))
    assert plan.unchecked_rows == 5 + 7
    monkeypatch.setattr(import_rows, "MAX_DATA_ROWS", 9)  # per sheet: the first holds 10
    with pytest.raises(reader.WorkbookError):
        import_rows.prepare(raw_xlsx(tmp_path / "两张.xlsx", sheets))


def test_the_annotated_copy_of_a_long_refused_file_holds_the_header_and_the_marked_rows(township, tmp_path,
                                                                                       monkeypatch, small_list):
    from openpyxl import load_workbook

    monkeypatch.setattr(annotate, "FULL_COPY_ROWS", 50)
    rows = [HEADER] + [GOOD] * 60 + [WRONG] + [GOOD] * 30 + [WRONG] * 20
    plan = import_rows.prepare(raw_xlsx(tmp_path / "长.xlsx", {"活动": sheet_xml(rows)}))
    marked = load_workbook(annotate.write_annotated(plan, tmp_path / "长（已标注）.xlsx"))
    sheet = marked["活动"]
    filled = [row[0].row for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    assert filled == [1, 62, 93, 94, 95, 96]  # the header, then each marked row in its place
    assert sheet["B62"].comment is not None
    assert "header rows and the rows with problems" in " ".join(
        str(c.value) for row in marked.worksheets[0].iter_rows() for c in row if c.value)


SHEETS = {
    "plain": sheet_xml([HEADER, GOOD, [None] * 5, GOOD], first_row=1),
    "gaps and formatted empties": sheet_xml([HEADER, GOOD]).replace(
        "</sheetData>", '<row r="9" s="1"><c r="A9" s="1"/></row><row r="10"/><row r="40"><c r="B40"><v>1</v></c>'
                        '</row><row r="1048576"><c r="A1048576" s="2"/></row></sheetData>'),
    "no row numbers": sheet_xml([HEADER, GOOD, GOOD]).replace(' r="', ' x="'),
    "prefixed": sheet_xml([HEADER, GOOD]).replace("<row", "<x:row").replace("</row>", "</x:row>").replace(
        "<c ", "<x:c ").replace("</c>", "</x:c>").replace("<v>", "<x:v>").replace("</v>", "</x:v>").replace(
        "<is>", "<x:is>").replace("</is>", "</x:is>").replace("<t ", "<x:t ").replace("</t>", "</x:t>").replace(
        "<worksheet xmlns=", "<x:worksheet xmlns:x=").replace("</worksheet>", "</x:worksheet>").replace(
        "<sheetData>", "<x:sheetData>").replace("</sheetData>", "</x:sheetData>"),
    "formula only": sheet_xml([HEADER, [RawCell('<c r="{ref}"><f>1+1</f></c>')]]),
}
LAST_ROWS = {"plain": 4, "gaps and formatted empties": 1_048_576, "no row numbers": 3, "prefixed": 2,
             "formula only": 2}


@pytest.mark.parametrize("kind", list(SHEETS))
def test_the_raw_count_agrees_with_reading(tmp_path, kind):
    source = reader.open_source(raw_xlsx(tmp_path / "s.xlsx", {"活动": SHEETS[kind]}))
    try:
        read = [number for number, _values in source.rows("活动")]
        assert read and read[0] == 1
        for after in (0, 1, 2, 5, 39, 40):
            assert source.value_rows_after("活动", after) == sum(1 for n in read if n > after), after
        assert source.last_row("活动") == LAST_ROWS[kind] and source.last_row("no such sheet") == 0
    finally:
        source.close()


def test_the_raw_scan_finds_rows_and_merges_across_chunk_boundaries(tmp_path):
    import io

    rows = [HEADER] + [[*GOOD[:4], "长" * 3000]] * 2000
    xml = sheet_xml(rows, extra='<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C5:C9"/></mergeCells>')
    data = xml.encode("utf-8")
    assert len(data) > 3 * (1 << 22)
    merges, numbers, last = xlsx_stream.scan(io.BytesIO(data))
    assert merges == ["A1:B1", "C5:C9"] and list(numbers) == list(range(1, 2002)) and last == 2001
