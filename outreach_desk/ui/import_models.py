"""Item models of the import preview: the rows of the file, and the problems and notes found in it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from outreach_desk.services.excel import import_rows, preview

ERROR_BACKGROUND = QColor("#FFC7CE")
CHANGED_BACKGROUND = QColor("#FFEB9C")
MUTED = QColor("#808080")
REJECTED = "rejected"


class PreviewModel(QAbstractTableModel):
    """Every non-empty row of the file, in sheet and row order, with what will happen to it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, object]] = []  # (status, PlannedRow | RejectedRow)
        self._headers = [self.tr("Sheet"), self.tr("Row"), self.tr("Status"), *preview.headers()]
        self._status = {import_rows.NEW: self.tr("New"), import_rows.IMPORTED: self.tr("Imported before"),
                        import_rows.CHANGED: self.tr("Changed since import"), REJECTED: self.tr("Has problems")}

    def set_plan(self, plan: import_rows.ImportPlan | None) -> None:
        self.beginResetModel()
        rows: list[tuple[str, object]] = []
        if plan is not None:
            rows = [(r.status, r) for r in plan.rows] + [(REJECTED, r) for r in plan.rejected_rows]
            order = {}
            for _status, row in rows:
                order.setdefault(row.sheet, len(order))
            rows.sort(key=lambda item: (order[item[1].sheet], item[1].row))
        self._rows = rows
        self.endResetModel()

    def row_of(self, sheet: str, row: int) -> int:
        """The model row showing ``row`` of ``sheet``, or -1."""
        for number, (_status, item) in enumerate(self._rows):
            if item.sheet == sheet and item.row == row:
                return number
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        status, item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.sheet
            if column == 1:
                return item.row
            if column == 2:
                return self._status[status]
            return item.display[column - 3]
        if role == Qt.ItemDataRole.BackgroundRole:
            if status == REJECTED:
                return QBrush(ERROR_BACKGROUND)
            if status == import_rows.CHANGED:
                return QBrush(CHANGED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and status == import_rows.IMPORTED:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class IssuesModel(QAbstractTableModel):
    """Problems (which block the import) first, then notes (which do not)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[tuple[bool, import_rows.Issue]] = []
        self._headers = [self.tr("Kind"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Cell"),
                         self.tr("Problem")]

    def set_plan(self, plan: import_rows.ImportPlan | None) -> None:
        self.beginResetModel()
        self._items = [] if plan is None else [(True, i) for i in plan.issues] + [(False, i) for i in plan.notices]
        self.endResetModel()

    def issue(self, row: int) -> import_rows.Issue | None:
        return self._items[row][1] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        is_error, issue = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Error") if is_error else self.tr("Note"), issue.sheet, issue.row or "", issue.header,
                    issue.cell, issue.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return issue.message
        if role == Qt.ItemDataRole.BackgroundRole and is_error and index.column() == 0:
            return QBrush(ERROR_BACKGROUND)
        return None
