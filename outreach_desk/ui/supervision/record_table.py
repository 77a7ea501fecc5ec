"""A read-only table of records, one selected row at a time, as the supervision tabs list them: the dialogs'
``list_table`` with the last column (findings, reasons: the long texts) taking the spare width."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from outreach_desk.ui.widgets.list_table import list_table


def record_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = list_table(parent, name, headers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_rows(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(r, column, QTableWidgetItem(value))
