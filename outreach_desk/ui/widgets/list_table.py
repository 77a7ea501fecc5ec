"""A dialog's list of rows to pick from, with its column of buttons beside it (campaigns, report deadlines).

Read-only, one row selected at a time, Tab leaving the table, the first column taking the spare width.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableWidget, QVBoxLayout, QWidget


def list_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def button_column(buttons: list[QPushButton]) -> QVBoxLayout:
    """The buttons top-aligned in a column; none of them takes Enter from the dialog's default button."""
    column = QVBoxLayout()
    for button in buttons:
        button.setAutoDefault(False)
        column.addWidget(button)
    column.addStretch(1)
    return column
