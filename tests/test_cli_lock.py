"""Commands that change the database take the window's single-writer lock; reading commands do not need it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from functools import partial

import pytest

from excel_samples import fill_template, good_activity
from fault_helpers import child_environment

from outreach_desk.services import instance_lock
from cli_runs import CLI_NEEDS_QAPP, run_cli

ROOT = Path(__file__).resolve().parent.parent
HOLD = ("import sys; from outreach_desk.services import instance_lock as l; lock = l.acquire(sys.argv[1]); "
        "print('locked', flush=True); sys.stdin.read()")

pytestmark = CLI_NEEDS_QAPP


@pytest.fixture
def org_db(township, db_path):
    from outreach_desk.store import close_database

    close_database()
    return db_path


@pytest.fixture
def window_open(org_db):
    """Another process holding the writer's lock, as an open window does."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(org_db)], cwd=ROOT, env=child_environment(),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    yield process
    process.kill()
    process.wait()
    process.stdin.close()
    process.stdout.close()


_run = partial(run_cli, lang="zh_CN")


def _count(db_path, table: str) -> int:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture
def workbook(org_db, tmp_path):
    from outreach_desk.services.excel import template
    from outreach_desk.store import close_database, open_database

    open_database(org_db)
    try:
        blank = template.make_template(tmp_path / "模板.xlsx")
    finally:
        close_database()
    return fill_template(blank, tmp_path / "太平村.xlsx", activities=[good_activity(编号="N1")])


@pytest.mark.parametrize("argv", [
    ("campaign", "add", "2026年冬季", "--from", "2026-12-01", "--to", "2027-02-28"),
    ("campaign", "use", "2026年冬季"),
    ("demo", "--scale", "township"),
], ids=["campaign-add", "campaign-use", "demo"])
def test_a_writing_command_is_refused_in_chinese_while_the_window_has_the_database(capsys, org_db, window_open,
                                                                                   argv):
    before = (_count(org_db, "activity"), _count(org_db, "campaign"), org_db.stat().st_mtime_ns)
    code, out, err = _run(capsys, org_db, *argv)
    assert code == 2, out + err
    assert "已" in err and str(org_db) in err  # who holds it comes from the lock's own message
    assert "未作任何更改" in err and "关闭" in err
    assert (_count(org_db, "activity"), _count(org_db, "campaign"), org_db.stat().st_mtime_ns) == before


def test_an_import_is_refused_while_the_window_has_the_database_but_a_dry_run_is_not(capsys, org_db, workbook,
                                                                                    window_open):
    before = _count(org_db, "activity")
    code, _out, err = _run(capsys, org_db, "import", str(workbook))
    assert code == 2 and "未作任何更改" in err
    assert _count(org_db, "activity") == before
    code, out, err = _run(capsys, org_db, "import", str(workbook), "--dry-run", lang="en")
    assert code == 0, err
    assert "no problems" in out
    assert _count(org_db, "activity") == before


def test_restore_is_refused_with_the_same_message(capsys, org_db, window_open, tmp_path):
    from outreach_desk.services import backup

    good = backup.make_backup(org_db, tmp_path / "copies")
    code, _out, err = _run(capsys, org_db, "restore", str(good.path))
    assert code == 2 and "未作任何更改" in err
    assert not list(org_db.parent.glob("*before-restore*"))


def test_reading_commands_run_beside_the_window(capsys, org_db, window_open, tmp_path):
    code, out, err = _run(capsys, org_db, "campaign", "list", lang="en")
    assert code == 0, err
    code, _out, err = _run(capsys, org_db, "template", str(tmp_path / "blank.xlsx"))
    assert code == 0, err
    code, _out, err = _run(capsys, org_db, "org-template", str(tmp_path / "organisation.xlsx"))
    assert code == 0, err
    code, _out, err = _run(capsys, org_db, "check")
    assert code == 0, err


def test_a_writing_command_takes_the_lock_and_gives_it_back(capsys, org_db, monkeypatch):
    from outreach_desk.services.coverage import campaigns

    seen = []
    original = campaigns.create

    def create(*args, **kwargs):
        seen.append((instance_lock.held_here(org_db), instance_lock.held_elsewhere(org_db)))
        return original(*args, **kwargs)

    monkeypatch.setattr(campaigns, "create", create)
    code, _out, err = _run(capsys, org_db, "campaign", "add", "2026年冬季", "--from", "2026-12-01", "--to",
                           "2027-02-28", lang="en")
    assert code == 0, err
    assert seen == [(True, False)]
    assert not instance_lock.held_here(org_db) and not instance_lock.held_elsewhere(org_db)
    with instance_lock.acquire(org_db) as lock:  # free for the window
        assert lock.held


def test_a_command_run_by_the_process_holding_the_lock_keeps_it(capsys, org_db):
    lock = instance_lock.acquire(org_db)
    try:
        code, _out, err = _run(capsys, org_db, "campaign", "add", "2026年冬季", "--from", "2026-12-01", "--to",
                               "2027-02-28", lang="en")
        assert code == 0, err
        assert lock.held and instance_lock.held_here(org_db)
    finally:
        lock.release()


def test_a_first_run_makes_the_folder_for_the_lock_and_the_database(capsys, tmp_path):
    db_path = tmp_path / "新文件夹" / "台账.db"
    code, _out, err = _run(capsys, db_path, "campaign", "add", "2026年冬季", "--from", "2026-12-01", "--to",
                           "2027-02-28", lang="en")
    assert code == 0, err
    assert _count(db_path, "campaign") == 1
    assert not instance_lock.held_here(db_path)


@pytest.mark.parametrize(("argv", "writes"), [
    (["demo"], True), (["campaign", "list"], False), (["campaign", "add", "x", "--from", "2026-01-01", "--to",
                                                                         "2026-02-01"], True),
    (["campaign", "use", "x"], True), (["import", "a.xlsx"], True), (["import", "a.xlsx", "--dry-run"], False),
    (["restore", "b.db"], True), (["coverage"], False), (["template", "t.xlsx"], False), (["report"], False),
    (["backup"], False), (["check"], False), (["check", "--repair-indexes"], True),
    (["org-template", "o.xlsx"], False), (["org-import", "o.xlsx"], True),
    (["org-import", "o.xlsx", "--dry-run"], False),
])
def test_which_commands_write(argv, writes):
    from outreach_desk.cli import parse_arguments
    from outreach_desk.cli.common import writes_database

    assert writes_database(parse_arguments(argv)) is writes
