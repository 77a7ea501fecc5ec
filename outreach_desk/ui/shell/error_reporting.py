"""Unhandled exceptions in the window: logged first (logs.py), then shown in an ErrorDialog on the GUI
thread, whichever thread raised them. Only QtCore is imported here, so installing it at start-up is
cheap; the dialog's widgets are imported when an error is first shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget


class UnhandledErrorReporter(QObject):
    """``logs.install_excepthook(reporter)`` logs an exception, then calls this object."""

    _requested = Signal(object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._requested.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.shown = 0

    def __call__(self, exc: BaseException, details: str) -> None:
        self._requested.emit(exc, details)

    def _show(self, exc: BaseException, details: str) -> None:
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.store import StoreError
        from outreach_desk.ui.shell.errors import ErrorDialog

        if isinstance(exc, (ServiceError, StoreError)):
            show_exception(QApplication.activeWindow(), exc, details)
            return
        self.shown += 1
        ErrorDialog(QApplication.activeWindow(), exc, details).exec()


def show_exception(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """``ui.shell.errors.show_exception``, its dialogs imported when an error is first shown rather than at
    start-up by every page that may show one."""
    from outreach_desk.ui.shell.errors import show_exception as show

    show(parent, exc, details)


def install_error_reporting(app: QApplication) -> UnhandledErrorReporter:
    """The log file, Qt's messages into it, and unhandled exceptions logged then shown (see logs.py)."""
    from outreach_desk import logs

    logs.setup_logging()
    logs.install_qt_message_handler()
    reporter = UnhandledErrorReporter(app)
    logs.install_excepthook(reporter)
    return reporter
