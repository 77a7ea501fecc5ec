"""The dashboard of a county database: one township at a time, or every township side by side against its own
campaign.

Three townships: 平安镇 (two villages, a campaign from July to December), 青石镇 (one village, its own campaign
from October to March, other dates and other targets) and 安宁镇 (a village, no campaign anywhere for it).
Today is 2026-11-28.
"""

from __future__ import annotations

import datetime as dt

import pytest

from waits import WAIT_MS

D = dt.date
TODAY = D(2026, 11, 28)


def _kind(code: str) -> int:
    from outreach_desk.services import organisation

    return next(k.id for k in organisation.list_kinds() if k.code == code)


@pytest.fixture
def county(store):
    from outreach_desk.services import ledger, organisation
    from outreach_desk.services.coverage import campaigns

    ids = {"pingan": organisation.add_township("平安镇"), "qingshi": organisation.add_township("青石镇"),
           "anning": organisation.add_township("安宁镇")}
    ids["taiping"] = organisation.add_village(ids["pingan"], "太平村", households=300)
    ids["xingfu"] = organisation.add_village(ids["pingan"], "幸福社区", "community", households=500)
    ids["qingshi_cun"] = organisation.add_village(ids["qingshi"], "青石村", households=200)
    organisation.add_village(ids["anning"], "安宁村")
    for day, village, kind in ((D(2026, 10, 8), ids["taiping"], "lecture"), (D(2026, 11, 3), ids["taiping"], "banner"),
                               (D(2026, 11, 5), ids["xingfu"], "lecture"), (D(2026, 11, 9), ids["qingshi_cun"],
                                                                             "banner"),
                               (D(2026, 10, 20), ids["qingshi_cun"], "lecture")):
        ledger.create(ledger.ActivityInput(day, village, _kind(kind), people=40))
    for key, start, end, rule_set in (("pingan", D(2026, 7, 1), D(2026, 12, 31), "township"),
                                      ("qingshi", D(2026, 10, 1), D(2027, 3, 31), "school")):
        ids[f"{key}_campaign"] = campaigns.create(campaigns.CampaignInfo(
            f"{key}行动", start, end, township_id=ids[key], rule_set=rule_set,
            phases=campaigns.default_phases(start, end)))
    return ids


def test_each_townships_row_is_what_its_own_dashboard_shows(county):
    from outreach_desk.services import county_dashboard, dashboard
    from outreach_desk.services.coverage import campaigns, periods

    rows = {row.name: row for row in county_dashboard.load(TODAY)}
    assert list(rows) == ["平安镇", "青石镇", "安宁镇"]
    assert rows["安宁镇"].tiles is None                    # no campaign of its own nor a shared one
    for key, name in (("pingan", "平安镇"), ("qingshi", "青石镇")):
        campaign = campaigns.current(county[key])
        assert campaign.id == county[f"{key}_campaign"]
        filter = dashboard.DashboardFilter(periods.to_date(campaign, TODAY), township_id=county[key])
        assert rows[name].tiles == dashboard.load(filter, today=TODAY).tiles
        assert rows[name].tiles.campaign_name == f"{key}行动"
        assert rows[name].period_label == filter.period.label
    assert (rows["平安镇"].tiles.villages, rows["青石镇"].tiles.villages) == (2, 1)
    assert (rows["平安镇"].tiles.month_activities, rows["青石镇"].tiles.month_activities) == (2, 1)


def test_each_townships_streaks_rank_its_own_villages_against_its_own_campaign(county):
    from outreach_desk.services import county_dashboard
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.services.supervision import board

    found = county_dashboard.streaks(TODAY)
    assert set(found) == {county["pingan"], county["qingshi"]}
    for key in ("pingan", "qingshi"):
        assert found[county[key]] == board.streaks(TODAY, campaigns.current(county[key]), county[key])
    assert found[county["qingshi"]].through == "2026-10"      # the last complete month


# ---------------------------------------------------------------------------------------------------- the page
@pytest.fixture
def context(store, qapp):
    from outreach_desk.ui.shell.context import AppContext

    return AppContext(store.database)


@pytest.fixture
def page(qtbot, context, county, monkeypatch):
    from outreach_desk.ui.dashboard import page as dashboard_page

    monkeypatch.setattr(dashboard_page, "today", lambda: TODAY)
    page = dashboard_page.DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    with qtbot.waitSignal(page.streaks_ranked, timeout=WAIT_MS):
        page.show()
    return page


def cells(page, column: int) -> dict[str, str]:
    table = page.county.table
    return {table.item(row, 0).text(): table.item(row, column).text() for row in range(table.rowCount())}


def test_a_county_database_opens_on_every_township_side_by_side(page, county):
    from outreach_desk.ui.dashboard.county_view import CAMPAIGN, INDEX, LAGGING

    assert page.township_box.isVisible() and page.township_box.currentText() == "All townships"
    assert page.showing_county() and not page.picker.isVisible() and not page.area.isVisible()
    assert cells(page, CAMPAIGN) == {"平安镇": "pingan行动", "青石镇": "qingshi行动", "安宁镇": "No campaign"}
    assert cells(page, LAGGING)["平安镇"] == "2 / 2" and cells(page, LAGGING)["青石镇"].endswith("/ 1")
    assert cells(page, INDEX)["安宁镇"] == "—"
    assert set(page.county.streak_texts()) == {"平安镇", "青石镇", "安宁镇"}
    assert page.county.streak_texts()["安宁镇"] == "—"
    assert all(text != "Ranking…" for text in page.county.streak_texts().values())
    from outreach_desk.ui.dashboard.county_view import STREAKS   # headed like the township tile (连续2期排名后3名)
    assert page.county.table.horizontalHeaderItem(STREAKS).text() == "In the bottom 3, 2 months running"


def test_sorting_by_the_index_ranks_the_townships_without_a_campaign_last(qtbot, page):
    from PySide6.QtCore import Qt

    from outreach_desk.ui.dashboard.county_view import INDEX

    page.county.table.sortByColumn(INDEX, Qt.SortOrder.DescendingOrder)
    names = [page.county.table.item(row, 0).text() for row in range(3)]
    assert names[-1] == "安宁镇"
    page.county.table.sortByColumn(INDEX, Qt.SortOrder.AscendingOrder)
    assert page.county.table.item(2, 0).text() == "安宁镇"


def test_double_clicking_a_township_opens_its_own_dashboard_and_it_is_remembered(qtbot, page, county, context):
    from outreach_desk.services.coverage import campaigns

    table = page.county.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "青石镇")
    table.cellDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: page.data is not None and page.data.filter.township_id == county["qingshi"]
                    and page.all_drawn() and not page.is_busy(), timeout=WAIT_MS)
    assert page.township_box.currentText() == "青石镇" and not page.showing_county()
    assert page.campaign_label.text() == "qingshi行动"
    assert page.data.tiles.campaign_name == campaigns.current(county["qingshi"]).name
    assert [page.area.itemText(i) for i in range(page.area.count())] == ["Whole township", "青石村"]
    assert {v.village_id for v in page.data.coverage} == {county["qingshi_cun"]}

    from outreach_desk.ui.dashboard import page as dashboard_page

    again = dashboard_page.DashboardPage(context)            # the next opening shows 青石镇 again
    qtbot.addWidget(again)
    assert again.township_box.currentText() == "青石镇" and not again.showing_county()


def test_a_village_of_another_township_switches_the_township(qtbot, page, county, context):
    context.scope_selected.emit(county["xingfu"], None)
    qtbot.waitUntil(lambda: page.data is not None and page.data.filter.village_id == county["xingfu"]
                    and page.all_drawn() and not page.is_busy(), timeout=WAIT_MS)
    assert page.township_box.currentText() == "平安镇" and page.area.currentText() == "幸福社区"
    assert page.campaign_label.text() == "pingan行动"
    with qtbot.waitSignal(page.streaks_ranked, timeout=WAIT_MS):
        page.set_township(None)
    assert page.showing_county() and page.county.table.rowCount() == 3
