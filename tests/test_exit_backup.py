"""The backup made when the window closes: it runs in a worker while the window is still on screen, under a
progress dialog that names its step; Cancel leaves no partial folder and no backup, a second close starts no
second backup, and a finished one is verified and counted. Real SQLite files; the worker is held at a known
step through the session's public ``backup_progress`` hook, so nothing depends on how fast the machine is."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from test_backup_ui import _add, _count, dialogs  # noqa: F401 - fixture
from waits import WAIT_MS, wait_until

from outreach_desk.services import backup


class Stop(Exception):
    """What a test's progress raises, as the worker's progress raises on Cancel."""


def _partials(db_path) -> list[str]:
    folders = [db_path.parent, backup.backup_folder(db_path)]
    return [entry.name for folder in folders if folder.is_dir() for entry in os.scandir(folder)
            if entry.name.endswith(".partial")]


class Steps:
    """A progress that sorts the reports into the copy (a page count) and the check after it (none)."""

    def __init__(self, stop_in: str | None = None, after: int = 1):
        self.copy: list[tuple[int, int, str]] = []
        self.check: list[str] = []
        self.stop_in, self.after = stop_in, after

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        if total or not self.copy:
            self.copy.append((done, total, text))
            step = self.copy if total else []
        else:
            self.check.append(text)
            step = self.check
        if self.stop_in == ("copy" if step is self.copy else "check") and len(step) >= self.after:
            raise Stop()


# ---- the service: cancel between pages and inside SQLite's integrity check -------------------------------


def test_a_backup_reports_its_two_steps_and_counts_once_verified(township, db_path):
    _add(township, 60)
    steps = Steps()
    info = backup.make_backup(db_path, progress=steps)
    done, total, text = steps.copy[-1]
    assert total > 0 and done == total and text.startswith("Step 1 of 2: Copying the database")
    assert steps.check and all(text.startswith("Step 2 of 2: Checking every page") for text in steps.check)
    assert backup.list_backups(db_path) == [(info.taken_at, info.path)]
    assert backup.verify(info.path).activities == 60 and not _partials(db_path)


def test_a_cancel_between_pages_of_the_copy_leaves_no_partial_folder_and_no_backup(township, db_path):
    _add(township, 60)
    steps = Steps(stop_in="copy")
    with pytest.raises(Stop):
        backup.make_backup(db_path, progress=steps)
    assert steps.copy[-1][1] > 0 and not steps.check, "stopped after a page of the copy, before the check"
    assert backup.list_backups(db_path) == [] and _partials(db_path) == []
    assert _count(db_path) == 60


def test_a_cancel_inside_the_integrity_check_stops_sqlite_and_is_raised_not_taken_for_damage(
        township, db_path, monkeypatch):
    _add(township, 300)
    monkeypatch.setattr(backup, "CHECK_REPORT_EVERY_S", 0.0)  # report at each look SQLite gives the handler
    monkeypatch.setattr(backup, "CHECK_PROGRESS_OPS", 50)
    steps = Steps(stop_in="check", after=2)  # the first report comes before the check, the second from inside
    with pytest.raises(Stop):
        backup.make_backup(db_path, progress=steps)
    assert len(steps.check) == 2
    assert backup.list_backups(db_path) == [] and _partials(db_path) == []
    assert backup.make_backup(db_path).activities == 300, "the database was not harmed by the stopped check"


# ---- the window ---------------------------------------------------------------------------------------


class Hold:
    """The session's ``backup_progress``: holds the worker at the first report of ``step`` until released."""

    def __init__(self, step: str, after: int = 1):
        self.steps = Steps()
        self.step, self.after = step, after
        self.reached, self.release = threading.Event(), threading.Event()

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        self.steps(done, total, text)
        reports = self.steps.copy[1:] if self.step == "copy" else self.steps.check
        if len(reports) == self.after and not self.reached.is_set():
            self.reached.set()
            assert self.release.wait(WAIT_MS / 1000), "the test never released the worker"


@pytest.fixture
def open_session(qtbot, township, db_path, dialogs, monkeypatch):  # noqa: F811 - the fixture imported above
    from outreach_desk.store import close_database
    from outreach_desk.ui.shell.store_session import StoreSession

    monkeypatch.setattr(backup, "COPY_STEP_PAGES", 4)  # a small file copied in several steps, as a county's is
    monkeypatch.setattr(backup, "CHECK_PROGRESS_OPS", 50)  # and checked with several looks at the cancel
    sessions = []

    def open_with(hold: Hold | None = None):
        _add(township, 120)  # written after the newest backup (there is none): an exit backup is due
        close_database()
        session = StoreSession(db_path, "en", backup_progress=hold)
        sessions.append((session, hold))
        assert session.open()
        window = session.make_window()
        window.show()
        qtbot.waitExposed(window)
        return session, window

    yield open_with
    for session, hold in sessions:
        if hold is not None:
            hold.release.set()
        if session.exit_task is not None:
            wait_until(qtbot, lambda ended=session: ended.exit_task is None, "the exit backup to end")
        session.close(backup_on_exit=False)
        if session.window is not None:
            session.window.hide()
            session.window.deleteLater()


def _progress_dialog(window) -> QProgressDialog | None:
    shown = [widget for widget in window.findChildren(QProgressDialog) if widget.isVisible()]
    return shown[0] if shown else None


def _ticks_while(qtbot, condition) -> int:
    """How many times a GUI-thread timer fired while waiting for ``condition``: the event loop ran."""
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        wait_until(qtbot, lambda: condition() and len(ticks) >= 5, "the event loop to keep running")
    finally:
        timer.stop()
    return len(ticks)


def _label(window) -> str:
    dialog = _progress_dialog(window)
    return dialog.labelText() if dialog is not None else ""


def test_closing_backs_up_under_a_dialog_while_the_window_answers_and_the_backup_counts(
        open_session, qtbot, db_path, monkeypatch):
    monkeypatch.setattr(backup, "CHECK_REPORT_EVERY_S", 0.0)
    hold = Hold("check", after=2)  # held inside SQLite's integrity check, its first report on screen
    session, window = open_session(hold)
    window.close()
    assert window.isVisible() and session.exit_task is not None, "the window stays while the backup runs"
    wait_until(qtbot, hold.reached.is_set, "the worker to reach the check")
    wait_until(qtbot, lambda: _label(window).startswith(
        "Backing up the database and checking the backup…\nStep 2 of 2: Checking every page"), "the dialog's step")
    assert _ticks_while(qtbot, hold.reached.is_set) >= 5, "the GUI thread runs while the worker is held"
    task = session.exit_task
    window.close()  # a second close request while the backup runs
    assert window.isVisible() and session.exit_task is task
    hold.release.set()
    wait_until(qtbot, lambda: not window.isVisible(), "the window to close after the backup")
    backups = backup.list_backups(db_path)
    assert len(backups) == 1 and backup.verify(backups[0][1]).activities == 120
    assert hold.steps.copy[-1][0] == hold.steps.copy[-1][1], "the whole file was copied before the check"
    assert _partials(db_path) == [] and session.exit_backup_over
    session.close()
    assert len(backup.list_backups(db_path)) == 1, "the session's close makes no second backup"


@pytest.mark.parametrize("step", ["copy", "check"])
def test_cancel_stops_the_backup_leaves_no_partial_folder_and_the_window_closes(
        open_session, qtbot, db_path, monkeypatch, dialogs, step):  # noqa: F811 - the fixture imported above
    monkeypatch.setattr(backup, "CHECK_REPORT_EVERY_S", 0.0)
    hold = Hold(step, after=2 if step == "check" else 1)  # in the check: held inside SQLite's integrity check
    session, window = open_session(hold)
    window.close()
    wait_until(qtbot, hold.reached.is_set, f"the worker to reach the {step}")
    assert _partials(db_path), "the partial folder exists while the backup runs"
    wait_until(qtbot, lambda: _progress_dialog(window) is not None, "the progress dialog")
    [cancel] = _progress_dialog(window).findChildren(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    hold.release.set()
    wait_until(qtbot, lambda: not window.isVisible(), "the window to close after the cancel")
    assert _partials(db_path) == [] and backup.list_backups(db_path) == []
    assert dialogs["boxes"] == [] and dialogs["errors"] == [], "a cancel is no failure to tell of"
    session.close()
    assert backup.list_backups(db_path) == [], "a cancelled exit backup is not made again when the session ends"
    assert _count(db_path) == 120


def test_nothing_written_since_the_newest_backup_closes_the_window_at_once(open_session, qtbot, db_path):
    session, window = open_session()
    backup.make_backup(db_path)
    window.close()
    assert not window.isVisible() and session.exit_task is None
    assert len(backup.list_backups(db_path)) == 1


def test_the_dialog_speaks_chinese(open_session, qtbot, qapp):
    from outreach_desk import i18n

    before = QLocale()
    i18n.install(qapp, "zh_CN")
    try:
        hold = Hold("copy", after=2)  # the first page's report is on screen
        _session, window = open_session(hold)
        window.close()
        wait_until(qtbot, hold.reached.is_set, "the worker to reach the copy")
        heading = "正在备份数据库并检查备份…\n第 1 步（共 2 步）："
        wait_until(qtbot, lambda: _label(window).startswith(heading), "the dialog in Chinese")
        assert "MB" in _label(window)
        hold.release.set()
        wait_until(qtbot, lambda: not window.isVisible(), "the window to close after the backup")
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(before)
