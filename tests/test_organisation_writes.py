"""The organisation's adds and updates against a real store: each level checks names, kinds and counts the same
way, refuses a name its parent already holds, and writes its record and its audit entry together or not at all."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from outreach_desk.services import organisation as org
from outreach_desk.services.errors import NotFoundError, ValidationError
from outreach_desk.store.models import AuditLog, MemberUnit, Site, Township, Village


def audit_count() -> int:
    return AuditLog.select(peewee.fn.COUNT(AuditLog.id)).scalar()


def refusal(call, *args, **kwargs) -> tuple[str, str]:
    """(field, message) of the ValidationError the call raises."""
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    (error,) = caught.value.errors
    return error.field, error.message


def test_names_and_free_texts_are_stored_trimmed_at_every_level(township):
    t = org.add_township("  安宁镇 ", "  安宁镇综治办  ")
    village = org.add_village(t, " 安宁村\t", "village", households=5)
    site = org.add_site(village, " 安宁小学 ", "school", students=40)
    unit = org.add_member_unit(t, " 安宁派出所 ", "  巡逻  ")
    assert (org.get_township(t).name, org.get_township(t).office_name) == ("安宁镇", "安宁镇综治办")
    assert org.get_village(village).name == "安宁村" and org.get_site(site).name == "安宁小学"
    assert [(u.name, u.duties) for u in org.list_member_units(t)] == [("安宁派出所", "巡逻")]
    org.update_township(t, office_name=" 综治中心 ")
    org.update_member_unit(unit, name=" 安宁司法所 ", duties=None)
    assert org.get_township(t).office_name == "综治中心" and org.get_township(t).name == "安宁镇"
    assert [(u.name, u.duties) for u in org.list_member_units(t)] == [("安宁司法所", "")]


@pytest.mark.parametrize("write", ["add", "update"])
def test_an_empty_or_overlong_name_is_refused_beside_the_name(township, write):
    calls = {
        "add": [lambda n: org.add_township(n), lambda n: org.add_village(township["township"], n),
                lambda n: org.add_site(township["village1"], n),
                lambda n: org.add_member_unit(township["township"], n)],
        "update": [lambda n: org.update_township(township["township"], name=n),
                   lambda n: org.update_village(township["village1"], name=n),
                   lambda n: org.update_site(township["school"], name=n),
                   lambda n: org.update_member_unit(township["unit"], name=n)],
    }[write]
    before = audit_count()
    for call in calls:
        assert refusal(call, "   ") == ("name", "The name must not be empty.")
        assert refusal(call, "村" * 101) == ("name", "The name is longer than 100 characters.")
    assert audit_count() == before
    assert org.get_site(township["school"]).name == "格林小学"


def test_a_name_is_unique_under_its_parent_only(township):
    assert refusal(org.add_township, "平安镇") == ("name", "A township named 平安镇 exists already.")
    assert refusal(org.add_village, township["township"], "太平村")[1] == (
        "A village or community named 太平村 exists already in this township.")
    assert refusal(org.add_site, township["village1"], "格林小学")[1] == (
        "A site named 格林小学 exists already in this village.")
    assert refusal(org.add_member_unit, township["township"], "平安派出所")[1] == (
        "A member unit named 平安派出所 exists already.")
    assert refusal(org.update_village, township["village2"], name="太平村")[0] == "name"
    assert refusal(org.update_site, township["factory"], name="格林小学")[0] == "name"
    other = org.add_township("安宁镇")
    assert refusal(org.update_township, other, name="平安镇")[0] == "name"
    # the same names under another parent are fine, and a record may keep its own name
    village = org.add_village(other, "太平村")
    org.add_site(township["village2"], "格林小学", "school")
    org.add_member_unit(other, "平安派出所")
    org.update_village(township["village1"], name="太平村", households=330)
    org.update_site(township["school"], name="格林小学")
    assert Village.select().where(Village.name == "太平村").count() == 2
    assert org.get_village(village).township_id == other
    assert org.get_village(township["village1"]).households == 330


def test_kinds_and_counts_are_checked_on_add_and_update(township):
    assert refusal(org.add_village, township["township"], "新村", "castle") == ("kind", "Unknown village kind.")
    assert refusal(org.update_village, township["village1"], kind="school") == ("kind", "Unknown village kind.")
    assert refusal(org.add_site, township["village1"], "新点", "castle") == ("kind", "Unknown site kind.")
    assert refusal(org.update_site, township["school"], kind="community") == ("kind", "Unknown site kind.")
    field, message = refusal(org.add_site, township["village1"], "新点", "factory", entrances=-1)
    assert field == "entrances" and "0 or more" in message
    assert refusal(org.update_village, township["village1"], residents="many")[0] == "residents"
    assert refusal(org.update_site, township["school"], students=2.5)[0] == "students"
    assert org.get_village(township["village1"]).kind == "village" and org.get_site(township["school"]).students == 300
    assert Site.select().where(Site.name == "新点").count() == 0 and Village.select().count() == 2


def test_an_update_of_a_record_that_is_gone_says_so(township):
    gone = {"township": 999, "village": 999, "site": 999, "member_unit": 999}
    with pytest.raises(NotFoundError, match="The township no longer exists."):
        org.update_township(gone["township"], name="无名镇")
    with pytest.raises(NotFoundError, match="The township no longer exists."):
        org.update_township(gone["township"])
    with pytest.raises(NotFoundError, match="The village no longer exists."):
        org.update_village(gone["village"], name="无名村")
    with pytest.raises(NotFoundError, match="The site no longer exists."):
        org.update_site(gone["site"], students=1)
    with pytest.raises(NotFoundError, match="The member unit no longer exists."):
        org.update_member_unit(gone["member_unit"], duties="无")
    assert Township.select().count() == 1 and MemberUnit.select().count() == 1


def test_each_write_leaves_one_entry_and_an_unchanged_update_none(township):
    start = audit_count()
    unit = org.add_member_unit(township["township"], "司法所")
    org.update_member_unit(unit, duties="普法")
    org.update_member_unit(unit, duties="普法")
    org.update_township(township["township"])
    org.update_site(township["factory"])
    assert audit_count() == start + 2


def test_a_failing_audit_entry_leaves_no_record_behind(township, monkeypatch):
    from outreach_desk.services import audit

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(audit, "record", broken)
    start = audit_count()
    with pytest.raises(RuntimeError):
        org.add_village(township["township"], "新村")
    with pytest.raises(RuntimeError):
        org.update_site(township["school"], students=310)
    with pytest.raises(RuntimeError):
        org.add_member_unit(township["township"], "司法所")
    assert Village.select().where(Village.name == "新村").count() == 0
    assert org.get_site(township["school"]).students == 300 and MemberUnit.select().count() == 1
    assert audit_count() == start


def test_deletes_are_refused_while_records_depend_then_take_them_along(township):
    from outreach_desk.services import ledger
    from outreach_desk.services.errors import InUseError
    from outreach_desk.store.models import Activity, ParentLetter

    kind = township["kinds"]["banner"]
    ledger.create(ledger.ActivityInput(dt.date(2026, 10, 8), township["village1"], kind, site_id=township["school"]))
    letter = ParentLetter.insert(site=township["school"], date=dt.date(2026, 10, 9), students=300, issued=300,
                                 signed=280).execute()
    start = audit_count()
    with pytest.raises(InUseError, match="格林小学 cannot be deleted: 0 site"):
        org.delete_site(township["school"])
    with pytest.raises(InUseError, match="平安镇 cannot be deleted: 2 village"):
        org.delete_township(township["township"])
    assert audit_count() == start and Activity.select().count() == 1
    deps = org.delete_site(township["school"], cascade=True)
    assert (deps.activities, deps.extra["parent_letters"]) == (1, 1)
    assert Activity.select().count() == 0 and not ParentLetter.select().where(ParentLetter.id == letter).exists()
    assert audit_count() == start + 3        # the activity, the letters and the site, each its own entry
    with pytest.raises(NotFoundError, match="The site no longer exists."):
        org.delete_site(township["school"])
    org.delete_township(township["township"], cascade=True)
    assert Township.select().count() == Village.select().count() == Site.select().count() == 0
    assert MemberUnit.select().count() == 0
