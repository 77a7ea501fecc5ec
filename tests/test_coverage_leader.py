"""Coverage a leader reads without surprise, on a hand-made township worked out by hand.

青石镇, campaign 2026-11-01 .. 2026-12-31, five rules (no defaults): banners per block/factory, home visits
to every household, a lecture each month, awareness 80 %, a column per member unit. Judged "to date" on
7 December, so December is the running month.

- 东村 (households left at 0): 一区 (block, 60 households) with a banner, 二区 (block, 40 households) without;
  one more banner logged for the village itself (no site); 50 households visited; a lecture in November;
  no survey.
  banners 1/2 = .5, home visits 50/100 (the sites' households) = .5, monthly 1 (November met, December in
  progress), awareness no data = 0: index (.5 + .5 + 1 + 0) / 4 = .5
- 西村 (200 households, no site): 2 banners logged (counted nowhere: no block or factory), no visit, no lecture,
  survey 36 of 40 aware (90 %): banners not applicable, home visits 0, monthly 0 (November unmet, December in
  progress), awareness 1: index (0 + 0 + 1) / 3 = 1 / 3
- 青石派出所 (member unit): no column.
The township's index is the mean of its villages' (.5 + 1/3) / 2 = 5/12; the mean over rules it used to be
(.5 + .25 + .5 + .5 + 0) / 5 = .35 sat below both villages' figures' mean.
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def build() -> dict:
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import campaigns, rules, surveys

    t = org.add_township("青石镇", "青石镇综治办")
    east = org.add_village(t, "东村")
    west = org.add_village(t, "西村", households=200)
    block_one = org.add_site(east, "东村一区", "residential_block", households=60)
    block_two = org.add_site(east, "东村二区", "residential_block", households=40)
    police = org.add_member_unit(t, "青石派出所")
    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "青石镇冬季专项行动", D(2026, 11, 1), D(2026, 12, 31),
        phases=[campaigns.PhaseInfo("集中攻坚", D(2026, 11, 1), D(2026, 12, 31))]), with_default_rules=False)
    for rule in (
        rules.Rule("banner_per_block", "每个小区至少1条横幅", "site", "quantity",
                   site_kinds=["residential_block", "factory"], kinds=["banner"]),
        rules.Rule("household_reach", "入户不漏户", "village", "quantity", quota="households", kinds=["home_visit"]),
        rules.Rule("monthly_event", "每月宣讲", "village", "records", period="month", kinds=["lecture"]),
        rules.Rule("awareness_rate", "知晓率80%", "village", "awareness", quota="80"),
        rules.Rule("column_per_member_unit", "成员单位专栏", "member_unit", "quantity", kinds=["column"]),
    ):
        rules.create(campaign_id, rule)
    k = {kind.code: kind.id for kind in org.list_kinds()}

    def log(day, village, kind, quantity=1, site=None):
        ledger.create(ledger.ActivityInput(day, village, k[kind], quantity=quantity, site_id=site))

    log(D(2026, 11, 3), east, "banner", site=block_one)
    log(D(2026, 11, 4), east, "banner")
    log(D(2026, 11, 10), east, "home_visit", 50, site=block_two)
    log(D(2026, 11, 12), east, "lecture")
    log(D(2026, 11, 5), west, "banner", 2)
    surveys.add(surveys.SurveyInput(west, D(2026, 11, 20), respondents=40, aware=36))
    return {"township": t, "east": east, "west": west, "one": block_one, "two": block_two, "police": police,
            "campaign": campaign_id}


@pytest.fixture
def town(store):
    return build()


def compute(town, today=D(2026, 12, 7), period=None):
    from outreach_desk.services.coverage import campaigns, engine, periods

    campaign = campaigns.get(town["campaign"])
    return engine.compute(period or periods.to_date(campaign, today), campaign=campaign)


def test_township_index_is_the_mean_of_its_villages(town):
    result = compute(town)
    east, west = result.village(town["east"]), result.village(town["west"])
    assert east.index == pytest.approx(0.5)
    assert west.index == pytest.approx(1 / 3)
    (township,) = result.townships
    assert township.index == pytest.approx(5 / 12)
    assert township.cell("column_per_member_unit").assessed == 1      # member units keep their own cell
    data = result.as_dict()
    assert data["townships"][0]["index"] == pytest.approx(5 / 12) and data["townships"][0]["index_basis"] == "villages"


def test_household_reach_reads_the_sites_households_when_the_village_has_none(town):
    from outreach_desk.services.coverage import gaps

    result = compute(town)
    (east,) = [u for u in result.units if u.rule_key == "household_reach" and u.unit_id == town["east"]]
    assert (east.assessments[0].quota, east.assessments[0].measure, east.fulfilment) == (100, 50, 0.5)
    (west,) = [u for u in result.units if u.rule_key == "household_reach" and u.unit_id == town["west"]]
    assert west.assessments[0].quota == 200                           # its own figure wins
    texts = [g.text for g in gaps.gap_list(result, rule_key="household_reach")]
    assert "东村: 50 households of Home visit still missing (Households of its sites 100, 50 so far)" in texts


def test_banners_that_count_nowhere_are_in_the_gap_list(town):
    from outreach_desk.services.coverage import gaps

    result = compute(town)
    assert result.village(town["west"]).cell("banner_per_block") is None   # no block: not applicable there
    unplaced = {(u.village_id, u.amount, u.has_units) for u in result.unplaced}
    assert unplaced == {(town["west"], 2, False), (town["east"], 1, True)}
    found = [g for g in gaps.gap_list(result) if g.kind == gaps.UNPLACED]
    assert [g.village_id for g in found] == [town["east"], town["west"]]
    west = next(g for g in found if g.village_id == town["west"])
    assert west.text.startswith("西村: 2 ")
    assert "no Residential block or Factory / enterprise is registered" in west.text
    assert "register it" in west.text
    east = next(g for g in found if g.village_id == town["east"])
    assert "are recorded at no Residential block" in east.text and "choose the site" in east.text
    kinds = [g.kind for g in gaps.gap_list(result)]
    assert max(i for i, k in enumerate(kinds) if k == gaps.UNMET_GAP) < kinds.index(gaps.UNPLACED)  # after unmet
    assert len(gaps.gap_list(result, village_id=town["west"], rule_key="banner_per_block")) == 1


def test_running_month_is_in_progress_until_it_ends(town):
    from outreach_desk.services.coverage import engine, periods

    result = compute(town)
    (east,) = [u for u in result.units if u.rule_key == "monthly_event" and u.unit_id == town["east"]]
    assert [a.status for a in east.assessments] == [engine.MET, engine.IN_PROGRESS]
    assert east.assessments[1].window.running and east.status == engine.MET and east.fulfilment == 1.0
    (west,) = [u for u in result.units if u.rule_key == "monthly_event" and u.unit_id == town["west"]]
    assert [a.status for a in west.assessments] == [engine.UNMET, engine.IN_PROGRESS]
    cell = result.township(town["township"]).cell("monthly_event")
    assert (cell.assessed, cell.in_progress, cell.fulfilment_sum) == (2, 0, 1.0)
    # December alone on the 7th: nothing judged yet, both villages in progress
    december = compute(town, period=periods.Period("month", D(2026, 12, 1), D(2026, 12, 31), "2026-12",
                                                   D(2026, 12, 7)))
    cell = december.township(town["township"]).cell("monthly_event")
    assert (cell.assessed, cell.in_progress) == (0, 2)
    assert all(u.status == engine.IN_PROGRESS for u in december.units if u.rule_key == "monthly_event")
    # once December is over it is judged: 东村 and 西村 held no lecture in it
    after = compute(town, today=D(2027, 1, 2))
    (east,) = [u for u in after.units if u.rule_key == "monthly_event" and u.unit_id == town["east"]]
    assert [a.status for a in east.assessments] == [engine.MET, engine.UNMET] and east.fulfilment == 0.5


def test_coverage_page_shows_in_progress_and_no_data_as_unmet(qtbot, town):
    from PySide6.QtCore import Qt

    from outreach_desk.services.coverage import periods
    from outreach_desk.ui.coverage.model import (BEHIND, IN_PROGRESS, NO_DATA_STATUS, STATUS_COLOURS, STATUS_ROLE,
                                                 CoverageModel)

    model = CoverageModel()
    model.set_result(compute(town, period=periods.Period("month", D(2026, 12, 1), D(2026, 12, 31), "2026-12",
                                                         D(2026, 12, 7))))
    monthly, awareness = model.column_of("monthly_event"), model.column_of("awareness_rate")
    township_row, east_row = model.row_of("township", town["township"]), model.row_of("village", town["east"])
    assert model.index(township_row, monthly).data(STATUS_ROLE) == IN_PROGRESS
    assert model.index(township_row, monthly).data() == "in progress"
    east_awareness = model.index(east_row, awareness)
    assert (east_awareness.data(), east_awareness.data(STATUS_ROLE)) == ("no data", NO_DATA_STATUS)
    assert STATUS_COLOURS[NO_DATA_STATUS] == STATUS_COLOURS[BEHIND]       # red like unmet, not grey
    tip = model.index(township_row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "mean of the indexes of its 2 villages" in tip
    west_banner = model.index(model.row_of("village", town["west"]), model.column_of("banner_per_block"))
    assert "2 logged here count for no" in west_banner.data(Qt.ItemDataRole.ToolTipRole)
