"""Fraud-case targets (cases_fall, cases_fall_yoy, cases_fall_mom) in coverage and the gap list, by hand.

平安镇, campaign 2026-07-01 .. 2026-12-31, phases July, August-November, December. Cases reported:

=========  =======  =======  =======  =======
           2025-10  2025-11  2026-10  2026-11
=========  =======  =======  =======  =======
太平村     9        10       15       12
幸福社区   —        0        2        0
=========  =======  =======  =======  =======

November 2026: 太平村 同比 12 against 10 (not met), 环比 12 against 15 (met); 幸福社区 同比 0 against 0
(零发案 kept: met), 环比 0 against 2 (met). October 2026: 太平村 同比 15 against 9 (not met); 幸福社区 has no
October 2025 figure: 无对比数据 (no data), the gap naming 2025-10. "—" is "not reported", never 0.
"""

from __future__ import annotations

import datetime as dt

import pytest

from outreach_desk.services.coverage import campaigns, engine, gaps, periods, rules
from outreach_desk.services.coverage.case_measures import compared_months, window_months
from outreach_desk.services.coverage.periods import Window
from outreach_desk.services.errors import ValidationError
from outreach_desk.services.supervision import cases
from outreach_desk.services.supervision.cases import Figures

D = dt.date
CASE_RULES = [("yoy", "cases_fall_yoy", "month"), ("mom", "cases_fall_mom", "month"), ("fall", "cases_fall", "phase")]


@pytest.fixture
def town(township):
    t, v1, v2 = township["township"], township["village1"], township["village2"]
    cases.save_month(t, 2025, 10, {v1: Figures(9)})
    cases.save_month(t, 2025, 11, {v1: Figures(10), v2: Figures(0)})
    cases.save_month(t, 2026, 10, {v1: Figures(15), v2: Figures(2)})
    cases.save_month(t, 2026, 11, {v1: Figures(12), v2: Figures(0)})
    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "平安镇2026年专项行动", D(2026, 7, 1), D(2026, 12, 31),
        phases=[campaigns.PhaseInfo("动员部署", D(2026, 7, 1), D(2026, 7, 31)),
                campaigns.PhaseInfo("集中攻坚", D(2026, 8, 1), D(2026, 11, 30)),
                campaigns.PhaseInfo("总结验收", D(2026, 12, 1), D(2026, 12, 31))]))
    for key, measure, period in CASE_RULES:
        rules.create(campaign_id, rules.Rule(key=key, name_zh=f"电诈案件{key}", applies_to="village",
                                             measure=measure, period=period))
    return {**township, "campaign": campaigns.get(campaign_id)}


def _compute(town, period):
    """Coverage of the case rules only (the campaign also holds the default township rules)."""
    return engine.compute(period, campaign=town["campaign"], rule_keys=[key for key, _m, _p in CASE_RULES])


def _status(result, rule_key, village_id):
    return next(u for u in result.units_of(rule_key, village_id)).status


def test_november_same_month_last_year_and_month_before_by_hand(town):
    result = _compute(town, periods.month(2026, 11))
    v1, v2 = town["village1"], town["village2"]
    assert _status(result, "yoy", v1) == engine.UNMET
    assert _status(result, "mom", v1) == engine.MET
    assert _status(result, "yoy", v2) == engine.MET  # 0 against 0: kept at zero
    assert _status(result, "mom", v2) == engine.MET
    unit = next(iter(result.units_of("yoy", v1)))
    assert unit.assessments[0].details["now"] == 12 and unit.assessments[0].details["base"] == 10
    cell = result.village(v1).cells["yoy"]
    assert (cell.assessed, cell.met, cell.fulfilment) == (1, 0, 0.0)
    assert result.township(town["township"]).cells["mom"].met == 2
    texts = [g.text for g in gaps.gap_list(result) if g.rule_key != "fall"]
    assert texts == ["太平村: fraud cases did not fall on the same period last year: 12 this period, 10 in the same "
                     "period last year"]


def test_a_month_without_last_years_figure_reads_no_comparison_and_names_the_month(town):
    result = _compute(town, periods.month(2026, 10))
    assert _status(result, "yoy", town["village1"]) == engine.UNMET  # 15 against 9
    assert _status(result, "yoy", town["village2"]) == engine.NO_DATA
    assert _status(result, "mom", town["village2"]) == engine.NO_DATA  # September 2026 not entered either
    found = {g.unit_name: g.text for g in gaps.gap_list(result, rule_key="yoy")}
    assert found["幸福社区"] == ("幸福社区: fraud cases cannot be compared with the same period last year: no figures "
                                "entered for 2025-10")
    assert next(u for u in result.units_of("yoy", town["village2"])).assessments[0].details["missing"] == ["2025-10"]


def test_a_phase_is_compared_with_as_many_months_before_it(town):
    # 集中攻坚 (August-November 2026) against April-July 2026: nothing entered then, nor August and September
    campaign = town["campaign"]
    phase = next(p for p in campaign.phases if p.name == "集中攻坚")
    result = _compute(town, periods.phase(campaign, phase.id))
    assert _status(result, "fall", town["village1"]) == engine.NO_DATA
    text = next(g.text for g in gaps.gap_list(result, rule_key="fall", village_id=town["village1"]))
    assert text.endswith("2026-4, 2026-5, 2026-6, 2026-7 and 2 more months")


def test_months_of_a_window_and_their_bases():
    window = Window(0, "campaign", D(2026, 7, 15), D(2026, 12, 7), "")
    months = window_months(window)
    assert months == [(2026, 7), (2026, 8), (2026, 9), (2026, 10), (2026, 11)]  # December is not over
    assert compared_months("cases_fall_mom", months) == ([(2026, 11)], [(2026, 10)])
    assert compared_months("cases_fall_yoy", months[:2]) == ([(2026, 7), (2026, 8)], [(2025, 7), (2025, 8)])
    assert compared_months("cases_fall", [(2026, 1), (2026, 2)]) == ([(2026, 1), (2026, 2)], [(2025, 11), (2025, 12)])


def test_a_running_month_is_in_progress_and_a_stretch_without_a_whole_month_asks_nothing(town):
    to_date = periods.to_date(town["campaign"], D(2026, 12, 7))
    result = engine.compute(to_date, campaign=town["campaign"], rule_keys=["mom"])
    december = [a for u in result.units_of("mom") for a in u.assessments if a.window.label == "2026-12"]
    assert [a.status for a in december] == [engine.IN_PROGRESS, engine.IN_PROGRESS]
    result = _compute(town, periods.date_range(D(2026, 11, 10), D(2026, 11, 20)))
    assert {u.status for u in result.units_of("yoy")} == {engine.NOT_APPLICABLE}


@pytest.mark.parametrize("change, field", [({"applies_to": "site", "site_kinds": ["school"]}, "applies_to"),
                                           ({"quota": "2"}, "quota"), ({"kinds": ["banner"]}, "kinds")])
def test_a_case_rule_is_on_villages_with_quota_1_and_no_activity_kinds(town, change, field):
    rule = rules.Rule(**{"key": "bad", "name_zh": "电诈案件", "applies_to": "village", "measure": "cases_fall_yoy",
                         **change})
    with pytest.raises(ValidationError) as caught:
        rules.create(town["campaign"].id, rule)
    assert field in {e.field for e in caught.value.errors}


def test_the_gap_reads_naturally_in_chinese(town, qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    try:
        result = _compute(town, periods.month(2026, 11))
        october = _compute(town, periods.month(2026, 10))
        texts = [g.text for g in gaps.gap_list(result, rule_key="yoy")]
        assert texts == ["太平村：电诈案件同比未下降：本期12起，去年同期10起"]
        found = {g.unit_name: g.text for g in gaps.gap_list(october, rule_key="yoy")}
        assert found["幸福社区"] == "幸福社区：电诈案件同比无对比数据：2025年10月未录入案件数"
    finally:
        i18n.install(qapp, "en")


def test_the_monthly_reports_gap_sheet_tells_the_figures_not_a_quota_of_1(town, qapp, tmp_path):
    from openpyxl import load_workbook

    from outreach_desk import i18n
    from outreach_desk.services.excel import report

    i18n.install(qapp, "zh_CN")
    try:
        workbook = load_workbook(report.build_report(tmp_path / "月报.xlsx", periods.month(2026, 10)).path)
    finally:
        i18n.install(qapp, "en")
    rows = [[c.value for c in row] for row in workbook["问题清单"].iter_rows(min_row=2)]
    yoy = {row[3]: row for row in rows if row[2] == "电诈案件yoy"}
    assert yoy["太平村"][5:] == [None, "少于去年同期", None, "太平村：电诈案件同比未下降：本期15起，去年同期9起"]
    assert yoy["幸福社区"][5:7] == ["无对比数据", "少于去年同期"]


def test_several_periods_at_once_judge_as_each_alone(town):
    keys = [key for key, _m, _p in CASE_RULES]
    together = engine.compute_many([periods.month(2026, 10), periods.month(2026, 11)], campaign=town["campaign"],
                                   rule_keys=keys)
    for result, month in zip(together, (10, 11)):
        alone = _compute(town, periods.month(2026, month))
        assert [u.as_dict() for u in result.units] == [u.as_dict() for u in alone.units]
    assert _status(together[0], "yoy", town["village2"]) == engine.NO_DATA
    assert _status(together[1], "yoy", town["village2"]) == engine.MET


def test_the_folded_index_equals_the_engines_with_no_data_running_months_and_phases(town):
    """``indexes.village_indexes`` judges case rules without building their units (case_measures.index_pending):
    each village's index equals a full computation's, to the last bit, for months with and without figures, a
    running month, a phase and the campaign to date, several periods in one pass."""
    from outreach_desk.services.coverage import indexes

    keys = [key for key, _m, _p in CASE_RULES]
    campaign = town["campaign"]
    chosen = [periods.month(2026, 10), periods.month(2026, 11), periods.month(2026, 12), periods.month(2026, 7),
              periods.Period("phase", D(2026, 8, 1), D(2026, 11, 30), "集中攻坚"),
              periods.to_date(campaign, D(2026, 11, 20)), periods.to_date(campaign, D(2026, 12, 7))]
    folded = indexes.village_indexes(chosen, campaign=campaign, rule_keys=keys)
    found = [[(v[0], table.index[v[0]]) for v in table.villages] for table in folded]
    assert found == [[(v.id, v.index) for v in engine.compute(p, campaign=campaign, rule_keys=keys).villages]
                     for p in chosen]
    # November: 太平村 同比 not met, 环比 met; 幸福社区 both met; the phase August-November (over with November)
    # has no figures for April-July: 0 for both. October: no September figures (环比 无对比数据, counted 0),
    # 太平村 同比 not met, 幸福社区 同比 without October 2025's; the phase is running then (not judged)
    assert found[1] == [(town["village1"], (0 + 1 + 0) / 3), (town["village2"], (1 + 1 + 0) / 3)]
    assert found[0] == [(town["village1"], 0.0), (town["village2"], 0.0)]
    assert {index for _v, index in found[2]} == {None}                        # December is running: nothing judged
