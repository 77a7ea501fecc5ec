"""The item model of the ranking table: rank, name, figure, change, previous rank, mark or reason.

Each column sorts by a number of its own (Qt.UserRole), so a click on a header orders by the rank,
the figure or the change as figures, not as text; rows without data keep their last place.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from outreach_desk.services.supervision.rankings import Ranking, RankRow, tenth_percent

SORT_ROLE = Qt.ItemDataRole.UserRole
RANK, NAME, VALUE, CHANGE, PREVIOUS, NOTE = range(6)
TOP_COLOUR = QColor("#c9e9c6")
BOTTOM_COLOUR = QColor("#f6bdb7")
NO_DATA_COLOUR = QColor("#e3e3e3")
UP_COLOUR = QColor("#1b7a2f")
DOWN_COLOUR = QColor("#b3261e")


class RankingModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.ranking: Ranking | None = None
        self._rows: list[RankRow] = []
        self._headers = [self.tr("Rank"), self.tr("Name"), self.tr("Figure"), self.tr("Change"),
                         self.tr("Previous rank"), self.tr("Mark / reason")]

    def set_ranking(self, ranking: Ranking | None) -> None:
        self.beginResetModel()
        self.ranking = ranking
        self._rows = list(ranking.rows) if ranking is not None else []
        self.endResetModel()

    def set_value_header(self, text: str) -> None:
        self._headers[VALUE] = text
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, VALUE, VALUE)

    def row_at(self, row: int) -> RankRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def note(self, row: RankRow) -> str:
        return self.ranking.note(row) if self.ranking is not None else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.has_data:
                return QBrush(NO_DATA_COLOUR)
            if row.bottom:
                return QBrush(BOTTOM_COLOUR)
            if row.top:
                return QBrush(TOP_COLOUR)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == CHANGE and row.change:
            return QBrush(UP_COLOUR if row.change > 0 else DOWN_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK, VALUE, CHANGE, PREVIOUS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGE and row.is_new:
            return self.tr("Not ranked in the previous period (no data then)")
        return None

    def _text(self, row: RankRow, column: int) -> str:
        if column == RANK:
            return str(row.rank)
        if column == NAME:
            return row.name
        if column == VALUE:
            return tenth_percent(row.value)
        if column == CHANGE:
            return row.change_text
        if column == PREVIOUS:
            return "" if row.previous_rank is None else str(row.previous_rank)
        return self.note(row)

    def _sort_key(self, row: RankRow, column: int):
        last = 10 ** 6
        if column == RANK:
            return row.rank
        if column == NAME:
            return row.name
        if column == VALUE:
            return -1.0 if row.value is None else row.value
        if column == CHANGE:
            return -last if row.change is None else row.change
        if column == PREVIOUS:
            return last if row.previous_rank is None else row.previous_rank
        return (0 if row.bottom else 1 if row.top else 2 if row.has_data else 3, row.rank)
