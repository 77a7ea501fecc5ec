"""Background work off the GUI thread, with progress, cancel and results delivered on the GUI thread.

``run_task(parent, title, fn, on_done)`` calls ``fn(progress)`` in a worker thread that holds its
own database connection (unless ``needs_database=False``: work on the database file through
connections of its own, such as backups, which must not reopen a store that is closed or damaged).
``progress(done, total, text="")`` reports and raises ``Cancelled`` once the user pressed Cancel,
so long loops stop at the next report.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress:
    def __init__(self, signals: "_Signals"):
        self._signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.progress.emit(int(done), int(total), text)


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress,
                 needs_database: bool = True):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals
        self._progress = progress
        self._needs_database = needs_database

    def run(self) -> None:
        import contextlib

        from outreach_desk.store.threads import worker_connection

        try:
            with worker_connection() if self._needs_database else contextlib.nullcontext():
                result = self._fn(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, never swallowed
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """A running background job; keep a reference until it reports."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None, needs_database: bool = True):
        super().__init__(parent)
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._signals.progress.connect(self.progressed)
        self._signals.finished.connect(self.succeeded)
        self._signals.failed.connect(self.failed)
        self._signals.cancelled.connect(self.cancelled)
        self._runnable = _Runnable(fn, self._signals, self.progress, needs_database)
        self.done = False
        for signal in (self.succeeded, self.failed, self.cancelled):
            signal.connect(self._mark_done)

    def _mark_done(self, *args) -> None:
        self.done = True

    def start(self, pool: QThreadPool | None = None) -> "Task":
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        self.progress.cancel()


def run_task(parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception, str], None] | None = None,
             show_progress: bool = True, needs_database: bool = True, cancellable: bool = True) -> Task:
    """Start ``fn`` in the background; show a progress dialog after a short delay, with a Cancel
    button unless the work cannot stop half-way (``cancellable=False``)."""
    task = Task(fn, parent, needs_database)
    dialog = None
    if show_progress:
        dialog = QProgressDialog(title, QProgressDialog.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        if not cancellable:
            dialog.setCancelButton(None)

        def on_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        task.progressed.connect(on_progress)

    def close_dialog(*_args) -> None:
        if dialog is not None:
            dialog.canceled.disconnect(task.cancel)
            dialog.close()
            dialog.deleteLater()

    task.succeeded.connect(close_dialog)
    task.failed.connect(close_dialog)
    task.cancelled.connect(close_dialog)
    if on_done is not None:
        task.succeeded.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    else:
        from outreach_desk.ui.shell.errors import show_exception

        task.failed.connect(lambda exc, tb: show_exception(parent, exc, tb))
    return task.start()
