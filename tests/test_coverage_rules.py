"""Target rules: the quota language (safe, validated), rule validation, storage and the default set."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from outreach_desk.services.coverage import expression


@pytest.mark.parametrize("source, values, expected", [
    ("entrances + elevators", {"entrances": 4, "elevators": 2}, 6),
    ("households / 50", {"households": 120}, 2.4),
    ("max(1, households / 50)", {"households": 20}, 1),
    ("min(students, 100)", {"students": 300}, 100),
    ("-(2 - 3) * 4", {}, 4),
    ("3 - (2 - 1)", {}, 2),
    ("12 / 4 / 3", {}, 1),
    ("classes / entrances", {"classes": 3, "entrances": 0}, None),
])
def test_expressions_evaluate(source, values, expected):
    node = expression.parse(source, "site")
    result = node.evaluate(values)
    assert result == pytest.approx(expected) if expected is not None else result is None


@pytest.mark.parametrize("source, canonical", [
    ("entrances+elevators", "entrances + elevators"),
    ("(((1)))", "1"),
    ("3-(2-1)", "3 - (2 - 1)"),
    ("(3-2)-1", "3 - 2 - 1"),
    ("2*(entrances+1)", "2 * (entrances + 1)"),
    ("max( 1 ,households/50 )", "max(1, households / 50)"),
])
def test_canonical_text_round_trips(source, canonical):
    node = expression.parse(source, "site")
    assert node.text() == canonical
    assert expression.parse(canonical, "site") == node


@pytest.mark.parametrize("source, fragment", [
    ("entrances + lifts", "\"lifts\" is not an attribute"),
    ("students", "\"students\" is not an attribute of villages"),
    ("entrances +", "ends too early"),
    ("__import__('os')", "\"'\" is not allowed"),
    ("open(1, 2)", "\"open\" is not an attribute"),
    ("2 ** 3", "unexpected \"*\""),
    ("1; drop table activity", "\";\" is not allowed"),
    ("min(1)", "needs at least two values"),
    ("(" * 25 + "1" + ")" * 25, "too many nested brackets"),
    ("", "enter a number"),
    ("99999999999", "too large"),
])
def test_bad_expressions_are_refused_with_a_clear_message(source, fragment):
    with pytest.raises(expression.ExpressionError) as info:
        expression.parse(source, "village" if source == "students" else "site")
    assert fragment in str(info.value)
    assert f"Quota \"{source.strip()}\"" in str(info.value)


def test_member_units_have_no_attributes():
    with pytest.raises(expression.ExpressionError):
        expression.parse("households", "member_unit")
    assert expression.parse("2", "member_unit").evaluate({}) == 2


@pytest.mark.parametrize("raw, quota", [(None, 0), (-3, 0), (0, 0), (0.2, 1), (2.4, 3), (6, 6), (6.0000000001, 6)])
def test_quota_rounds_up_and_never_goes_below_zero(raw, quota):
    assert expression.quota_of(raw) == quota


def test_expressions_compile_to_sql_that_agrees_with_python(store):
    values = {"entrances": 3, "elevators": 0, "households": 125, "residents": 7, "students": 10, "classes": 4}
    columns = ", ".join(f"{v} AS {k}" for k, v in values.items())
    for source in ("entrances + elevators", "households / 50", "max(1, households / 50)", "min(students, classes * 2)",
                   "-(residents - 10) * 2", "students / elevators", "max(1, students / elevators)"):
        node = expression.parse(source, "site")
        (sql_value,) = store.execute_sql(f"SELECT {node.sql('u')} FROM (SELECT {columns}) u").fetchone()
        python_value = node.evaluate(values)
        assert (sql_value is None) == (python_value is None), source
        if python_value is not None:
            assert sql_value == pytest.approx(python_value), source


def test_render_names_each_attribute_with_its_value():
    node = expression.parse("entrances + elevators", "site")
    assert node.render({"entrances": 4, "elevators": 2}) == "Entrances 4 + Elevators 2"


def _rule(**changes):
    from outreach_desk.services.coverage.rules import Rule

    base = dict(key="poster_rule", name_zh="海报", applies_to="site", measure="quantity", quota="entrances",
                site_kinds=["residential_block"], kinds=["poster"])
    base.update(changes)
    return Rule(**base)


@pytest.mark.parametrize("changes, field", [
    ({"key": "Poster Rule"}, "key"),
    ({"name_zh": "  "}, "name"),
    ({"applies_to": "county"}, "applies_to"),
    ({"site_kinds": []}, "site_kinds"),
    ({"site_kinds": ["castle"]}, "site_kinds"),
    ({"applies_to": "village", "quota": "1"}, "site_kinds"),
    ({"kinds": []}, "kinds"),
    ({"kinds": ["carrier_pigeon"]}, "kinds"),
    ({"measure": "vibes"}, "measure"),
    ({"period": "fortnight"}, "period"),
    ({"quota": "entrances + lifts"}, "quota"),
    ({"measure": "awareness", "kinds": [], "quota": "80"}, "applies_to"),
    ({"measure": "letters_signed", "applies_to": "village", "site_kinds": [], "kinds": []}, "applies_to"),
    ({"measure": "awareness", "applies_to": "village", "site_kinds": [], "kinds": [], "quota": "180"}, "quota"),
    ({"measure": "awareness", "applies_to": "village", "site_kinds": [], "kinds": [], "quota": "households"}, "quota"),
])
def test_rule_validation_names_the_field(store, changes, field):
    from outreach_desk.services.coverage import rules

    errors = rules.validate(_rule(**changes))
    assert field in {e.field for e in errors}


def test_default_rules_reproduce_the_plans_targets(store):
    from outreach_desk.paths import db_dir
    from outreach_desk.services.coverage import rules

    defaults = rules.default_rules()
    keys = [r.key for r in defaults]
    assert keys == [
        "column_per_village", "info_point_per_village", "column_per_member_unit", "info_point_per_member_unit",
        "banner_per_block", "display_window_per_block", "poster_per_entrance_elevator", "monthly_event_per_village",
        "prize_quiz_per_village", "parent_letters_signed", "awareness_rate", "household_reach",
        "app_registration_assigned",
    ]
    assert all(rules.validate(r) == [] for r in defaults)
    # plan 5's class meeting and board per college are a university's, not every primary school's in a township
    assert [r.key for r in rules.default_rules("university")] == [
        "awareness_rate", "class_meeting_per_school", "board_per_school"]
    school = rules.default_rules("school")
    assert [r.key for r in school] == ["parent_letters_signed", "awareness_rate", "board_per_school",
                                       "class_meeting_per_class"]
    assert next(r for r in school if r.key == "class_meeting_per_class").quota == "classes"
    assert all(rules.validate(r) == [] for r in school)
    # plan 6's cases falling 同比 and 环比 are the county's, on top of the townships' targets, not a township's own
    county = rules.default_rules("county")
    assert [r.key for r in county] == keys + ["cases_fall_yoy_per_village", "cases_fall_mom_per_village"]
    assert [(r.measure, r.period, r.applies_to, r.quota) for r in county[-2:]] == [
        ("cases_fall_yoy", "month", "village", "1"), ("cases_fall_mom", "month", "village", "1")]
    assert all(rules.validate(r) == [] for r in county)
    by_key = {r.key: r for r in defaults}
    assert by_key["poster_per_entrance_elevator"].quota == "entrances + elevators"
    assert by_key["monthly_event_per_village"].period == "month"
    assert by_key["awareness_rate"].quota == "80"
    assert by_key["household_reach"].quota == "households"
    assert by_key["app_registration_assigned"].quota == 'assigned("APP注册")'
    raw = json.loads((db_dir() / "seed" / "default_rules.json").read_text(encoding="utf-8"))
    assert all(entry["basis"] for entry in raw)


def test_rules_are_stored_per_campaign_and_edited(store):
    from outreach_desk.services.coverage import campaigns, rules
    from outreach_desk.services.errors import ValidationError

    first = campaigns.create(campaigns.CampaignInfo("一", dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    second = campaigns.create(campaigns.CampaignInfo("二", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
                              with_default_rules=False)
    assert len(rules.list_rules(first)) == 13 and rules.list_rules(second) == []
    rule_id = rules.create(second, _rule(quota="entrances+elevators"))
    stored = rules.get(rule_id)
    assert (stored.quota, stored.kinds, stored.site_kinds, stored.name_en) == (
        "entrances + elevators", ["poster"], ["residential_block"], "海报")
    with pytest.raises(ValidationError) as info:
        rules.create(second, _rule())
    assert "key" in info.value.by_field()
    rules.update(rule_id, _rule(kinds=["poster", "banner"], quota="2"))
    assert rules.get(rule_id).kinds == ["banner", "poster"]     # catalogue order
    rules.set_enabled(rule_id, False)
    assert rules.list_rules(second, enabled_only=True) == []
    removed = rules.delete(rule_id)
    assert removed.key == "poster_rule" and rules.list_rules(second) == []
    assert rules.load_defaults(second) and len(rules.load_defaults(second)) == 0


def test_labels_are_accepted_and_stored_as_codes(store, monkeypatch):
    from outreach_desk.services import vocab
    from outreach_desk.services.coverage import campaigns, rules

    labels = {"entrances": "出入口", "elevators": "电梯间"}
    monkeypatch.setattr(vocab, "attribute_label", lambda code: labels.get(code, code))
    campaign_id = campaigns.create(campaigns.CampaignInfo("三", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
                                   with_default_rules=False)
    rule_id = rules.create(campaign_id, _rule(quota="出入口 + 电梯间"))
    assert rules.get(rule_id).quota == "entrances + elevators"


@pytest.mark.parametrize("start, end", [
    (dt.date(2026, 11, 1), dt.date(2027, 2, 28)),
    (dt.date(2026, 7, 1), dt.date(2026, 11, 30)),
    (dt.date(2026, 6, 1), dt.date(2026, 8, 31)),
    (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    (dt.date(2026, 3, 10), dt.date(2026, 4, 20)),
])
def test_default_phases_keep_all_three_phases_in_order_for_campaigns_of_a_few_months(start, end):
    from outreach_desk.services.coverage import campaigns

    phases = campaigns.default_phases(start, end)
    assert len(phases) == 3
    assert phases[0].start == start and phases[-1].end == end
    for before, after in zip(phases, phases[1:]):
        assert before.start <= before.end < after.start == before.end + dt.timedelta(days=1)


def test_a_campaign_ending_before_it_starts_is_told_so_once_not_once_per_phase():
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.services.coverage.campaigns import CampaignInfo

    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    info = CampaignInfo("专项行动", end, start, phases=campaigns.default_phases(start, end))
    assert [e.field for e in campaigns.validate(info)] == ["end"]


def test_campaign_remembers_its_rule_set_for_restoring_defaults(store):
    from outreach_desk.services.coverage import campaigns, rules
    from outreach_desk.services.errors import ValidationError

    university = campaigns.create(campaigns.CampaignInfo("高校宣传月", dt.date(2026, 5, 19), dt.date(2026, 5, 24),
                                                         rule_set="university"))
    assert campaigns.get(university).rule_set == "university"
    keys = [r.key for r in rules.list_rules(university)]
    assert keys == ["awareness_rate", "class_meeting_per_school", "board_per_school"]
    rules.delete(rules.list_rules(university)[1].id)
    assert [rules.get(i).key for i in rules.load_defaults(university)] == ["class_meeting_per_school"]
    with pytest.raises(ValidationError) as info:
        campaigns.create(campaigns.CampaignInfo("坏", dt.date(2026, 1, 1), dt.date(2026, 2, 1), rule_set="bank"))
    assert "rule_set" in info.value.by_field()
