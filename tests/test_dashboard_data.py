"""Dashboard data on a hand-built township: tiles, coverage, trend, heat map, awareness and mix.

平安镇 (conftest ``township``): 太平村 and 幸福社区. Campaign 2026-07-01 .. 2026-12-31 with only two
targets left on: one campaign column per village, and the awareness rate (80 %).

- 太平村: a column in July; October: 2 lectures (100 + 50 people, elderly + students);
  November: 1 banner (30 people, elderly); survey 100 asked, 90 aware.
- 幸福社区: no column; October: 1 leaflet drop (200 people, migrant workers); survey 50 asked, 30 aware.

By hand: 太平村 index = mean(1, 1) = 1; 幸福社区 = mean(0, 60/80) = 0.375 (lags, below 0.8);
township = mean(column 1/2, awareness (1 + 0.75)/2) = 0.6875.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

D = dt.date
TODAY = D(2026, 11, 20)


@pytest.fixture
def town(township):
    from outreach_desk.services import ledger, vocab
    from outreach_desk.services.coverage import campaigns, rules, surveys

    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "平安镇专项行动", D(2026, 7, 1), D(2026, 12, 31),
        phases=[campaigns.PhaseInfo("动员部署", D(2026, 7, 1), D(2026, 7, 31)),
                campaigns.PhaseInfo("集中攻坚", D(2026, 8, 1), D(2026, 11, 30)),
                campaigns.PhaseInfo("总结验收", D(2026, 12, 1), D(2026, 12, 31))],
        deadlines=[campaigns.DeadlineInfo("十一月月报", D(2026, 11, 25)),
                   campaigns.DeadlineInfo("年终总结", D(2026, 12, 31))]))
    for rule in rules.list_rules(campaign_id):
        if rule.key not in ("column_per_village", "awareness_rate"):
            rules.set_enabled(rule.id, False)
    k, v1, v2 = township["kinds"], township["village1"], township["village2"]
    mask = lambda *codes: vocab.mask_of(vocab.AUDIENCES, codes)  # noqa: E731

    def log(day, village, kind, people=0, audiences=0):
        ledger.create(ledger.ActivityInput(day, village, k[kind], people=people, audiences=audiences))

    log(D(2026, 7, 3), v1, "column")
    log(D(2026, 10, 8), v1, "lecture", 100, mask("elderly"))
    log(D(2026, 10, 20), v1, "lecture", 50, mask("students", "elderly"))
    log(D(2026, 11, 2), v1, "banner", 30, mask("elderly"))
    log(D(2026, 10, 15), v2, "leaflet", 200, mask("migrant_workers"))
    log(D(2026, 5, 1), v2, "leaflet", 999)  # before the campaign and the period
    surveys.add(surveys.SurveyInput(v1, D(2026, 10, 10), 100, 90))
    surveys.add(surveys.SurveyInput(v2, D(2026, 10, 11), 50, 30))
    return {**township, "campaign": campaign_id}


@pytest.fixture
def data(town):
    from outreach_desk.services import dashboard

    return dashboard.load(dashboard.default_filter(TODAY), today=TODAY)


def test_default_filter_is_the_campaign_to_date(town):
    from outreach_desk.services import dashboard

    chosen = dashboard.default_filter(TODAY)
    assert (chosen.period.start, chosen.period.end) == (D(2026, 7, 1), TODAY)
    assert chosen.township_id is None and chosen.village_id is None


def test_campaign_tiles(data):
    tiles = data.tiles
    assert tiles.campaign_name == "平安镇专项行动"
    assert (tiles.campaign_day, tiles.campaign_days) == (143, 184)
    assert tiles.phase_name == "集中攻坚"
    assert (tiles.next_deadline_title, tiles.next_deadline_due, tiles.days_to_deadline) == (
        "十一月月报", D(2026, 11, 25), 5)


def test_this_month_against_last_month(data):
    tiles = data.tiles
    assert (tiles.month_activities, tiles.month_people) == (1, 30)
    assert (tiles.last_month_activities, tiles.last_month_people) == (3, 350)


def test_compliance_index_and_lagging_villages(data, town):
    assert data.tiles.compliance_index == pytest.approx(0.6875)
    scores = {s.village_id: s for s in data.coverage}
    assert scores[town["village1"]].index == pytest.approx(1.0)
    assert scores[town["village2"]].index == pytest.approx(0.375)
    assert not scores[town["village1"]].lagging and scores[town["village2"]].lagging
    assert (data.tiles.lagging_villages, data.tiles.villages, data.lag_threshold) == (1, 2, 0.8)


def test_awareness_pools_the_villages_with_wilson(data, town):
    from outreach_desk.services.coverage.surveys import wilson

    tiles = data.tiles
    assert tiles.awareness_respondents == 150 and tiles.awareness_rate == pytest.approx(0.8)
    expected = wilson(120, 150)
    assert (tiles.awareness_low, tiles.awareness_high) == pytest.approx((expected.low, expected.high))
    assert tiles.awareness_low < 0.8 < tiles.awareness_high and tiles.awareness_target == 0.8
    rows = {r.village_id: r for r in data.awareness}
    assert rows[town["village2"]].rate == pytest.approx(0.6) and rows[town["village2"]].respondents == 50
    assert rows[town["village2"]].low == pytest.approx(wilson(30, 50).low)


def test_trend_by_month_and_kind_sums_to_the_sql_totals(data):
    from outreach_desk.store import DB

    trend = data.trend
    assert trend.months == ["2026-7", "2026-8", "2026-9", "2026-10", "2026-11"]
    by_kind = {kind: sum(values) for kind, values in trend.activities.items()}
    assert by_kind == {"Campaign column": 1, "Lecture": 2, "Leaflets": 1, "Banner": 1}
    assert trend.activities["Lecture"] == [0, 0, 0, 2, 0]
    assert trend.people == [0, 0, 0, 350, 30]
    records, people = DB.execute_sql("SELECT COUNT(*), SUM(people) FROM activity WHERE date >= ? AND date <= ?",
                                     ["2026-07-01", TODAY.isoformat()]).fetchone()
    assert sum(by_kind.values()) == records and sum(trend.people) == people


def test_heat_map_is_villages_by_rules(data, town):
    heat = data.heat
    assert [key for key, _ in heat.rules] == ["column_per_village", "awareness_rate"]
    assert heat.villages == [(town["village1"], "太平村"), (town["village2"], "幸福社区")]
    assert heat.values == [[1.0, 1.0], [0.0, 0.75]]


def test_activity_mix_by_kind_and_audience(data):
    assert data.mix.by_kind[0] == ("Lecture", 2)
    assert sorted(data.mix.by_kind) == [("Banner", 1), ("Campaign column", 1), ("Leaflets", 1), ("Lecture", 2)]
    audience = dict(data.mix.by_audience)
    assert audience["Elderly"] == 3 and audience["Students"] == 1 and audience["Migrant workers"] == 1
    assert data.mix.by_audience[0] == ("Elderly", 3)


def test_village_filter_narrows_everything(town):
    from outreach_desk.services import dashboard
    from outreach_desk.services.coverage import periods

    chosen = dashboard.DashboardFilter(periods.month(2026, 10), village_id=town["village2"])
    data = dashboard.load(chosen, today=TODAY)
    assert [s.village_id for s in data.coverage] == [town["village2"]]
    assert data.tiles.compliance_index == pytest.approx(data.coverage[0].index)
    assert (data.tiles.month_activities, data.tiles.month_people, data.tiles.month_label) == (1, 200, "2026-10")
    assert data.tiles.last_month_activities == 0
    assert data.trend.months == ["2026-10"] and data.trend.people == [200]
    assert data.mix.by_kind == [("Leaflets", 1)]
    assert data.tiles.awareness_respondents == 50


def test_no_campaign_is_refused_in_words(store):
    from outreach_desk.services import dashboard
    from outreach_desk.services.coverage.campaigns import NoCampaignError

    with pytest.raises(NoCampaignError):
        dashboard.default_filter(TODAY)


@pytest.mark.parametrize("module", ["outreach_desk.services.dashboard", "outreach_desk.ui.shell.main_window"])
def test_importing_does_not_import_matplotlib(module):
    code = f"import sys, {module}; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "False"


def test_a_running_month_is_compared_with_the_same_days_of_the_month_before(town):
    from outreach_desk.services import dashboard, ledger

    ledger.create(ledger.ActivityInput(D(2026, 10, 25), town["village1"], town["kinds"]["lecture"], people=70))
    ledger.create(ledger.ActivityInput(D(2026, 11, 21), town["village1"], town["kinds"]["lecture"], people=5))
    tiles = dashboard.load(dashboard.default_filter(TODAY), today=TODAY).tiles
    assert (tiles.month_activities, tiles.month_people) == (1, 30)  # 1-20 November
    assert (tiles.last_month_activities, tiles.last_month_people) == (3, 350)  # 1-20 October

    month_end = dashboard.load(dashboard.default_filter(D(2026, 11, 30)), today=D(2026, 11, 30)).tiles
    assert (month_end.month_activities, month_end.last_month_activities) == (2, 4)  # whole months


def test_tallies_and_the_activity_table_give_the_same_dashboard_on_the_demo(store, monkeypatch):
    """The monthly tallies (migration 8) are only a faster way to the same numbers: every figure of the
    dashboard and the engine, for periods that start and end inside months, equals what grouping the
    activity table gives."""
    import dataclasses

    from outreach_desk.services import dashboard, demo, organisation
    from outreach_desk.services.coverage import engine, periods, tally

    demo.generate("township", seed=2)
    tree = organisation.load_tree()
    township_id, village_id = tree.townships[0].id, tree.all_villages()[3].id
    filters = [dashboard.default_filter(D(2026, 11, 29)), dashboard.default_filter(D(2026, 9, 3)),
               dashboard.DashboardFilter(periods.month(2026, 10), township_id=township_id),
               dashboard.DashboardFilter(periods.Period("range", D(2026, 3, 17), D(2026, 8, 12), ""),
                                         village_id=village_id)]
    results = {}
    for use_tally in (True, False):
        monkeypatch.setattr(tally, "available", lambda value=use_tally: value)
        results[use_tally] = [
            (dataclasses.asdict(dashboard.load(chosen, today=D(2026, 11, 29))),
             engine.compute(chosen.period, scope=engine.Scope(chosen.township_id, chosen.village_id)).as_dict())
            for chosen in filters]
    for with_tally, without in zip(results[True], results[False]):
        assert with_tally == without
    assert sum(sum(values) for values in results[True][0][0]["trend"]["activities"].values()) > 1000
