"""The open database, its journal and its lock file are never read as an import nor replaced by an export.

Reading the database file with Python's own I/O and closing it drops every SQLite lock this process
holds on it (sqlite.org, "How To Corrupt An SQLite Database File", 2.2): the next program that closes
the database then deletes the ``-wal`` and ``-shm`` the store still writes into. Saving an export
under the database's name would replace the records. Each test works on the real store file and
checks the journal with a second real process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from outreach_desk.services import organisation
from outreach_desk.services.excel import import_rows
from outreach_desk.services.excel.reader import WorkbookError

COMPANIONS = ("", "-wal", "-shm")


@pytest.fixture
def zh_cn(qapp):
    """The program's Chinese translation installed, as the window and the command line install it."""
    from outreach_desk import i18n

    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")


@pytest.fixture
def live_db(store, db_path) -> Path:
    """The store's file with a commit in its journal, so its -wal and -shm are there."""
    organisation.add_township("平安镇", "平安镇综治办")
    assert journal(db_path) == {"-wal": True, "-shm": True}
    return db_path


def journal(db: Path) -> dict[str, bool]:
    return {suffix: db.with_name(db.name + suffix).exists() for suffix in ("-wal", "-shm")}


def open_and_close_elsewhere(db: Path) -> None:
    """What `outreach-desk check` or a sqlite3 shell does beside the window: open, read, close."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('select count(*) from sqlite_master').fetchall(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=120)


def assert_chinese(message: str, name: str) -> None:
    assert name in message, message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.replace(name, "")), message
    assert "数据库" in message, message


@pytest.mark.parametrize("suffix", COMPANIONS)
def test_importing_the_open_database_is_refused_without_reading_it(live_db, zh_cn, suffix):
    picked = live_db.with_name(live_db.name + suffix)
    with pytest.raises(WorkbookError) as refused:
        import_rows.prepare(picked)
    open_and_close_elsewhere(live_db)
    assert journal(live_db) == {"-wal": True, "-shm": True}, f"importing {picked.name} dropped the store's locks"
    assert_chinese(str(refused.value), picked.name)


# ---------------------------------------------------------------------------- exports
def count_elsewhere(db: Path, table: str) -> str:
    """Rows of ``table`` as another program sees them (or what SQLite says when the file is no database)."""
    code = ("import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
            "try:\n    print(c.execute('select count(*) from ' + sys.argv[2]).fetchone()[0])\n"
            "except sqlite3.Error as e:\n    print(e)\nc.close()")
    done = subprocess.run([sys.executable, "-c", code, str(db), table], capture_output=True, text=True, timeout=120)
    return done.stdout.strip() or done.stderr.strip()


@pytest.fixture
def october(store, db_path):
    """The coverage result the coverage page shows for October, on the store's real file."""
    from test_coverage_engine import build_town

    from outreach_desk.services.coverage import campaigns, engine, periods

    town = build_town()
    return engine.compute(periods.month(2026, 10), campaign=campaigns.get(town["campaign"]))


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_a_gap_list_saved_under_the_database_name_is_refused_and_the_records_stay(october, db_path, zh_cn, suffix):
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.ui.coverage.export import write_gap_csv

    chosen = db_path.with_name(db_path.name + suffix)
    with pytest.raises(ServiceError) as refused:
        write_gap_csv(october, chosen)
    assert count_elsewhere(db_path, "village") == "2"
    assert journal(db_path) == {"-wal": True, "-shm": True}
    assert_chinese(str(refused.value), chosen.name)
    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(db_path.name + s for s in COMPANIONS)


def test_a_gap_list_is_not_written_through_a_planted_link(october, tmp_path, zh_cn):
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.ui.coverage.export import write_gap_csv

    precious = tmp_path / "别人的文件.txt"
    precious.write_text("别人的文件", encoding="utf-8")
    planted = tmp_path / "问题清单.csv"
    planted.symlink_to(precious)
    with pytest.raises(ServiceError) as refused:
        write_gap_csv(october, planted)
    assert planted.name in str(refused.value)
    assert planted.is_symlink() and precious.read_text(encoding="utf-8") == "别人的文件"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("问题", "."))) == [planted.name]


def test_a_full_disk_keeps_the_last_gap_list_and_leaves_no_half_file(october, tmp_path, zh_cn):
    from small_disk import fill, tiny_tmpfs

    from outreach_desk.services.errors import ServiceError
    from outreach_desk.ui.coverage.export import write_gap_csv

    with tiny_tmpfs(tmp_path / "小盘", "256k") as disk:
        (disk / "问题清单.csv").write_bytes(b"last month's list")
        fill(disk)
        with pytest.raises(ServiceError) as refused:
            write_gap_csv(october, disk / "问题清单.csv")
        assert "磁盘已满" in str(refused.value) and "小盘" in str(refused.value), str(refused.value)
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "问题清单.csv"]
        assert (disk / "问题清单.csv").read_bytes() == b"last month's list"


def _figure():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 3))
    figure.add_subplot().bar(["A", "B"], [0.8, 0.5])
    return figure


def test_a_chart_is_not_saved_through_a_planted_link(tmp_path, zh_cn):
    from outreach_desk.services.charts.export import save_figure
    from outreach_desk.services.errors import ServiceError

    precious = tmp_path / "别人的图.png"
    precious.write_bytes(b"someone's picture")
    planted = tmp_path / "达标率.png"
    planted.symlink_to(precious)
    with pytest.raises(ServiceError) as refused:
        save_figure(_figure(), planted)
    assert planted.name in str(refused.value)
    assert planted.is_symlink() and precious.read_bytes() == b"someone's picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([planted.name, precious.name])


def test_a_chart_saved_under_the_database_name_is_refused(tmp_path, zh_cn):
    from outreach_desk.services.charts.export import save_figure
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.store import close_database, open_database

    db = tmp_path / "台账.pdf"   # --db takes any name
    open_database(db)
    try:
        organisation.add_township("平安镇", "平安镇综治办")
        with pytest.raises(ServiceError) as refused:
            save_figure(_figure(), db)
        assert count_elsewhere(db, "township") == "1"
        assert_chinese(str(refused.value), db.name)
    finally:
        close_database()


def test_a_full_disk_keeps_the_last_chart_and_leaves_no_half_file(tmp_path, zh_cn):
    from small_disk import fill, tiny_tmpfs

    from outreach_desk.services.charts.export import save_figure
    from outreach_desk.services.errors import ServiceError

    with tiny_tmpfs(tmp_path / "小盘", "256k") as disk:
        (disk / "达标率.png").write_bytes(b"last month's chart")
        fill(disk)
        with pytest.raises(ServiceError) as refused:
            save_figure(_figure(), disk / "达标率.png")
        assert "磁盘已满" in str(refused.value) and "小盘" in str(refused.value), str(refused.value)
        assert "No space" not in str(refused.value)
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "达标率.png"]
        assert (disk / "达标率.png").read_bytes() == b"last month's chart"
