"""The demo generator's coverage step: a current campaign with the county's default rules (the township's and
plan 6's fraud cases falling), surveys and letters; the demo's police figures judge the case targets."""

from __future__ import annotations

import datetime as dt


def test_demo_township_has_a_campaign_surveys_and_letters(store):
    from outreach_desk.services import demo
    from outreach_desk.services.coverage import campaigns, engine, gaps, letters, periods, rules, surveys

    summary = demo.generate("township", seed=3)
    campaign = campaigns.current()
    assert campaign is not None and (campaign.start, campaign.end) == (demo.CAMPAIGN_START, demo.CAMPAIGN_END)
    assert [p.name for p in campaign.phases] == ["动员部署", "集中攻坚", "总结验收"]
    assert campaign.rule_set == "county"     # the campaign every township of the database shares
    keys = [r.key for r in rules.list_rules(campaign.id, enabled_only=True)]
    assert len(keys) == 15 and keys[-2:] == ["cases_fall_yoy_per_village", "cases_fall_mom_per_village"]
    surveyed = surveys.figures_by_village(campaign.start, campaign.end)
    assert 0 < len(surveyed) < len(summary.villages)            # some villages have no data
    assert all(f.aware <= f.respondents for f in surveyed.values())
    assert letters.figures_by_school(campaign.start, campaign.end)
    counts = dict(summary.extra)
    assert counts["Awareness surveys"] == len(surveys.list_surveys())
    result = engine.compute(periods.to_date(campaign, dt.date(2026, 11, 30)), campaign=campaign)
    (township,) = result.townships
    assert 0.5 < township.index < 1.0
    assert gaps.gap_list(result)
    november = engine.compute(periods.month(2026, 11), campaign=campaign)
    for key in ("cases_fall_yoy_per_village", "cases_fall_mom_per_village"):
        judged = [a for unit in november.units_of(key) for a in unit.assessments]
        assert len(judged) == len(summary.villages) and all(a.measure is not None for a in judged), key
        assert 0 < sum(a.measure for a in judged) < len(judged), "some villages' cases fell, not all"


def test_demo_is_reproducible(tmp_path):
    from outreach_desk.services import demo
    from outreach_desk.services.coverage import surveys
    from outreach_desk.store import close_database, open_database

    figures = []
    for name in ("a.db", "b.db"):
        open_database(tmp_path / name)
        demo.generate("township", seed=5)
        figures.append([(s.village_name, s.date, s.respondents, s.aware) for s in surveys.list_surveys()])
        close_database()
    assert figures[0] == figures[1]
