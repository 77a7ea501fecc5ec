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
