"""Several periods judged at once (``engine.compute_many``) give each period exactly what ``compute`` gives it.

On the hand-built 平安镇 of ``test_coverage_engine`` and on the demo township, with periods that share
windows (campaign to date and its month, a phase and a month inside it, the same month twice), a range
whose months come in another order than the others', a period before the campaign, and every scope.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_coverage_engine import build_town

D = dt.date


def _periods(campaign):
    from outreach_desk.services.coverage import periods

    return [periods.month(2026, 10), periods.month(2026, 9), periods.to_date(campaign, D(2026, 11, 20)),
            periods.phase(campaign, campaign.phases[1].id), periods.date_range(D(2026, 6, 10), D(2026, 7, 31)),
            periods.month(2026, 11), periods.date_range(D(2026, 8, 15), D(2026, 10, 31)),
            periods.month(2026, 6), periods.month(2026, 10), periods.to_date(campaign, D(2026, 11, 13))]


def _same(many, one) -> None:
    assert many.period == one.period
    assert many.as_dict() == one.as_dict()
    assert [(v.id, v.index) for v in many.villages] == [(v.id, v.index) for v in one.villages]
    assert [(t.id, t.index) for t in many.townships] == [(t.id, t.index) for t in one.townships]


@pytest.mark.parametrize("scoped", ["all", "township", "village"])
def test_many_periods_equal_one_by_one_on_the_hand_built_township(store, scoped):
    from outreach_desk.services.coverage import campaigns, engine

    town = build_town()
    campaign = campaigns.get(town["campaign"])
    scope = {"all": engine.Scope(), "township": engine.Scope(township_id=town["township"]),
             "village": engine.Scope(village_id=town["xingfu"])}[scoped]
    chosen = _periods(campaign)
    results = engine.compute_many(chosen, campaign=campaign, scope=scope)
    assert len(results) == len(chosen)
    for many, period in zip(results, chosen):
        _same(many, engine.compute(period, campaign=campaign, scope=scope))
    june = results[chosen.index(chosen[7])]
    assert june.units == [] and all(v.index is None for v in june.villages)


def test_many_periods_equal_one_by_one_on_the_demo_township(store):
    from outreach_desk.services import demo
    from outreach_desk.services.coverage import campaigns, engine

    demo.generate("township", seed=2)
    campaign = campaigns.require_current()
    chosen = _periods(campaign)
    for many, period in zip(engine.compute_many(chosen, campaign=campaign), chosen):
        _same(many, engine.compute(period, campaign=campaign))
    assert any(r.unplaced for r in engine.compute_many(chosen, campaign=campaign))
    # unplaced records for some periods only (a ranking's previous period goes without): the others unchanged
    flags = [position % 3 != 1 for position in range(len(chosen))]
    for many, period, flag in zip(engine.compute_many(chosen, campaign=campaign, unplaced=flags), chosen, flags):
        _same(many, engine.compute(period, campaign=campaign) if flag
              else engine.compute_many([period], campaign=campaign, unplaced=False)[0])
        assert flag or (many.unplaced == [] and engine.compute(period, campaign=campaign).unplaced)


def test_results_of_one_call_share_no_mutable_parts(store):
    from outreach_desk.services.coverage import campaigns, engine, periods

    town = build_town()
    campaign = campaigns.get(town["campaign"])
    first, second = engine.compute_many([periods.month(2026, 10), periods.month(2026, 10)], campaign=campaign)
    first.units[0].assessments[0].attributes["households"] = -1
    first.units[0].assessments.clear()
    first.villages[0].cells.clear()
    _same(second, engine.compute(periods.month(2026, 10), campaign=campaign))


def test_more_periods_cost_no_more_statements(store):
    """One statement per rule whatever the number of periods: the months of a streak are not judged one by one."""
    from outreach_desk.services.coverage import campaigns, engine, periods
    from outreach_desk.store import DB

    town = build_town()
    campaign = campaigns.get(town["campaign"])
    engine.compute(periods.month(2026, 10), campaign=campaign)  # what is read once per database (tallies or not)
    statements: list[str] = []
    DB.connection().set_trace_callback(statements.append)
    try:
        engine.compute(periods.month(2026, 10), campaign=campaign)
        one = len(statements)
        statements.clear()
        engine.compute_many([periods.month(2026, month) for month in (10, 9, 8, 7)], campaign=campaign)
        four = len(statements)
    finally:
        DB.connection().set_trace_callback(None)
    assert four == one


def test_no_period_gives_no_result(store):
    from outreach_desk.services.coverage import campaigns, engine

    town = build_town()
    assert engine.compute_many([], campaign=campaigns.get(town["campaign"])) == []
