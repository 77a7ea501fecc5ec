"""The window's side of backups: File menu actions, restore with a reopened window, a damaged file at
open, the daily and the exit backup. Modal dialogs are replaced; background work is waited for."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from outreach_desk.services import backup, database_check, ledger
from waits import WAIT_MS


@pytest.fixture
def dialogs(monkeypatch):
    record = {"questions": [], "info": [], "boxes": [], "answer": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args, **kwargs):
        record["questions"].append(text)
        return record["answer"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a, **k: record["info"].append(text)))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: record["boxes"].append(box.text()) or 0)
    for name in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            staticmethod(lambda parent, title, text, *a, **k: record["boxes"].append(text)))
    from outreach_desk.ui.shell.errors import ErrorDialog

    record["errors"] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda dialog: record["errors"].append(dialog.details) or 0)
    return record


def _add(township, count: int, notes: str = "") -> None:
    for number in range(count):
        ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 3), village_id=township["village1"],
                                           kind_id=township["kinds"]["poster"], quantity=1 + number, notes=notes))


def _count(db_path) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT count(*) FROM activity").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def session(qtbot, township, db_path):
    from outreach_desk.store import close_database
    from outreach_desk.ui.shell.store_session import StoreSession

    close_database()
    opened = StoreSession(db_path, "en")
    yield opened
    opened.close(backup_on_exit=False)
    if opened.window is not None:
        opened.window.hide()
        opened.window.deleteLater()


def _open_window(session, qtbot):
    assert session.open()
    window = session.make_window()  # the session owns its windows (a restore replaces them)
    window.show()
    return window


def _wait_tasks(qtbot, actions):
    qtbot.waitUntil(lambda: all(task.done for task in actions.tasks), timeout=WAIT_MS)


def test_file_menu_has_the_backup_actions(session, qtbot, dialogs):
    window = _open_window(session, qtbot)
    names = [a.objectName() for a in window.file_menu.actions()]
    assert {"backupNow", "restoreBackup", "checkDatabase"} <= set(names)


def test_back_up_now_into_a_chosen_folder(session, qtbot, dialogs, tmp_path, township):
    window = _open_window(session, qtbot)
    _add(township, 3)
    window.backup_actions.back_up_now(tmp_path / "U盘")
    _wait_tasks(qtbot, window.backup_actions)
    [made] = list((tmp_path / "U盘").iterdir())
    assert str(made) in dialogs["info"][0]
    assert backup.verify(made).activities == 3


def test_check_database_reports_ok_and_problems(session, qtbot, dialogs, township, db_path):
    window = _open_window(session, qtbot)
    window.backup_actions.check_database()
    _wait_tasks(qtbot, window.backup_actions)
    assert dialogs["info"] and str(db_path) in dialogs["info"][0]

    _add(township, 1)
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE activity SET site_id = 4242")
    connection.commit()
    connection.close()
    window.backup_actions.check_database()
    _wait_tasks(qtbot, window.backup_actions)
    assert dialogs["boxes"], "problems are shown in a warning box"


def test_restore_from_the_menu_reopens_the_window_on_the_backup(session, qtbot, dialogs, township, db_path):
    window = _open_window(session, qtbot)
    _add(township, 4)
    made = backup.make_backup(db_path)
    _add(township, 6, notes="after the backup")
    assert _count(db_path) == 10

    window.backup_actions.choose_and_restore(made.path)
    qtbot.waitUntil(lambda: session.window is not window, timeout=WAIT_MS)

    assert "4" in dialogs["questions"][0] and made.path.name in dialogs["questions"][0]
    assert _count(db_path) == 4
    assert not shiboken6.isValid(window) or not window.isVisible(), "the old window is gone"
    assert session.window.isVisible()
    assert session.window.backup_actions.restore_handler == session.restore_from
    aside = [p for p in backup.backup_folder(db_path).iterdir() if "before-restore" in p.name]
    assert len(aside) == 1 and _count(aside[0]) == 10
    assert any(str(aside[0]) in text for text in dialogs["boxes"]), "the user is told where the old one went"
    ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 4), village_id=township["village1"],
                                       kind_id=township["kinds"]["poster"]))
    assert _count(db_path) == 5, "the reopened store is writable"


def test_declined_restore_changes_nothing(session, qtbot, dialogs, township, db_path):
    window = _open_window(session, qtbot)
    made = backup.make_backup(db_path)
    _add(township, 2)
    dialogs["answer"] = QMessageBox.StandardButton.No
    window.backup_actions.choose_and_restore(made.path)
    _wait_tasks(qtbot, window.backup_actions)
    assert dialogs["questions"] and session.window is window and _count(db_path) == 2
    assert not list(db_path.parent.glob(".*restoring*"))


def _damage(path) -> None:
    data = bytearray(path.read_bytes())
    for start in range(2 * 4096, min(len(data), 12 * 4096), 4096):
        data[start:start + 100] = b"\xa5" * 100
    path.write_bytes(bytes(data))


def _damage_the_end(path) -> None:
    """Damage the last pages (activity records), which opening the store and the window never read."""
    data = bytearray(path.read_bytes())
    for start in range(len(data) - 6 * 4096, len(data), 4096):
        data[start:start + 100] = b"\xa5" * 100
    path.write_bytes(bytes(data))


def test_damage_deeper_in_a_small_file_is_found_at_open(qtbot, township, db_path, dialogs):
    from outreach_desk.store import close_database
    from outreach_desk.ui.shell.store_session import StoreSession

    _add(township, 300, notes="长备注 " * 20)
    backup.make_backup(db_path)
    close_database()
    _damage_the_end(db_path)
    assert not database_check.check(db_path).ok
    session = StoreSession(db_path, "en")
    try:
        assert session.open()
        assert dialogs["questions"] and database_check.check(db_path).ok and _count(db_path) == 300
    finally:
        session.close(backup_on_exit=False)


def test_window_that_cannot_read_the_database_offers_a_restore(qtbot, township, db_path, dialogs, monkeypatch):
    from outreach_desk.store import close_database
    from outreach_desk.ui.shell import store_session

    _add(township, 3)
    backup.make_backup(db_path)
    close_database()
    _damage(db_path)
    monkeypatch.setattr(store_session, "CHECK_AT_OPEN_MAX_BYTES", 0)
    session = store_session.StoreSession(db_path, "en")
    try:
        opened = session.open()
        window = session.make_window() if opened else None
        assert dialogs["questions"], "the damaged file was noticed, at open or when the window read it"
        assert window is not None and _count(db_path) == 3
        window.hide()
        window.deleteLater()
    finally:
        session.close(backup_on_exit=False)


def test_damaged_file_at_open_offers_the_newest_good_backup(qtbot, township, db_path, dialogs):
    from outreach_desk.store import close_database
    from outreach_desk.ui.shell.store_session import StoreSession

    _add(township, 5)
    backup.make_backup(db_path)
    close_database()
    db_path.write_bytes(b"\0" * 100 + db_path.read_bytes()[100:])  # the header is gone: SQLite refuses it
    session = StoreSession(db_path, "en")
    try:
        assert session.open()
        assert "5" in dialogs["questions"][0]
        assert _count(db_path) == 5
        assert any("before-restore" in text for text in dialogs["boxes"])
    finally:
        session.close(backup_on_exit=False)


def test_damaged_file_without_backup_is_left_alone(qtbot, township, db_path, dialogs):
    from outreach_desk.store import close_database
    from outreach_desk.ui.shell.store_session import StoreSession

    close_database()
    db_path.write_bytes(b"\0" * 100 + db_path.read_bytes()[100:])
    before = db_path.read_bytes()
    session = StoreSession(db_path, "en")
    assert not session.open()
    session.close(backup_on_exit=False)
    assert dialogs["questions"] == [] and str(backup.backup_folder(db_path)) in dialogs["boxes"][0]
    assert db_path.read_bytes() == before


def test_damage_found_by_the_check_after_start_offers_a_restore(session, qtbot, township, db_path, dialogs,
                                                                monkeypatch):
    from outreach_desk.ui.shell import store_session

    _add(township, 300, notes="长备注 " * 20)
    backup.make_backup(db_path, now=dt.datetime.now() - dt.timedelta(days=1))
    from outreach_desk.store import close_database

    close_database()
    _damage_the_end(db_path)
    monkeypatch.setattr(store_session, "FIRST_CHECKS_DELAY_MS", 0)
    monkeypatch.setattr(store_session, "CHECK_AT_OPEN_MAX_BYTES", 0)  # as for a county-sized file
    window = _open_window(session, qtbot)
    session.start_background_work()
    qtbot.waitUntil(lambda: session.window is not window, timeout=WAIT_MS)
    assert database_check.check(db_path).ok and _count(db_path) == 300


def test_daily_backup_on_start_and_backup_on_exit_only_when_changed(session, qtbot, township, db_path, dialogs,
                                                                    monkeypatch):
    from outreach_desk.ui.shell import store_session

    monkeypatch.setattr(store_session, "FIRST_CHECKS_DELAY_MS", 0)
    _open_window(session, qtbot)
    session.start_background_work()
    qtbot.waitUntil(lambda: backup.has_backup_on(db_path, dt.date.today()), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all(task.done for task in session.tasks), timeout=WAIT_MS)
    assert len(backup.list_backups(db_path)) == 1

    session.daily_backup()  # once a day: nothing more today
    assert all(task.done for task in session.tasks) and len(backup.list_backups(db_path)) == 1

    session.close()
    assert len(backup.list_backups(db_path)) == 1, "nothing changed since the daily backup"

    assert session.open()
    _add(township, 2)
    session.close()
    backups = backup.list_backups(db_path)
    assert len(backups) == 1 and backup.verify(backups[0][1]).activities == 2, "the exit backup, rotated per day"


def test_check_offers_to_rebuild_tallies_that_differ_from_the_records(session, qtbot, dialogs, township, db_path,
                                                                      monkeypatch):
    from PySide6.QtWidgets import QAbstractButton
    from test_backup import _spoil_a_tally

    window = _open_window(session, qtbot)
    _add(township, 2)
    _spoil_a_tally(db_path)

    def press_rebuild(box):
        dialogs["boxes"].append(box.text())
        box.findChild(QAbstractButton, "rebuildTallies").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_rebuild)
    changed = []
    window.context.data_changed.connect(changed.append)
    window.backup_actions.check_database()
    _wait_tasks(qtbot, window.backup_actions)
    qtbot.waitUntil(lambda: bool(dialogs["info"]), timeout=WAIT_MS)
    assert "tallies" in dialogs["boxes"][0]
    assert "rebuilt" in dialogs["info"][-1] and "activity" in changed
    assert database_check.check(db_path).ok
