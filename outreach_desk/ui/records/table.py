"""Small read-only tables for the survey and letter pages: a list model over plain rows and its view.

The lists hold a few hundred rows at most (one survey per village and month, one batch of letters
per school or class), so the model keeps them all; the services do the filtering and summing in SQL.
Numbers are right-aligned; a row may colour one cell (a rate against its target) or the whole row.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from outreach_desk.ui.widgets.records_view import RecordsTableView
from outreach_desk.ui.widgets.row_model import RowTableModel

MET_COLOUR = QColor("#c9e9c6")
SHORT_COLOUR = QColor("#f6bdb7")
NO_DATA_COLOUR = QColor("#e3e3e3")


def percent(value: float | None) -> str:
    """A rate as shown everywhere on these pages: one decimal, or "" for no data (callers say why)."""
    return "" if value is None else f"{value * 100:.1f}%"


class RecordListModel(RowTableModel):
    """All the rows of a small list, replaced as a whole when the page re-reads them.

    Surveys and letter batches both carry a date and free notes: the notes read on one line, in full
    as the tooltip; subclasses show their other cells and hand these two to this class.
    """

    def display(self, row, key: str) -> str:
        if key == "date":
            return row.date.isoformat()
        if key == "notes":
            return row.notes.replace("\n", " ")
        raise KeyError(key)

    def tooltip(self, row, key: str) -> str | None:
        return row.notes if key == "notes" and row.notes else None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


class RecordTable(RecordsTableView):
    """A record list or summary whose columns fit their contents once, then are left to the clerk."""

    def __init__(self, model: RecordListModel, name: str, widths: dict[str, int], parent: QWidget | None = None,
                 deletable: bool = True):
        super().__init__(model, name, parent, deletable)
        # a record list ends in free text; a summary in numbers
        self.horizontalHeader().setStretchLastSection(deletable)
        self._widths = widths
        self._fitted = False

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
