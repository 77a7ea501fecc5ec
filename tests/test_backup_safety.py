"""Backups and restores against a hostile or messy folder, on real files and real processes: the live
database is never read outside SQLite, planted links are refused, damage inside an index is caught
and mended, leftovers of killed backups go, and another township's backup is not restored unasked."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fault_helpers import child_environment
from index_damage import damage_index
from outreach_desk.services import backup, database_check, ledger, partial_copies
from outreach_desk.store import close_database, open_database
from cli_runs import CLI_NEEDS_QAPP

ROOT = Path(__file__).resolve().parent.parent

pytestmark = CLI_NEEDS_QAPP


def _add_activities(township, count: int) -> None:
    for number in range(count):
        ledger.create(ledger.ActivityInput(
            date=dt.date(2026, 11, 1 + number % 27), village_id=township["village1"],
            kind_id=township["kinds"]["banner"], quantity=1 + number, notes=f"{number} 横幅"))


def _count(path: Path) -> int:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM activity").fetchone()[0]
    finally:
        connection.close()


def _cli(db_path: Path, *argv: str, lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db_path), "--lang", lang, *argv],
                          cwd=ROOT, env=child_environment(), capture_output=True, text=True, timeout=120)


def _partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


# ---- the live database is read through SQLite only --------------------------------------------------


def test_backup_check_and_verify_beside_an_open_store_keep_its_locks(township, db_path):
    """Another process that opens and closes the database afterwards must not find itself the last user
    (it would then delete the WAL this process still writes into): this process keeps its SQLite locks."""
    _add_activities(township, 30)
    made = backup.make_backup(db_path)
    assert database_check.check(db_path).ok and backup.verify(made.path).activities == 30
    with pytest.raises(backup.BackupError) as refused:
        backup.prepare_restore(db_path, db_path)  # the database itself chosen as "the backup"
    assert refused.value.reason == "same_file" and str(db_path) in str(refused.value)
    wal, shm = (db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))
    assert wal.exists() and shm.exists()

    other = subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                            "c.execute('SELECT count(*) FROM activity').fetchone(); c.close()", str(db_path)],
                           capture_output=True, text=True, timeout=60)
    assert other.returncode == 0, other.stderr
    assert wal.exists() and shm.exists(), "the other process's close deleted the journal of the open store"
    _add_activities(township, 1)  # written into the WAL the other process must still see
    seen = subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                           "print(c.execute('SELECT count(*) FROM activity').fetchone()[0])", str(db_path)],
                          capture_output=True, text=True, timeout=60)
    assert seen.stdout.strip() == "31"


def test_a_file_that_is_not_a_database_is_refused_by_sqlite_itself(tmp_path, township, db_path):
    samples = (("文本.db", "这不是数据库\n".encode() * 50), ("空.db", b""), ("zip.db", b"PK\x03\x04" + b"\0" * 200))
    for name, content in samples:
        candidate = tmp_path / name
        candidate.write_bytes(content)
        with pytest.raises(backup.BackupError) as info:
            backup.verify(candidate)
        assert info.value.reason == "not_sqlite" and name in str(info.value)
    with pytest.raises(backup.BackupError) as info:
        backup.verify(tmp_path)
    assert info.value.reason == "not_sqlite" and "folder" in str(info.value)
    fifo = tmp_path / "管道.db"
    os.mkfifo(fifo)
    with pytest.raises(backup.BackupError) as info:
        backup.verify(fifo)  # refused at once, never opened (opening a FIFO would wait for a writer)
    assert info.value.reason == "not_sqlite"


# ---- planted links ------------------------------------------------------------------------------------


def test_a_backups_folder_that_is_a_link_is_refused_and_nothing_is_written_through_it(township, db_path, tmp_path):
    elsewhere = tmp_path / "别人的文件夹"
    elsewhere.mkdir()
    backup.backup_folder(db_path).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(backup.BackupError) as info:
        backup.make_backup(db_path)
    assert info.value.reason == "unsafe_path" and str(backup.backup_folder(db_path)) in str(info.value)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("where", ["final", "partial"])
def test_a_link_planted_at_the_backup_name_is_refused_and_its_target_untouched(township, db_path, tmp_path, where):
    moment = dt.datetime(2026, 11, 28, 9, 30, 0)
    folder = backup.backup_folder(db_path)
    folder.mkdir()
    precious = tmp_path / "precious.txt"
    precious.write_text("重要的文件", encoding="utf-8")
    final = folder / f"{db_path.stem}-20261128-093000.db"
    planted = final if where == "final" else partial_copies.folder_for(final)
    planted.symlink_to(precious)
    with pytest.raises(backup.BackupError) as info:
        backup.make_backup(db_path, now=moment)
    assert info.value.reason == "unsafe_path" and str(planted) in str(info.value)
    assert precious.read_text(encoding="utf-8") == "重要的文件" and planted.is_symlink()
    assert backup.list_backups(db_path) == []


def test_a_link_planted_at_the_staging_name_of_a_restore_is_refused(township, db_path, tmp_path):
    good = backup.make_backup(db_path)
    close_database()
    precious = tmp_path / "precious.txt"
    precious.write_text("重要的文件", encoding="utf-8")
    planted = partial_copies.folder_for(db_path.with_name(db_path.name + ".restoring"))
    planted.symlink_to(precious)
    with pytest.raises(backup.BackupError) as info:
        backup.restore(good.path, db_path)
    assert info.value.reason == "unsafe_path" and str(planted) in str(info.value)
    assert precious.read_text(encoding="utf-8") == "重要的文件"


# ---- damage inside an index -----------------------------------------------------------------------------


def test_index_damage_is_caught_by_backup_and_check_and_mended_by_reindex(township, db_path, capsys):
    _add_activities(township, 200)
    older = backup.make_backup(db_path, now=dt.datetime(2026, 11, 26, 18), rotate_after=False)
    close_database()
    name = damage_index(db_path)
    assert database_check.check(db_path, quick=True).ok, "the quick check at open does not look inside indexes"

    report = database_check.check(db_path)
    assert not report.ok and report.indexes_only and report.damaged_indexes == [name]
    assert "--repair-indexes" in report.lines()[0]
    with pytest.raises(backup.BackupError) as info:
        backup.make_backup(db_path)
    assert info.value.reason == "corrupt" and [p for _w, p in backup.list_backups(db_path)] == [older.path]

    damaged_copy = backup.backup_folder(db_path) / f"{db_path.stem}-20261127-180000.db"
    damaged_copy.write_bytes(db_path.read_bytes())  # a newer "backup" with the same damage (made by hand)
    assert backup.newest_good_backup(db_path).path == older.path

    from outreach_desk.cli import main

    assert main(["--db", str(db_path), "--lang", "en", "check"]) == 1
    assert "--repair-indexes" in capsys.readouterr().err
    assert main(["--db", str(db_path), "--lang", "en", "check", "--repair-indexes"]) == 0
    out = capsys.readouterr().out
    assert name in out and "no problems" in out
    assert database_check.check(db_path).ok and _count(db_path) == 200
    assert backup.make_backup(db_path).activities == 200


def test_repair_of_damage_beyond_the_indexes_is_refused(township, db_path):
    from test_backup import _damaged_copy

    _add_activities(township, 120)
    close_database()
    _damaged_copy(db_path, db_path)
    report = database_check.check(db_path)
    assert report.integrity and not report.indexes_only
    with pytest.raises(backup.BackupError) as info:
        database_check.repair_indexes(db_path)
    assert info.value.reason == "corrupt"


# ---- leftovers of killed backups and rotation of the copies kept before restores ----------------------------


_STUCK_BACKUP = """
import sys, time
from outreach_desk.services import backup
def stuck(path, **kwargs):
    print("copied", flush=True)
    time.sleep(600)
backup.verify = stuck
backup.make_backup(sys.argv[1])
"""


def test_a_killed_backup_leaves_a_partial_copy_that_goes_at_the_next_backup_but_not_while_it_runs(
        township, db_path):
    _add_activities(township, 50)
    folder = backup.backup_folder(db_path)
    child = subprocess.Popen([sys.executable, "-c", _STUCK_BACKUP, str(db_path)], cwd=ROOT, env=child_environment(),
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "copied"
        running = _partials(folder)
        assert len(running) == 1
        backup.make_backup(db_path, rotate_after=False)
        assert _partials(folder) == running, "the copy a live process is writing is left alone"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert _partials(folder) == running
    backup.make_backup(db_path, rotate_after=False)
    assert _partials(folder) == []


def test_partial_files_of_an_older_version_go_once_they_are_old(township, db_path):
    folder = backup.backup_folder(db_path)
    folder.mkdir()
    old, fresh = folder / f".{db_path.stem}-20261101-120000.db.partial", folder / f".{db_path.stem}-x.db.partial"
    for path in (old, fresh):
        path.write_bytes(b"SQLite format 3\x00" + b"\0" * 4000)
    long_ago = time.time() - 2 * partial_copies.UNCLAIMED_AGE_S
    os.utime(old, (long_ago, long_ago))
    backup.sweep_partials(db_path)
    assert not old.exists() and fresh.exists()


def test_copies_kept_before_restores_rotate_to_the_newest_few(township, db_path, monkeypatch):
    _add_activities(township, 5)
    good = backup.make_backup(db_path)
    close_database()
    moments = iter(dt.datetime(2026, 11, day, 9) for day in range(1, 10))

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return next(moments)

    monkeypatch.setattr(backup.dt, "datetime", Clock)
    for _number in range(backup.KEEP_BEFORE_RESTORE + 2):
        backup.restore(good.path, db_path)
    kept = [path.name for _when, path in backup.list_before_restore(db_path)]
    assert kept == [f"{db_path.stem}-before-restore-2026110{day}-090000.db" for day in (5, 4, 3)]
    assert backup.list_backups(db_path)[0][1] == good.path


# ---- another township's backup ------------------------------------------------------------------------


def test_another_townships_backup_is_restored_only_when_confirmed(tmp_path, db_path, qapp):
    from outreach_desk.services import organisation

    other_db = tmp_path / "凤凰镇.db"
    for path, name in ((db_path, "古城乡"), (other_db, "凤凰镇")):
        open_database(path)
        organisation.add_township(name, f"{name}综治办")
        close_database()
    foreign = backup.make_backup(other_db)
    before = backup.townships_of(db_path)
    assert before == ("古城乡",)

    refused = _cli(db_path, "restore", str(foreign.path), lang="zh_CN")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "古城乡" in refused.stderr and "凤凰镇" in refused.stderr and "--yes" in refused.stderr
    assert backup.townships_of(db_path) == ("古城乡",)

    confirmed = _cli(db_path, "restore", "--yes", str(foreign.path))
    assert confirmed.returncode == 0, confirmed.stderr
    assert backup.townships_of(db_path) == ("凤凰镇",)
