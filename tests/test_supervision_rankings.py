"""Rankings on a small township, ties and rank changes worked out by hand.

和平镇, campaign 2026-07-01 .. 2026-12-31 (phases July-September, October-December), four targets:
lectures (2 records a month per village), awareness (80 % a month per village), posters at
residential blocks (campaign to date, quota the entrances; only 东村 has a block) and a column per
member unit (campaign to date).

Compliance index (mean of the lecture and awareness fulfilment; the block counts in 东村 only):

=======  ==========================  ===========  ==========================  ===========
village  October: lectures, survey   Oct. index   November: lectures, survey  Nov. index
=======  ==========================  ===========  ==========================  ===========
东村     1 (0.5), 40/50 (1.0), 0/4   0.5 → 3      2 (1.0), 40/50 (1.0), 4/4   1.0 → 1
西村     0 (0),   none (0)           0 → 5        2 (1.0), 45/50 (1.0)        1.0 → 1
南村     2 (1.0), 45/50 (1.0)        1.0 → 1      1 (0.5), 40/50 (1.0)        0.75 → 3
北村     2 (1.0), 40/50 (1.0)        1.0 → 1      1 (0.5), 30/50 (0.75)       0.625 → 4
中村     1 (0.5), none (0)           0.25 → 4     0 (0),   none (0)           0 → 5
=======  ==========================  ===========  ==========================  ===========

东村's block has 4 entrances and gets 4 posters in November (October: 0 of 4, fulfilment 0, so its
October index is (0.5 + 1.0 + 0) / 3 = 0.5; still rank 3 after 南村 and 北村, before 中村's 0.25).
Changes in November: 东村 ↑2, 西村 ↑4, 南村 ↓2, 北村 ↓3, 中村 ↓1.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import partial

import pytest

from cli_runs import run_cli

D = dt.date
NOV = (2026, 11)


def build_small_town() -> dict:
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import campaigns, rules, surveys

    t = org.add_township("和平镇", "和平镇综治办")
    names = ["东村", "西村", "南村", "北村", "中村"]
    v = {name: org.add_village(t, name, "village", households=100) for name in names}
    block = org.add_site(v["东村"], "东村小区", "residential_block", entrances=4)
    police = org.add_member_unit(t, "和平派出所")
    court = org.add_member_unit(t, "和平法庭")
    k = {kind.code: kind.id for kind in org.list_kinds()}
    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "和平镇2026年反诈专项行动", D(2026, 7, 1), D(2026, 12, 31),
        phases=[campaigns.PhaseInfo("动员", D(2026, 7, 1), D(2026, 9, 30)),
                campaigns.PhaseInfo("攻坚", D(2026, 10, 1), D(2026, 12, 31))]), with_default_rules=False)
    rules.create(campaign_id, rules.Rule("lectures", "每月开展2次讲座", "village", "records", "2", "month",
                                         kinds=["lecture"]))
    rules.create(campaign_id, rules.Rule("awareness", "知晓率达到80%", "village", "awareness", "80", "month"))
    rules.create(campaign_id, rules.Rule("posters", "小区出入口张贴海报", "site", "quantity", "entrances", "campaign",
                                         site_kinds=["residential_block"], kinds=["poster"]))
    rules.create(campaign_id, rules.Rule("unit_column", "成员单位建立宣传专栏", "member_unit", "quantity", "1",
                                         "campaign", kinds=["column"]))

    def lectures(village, month, count):
        for day in range(count):
            ledger.create(ledger.ActivityInput(D(2026, month, 10 + day), v[village], k["lecture"]))

    def survey(village, month, respondents, aware):
        surveys.add(surveys.SurveyInput(v[village], D(2026, month, 20), respondents=respondents, aware=aware))

    for village, count in (("东村", 1), ("南村", 2), ("北村", 2), ("中村", 1)):
        lectures(village, 10, count)
    for village, count in (("东村", 2), ("西村", 2), ("南村", 1), ("北村", 1)):
        lectures(village, 11, count)
    for village, aware in (("东村", 40), ("南村", 45), ("北村", 40)):
        survey(village, 10, 50, aware)
    for village, aware in (("东村", 40), ("西村", 45), ("南村", 40), ("北村", 30)):
        survey(village, 11, 50, aware)
    ledger.create(ledger.ActivityInput(D(2026, 11, 5), v["东村"], k["poster"], quantity=4, site_id=block))
    ledger.create(ledger.ActivityInput(D(2026, 11, 3), v["东村"], k["column"], member_unit_id=police))
    return {"township": t, "campaign": campaign_id, "police": police, "court": court, **v}


@pytest.fixture
def small_town(store, chinese):
    return build_small_town()


@pytest.fixture
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def _rank(town, month=NOV, **kwargs):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision import rankings

    return rankings.rank(periods.month(*month), campaign=campaigns.get(town["campaign"]), **kwargs)


def _table(ranking):
    return [(r.name, r.rank, r.change_text, r.top, r.bottom) for r in ranking.rows]


def test_index_ranking_shares_ranks_and_shows_changes(small_town):
    ranking = _rank(small_town, mark_count=1)
    assert ranking.previous.start == D(2026, 10, 1) and ranking.previous.end == D(2026, 10, 31)
    assert [(r.name, r.rank) for r in ranking.previous_rows] == [
        ("南村", 1), ("北村", 1), ("东村", 3), ("中村", 4), ("西村", 5)]
    assert _table(ranking) == [
        ("东村", 1, "↑2", True, False),
        ("西村", 1, "↑4", True, False),
        ("南村", 3, "↓2", False, False),
        ("北村", 4, "↓3", False, False),
        ("中村", 5, "↓1", False, True),
    ]
    assert [round(r.value, 4) for r in ranking.rows] == [1.0, 1.0, 0.75, 0.625, 0.0]
    assert ranking.row(small_town["东村"]).change == 2


def test_the_index_is_the_coverage_engines(small_town):
    ranking = _rank(small_town)
    for row in ranking.rows:
        assert row.value == ranking.result.village(row.unit_id).index


def test_bottom_and_top_marks_take_ties_and_never_overlap(small_town):
    two = _rank(small_town, mark_count=2)
    assert [r.name for r in two.top] == ["东村", "西村"]
    assert [r.name for r in two.bottom] == ["北村", "中村"]
    september = _rank(small_town, month=(2026, 9), mark_count=2)
    assert {r.rank for r in september.rows} == {1}  # nothing done anywhere: one shared rank, no marks
    assert not september.top and not september.bottom
    none = _rank(small_town, mark_count=0)
    assert not none.top and not none.bottom


def test_ranking_by_awareness_uses_the_rate_and_puts_no_data_last(small_town):
    ranking = _rank(small_town, rule_key="awareness")
    assert [(r.name, r.rank, r.change_text) for r in ranking.rows] == [
        ("西村", 1, "新"), ("东村", 2, "–"), ("南村", 2, "↓1"), ("北村", 4, "↓2"), ("中村", 5, "")]
    assert [r.value for r in ranking.rows[:4]] == [0.9, 0.8, 0.8, 0.6]
    last = ranking.rows[-1]
    assert not last.has_data and last.reason == "本期无知晓率调查" and not last.bottom
    assert ranking.rows[0].is_new


def test_a_target_that_applies_nowhere_is_no_data_with_its_reason(small_town):
    ranking = _rank(small_town, rule_key="posters")
    assert [(r.name, r.rank, r.value) for r in ranking.rows[:1]] == [("东村", 1, 1.0)]
    assert {r.rank for r in ranking.rows[1:]} == {2}
    assert all(not r.has_data and r.reason == "该指标不适用于其任何单位" for r in ranking.rows[1:])


def test_member_units_are_ranked_separately(small_town):
    from outreach_desk.services.errors import ValidationError

    ranking = _rank(small_town, unit_type="member_unit")
    assert [(r.name, r.rank, r.change_text) for r in ranking.rows] == [("和平派出所", 1, "–"), ("和平法庭", 2, "↓1")]
    with pytest.raises(ValidationError, match="成员单位"):
        _rank(small_town, rule_key="unit_column")
    with pytest.raises(ValidationError, match="lectures"):
        _rank(small_town, unit_type="member_unit", rule_key="lectures")
    with pytest.raises(ValidationError, match="nonsense"):
        _rank(small_town, rule_key="nonsense")


def test_previous_periods_have_the_same_length(small_town):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision.previous import previous_period

    campaign = campaigns.get(small_town["campaign"])
    january = previous_period(periods.month(2027, 1), campaign)
    assert (january.start, january.end) == (D(2026, 12, 1), D(2026, 12, 31))
    first, second = campaign.phases
    assert previous_period(periods.phase(campaign, first.id), campaign) is None
    before = previous_period(periods.phase(campaign, second.id), campaign)
    assert (before.kind, before.start, before.end) == ("phase", D(2026, 7, 1), D(2026, 9, 30))
    week = previous_period(periods.date_range(D(2026, 11, 9), D(2026, 11, 15)), campaign)
    assert (week.start, week.end) == (D(2026, 11, 2), D(2026, 11, 8))
    to_date = previous_period(periods.to_date(campaign, D(2026, 11, 20)), campaign)
    assert (to_date.start, to_date.end) == (D(2026, 7, 1), D(2026, 11, 13))
    assert previous_period(periods.to_date(campaign, D(2026, 7, 3)), campaign) is None


def test_results_handed_in_are_reused(small_town, monkeypatch):
    from outreach_desk.services.coverage import campaigns, engine, periods
    from outreach_desk.services.supervision import rankings

    campaign = campaigns.get(small_town["campaign"])
    computed = [engine.compute(periods.month(*NOV), campaign=campaign),
                engine.compute(periods.month(2026, 10), campaign=campaign)]

    def refuse(*_args, **_kwargs):
        raise AssertionError("computed again")

    monkeypatch.setattr(engine, "compute", refuse)
    ranking = rankings.rank(periods.month(*NOV), campaign=campaign, results=computed)
    assert [r.name for r in ranking.rows][:2] == ["东村", "西村"]


@pytest.fixture
def town_db(db_path, qapp):
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    ids = build_small_town()
    close_database()
    return db_path, ids


_run = partial(run_cli, lang="zh_CN")


def test_command_line_json_and_text(capsys, town_db):
    db_path, _ids = town_db
    code, out, _ = _run(capsys, db_path, "ranking", "--month", "2026-11", "--json", "--mark", "1")
    assert code == 0
    data = json.loads(out)
    assert data["by"] == "index" and data["previous"]["start"] == "2026-10-01"
    assert [(r["name"], r["rank"], r["change"], r["top"], r["bottom"]) for r in data["rows"]] == [
        ("东村", 1, 2, True, False), ("西村", 1, 4, True, False), ("南村", 3, -2, False, False),
        ("北村", 4, -3, False, False), ("中村", 5, -1, False, True)]
    code, out, _ = _run(capsys, db_path, "ranking", "--month", "2026-11", "--by", "awareness")
    assert code == 0
    assert "西村" in out and "新" in out and "本期无知晓率调查" in out and "90.0%" in out
    code, _out, err = _run(capsys, db_path, "ranking", "--month", "2026-11", "--by", "nonsense")
    assert code == 2 and "nonsense" in err and "Traceback" not in err


def test_bottom_streaks_name_the_villages_last_several_months_running(small_town):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision import rankings

    campaign = campaigns.get(small_town["campaign"])
    # N = 2: October's bottom is 中村 (0.25) and 西村 (0); November's is 北村 and 中村; September ties everyone
    streaks = rankings.bottom_streaks(periods.month(*NOV), campaign=campaign, mark_count=2)
    assert [(s.name, s.length, s.months) for s in streaks] == [("中村", 2, ["2026年11月", "2026年10月"])]
    assert rankings.bottom_streaks(periods.month(*NOV), campaign=campaign, mark_count=2, at_least=3) == []
    assert rankings.bottom_streaks(periods.month(*NOV), campaign=campaign, mark_count=1) == []
    july = rankings.bottom_streaks(periods.month(2026, 7), campaign=campaign, mark_count=2, at_least=1)
    assert july == []  # the month before the campaign is not looked at, and July ties everyone


def test_bottom_streaks_equal_full_computations_of_each_month_one_by_one(small_town):
    """The streaks judge the months on the village and site targets alone, without unplaced records, in one
    pass: the bottom of each month is what a full coverage computation of that month alone ranks."""
    from outreach_desk.services.coverage import campaigns, engine, indexes, periods
    from outreach_desk.services.supervision import rankings

    campaign = campaigns.get(small_town["campaign"])
    months = rankings.streak_months(periods.month(*NOV), campaign, 3)
    for mark_count in (1, 2, 3):
        bottoms = [{r.unit_id for r in rankings.rows_of(engine.compute(m, campaign=campaign), mark_count=mark_count)
                    if r.bottom} for m in months]
        expected = {}
        for unit_id in bottoms[0]:
            length = next((i for i, bottom in enumerate(bottoms) if unit_id not in bottom), len(bottoms))
            expected[unit_id] = [m.label for m in months[:length]]
        found = rankings.bottom_streaks(periods.month(*NOV), campaign=campaign, mark_count=mark_count, at_least=1)
        assert {s.unit_id: s.months for s in found} == expected
        assert expected  # every N names someone at the bottom of November
    full = [[(v.id, v.index) for v in engine.compute(m, campaign=campaign).villages] for m in months]
    lean = engine.compute_many(months, campaign=campaign, rule_keys=["lectures", "awareness", "posters"],
                               unplaced=False)
    assert [[(v.id, v.index) for v in r.villages] for r in lean] == full
    folded = indexes.village_indexes(months, campaign=campaign)   # what the streaks rank: equal to the last bit
    assert [[(village_id, table.index[village_id]) for village_id, _name, _t in table.villages]
            for table in folded] == full
