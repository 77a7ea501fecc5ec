"""The dashboard's supervision figures and tiles: bottom streaks, orders due, the month's fraud cases.

On 平安镇 of ``test_dashboard_data`` (today 2026-11-20, so the streaks look at October, September and
August), with the office's bottom N set to 1: 幸福社区 never puts up its column, so it is last in all
three months and 太平村 never is. Orders: one overdue (deadline 11-18), one due on 11-24 (within 7
days), one due in December, one overdue but done. Fraud cases (the police station's figures): October
2026 3 + 1 = 4 against 8 in October 2025 (同比 down 50.0%) and 2 in September 2026 (环比 up 100.0%);
November not reported yet, so the tile shows October.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_dashboard_data import TODAY, town  # noqa: F401  (the fixture)

D = dt.date


@pytest.fixture
def supervised(town):  # noqa: F811
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME
    from outreach_desk.services.supervision import cases, rankings, rectification

    QSettings(APP_NAME, APP_NAME).setValue(rankings.MARK_COUNT_SETTING, 1)
    t, v1, v2 = town["township"], town["village1"], town["village2"]
    for task, deadline, village in (("补齐宣传栏", D(2026, 11, 18), v2), ("补发海报", D(2026, 11, 24), v1),
                                    ("年终复查", D(2026, 12, 15), v1)):
        rectification.create(rectification.OrderInput(t, task, D(2026, 11, 1), deadline, village_id=village))
    done = rectification.create(rectification.OrderInput(t, "已整改的一项", D(2026, 11, 1), D(2026, 11, 10),
                                                         village_id=v1))
    rectification.close(done, D(2026, 11, 9), "已补齐")
    cases.save_month(t, 2026, 10, {v1: cases.Figures(cases=3), v2: cases.Figures(cases=1)})
    cases.save_month(t, 2025, 10, {v1: cases.Figures(cases=8)})
    cases.save_month(t, 2026, 9, {v2: cases.Figures(cases=2)})
    return town


@pytest.fixture
def data(supervised):
    from outreach_desk.services import dashboard

    return dashboard.load(dashboard.default_filter(TODAY), today=TODAY)


@pytest.fixture
def streaks(supervised):
    from outreach_desk.services import dashboard

    return dashboard.load_streaks(dashboard.default_filter(TODAY), today=TODAY)


def test_the_dashboards_data_leaves_the_streaks_for_a_second_pass(data):
    assert data.supervision.streaks is None


def test_streaks_name_the_village_last_three_months_running(streaks):
    assert (streaks.months, streaks.bottom) == (2, 1)
    assert [(s.name, s.length, s.months) for s in streaks.villages] == [
        ("幸福社区", 3, ["2026-10", "2026-9", "2026-8"])]


def test_streaks_of_the_dashboard_equal_those_computed_alone(streaks, supervised):
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.services.supervision import board

    alone = board.streaks(TODAY, campaigns.require_current(), None)
    assert alone == streaks
    one_township = board.streaks(TODAY, campaigns.require_current(), supervised["township"])
    assert [s.name for s in one_township.villages] == ["幸福社区"]


def test_orders_overdue_and_due_within_a_week(data):
    orders = data.supervision.orders
    assert orders.overdue == ["幸福社区：补齐宣传栏"]
    assert orders.due_this_week == ["太平村：补发海报"]


def test_cases_of_the_last_reported_month_with_yoy_and_mom(data):
    month = data.supervision.cases
    assert (month.label, month.cases) == ("2026-10", 4)
    assert (month.yoy.base, month.yoy.ratio) == (8, -0.5)
    assert (month.mom.base, month.mom.ratio) == (2, 1.0)


def test_case_series_per_month_this_year_and_last(data):
    series = data.supervision.series
    assert series.year == 2026
    assert series.this_year[8:11] == [2, 4, None] and series.last_year[9] == 8
    assert series.this_year[:8] == [None] * 8 and series.reported


def test_a_village_shown_alone_ranks_its_township_and_counts_its_cases(supervised):
    from outreach_desk.services import dashboard

    filter = dashboard.DashboardFilter(dashboard.default_filter(TODAY).period, village_id=supervised["village1"])
    found = dashboard.load(filter, today=TODAY).supervision
    assert [s.name for s in dashboard.load_streaks(filter, today=TODAY).villages] == ["幸福社区"]
    assert (found.cases.cases, found.cases.yoy.base, found.cases.mom.base) == (3, 8, None)


def test_cases_of_every_township_are_added_up_and_a_township_keeps_its_own(supervised):
    """The county's figures are the townships' added up, read in one query: a month only one township reported
    counts, a township's unplaced cases count, and a township shown alone keeps its own figures."""
    from outreach_desk.services import organisation
    from outreach_desk.services.supervision import board, cases

    other = organisation.add_township("青石镇")
    village = organisation.add_village(other, "石门村")
    cases.save_month(other, 2026, 10, {village: cases.Figures(cases=5), None: cases.Figures(cases=1)})
    cases.save_month(other, 2026, 9, {village: cases.Figures(cases=7)})
    cases.save_month(other, 2025, 6, {village: cases.Figures(cases=9)})
    every = board.cases_month(TODAY, None)
    assert (every.label, every.cases, every.yoy.base, every.mom.base) == ("2026-10", 10, 8, 9)
    own = board.cases_month(TODAY, other)
    assert (own.cases, own.yoy.base, own.mom.base) == (6, None, 7)
    assert (board.cases_month(TODAY, supervised["township"]).cases, board.cases_month(TODAY, None, village).cases) \
        == (4, 5)
    series = board.case_series(2026, None)
    assert (series.this_year[8:10], series.last_year[5], series.last_year[9]) == ([9, 10], 9, 8)
    assert board.case_series(2026, other).this_year[8:10] == [7, 6]


# ---------------------------------------------------------------------------------------- tiles
@pytest.fixture
def tiles(qtbot, qapp):
    from outreach_desk.ui.dashboard.tiles import DashboardTiles

    widget = DashboardTiles()
    qtbot.addWidget(widget)
    return widget


def texts(tiles, name) -> tuple[str, str, str]:
    tile = tiles.tile(name)
    return tile.caption.text(), tile.value.text(), tile.detail.text()


def sample(streak_names=("幸福社区",), overdue=("幸福社区：补齐宣传栏",), due=("太平村：补发海报",), cases=4):
    from outreach_desk.services.supervision import board
    from outreach_desk.services.supervision.cases import Change
    from outreach_desk.services.supervision.rankings import Streak

    streaks = board.Streaks(2, "2026-10", [Streak(i, n, 3, ["2026-10", "2026-9", "2026-8"])
                                           for i, n in enumerate(streak_names)], 1)
    month = board.CasesMonth("2026-10", cases, Change(cases, 8), Change(cases, 2))
    return board.Supervision(streaks, board.OrdersDue(list(overdue), list(due)), month,
                             board.CaseSeries(2026, [None] * 12, [None] * 12))


def test_supervision_tiles_show_streaks_orders_and_cases(tiles):
    from outreach_desk.ui.dashboard.tiles import BAD

    tiles.set_supervision(sample())
    assert texts(tiles, "streakTile") == ("In the bottom 1, 2 months running", "1", "幸福社区")
    assert "幸福社区: 3 months (2026-10、2026-9、2026-8)" in tiles.tile("streakTile").toolTip()
    assert "last 1 of the ranking" in tiles.tile("streakTile").toolTip()
    assert texts(tiles, "ordersTile") == ("Rectification overdue / due", "1 / 1", "1 overdue, 1 due within 7 days")
    assert BAD in tiles.tile("ordersTile").value.styleSheet()
    assert "幸福社区：补齐宣传栏" in tiles.tile("ordersTile").toolTip()
    assert "太平村：补发海报" in tiles.tile("ordersTile").toolTip()
    assert texts(tiles, "casesTile") == ("Fraud cases in 2026-10", "4", "YoY down 50.0% · MoM up 100.0%")
    assert BAD in tiles.tile("casesTile").detail.styleSheet()


def test_supervision_tiles_when_all_is_well_or_unreported(tiles):
    from outreach_desk.ui.dashboard.tiles import GOOD

    tiles.set_supervision(sample(streak_names=(), overdue=(), due=(), cases=None))
    assert texts(tiles, "streakTile") == ("In the bottom 1, 2 months running", "0", "None up to 2026-10")
    assert texts(tiles, "ordersTile")[1:] == ("0 / 0", "0 overdue, 0 due within 7 days")
    assert GOOD in tiles.tile("ordersTile").value.styleSheet()
    assert texts(tiles, "casesTile")[1:] == ("—", "Not reported by the police station yet")
    tiles.set_supervision(sample(streak_names=[f"村{i}" for i in range(6)]))
    assert texts(tiles, "streakTile")[1:] == ("6", "村0、村1、村2、村3 and 2 more")


def test_clicking_the_orders_tile_opens_the_orders(tiles, qtbot):
    from PySide6.QtCore import Qt

    tiles.set_supervision(sample())
    tiles.show()
    with qtbot.waitSignal(tiles.tile("ordersTile").clicked, timeout=5000):
        qtbot.mouseClick(tiles.tile("ordersTile"), Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(tiles.tile("streakTile").clicked):
        qtbot.mouseClick(tiles.tile("streakTile"), Qt.MouseButton.LeftButton)
