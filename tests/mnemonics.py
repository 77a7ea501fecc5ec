"""Alt mnemonics as Qt reads them: the letter after a single & in a label, button, group box, tab or menu."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QToolButton, QWidget

_AMPERSAND = re.compile(r"(?<!&)&([^&\s])")
_PROMISED = re.compile(r"\(([A-Za-z])\)")


def mnemonic(text: str) -> str | None:
    found = _AMPERSAND.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic Alt+letter reaches in ``window`` as it is shown now."""
    found = []
    bar = window.findChild(QMenuBar)
    if bar is not None and bar.isVisible():
        found += [(mnemonic(a.text()), a.text()) for a in bar.actions() if a.isVisible() and mnemonic(a.text())]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or isinstance(widget, (QMenu, QMenuBar)):
            continue
        texts = []
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QToolButton) and _PROMISED.search(widget.text()):
            texts.append(_PROMISED.sub(r"(&\1)", widget.text()))  # a toolbar shows "(V)" without Alt+V behind it
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        found += [(mnemonic(t), t) for t in texts if mnemonic(t)]
    return found


def menu_mnemonics(menu: QMenu) -> list[tuple[str, str]]:
    return [(mnemonic(a.text()), a.text()) for a in menu.actions()
            if a.isVisible() and not a.isSeparator() and mnemonic(a.text())]


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in found:
        by_letter.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}
