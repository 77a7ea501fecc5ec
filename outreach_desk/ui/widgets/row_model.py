"""A read-only table model over plain rows, one row a record: the shape the ledger, audit trail, survey and
letter tables share.

A subclass names its columns (:class:`Column`, titles in English, translated in its ``CONTEXT``) and
says what a cell shows (:meth:`RowTableModel.display`, optionally a tooltip and a background); the
base answers Qt: header titles, numbers right-aligned, the record id under :data:`RecordIdRole`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from outreach_desk.i18n import translate

#: the id of the row's record, for views and tests that need it without knowing the row type
RecordIdRole = Qt.ItemDataRole.UserRole + 1

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    key: str
    title: str  #: English source, translated in the model's context
    numeric: bool = False


class RowTableModel(QAbstractTableModel):
    """Rows of any kind; subclasses say what each cell shows (and, if their rows have no ``id``, which id a row has)."""

    CONTEXT = ""
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    # ------------------------------------------------------------------ for subclasses
    def display(self, row, key: str) -> str:
        raise NotImplementedError

    def row_id(self, row) -> int:
        return row.id

    def background(self, row, key: str) -> QColor | None:
        return None

    def foreground(self, row, key: str) -> QColor | None:
        return None

    def tooltip(self, row, key: str) -> str | None:
        return None

    # ------------------------------------------------------------------ rows
    def rows(self) -> list:
        return list(self._rows)

    def row_data(self, row: int):
        """The record shown in ``row`` (an IndexError outside the rows held)."""
        return self._rows[row]

    def row_at(self, row: int):
        """The record shown in ``row``, or None outside the rows held."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> int | None:
        found = self.row_at(row)
        return None if found is None else self.row_id(found)

    def row_of(self, record_id: int) -> int:
        """The row showing ``record_id`` among the rows held, or -1."""
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
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.foreground(row, column.key)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column.key)
        if role == RecordIdRole:
            return self.row_id(row)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
