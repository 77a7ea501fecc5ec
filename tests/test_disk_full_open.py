"""A database on a real full disk (a small tmpfs filled to the last byte): every command and the window
say "磁盘已满" with the folder and the space left, change nothing, and never advise restoring a backup
over the healthy database; the writer's lock is taken and released there without a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fault_helpers import child_environment
from small_disk import fill, tiny_tmpfs

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD_S = 300

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a tmpfs needs Linux")


def _make_store(path: Path) -> None:
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.store import close_database, open_database

    open_database(path)
    try:
        township = organisation.add_township("古城乡", "古城乡综治办")
        organisation.add_village(township, "东门村")
        start = dt.date.today().replace(day=1)
        end = start + dt.timedelta(days=90)
        campaigns.create(campaigns.CampaignInfo("冬季宣传", start, end, is_current=True,
                                                phases=campaigns.default_phases(start, end)), with_default_rules=True)
    finally:
        close_database()


@pytest.fixture
def full_disk(tmp_path):
    """A store on a 2 MB tmpfs with not one byte left: (database, its folder)."""
    with tiny_tmpfs(tmp_path / "满盘", "2M") as folder:
        db = folder / "台账.db"
        _make_store(db)
        fill(folder)
        yield db, folder


def _villages(db: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM village ORDER BY id")]
    finally:
        connection.close()


@pytest.mark.parametrize("argv", [
    ("--smoke",),
    ("coverage",),
    ("campaign", "list"),
    ("report", "-o", "{out}"),
    ("import", "{csv}"),
    ("campaign", "add", "春季宣传", "--from", "2027-03-01", "--to", "2027-05-31"),
], ids=["window", "coverage", "campaign-list", "report", "import", "campaign-add"])
def test_a_full_disk_is_told_as_such_and_nothing_changes(full_disk, tmp_path, argv):
    db, folder = full_disk
    csv = tmp_path / "一行.csv"
    csv.write_text("日期,村/社区,活动类型,数量,覆盖人数,备注\n2026-12-02,南门村,宣讲,1,10,x\n", encoding="utf-8")
    out = tmp_path / "月报.xlsx"
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    result = subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db), "--lang", "zh_CN",
                             *[a.format(csv=csv, out=out) for a in argv]], cwd=ROOT, env=child_environment(),
                            capture_output=True, text=True, encoding="utf-8", timeout=HANG_GUARD_S)
    said = result.stdout + result.stderr
    assert result.returncode == 2, said
    assert "Traceback" not in said, said
    assert "磁盘已满" in result.stderr and str(folder) in result.stderr and "0 B" in result.stderr, said
    assert "恢复" not in said and "损坏" not in said, f"advice to restore a backup over a healthy database: {said}"
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert _villages(db) == ["东门村"]
    assert not out.exists()


def test_the_writers_lock_is_taken_and_released_on_a_full_disk(full_disk):
    from outreach_desk.services import instance_lock

    db, _folder = full_disk
    lock = instance_lock.acquire(db)
    assert lock.held and instance_lock.held_here(db)
    lock.release()
    assert not lock.held and not instance_lock.held_here(db)


def test_a_command_that_fills_the_disk_halfway_says_so_and_keeps_the_database_as_it_was(tmp_path):
    """The demo township does not fit in 2 MB: its one transaction fails at the disk's end (peewee's
    rollback then fails too, "cannot rollback"), which must read as a full disk, not as a traceback."""
    with tiny_tmpfs(tmp_path / "小盘", "2M") as folder:
        db = folder / "台账.db"
        _make_store(db)
        result = subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db), "--lang", "zh_CN", "demo",
                                 "--scale", "township"], cwd=ROOT, env=child_environment(), capture_output=True,
                                text=True, encoding="utf-8", timeout=HANG_GUARD_S)
        said = result.stdout + result.stderr
        assert result.returncode == 2 and "Traceback" not in said, said
        assert "磁盘已满" in result.stderr and str(folder) in result.stderr, said
        connection = sqlite3.connect(db)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert [r[0] for r in connection.execute("SELECT name FROM township")] == ["古城乡"]
        finally:
            connection.close()
