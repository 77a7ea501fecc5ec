"""A dialog's list of rows to pick from, with its column of buttons beside it (campaigns, report deadlines).

Read-only, one row selected at a time, Tab leaving the table, the first column taking the spare width.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QPushButton,
                               QTableWidget, QVBoxLayout, QWidget)

from outreach_desk.i18n import translate


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


def list_with_buttons(table: QTableWidget, buttons: list[QPushButton]) -> QHBoxLayout:
    """The table beside its buttons, top-aligned in a column; none of them takes Enter from the dialog's
    default button."""
    column = QVBoxLayout()
    for button in buttons:
        button.setAutoDefault(False)
        column.addWidget(button)
    column.addStretch(1)
    body = QHBoxLayout()
    body.addWidget(table, 1)
    body.addLayout(column)
    return body


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """The dialog's one Close button (Esc too), its text through the dialog's translation."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    box.button(QDialogButtonBox.StandardButton.Close).setText(translate("ListDialog", "Close"))
    box.rejected.connect(dialog.reject)
    return box
