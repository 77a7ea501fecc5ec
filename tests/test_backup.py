"""Backups: round trip, rotation, verification refusals, the check, and failures of the file system."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path
from functools import partial

import pytest

from fault_helpers import child_environment, limit_file_size, read_only_folder
from outreach_desk.services import backup, database_check, database_files, instance_lock, ledger
from outreach_desk.store import close_database, open_database
from cli_runs import CLI_NEEDS_QAPP, run_cli

ROOT = Path(__file__).resolve().parent.parent

pytestmark = CLI_NEEDS_QAPP


def _dump(path: Path) -> list[str]:
    """Every table's schema and rows, as SQL text (what `sqlite3 .dump` prints)."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _files_state(db_path: Path) -> dict[str, str]:
    """Hashes of the database and its WAL companions, to prove they were not touched."""
    state = {}
    for suffix in ("", "-wal", "-shm"):
        path = db_path.with_name(db_path.name + suffix)
        if path.exists():
            state[suffix] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def _add_activities(township, count: int, notes: str = "") -> list[int]:
    ids = []
    for number in range(count):
        ids.append(ledger.create(ledger.ActivityInput(
            date=dt.date(2026, 11, 1 + number % 27), village_id=township["village1"],
            kind_id=township["kinds"]["banner"], quantity=1 + number, people=10 * number, site_id=township["school"],
            notes=f"{notes}{number} 横幅")))
    return ids


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name or ".restoring" in p.name)


# ---- round trip --------------------------------------------------------------------------------


def test_backup_while_open_then_restore_gives_identical_data(township, db_path):
    _add_activities(township, 40)
    info = backup.make_backup(db_path)  # the store is open and its last commits are still in the WAL
    assert info.path.parent == db_path.parent / "backups" and info.activities == 40
    close_database()
    original = _dump(db_path)
    assert _dump(info.path) == original

    open_database(db_path)
    _add_activities(township, 5, notes="later ")
    ledger.delete(1)
    close_database()
    changed = _dump(db_path)
    assert changed != original

    restored, aside = backup.restore(info.path, db_path)
    assert restored.path == info.path
    assert _dump(db_path) == original
    assert aside is not None and aside.parent == backup.backup_folder(db_path)
    assert _dump(aside) == changed, "the database that was replaced is kept aside, unchanged"
    assert _leftovers(db_path.parent) == [] and _leftovers(aside.parent) == []
    database = open_database(db_path)
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("SELECT count(*) FROM activity").fetchone()[0] == 40


def test_backup_file_is_a_single_self_contained_file(township, db_path, tmp_path):
    _add_activities(township, 3)
    info = backup.make_backup(db_path, tmp_path / "U盘")
    assert sorted(p.name for p in (tmp_path / "U盘").iterdir()) == [info.path.name]
    with info.path.open("rb") as fh:
        header = fh.read(20)
    assert header[18:20] == b"\x01\x01", "rollback journal, so copying the one file is enough"


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(township, db_path):
    moment = dt.datetime(2026, 11, 28, 9, 30, 0)
    first = backup.make_backup(db_path, now=moment, rotate_after=False)
    second = backup.make_backup(db_path, now=moment, rotate_after=False)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert [p for _w, p in backup.list_backups(db_path)] == [second.path, first.path]


# ---- rotation ------------------------------------------------------------------------------------


def _touch_backups(folder: Path, stem: str, stamps) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stamp in stamps:
        (folder / f"{stem}-{stamp:%Y%m%d-%H%M%S}.db").write_bytes(b"")


def test_rotation_over_two_years_keeps_7_daily_4_weekly_12_monthly(db_path):
    folder = backup.backup_folder(db_path)
    stem = db_path.stem
    holiday = {dt.date(2026, 2, 15) + dt.timedelta(days=n) for n in range(9)}  # Spring Festival: office closed
    day, stamps = dt.date(2024, 11, 29), []
    while day <= dt.date(2026, 11, 28):
        if day not in holiday:
            stamps.append(dt.datetime.combine(day, dt.time(18, 0)))          # on exit
            if day.weekday() < 5:
                stamps.append(dt.datetime.combine(day, dt.time(8, 30, 5)))   # daily on start
        day += dt.timedelta(days=1)
    _touch_backups(folder, stem, stamps)
    (folder / f"{stem}-20261128-180000-2.db").write_bytes(b"")              # a second copy in the same second
    strangers = [f"{stem}-before-restore-20260101-120000.db", "其他数据库-20261128-180000.db", "说明.txt",
                 f"{stem}-2026112-180000.db"]
    for name in strangers:
        (folder / name).write_bytes(b"")

    removed = backup.rotate(db_path)

    kept = sorted(p.name for p in folder.iterdir() if p.name not in strangers)
    expected = [f"{stem}-{d}-180000.db" for d in (
        # 12 monthly: the newest of each of the last 12 months (February's holiday does not matter)
        "20251231", "20260131", "20260228", "20260331", "20260430", "20260531", "20260630", "20260731",
        "20260831", "20260930", "20261031",
        # 4 weekly (ISO weeks 45 to 48 of 2026): Sundays 8 and 15 November, then the daily ones below
        "20261108", "20261115",
        # 7 daily: 22 to 28 November; on the 28th the later copy of the same second
        "20261122", "20261123", "20261124", "20261125", "20261126", "20261127")] + [f"{stem}-20261128-180000-2.db"]
    assert kept == sorted(expected)
    assert len(removed) == len(stamps) + 1 - len(expected)
    assert all((folder / name).exists() for name in strangers), "files that are not rotated backups stay"


def test_rotation_counts_days_that_have_a_backup_not_calendar_days(db_path):
    """After three months without use, the last seven copies are all kept, not deleted as 'too old'."""
    folder = backup.backup_folder(db_path)
    stamps = [dt.datetime(2026, 8, 1, 18) + dt.timedelta(days=n) for n in range(10)]
    _touch_backups(folder, db_path.stem, stamps)
    backup.rotate(db_path)
    kept = [when for when, _p in backup.list_backups(db_path)]
    # daily: 4 to 10 August; weekly adds Sunday 2 August, the newest of ISO week 31
    assert kept == sorted(stamps[3:] + [stamps[1]], reverse=True)


def test_automatic_backups_rotate_and_explicit_folders_do_not(township, db_path, tmp_path):
    folder = backup.backup_folder(db_path)
    _touch_backups(folder, db_path.stem, [dt.datetime(2026, 10, 1, 18) + dt.timedelta(days=n) for n in range(20)])
    usb = tmp_path / "usb"
    _touch_backups(usb, db_path.stem, [dt.datetime(2026, 10, 1, 18) + dt.timedelta(days=n) for n in range(20)])
    backup.make_backup(db_path, usb, now=dt.datetime(2026, 11, 28, 18))
    assert len(list(usb.iterdir())) == 21
    backup.make_backup(db_path, now=dt.datetime(2026, 11, 28, 18))
    assert len(backup.list_backups(db_path)) < 21


def test_backup_scheduling_helpers(township, db_path):
    assert backup.changed_since_last_backup(db_path)
    assert not backup.has_backup_on(db_path, dt.date.today())
    backup.make_backup(db_path)
    assert backup.has_backup_on(db_path, dt.date.today())
    assert not backup.changed_since_last_backup(db_path)
    _add_activities(township, 1)
    assert backup.changed_since_last_backup(db_path)


# ---- verify refuses and nothing is touched --------------------------------------------------------


def _damaged_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = 4096
    for start in range(3 * page, min(len(data), 9 * page), page):
        data[start + 8:start + 400] = bytes((start // page * 37 + i) % 251 for i in range(392))
    target.write_bytes(bytes(data))
    return target


def _newer_schema_copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    connection = sqlite3.connect(target)
    connection.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01')")
    connection.commit()
    connection.close()
    return target


@pytest.mark.parametrize("kind, reason", [("text", "not_sqlite"), ("zip", "not_sqlite"), ("empty", "not_sqlite"),
                                          ("damaged", "corrupt"), ("truncated", "corrupt"),
                                          ("newer", "newer_schema"), ("foreign", "not_outreach"),
                                          ("missing", "missing")])
def test_verify_refuses_bad_files_and_restore_leaves_the_database_alone(township, db_path, tmp_path, kind, reason):
    _add_activities(township, 120)
    good = backup.make_backup(db_path).path
    close_database()
    candidate = tmp_path / f"候选-{kind}.db"
    if kind == "text":
        candidate.write_text("这不是数据库\n" * 50, encoding="utf-8")
    elif kind == "zip":
        candidate.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    elif kind == "empty":
        candidate.write_bytes(b"")
    elif kind == "damaged":
        _damaged_copy(good, candidate)
    elif kind == "truncated":
        candidate.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "newer":
        _newer_schema_copy(good, candidate)
    elif kind == "foreign":
        connection = sqlite3.connect(candidate)
        connection.execute("CREATE TABLE shopping (item TEXT)")
        connection.commit()
        connection.close()
    before = _files_state(db_path)
    backups_before = sorted(p.name for p in backup.backup_folder(db_path).iterdir())

    with pytest.raises(backup.BackupError) as info:
        backup.verify(candidate)
    assert info.value.reason == reason
    assert candidate.name in str(info.value)
    with pytest.raises(backup.BackupError) as info:
        backup.restore(candidate, db_path)
    assert info.value.reason == reason

    assert _files_state(db_path) == before
    assert sorted(p.name for p in backup.backup_folder(db_path).iterdir()) == backups_before
    assert _leftovers(db_path.parent) == []
    assert database_check.check(db_path).ok


def test_newest_good_backup_skips_damaged_ones(township, db_path):
    _add_activities(township, 60)
    older = backup.make_backup(db_path, now=dt.datetime(2026, 11, 26, 18))
    newer = backup.make_backup(db_path, now=dt.datetime(2026, 11, 27, 18))
    _damaged_copy(newer.path, newer.path)
    assert backup.newest_good_backup(db_path).path == older.path
    older.path.write_bytes(b"garbage")
    assert backup.newest_good_backup(db_path) is None


def test_a_damaged_database_can_be_restored_and_is_kept_aside_byte_for_byte(township, db_path):
    _add_activities(township, 120)
    good = backup.make_backup(db_path)
    close_database()
    _damaged_copy(db_path, db_path)
    damaged_bytes = db_path.read_bytes()
    assert not database_check.check(db_path).ok
    with pytest.raises(backup.BackupError) as info:
        backup.make_backup(db_path)
    assert info.value.reason == "corrupt" and len(backup.list_backups(db_path)) == 1

    _info, aside = backup.restore(good.path, db_path)
    assert aside.read_bytes() == damaged_bytes
    assert database_check.check(db_path).ok and _dump(db_path) == _dump(good.path)


# ---- check -----------------------------------------------------------------------------------------


def test_check_reports_a_foreign_key_violation_plainly(township, db_path):
    ids = _add_activities(township, 3)
    close_database()
    connection = sqlite3.connect(db_path)  # foreign keys are off in a bare connection, as in a foreign tool
    connection.execute("UPDATE activity SET village_id = 9999 WHERE id = ?", (ids[1],))
    connection.commit()
    connection.close()

    report = database_check.check(db_path)
    assert not report.ok and report.integrity == []
    assert len(report.foreign_keys) == 1
    line = report.foreign_keys[0]
    assert f" {ids[1]} " in line and "9999" in line and "village_id" not in line and "PRAGMA" not in line
    assert line in "\n".join(report.lines())


def test_check_of_a_healthy_and_of_a_damaged_database(township, db_path, tmp_path):
    _add_activities(township, 120)
    close_database()
    healthy = database_check.check(db_path)
    assert healthy.ok and len(healthy.lines()) == 1 and str(db_path) in healthy.lines()[0]
    damaged = _damaged_copy(db_path, tmp_path / "坏.db")
    report = database_check.check(damaged)
    assert not report.ok and report.integrity
    not_a_db = tmp_path / "a.db"
    not_a_db.write_text("hello", encoding="utf-8")
    report = database_check.check(not_a_db)
    assert not report.ok and not report.opened and str(not_a_db) in report.lines()[0]


# ---- failures of the file system: clear messages, nothing lost ---------------------------------------


def test_backup_into_a_read_only_folder_is_refused_clearly(township, db_path, tmp_path):
    _add_activities(township, 3)
    before = _dump(db_path)
    target = tmp_path / "只读"
    with read_only_folder(target):
        with pytest.raises(backup.BackupError) as info:
            backup.make_backup(db_path, target)
        assert list(target.iterdir()) == []
    assert info.value.reason == "read_only" and str(target) in str(info.value)
    assert _dump(db_path) == before


def test_backup_into_a_path_that_is_a_file_is_refused_clearly(township, db_path, tmp_path):
    blocker = tmp_path / "backups-is-a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(backup.BackupError) as info:
        backup.make_backup(db_path, blocker)
    assert str(blocker) in str(info.value)


def test_restore_into_a_read_only_folder_changes_nothing(township, db_path):
    _add_activities(township, 3)
    good = backup.make_backup(db_path)
    close_database()
    before = _files_state(db_path)
    with read_only_folder(db_path.parent):
        with pytest.raises(backup.BackupError) as info:
            backup.restore(good.path, db_path)
    assert info.value.reason == "read_only"
    assert _files_state(db_path) == before and _leftovers(db_path.parent) == []


def test_disk_full_during_backup_is_reported_and_leaves_no_partial_copy(township, db_path):
    """A child process whose files may not grow past 64 KB (RLIMIT_FSIZE, errno EFBIG): a real
    write failure in the middle of the copy, the nearest to a full disk a test can get unmounted."""
    _add_activities(township, 400)
    close_database()
    before = _files_state(db_path)
    result = subprocess.run(
        [sys.executable, "-m", "outreach_desk", "--db", str(db_path), "--lang", "en", "backup"],
        cwd=ROOT, env=child_environment(), capture_output=True, text=True, timeout=60,
        preexec_fn=limit_file_size(64 * 1024))
    assert result.returncode == 2, result.stderr
    assert "is full" in result.stderr and "Traceback" not in result.stderr
    assert list(backup.backup_folder(db_path).iterdir()) == []
    assert _files_state(db_path) == before


def test_no_space_left_is_reported_as_a_full_disk(township, db_path, monkeypatch):
    """ENOSPC itself cannot be produced without mounting a small file system, so the copy step is made
    to fail the way the OS reports it (a simulated failure, unlike the test above)."""

    def no_space(source, target, progress=None):
        target.write_bytes(b"SQLite format 3\x00partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", no_space)
    with pytest.raises(backup.BackupError) as info:
        backup.make_backup(db_path)
    assert info.value.reason == "disk_full"
    assert list(backup.backup_folder(db_path).iterdir()) == []


def test_restore_is_refused_while_another_instance_holds_the_database(township, db_path):
    good = backup.make_backup(db_path)
    close_database()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from outreach_desk.services import instance_lock as l; "
                               "lock = l.acquire(sys.argv[1]); print('locked', flush=True); sys.stdin.read()",
         str(db_path)], cwd=ROOT, env=child_environment(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = _files_state(db_path)
        with pytest.raises(backup.BackupError) as info:
            backup.restore(good.path, db_path)
        assert info.value.reason == "locked"
        assert _files_state(db_path) == before and _leftovers(db_path.parent) == []
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    backup.restore(good.path, db_path)


def test_restore_is_refused_while_another_program_writes_to_the_database(township, db_path, monkeypatch):
    """A program that does not take our lock (say, a SQLite browser) holds a write transaction."""
    good = backup.make_backup(db_path)
    close_database()
    monkeypatch.setattr(database_files, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(db_path)
    other.execute("PRAGMA journal_mode=wal")
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE village SET households = households + 1")
    try:
        with pytest.raises(backup.BackupError) as info:
            backup.restore(good.path, db_path)
        assert info.value.reason == "locked"
    finally:
        other.rollback()
        other.close()
    assert database_check.check(db_path).ok and _leftovers(db_path.parent) == []


def test_database_file_in_use_at_the_swap_is_reported_and_changes_nothing(township, db_path, monkeypatch):
    """On Windows a file open in another program cannot be replaced (PermissionError, winerror 32).
    Linux has no such lock, so the rename is made to fail that way (a simulated failure)."""
    good = backup.make_backup(db_path)
    close_database()
    before = _files_state(db_path)
    real_replace = backup.os.replace

    def in_use(source, target):
        if Path(target) == db_path:
            error = PermissionError(errno.EACCES, "The process cannot access the file", str(target))
            error.winerror = 32
            raise error
        return real_replace(source, target)

    monkeypatch.setattr(backup.os, "replace", in_use)
    with pytest.raises(backup.BackupError) as info:
        backup.restore(good.path, db_path)
    assert info.value.reason == "locked" and str(db_path) in str(info.value)
    assert _files_state(db_path) == before and _leftovers(db_path.parent) == []


def test_finish_restore_refuses_while_the_store_is_open_here(township, db_path):
    good = backup.make_backup(db_path)
    prepared = backup.prepare_restore(good.path, db_path)
    try:
        with pytest.raises(RuntimeError):
            backup.finish_restore(prepared)
    finally:
        backup.discard(prepared)
    assert not prepared.staged.exists()
    assert not instance_lock.held_elsewhere(db_path)


# ---- the commands ---------------------------------------------------------------------------------


_run = partial(run_cli, lang="en")


def test_backup_check_and_restore_commands(township, db_path, tmp_path, capsys):
    _add_activities(township, 4)
    close_database()
    code, out, _err = _run(capsys, db_path, "backup")
    assert code == 0 and "4 activity records" in out
    made = backup.list_backups(db_path)[0][1]
    assert str(made) in out
    code, out, _err = _run(capsys, db_path, "backup", str(tmp_path / "U盘"))
    assert code == 0 and len(list((tmp_path / "U盘").iterdir())) == 1

    code, out, err = _run(capsys, db_path, "check")
    assert code == 0 and "no problems" in out and err == ""

    open_database(db_path)
    _add_activities(township, 2)
    close_database()
    code, out, err = _run(capsys, db_path, "restore", str(made))
    assert code == 0, err
    assert "before-restore" in out
    assert _dump(db_path) == _dump(made)

    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a database", encoding="utf-8")
    before = _files_state(db_path)
    code, out, err = _run(capsys, db_path, "restore", str(bogus))
    assert code == 2 and "not a SQLite file" in err and "not changed" in err and "Traceback" not in err
    assert _files_state(db_path) == before


def test_check_command_reports_problems_with_exit_code_1(township, db_path, capsys):
    ids = _add_activities(township, 2)
    close_database()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE activity SET kind_id = 777 WHERE id = ?", (ids[0],))
    connection.commit()
    connection.close()
    code, out, err = _run(capsys, db_path, "check")
    assert code == 1 and "Activity record no. 1 refers to Activity kind no. 777" in err


def test_a_cancelled_restore_leaves_no_staged_copy(township, db_path):
    good = backup.make_backup(db_path)

    class Cancelled(Exception):
        pass

    def progress(done, total, text=""):
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        backup.prepare_restore(good.path, db_path, progress)
    assert _leftovers(db_path.parent) == []


def _spoil_a_tally(db_path) -> None:
    """What a bug or a hand edit could leave: one monthly tally row that no longer matches its records."""
    connection = sqlite3.connect(db_path)
    with connection:
        kind, month, village = connection.execute(
            "SELECT kind_id, month_start, village_id FROM activity_tally_village LIMIT 1").fetchone()
        connection.execute("UPDATE activity_tally_village SET records = records + 1 WHERE kind_id = ? AND "
                           "month_start = ? AND village_id = ?", (kind, month, village))
    connection.close()


def test_check_finds_tallies_that_differ_from_the_records_and_repair_rebuilds_them(township, db_path):
    ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 3), village_id=township["village1"],
                                       kind_id=township["kinds"]["poster"], quantity=3))
    assert database_check.check(db_path).ok
    _spoil_a_tally(db_path)
    report = database_check.check(db_path)
    assert not report.ok and report.tally_mismatches == 2        # the wrong row, and the right one missing
    assert any("tallies" in line for line in report.lines())
    assert database_check.check(db_path, quick=True).ok                  # the quick check at start-up skips them
    database_check.repair_tallies()
    assert database_check.check(db_path).ok
