"""The charts' code made ready while the clerk works in the ledger: matplotlib's import, once the window is idle.

Importing matplotlib is most of the dashboard's first opening. ``preload_when_idle`` starts it in a
worker a short pause after the main window's first paint (the ledger's first page, its totals and
its choice lists go first, so start-up and typing do not share the processor with it). A leader
who opens the dashboard a few seconds after start then waits only for the data and the charts;
one who opens it sooner waits for the import already under way (``loading.prepare_charts`` runs
one at a time and does its work once).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: pause after the window's first paint before the import starts
PAUSE_MS = 1000


class _AfterFirstPaint(QObject):
    """Watches one window until its first paint, then starts the preload after ``PAUSE_MS``."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(PAUSE_MS, self._start)
        return False

    def _start(self) -> None:
        start(self._window)


def preload_when_idle(window: QWidget) -> None:
    """Prepare the charts in the background a short pause after ``window`` is first painted."""
    _AfterFirstPaint(window)


def start(parent: QWidget | None):
    """Prepare the charts now, in a worker; a failure is left for the dashboard to show when it loads."""
    from outreach_desk.i18n import translate
    from outreach_desk.ui.dashboard import loading
    from outreach_desk.ui.shell.tasks import run_task

    if loading.charts_prepared():
        return None
    return run_task(parent, translate("DashboardPage", "Preparing the charts"), loading.prepare_charts,
                    show_progress=False, needs_database=False, on_error=lambda _exc, _details: None)
