"""Small layout pieces pages share: a splitter of panes that cannot be squeezed away, a widget centred in a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget


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
