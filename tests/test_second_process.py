"""A second process opening and closing the database while the window has it open loses nothing.

On POSIX, closing any descriptor of the database file drops every lock the process holds on it
(sqlite.org, "How To Corrupt An SQLite Database File", 2.2): if the window's process ever opens
the file with Python's own I/O, the next process to close its connection believes it is the last
one, checkpoints and deletes ``-wal`` and ``-shm`` under the window, whose later commits then go
into a deleted journal. Here the real window runs in its own process on a real file; the CLI's
reading commands and a plain sqlite3 connection come and go beside it; the window keeps writing;
then it is killed with SIGKILL and every village it reported committed must be in the file.
"""

from __future__ import annotations

import datetime as dt
import queue
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from fault_helpers import child_environment

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).resolve().parent / "window_driver.py"
START_TIMEOUT_S = 180
ORDER_TIMEOUT_S = 120
COMMAND_TIMEOUT_S = 300

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX advisory locks; SIGKILL")


class Window:
    """The window's process and the lines it prints, read by a thread so that waits have timeouts."""

    def __init__(self, db: Path, township_id: int, env: dict):
        self.process = subprocess.Popen([sys.executable, str(DRIVER), str(db), str(township_id)], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, encoding="utf-8")
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, prefix: str, timeout: float) -> str:
        """The next line starting with ``prefix`` (other lines are kept for the failure message)."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"the window printed no {prefix!r} within {timeout} s; it printed: {self.seen}")
            if line is None:
                pytest.fail(f"the window ended (code {self.process.wait()}) before {prefix!r}; it printed: {self.seen}")
            self.seen.append(line)
            if line.startswith(prefix):
                return line

    def add_village(self, name: str) -> int:
        self.process.stdin.write(f"village {name}\n")
        self.process.stdin.flush()
        while True:
            line = self.wait_for("", ORDER_TIMEOUT_S)
            if line.startswith(f"added {name} "):
                return int(line.rsplit(" ", 1)[1])
            if line.startswith(f"failed {name} "):
                pytest.fail(f"the window could not add {name}: {line}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(60)
        self.reader.join(60)
        self.process.stdin.close()
        self.process.stdout.close()


@pytest.fixture
def township_db(db_path):
    """A township with a campaign, so that coverage and the report have something to say; no connection left open."""
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    try:
        township_id = organisation.add_township("古城乡", "古城乡综治办")
        organisation.add_village(township_id, "东门村")
        today = dt.date.today()
        start, end = today.replace(day=1), today.replace(day=1) + dt.timedelta(days=90)
        campaigns.create(campaigns.CampaignInfo("冬季宣传", start, end, is_current=True,
                                                phases=campaigns.default_phases(start, end)), with_default_rules=True)
    finally:
        close_database()
    return db_path, township_id


def _journal_files(db: Path) -> dict[str, bool]:
    return {suffix: db.with_name(db.name + suffix).exists() for suffix in ("-wal", "-shm")}


def _cli(db: Path, env: dict, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db), "--lang", "zh_CN", *argv], cwd=ROOT,
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=COMMAND_TIMEOUT_S)


def _plain_sqlite(db: Path, env: dict) -> subprocess.CompletedProcess:
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('select count(*) from sqlite_master').fetchall(); c.close()")
    return subprocess.run([sys.executable, "-c", code, str(db)], env=env, capture_output=True, text=True,
                          timeout=COMMAND_TIMEOUT_S)


def test_the_window_keeps_every_record_while_other_processes_open_and_close_the_database(township_db, tmp_path):
    db, township_id = township_db
    env = child_environment()
    window = Window(db, township_id, env)
    committed: dict[str, int] = {}
    journal_lost: list[str] = []
    try:
        window.wait_for("ready", START_TIMEOUT_S)
        committed["南街村"] = window.add_village("南街村")
        assert _journal_files(db) == {"-wal": True, "-shm": True}, "the window's journal is missing before any reader"

        others = [
            ("coverage", lambda: _cli(db, env, "coverage")),
            ("check", lambda: _cli(db, env, "check", "--quick")),
            ("report", lambda: _cli(db, env, "report", "-o", str(tmp_path / "月报.xlsx"))),
            ("sqlite3 (Python)", lambda: _plain_sqlite(db, env)),
        ]
        if shutil.which("sqlite3"):
            shell = ["sqlite3", str(db), "select count(*) from village"]
            others.append(("sqlite3 (shell)", lambda: subprocess.run(shell, capture_output=True, text=True,
                                                                      timeout=COMMAND_TIMEOUT_S)))
        for number, (what, run) in enumerate(others):
            result = run()
            assert result.returncode == 0, f"{what} failed beside the window: {result.stdout}{result.stderr}"
            if _journal_files(db) != {"-wal": True, "-shm": True}:
                journal_lost.append(what)
            name = f"西关村{number}"
            committed[name] = window.add_village(name)
    finally:
        window.kill()

    with sqlite3.connect(db) as connection:
        found = dict(connection.execute("SELECT name, id FROM village").fetchall())
    missing = {name: village_id for name, village_id in committed.items() if found.get(name) != village_id}
    assert not missing, f"villages the window committed are gone after it was killed: {missing}"
    assert not journal_lost, f"the open window's -wal and -shm were deleted when these closed it: {journal_lost}"


REOPEN = """
import sys
from outreach_desk.services import organisation
from outreach_desk.store import open_database
from outreach_desk.store.connection import upgrade_in_place

db, township_id = sys.argv[1], int(sys.argv[2])
open_database(db)
print("added", organisation.add_village(township_id, "北门村"), flush=True)
upgrade_in_place(db)  # what the window does for a large old store, with this thread's connection open
open_database(db)     # and what it does again after an upgrade or a restore
print("ready", flush=True)
for line in sys.stdin:
    print("added", organisation.add_village(township_id, line.strip()), flush=True)
"""


def test_opening_the_store_again_in_a_process_that_has_it_open_keeps_its_locks(township_db):
    db, township_id = township_db
    env = child_environment()
    with subprocess.Popen([sys.executable, "-c", REOPEN, str(db), str(township_id)], cwd=ROOT, env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8") as process:
        try:
            first = process.stdout.readline().split()
            assert first[:1] == ["added"], first
            assert process.stdout.readline().strip() == "ready"
            result = _plain_sqlite(db, env)
            assert result.returncode == 0, result.stderr
            journal = _journal_files(db)
            process.stdin.write("南门村\n")
            process.stdin.flush()
            second = process.stdout.readline().split()
            assert second[:1] == ["added"], second
        finally:
            process.kill()
    with sqlite3.connect(db) as connection:
        found = dict(connection.execute("SELECT name, id FROM village").fetchall())
    assert found.get("北门村") == int(first[1]) and found.get("南门村") == int(second[1]), found
    assert journal == {"-wal": True, "-shm": True}, "another process's close deleted the journal of the open store"
