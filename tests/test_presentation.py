"""Presentation mode: one chart at a time with large type, moved through with the keyboard, left with Esc."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from test_coverage_engine import build_town

from outreach_desk.services.coverage import campaigns, periods
from outreach_desk.ui.dashboard.presentation import PresentationWindow
from waits import WAIT_MS

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def data(store, qapp):
    from outreach_desk.services import dashboard

    build_town()
    period = periods.to_date(campaigns.require_current(), TODAY)
    return dashboard.load(dashboard.DashboardFilter(period), today=TODAY)


@pytest.fixture
def window(qtbot, data):
    import shiboken6

    window = PresentationWindow(data)  # deletes itself on close, so not handed to qtbot
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if shiboken6.isValid(window):
        window.close()


def titles() -> list[str]:
    from outreach_desk.services.charts import figures
    from outreach_desk.ui.dashboard.loading import chart_title

    return [chart_title(title) for _key, title, _builder in figures.CHARTS]


def shown(window) -> tuple[int, str, str]:
    return window.index, window.title_label.text(), window.position_label.text()


def test_starts_on_the_first_chart_with_its_title_and_position(window):
    total = len(titles())
    assert total >= 5
    assert shown(window) == (0, titles()[0], f"1 / {total}")
    assert window.canvas is not None and window.canvas.figure is window.figure()


def test_right_moves_on_and_left_moves_back(qtbot, window):
    total = len(titles())
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert shown(window) == (1, titles()[1], f"2 / {total}")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert shown(window) == (3, titles()[3], f"4 / {total}")
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert shown(window) == (1, titles()[1], f"2 / {total}")


def test_the_ends_stop_and_home_end_jump(qtbot, window):
    total = len(titles())
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert shown(window) == (total - 1, titles()[-1], f"{total} / {total}")
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == total - 1
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.index == 0


def test_each_chart_is_drawn_in_its_canvas(qtbot, window):
    for index in range(window.count()):
        window.go_to(index)
        drawn = []
        window.canvas.mpl_connect("draw_event", lambda _event: drawn.append(True))
        window.canvas.draw()
        assert drawn and window.canvas.figure is window.figure(index)


def test_esc_closes_and_says_so(qtbot, window):
    with qtbot.waitSignal(window.closed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_presentation_type_is_larger_than_on_screen(window, data):
    from matplotlib.text import Text

    from outreach_desk.services.charts import figures

    def largest(figure) -> float:
        return max(t.get_fontsize() for t in figure.findobj(Text) if t.get_text())

    for index, (_key, _title, builder) in enumerate(figures.CHARTS):
        assert largest(window.figure(index)) > largest(builder(data))


def test_the_next_chart_is_prepared_while_one_is_shown(qtbot, window):
    qtbot.waitUntil(lambda: 1 in window.figures, timeout=WAIT_MS)
    prepared = window.figures[1]
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.canvas.figure is prepared


def test_new_data_rebuilds_the_chart_shown(qtbot, window, data):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    before = window.figure()
    window.set_data(data)
    assert window.index == 1 and window.figure() is not before
    assert window.canvas.figure is window.figure()
