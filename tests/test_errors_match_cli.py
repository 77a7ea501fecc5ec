"""The window tells a full disk, a read-only medium and a busy database in the very sentence the command line
prints for the same failure on the same file (folder and free space included), never in words of its own.

Each failure is real: a small tmpfs filled to the last byte, a database file nobody may write, another process
holding SQLite's write lock. The window's side is the exception a service raised, shown by
``show_exception``; the command line's side is ``outreach-desk campaign add`` run on the same file.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fault_helpers import child_environment
from small_disk import as_plain_user, fill, tiny_tmpfs

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD_S = 300

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a tmpfs and file modes need Linux")


@pytest.fixture
def zh_cn(qapp):
    from outreach_desk import i18n

    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")


@pytest.fixture
def shown(monkeypatch):
    """What show_exception puts on the screen: the texts of its message boxes, and any error dialog."""
    from PySide6.QtWidgets import QMessageBox

    from outreach_desk.ui.shell.errors import ErrorDialog

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text: said.append(text)))
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: said.append(f"unexpected-error dialog: {self.details}"))
    return said


def cli_says(db: Path, prefix: tuple[str, ...] = ()) -> str:
    """What `outreach-desk campaign add` prints on ``db``: its refusal, exit 2, no traceback."""
    argv = ["--db", str(db), "--lang", "zh_CN", "campaign", "add", "春季宣传", "--from", "2027-03-01", "--to",
            "2027-05-31"]
    done = subprocess.run([*prefix, sys.executable, "-m", "outreach_desk", *argv], cwd=ROOT, env=child_environment(),
                          capture_output=True, text=True, encoding="utf-8", timeout=HANG_GUARD_S)
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    return done.stderr.strip()


def window_says(shown: list[str], township_id: int) -> str:
    """Add a village as the window does, and show its failure as the window does."""
    from outreach_desk.services import organisation
    from outreach_desk.ui.shell.errors import show_exception

    with pytest.raises(Exception) as failed:
        organisation.add_village(township_id, "南门村")
    show_exception(None, failed.value, "details")
    assert len(shown) == 1, shown
    return shown[0]


@contextlib.contextmanager
def opened(db: Path, **options):
    from outreach_desk.store import close_database, open_database

    open_database(db, **options)
    try:
        yield
    finally:
        close_database()


def make_store(db: Path) -> int:
    from outreach_desk.services import organisation

    with opened(db):
        return organisation.add_township("古城乡", "古城乡综治办")


def test_a_full_disk(tmp_path, zh_cn, shown):
    from outreach_desk.services import organisation

    with tiny_tmpfs(tmp_path / "满盘", "2M") as folder:
        db = folder / "台账.db"
        with opened(db):
            township = organisation.add_township("古城乡", "古城乡综治办")
            fill(folder)
            window = window_says(shown, township)
        assert "磁盘已满" in window and str(folder) in window, window
        assert window == cli_says(db)


def test_a_read_only_database_file(tmp_path, zh_cn, shown):
    db = tmp_path / "台账.db"
    township = make_store(db)
    db.chmod(0o444)
    prefix = tuple(as_plain_user())  # root writes through any file mode: the command line runs without that right
    with opened(db, readonly=True):
        window = window_says(shown, township)
    assert "只读" in window and str(db) in window, window
    assert window == cli_says(db, prefix)


WRITER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO township (name, office_name) VALUES ('别的程序', '')")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def test_a_database_another_program_is_writing(tmp_path, zh_cn, shown):
    from outreach_desk.store import DB

    db = tmp_path / "台账.db"
    township = make_store(db)
    with subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as writer:
        try:
            assert writer.stdout.readline().strip() == "holding"
            with opened(db):
                DB.execute_sql("PRAGMA busy_timeout = 100")
                window = window_says(shown, township)
            cli = cli_says(db)
        finally:
            writer.stdin.close()
            writer.wait(timeout=HANG_GUARD_S)
    assert str(db) in window and "正在写入" in window, window
    assert window == cli
