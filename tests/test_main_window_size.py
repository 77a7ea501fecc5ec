"""The window's first size fits the screen: a 1366 × 768 laptop shows the status bar and Save button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from outreach_desk.ui.shell import main_window


class _Screen:
    def __init__(self, width: int, height: int):
        self._room = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 (Qt's name)
        return self._room


@pytest.mark.parametrize(("room", "expected"), [
    ((1920, 1040), QSize(1280, 800)),     # a desktop monitor: the usual size
    ((1366, 728), QSize(1280, 669)),      # a 1366 × 768 laptop with a 40-pixel taskbar
    ((1024, 600), QSize(1024, 552)),      # a netbook
])
def test_first_size_fits_the_room_the_screen_has(qtbot, store, db_path, monkeypatch, room, expected):
    monkeypatch.setattr(main_window, "PAGES", [])
    monkeypatch.setattr(main_window.MainWindow, "screen", lambda self: _Screen(*room))
    window = main_window.MainWindow(db_path, "zh_CN")
    qtbot.addWidget(window)
    assert window.first_size() == expected
    assert window.size() == expected
