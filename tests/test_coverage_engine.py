"""The coverage engine on a hand-built township, every default rule worked out by hand.

平安镇, campaign 2026-07-01 .. 2026-12-31 (phases: July, August-November, December):

- 太平村 (village, 320 households): 格林小学 (school, 300 students), 太平纺织厂 (factory, 2 entrances)
- 幸福社区 (community, 900 households): 幸福小区 (block, 4 entrances + 2 elevators),
  老街平房 (block, no entrance and no elevator recorded: poster quota 0)
- member units 平安派出所 and 平安司法所

The chosen month is October 2026. Records dated before the campaign (June) and after October
(November) must not count for October. board_per_school is disabled. 太平村 holds no lecture
in September (a month with no activity); 幸福社区's survey had zero respondents.
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def build_town() -> dict:
    """Create the township, its campaign (default rules) and its records; return the ids."""
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import campaigns, letters, rules, surveys

    t = org.add_township("平安镇", "平安镇综治办")
    taiping = org.add_village(t, "太平村", "village", households=320, residents=1100)
    xingfu = org.add_village(t, "幸福社区", "community", households=900, residents=2600)
    school = org.add_site(taiping, "格林小学", "school", students=300, classes=12)
    factory = org.add_site(taiping, "太平纺织厂", "factory", entrances=2)
    block = org.add_site(xingfu, "幸福小区", "residential_block", entrances=4, elevators=2, households=240)
    old_block = org.add_site(xingfu, "老街平房", "residential_block")
    police = org.add_member_unit(t, "平安派出所")
    justice = org.add_member_unit(t, "平安司法所")
    k = {kind.code: kind.id for kind in org.list_kinds()}
    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "平安镇2026年防范电信网络诈骗专项行动", D(2026, 7, 1), D(2026, 12, 31), theme="防诈骗、不参与",
        phases=[campaigns.PhaseInfo("动员部署", D(2026, 7, 1), D(2026, 7, 31)),
                campaigns.PhaseInfo("集中攻坚", D(2026, 8, 1), D(2026, 11, 30)),
                campaigns.PhaseInfo("总结验收", D(2026, 12, 1), D(2026, 12, 31))]))
    rules.load_defaults(campaign_id, "university")  # adds plan 5's class meeting and board per school
    board = next(r for r in rules.list_rules(campaign_id) if r.key == "board_per_school")
    rules.set_enabled(board.id, False)

    def log(day, village, kind, quantity=1, site=None, unit=None, people=0):
        ledger.create(ledger.ActivityInput(day, village, k[kind], quantity=quantity, people=people, site_id=site,
                                           member_unit_id=unit))

    log(D(2026, 6, 20), taiping, "column")                      # before the campaign: never counts
    log(D(2026, 7, 5), xingfu, "column")
    log(D(2026, 7, 12), xingfu, "column", unit=police)
    log(D(2026, 7, 10), taiping, "info_point", unit=police)
    log(D(2026, 8, 1), xingfu, "info_point", site=block)
    log(D(2026, 7, 15), xingfu, "banner", 2, site=block)
    log(D(2026, 9, 1), taiping, "banner", site=factory)
    log(D(2026, 10, 12), taiping, "display_window", site=factory)
    log(D(2026, 11, 5), xingfu, "display_window", site=block)   # after October
    log(D(2026, 8, 10), xingfu, "poster", 3, site=block)        # 3 of 4 + 2 = 6
    log(D(2026, 9, 10), taiping, "poster", 5, site=factory)     # 5 at a factory needing 2 counts 2
    for day in (D(2026, 7, 20), D(2026, 8, 20), D(2026, 10, 15), D(2026, 11, 10)):  # none in September
        log(day, taiping, "lecture", people=60)
    log(D(2026, 7, 8), xingfu, "cultural_event", people=200)
    log(D(2026, 11, 2), xingfu, "cultural_event", people=150)   # after October
    log(D(2026, 9, 20), taiping, "prize_quiz", people=40)
    log(D(2026, 11, 20), xingfu, "prize_quiz", people=80)       # after October
    log(D(2026, 8, 5), taiping, "home_visit", 200)
    log(D(2026, 10, 30), taiping, "home_visit", 40)
    log(D(2026, 9, 15), xingfu, "home_visit", 500, site=block)
    log(D(2026, 10, 10), xingfu, "home_visit", 500)
    log(D(2026, 10, 8), taiping, "class_meeting", site=school, people=45)
    log(D(2026, 10, 9), taiping, "leaflet", 300, people=280)    # counts for no rule
    letters.add(letters.LetterInput(school, D(2026, 9, 5), students=300, issued=300, signed=276))
    surveys.add(surveys.SurveyInput(taiping, D(2026, 10, 9), respondents=50, aware=36))
    surveys.add(surveys.SurveyInput(xingfu, D(2026, 10, 20), respondents=0, aware=0))
    return {"township": t, "taiping": taiping, "xingfu": xingfu, "school": school, "factory": factory,
            "block": block, "old_block": old_block, "police": police, "justice": justice, "campaign": campaign_id}


@pytest.fixture
def town(store):
    return build_town()


@pytest.fixture
def october(town):
    from outreach_desk.services.coverage import campaigns, engine, periods

    return engine.compute(periods.month(2026, 10), campaign=campaigns.get(town["campaign"]))


def unit(result, key, unit_id, unit_type=None):
    found = [u for u in result.units if u.rule_key == key and u.unit_id == unit_id
             and (unit_type is None or u.unit_type == unit_type)]
    assert len(found) == 1, (key, unit_id, found)
    return found[0]


def cell(area, key):
    c = area.cell(key)
    return (c.met, c.assessed, round(c.fulfilment_sum, 4))


# (rule key, unit type, unit name, measure, quota, status) for October, worked out by hand.
OCTOBER_UNITS = [
    ("column_per_village", "village", "taiping", 0, 1, "unmet"),        # only the June column
    ("column_per_village", "village", "xingfu", 2, 1, "met"),
    ("info_point_per_village", "village", "taiping", 1, 1, "met"),
    ("info_point_per_village", "village", "xingfu", 1, 1, "met"),      # set up at a site of the village
    ("column_per_member_unit", "member_unit", "police", 1, 1, "met"),
    ("column_per_member_unit", "member_unit", "justice", 0, 1, "unmet"),
    ("info_point_per_member_unit", "member_unit", "police", 1, 1, "met"),
    ("info_point_per_member_unit", "member_unit", "justice", 0, 1, "unmet"),
    ("banner_per_block", "site", "block", 2, 1, "met"),
    ("banner_per_block", "site", "factory", 1, 1, "met"),
    ("banner_per_block", "site", "old_block", 0, 1, "unmet"),
    ("display_window_per_block", "site", "block", 0, 1, "unmet"),       # November's does not count
    ("display_window_per_block", "site", "factory", 1, 1, "met"),
    ("display_window_per_block", "site", "old_block", 0, 1, "unmet"),
    ("poster_per_entrance_elevator", "site", "block", 3, 6, "unmet"),
    ("poster_per_entrance_elevator", "site", "factory", 5, 2, "met"),
    ("poster_per_entrance_elevator", "site", "old_block", 0, 0, "not_applicable"),
    ("monthly_event_per_village", "village", "taiping", 1, 1, "met"),
    ("monthly_event_per_village", "village", "xingfu", 0, 1, "unmet"),  # its event is on 2 November
    ("prize_quiz_per_village", "village", "taiping", 1, 1, "met"),
    ("prize_quiz_per_village", "village", "xingfu", 0, 1, "unmet"),
    ("parent_letters_signed", "site", "school", 276, 300, "unmet"),
    ("awareness_rate", "village", "taiping", 72.0, 80, "unmet"),
    ("awareness_rate", "village", "xingfu", None, 80, "no_data"),       # zero respondents
    ("household_reach", "village", "taiping", 240, 320, "unmet"),
    ("household_reach", "village", "xingfu", 1000, 900, "met"),
    ("app_registration_assigned", "village", "taiping", 0, 0, "not_applicable"),  # given no number
    ("app_registration_assigned", "village", "xingfu", 0, 0, "not_applicable"),
    ("class_meeting_per_school", "site", "school", 1, 1, "met"),
]
FULFILMENT = {"unmet": None, "met": 1.0, "not_applicable": None, "no_data": 0.0}


@pytest.mark.parametrize("key, unit_type, name, measure, quota, status", OCTOBER_UNITS)
def test_every_default_rule_per_unit_in_october(town, october, key, unit_type, name, measure, quota, status):
    result = unit(october, key, town[name], unit_type)
    (a,) = result.assessments
    assert a.quota == quota
    assert a.measure == pytest.approx(measure) if measure is not None else a.measure is None
    assert result.status == status
    expected = FULFILMENT[status] if status != "unmet" else min(measure or 0, quota) / quota
    assert result.fulfilment == pytest.approx(expected) if expected is not None else result.fulfilment is None


def test_units_judged_are_exactly_those_worked_out(october):
    assert len(october.units) == len(OCTOBER_UNITS)
    assert {r.key for r in october.rules} == {row[0] for row in OCTOBER_UNITS}


def test_disabled_rule_is_left_out(october):
    assert "board_per_school" not in {r.key for r in october.rules}
    assert all(u.rule_key != "board_per_school" for u in october.units)


def test_village_cells_and_compliance_index(town, october):
    taiping, xingfu = october.village(town["taiping"]), october.village(town["xingfu"])
    assert cell(taiping, "column_per_village") == (0, 1, 0.0)
    assert cell(taiping, "poster_per_entrance_elevator") == (1, 1, 1.0)
    assert cell(taiping, "parent_letters_signed") == (0, 1, 0.92)
    assert cell(taiping, "awareness_rate") == (0, 1, 0.9)
    assert cell(taiping, "household_reach") == (0, 1, 0.75)
    assert cell(xingfu, "banner_per_block") == (1, 2, 1.0)
    poster = xingfu.cell("poster_per_entrance_elevator")
    assert (poster.met, poster.assessed, poster.not_applicable, poster.fulfilment) == (0, 1, 1, 0.5)
    assert cell(xingfu, "awareness_rate") == (0, 1, 0.0)
    assert xingfu.cell("parent_letters_signed") is None            # no school: not part of its index
    assert taiping.cell("column_per_member_unit") is None           # member units count for the township
    # 太平村: 0 + 1 + 1 + 1 + 1 + 1 + 1 + .92 + .9 + .75 + 1 over 11 rules
    assert taiping.index == pytest.approx(9.57 / 11)
    # 幸福社区: 1 + 1 + .5 + 0 + .5 + 0 + 0 + 0 + 1 over 9 rules
    assert xingfu.index == pytest.approx(4.0 / 9)


def test_township_cells_and_compliance_index(town, october):
    (township,) = october.townships
    expected = {
        "column_per_village": (1, 2, 1.0), "info_point_per_village": (2, 2, 2.0),
        "column_per_member_unit": (1, 2, 1.0), "info_point_per_member_unit": (1, 2, 1.0),
        "banner_per_block": (2, 3, 2.0), "display_window_per_block": (1, 3, 1.0),
        "poster_per_entrance_elevator": (1, 2, 1.5), "monthly_event_per_village": (1, 2, 1.0),
        "prize_quiz_per_village": (1, 2, 1.0), "parent_letters_signed": (0, 1, 0.92),
        "awareness_rate": (0, 2, 0.9), "household_reach": (1, 2, 1.75), "class_meeting_per_school": (1, 1, 1.0),
        "app_registration_assigned": (0, 0, 0.0),
    }
    assert {key: cell(township, key) for key in township.cells} == expected
    assert township.cell("banner_per_block").share_met == pytest.approx(2 / 3)
    # the township's index is the mean of its villages' (9.57 / 11 and 4 / 9), member units aside
    assert township.index == pytest.approx((9.57 / 11 + 4.0 / 9) / 2)


def test_campaign_to_date_counts_november_and_judges_every_month(town):
    from outreach_desk.services.coverage import campaigns, engine, periods

    campaign = campaigns.get(town["campaign"])
    result = engine.compute(periods.to_date(campaign, D(2026, 11, 28)), campaign=campaign)
    assert unit(result, "display_window_per_block", town["block"]).status == "met"
    assert unit(result, "prize_quiz_per_village", town["xingfu"]).status == "met"
    taiping = unit(result, "monthly_event_per_village", town["taiping"])
    assert [a.window.label for a in taiping.assessments] == ["2026-7", "2026-8", "2026-9", "2026-10", "2026-11"]
    assert [a.measure for a in taiping.assessments] == [1, 1, 0, 1, 1]      # September: no activity
    assert taiping.status == "unmet" and taiping.fulfilment == pytest.approx(0.8)
    assert taiping.assessments[-1].window.end == D(2026, 11, 28)
    xingfu = unit(result, "monthly_event_per_village", town["xingfu"])
    assert [a.measure for a in xingfu.assessments] == [1, 0, 0, 0, 1]
    assert result.village(town["xingfu"]).cell("monthly_event_per_village").fulfilment_sum == pytest.approx(0.4)
    assert unit(result, "column_per_village", town["taiping"]).status == "unmet"   # June never counts


def test_phase_period_and_date_range(town):
    from outreach_desk.services.coverage import campaigns, engine, periods

    campaign = campaigns.get(town["campaign"])
    push = next(p for p in campaign.phases if p.name == "集中攻坚")
    result = engine.compute(periods.phase(campaign, push.id), campaign=campaign)
    monthly = unit(result, "monthly_event_per_village", town["taiping"])
    assert [a.window.label for a in monthly.assessments] == ["2026-8", "2026-9", "2026-10", "2026-11"]
    assert unit(result, "display_window_per_block", town["block"]).status == "met"
    # A range inside October: cumulative rules as of 20 October, October judged up to the 20th.
    result = engine.compute(periods.date_range(D(2026, 10, 16), D(2026, 10, 20)), campaign=campaign)
    (window,) = unit(result, "monthly_event_per_village", town["taiping"]).assessments
    assert (window.window.start, window.window.end, window.measure) == (D(2026, 10, 1), D(2026, 10, 20), 1)
    assert unit(result, "household_reach", town["taiping"]).assessments[0].measure == 200   # the 30th is later


def test_period_before_the_campaign_judges_nothing(town):
    from outreach_desk.services.coverage import campaigns, engine, periods

    result = engine.compute(periods.month(2026, 6), campaign=campaigns.get(town["campaign"]))
    assert result.units == []
    assert all(v.index is None for v in result.villages)


def test_phase_rule_is_judged_per_phase(town):
    from outreach_desk.services.coverage import campaigns, engine, periods, rules

    rules.create(town["campaign"], rules.Rule("lecture_each_phase", "每阶段至少1次宣讲会", "village", "records",
                                              period="phase", kinds=["lecture"]))
    campaign = campaigns.get(town["campaign"])
    result = engine.compute(periods.to_date(campaign, D(2026, 11, 28)), campaign=campaign,
                            rule_keys=["lecture_each_phase"])
    taiping = unit(result, "lecture_each_phase", town["taiping"])
    assert [(a.window.label, a.measure) for a in taiping.assessments] == [("动员部署", 1), ("集中攻坚", 3)]
    assert unit(result, "lecture_each_phase", town["xingfu"]).status == "unmet"


def test_village_scope_gives_the_same_figures(town, october):
    from outreach_desk.services.coverage import campaigns, engine, periods

    scoped = engine.compute(periods.month(2026, 10), campaign=campaigns.get(town["campaign"]),
                            scope=engine.Scope(village_id=town["xingfu"]))
    assert [v.id for v in scoped.villages] == [town["xingfu"]] and scoped.townships == []
    assert scoped.village(town["xingfu"]).index == pytest.approx(october.village(town["xingfu"]).index)
    assert {u.unit_type for u in scoped.units} == {"village", "site"}
    assert len(scoped.units) == len(october.units_of(village_id=town["xingfu"]))


def test_gap_texts_and_order(town, october):
    from outreach_desk.services.coverage import gaps

    found = gaps.gap_list(october)
    texts = [g.text for g in found]
    assert "幸福小区: 3 pieces of Poster still missing (Entrances 4 + Elevators 2 = 6, 3 so far)" in texts
    assert "幸福社区: no Lecture or Cultural event yet in 2026-10" in texts
    assert "格林小学: 24 parent letters not signed back (300 students, 276 signed)" in texts
    assert "太平村: 80 households of Home visit still missing (Households 320, 240 so far)" in texts
    assert "幸福社区: no awareness survey yet" in texts
    assert "太平村: awareness rate 72.0% is below 80% (36 of 50 respondents aware)" in texts
    assert "平安司法所: no Campaign column yet" in texts
    assert not any("老街平房" in t and "Poster" in t for t in texts)       # quota 0 asks for nothing
    targets = [g for g in found if g.rule_key != "evidence_photo"]  # the records lacking photos come last
    assert len(targets) == sum(1 for row in OCTOBER_UNITS if row[5] in ("unmet", "no_data"))
    found = targets
    distances = [g.distance for g in found]
    assert distances == sorted(distances, reverse=True)
    assert found[-1].text.startswith("格林小学")                          # 92 % there: the nearest
    by_village = gaps.gaps_by_village(october)
    assert {g.unit_name for g in by_village[town["taiping"]]} >= {"太平村", "格林小学"}
    assert {g.unit_name for g in by_village[None]} == {"平安司法所"}


def test_result_as_dict_names_rules_by_key(town, october):
    import json

    data = json.loads(json.dumps(october.as_dict(), default=str))
    assert [r["key"] for r in data["rules"]][:2] == ["column_per_village", "info_point_per_village"]
    taiping = next(v for v in data["villages"] if v["id"] == town["taiping"])
    assert taiping["rules"]["household_reach"]["fulfilment"] == pytest.approx(0.75)
    assert data["townships"][0]["index"] == pytest.approx(october.townships[0].index)


def test_no_campaign_is_a_clear_refusal(store):
    from outreach_desk.services.coverage import campaigns, engine, periods

    with pytest.raises(campaigns.NoCampaignError) as info:
        engine.compute(periods.month(2026, 10))
    assert "campaign add" in str(info.value)


def test_gap_texts_in_simplified_chinese(qapp, town):
    from outreach_desk import i18n
    from outreach_desk.services.coverage import campaigns, engine, gaps, periods

    i18n.install(qapp, "zh_CN")
    try:
        result = engine.compute(periods.month(2026, 10), campaign=campaigns.get(town["campaign"]))
        texts = [g.text for g in gaps.gap_list(result)]
    finally:
        i18n.install(qapp, "en")
    assert "幸福小区：还缺宣传海报 3 张（出入口 4 + 电梯间 2 = 6，已有 3）" in texts
    assert "幸福社区：2026年10月尚无现场宣讲会或文艺活动" in texts
    assert "格林小学：家长信未签回 24 份（学生 300 人，已签回 276 份）" in texts
    assert "幸福社区：尚未开展知晓率问卷调查" in texts


def test_monthly_gaps_come_in_calendar_order(town):
    from outreach_desk.services.coverage import campaigns, engine, gaps, periods

    campaign = campaigns.get(town["campaign"])
    result = engine.compute(periods.to_date(campaign, D(2026, 11, 28)), campaign=campaign)
    months = [g.window_start for g in gaps.gap_list(result, village_id=town["xingfu"],
                                                      rule_key="monthly_event_per_village")]
    assert months == [D(2026, 8, 1), D(2026, 9, 1), D(2026, 10, 1)]
