"""Counting the ledger's records and totals off the GUI thread.

Totals scan every matching record (a quarter of a second for a million of them), so the table
shows its first page at once and the status bar fills in when the count arrives. At most one
count runs: a new request interrupts the running one (its answer is no longer wanted) and
requests made meanwhile collapse into the newest. Every answer carries the number of the request
it answers, so a late answer to an old filter is recognisable.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QThreadPool, Signal

from outreach_desk.services import ledger_query
from outreach_desk.services.ledger_query import LedgerFilter
from outreach_desk.store.threads import QueryStopper
from outreach_desk.ui.shell.tasks import Task

log = logging.getLogger("outreach_desk")


class TotalsFetcher(QObject):
    #: (request number, LedgerTotals)
    ready = Signal(int, object)
    #: (request number, error text)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: tuple[int, Task] | None = None
        self._pending: tuple[int, LedgerFilter] | None = None
        self._last_request = 0
        self._lock = threading.Lock()
        self._stopper = QueryStopper()
        self._interrupted: set[int] = set()

    def request(self, ledger_filter: LedgerFilter) -> int:
        """Ask for the totals of ``ledger_filter``; returns the request number ``ready`` will carry."""
        self._last_request += 1
        self._pending = (self._last_request, ledger_filter)
        if self._running is None:
            self._start_pending()
        else:
            self._interrupt_running()
        return self._last_request

    @property
    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def stop(self) -> None:
        """Drop waiting requests, interrupt the running count and wait for its thread (before closing the store)."""
        self._pending = None
        self._interrupt_running()
        self._pool.waitForDone()

    def _interrupt_running(self) -> None:
        with self._lock:
            if self._running is not None and self._stopper.stop():
                self._interrupted.add(self._running[0])

    def _start_pending(self) -> None:
        number, ledger_filter = self._pending
        self._pending = None

        def count(_progress):
            with self._stopper.running():
                return ledger_query.totals(ledger_filter)

        task = Task(count, self)
        task.succeeded.connect(lambda totals: self._finish(task, number, totals, None))
        task.failed.connect(lambda exc, details: self._finish(task, number, None, f"{exc}\n{details}"))
        self._running = (number, task)
        task.start(self._pool)

    def _finish(self, task: Task, number: int, totals, error: str | None) -> None:
        self._running = None
        task.deleteLater()
        with self._lock:
            interrupted = number in self._interrupted
            self._interrupted.discard(number)
        if self._pending is not None:
            self._start_pending()
        if error is None:
            self.ready.emit(number, totals)
        elif not interrupted:
            log.error("counting ledger totals failed: %s", error)
            self.failed.emit(number, error.splitlines()[0])
