"""Item models of the import preview: the rows of the file, and the problems and notes found in it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from outreach_desk.services.excel import import_rows, preview

ERROR_BACKGROUND = QColor("#FFC7CE")
CHANGED_BACKGROUND = QColor("#FFEB9C")
MUTED = QColor("#808080")
REJECTED = "rejected"


class _ListTableModel(QAbstractTableModel):
    """A read-only table over a Python list: subclasses set ``_headers`` and say what one cell shows."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers: list[str] = []
        self._items: list = []

    def _replace(self, items: list) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

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
        return self._cell(self._items[index.row()], index.column(), role)

    def _cell(self, item, column: int, role: int):
        raise NotImplementedError


class PreviewModel(_ListTableModel):
    """Every non-empty row of the file, in sheet and row order, with what will happen to it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers = [self.tr("Sheet"), self.tr("Row"), self.tr("Status"), *preview.headers()]
        self._status = {import_rows.NEW: self.tr("New"), import_rows.IMPORTED: self.tr("Imported before"),
                        import_rows.CHANGED: self.tr("Changed since import"), REJECTED: self.tr("Has problems")}

    def set_plan(self, plan: import_rows.ImportPlan | None) -> None:
        rows: list[tuple[str, object]] = []  # (status, PlannedRow | RejectedRow)
        if plan is not None:
            rows = [(r.status, r) for r in plan.rows] + [(REJECTED, r) for r in plan.rejected_rows]
            order = {}
            for _status, row in rows:
                order.setdefault(row.sheet, len(order))
            rows.sort(key=lambda item: (order[item[1].sheet], item[1].row))
        self._replace(rows)

    def row_of(self, sheet: str, row: int) -> int:
        """The model row showing ``row`` of ``sheet``, or -1."""
        for number, (_status, item) in enumerate(self._items):
            if item.sheet == sheet and item.row == row:
                return number
        return -1

    def _cell(self, entry: tuple[str, object], column: int, role: int):
        status, item = entry
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


class IssuesModel(_ListTableModel):
    """Problems (which block the import) first, then notes (which do not)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers = [self.tr("Kind"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Cell"),
                         self.tr("Problem")]

    def set_plan(self, plan: import_rows.ImportPlan | None) -> None:
        self._replace([] if plan is None else [(True, i) for i in plan.issues] + [(False, i) for i in plan.notices])

    def issue(self, row: int) -> import_rows.Issue | None:
        return self._items[row][1] if 0 <= row < len(self._items) else None

    def _cell(self, entry: tuple[bool, import_rows.Issue], column: int, role: int):
        is_error, issue = entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Error") if is_error else self.tr("Note"), issue.sheet, issue.row or "", issue.header,
                    issue.cell, issue.message)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return issue.message
        if role == Qt.ItemDataRole.BackgroundRole and is_error and column == 0:
            return QBrush(ERROR_BACKGROUND)
        return None
