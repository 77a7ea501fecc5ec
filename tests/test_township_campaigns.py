"""Campaigns per township: one (county) database holds two townships with different campaigns, rules and
deadlines side by side, each township's coverage, close and ranking using its own; a township without one
is told so and may copy the county's or another township's; the township_campaigns migration gives old
campaigns to the only township, or leaves them shared in a database with several. Runs on PostgreSQL too
(test_server_township_campaigns.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from outreach_desk.services import ledger, organisation
from outreach_desk.services.coverage import campaigns, deadlines, engine, periods, rules
from outreach_desk.services.errors import ValidationError
from outreach_desk.services.submission import closing
from outreach_desk.services.supervision import rankings
from outreach_desk.store import DB, close_database, migrations, open_database

D = dt.date
NOVEMBER = "2026-11"


def _kind(code: str) -> int:
    return next(k.id for k in organisation.list_kinds() if k.code == code)


def _campaign(township_id: int | None, rule_set: str, deadline: campaigns.DeadlineInfo, name: str = "冬季行动"):
    return campaigns.create(campaigns.CampaignInfo(name, D(2026, 11, 1), D(2027, 1, 31), township_id=township_id,
                                                   rule_set=rule_set, deadlines=[deadline],
                                                   phases=campaigns.default_phases(D(2026, 11, 1), D(2027, 1, 31))))


@pytest.fixture
def county(store):
    """Two townships, each with a village, a banner in November and a campaign of the same name."""
    ids = {"pingan": organisation.add_township("平安镇"), "qingshi": organisation.add_township("青石镇")}
    ids["taiping"] = organisation.add_village(ids["pingan"], "太平村")
    ids["qingshi_cun"] = organisation.add_village(ids["qingshi"], "青石村")
    for village in (ids["taiping"], ids["qingshi_cun"]):
        ledger.create(ledger.ActivityInput(D(2026, 11, 3), village, _kind("banner")))
    ids["pingan_campaign"] = _campaign(ids["pingan"], "township",
                                       campaigns.DeadlineInfo("月报", D(2026, 12, 5), repeats="monthly"))
    ids["qingshi_campaign"] = _campaign(ids["qingshi"], "school", campaigns.DeadlineInfo("总结", D(2027, 1, 20)))
    return ids


def test_two_townships_keep_their_own_campaign_rules_and_deadlines(county):
    pingan, qingshi = campaigns.current(county["pingan"]), campaigns.current(county["qingshi"])
    assert (pingan.id, qingshi.id) == (county["pingan_campaign"], county["qingshi_campaign"])
    assert (pingan.township_id, qingshi.township_id) == (county["pingan"], county["qingshi"])
    assert pingan.name == qingshi.name == "冬季行动"
    assert {r.key for r in rules.list_rules(pingan.id)} == {r.key for r in rules.default_rules("township")}
    assert {r.key for r in rules.list_rules(qingshi.id)} == {r.key for r in rules.default_rules("school")}
    assert [d.title for d in deadlines.monthly_deadlines(pingan)] == ["月报"]
    assert deadlines.monthly_deadlines(qingshi) == []
    assert [c.id for c in campaigns.list_campaigns(county["qingshi"])] == [qingshi.id]


def test_coverage_close_and_ranking_of_a_township_use_its_own_campaign(county):
    month = periods.parse_month(NOVEMBER)
    for township, campaign_id, rule_set in ((county["pingan"], county["pingan_campaign"], "township"),
                                            (county["qingshi"], county["qingshi_campaign"], "school")):
        result = engine.compute(month, scope=engine.Scope(township_id=township))
        assert result.campaign.id == campaign_id and {u.township_id for u in result.units} == {township}
        document = closing.coverage_document(township, month)
        enabled = {r.key for r in rules.default_rules(rule_set) if r.enabled}
        assert document["campaign"]["id"] == campaign_id and {r["key"] for r in document["rules"]} == enabled
        assert rankings.rank(month, scope=engine.Scope(township_id=township)).result.campaign.id == campaign_id
    village_scope = engine.compute(month, scope=engine.Scope(village_id=county["qingshi_cun"]))
    assert village_scope.campaign.id == county["qingshi_campaign"]


def test_closing_a_townships_month_marks_only_its_own_monthly_report_sent(county, tmp_path):
    report = tmp_path / "月报.xlsx"
    report.write_bytes(b"sent")
    _campaign(county["qingshi"], "school", campaigns.DeadlineInfo("月报", D(2026, 12, 5), repeats="monthly"),
              "春季行动")
    campaigns.set_current(campaigns.find("春季行动", county["qingshi"]).id)
    closing.close_month(county["qingshi"], NOVEMBER, report_path=report, recipient="县反诈中心", clerk="赵六")

    def sent(township: int) -> set[str]:
        return {o.month for o in deadlines.occurrences(campaigns.current(township)) if o.sent_on is not None}

    assert (sent(county["qingshi"]), sent(county["pingan"])) == ({NOVEMBER}, set())
    closing.close_month(county["pingan"], NOVEMBER, report_path=report, recipient="县反诈中心", clerk="王芳")
    assert sent(county["pingan"]) == {NOVEMBER}


def test_the_current_campaign_switches_and_falls_back_within_its_township(county):
    spring = _campaign(county["pingan"], "township", campaigns.DeadlineInfo("总结", D(2027, 1, 20)), "春季行动")
    assert campaigns.current(county["pingan"]).id == county["pingan_campaign"]
    campaigns.set_current(spring)
    assert campaigns.current(county["pingan"]).id == spring
    assert campaigns.current(county["qingshi"]).id == county["qingshi_campaign"]
    campaigns.delete(spring)
    assert campaigns.current(county["pingan"]).id == county["pingan_campaign"]
    campaigns.delete(county["qingshi_campaign"])
    assert campaigns.current(county["qingshi"]) is None
    assert campaigns.current(county["pingan"]).id == county["pingan_campaign"]


def test_a_name_is_unique_within_its_township_and_found_by_township(county):
    with pytest.raises(ValidationError):
        _campaign(county["pingan"], "township", campaigns.DeadlineInfo("总结", D(2027, 1, 20)))
    assert campaigns.find("冬季行动", county["qingshi"]).id == county["qingshi_campaign"]
    with pytest.raises(ValidationError, match="2 townships"):
        campaigns.find("冬季行动")
    campaigns.update(county["qingshi_campaign"], campaigns.get(county["qingshi_campaign"]))
    assert campaigns.get(county["qingshi_campaign"]).name == "冬季行动"


def test_a_township_without_its_own_is_told_so_and_may_copy_another(county, qapp):
    from outreach_desk import i18n

    chengguan = organisation.add_township("城关镇")
    organisation.add_village(chengguan, "城东社区")
    i18n.install(qapp, "zh_CN")
    try:
        with pytest.raises(campaigns.NoCampaignError) as told:
            campaigns.require_current(chengguan)
    finally:
        i18n.install(qapp, "en")
    assert str(told.value).startswith("城关镇还没有自己的专项行动。") and told.value.township_id == chengguan
    copied = campaigns.copy_to(county["qingshi_campaign"], chengguan)
    copy, source = campaigns.get(copied), campaigns.get(county["qingshi_campaign"])
    assert copy.township_id == chengguan and copy.is_current and campaigns.current(chengguan).id == copied
    assert (copy.name, copy.start, copy.end, copy.rule_set) == (source.name, source.start, source.end, "school")
    assert [(p.name, p.start, p.end) for p in copy.phases] == [(p.name, p.start, p.end) for p in source.phases]
    assert [(d.title, d.due, d.repeats) for d in copy.deadlines] == [(d.title, d.due, d.repeats)
                                                                     for d in source.deadlines]
    copied_rules = rules.list_rules(copied)
    assert [(r.key, r.quota, r.kinds, r.enabled) for r in copied_rules] == [
        (r.key, r.quota, r.kinds, r.enabled) for r in rules.list_rules(source.id)]
    rules.set_enabled(copied_rules[0].id, not copied_rules[0].enabled)
    assert rules.list_rules(source.id)[0].enabled == copied_rules[0].enabled != rules.get(copied_rules[0].id).enabled


def test_the_countys_shared_campaign_serves_a_township_without_its_own(county):
    chengguan = organisation.add_township("城关镇")
    shared = _campaign(None, "township", campaigns.DeadlineInfo("总结", D(2027, 1, 20)), "全县冬季行动")
    assert campaigns.get(shared).township_id is None and campaigns.get(shared).is_current
    assert campaigns.current(chengguan).id == shared
    assert campaigns.current(county["pingan"]).id == county["pingan_campaign"]
    assert campaigns.current().id == shared  # the county's own view
    assert {c.id for c in campaigns.list_campaigns(chengguan)} == {shared}
    assert campaigns.find("全县冬季行动", county["pingan"]).id == shared


# ---------------------------------------------------------------------------- the township_campaigns migration
@pytest.fixture
def empty_target(db_path):
    """Where a store is built step by step: a new SQLite file (a new empty server database on PostgreSQL)."""
    return db_path


def _store_before_it(target, monkeypatch, townships: list[str]) -> None:
    """A store migrated to the version before township_campaigns with ``townships`` and one campaign, then closed."""
    every = migrations.steps
    version = next(s.version for s in every() if s.name == "township_campaigns")
    monkeypatch.setattr(migrations, "steps", lambda folder=None: [s for s in every(folder) if s.version < version])
    open_database(target)
    p = DB.param
    for name in townships:
        DB.execute_sql(f"INSERT INTO township (name, office_name, uuid) VALUES ({p}, '', {p})", (name, name))
    DB.execute_sql(f"INSERT INTO campaign (name, theme, start_date, end_date, is_current, notes, created_at, uuid) "
                   f"VALUES ({p}, '', {p}, {p}, {p}, '', {p}, {p})",
                   ("秋季行动", D(2026, 9, 1), D(2026, 12, 31), True, dt.datetime(2026, 9, 1), "old"))
    close_database()
    monkeypatch.setattr(migrations, "steps", every)


def test_migration_gives_the_old_campaigns_to_the_only_township(empty_target, monkeypatch):
    _store_before_it(empty_target, monkeypatch, ["平安镇"])
    open_database(empty_target)
    try:
        township = organisation.find_township_id("平安镇")
        old = campaigns.current(township)
        assert (old.name, old.township_id) == ("秋季行动", township)
        assert campaigns.current().id == old.id
        second = organisation.add_township("青石镇")
        _campaign(second, "township", campaigns.DeadlineInfo("总结", D(2027, 1, 20)), "秋季行动")
        assert campaigns.current(township).id == old.id
    finally:
        close_database()


def test_migration_leaves_the_old_campaigns_shared_in_a_county_database(empty_target, monkeypatch):
    _store_before_it(empty_target, monkeypatch, ["平安镇", "青石镇"])
    open_database(empty_target)
    try:
        old = campaigns.current(organisation.find_township_id("青石镇"))
        assert (old.name, old.township_id) == ("秋季行动", None)
        own = _campaign(organisation.find_township_id("平安镇"), "township",
                        campaigns.DeadlineInfo("总结", D(2027, 1, 20)), "秋季行动")
        assert campaigns.current(organisation.find_township_id("平安镇")).id == own
        assert campaigns.current(organisation.find_township_id("青石镇")).id == old.id
    finally:
        close_database()
