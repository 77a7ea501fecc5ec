"""The monthly report: every sheet's figures against the coverage engine for the same month, and the form."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from openpyxl.utils import get_column_letter

from outreach_desk.services import organisation, vocab
from outreach_desk.services.coverage import engine, gaps, letters, periods, surveys
from outreach_desk.services.excel import report
from outreach_desk.services.excel.files import FileInUseError
from outreach_desk.services.excel.report_form import UNMET_PERCENT, WARNING_FILL, Signatures, text_width
from test_coverage_engine import build_town

D = dt.date
MONTH = "2026-10"
SHEETS = ["汇总", "达标情况", "问题清单", "活动台账", "问卷调查", "家长信", "排名", "督导整改", "案件情况"]
INJECTIONS = ["=HYPERLINK(\"http://x\",\"点\")", "+1+1", "-2", "@SUM(A1)", "\t=1"]


@pytest.fixture
def town(store):
    from outreach_desk.services import ledger

    ids = build_town()
    kinds = {k.code: k.id for k in organisation.list_kinds()}
    for number, text in enumerate(INJECTIONS):
        ledger.create(ledger.ActivityInput(D(2026, 10, 20 + number), ids["xingfu"], kinds["leaflet"], quantity=10,
                                           people=5, place_note=text, notes=text, audiences=16 | 1, topics=2))
    letters.add(letters.LetterInput(ids["school"], D(2026, 10, 11), students=40, issued=40, signed=31,
                                    class_name="三(2)班"))
    return ids


@pytest.fixture
def written(town, tmp_path):
    signatures = Signatures("平安镇综治办", "张三", "李四", D(2026, 11, 28))
    result = report.build_report(tmp_path / report.default_file_name(periods.parse_month(MONTH)), MONTH,
                                 signatures=signatures)
    from openpyxl import load_workbook

    return result, load_workbook(result.path), engine.compute(periods.parse_month(MONTH))


def _table(sheet, width: int | None = None) -> list[tuple]:
    """The data rows: from row 4 up to the first empty row."""
    rows = []
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(row[:width] if width else row)
    return rows


def test_file_name_sheets_and_form(written):
    result, workbook, _coverage = written
    assert result.path.name == "平安镇_反诈宣传月报_2026-10.xlsx"
    assert workbook.sheetnames == SHEETS
    for sheet in workbook.worksheets:
        last = sheet.max_column
        merged = {str(r) for r in sheet.merged_cells.ranges}
        assert f"A1:{get_column_letter(last)}1" in merged
        assert "平安镇综治办" in sheet["A1"].value and "2026" in sheet["A1"].value
        assert "平安镇综治办" in sheet["A2"].value
        assert any("2026-11-28" in str(c.value) for c in sheet[2] if c.value)
        signature_row = [str(c.value) for row in sheet.iter_rows(min_row=sheet.max_row) for c in row if c.value]
        assert any("张三" in v for v in signature_row) and any("李四" in v for v in signature_row)
        assert sheet.freeze_panes == "A4"
        assert sheet.print_title_rows == "$1:$3"
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        for cell in sheet[3]:
            assert sheet.column_dimensions[cell.column_letter].width >= min(text_width(cell.value), 14)


def test_summary_equals_the_ledger_and_the_engine(town, written):
    from outreach_desk.services import organisation as org
    from outreach_desk.store.models import Activity

    _result, workbook, coverage = written
    sheet = workbook["汇总"]
    headers = [c.value for c in sheet[3]]
    kinds = {k.name: k.id for k in org.list_kinds()}
    rows = {row[0]: row for row in _table(sheet)}
    october = Activity.select().where((Activity.date >= D(2026, 10, 1)) & (Activity.date <= D(2026, 10, 31)))
    figures = surveys.figures_by_village(D(2026, 10, 1), D(2026, 10, 31))
    for village in coverage.villages:
        row = rows[village.name]
        mine = october.where(Activity.village == village.id)
        for position, header in enumerate(headers[1:-5], 1):
            assert row[position] == mine.where(Activity.kind == kinds[header]).count(), (village.name, header)
        assert row[-5] == mine.count()
        assert row[-4] == sum(a.people for a in mine)
        assert row[-3] == pytest.approx(village.index)
        if village.id in figures and figures[village.id].has_data:
            assert row[-2] == pytest.approx(figures[village.id].rate)
        else:
            assert isinstance(row[-2], str)
    total = [row for name, row in rows.items() if name not in {v.name for v in coverage.villages}][0]
    assert total[-5] == october.count() and total[-3] == pytest.approx(coverage.townships[0].index)
    assert sheet["A4"].value == coverage.villages[0].name
    chart = sheet._charts[0]
    series = chart.series[0]
    assert series.cat.numRef.f == f"'汇总'!$A$4:$A${3 + len(coverage.villages)}"  # village names
    index_letter = get_column_letter(len(headers) - 2)
    assert series.val.numRef.f == f"'汇总'!${index_letter}$4:${index_letter}${3 + len(coverage.villages)}"


def test_compliance_matrix_equals_the_engine_and_marks_unmet_targets(written):
    _result, workbook, coverage = written
    sheet = workbook["达标情况"]
    headers = [c.value for c in sheet[3]]
    assert headers[1:-1] == [r.name for r in coverage.rules]
    areas = coverage.villages + coverage.townships
    for offset, area in enumerate(areas):
        number = 4 + offset
        for position, rule in enumerate(coverage.rules, 2):
            cell = sheet.cell(number, position)
            expected = area.cell(rule.key)
            if expected is None or not expected.assessed:
                assert cell.value == "—"
                continue
            assert cell.value == pytest.approx(expected.fulfilment)
            unmet = expected.met < expected.assessed
            assert (cell.number_format == UNMET_PERCENT) == unmet, (area.name, rule.key)
            assert cell.fill.fgColor.rgb.endswith(WARNING_FILL) == unmet
        assert sheet.cell(number, len(headers)).value == pytest.approx(area.index)


def test_gap_sheet_is_the_gap_list(written):
    _result, workbook, coverage = written
    expected = gaps.gap_list(coverage)
    rows = _table(workbook["问题清单"])
    assert len(rows) == len(expected) > 0
    for row, gap in zip(rows, expected):
        assert (row[0], row[2], row[3], row[4], row[-1]) == (rows.index(row) + 1, gap.rule_name, gap.unit_name,
                                                                 gap.window_label, gap.text)
        assert row[6] == gap.quota


def test_ledger_sheet_has_every_activity_of_the_month_as_text_safe_values(town, written):
    from outreach_desk.store.models import Activity

    _result, workbook, _coverage = written
    sheet = workbook["活动台账"]
    rows = _table(sheet)
    october = list(Activity.select().where((Activity.date >= D(2026, 10, 1)) & (Activity.date <= D(2026, 10, 31)))
                   .order_by(Activity.date, Activity.id))
    assert len(rows) == len(october)
    assert [r[0].date() for r in rows] == [a.date for a in october]
    assert [r[4] for r in rows] == [a.quantity for a in october]
    notes = {r[11] for r in rows if r[11]}
    assert notes == {text.strip() for text in INJECTIONS}  # the ledger strips what it stores
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            assert cell.data_type != "f"
    injected = [r for r in rows if r[11] in notes]
    assert {r[8] for r in injected} == {"、".join(vocab.labels_of(vocab.AUDIENCES, 16 | 1))}
    assert {r[9] for r in injected} == {"、".join(vocab.labels_of(vocab.TOPICS, 2))}
    assert all(r[12] == 0 for r in rows)
    assert sheet.conditional_formatting  # borders on the long table without a style per cell


def test_survey_and_letter_sheets_equal_the_coverage_services(town, written):
    _result, workbook, coverage = written
    figures = surveys.figures_by_village(D(2026, 10, 1), D(2026, 10, 31))
    survey_rows = {row[0]: row for row in _table(workbook["问卷调查"])}
    for village in coverage.villages:
        row = survey_rows[village.name]
        found = figures.get(village.id)
        assert row[1] == (found.respondents if found else 0)
        if found and found.has_data:
            assert row[3] == pytest.approx(found.rate) and row[4] == pytest.approx(found.interval.low)
    letter_rows = _table(workbook["家长信"])
    school = letters.figures_by_school(D(2026, 10, 1), D(2026, 10, 31))[town["school"]]
    assert letter_rows == [("太平村", "格林小学", school.students, school.issued, school.signed,
                            pytest.approx(school.signed_rate), school.not_signed, school.not_issued)]


def test_a_month_without_campaign_is_refused_clearly(store, tmp_path):
    from outreach_desk.services.errors import ServiceError

    with pytest.raises(ServiceError):
        report.build_report(tmp_path / "r.xlsx", MONTH)
    assert not [p for p in tmp_path.iterdir() if p.is_file()]


def test_a_cancelled_report_leaves_no_file(town, tmp_path):
    from outreach_desk.ui.shell.tasks import Cancelled

    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"the previous report")

    def cancel(done, total, text=""):
        if done:
            raise Cancelled()

    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    streamed = list(ALL_TEMP_FILES)
    with pytest.raises(Cancelled):
        report.build_report(target, MONTH, progress=cancel)
    assert ALL_TEMP_FILES == streamed  # openpyxl's streamed sheets were deleted, not left for exit
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["月报.xlsx"]


def test_a_report_open_in_excel_is_reported_and_kept(town, tmp_path, monkeypatch):
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(*_args):
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileInUseError) as info:
        report.build_report(target, MONTH)
    assert "月报.xlsx" in str(info.value) and target.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["月报.xlsx"]


def test_report_command(town, db_path, tmp_path, capsys, qapp):
    from outreach_desk.cli import main
    from outreach_desk.store import close_database

    close_database()
    target = tmp_path / "out.xlsx"
    assert main(["--db", str(db_path), "--lang", "en", "report", "--month", MONTH, "-o", str(target),
                 "--preparer", "王五"]) == 0
    assert target.exists() and str(target) in capsys.readouterr().out
    assert main(["--db", str(db_path), "report", "--month", "2026-13", "-o", str(target)]) == 2
    assert main(["--db", str(db_path), "report", "--township", "无此镇"]) == 2


def test_summary_sheet_shows_the_coverage_and_trend_charts_as_pictures(written):
    import zipfile

    from PIL import Image

    result, workbook, _coverage = written
    assert len(workbook["汇总"]._images) == 2
    assert all(not workbook[name]._images for name in SHEETS[1:])
    with zipfile.ZipFile(result.path) as archive:
        media = sorted(name for name in archive.namelist() if name.startswith("xl/media/"))
        assert len(media) == 2 and all(name.endswith(".png") for name in media)
        for name in media:
            with archive.open(name) as stream, Image.open(stream) as picture:
                assert round(picture.info["dpi"][0]) >= 200 and picture.size[0] >= 1600
    anchors = sorted(picture.anchor._from.row for picture in workbook["汇总"]._images)
    assert anchors[0] > workbook["汇总"].max_row and anchors[1] - anchors[0] >= 20   # below the table, not stacked
    chart_row = workbook["汇总"]._charts[0].anchor._from.row
    # printed, the native chart and each picture start a page of their own (anchors and breaks count from 0)
    assert sorted(b.id for b in workbook["汇总"].row_breaks.brk) == [chart_row, *anchors]


def test_the_report_holds_no_formula_or_link_but_its_own_plain_rules(written):
    from excel_samples import live_content

    assert live_content(written[0].path) == []
