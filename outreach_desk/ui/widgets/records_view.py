"""A read-only table of records, one a row: double-click or Enter opens a record, Delete asks to delete the
selected ones.

The view only turns gestures into signals (``recordActivated``, ``deleteRequested``); the page decides
what they do. Its model is a :class:`~outreach_desk.ui.widgets.row_model.RowTableModel`, which knows
the record id of each row.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from outreach_desk.ui.widgets.row_model import RowTableModel


class RecordsTableView(QTableView):
    #: a record was double-clicked or Enter was pressed on it
    recordActivated = Signal(int)
    #: Delete was pressed on these records
    deleteRequested = Signal(list)

    def __init__(self, model: RowTableModel, name: str, parent: QWidget | None = None, deletable: bool = True):
        """``deletable``: several rows can be selected and Delete asks for them; else one row at a time."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self._deletable = deletable
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if deletable
                              else QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setHighlightSections(False)
        self.doubleClicked.connect(self._activate)

    def row_model(self) -> RowTableModel:
        return self.model()

    def _activate(self, index: QModelIndex) -> None:
        record_id = self.row_model().id_at(index.row())
        if record_id is not None:
            self.recordActivated.emit(record_id)

    def selected_ids(self) -> list[int]:
        model = self.row_model()
        return [model.id_at(index.row()) for index in self.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.row_model().id_at(index.row()) if index.isValid() else None

    def select_record(self, record_id: int) -> bool:
        """Make the row of ``record_id`` current if the model holds it."""
        row = self.row_model().row_of(record_id)
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(self.row_model().index(row, 0))
        return True

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        if self._deletable and key == Qt.Key.Key_Delete and self.selectionModel().hasSelection():
            self.deleteRequested.emit(self.selected_ids())
            return
        super().keyPressEvent(event)
