"""Pages in tests as a clerk meets them: shown at a real size, keys sent where Qt would deliver them, counts typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from waits import WAIT_MS

from outreach_desk.ui.shell.context import AppContext


def context_with_settings(db_path: Path, settings_file: Path) -> AppContext:
    """A context in English whose settings live in their own INI file (nothing from the test machine)."""
    return AppContext(db_path, "en", settings=QSettings(str(settings_file), QSettings.Format.IniFormat))


def shown(qtbot, widget: QWidget, width: int, height: int) -> QWidget:
    """``widget`` shown at that size and exposed; closed with the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_in_window(qtbot, page_class, context: AppContext, width: int = 1280, height: int = 760):
    """A page built inside a main window (whose status bar it uses), shown: (window, page)."""
    window = QMainWindow()
    page = page_class(context, window)
    window.setCentralWidget(page)
    shown(qtbot, window, width, height)
    return window, page


def press(qtbot, key, fallback=None) -> None:
    """A key where Qt would deliver it: an open completion list, else the focused widget (else ``fallback``)."""
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget() or fallback, key)


def type_count(qtbot, edit, text: str) -> None:
    """Replace what ``edit`` holds by ``text``, typed (ASCII only: see the pitfalls on Chinese in keyClicks)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def settle(qtbot, page) -> None:
    """Until the page has run the refresh a change asked for."""
    qtbot.waitUntil(lambda: not page._refresh_timer.isActive(), timeout=WAIT_MS)
