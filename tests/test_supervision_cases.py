"""Fraud-case figures and their 同比/环比 change, worked out by hand.

平安镇 (太平村, 幸福社区), November 2026 against November 2025 (同比) and October 2026 (环比):

=============  =====================  =====================  =====================
               2025-11                2026-10                2026-11
=============  =====================  =====================  =====================
太平村         4 cases, 10,000.00 元  2 cases, 3,000.50 元   1 case, 2,500.00 元
幸福社区       0 cases, 0 元          3 cases, 8,000.00 元   3 cases, 1,200.00 元
not placed     —                      1 case, 999.50 元      —
township       4, 10,000.00           6, 12,000.00           4, 3,700.00
=============  =====================  =====================  =====================

太平村: cases 同比 1 vs 4 = −75.0 %, 环比 1 vs 2 = −50.0 %; losses 同比 −75.0 %, 环比 2,500 vs 3,000.50 =
−16.68 %. 幸福社区: cases 同比 from 0 to 3 (no percentage), 环比 level; losses 同比 from 0 to 1,200.
Township: cases 同比 level (4 vs 4), 环比 4 vs 6 = −33.3 %; losses 同比 −63.0 %, 环比 −69.2 %.
December 2026 has no figures: not reported, never 0.
"""

from __future__ import annotations

import pytest

from outreach_desk.services.supervision import cases
from outreach_desk.services.supervision.cases import Figures


def F(count, yuan, dissuaded=0, frozen=0):
    return Figures(count, cases.yuan_to_fen(yuan), dissuaded, frozen)


@pytest.fixture
def town_cases(township):
    t, v1, v2 = township["township"], township["village1"], township["village2"]
    cases.save_month(t, 2025, 11, {v1: F(4, "10000"), v2: F(0, 0)})
    cases.save_month(t, 2026, 10, {v1: F(2, "3000.50", 5, 1), v2: F(3, 8000), None: F(1, "999.5")})
    cases.save_month(t, 2026, 11, {v1: F(1, 2500, 7, 2), v2: F(3, "1,200")})
    return township


def _by_name(result):
    return {c.name: c for c in result}


def test_same_month_last_year_and_previous_month_by_hand(town_cases):
    result = _by_name(cases.compare(town_cases["township"], 2026, 11))
    taiping, xingfu, town = result["太平村"], result["幸福社区"], result["平安镇"]
    assert taiping.cases_yoy.ratio == pytest.approx(-0.75) and taiping.cases_yoy.fell
    assert taiping.cases_mom.ratio == pytest.approx(-0.5)
    assert taiping.losses_yoy.ratio == pytest.approx(-0.75)
    assert taiping.losses_mom.ratio == pytest.approx((250000 - 300050) / 300050)
    assert taiping.cases_yoy.text() == "down 75.0%"
    assert taiping.losses_mom.text() == "down 16.7%"
    assert town.is_township and town.now == Figures(4, 370000, 7, 2)
    assert town.last_month == Figures(6, 1200000, 5, 1)
    assert town.cases_yoy.difference == 0 and town.cases_yoy.fell is False and town.cases_yoy.text() == "level"
    assert town.cases_mom.ratio == pytest.approx(-1 / 3)
    assert town.losses_yoy.ratio == pytest.approx(370000 / 1000000 - 1)
    assert town.losses_mom.ratio == pytest.approx(370000 / 1200000 - 1)
    assert xingfu.cases_mom.text() == "level"


def test_a_month_with_zero_cases_last_year_has_no_percentage(town_cases):
    xingfu = _by_name(cases.compare(town_cases["township"], 2026, 11))["幸福社区"]
    assert xingfu.last_year == Figures(0, 0)
    change = xingfu.cases_yoy
    assert change.base == 0 and change.difference == 3 and change.ratio is None and change.fell is False
    assert change.text() == "up from 0 to 3"
    assert xingfu.losses_yoy.text(money=True) == "up from 0 to 1,200"


def test_a_month_not_reported_is_not_zero(town_cases):
    result = _by_name(cases.compare(town_cases["township"], 2026, 12))
    town = result["平安镇"]
    assert town.now is None and town.cases_mom.now is None and town.cases_mom.base == 4
    assert town.cases_mom.fell is None and town.cases_mom.text() == "no figure to compare with"
    grid = cases.month_grid(town_cases["township"], 2026, 12)
    assert [row.figures for row in grid] == [None, None, None]
    assert grid[-1].village_id is None


def test_the_grid_saves_changes_only_and_audits_them(town_cases):
    from outreach_desk.services import audit

    t, v1, v2 = town_cases["township"], town_cases["village1"], town_cases["village2"]
    before = audit.entries(audit.AuditFilter(record_type=cases.RECORD_TYPE)).rows
    assert len(before) == 7
    assert cases.save_month(t, 2026, 11, {v1: F(1, 2500, 7, 2), v2: F(3, 1200)}) == 0  # the same again
    assert cases.save_month(t, 2026, 11, {v1: F(2, 2500, 7, 2), v2: None}) == 2
    grid = {row.name: row.figures for row in cases.month_grid(t, 2026, 11)}
    assert grid["太平村"].cases == 2 and grid["幸福社区"] is None
    entries = audit.entries(audit.AuditFilter(record_type=cases.RECORD_TYPE)).rows
    assert len(entries) == 9 and {e.action for e in entries[:2]} == {audit.UPDATE, audit.DELETE}


def test_bad_figures_are_refused_and_nothing_is_stored(town_cases):
    from outreach_desk.services.errors import ValidationError

    t, v1, v2 = town_cases["township"], town_cases["village1"], town_cases["village2"]
    with pytest.raises(ValidationError):
        cases.save_month(t, 2026, 9, {v1: F(1, 100), v2: Figures(-1, 0)})
    with pytest.raises(ValidationError):
        cases.save_month(t, 1999, 9, {v1: F(1, 100)})
    assert cases.month_figures(t, 2026, 9) == {}


def test_monthly_series_for_the_chart(town_cases):
    series = cases.monthly_cases(town_cases["township"], 2026)
    assert series[9] == (6, None) and series[10] == (4, 4) and series[11] == (None, None)


def test_yuan_are_kept_exactly():
    assert cases.yuan_to_fen("1,234.565") == 123457
    assert cases.format_yuan(123450) == "1,234.50" and cases.format_yuan(120000) == "1,200"
