"""The audit trail page: who changed what and when, filtered by date, who, kind of record and text.

The list is read a page at a time (see :mod:`ui.audit.model`); selecting an entry shows its values
before and after with the changed fields highlighted, and a button opens the record's whole history.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from outreach_desk.services import audit
from outreach_desk.ui.audit.model import RECORD_TYPES, AuditModel, type_label
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.audit.history_dialog import ChangesView, RecordHistoryDialog
from outreach_desk.ui.widgets.date_edits import date_or_none, optional_date_edit
from outreach_desk.ui.widgets.layout import splitter

#: the tab title for the window's PAGES entry (translated here, in the window's context)
TAB_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Audit trail")


class AuditPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("auditPage")
        self.model = AuditModel(self)
        self._build()
        self._text_timer = QTimer(self, singleShot=True, interval=300, timeout=self.apply_filter)
        self.text_edit.textChanged.connect(lambda _text: self._text_timer.start())
        for date_edit in (self.start_edit, self.end_edit):
            date_edit.dateChanged.connect(lambda _date: self.apply_filter())
        self.who_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.type_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.history_button.clicked.connect(self.show_history)
        context.data_changed.connect(lambda _what: self.refresh())
        self.refresh()

    def _build(self) -> None:
        filters = QHBoxLayout()
        self.start_edit = optional_date_edit(self, "auditFrom", self.tr("any day"))
        self.end_edit = optional_date_edit(self, "auditTo", self.tr("any day"))
        self.who_combo = QComboBox(self)
        self.who_combo.setObjectName("auditWho")
        self.who_combo.setMinimumContentsLength(8)
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("auditType")
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("auditText")
        self.text_edit.setPlaceholderText(self.tr("Search the descriptions and values…"))
        self.text_edit.setClearButtonEnabled(True)
        for label, widget in ((self.tr("From"), self.start_edit), (self.tr("to"), self.end_edit),
                              (self.tr("Who"), self.who_combo), (self.tr("Record"), self.type_combo)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.text_edit, 1)

        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 90, 70, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.detail_label = QLabel(self.tr("Select an entry to see the values before and after."), detail)
        self.detail_label.setObjectName("auditDetail")
        self.detail_label.setWordWrap(True)
        self.history_button = QPushButton(self.tr("Whole history of this record…"), detail)
        self.history_button.setObjectName("auditHistory")
        self.history_button.setEnabled(False)
        top.addWidget(self.detail_label, 1)
        top.addWidget(self.history_button)
        detail_layout.addLayout(top)
        self.changes = ChangesView(detail)
        detail_layout.addWidget(self.changes, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter(self, "auditSplitter", Qt.Orientation.Vertical, (self.table, 3), (detail, 2)), 1)

    # ------------------------------------------------------------------ filters
    def _fill_choices(self) -> None:
        """Who and which records, from the entries there are (keeping the current choice)."""
        who, kind = self.who_combo.currentData(), self.type_combo.currentData()
        for combo in (self.who_combo, self.type_combo):
            combo.blockSignals(True)
            combo.clear()
        self.who_combo.addItem(self.tr("Everyone"), None)
        for person in audit.actors():
            label = person.actor or self.tr("{user} (computer user, no name set)").format(user=person.os_user)
            self.who_combo.addItem(label, person)
        self.type_combo.addItem(self.tr("All records"), None)
        for code in sorted(set(audit.record_types()) | set(RECORD_TYPES), key=type_label):
            self.type_combo.addItem(type_label(code), code)
        for combo, value in ((self.who_combo, who), (self.type_combo, kind)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def current_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(start=date_or_none(self.start_edit), end=date_or_none(self.end_edit),
                                 who=self.who_combo.currentData(),
                                 record_type=self.type_combo.currentData(), text=self.text_edit.text().strip())

    def apply_filter(self) -> None:
        try:
            self.model.set_filter(self.current_filter())
        except Exception as exc:  # the list is left empty; the clerk reads why
            from outreach_desk.ui.shell.errors import show_exception

            show_exception(self, exc)
        self._show_selected()

    def refresh(self) -> None:
        """Read the entries again (after a change anywhere in the program)."""
        self._fill_choices()
        self.apply_filter()

    # ------------------------------------------------------------------ the chosen entry
    def selected_entry(self) -> audit.AuditEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return audit.get(self.model.row_data(rows[0].row()).id) if rows else None

    def _show_selected(self) -> None:
        entry = self.selected_entry()
        self.changes.show_entry(entry)
        self.history_button.setEnabled(entry is not None and entry.record_id is not None)
        if entry is None:
            self.detail_label.setText(self._no_selection_text())
        else:
            self.detail_label.setText(self.tr("{what} — {who}, {time}").format(
                what=entry.summary, who=entry.who, time=entry.local_time.strftime("%Y-%m-%d %H:%M:%S")))

    def _no_selection_text(self) -> str:
        """An empty list says why it is empty, so a clerk does not take it for a fault."""
        if self.model.rowCount() > 0:
            return self.tr("Select an entry to see the values before and after.")
        if self.current_filter() == audit.AuditFilter():
            return self.tr("No changes recorded yet. From now on every record added, changed, deleted or "
                           "imported is listed here, with who did it and when.")
        return self.tr("No entries match these filters.")

    def history_dialog(self) -> RecordHistoryDialog | None:
        entry = self.selected_entry()
        if entry is None or entry.record_id is None:
            return None
        return RecordHistoryDialog(entry.record_type, entry.record_id, self)

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    def focus_on(self, argument) -> None:
        """``(record_type, record_id)``: open that record's history."""
        record_type, record_id = argument
        RecordHistoryDialog(record_type, record_id, self).exec()
