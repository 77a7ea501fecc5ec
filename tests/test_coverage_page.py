"""The coverage page on the hand-built township of test_coverage_engine (its numbers are worked out there).

平安镇: 太平村 (格林小学, 太平纺织厂) and 幸福社区 (幸福小区, 老街平房 with a poster quota of 0),
campaign 2026-07-01 .. 2026-12-31, board_per_school disabled. In October 2026 太平村's index is
9.57 / 11 and 幸福社区's 4 / 9; neither village holds a lecture or cultural event in September.
"""

from __future__ import annotations

import datetime as dt

import pytest
from page_driving import shown
from PySide6.QtCore import Qt
from test_coverage_engine import build_town

from outreach_desk.services.coverage import periods
from outreach_desk.ui.coverage import page as coverage_page
from outreach_desk.ui.coverage.model import (BEHIND, ELSEWHERE, FIRST_RULE_COLUMN, INDEX_COLUMN, MET, NAME_COLUMN,
                                             NO_DATA_STATUS, NOT_APPLICABLE, PARTLY, STATUS_COLOURS, STATUS_ROLE,
                                             CoverageModel, percent)
from waits import WAIT_MS

D = dt.date
TODAY = D(2026, 11, 28)


@pytest.fixture
def context(store, qapp):
    from outreach_desk.ui.shell.context import AppContext

    return AppContext(store.database)


@pytest.fixture
def town(store):
    return build_town()


def make_page(qtbot, context, monkeypatch) -> coverage_page.CoveragePage:
    monkeypatch.setattr(coverage_page, "today", lambda: TODAY)
    return shown(qtbot, coverage_page.CoveragePage(context), 1300, 800)


@pytest.fixture
def page(qtbot, context, town, monkeypatch):
    page = make_page(qtbot, context, monkeypatch)
    wait_for(qtbot, page, periods.to_date(page.picker.campaign(), TODAY))
    return page


def wait_for(qtbot, page, period) -> None:
    """Until the matrix shows ``period`` and no computation is running."""
    qtbot.waitUntil(lambda: page.model.result is not None and page.model.result.period == period
                    and not page.is_busy(), timeout=WAIT_MS)


def choose(qtbot, page, period) -> None:
    page.picker.set_period(period)
    wait_for(qtbot, page, period)


def names(page) -> list[str]:
    model = page.model
    return [model.data(model.index(r, NAME_COLUMN)) for r in range(model.rowCount())]


def cell(page, area_name: str, rule_key: str | None):
    """(text, status, background colour) of a matrix cell; rule None: the index."""
    model = page.model
    row = names(page).index(area_name)
    column = INDEX_COLUMN if rule_key is None else model.column_of(rule_key)
    index = model.index(row, column)
    return (model.data(index), model.data(index, STATUS_ROLE),
            model.data(index, Qt.ItemDataRole.BackgroundRole).color())


def click(qtbot, page, area_name: str, rule_key: str | None) -> None:
    model = page.model
    column = INDEX_COLUMN if rule_key is None else model.column_of(rule_key)
    index = model.index(names(page).index(area_name), column)
    page.table.scrollTo(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())


def test_matrix_rows_columns_and_percentages_for_october(qtbot, page, town):
    choose(qtbot, page, periods.month(2026, 10))
    model = page.model
    assert names(page) == ["平安镇 (total)", "太平村", "幸福社区"]
    keys = [model.rule_at(c).key for c in range(FIRST_RULE_COLUMN, model.columnCount())]
    assert "board_per_school" not in keys and len(keys) == 14       # the disabled rule has no column
    assert keys[-2:] == ["column_per_member_unit", "info_point_per_member_unit"]
    poster = model.column_of("poster_per_entrance_elevator")
    tip = model.headerData(poster, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.rule_at(poster).name in tip and "Entrances + Elevators" in tip   # the full rule, not the label
    assert model.headerData(poster, Qt.Orientation.Horizontal) == "Posters\nblocks, factories"
    assert cell(page, "太平村", None)[:2] == (percent(9.57 / 11), PARTLY) == ("87%", PARTLY)
    assert cell(page, "幸福社区", None)[:2] == ("44%", BEHIND)
    assert cell(page, "太平村", "column_per_village")[:2] == ("0%", BEHIND)          # only the June column
    assert cell(page, "太平村", "parent_letters_signed")[:2] == ("92%", PARTLY)      # 276 of 300 signed
    assert cell(page, "太平村", "awareness_rate")[:2] == ("90%", PARTLY)             # 72 % against 80 %
    assert cell(page, "太平村", "household_reach")[:2] == ("75%", PARTLY)            # 240 of 320
    assert cell(page, "太平村", "poster_per_entrance_elevator")[:2] == ("100%", MET)
    assert cell(page, "幸福社区", "poster_per_entrance_elevator")[:2] == ("50%", PARTLY)  # 老街平房 n/a
    assert cell(page, "幸福社区", "awareness_rate")[:2] == ("no data", NO_DATA_STATUS)   # zero respondents
    assert cell(page, "幸福社区", "parent_letters_signed")[:2] == ("n/a", NOT_APPLICABLE)  # no school
    assert cell(page, "太平村", "column_per_member_unit")[:2] == ("—", ELSEWHERE)
    assert cell(page, "平安镇 (total)", "banner_per_block")[:2] == ("67%", PARTLY)
    assert cell(page, "平安镇 (total)", "display_window_per_block")[:2] == ("33%", BEHIND)
    assert cell(page, "平安镇 (total)", "column_per_member_unit")[:2] == ("50%", PARTLY)
    share = model.data(model.index(0, model.column_of("banner_per_block")), Qt.ItemDataRole.ToolTipRole)
    assert "2 of 3" in share


def test_cells_are_coloured_by_status(qtbot, page):
    choose(qtbot, page, periods.month(2026, 10))
    for area, key in [("太平村", "poster_per_entrance_elevator"), ("太平村", "household_reach"),
                      ("太平村", "column_per_village"), ("幸福社区", "awareness_rate"),
                      ("幸福社区", "parent_letters_signed")]:
        _text, status, colour = cell(page, area, key)
        assert colour == STATUS_COLOURS[status]
    assert len({cell(page, "太平村", k)[2].name() for k in
                ("poster_per_entrance_elevator", "household_reach", "column_per_village")}) == 3
    assert cell(page, "幸福社区", "awareness_rate")[2] == STATUS_COLOURS[NO_DATA_STATUS]


def test_a_month_without_events_turns_the_monthly_cells_red(qtbot, page):
    choose(qtbot, page, periods.month(2026, 10))
    assert cell(page, "太平村", "monthly_event_per_village")[:2] == ("100%", MET)
    index = page.picker.choice.findData("month:2026-09")
    page.picker.choice.setCurrentIndex(index)                   # as the clerk picks it
    wait_for(qtbot, page, periods.month(2026, 9))
    assert cell(page, "太平村", "monthly_event_per_village")[:2] == ("0%", BEHIND)
    assert cell(page, "幸福社区", "monthly_event_per_village")[:2] == ("0%", BEHIND)
    assert cell(page, "太平村", "monthly_event_per_village")[2] == STATUS_COLOURS[BEHIND]


def test_clicking_a_cell_lists_its_units_furthest_from_the_quota_first(qtbot, page, town):
    from outreach_desk.services.coverage import gaps

    choose(qtbot, page, periods.month(2026, 10))
    click(qtbot, page, "幸福社区", "poster_per_entrance_elevator")
    rows = page.detail.row_texts()
    assert [r[:4] for r in rows] == [["幸福小区", "3", "6", "50%"], ["老街平房", "0", "0", "—"]]
    (expected,) = gaps.gap_list(page.model.result, village_id=town["xingfu"], rule_key="poster_per_entrance_elevator")
    assert rows[0][4] == expected.text and "幸福小区" in expected.text
    assert "幸福社区" in page.detail.title.text()

    click(qtbot, page, "平安镇 (total)", "display_window_per_block")  # township cell: all its blocks and factories
    rows = page.detail.row_texts()
    assert sorted(r[0] for r in rows) == ["太平纺织厂", "幸福小区", "老街平房"]
    assert rows[-1][0] == "太平纺织厂" and rows[-1][3] == "100%"      # the met one comes last


def test_monthly_cell_lists_every_month_unmet_first(qtbot, page, town):
    click(qtbot, page, "太平村", "monthly_event_per_village")       # campaign to 28 November
    rows = page.detail.row_texts()
    assert [r[1] for r in rows] == [periods.month_label(2026, m) for m in (9, 7, 8, 10, 11)]  # unmet first
    assert rows[0][2:5] == ["0", "1", "0%"] and "太平村" in rows[0][5]
    assert all(r[2:] == ["1", "1", "100%", "Met"] for r in rows[1:])


def test_index_and_name_show_the_whole_gap_list(qtbot, page, town):
    from outreach_desk.services.coverage import gaps

    choose(qtbot, page, periods.month(2026, 10))
    click(qtbot, page, "幸福社区", None)
    expected = [g.text for g in gaps.gap_list(page.model.result, village_id=town["xingfu"])]
    assert [r[2] for r in page.detail.row_texts()] == expected and len(expected) >= 5
    click(qtbot, page, "太平村", "household_reach")
    qtbot.mouseClick(page.table.frozen.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.frozen.visualRect(page.model.index(1, NAME_COLUMN)).center())
    expected = [g.text for g in gaps.gap_list(page.model.result, village_id=town["taiping"])]
    assert [r[2] for r in page.detail.row_texts()] == expected


def test_sorting_keeps_the_township_total_on_top(qtbot, page):
    choose(qtbot, page, periods.month(2026, 10))
    page.table.sortByColumn(INDEX_COLUMN, Qt.SortOrder.AscendingOrder)
    assert names(page) == ["平安镇 (total)", "幸福社区", "太平村"]
    page.table.sortByColumn(INDEX_COLUMN, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["平安镇 (total)", "太平村", "幸福社区"]
    column = page.model.column_of("parent_letters_signed")     # 幸福社区 has no school: always last
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert names(page)[-1] == "幸福社区"
    choose(qtbot, page, periods.month(2026, 9))                # a new result keeps the order chosen
    assert names(page)[-1] == "幸福社区"
    page.table.sortByColumn(NAME_COLUMN, Qt.SortOrder.DescendingOrder)
    assert names(page)[0] == "平安镇 (total)" and sorted(names(page)[1:]) == ["太平村", "幸福社区"]


def test_focus_on_selects_the_village_and_shows_its_gaps(qtbot, page, town):
    page.focus_on({"village_id": town["xingfu"], "period": periods.month(2026, 9)})
    wait_for(qtbot, page, periods.month(2026, 9))
    assert page.picker.period() == periods.month(2026, 9)
    assert page.selected_area() == ("village", town["xingfu"])
    assert "幸福社区" in page.detail.title.text()
    page.focus_on({"village_id": town["taiping"], "period": None})   # same period: no recomputation needed
    assert page.selected_area() == ("village", town["taiping"])


def test_tree_selection_selects_the_village_and_narrows_to_its_township(qtbot, page, town, context):
    from outreach_desk.services import organisation as org

    context.scope_selected.emit(town["xingfu"], None)
    assert page.selected_area() == ("village", town["xingfu"])
    other = org.add_township("安宁镇")
    far = org.add_village(other, "远山村")
    context.data_changed.emit("organisation")
    qtbot.waitUntil(lambda: "远山村" in names(page), timeout=WAIT_MS)
    context.scope_selected.emit(far, None)
    qtbot.waitUntil(page.showing_empty_state, timeout=WAIT_MS)        # 安宁镇 has no campaign of its own yet
    assert page.empty_label.text().startswith("安宁镇 has no campaign of its own yet")
    assert page.copy_offer.isVisible() and page.scope_label.text() == "· 安宁镇"
    page.copy_offer.open_dialog().accept()
    qtbot.waitUntil(lambda: names(page) == ["安宁镇 (total)", "远山村"] and not page.is_busy(), timeout=WAIT_MS)
    assert page.picker.campaign().township_id == other and not page.copy_offer.isVisible()
    assert page.selected_area() == ("village", far)
    context.scope_selected.emit(None, None)
    qtbot.waitUntil(lambda: len(names(page)) == 5 and not page.is_busy(), timeout=WAIT_MS)


def test_data_changed_recomputes(qtbot, page, town, context):
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org

    choose(qtbot, page, periods.month(2026, 9))
    assert cell(page, "幸福社区", "monthly_event_per_village")[1] == BEHIND
    lecture = {k.code: k.id for k in org.list_kinds()}["lecture"]
    ledger.create(ledger.ActivityInput(D(2026, 9, 18), town["xingfu"], lecture, people=80))
    context.data_changed.emit("activity")
    qtbot.waitUntil(lambda: cell(page, "幸福社区", "monthly_event_per_village")[1] == MET, timeout=WAIT_MS)
    assert page.picker.period() == periods.month(2026, 9)       # the period chosen stays


def test_hidden_page_recomputes_when_shown(qtbot, page, town, context):
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org

    choose(qtbot, page, periods.month(2026, 9))
    page.hide()
    lecture = {k.code: k.id for k in org.list_kinds()}["lecture"]
    ledger.create(ledger.ActivityInput(D(2026, 9, 18), town["taiping"], lecture, people=80))
    context.data_changed.emit("activity")
    qtbot.wait(coverage_page.REFRESH_PAUSE_MS + 200)
    assert not page.is_busy()
    assert cell(page, "太平村", "monthly_event_per_village")[1] == BEHIND   # nothing computed while hidden
    page.show()
    qtbot.waitUntil(lambda: cell(page, "太平村", "monthly_event_per_village")[1] == MET, timeout=WAIT_MS)


def test_without_campaign_the_page_says_how_to_create_one(qtbot, store, context, monkeypatch):
    from outreach_desk.services.coverage import campaigns

    page = make_page(qtbot, context, monkeypatch)
    assert page.showing_empty_state()
    assert "Campaign → Campaigns…" in page.empty_label.text()
    assert page.picker.period() is None and page.picker.isHidden()
    campaigns.create(campaigns.CampaignInfo("冬季专项行动", D(2026, 11, 1), D(2027, 1, 31)))
    context.data_changed.emit("campaign")
    wait_for(qtbot, page, periods.to_date(campaigns.current(), TODAY))
    assert not page.showing_empty_state() and not page.picker.isHidden()
    assert page.model.rowCount() == 0                       # no township yet: an empty matrix, no error


def test_model_passes_the_model_tester(qtbot, page, qtmodeltester):
    qtmodeltester.check(page.model)
    empty = CoverageModel()
    qtmodeltester.check(empty)


def test_percent_never_reads_100_for_an_unfinished_target():
    assert percent(0.996) == "99%"
    assert percent(1.0, complete=True) == "100%"
    assert percent(None) == "—"


def test_copy_list_puts_the_rows_on_the_clipboard(qtbot, page, town):
    from PySide6.QtGui import QGuiApplication

    choose(qtbot, page, periods.month(2026, 10))
    click(qtbot, page, "幸福社区", "poster_per_entrance_elevator")
    qtbot.mouseClick(page.detail.copy_button, Qt.MouseButton.LeftButton)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Unit", "Done", "Required", "Completion", "What is missing"]
    assert lines[1].split("\t")[:4] == ["幸福小区", "3", "6", "50%"]
    assert len(lines) == 3


def test_the_window_builds_the_page_on_demand_and_focuses_the_village(qtbot, db_path, town, monkeypatch):
    """What the dashboard does: show_page("coverage", {...}) before the page was ever built or shown."""
    from outreach_desk.ui.shell import main_window

    monkeypatch.setattr(coverage_page, "today", lambda: TODAY)
    window = main_window.MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.context.show_page.emit("coverage", {"village_id": town["xingfu"], "period": periods.month(2026, 10)})
    page = window.page("coverage")
    wait_for(qtbot, page, periods.month(2026, 10))
    assert page.selected_area() == ("village", town["xingfu"])
    assert page.detail.title.text() == "Gap list of 幸福社区"


def test_export_writes_the_gap_list_as_csv_for_excel(qtbot, page, town, tmp_path, monkeypatch):
    import csv

    from PySide6.QtWidgets import QFileDialog

    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import gaps

    org.add_village(town["township"], "=1+1")                  # a name a spreadsheet would run as a formula
    page.refresh()
    choose(qtbot, page, periods.month(2026, 10))
    folder = tmp_path / "问题 清单"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(folder / "十月"), ""))
    path = page.export_gaps()
    assert path == folder / "十月.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")        # Excel on Chinese Windows reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    result = page.model.result
    assert rows[0] == ["Village / community", "Target", "Period", "Completion", "What is missing"]
    assert len(rows) - 1 == len(gaps.gap_list(result))
    poster = next(r for r in rows if r[4].startswith("幸福小区") and r[3] == "50%")
    assert poster[0] == "幸福社区"
    assert any(r[0] == "'=1+1" for r in rows[1:])
    assert any(r[0] == "平安镇 member units" for r in rows[1:])  # 平安司法所 has no column yet
    assert str(len(rows) - 1) in page.status_label.text()


def test_a_rule_the_clerk_added_gets_its_name_wrapped_as_header():
    from outreach_desk.services.coverage.rules import Rule
    from outreach_desk.ui.coverage import labels as coverage_labels

    rule = Rule("market_monthly", "每个市场每月至少开展1次反诈宣传活动并留存照片备查", "site", "records",
                site_kinds=["market"], kinds=["lecture"], period="month")
    label = coverage_labels.short_label(rule)
    assert label.split("\n") == ["每个市场每月", "至少开展1次", "反诈宣传活…"]      # three short lines, the rest cut
    assert coverage_labels.header(rule) == label + "\nmarkets"
    assert rule.name_zh in coverage_labels.header_tooltip(rule)              # the full name stays in the tooltip
    several = Rule("everywhere", "Posters at every market, outlet and public place", "site", "quantity",
                   site_kinds=["market", "business_outlet", "public_place"], kinds=["poster"])
    assert coverage_labels.units_label(several) == "sites"
    assert all(len(line) <= 12 for line in coverage_labels.short_label(several).split("\n"))


def test_the_sort_arrow_follows_its_rule_when_a_rule_before_it_is_switched_off(qtbot, page, context):
    from outreach_desk.services.coverage import rules

    key = "parent_letters_signed"
    page.table.sortByColumn(page.model.column_of(key), Qt.SortOrder.DescendingOrder)
    before = page.model.column_of(key)
    earlier = next(r for r in page.model.result.rules
                   if FIRST_RULE_COLUMN <= page.model.column_of(r.key) < before)
    rules.set_enabled(earlier.id, False)
    context.data_changed.emit("rule")
    qtbot.waitUntil(lambda: page.model.column_of(key) == before - 1 and not page.is_busy(), timeout=WAIT_MS)
    for header in (page.table.horizontalHeader(), page.table.frozen.horizontalHeader()):
        assert header.sortIndicatorSection() == before - 1
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert names(page)[-1] == "幸福社区"                        # still sorted by the letters, 幸福社区 last
    rules.set_enabled(next(r.id for r in page.model.result.rules if r.key == key), False)
    context.data_changed.emit("rule")
    qtbot.waitUntil(lambda: page.model.column_of(key) == -1 and not page.is_busy(), timeout=WAIT_MS)
    assert page.table.horizontalHeader().sortIndicatorSection() == -1   # its column went: no arrow anywhere


def test_a_campaign_deleted_while_computing_leaves_the_page_saying_there_is_none(qtbot, page, monkeypatch):
    """The engine's NoCampaignError makes the page read the campaign again, even though it had shown none before."""
    from outreach_desk.services.coverage import campaigns, engine

    def gone(*_args, **_kwargs):
        raise campaigns.NoCampaignError("no campaign")

    campaigns.delete(page.picker.campaign().id)
    monkeypatch.setattr(engine, "compute", gone)
    page.picker.set_period(periods.month(2026, 10))
    qtbot.waitUntil(page.showing_empty_state, timeout=WAIT_MS)
    assert "Campaign → Campaigns…" in page.empty_label.text()
    assert page.picker.isHidden() and page.picker.campaign() is None and not page.is_busy()
