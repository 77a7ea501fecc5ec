"""The window's full check in the background (weekly, and after the program did not close normally), its
offer to rebuild damaged indexes, and the question before another township's backup replaces the data.
Real database files with real index damage; modal dialogs are replaced, background work is waited for."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from index_damage import damage_index
from outreach_desk.services import backup, database_check
from test_backup_ui import _add, _count, _open_window, _wait_tasks, dialogs, session  # noqa: F401 - fixtures
from waits import WAIT_MS


@pytest.fixture
def damaged(township, db_path):
    """A store whose uuid index holds keys no record has (the records themselves intact); closed."""
    from outreach_desk.store import close_database

    _add(township, 120)
    close_database()
    return damage_index(db_path)


def _wait_session_tasks(qtbot, session):
    qtbot.waitUntil(lambda: all(task.done for task in session.tasks), timeout=60000)


def test_after_an_unclean_exit_the_background_check_is_full_and_rebuilds_damaged_indexes(
        qtbot, damaged, db_path, dialogs, monkeypatch):
    from outreach_desk.ui.shell import store_session

    monkeypatch.setattr(store_session, "FIRST_CHECKS_DELAY_MS", 0)
    killed = store_session.StoreSession(db_path, "en")
    killed.settings.setValue(killed._settings_key("last_full_check"), dt.datetime.now().isoformat())
    assert killed.open()
    killed.mark_session_open()  # what its window does once ready for typing
    from outreach_desk.store import close_database

    close_database()
    killed.lock.release()  # what the OS does for a killed process; its session mark stays behind

    session = store_session.StoreSession(db_path, "en")
    try:
        _open_window(session, qtbot)
        assert session.unclean_exit
        session.start_background_work()
        qtbot.waitUntil(lambda: bool(dialogs["questions"]), timeout=60000)
        assert damaged in dialogs["questions"][0] and "Rebuild the indexes" in dialogs["questions"][0]
        qtbot.waitUntil(lambda: any("rebuilt" in text for text in dialogs["boxes"]), timeout=60000)
        _wait_session_tasks(qtbot, session)
        assert database_check.check(db_path).ok and _count(db_path) == 120
    finally:
        session.close(backup_on_exit=False)
    assert not session.settings.value(session._settings_key("session_open"), False, type=bool)


def test_the_full_check_waits_for_its_week_after_a_clean_exit(qtbot, damaged, db_path, dialogs, monkeypatch):
    from outreach_desk.ui.shell import store_session

    monkeypatch.setattr(store_session, "FIRST_CHECKS_DELAY_MS", 0)
    session = store_session.StoreSession(db_path, "en")
    session.settings.setValue(session._settings_key("last_full_check"), dt.datetime.now().isoformat())
    try:
        _open_window(session, qtbot)
        assert not session.unclean_exit
        session.start_background_work()
        qtbot.waitUntil(lambda: bool(session.tasks), timeout=WAIT_MS)
        _wait_session_tasks(qtbot, session)
        assert dialogs["questions"] == [], "the quick check at start does not look inside indexes"

        week_ago = dt.datetime.now() - store_session.FULL_CHECK_INTERVAL - dt.timedelta(minutes=1)
        session.settings.setValue(session._settings_key("last_full_check"), week_ago.isoformat())
        dialogs["answer"] = QMessageBox.StandardButton.No
        session.scheduled_full_check()
        qtbot.waitUntil(lambda: bool(dialogs["questions"]), timeout=60000)
        assert damaged in dialogs["questions"][0]
        assert not database_check.check(db_path).ok, "declined: nothing was changed"
        last = session.settings.value(session._settings_key("last_full_check"), "", type=str)
        assert dt.datetime.fromisoformat(last) > week_ago
    finally:
        session.close(backup_on_exit=False)


def test_check_database_offers_to_rebuild_damaged_indexes(qtbot, damaged, session, db_path, dialogs, monkeypatch):
    window = _open_window(session, qtbot)

    def press_rebuild(box):
        dialogs["boxes"].append(box.text())
        box.findChild(QAbstractButton, "rebuildIndexes").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_rebuild)
    window.backup_actions.check_database()
    qtbot.waitUntil(lambda: bool(dialogs["info"]), timeout=60000)
    _wait_tasks(qtbot, window.backup_actions)
    assert damaged in dialogs["boxes"][0] and "rebuilt" in dialogs["info"][-1]
    assert database_check.check(db_path).ok and _count(db_path) == 120


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_restoring_another_townships_backup_asks_first(qtbot, session, dialogs, township, db_path, tmp_path, answer):
    from outreach_desk.services import organisation
    from outreach_desk.store import close_database, open_database

    close_database()
    other = tmp_path / "凤凰镇.db"
    open_database(other)
    organisation.add_township("凤凰镇", "凤凰镇综治办")
    close_database()
    foreign = backup.make_backup(other)

    window = _open_window(session, qtbot)
    dialogs["answer"] = answer
    window.backup_actions.choose_and_restore(foreign.path)
    qtbot.waitUntil(lambda: bool(dialogs["questions"]), timeout=30000)
    assert "平安镇" in dialogs["questions"][0] and "凤凰镇" in dialogs["questions"][0]
    if answer == QMessageBox.StandardButton.No:
        _wait_tasks(qtbot, window.backup_actions)
        assert len(dialogs["questions"]) == 1 and session.window is window
        assert backup.townships_of(db_path) == ("平安镇",)
        assert not list(db_path.parent.glob(".*restoring*"))
    else:
        qtbot.waitUntil(lambda: session.window is not window, timeout=30000)
        assert backup.townships_of(db_path) == ("凤凰镇",)


def test_the_session_mark_is_left_once_the_window_is_ready_and_cleared_at_a_normal_close(session, db_path):
    key = session._settings_key("session_open")
    assert session.open()
    assert not session.settings.value(key, False, type=bool), "nothing is written before the window is ready"
    session.mark_session_open()
    assert session.settings.value(key, False, type=bool)
    session.close(backup_on_exit=False)
    assert not session.settings.value(key, False, type=bool)
