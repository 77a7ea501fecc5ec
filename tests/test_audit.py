"""The audit trail: each write of a record leaves exactly its entry (who, what, stored values before and
after) in the same transaction, cascades and imports leave one entry per record, and the page's queries
filter and page through the entries."""

from __future__ import annotations

import datetime as dt
import threading

import peewee
import pytest

from excel_samples import fill_template, good_activity
from outreach_desk.services import audit, clerk, demo, ledger, photos
from outreach_desk.services import organisation as org
from outreach_desk.services.coverage import campaigns, letters, rules, surveys
from outreach_desk.services.errors import NotFoundError
from outreach_desk.services.excel import import_rows, template
from outreach_desk.store import DB
from outreach_desk.store.models import Activity, AuditLog, Campaign, Survey, TargetRule

D = dt.date


@pytest.fixture(autouse=True)
def _no_actor():
    clerk.set_name("")
    yield
    clerk.set_name("")


def entries_after(mark: int) -> list:
    """Entries written since ``mark`` (an entry id), oldest first, with their values."""
    ids = [row[0] for row in AuditLog.select(AuditLog.id).where(AuditLog.id > mark).order_by(AuditLog.id).tuples()]
    return [audit.get(i) for i in ids]


def mark() -> int:
    return AuditLog.select(peewee.fn.MAX(AuditLog.id)).scalar() or 0


def activity_input(ids, **changes) -> ledger.ActivityInput:
    values = dict(date=D(2026, 10, 8), village_id=ids["village1"], site_id=ids["school"],
                  kind_id=ids["kinds"]["banner"], quantity=2, people=40, place_note="校门口", notes="悬挂两条")
    values.update(changes)
    return ledger.ActivityInput(**values)


def stored_json(model, record_id) -> dict:
    """The row as the store holds it now, as it reads back from JSON (dates as ISO text)."""
    import json

    return json.loads(audit.to_json(audit.row_values(model, record_id)))


# ---- who -----------------------------------------------------------------------------------------

def test_entries_carry_the_clerk_name_and_the_os_user(township):
    clerk.set_name("  李 会计 ")
    start = mark()
    ledger.create(activity_input(township))
    (entry,) = entries_after(start)
    assert entry.actor == "李 会计" and entry.os_user == audit.os_user() != ""
    assert abs(entry.at - dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)) < dt.timedelta(minutes=1)


def test_without_a_name_the_os_user_is_still_recorded(township):
    start = mark()
    ledger.create(activity_input(township))
    (entry,) = entries_after(start)
    assert entry.actor == "" and entry.who == audit.os_user()


def test_a_worker_thread_writes_under_the_same_name(township):
    clerk.set_name("王芳")
    start = mark()
    done = []

    def work():
        with DB.connection_context():
            done.append(ledger.create(activity_input(township)))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    (entry,) = entries_after(start)
    assert entry.record_id == done[0] and entry.actor == "王芳"


def test_the_os_user_never_fails(monkeypatch):
    def broken():
        raise OSError("no user")

    monkeypatch.setattr(audit, "_os_user", None)
    monkeypatch.setattr(audit.getpass, "getuser", broken)
    monkeypatch.setenv("USERNAME", "clerk-pc")
    assert audit.os_user() == "clerk-pc"


# ---- same transaction ----------------------------------------------------------------------------

def test_an_entry_is_refused_outside_a_transaction(store):
    with pytest.raises(RuntimeError):
        audit.record(audit.CREATE, "activity", 1, None, {"quantity": 1})
    assert AuditLog.select().count() == 0


def test_a_failing_audit_write_leaves_no_change_and_no_entry(township):
    record_id = ledger.create(activity_input(township))
    before = stored_json(Activity, record_id)
    start = mark()
    DB.execute_sql("CREATE TEMP TRIGGER audit_full BEFORE INSERT ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    try:
        with pytest.raises(peewee.DatabaseError):
            ledger.update(record_id, activity_input(township, quantity=9))
        with pytest.raises(peewee.DatabaseError):
            ledger.create(activity_input(township, quantity=5))
        with pytest.raises(peewee.DatabaseError):
            org.delete_village(township["village1"], cascade=True)
    finally:
        DB.execute_sql("DROP TRIGGER audit_full")
    assert stored_json(Activity, record_id) == before
    assert Activity.select().count() == 1 and org.get_village(township["village1"]).name == "太平村"
    assert entries_after(start) == []


def test_a_rolled_back_transaction_takes_its_entries_with_it(township):
    start = mark()
    with DB.atomic() as transaction:
        ledger.create(activity_input(township))
        org.add_village(township["township"], "新建村")
        assert len(entries_after(start)) == 2
        transaction.rollback()
    assert entries_after(start) == [] and Activity.select().count() == 0


def test_a_refused_write_leaves_no_entry(township):
    start = mark()
    with pytest.raises(NotFoundError):
        ledger.update(9999, activity_input(township))
    with pytest.raises(Exception):
        org.delete_village(township["village1"])  # a school with sites: refused without cascade
    assert entries_after(start) == []


# ---- the ledger ----------------------------------------------------------------------------------

def test_ledger_create_update_delete_restore_with_stored_values(township):
    start = mark()
    record_id = ledger.create(activity_input(township))
    created = stored_json(Activity, record_id)
    ledger.update(record_id, activity_input(township, quantity=3, notes="又挂一条"))
    updated = stored_json(Activity, record_id)
    ledger.update(record_id, activity_input(township, quantity=3, notes="又挂一条"))  # nothing changed: no entry
    snapshot = ledger.delete(record_id)
    ledger.restore(snapshot)
    create, update, delete, restore = entries_after(start)
    assert [e.action for e in (create, update, delete, restore)] == ["create", "update", "delete", "restore"]
    assert {e.record_type for e in (create, update, delete, restore)} == {"activity"}
    assert {e.record_id for e in (create, update, delete, restore)} == {record_id}
    assert {e.record_uuid for e in (create, update, delete, restore)} == {snapshot.uuid}
    assert create.before is None and {k: create.after[k] for k in created} == created
    assert (create.after["village_name"], create.after["site_name"], create.after["kind_name"],
            create.after["photos"]) == ("太平村", "格林小学", "横幅标语", [])
    assert update.before == create.after and {k: update.after[k] for k in updated} == updated
    changed = {c.field for c in audit.changed_fields(update.before, update.after)}
    assert {"quantity", "notes", "version"} <= changed <= {"quantity", "notes", "updated_at", "version"}
    assert delete.before == dict(update.after, version=3) and delete.after is None  # the unchanged save counted
    assert restore.before is None and restore.after == delete.before
    assert "太平村" in create.summary and "2026-10-08" in create.summary
    assert [e.id for e in audit.history("activity", record_id)] == [create.id, update.id, delete.id, restore.id]


def test_photos_put_on_and_taken_off_are_entries_of_the_record(township):
    record_id = ledger.create(activity_input(township))
    start = mark()
    files = [photos.StoredFile("a" * 64, "jpg", "现场1.jpg", False),
             photos.StoredFile("b" * 64, "jpg", "现场2.jpg", False)]
    ledger.attach_photos(record_id, files)
    ledger.detach_photos(record_id, ["a" * 64])
    attach, detach = entries_after(start)
    assert (attach.action, attach.record_type, attach.record_id) == ("update", "activity", record_id)
    assert attach.before == {"photos": []} and attach.after == {"photos": ["现场1.jpg", "现场2.jpg"]}
    assert detach.before == {"photos": ["现场1.jpg", "现场2.jpg"]} and detach.after == {"photos": ["现场2.jpg"]}
    assert "现场1.jpg" in detach.summary


def test_undo_of_an_edit_is_an_entry_with_both_sides(township):
    record_id = ledger.create(activity_input(township))
    old = ledger.get(record_id)
    ledger.update(record_id, activity_input(township, quantity=7))
    start = mark()
    ledger.reset(old)
    (entry,) = entries_after(start)
    assert entry.action == "revert" and entry.before["quantity"] == 7 and entry.after["quantity"] == 2


# ---- organisation --------------------------------------------------------------------------------

def test_organisation_writes_each_leave_their_entry(township):
    start = mark()
    village = org.add_village(township["township"], "新村", households=10)
    org.update_village(village, name="新新村", households=12)
    site = org.add_site(village, "新村小学", "school", students=50)
    org.update_site(site, students=60)
    org.update_site(site, students=60)  # unchanged: no entry
    unit = org.add_member_unit(township["township"], "司法所")
    org.update_member_unit(unit, duties="普法")
    org.delete_member_unit(unit)
    org.update_township(township["township"], office_name="综治中心")
    kind = org.add_kind("反诈讲座", "Talk")
    org.set_kind_active(kind, False)
    got = [(e.action, e.record_type, e.record_id) for e in entries_after(start)]
    assert got == [("create", "village", village), ("update", "village", village), ("create", "site", site),
                   ("update", "site", site), ("create", "member_unit", unit), ("update", "member_unit", unit),
                   ("delete", "member_unit", unit), ("update", "township", township["township"]),
                   ("create", "kind", kind), ("update", "kind", kind)]
    rename = entries_after(start)[1]
    assert (rename.before["name"], rename.after["name"], rename.after["households"]) == ("新村", "新新村", 12)
    assert "新村" in rename.summary
    site_entry = entries_after(start)[3]
    assert site_entry.after["village_name"] == "新新村" and site_entry.before["students"] == 50
    kind_entry = entries_after(start)[-1]
    assert kind_entry.before["active"] is True and kind_entry.after["active"] is False


def test_deleting_a_village_keeps_every_record_that_went_with_it(township):
    first = ledger.create(activity_input(township))
    second = ledger.create(activity_input(township, site_id=None, quantity=5))
    ledger.attach_photos(first, [photos.StoredFile("c" * 64, "jpg", "横幅.jpg", False)])
    survey = surveys.add(surveys.SurveyInput(township["village1"], D(2026, 10, 9), 50, 40))
    letter = letters.add(letters.LetterInput(township["school"], D(2026, 10, 9), 300, 300, 280))
    stored_first = stored_json(Activity, first)
    start = mark()
    org.delete_village(township["village1"], cascade=True)
    got = entries_after(start)
    assert all(e.action == "delete" and e.after is None for e in got)
    by_type = {}
    for e in got:
        by_type.setdefault(e.record_type, []).append(e.record_id)
    assert sorted(by_type["activity"]) == [first, second] and by_type["survey"] == [survey]
    assert by_type["letter"] == [letter]
    assert sorted(by_type["site"]) == sorted([township["school"], township["factory"]])
    village_entry = got[-1]  # the newest: on top of the page, above what went with it
    assert (village_entry.record_type, village_entry.record_id) == ("village", township["village1"])
    assert village_entry.before["name"] == "太平村"
    assert "太平村" in village_entry.summary and "2" in village_entry.summary
    gone = audit.history("activity", first)[-1]
    assert gone.action == "delete" and "太平村" in gone.summary
    assert {k: gone.before[k] for k in stored_first} == stored_first and gone.before["photos"] == ["横幅.jpg"]
    found = audit.entries(audit.AuditFilter(text="太平村", record_type="village")).rows
    assert [(e.id, e.action) for e in found][0] == (village_entry.id, "delete") and found[-1].action == "create"


def test_deleting_a_township_writes_one_entry_per_record(township):
    ledger.create(activity_input(township))
    start = mark()
    org.delete_township(township["township"], cascade=True)
    kinds = [e.record_type for e in entries_after(start)]
    assert kinds.count("activity") == 1 and kinds.count("village") == 2 and kinds.count("site") == 3
    assert kinds.count("member_unit") == 1 and kinds[-1] == "township"


# ---- campaigns, rules, surveys, letters ----------------------------------------------------------

def _campaign(name="2026年专项行动", **changes) -> campaigns.CampaignInfo:
    values = dict(name=name, start=D(2026, 1, 1), end=D(2026, 12, 31),
                  phases=[campaigns.PhaseInfo("动员部署", D(2026, 1, 1), D(2026, 2, 28))])
    values.update(changes)
    return campaigns.CampaignInfo(**values)


def test_campaign_and_rule_writes(township):
    start = mark()
    first = campaigns.create(_campaign(), with_default_rules=False)
    created = entries_after(start)
    assert [(e.action, e.record_type) for e in created] == [("create", "campaign")]
    assert created[0].after["phases"] == [{"name": "动员部署", "start": "2026-01-01", "end": "2026-02-28"}]
    rule = rules.Rule(key="banners", name_zh="横幅", applies_to="village", measure="records", kinds=["banner"])
    start = mark()
    rule_id = rules.create(first, rule)
    rules.update(rule_id, rules.Rule(key="banners", name_zh="横幅标语", applies_to="village", measure="records",
                                     kinds=["banner", "poster"], quota="2"))
    rules.set_enabled(rule_id, False)
    rules.delete(rule_id)
    got = entries_after(start)
    assert [(e.action, e.record_type, e.record_id) for e in got] == [("create", "rule", rule_id)] + [
        ("update", "rule", rule_id)] * 2 + [("delete", "rule", rule_id)]
    assert got[1].before["kinds"] == ["banner"] and got[1].after["kinds"] == ["banner", "poster"]
    assert (got[2].before["enabled"], got[2].after["enabled"]) == (True, False)
    assert got[3].before == got[2].after

    start = mark()
    second = campaigns.create(_campaign("第二期", is_current=True), with_default_rules=True)
    got = entries_after(start)
    assert got[0].record_id == first and (got[0].before["is_current"], got[0].after["is_current"]) == (True, False)
    assert (got[1].action, got[1].record_id) == ("create", second)
    assert len([e for e in got if e.record_type == "rule"]) == TargetRule.select().count() > 0
    start = mark()
    campaigns.delete(second)
    got = entries_after(start)
    assert {e.record_type for e in got[:-2]} == {"rule"} and all(e.action == "delete" for e in got[:-1])
    assert (got[-2].record_type, got[-2].record_id) == ("campaign", second)
    assert (got[-1].record_id, got[-1].after["is_current"]) == (first, True)
    assert Campaign.get_by_id(first).is_current


def test_survey_and_letter_writes(township):
    start = mark()
    survey = surveys.add(surveys.SurveyInput(township["village2"], D(2026, 10, 9), 50, 40))
    surveys.update(survey, surveys.SurveyInput(township["village2"], D(2026, 10, 9), 60, 45))
    surveys.delete(survey)
    letter = letters.add(letters.LetterInput(township["school"], D(2026, 10, 9), 300, 300, 200, "三(2)班"))
    letters.update(letter, letters.LetterInput(township["school"], D(2026, 10, 9), 300, 300, 280, "三(2)班"))
    letters.delete(letter)
    got = entries_after(start)
    assert [(e.action, e.record_type) for e in got] == [
        ("create", "survey"), ("update", "survey"), ("delete", "survey"),
        ("create", "letter"), ("update", "letter"), ("delete", "letter")]
    assert (got[1].before["respondents"], got[1].after["respondents"],
            got[1].after["village_name"]) == (50, 60, "幸福社区")
    assert (got[4].before["signed"], got[4].after["signed"], got[4].after["site_name"]) == (200, 280, "格林小学")
    assert got[2].before == got[1].after and got[5].before == got[4].after


# ---- import --------------------------------------------------------------------------------------

def test_an_import_writes_an_entry_per_record_and_one_for_the_batch(township, tmp_path):
    blank = template.make_template(tmp_path / "录入表.xlsx", township["township"])
    filled = fill_template(blank, tmp_path / "太平村 11月.xlsx", activities=[
        good_activity(), good_activity(编号="2026-11-002", 数量=5)],
        surveys=[[None, D(2026, 11, 6), "幸福社区", 50, 41, "电话调查", "入户问卷"]],
        letters=[["L-1", D(2026, 11, 7), "太平村", "格林小学", "三(2)班", 45, 45, 40, None]])
    clerk.set_name("赵强")
    start = mark()
    plan, result = import_rows.run_import(filled)
    assert plan.ok and result.total == 4
    got = entries_after(start)
    assert [(e.action, e.record_type) for e in got] == [("create", "activity")] * 2 + [
        ("create", "survey"), ("create", "letter"), ("import", "import")]
    for entry in got[:2]:
        stored = stored_json(Activity, entry.record_id)
        assert {k: entry.after[k] for k in stored} == stored and entry.record_uuid == stored["uuid"]
        assert entry.before is None and "太平村 11月.xlsx" in entry.summary and entry.actor == "赵强"
    assert got[2].after["respondents"] == 50 and got[2].record_id == Survey.get().id
    assert got[3].after["class_name"] == "三(2)班"
    batch = got[-1]
    assert batch.after == {"source_name": "太平村 11月.xlsx", "activities": 2, "surveys": 1, "parent_letters": 1,
                           "skipped": 0}
    start = mark()
    import_rows.run_import(filled)  # the same file again imports nothing and writes nothing
    assert entries_after(start) == []


def test_a_failed_import_leaves_no_entries(township, tmp_path, monkeypatch):
    blank = template.make_template(tmp_path / "录入表.xlsx", township["township"])
    filled = fill_template(blank, tmp_path / "x.xlsx", activities=[good_activity()])
    start = mark()

    def fail(*args, **kwargs):
        raise peewee.IntegrityError("UNIQUE constraint failed: imported_row.row_key")

    monkeypatch.setattr(import_rows, "_audit_batch", fail)
    with pytest.raises(Exception):
        import_rows.run_import(filled)
    assert entries_after(start) == [] and Activity.select().count() == 0


def test_the_demo_generator_writes_no_entries(store, monkeypatch):
    monkeypatch.setitem(demo.SCALES, "tiny", demo.Scale("tiny", "tiny", 1, 2, 30))
    demo.generate("tiny", seed=3)
    assert Activity.select().count() > 0 and Campaign.select().count() == 1
    assert AuditLog.select().count() == 0


# ---- reading -------------------------------------------------------------------------------------

def _write(n: int, record_type="village", summary="第{i}条") -> None:
    with DB.atomic():
        for i in range(n):
            audit.record(audit.UPDATE, record_type, i, {"n": i}, {"n": i + 1}, summary=summary.format(i=i))


def test_keyset_pages_walk_every_entry_newest_first(store):
    _write(450)
    seen, key, pages = [], None, 0
    while True:
        page = audit.entries(audit.AuditFilter(), after_key=key, limit=200)
        seen += [row.id for row in page.rows]
        pages += 1
        if page.next_key is None:
            break
        key = page.next_key
    assert pages == 3 and seen == sorted(seen, reverse=True) and len(set(seen)) == 450


def test_filters_by_who_type_text_and_local_date(store):
    clerk.set_name("李会计")
    _write(3)
    clerk.set_name("")
    _write(2, "activity", "横幅{i}")
    everyone = audit.actors()
    assert everyone == [audit.Who("李会计"), audit.Who("", audit.os_user())]
    assert len(audit.entries(audit.AuditFilter(who=audit.Who("李会计"))).rows) == 3
    assert len(audit.entries(audit.AuditFilter(who=everyone[1])).rows) == 2
    assert len(audit.entries(audit.AuditFilter(record_type="activity")).rows) == 2
    assert [r.summary for r in audit.entries(audit.AuditFilter(text="横幅1")).rows] == ["横幅1"]
    assert len(audit.entries(audit.AuditFilter(text='"n": 3')).rows) == 1  # the values are searched too
    assert audit.entries(audit.AuditFilter(text="100%")).rows == []  # LIKE wildcards are literal
    today = dt.date.today()
    local_now = audit.local_time(audit.entries().rows[0].at)
    assert abs(local_now - dt.datetime.now()) < dt.timedelta(minutes=1)
    assert len(audit.entries(audit.AuditFilter(start=local_now.date(), end=local_now.date())).rows) == 5
    assert audit.entries(audit.AuditFilter(end=today - dt.timedelta(days=2))).rows == []
    assert audit.entries(audit.AuditFilter(start=today + dt.timedelta(days=2))).rows == []
    assert audit.record_types() == ["activity", "village"]


def test_history_is_oldest_first_and_only_that_record(township):
    record_id = ledger.create(activity_input(township))
    other = ledger.create(activity_input(township, quantity=9))
    for quantity in (3, 4, 5):
        ledger.update(record_id, activity_input(township, quantity=quantity))
    got = audit.history("activity", record_id)
    assert [e.action for e in got] == ["create", "update", "update", "update"]
    assert [e.after["quantity"] for e in got] == [2, 3, 4, 5]
    assert other not in {e.record_id for e in got}


def test_changes_lists_every_field_and_marks_the_changed_ones():
    got = audit.changes({"name": "太平村", "households": 10}, {"name": "太平村", "households": 12, "kind": "village"})
    assert [(c.field, c.before, c.after, c.changed) for c in got] == [
        ("name", "太平村", "太平村", False), ("households", 10, 12, True), ("kind", None, "village", True)]
    assert all(c.changed for c in audit.changes(None, {"a": 1, "b": None}))
    assert [c.field for c in audit.changed_fields({"a": 1}, None)] == ["a"]


def test_json_keeps_chinese_and_dates_readable(store):
    text = audit.to_json({"name": "太平村", "date": D(2026, 1, 2), "at": dt.datetime(2026, 1, 2, 3, 4, 5)})
    assert text == '{"name": "太平村", "date": "2026-01-02", "at": "2026-01-02 03:04:05"}'
