"""The log file and unhandled exceptions: written to a rotating file, printed, shown, never swallowed."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QThread, QTimer, qWarning
from PySide6.QtWidgets import QApplication

from outreach_desk import logs
from waits import WAIT_MS


@pytest.fixture
def log_folder(tmp_path):
    logs.shutdown_logging()
    folder = tmp_path / "日志"
    path = logs.setup_logging(folder)
    yield folder
    logs.uninstall_excepthook()
    logs.shutdown_logging()
    assert path == folder / logs.LOG_FILE_NAME


def _read(folder) -> str:
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()
    return (folder / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_log_goes_to_the_per_user_data_folder_by_default():
    from outreach_desk.paths import user_data_dir

    assert logs.log_dir() == user_data_dir() / "logs"


def test_log_file_rotates(log_folder):
    logger = logging.getLogger("outreach_desk.test")
    line = "记录 " + "x" * 1000
    for _ in range(1500):
        logger.warning(line)
    files = sorted(p.name for p in log_folder.iterdir())
    assert files[0] == logs.LOG_FILE_NAME and f"{logs.LOG_FILE_NAME}.1" in files
    assert len(files) <= logs.BACKUP_COUNT + 1
    assert all(p.stat().st_size <= logs.MAX_BYTES + 2000 for p in log_folder.iterdir())


def test_unwritable_log_folder_falls_back_to_stderr(tmp_path, capsys):
    logs.shutdown_logging()
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    try:
        assert logs.setup_logging(blocker / "logs") is None
        assert "logging to stderr" in capsys.readouterr().err
        logging.getLogger("outreach_desk").warning("still heard")
        assert "still heard" in capsys.readouterr().err
    finally:
        logs.shutdown_logging()


def _raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


@pytest.mark.qt_no_exception_capture  # pytest-qt's own hook would take the exception first
def test_unhandled_exception_is_logged_printed_and_reported(log_folder, capsys):
    reported = []
    logs.install_excepthook(lambda exc, details: reported.append((exc, details)))
    _raise_and_hook(ValueError("坏数据 in row 7"))
    text = _read(log_folder)
    assert "CRITICAL" in text and "ValueError: 坏数据 in row 7" in text and "Traceback" in text
    assert "ValueError: 坏数据 in row 7" in capsys.readouterr().err, "still printed as Python would"
    [(exc, details)] = reported
    assert isinstance(exc, ValueError) and "坏数据 in row 7" in details and str(log_folder) in details


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # pytest's hook, called after ours
def test_exception_in_a_thread_is_logged_and_reported(log_folder):
    reported = []
    logs.install_excepthook(lambda exc, details: reported.append(exc))

    def work():
        raise RuntimeError("worker failed")

    thread = threading.Thread(target=work, name="导入线程")
    thread.start()
    thread.join()
    assert [str(e) for e in reported] == ["worker failed"]
    assert "unhandled exception in thread 导入线程" in _read(log_folder)


@pytest.mark.qt_no_exception_capture
def test_a_failing_reporter_is_logged_and_does_not_loop(log_folder):
    calls = []

    def broken(exc, details):
        calls.append(exc)
        raise OSError("no display")

    logs.install_excepthook(broken)
    _raise_and_hook(KeyError("k"))
    assert len(calls) == 1
    assert "showing an unhandled error failed" in _read(log_folder)


def test_uninstall_restores_the_previous_hooks(log_folder):
    before = (sys.excepthook, threading.excepthook)
    logs.install_excepthook(None)
    assert sys.excepthook is not before[0]
    logs.uninstall_excepthook()
    assert (sys.excepthook, threading.excepthook) == before


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_qt_slot_reaches_the_hook(qtbot, log_folder):
    reported = []
    logs.install_excepthook(lambda exc, details: reported.append(exc))

    def slot():
        raise ZeroDivisionError("in a slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(reported), timeout=WAIT_MS)
    assert isinstance(reported[0], ZeroDivisionError)
    assert "ZeroDivisionError: in a slot" in _read(log_folder)


def test_qt_messages_go_to_the_log(log_folder):
    from PySide6.QtCore import qInstallMessageHandler

    previous = logs.install_qt_message_handler()
    try:
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("QPainter::begin: 一个 Qt 警告")
    finally:
        qInstallMessageHandler(previous)
    text = _read(log_folder)
    assert "WARNING outreach_desk.qt" in text and "一个 Qt 警告" in text
    assert "propagateSizeHints" not in text  # the offscreen plugin's noise at every start


# ---- the dialog ------------------------------------------------------------------------------------


def test_error_dialog_copies_its_details(qtbot):
    from outreach_desk.ui.shell.errors import ErrorDialog

    dialog = ErrorDialog(None, ValueError("坏"), "Traceback …\nValueError: 坏")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.details_view.toPlainText() == "Traceback …\nValueError: 坏"
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "Traceback …\nValueError: 坏"
    assert dialog.isVisible(), "copying does not close the dialog"


def test_reporter_shows_errors_from_any_thread_on_the_gui_thread(qtbot, monkeypatch):
    from outreach_desk.ui.shell.error_reporting import UnhandledErrorReporter
    from outreach_desk.ui.shell.errors import ErrorDialog

    shown = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append((self.details, QThread.currentThread())))
    reporter = UnhandledErrorReporter()
    thread = threading.Thread(target=lambda: reporter(RuntimeError("x"), "details from a worker"))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert shown == [("details from a worker", QApplication.instance().thread())]


def test_read_only_and_busy_database_errors_get_plain_messages(qtbot, monkeypatch):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from outreach_desk.ui.shell.errors import ErrorDialog, show_exception

    warnings, dialogs = [], []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text)))
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: dialogs.append(self))
    show_exception(None, sqlite3.OperationalError("attempt to write a readonly database"))
    show_exception(None, sqlite3.OperationalError("database is locked"))
    show_exception(None, sqlite3.OperationalError("database or disk is full"))
    chained = sqlite3.OperationalError("cannot rollback - no transaction is active")  # peewee, after a failed
    chained.__context__ = sqlite3.OperationalError("disk I/O error")                   # commit (seen on a full disk)
    show_exception(None, chained)
    assert len(warnings) == 4 and dialogs == []
    show_exception(None, KeyError("surprise"), "tb")
    assert len(dialogs) == 1 and dialogs[0].details == "tb"


def test_log_file_is_made_by_the_first_record_without_logging_handlers_at_start_up(tmp_path):
    """logging.handlers (socket, pickle) is left out of start-up; the first record still reaches the file."""
    import subprocess

    script = (
        "import logging, sys\n"
        "from outreach_desk import logs\n"
        f"path = logs.setup_logging({str(tmp_path / '日志')!r})\n"
        "print('logging.handlers' in sys.modules, path.exists())\n"
        "logging.getLogger('outreach_desk').warning('第一条')\n"
        "print('logging.handlers' in sys.modules, path.read_text(encoding='utf-8').strip().endswith('第一条'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "True", "True"]


def test_a_full_disk_under_the_log_costs_one_line_on_stderr_not_a_traceback_per_record(tmp_path, capsys):
    from small_disk import fill, tiny_tmpfs

    logs.shutdown_logging()
    with tiny_tmpfs(tmp_path / "满盘", "1M") as folder:
        try:
            logs.setup_logging(folder / "logs")
            fill(folder)
            logger = logging.getLogger("outreach_desk.test")
            for number in range(3):
                logger.warning("记录 %d %s", number, "x" * 5000)
            err = capsys.readouterr().err
        finally:
            logs.shutdown_logging()
    assert "Traceback" not in err and "Logging error" not in err, err
    assert err.count("cannot write the log") == 1 and "记录 2" in err
