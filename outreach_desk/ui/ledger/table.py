"""The ledger's table view: sortable headers, opening a record, deleting with the Delete key.

Opening and deleting are :class:`RecordsTableView`'s signals; this adds the ledger's columns, header
sorting in SQL, and keeps the column widths, order and the sort in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSignalBlocker, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from outreach_desk.services import ledger_query
from outreach_desk.ui.ledger.model import LedgerModel, column_index
from outreach_desk.ui.widgets.records_view import RecordsTableView

#: first widths, narrow enough that date to people reached show whole beside the entry form on a 1366-pixel screen
_DEFAULT_WIDTHS = {"date": 86, "village": 96, "site": 104, "kind": 100, "member_unit": 92, "quantity": 70,
                   "people": 72, "audiences": 150, "topics": 170, "place_note": 150, "photos": 50}


class LedgerTableView(RecordsTableView):
    #: the rows were painted for the first time (the page builds its entry form then). Told by paintEvent
    #: rather than a filter on ``viewport()``: asking PySide6 for the viewport, a QWidget made by Qt, makes it
    #: look through every widget class for the right wrapper, creating some sixty enum classes at start-up.
    firstPainted = Signal()

    def __init__(self, model: LedgerModel, parent: QWidget | None = None):
        super().__init__(model, "ledgerTable", parent)
        self._painted = False
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for key, width in _DEFAULT_WIDTHS.items():
            header.resizeSection(column_index(key), width)
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable_columns)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def ledger_model(self) -> LedgerModel:
        return self.model()

    def enable_sorting(self) -> None:
        """Show the model's sort in the header and let header clicks re-sort from now on."""
        section, order = self.ledger_model().sort_section()
        self.horizontalHeader().setSortIndicator(section, order)
        self.setSortingEnabled(True)

    def _keep_indicator_on_sortable_columns(self, section: int, _order) -> None:
        model = self.ledger_model()
        if not model.is_sortable(section):
            header = self.horizontalHeader()
            with QSignalBlocker(header):
                header.setSortIndicator(*model.sort_section())

    # ------------------------------------------------------------------ persistence
    def save_state(self, settings: QSettings, prefix: str) -> None:
        column, descending = self.ledger_model().sort_state
        settings.setValue(f"{prefix}/header", self.horizontalHeader().saveState())
        settings.setValue(f"{prefix}/sortColumn", column)
        settings.setValue(f"{prefix}/sortDescending", descending)

    def restore_state(self, settings: QSettings, prefix: str) -> None:
        """Restore widths and order, and the sort (call before :meth:`enable_sorting`)."""
        header_state = settings.value(f"{prefix}/header")
        if isinstance(header_state, QByteArray) and not header_state.isEmpty():
            self.horizontalHeader().restoreState(header_state)
        column = settings.value(f"{prefix}/sortColumn")
        if column in ledger_query.SORT_COLUMNS:
            descending = settings.value(f"{prefix}/sortDescending", True, type=bool)
            self.ledger_model().set_sort(column, descending)
