"""Small layout pieces pages share: a page's rows with the common margins, a splitter of panes that cannot be
squeezed away, a widget centred in a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget


def page_layout(page: QWidget, *rows: QLayout | QWidget | tuple[QWidget, int]) -> QVBoxLayout:
    """``page``'s rows from top to bottom, 6 px from the edges and flush on the status bar: a layout, a widget,
    or (widget, stretch) for the one that takes the spare height."""
    layout = add_rows(QVBoxLayout(page), *rows)
    layout.setContentsMargins(6, 6, 6, 0)
    return layout


def add_rows(layout: QVBoxLayout, *rows: QLayout | QWidget | tuple[QWidget, int]) -> QVBoxLayout:
    """Add ``rows`` to ``layout`` from top to bottom: a layout, a widget, or (widget, stretch)."""
    for row in rows:
        if isinstance(row, QLayout):
            layout.addLayout(row)
        elif isinstance(row, tuple):
            layout.addWidget(*row)
        else:
            layout.addWidget(row)
    return layout


def splitter(parent: QWidget, name: str, orientation: Qt.Orientation, *panes: tuple[QWidget, int]) -> QSplitter:
    """A splitter of ``panes`` (widget, stretch factor) none of which can be collapsed out of sight."""
    split = QSplitter(orientation, parent)
    split.setObjectName(name)
    for index, (widget, stretch) in enumerate(panes):
        split.addWidget(widget)
        split.setStretchFactor(index, stretch)
    split.setChildrenCollapsible(False)
    return split


def centred(parent: QWidget, widget: QWidget) -> QWidget:
    """A holder showing ``widget`` in the middle of its row (a page's empty-state text)."""
    holder = QWidget(parent)
    row = QHBoxLayout(holder)
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return holder
