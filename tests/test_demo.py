"""Synthetic demo data: sizes, realism, determinism, refusals, rollback, extra steps and the CLI command."""

from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
import uuid

import pytest

from outreach_desk.services import demo, vocab

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
ALL_AUDIENCES = sum(t.bit for t in vocab.AUDIENCES)
ALL_TOPICS = sum(t.bit for t in vocab.TOPICS)


@pytest.fixture(scope="module")
def township_file(tmp_path_factory):
    """One generated township (seed 1), shared read-only by the tests that only look at it."""
    from outreach_desk.store import close_database, open_database

    path = tmp_path_factory.mktemp("演示") / "演示乡镇.db"
    open_database(path)
    try:
        summary = demo.generate("township", seed=1)
    finally:
        close_database()
    return path, summary


@pytest.fixture
def demo_db(township_file):
    from outreach_desk.store import close_database, open_database

    path, summary = township_file
    database = open_database(path, readonly=True)
    yield database, summary
    close_database()


def _scalar(database, sql: str, params=()):
    return database.execute_sql(sql, params).fetchone()[0]


def _dump(path) -> dict[str, list[tuple]]:
    tables = ("township", "village", "site", "member_unit", "activity")
    with sqlite3.connect(path) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}


def test_township_scale_has_the_expected_size(demo_db):
    database, summary = demo_db
    assert _scalar(database, "SELECT COUNT(*) FROM township") == len(summary.township_ids) == 1
    assert _scalar(database, "SELECT COUNT(*) FROM village") == len(summary.villages) == 25
    assert 220 <= _scalar(database, "SELECT COUNT(*) FROM site") == len(summary.sites) <= 290
    assert _scalar(database, "SELECT COUNT(*) FROM member_unit") == summary.member_unit_count == 9
    assert _scalar(database, "SELECT COUNT(*) FROM activity") == summary.activities == 6000
    kinds = {row[0] for row in database.execute_sql("SELECT DISTINCT kind FROM village")}
    assert kinds == {"village", "community"}
    site_kinds = {row[0] for row in database.execute_sql("SELECT DISTINCT kind FROM site")}
    assert {"residential_block", "factory", "school", "market", "business_outlet", "public_place"} <= site_kinds
    assert summary.seconds > 0


def test_every_builtin_activity_kind_is_used(demo_db):
    database, _summary = demo_db
    unused = [row[0] for row in database.execute_sql(
        "SELECT code FROM activity_kind k WHERE builtin AND NOT EXISTS "
        "(SELECT 1 FROM activity a WHERE a.kind_id = k.id)")]
    assert unused == []


def test_sites_and_member_units_match_the_village_of_each_record(demo_db):
    database, _summary = demo_db
    assert _scalar(database, "SELECT COUNT(*) FROM activity a JOIN site s ON s.id = a.site_id "
                             "WHERE s.village_id <> a.village_id") == 0
    assert _scalar(database, "SELECT COUNT(*) FROM activity a JOIN village v ON v.id = a.village_id "
                             "JOIN member_unit m ON m.id = a.member_unit_id WHERE m.township_id <> v.township_id") == 0
    assert _scalar(database, "SELECT COUNT(*) FROM activity WHERE site_id IS NOT NULL") > 3000
    school_only = _scalar(database, "SELECT COUNT(*) FROM activity a JOIN activity_kind k ON k.id = a.kind_id "
                                    "LEFT JOIN site s ON s.id = a.site_id "
                                    "WHERE k.code IN ('parent_letter', 'class_meeting') "
                                    "AND (s.kind IS NULL OR s.kind <> 'school')")
    assert school_only == 0


def test_values_are_plausible(demo_db):
    database, summary = demo_db
    rows = database.execute_sql(
        "SELECT a.uuid, a.date, a.quantity, a.people, a.audiences, a.topics, a.created_at, k.code, "
        "s.students, s.kind, s.entrances + s.elevators FROM activity a JOIN activity_kind k ON k.id = a.kind_id "
        "LEFT JOIN site s ON s.id = a.site_id").fetchall()
    uuids = set()
    for uid, date, quantity, people, audiences, topics, created_at, code, students, site_kind, poster_quota in rows:
        uuids.add(str(uuid.UUID(uid)))
        day = dt.date.fromisoformat(date)
        assert demo.CAMPAIGN_START <= day <= demo.RECORDS_UNTIL
        assert dt.date.fromisoformat(created_at[:10]) - day in (dt.timedelta(0), dt.timedelta(days=1))
        assert quantity >= 1 and people >= 0
        assert 0 < audiences <= ALL_AUDIENCES and audiences & ~ALL_AUDIENCES == 0
        assert 0 < topics <= ALL_TOPICS and topics & ~ALL_TOPICS == 0
        if code in ("lecture", "cultural_event", "prize_quiz", "info_point", "leaflet", "home_visit"):
            assert people > 0, code
        if code == "parent_letter":
            assert people <= quantity <= students
        if code == "poster" and site_kind == "residential_block":
            assert quantity <= poster_quota
    assert len(uuids) == len(rows) == summary.activities


def test_recent_months_are_busier_and_school_holidays_quiet(demo_db):
    database, _summary = demo_db
    by_month = dict(database.execute_sql(
        "SELECT substr(date, 1, 7), COUNT(*) FROM activity GROUP BY substr(date, 1, 7)").fetchall())
    assert set(by_month) == {f"2026-{m:02d}" for m in range(1, 12)}
    assert by_month["2026-11"] > by_month["2026-01"] > by_month["2026-02"]
    holiday_letters = _scalar(database, "SELECT COUNT(*) FROM activity a JOIN activity_kind k ON k.id = a.kind_id "
                                        "WHERE k.code = 'class_meeting' AND substr(a.date, 6, 2) IN ('02', '07', '08')")
    assert holiday_letters == 0


def test_names_are_chinese_and_unique(demo_db):
    database, summary = demo_db
    village_names = [v.name for v in summary.villages]
    assert len(set(village_names)) == len(village_names)
    assert all(HAN.match(n) and (n.endswith("村") or n.endswith("社区")) for n in village_names)
    for (name,) in database.execute_sql("SELECT name FROM site UNION ALL SELECT name FROM member_unit"):
        assert re.search(r"[\u4e00-\u9fff]{2}", name), name
    duties = [row[0] for row in database.execute_sql("SELECT duties FROM member_unit")]
    assert all(len(text) > 10 for text in duties)
    assert _scalar(database, "SELECT COUNT(*) FROM activity WHERE notes <> ''") > 1000
    assert _scalar(database, "SELECT COUNT(*) FROM activity WHERE place_note <> ''") > 1000


def test_sample_of_records_passes_ledger_validation(demo_db):
    from outreach_desk.services import ledger

    database, _summary = demo_db
    ids = [row[0] for row in database.execute_sql("SELECT id FROM activity WHERE id % 30 = 0")]
    for activity_id in ids:
        record = ledger.get(activity_id)
        assert ledger.validate(record.as_input(), today=demo.RECORDS_UNTIL) == [], activity_id


def test_same_seed_gives_the_same_database_and_another_seed_does_not(township_file, tmp_path):
    from outreach_desk.store import close_database, open_database

    first, _summary = township_file
    paths = {}
    for seed in (1, 2):
        paths[seed] = tmp_path / f"seed{seed}.db"
        open_database(paths[seed])
        try:
            demo.generate("township", seed=seed)
        finally:
            close_database()
    assert _dump(paths[1]) == _dump(first)
    other = _dump(paths[2])
    assert other["village"] != _dump(first)["village"]
    assert other["activity"] != _dump(first)["activity"]


def test_progress_reports_in_order_up_to_the_total(store):
    calls = []
    demo.generate("township", seed=4, progress=lambda done, total, text="": calls.append((done, total, text)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] == 6000
    dones = [c[0] for c in calls]
    assert dones == sorted(dones)
    assert all(text for _d, _t, text in calls)


def test_refuses_a_database_with_records_and_leaves_it_alone(township):
    from outreach_desk.services import ledger
    from outreach_desk.store.models import Township, Village

    ledger.create(ledger.ActivityInput(date=dt.date(2026, 3, 1), village_id=township["village1"],
                                       kind_id=township["kinds"]["lecture"], people=40))
    with pytest.raises(demo.DemoRefusedError) as info:
        demo.generate("township", seed=1)
    assert "1" in str(info.value)
    assert Township.select().count() == 1 and Village.select().count() == 2


def test_existing_township_names_are_not_reused(store):
    from outreach_desk.services import organisation
    from outreach_desk.services.demo import names as demo_names
    from outreach_desk.store.models import Township

    kept = demo_names.TOWNSHIP_STEMS[-1]
    for stem in demo_names.TOWNSHIP_STEMS[:-1]:
        organisation.add_township(f"{stem}镇")
    summary = demo.generate("township", seed=1)
    assert Township.get_by_id(summary.township_ids[0]).name in {f"{kept}镇", f"{kept}乡"}


def test_cancel_during_the_load_rolls_everything_back(store):
    from outreach_desk.store.models import Activity, Site, Township, Village

    class Cancelled(Exception):
        pass

    def progress(done, total, text=""):
        if done:
            raise Cancelled()

    with pytest.raises(Cancelled):
        demo.generate("township", seed=1, progress=progress)
    assert [m.select().count() for m in (Township, Village, Site, Activity)] == [0, 0, 0, 0]
    assert store.execute_sql("PRAGMA synchronous").fetchone()[0] == 1


def _extra_step(rng, scale, summary):
    """A stand-in for a later helper's demo step (campaigns, surveys …)."""
    assert isinstance(rng, random.Random) and scale.name == "township"
    schools = summary.sites_of_kind("school")
    assert schools and all(s.students > 0 for s in schools)
    assert set(summary.member_units) == set(summary.township_ids)
    summary.add_count("测试步骤", len(schools))


def test_extra_steps_run_with_ids_and_report_counts(store, monkeypatch):
    monkeypatch.setattr(demo, "EXTRA_STEPS", (f"{__name__}:_extra_step",))
    summary = demo.generate("township", seed=1)
    assert summary.extra == [("测试步骤", len(summary.sites_of_kind("school")))]


def test_unknown_scale_is_an_error(store):
    with pytest.raises(ValueError):
        demo.generate("province")


def test_cli_fills_a_new_database_then_refuses_to_fill_it_again(db_path, capsys, qapp):
    """(``qapp`` first, so the command finds a QApplication rather than creating a bare core one.)"""
    from outreach_desk.cli import main

    assert main(["--db", str(db_path), "demo", "--scale", "township", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert "6000" in out and str(db_path) in out
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT COUNT(*) FROM activity").fetchone()[0] == 6000
    before = _dump(db_path)

    assert main(["--db", str(db_path), "demo", "--scale", "township", "--seed", "6"]) == 2
    assert "6000" in capsys.readouterr().err
    assert _dump(db_path) == before


def test_demo_window_fills_a_demo_file_left_without_records_once(tmp_path, qapp):
    """``--demo`` writes the township into an existing but empty demo file, and never a second time."""
    from outreach_desk.services import organisation as org
    from outreach_desk.store import close_database, open_database
    from outreach_desk.ui.shell.app import prepare_demo_database

    path = tmp_path / "演示.db"
    open_database(path)
    org.add_township("自建镇")  # the clerk tried things out but entered no records
    close_database()
    prepare_demo_database(path)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT COUNT(*) FROM activity").fetchone()[0] == 6000
        assert con.execute("SELECT COUNT(*) FROM township WHERE name = '自建镇'").fetchone()[0] == 1
    before = _dump(path)
    prepare_demo_database(path)
    assert _dump(path) == before


def test_the_ledger_search_index_is_complete_and_kept_up_after_the_bulk_load(demo_db):
    """The demo fills the full-text index once after its records, then puts the triggers back."""
    database, _summary = demo_db
    triggers = [row[0] for row in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'activity' "
        "AND name LIKE 'activity_search%' ORDER BY name").fetchall()]
    assert triggers == ["activity_search_delete", "activity_search_insert", "activity_search_update"]
    assert _scalar(database, "SELECT COUNT(*) FROM activity_search_data") > 1
    for word in ("宣传单", "国家反诈", "文化广场"):
        indexed = _scalar(database, "SELECT COUNT(*) FROM activity_search WHERE activity_search MATCH ?",
                          (f'"{word}"',))
        scanned = _scalar(database, "SELECT COUNT(*) FROM activity WHERE place_note LIKE ? OR notes LIKE ?",
                          (f"%{word}%", f"%{word}%"))
        assert indexed == scanned > 0, word
