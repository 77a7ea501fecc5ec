"""The monthly report: every sheet's figures against the coverage engine for the same month, and the form."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from openpyxl.utils import get_column_letter

from outreach_desk.services import organisation, vocab
from outreach_desk.services.coverage import engine, gaps, letters, periods, surveys
from outreach_desk.services.excel import report
from outreach_desk.services.excel.files import FileInUseError
from outreach_desk.services.excel.report_form import (BODY_FONT, LINE_HEIGHT, MIN_SCALE, TITLE_FONT, UNMET_PERCENT,
                                                      WARNING_FILL, Column, Signatures, bands, print_scale,
                                                      wrapped_lines)
from test_coverage_engine import build_town

D = dt.date
MONTH = "2026-10"
SHEETS = ["汇总", "活动分类", "图表", "达标情况", "达标情况（续）", "问题清单", "活动台账", "问卷调查", "家长信",
          "排名", "督导整改", "表扬与批评", "案件情况"]
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


def _banded(workbook, name: str) -> tuple[list, list[list]]:
    """Headers and data-row cells of a table written in column bands (达标情况, 达标情况（续）…), joined again."""
    headers: list = []
    rows: list[list] = []
    for title in [n for n in workbook.sheetnames if n == name or n.startswith(name + "（续")]:
        sheet = workbook[title]
        first = 1 if not headers else 2            # the place column is on every band
        last = sheet.max_column
        headers += [sheet.cell(3, c).value for c in range(first, last + 1)]
        count = len(_table(sheet))
        band = [[sheet.cell(r, c) for c in range(first, last + 1)] for r in range(4, 4 + count)]
        rows = band if not rows else [mine + more for mine, more in zip(rows, band)]
    return headers, rows


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
        if sheet.title != "图表":   # the chart sheet holds its pictures below the title rows, nothing else
            signature_row = [str(c.value) for row in sheet.iter_rows(min_row=sheet.max_row) for c in row if c.value]
            assert any("张三" in v for v in signature_row) and any("李四" in v for v in signature_row)
        assert sheet.freeze_panes == "A4"
        assert sheet.print_title_rows == "$1:$3"
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight in (0, 1)
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert sheet.page_margins.bottom - sheet.page_margins.footer >= 0.4   # the footer's line is whole
        widths = [sheet.column_dimensions[get_column_letter(n)].width for n in range(1, last + 1)]
        assert print_scale([Column("", w) for w in widths]) >= MIN_SCALE, sheet.title
        for cell in [c for c in sheet[3] if c.value]:     # a header wraps in its column: its row holds its lines
            width = sheet.column_dimensions[cell.column_letter].width
            assert sheet.row_dimensions[3].height >= wrapped_lines(cell.value, width) * LINE_HEIGHT, cell.value
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name in (BODY_FONT, TITLE_FONT), (sheet.title, cell.coordinate, cell.font.name)
                    assert cell.font.size * MIN_SCALE / 100 >= 9


def test_a_table_wider_than_the_page_is_shared_out_in_bands_that_each_print_at_9_points():
    columns = [Column("村", 12)] + [Column(f"规则{n}", 13) for n in range(19)] + [Column("指数", 10)]
    parts = bands(columns, keep=1, tail=1)
    assert len(parts) == 2 and all(part[0] == 0 for part in parts)          # the place on every band
    assert parts[-1][-1] == len(columns) - 1 and len(columns) - 1 not in parts[0]   # the total on the last
    assert sorted({i for part in parts for i in part}) == list(range(len(columns)))
    assert abs(len(parts[0]) - len(parts[1])) <= 1
    assert all(print_scale([columns[i] for i in part]) >= MIN_SCALE for part in parts)
    assert bands(columns[:6], keep=1) == [list(range(6))]


def test_summary_equals_the_ledger_and_the_engine(town, written):
    from outreach_desk.services import organisation as org
    from outreach_desk.store.models import Activity

    _result, workbook, coverage = written
    sheet, by_kind = workbook["汇总"], workbook["活动分类"]
    kinds = {k.name: k.id for k in org.list_kinds()}
    rows = {row[0]: row for row in _table(sheet)}
    kind_headers = [c.value for c in by_kind[3]]
    kind_rows = {row[0]: row for row in _table(by_kind)}
    october = Activity.select().where((Activity.date >= D(2026, 10, 1)) & (Activity.date <= D(2026, 10, 31)))
    figures = surveys.figures_by_village(D(2026, 10, 1), D(2026, 10, 31))
    for village in coverage.villages:
        row = rows[village.name]
        mine = october.where(Activity.village == village.id)
        for position, header in enumerate(kind_headers[1:-1], 1):
            assert kind_rows[village.name][position] == mine.where(Activity.kind == kinds[header]).count()
        assert row[1] == kind_rows[village.name][-1] == mine.count()
        assert row[2] == sum(a.people for a in mine)
        assert row[3] == pytest.approx(village.index)
        if village.id in figures and figures[village.id].has_data:
            assert row[4] == pytest.approx(figures[village.id].rate)
        else:
            assert isinstance(row[4], str)
    total = [row for name, row in rows.items() if name not in {v.name for v in coverage.villages}][0]
    assert total[1] == october.count() and total[3] == pytest.approx(coverage.townships[0].index)
    assert sheet["A4"].value == coverage.villages[0].name


def test_compliance_matrix_equals_the_engine_and_marks_unmet_targets(written):
    _result, workbook, coverage = written
    headers, rows = _banded(workbook, "达标情况")
    assert headers[1:-1] == [r.name for r in coverage.rules]
    areas = coverage.villages + coverage.townships
    assert [row[0].value for row in rows] == [v.name for v in coverage.villages] + [
        report._tr("{township} total").format(township=t.name) for t in coverage.townships]
    for offset, area in enumerate(areas):
        for position, rule in enumerate(coverage.rules, 1):
            cell = rows[offset][position]
            expected = area.cell(rule.key)
            if expected is None or not expected.assessed:
                assert cell.value == "—"
                continue
            if rule.measure == "awareness":   # the rate itself: see the next test
                continue
            assert cell.value == pytest.approx(expected.fulfilment)
            unmet = expected.met < expected.assessed
            assert (cell.number_format == UNMET_PERCENT) == unmet, (area.name, rule.key)
            assert cell.fill.fgColor.rgb.endswith(WARNING_FILL) == unmet
        assert rows[offset][-1].value == pytest.approx(area.index)


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


def test_the_chart_sheet_shows_the_coverage_and_trend_charts_once_each_a_page_of_their_own(written):
    import zipfile

    from PIL import Image

    result, workbook, _coverage = written
    charts = workbook["图表"]
    assert len(charts._images) == 2 and not charts._charts      # the index chart is not drawn twice
    assert all(not workbook[name]._images and not workbook[name]._charts for name in SHEETS if name != "图表")
    with zipfile.ZipFile(result.path) as archive:
        media = sorted(name for name in archive.namelist() if name.startswith("xl/media/"))
        assert len(media) == 2 and all(name.endswith(".png") for name in media)
        for name in media:
            with archive.open(name) as stream, Image.open(stream) as picture:
                assert round(picture.info["dpi"][0]) >= 200 and picture.size[0] >= 1600
    anchors = sorted(picture.anchor._from.row for picture in charts._images)
    assert anchors[0] == 3 and anchors[1] - anchors[0] >= 20   # below the title rows, not stacked
    # printed, the second picture starts a page of its own (anchors and breaks count from 0)
    assert [b.id for b in charts.row_breaks.brk] == [anchors[1]]
    with zipfile.ZipFile(result.path) as archive:   # shown sized to the A4 landscape page below the title rows
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
    sizes = [(int(cx) / 9525, int(cy) / 9525) for cx, cy in re.findall(r'<(?:xdr:)?ext cx="(\d+)" cy="(\d+)"', drawing)]
    assert len(sizes) == 2
    assert all(w <= 1000 and h <= 560 and (w >= 900 or h >= 500) for w, h in sizes), sizes


def test_an_awareness_target_reads_as_the_surveyed_rate_on_every_sheet(written):
    _result, workbook, coverage = written
    awareness = [r for r in coverage.rules if r.measure == "awareness"]
    assert awareness, "the test town's rules include the awareness target"
    _headers, matrix = _banded(workbook, "达标情况")
    survey = workbook["问卷调查"]
    column = 1 + coverage.rules.index(awareness[0])
    rates = {row[0]: row[3] for row in _table(survey)}
    verdicts = {row[0]: row[6] for row in _table(survey)}
    checked = 0
    for row in matrix:
        name, cell = row[0].value, row[column]
        if isinstance(rates.get(name), float):
            checked += 1
            assert cell.value == pytest.approx(rates[name]), name
            assert (cell.number_format == UNMET_PERCENT) == (verdicts[name] != report._tr("reached")), name
    assert checked >= 2   # a village and the township


def test_the_report_holds_no_formula_or_link_but_its_own_plain_rules(written):
    from excel_samples import live_content

    assert live_content(written[0].path) == []
