"""One record's whole history (oldest first) and the view of one entry's values before and after.

:class:`ChangesView` is shared with the audit page: every field with its value before and after,
the changed ones highlighted, labelled in the clerk's language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services import audit
from outreach_desk.ui.audit.model import action_label, field_label, shown_changes, type_label, value_text

CHANGED_BACKGROUND = QColor("#fff3c4")


class ChangesView(QTableWidget):
    """Field, before, after; changed fields on a yellow background in bold."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setObjectName("auditChanges")
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_entry(self, entry: audit.AuditEntry | None) -> None:
        self.setRowCount(0)
        if entry is None:
            return
        changes = shown_changes(entry)
        self.setRowCount(len(changes))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, change in enumerate(changes):
            cells = (field_label(change.field), value_text(change.field, change.before, entry.record_type),
                     value_text(change.field, change.after, entry.record_type))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if change.changed:
                    item.setBackground(QBrush(CHANGED_BACKGROUND))
                    item.setFont(bold)
                self.setItem(row, column, item)
        self.resizeRowsToContents()

    def changed_fields(self) -> list[str]:
        """Labels of the rows shown as changed (for tests and screen readers)."""
        return [self.item(r, 0).text() for r in range(self.rowCount()) if self.item(r, 0).font().bold()]


class RecordHistoryDialog(QDialog):
    def __init__(self, record_type: str, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordHistoryDialog")
        self.entries = audit.history(record_type, record_id)
        self.setWindowTitle(self.tr("History of {record} #{id}").format(record=type_label(record_type), id=record_id))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        title = self.tr("{count} change(s), oldest first.").format(count=len(self.entries))
        layout.addWidget(QLabel(title, self))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(len(self.entries), 4, splitter)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("What")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, entry in enumerate(self.entries):
            cells = (entry.local_time.strftime("%Y-%m-%d %H:%M:%S"), entry.who, action_label(entry.action),
                     entry.summary)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.changes = ChangesView(splitter)
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_selected)
        if self.entries:
            self.table.selectRow(len(self.entries) - 1)

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.changes.show_entry(self.entries[rows[0].row()] if rows else None)
