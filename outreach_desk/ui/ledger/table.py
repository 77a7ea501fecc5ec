"""The ledger's table view: sortable headers, opening a record, deleting with the Delete key.

It only turns user gestures into signals (``activityActivated``, ``deleteRequested``); the page
decides what they do. Column widths, order and the sort are kept in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from outreach_desk.ui.ledger.model import COLUMNS, LedgerModel, column_index

_DEFAULT_WIDTHS = {"date": 96, "village": 120, "site": 130, "kind": 120, "member_unit": 110, "quantity": 80,
                   "people": 96, "audiences": 150, "topics": 170, "place_note": 150, "photos": 50}


class LedgerTableView(QTableView):
    #: a record was double-clicked or Enter was pressed on it
    activityActivated = Signal(int)
    #: Delete was pressed on these records
    deleteRequested = Signal(list)

    def __init__(self, model: LedgerModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ledgerTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for key, width in _DEFAULT_WIDTHS.items():
            header.resizeSection(column_index(key), width)
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable_columns)
        self.doubleClicked.connect(lambda index: self.activityActivated.emit(model.activity_id(index.row())))

    def ledger_model(self) -> LedgerModel:
        return self.model()

    def selected_ids(self) -> list[int]:
        model = self.ledger_model()
        return [model.activity_id(index.row()) for index in self.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.ledger_model().activity_id(index.row()) if index.isValid() else None

    def select_activity(self, activity_id: int) -> bool:
        """Make the row of ``activity_id`` current if it is among the fetched rows."""
        row = self.ledger_model().row_of(activity_id)
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(self.ledger_model().index(row, 0))
        return True

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

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activityActivated.emit(self.current_id())
            return
        if key == Qt.Key.Key_Delete and self.selectionModel().hasSelection():
            self.deleteRequested.emit(self.selected_ids())
            return
        super().keyPressEvent(event)

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
        if column in {c.sort for c in COLUMNS if c.sort}:
            descending = settings.value(f"{prefix}/sortDescending", True, type=bool)
            self.ledger_model().set_sort(column, descending)
