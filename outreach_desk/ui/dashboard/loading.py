"""The dashboard's loading, off the GUI thread: matplotlib's import, the data, the figures one by one.

``prepare_charts`` imports matplotlib and the chart builders (a worker of its own runs it when the
page is made, beside the one reading the data, unless ``preload`` did it while the clerk was in the
ledger); ``load_dashboard`` reads the data (the tiles are handed over at once) and builds each figure, handing
each over to the page as soon as it is built (``Courier``), so the first charts are on screen while
the others are built; ``load_streaks`` ranks the last months for the streak tile afterwards.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from outreach_desk.services.dashboard import DashboardData, DashboardFilter


@dataclass
class Loaded:
    """What the worker hands back: the data and, in the order of ``charts.figures.CHARTS``, the figures."""

    data: DashboardData
    charts: list[tuple[str, str, object]]  # (key, translated title, Figure)


_PREPARE_LOCK = threading.Lock()
_TEXT_LOADED = False
_PREPARED = threading.Event()


def prepare_charts(_progress=None) -> None:
    """Import matplotlib, the chart builders and matplotlib's Qt canvas module, and choose the Chinese font.

    The page runs this in a worker of its own the first time, beside the one reading the data:
    SQLite releases the GIL, so the import (most of a first opening on a township) overlaps it.
    Both workers call it, one at a time: matplotlib imported by two threads at once can meet its
    own modules half initialised ("cannot import name 'Transform' from partially initialized module").
    The canvas widgets themselves are made on the GUI thread. The lines of text a former run drew
    are read back (``charts.text_cache``), once.
    """
    global _TEXT_LOADED
    with _PREPARE_LOCK:
        from outreach_desk.services.charts import figures, fonts, text_cache  # noqa: F401

        from matplotlib.backends import backend_qtagg  # noqa: F401  (what the page's canvases are)

        fonts.configure()
        if not _TEXT_LOADED:
            _TEXT_LOADED = True
            text_cache.load()
        _PREPARED.set()


def charts_prepared() -> bool:
    """matplotlib, the chart builders and the chart font are ready (``prepare_charts`` has run once)."""
    return _PREPARED.is_set()


def keep_chart_text(_progress=None) -> None:
    """Save the lines of text drawn so far for the next start (in a worker: it writes a file)."""
    from outreach_desk.services.charts import text_cache

    text_cache.save()


def load_dashboard(chosen: DashboardFilter, day: dt.date, progress=None, deliver=None) -> Loaded:
    """Read the dashboard's data and build its figures (in a worker thread: matplotlib has no GUI here).

    ``deliver(data, (key, title, figure))``, when given, gets each chart as soon as it is built: the page
    draws the first charts while the worker builds the others; ``deliver(data, None)`` comes first, with
    the numbers of the tiles.
    """
    from outreach_desk.services import dashboard

    data = dashboard.load(chosen, today=day, progress=progress)
    if deliver is not None:
        deliver(data, None)   # the tiles, while matplotlib may still be importing
    prepare_charts()
    from outreach_desk.services.charts import figures

    built = []
    for key, title, builder in figures.CHARTS:
        if progress is not None:
            progress(len(built), len(figures.CHARTS))
        built.append((key, chart_title(title), builder(data)))
        if deliver is not None:
            deliver(data, built[-1])
    return Loaded(data, built)


def load_streaks(chosen: DashboardFilter, day: dt.date, _progress=None):
    """The bottom streaks tile's villages (in a worker, after the charts: it ranks several months)."""
    from outreach_desk.services import dashboard

    return dashboard.load_streaks(chosen, today=day)


def chart_title(title: str) -> str:
    from outreach_desk.i18n import translate

    return translate("Charts", title)


def chart_builders() -> dict[str, object]:
    from outreach_desk.services.charts import figures

    return {key: builder for key, _title, builder in figures.CHARTS}


#: how long the worker waits for a chart it handed over to be drawn before it builds the next one
HANDOVER_WAIT_S = 1.0


class Courier(QObject):
    """Carries each chart the worker builds to the GUI thread (a queued signal): load number, data, chart and
    the event to set once it is drawn. The worker waits for that before building the next chart: Python runs
    one thread at a time, and building beside drawing only made both slower (and the first chart no earlier)."""

    arrived = Signal(int, object, object, object)

    def handover(self, number: int, data, chart) -> None:
        """In the worker: send the chart, then wait (at most HANDOVER_WAIT_S) until the page has drawn it."""
        drawn = threading.Event()
        self.arrived.emit(number, data, chart, drawn)
        drawn.wait(HANDOVER_WAIT_S)
