"""Small read-only tables for the survey and letter pages: a list model over plain rows and its view.

The lists hold a few hundred rows at most (one survey per village and month, one batch of letters
per school or class), so the model keeps them all; the services do the filtering and summing in SQL.
Numbers are right-aligned; a row may colour one cell (a rate against its target) or the whole row.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from outreach_desk.i18n import translate

MET_COLOUR = QColor("#c9e9c6")
SHORT_COLOUR = QColor("#f6bdb7")
NO_DATA_COLOUR = QColor("#e3e3e3")
MUTED_TEXT = QColor("#6b6b6b")

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    key: str
    title: str  #: English source, translated in the model's context
    numeric: bool = False


def percent(value: float | None) -> str:
    """A rate as shown everywhere on these pages: one decimal, or "" for no data (callers say why)."""
    return "" if value is None else f"{value * 100:.1f}%"


class RecordListModel(QAbstractTableModel):
    """Rows of any kind; subclasses say what each cell shows and which id a row has."""

    CONTEXT = ""
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    # ------------------------------------------------------------------ for subclasses
    def display(self, row, key: str) -> str:
        raise NotImplementedError

    def row_id(self, row) -> int:
        raise NotImplementedError

    def background(self, row, key: str) -> QColor | None:
        return None

    def tooltip(self, row, key: str) -> str | None:
        return None

    # ------------------------------------------------------------------ rows
    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> int | None:
        found = self.row_at(row)
        return None if found is None else self.row_id(found)

    def row_of(self, record_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if self.row_id(row) == record_id), -1)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.COLUMNS) if c.key == key)

    def text(self, row: int, key: str) -> str:
        return self.index(row, self.column_of(key)).data()

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            column = self.COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return translate(self.CONTEXT, column.title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(_RIGHT if column.numeric else _LEFT)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.background(row, column.key)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column.key)
        return None


class RecordTable(QTableView):
    """A read-only table: double-click or Enter opens a row, Delete asks to delete the selected rows."""

    recordActivated = Signal(int)
    deleteRequested = Signal(list)

    def __init__(self, model: RecordListModel, name: str, widths: dict[str, int], parent: QWidget | None = None,
                 deletable: bool = True):
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
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(deletable)  # the record list ends in free text; a summary in numbers
        self._widths = widths
        self._fitted = False
        self.doubleClicked.connect(self._activate)

    def fit_columns_once(self) -> None:
        """Size the columns to their headers and first rows (in any language), then leave them to the clerk."""
        if self._fitted:
            return
        self._fitted = True
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for key, width in self._widths.items():
            column = self.list_model().column_of(key)
            header.resizeSection(column, max(width, header.sectionSize(column)))

    def list_model(self) -> RecordListModel:
        return self.model()

    def _activate(self, index: QModelIndex) -> None:
        record_id = self.list_model().id_at(index.row())
        if record_id is not None:
            self.recordActivated.emit(record_id)

    def selected_ids(self) -> list[int]:
        model = self.list_model()
        return [model.id_at(index.row()) for index in self.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.list_model().id_at(index.row()) if index.isValid() else None

    def select_record(self, record_id: int) -> bool:
        row = self.list_model().row_of(record_id)
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(self.list_model().index(row, 0))
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
