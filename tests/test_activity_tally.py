"""The monthly activity tallies (migration 8): exact after every write path, built for existing
records, and read back (tallied months plus or minus a few days of records) into the same sums as
grouping the activity table.

"Exact" means each tally equals the GROUP BY of the activity table it summarises, row for row.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_desk.paths import db_dir

D = dt.date
MONTH = "substr(date, 1, 8) || '01'"
AUDIENCES = ", ".join(f"SUM(CASE WHEN (audiences & {bit}) <> 0 THEN 1 ELSE 0 END)" for bit in (1, 2, 4, 8, 16))
EXPECTED = {
    "activity_tally_village": (
        "SELECT kind_id, month_start, village_id, records, quantity, people, aud_1, aud_2, aud_4, aud_8, aud_16 "
        "FROM activity_tally_village",
        f"SELECT kind_id, {MONTH}, village_id, COUNT(*), SUM(quantity), SUM(people), {AUDIENCES} "
        f"FROM activity GROUP BY kind_id, {MONTH}, village_id"),
    "activity_tally_site": (
        "SELECT kind_id, month_start, village_id, site_id, records, quantity, people FROM activity_tally_site",
        f"SELECT kind_id, {MONTH}, village_id, site_id, COUNT(*), SUM(quantity), SUM(people) FROM activity "
        f"WHERE site_id IS NOT NULL GROUP BY kind_id, {MONTH}, village_id, site_id"),
    "activity_tally_member": (
        "SELECT kind_id, month_start, member_unit_id, records, quantity, people FROM activity_tally_member",
        f"SELECT kind_id, {MONTH}, member_unit_id, COUNT(*), SUM(quantity), SUM(people) FROM activity "
        f"WHERE member_unit_id IS NOT NULL GROUP BY kind_id, {MONTH}, member_unit_id"),
}


def assert_tallies_exact() -> None:
    from outreach_desk.store import DB

    for table, (stored, expected) in EXPECTED.items():
        assert sorted(DB.execute_sql(stored).fetchall()) == sorted(DB.execute_sql(expected).fetchall()), table


def tally_rows() -> int:
    from outreach_desk.store import DB

    return sum(DB.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in EXPECTED)


@pytest.fixture
def log(township):
    from outreach_desk.services import ledger

    kinds = township["kinds"]

    def create(day, village="village1", kind="banner", **values) -> int:
        return ledger.create(ledger.ActivityInput(day, township[village], kinds[kind], **values))

    return create


# ---- reading windows: split -------------------------------------------------------------------------

def _covered(parts, day: dt.date) -> int:
    """How many times the parts count ``day`` (tallied months count every day of them)."""
    total = 0
    for part in parts:
        if part.monthly:
            inside = part.start <= day.replace(day=1) <= part.end
        else:
            inside = part.start <= day <= part.end
        total += part.sign if inside else 0
    return total


@given(st.dates(D(2025, 11, 1), D(2027, 2, 28)), st.integers(0, 500))
@settings(max_examples=300, deadline=None)
def test_split_counts_every_day_of_the_window_once_and_no_other_day(start, length):
    from outreach_desk.services.coverage import tally

    end = start + dt.timedelta(days=length)
    parts = tally.split(7, start, end)
    assert all(p.index == 7 for p in parts)
    assert all(p.start.day == 1 and p.end.day == 1 for p in parts if p.monthly)
    day = start - dt.timedelta(days=40)
    while day <= end + dt.timedelta(days=40):
        assert _covered(parts, day) == (1 if start <= day <= end else 0), day
        day += dt.timedelta(days=1)
    # A partly covered month is read day by day for at most half of it (either side of the window).
    raw_days = sum((p.end - p.start).days + 1 for p in parts if not p.monthly)
    assert raw_days <= 2 * 16


def test_split_reads_campaign_to_date_on_the_29th_as_whole_months_less_one_day():
    from outreach_desk.services.coverage import tally

    parts = tally.split(0, D(2026, 1, 1), D(2026, 11, 29))
    assert parts == [tally.Part(0, D(2026, 1, 1), D(2026, 11, 1), 1, True),
                     tally.Part(0, D(2026, 11, 30), D(2026, 11, 30), -1, False)]
    assert tally.split(0, D(2026, 11, 3), D(2026, 11, 5)) == [tally.Part(0, D(2026, 11, 3), D(2026, 11, 5), 1, False)]
    assert tally.split(0, D(2026, 11, 5), D(2026, 11, 3)) == []
    assert tally.split(0, D(2026, 1, 1), D(2026, 11, 29), monthly=False) == [
        tally.Part(0, D(2026, 1, 1), D(2026, 11, 29), 1, False)]


def test_tally_audience_columns_are_the_vocabulary_audience_groups():
    from outreach_desk.services import vocab
    from outreach_desk.services.coverage import tally

    assert tuple(t.bit for t in vocab.AUDIENCES) == tally.AUDIENCE_BITS


# ---- kept exact by every write path -----------------------------------------------------------------

def test_a_new_store_keeps_tallies(store):
    from outreach_desk.services.coverage import tally

    assert tally.available()
    assert tally_rows() == 0


def test_ledger_create_update_delete_and_restore_keep_tallies_exact(township, log):
    from outreach_desk.services import ledger

    first = log(D(2026, 10, 31), quantity=3, people=40, audiences=16 | 4, site_id=township["school"],
                member_unit_id=township["unit"])
    log(D(2026, 10, 2), quantity=2, people=5, audiences=1)
    log(D(2026, 11, 1), village="village2", kind="poster", site_id=township["block"])
    assert_tallies_exact()
    assert tally_rows() == 2 + 2 + 1  # both banners of October share a village row
    # Across a month boundary, to another village, kind and site, without the member unit.
    ledger.update(first, ledger.ActivityInput(D(2026, 11, 1), township["village2"], township["kinds"]["poster"],
                                              quantity=7, people=1, audiences=8, site_id=township["block"]))
    assert_tallies_exact()
    record = ledger.delete(first)
    assert_tallies_exact()
    ledger.restore(record)
    assert_tallies_exact()
    for activity_id in [row.id for row in ledger_ids()]:
        ledger.delete(activity_id)
    assert_tallies_exact()
    assert tally_rows() == 0


def ledger_ids():
    from outreach_desk.store.models import Activity

    return list(Activity.select(Activity.id))


def test_undoing_an_edit_and_deleting_organisation_units_keep_tallies_exact(township, log):
    from outreach_desk.services import ledger, organisation

    kept = log(D(2026, 9, 9), site_id=township["factory"], quantity=4)
    before = ledger.get(kept)
    ledger.update(kept, ledger.ActivityInput(D(2026, 8, 1), township["village1"], township["kinds"]["poster"]))
    ledger.reset(before)
    assert_tallies_exact()
    log(D(2026, 9, 10), village="village2", site_id=township["block"], member_unit_id=township["unit"])
    organisation.delete_site(township["block"], cascade=True)
    assert_tallies_exact()
    organisation.delete_village(township["village1"], cascade=True)
    assert_tallies_exact()
    organisation.delete_township(township["township"], cascade=True)
    assert_tallies_exact()
    assert tally_rows() == 0


def test_workbook_import_keeps_tallies_exact(township, tmp_path):
    from excel_samples import fill_template, good_activity

    from outreach_desk.services.excel import import_rows, template

    blank = template.make_template(tmp_path / "录入表.xlsx", township["township"])
    filled = fill_template(blank, tmp_path / "太平村 11月.xlsx", activities=[
        good_activity(), good_activity(编号="2026-11-002", 日期="2026年10月5日", 点位=None, 活动类型="宣传海报",
                                       数量="12", 组织单位=None)])
    plan, result = import_rows.run_import(filled)
    assert plan.ok and result.imported["activity"] == 2
    assert tally_rows() > 0
    assert_tallies_exact()


def test_an_import_adds_to_the_tallies_of_records_already_there_and_later_writes_keep_them_exact(
        township, log, tmp_path):
    from excel_samples import fill_template, good_activity

    from outreach_desk.services import ledger_query
    from outreach_desk.services.excel import import_rows, template

    log(D(2026, 11, 2), site_id=township["school"], member_unit_id=township["unit"], quantity=3, people=9,
        audiences=4)
    log(D(2026, 10, 9), kind="poster", quantity=1)
    blank = template.make_template(tmp_path / "录入表.xlsx", township["township"])
    filled = fill_template(blank, tmp_path / "太平村 11月.xlsx", activities=[
        good_activity(), good_activity(日期="2026年10月5日", 点位=None, 活动类型="宣传海报", 数量="12", 组织单位=None,
                                       地点说明="村委会门前广场"),
        good_activity(日期="2026年12月1日", 点位=None, **{"村/社区": "幸福社区"})])
    plan, result = import_rows.run_import(filled)
    assert plan.ok and result.imported["activity"] == 3
    assert_tallies_exact()
    found = list(ledger_query.fetch_all(ledger_query.LedgerFilter(text="村委会门前")))
    assert len(found) == 1   # the text index took the imported rows in
    log(D(2026, 11, 20), people=5)   # the triggers are back
    assert_tallies_exact()


def test_demo_data_is_tallied_once_after_its_bulk_load_and_the_triggers_come_back(township):
    from outreach_desk.services import demo, ledger
    from outreach_desk.store import DB

    DB.execute_sql("DELETE FROM activity")  # the demo refuses a store with records, not one with villages
    triggers = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'activity_tally_%' ORDER BY name"
    before = DB.execute_sql(triggers).fetchall()
    demo.generate("township", seed=3)
    assert DB.execute_sql(triggers).fetchall() == before and len(before) == 3
    assert tally_rows() > 1000
    assert_tallies_exact()
    ledger.create(ledger.ActivityInput(D(2026, 11, 2), township["village1"], township["kinds"]["banner"], people=4))
    assert_tallies_exact()


def _migration_8():
    path = next((db_dir() / "migrations").glob("0008_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0008", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_migration_tallies_the_records_already_there(township, log):
    """A store without the tallies (version 7) with records: step 8 builds the tallies from them and
    keeps them after."""
    from outreach_desk.services import ledger
    from outreach_desk.store import DB

    for day in (D(2026, 1, 31), D(2026, 2, 1), D(2026, 2, 28)):
        log(day, people=3, audiences=2 | 16, site_id=township["school"], member_unit_id=township["unit"])
    with DB.atomic():
        for name in ("insert", "delete", "update"):
            DB.execute_sql(f"DROP TRIGGER activity_tally_{name}")
        for table in EXPECTED:
            DB.execute_sql(f"DROP TABLE {table}")
    log(D(2026, 3, 3), village="village2", kind="poster", quantity=9)  # written by a version-7 program
    with DB.atomic():
        _migration_8().upgrade(DB.obj, None)
    assert tally_rows() == 2 + 2 + 2 + 1
    assert_tallies_exact()
    ledger.update(ledger_ids()[0].id, ledger.ActivityInput(D(2026, 3, 4), township["village2"],
                                                           township["kinds"]["poster"]))
    assert_tallies_exact()
    assert _migration_8().statements()[0].startswith("CREATE TABLE activity_tally_village")


# ---- property: random writes, then tallies and window sums against the activity table --------------

OPERATIONS = st.lists(st.tuples(st.sampled_from(("create", "create", "update", "delete", "restore")),
                                st.integers(0, 10_000)), min_size=1, max_size=25)


@given(OPERATIONS, st.lists(st.tuples(st.dates(D(2026, 5, 20), D(2026, 9, 10)), st.integers(0, 80)),
                            min_size=1, max_size=4))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_writes_keep_tallies_exact_and_window_sums_match_the_records(township, operations, windows):
    from outreach_desk.services import ledger
    from outreach_desk.services.coverage import tally
    from outreach_desk.store import DB

    DB.execute_sql("DELETE FROM activity")
    assert tally_rows() == 0
    kinds = list(township["kinds"].values())[:5]
    sites = [None, township["school"], township["factory"], township["block"]]
    deleted: list = []

    def draw(seed: int) -> ledger.ActivityInput:
        rng = random.Random(seed)
        site = rng.choice(sites)
        village = township["village2"] if site == township["block"] else township["village1"]
        return ledger.ActivityInput(D(2026, 6, 1) + dt.timedelta(days=rng.randrange(-20, 100)), village,
                                    rng.choice(kinds), quantity=rng.randint(1, 4), people=rng.randint(0, 9),
                                    site_id=site, member_unit_id=rng.choice([None, township["unit"]]),
                                    audiences=rng.randrange(32))

    for action, seed in operations:
        ids = [row.id for row in ledger_ids()]
        if action == "create" or (not ids and action != "restore"):
            ledger.create(draw(seed))
        elif action == "update":
            ledger.update(ids[seed % len(ids)], draw(seed))
        elif action == "delete":
            deleted.append(ledger.delete(ids[seed % len(ids)]))
        elif deleted and deleted[-1].id not in ids:  # SQLite may have given a later record the same id
            ledger.restore(deleted.pop())
    assert_tallies_exact()

    spans = [(index, start, start + dt.timedelta(days=length)) for index, (start, length) in enumerate(windows)]
    expected: dict = {}
    for village, kind, day, quantity, people, audiences in DB.execute_sql(
            "SELECT village_id, kind_id, date, quantity, people, audiences FROM activity").fetchall():
        for index, start, end in spans:
            if start.isoformat() <= day <= end.isoformat():
                totals = expected.setdefault((village, kind, index), [0] * 8)
                for position, value in enumerate([1, quantity, people, *((audiences & bit) != 0
                                                                         for bit in tally.AUDIENCE_BITS)]):
                    totals[position] += value
    reference = sorted((*key, *values) for key, values in expected.items())
    for level, group in (("village", ["village_id", "kind_id"]), ("village", ["kind_id"]), ("village", []),
                         ("site", ["site_id"]), ("member_unit", ["member_unit_id"])):
        measures = list(tally.LEVEL_MEASURES[level])
        results = []
        for use_tally in (True, False):
            sql, args = tally.sums(level, spans, group, measures, use_tally=use_tally)
            results.append(sorted(DB.execute_sql(f"SELECT * FROM {sql} s", args).fetchall()))
        assert results[0] == results[1], level
        if group == ["village_id", "kind_id"]:
            assert results[0] == reference
        kind = township["kinds"]["banner"]
        sql, args = tally.sums(level, spans, group, ["records"], kind_ids=[kind], use_tally=True)
        raw_sql, raw_args = tally.sums(level, spans, group, ["records"], kind_ids=[kind], use_tally=False)
        assert sorted(DB.execute_sql(f"SELECT * FROM {sql} s", args).fetchall()) == sorted(
            DB.execute_sql(f"SELECT * FROM {raw_sql} s", raw_args).fetchall())
