"""A store left by the first release (tests/data/schema_v2.db, made by tests/old_schema.py and checked in)
upgrades through every later migration with nothing lost, and everything built since works on it."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from old_schema import ACTIVITIES, VERSION

from outreach_desk.store import close_database, migrations, open_database

OLD_STORE = Path(__file__).parent / "data" / "schema_v2.db"


@pytest.fixture
def upgraded(tmp_path):
    path = tmp_path / "旧版本.db"
    shutil.copyfile(OLD_STORE, path)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == VERSION
    database = open_database(path)
    yield database
    close_database()


def test_every_later_step_is_applied_once_and_recorded(upgraded):
    versions = [row[0] for row in upgraded.execute_sql("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, migrations.latest_version() + 1))
    assert migrations.upgrade(upgraded) == []


def test_the_old_records_are_all_there_unchanged(upgraded):
    from outreach_desk.services import ledger_query
    from outreach_desk.services.ledger_query import LedgerFilter

    rows = ledger_query.fetch_page(LedgerFilter(), sort_column="date", descending=False).rows
    assert [(r.date.isoformat(), r.quantity, r.people) for r in rows] == [(a[0], a[4], a[5]) for a in ACTIVITIES]
    uuids = [row[0] for row in upgraded.execute_sql("SELECT uuid FROM activity ORDER BY date")]
    assert uuids == [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, len(ACTIVITIES) + 1)]
    totals = ledger_query.totals(LedgerFilter())
    assert totals[:3] == (len(ACTIVITIES), sum(a[4] for a in ACTIVITIES), sum(a[5] for a in ACTIVITIES))
    assert sum(quantity for _unit, quantity in totals.by_unit) == totals.quantity


def test_text_search_and_monthly_tallies_cover_the_old_records(upgraded):
    from outreach_desk.services import ledger_query
    from outreach_desk.services.ledger_query import LedgerFilter

    found = ledger_query.fetch_page(LedgerFilter(text="独居老人")).rows
    assert [r.date for r in found] == [dt.date(2026, 4, 18)]
    tallied = sorted(upgraded.execute_sql(
        "SELECT kind_id, month_start, village_id, records, quantity, people FROM activity_tally_village"))
    grouped = sorted(upgraded.execute_sql(
        "SELECT kind_id, substr(date, 1, 8) || '01', village_id, count(*), sum(quantity), sum(people) "
        "FROM activity GROUP BY 1, 2, 3"))
    assert tallied == grouped and len(grouped) == len(ACTIVITIES)


def test_new_work_is_recorded_and_audited_on_the_upgraded_store(upgraded):
    from outreach_desk.services import audit, ledger
    from outreach_desk.services import organisation as org

    kinds = {k.code: k.id for k in org.list_kinds()}
    village = org.load_tree().villages[1][0].id
    record_id = ledger.create(ledger.ActivityInput(dt.date(2026, 5, 6), village, kinds["leaflet"], quantity=200,
                                                   people=150, notes="赶集日发放"))
    assert [entry.action for entry in audit.history("activity", record_id)] == [audit.CREATE]
    assert upgraded.execute_sql("SELECT records, quantity FROM activity_tally_village WHERE kind_id = ? "
                                "AND month_start = '2026-05-01'", (kinds["leaflet"],)).fetchone() == (1, 200)


def test_schema_outdated_tells_an_old_store_from_an_upgraded_one(tmp_path):
    from outreach_desk.store.connection import schema_outdated, upgrade_in_place

    path = tmp_path / "旧.db"
    shutil.copyfile(OLD_STORE, path)
    open_database(path, migrate=False)
    assert schema_outdated()
    close_database()
    assert upgrade_in_place(path) == list(range(VERSION + 1, migrations.latest_version() + 1))
    open_database(path, migrate=False)
    try:
        assert not schema_outdated()
    finally:
        close_database()


def test_the_window_upgrades_a_large_old_store_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    """A county-sized store takes seconds to upgrade: a worker does it under a message (no Cancel: a
    step cannot stop half-way), then the session opens the store as usual."""
    import threading

    from outreach_desk.ui.shell import store_session

    path = tmp_path / "县级.db"
    shutil.copyfile(OLD_STORE, path)
    monkeypatch.setattr(store_session, "UPGRADE_IN_WORKER_BYTES", 0)   # treat the small file as a large one
    seen: dict = {}
    upgrade = store_session.upgrade_in_place

    def watched(target):
        seen["thread"] = threading.current_thread()
        return upgrade(target)

    monkeypatch.setattr(store_session, "upgrade_in_place", watched)
    session = store_session.StoreSession(path, "en")
    try:
        assert session.open()
        assert seen["thread"] is not threading.main_thread()
        from outreach_desk.store import DB

        assert migrations.current_version(DB.obj) == migrations.latest_version()
    finally:
        session.close(backup_on_exit=False)
