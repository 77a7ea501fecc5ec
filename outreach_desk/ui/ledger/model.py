"""The activity ledger as a table model that holds only the rows the view has asked for.

Rows come from :mod:`services.ledger_query` a page at a time (``canFetchMore``/``fetchMore``),
so a ledger of a million records opens as fast as one of a hundred. Sorting and filtering
re-query in SQL; a QSortFilterProxyModel would only see the rows fetched so far. Totals for
the status bar are counted off the GUI thread and announced by :attr:`LedgerModel.totalsChanged`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from outreach_desk.services import ledger_query
from outreach_desk.services.ledger_query import PAGE_SIZE, Cursor, LedgerFilter, LedgerRow, LedgerTotals
from outreach_desk.ui.ledger.totals import TotalsFetcher

ActivityIdRole = Qt.ItemDataRole.UserRole + 1
#: rows re-read at most on a refresh; a clerk who scrolled further lands back at the top
REFRESH_LIMIT = 5_000

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    #: the ledger_query sort column, or None when the column cannot be sorted
    sort: str | None
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("date", QT_TRANSLATE_NOOP("LedgerModel", "Date"), "date"),
    Column("village", QT_TRANSLATE_NOOP("LedgerModel", "Village / community"), "village"),
    Column("site", QT_TRANSLATE_NOOP("LedgerModel", "Site"), "site"),
    Column("kind", QT_TRANSLATE_NOOP("LedgerModel", "Activity"), "kind"),
    Column("member_unit", QT_TRANSLATE_NOOP("LedgerModel", "Organised by"), "member_unit"),
    Column("quantity", QT_TRANSLATE_NOOP("LedgerModel", "Quantity"), "quantity", numeric=True),
    Column("people", QT_TRANSLATE_NOOP("LedgerModel", "People reached"), "people", numeric=True),
    Column("audiences", QT_TRANSLATE_NOOP("LedgerModel", "Audiences"), None),
    Column("topics", QT_TRANSLATE_NOOP("LedgerModel", "Fraud topics"), None),
    Column("place_note", QT_TRANSLATE_NOOP("LedgerModel", "Place"), "place_note"),
    Column("photos", QT_TRANSLATE_NOOP("LedgerModel", "Photos"), None, numeric=True),
)
DEFAULT_SORT = ("date", True)


def column_index(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def _display(row: LedgerRow, key: str) -> str:
    if key == "date":
        return row.date.isoformat()
    if key == "quantity":
        return f"{row.quantity} {row.unit}" if row.unit else str(row.quantity)
    if key == "photos":
        return str(row.photos) if row.photos else ""
    value = getattr(row, key)
    return str(value)


class LedgerModel(QAbstractTableModel):
    #: the totals of the current filter (LedgerTotals), or None while they are being counted
    totalsChanged = Signal(object)
    #: counting the totals failed; the text says why
    totalsFailed = Signal(str)

    def __init__(self, parent=None, page_size: int = PAGE_SIZE, count_later: bool = False):
        """``count_later``: do not count the totals until :meth:`start_counting` (the page waits for its
        first paint, so the count does not compete with the start-up for the processor)."""
        super().__init__(parent)
        self._page_size = page_size
        self._counting_held = count_later
        self._rows: list[LedgerRow] = []
        self._cursor: Cursor | None = None
        self._filter = LedgerFilter()
        self._sort_column, self._descending = DEFAULT_SORT
        self._loaded = False
        self._totals: LedgerTotals | None = None
        self._totals_request = 0
        self._fetcher = TotalsFetcher(self)
        self._fetcher.ready.connect(self._on_totals)
        self._fetcher.failed.connect(self._on_totals_failed)

    # ------------------------------------------------------------------ state
    @property
    def ledger_filter(self) -> LedgerFilter:
        return self._filter

    @property
    def sort_state(self) -> tuple[str, bool]:
        """(sort column of ledger_query, descending)."""
        return self._sort_column, self._descending

    @property
    def totals(self) -> LedgerTotals | None:
        return self._totals

    @property
    def counting(self) -> bool:
        return self._fetcher.busy

    def stop_counting(self) -> None:
        """Interrupt a running count and wait for its thread (before the database closes)."""
        self._fetcher.stop()

    def setFilter(self, ledger_filter: LedgerFilter) -> None:
        """Show the records matching ``ledger_filter`` from the first page on."""
        if self._loaded and ledger_filter == self._filter:
            return
        self._filter = ledger_filter
        self._reload(self._page_size)

    def set_sort(self, sort_column: str, descending: bool) -> None:
        if sort_column not in ledger_query.SORT_COLUMNS:
            raise ValueError(f"not a sort column: {sort_column!r}")
        if (sort_column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = sort_column, descending
        if self._loaded:
            self._reload(self._page_size)

    def refresh(self) -> None:
        """Read the records again after a change, keeping as many rows loaded as before (within reason)."""
        ledger_query.reload_names()
        self._reload(min(max(len(self._rows), self._page_size), REFRESH_LIMIT))

    def activity_id(self, row: int) -> int:
        return self._rows[row].id

    def row_data(self, row: int) -> LedgerRow:
        return self._rows[row]

    def row_of(self, activity_id: int) -> int:
        """The row showing ``activity_id`` among the rows fetched so far, or -1."""
        for row, record in enumerate(self._rows):
            if record.id == activity_id:
                return row
        return -1

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort is not None

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        """The header section and order that show the current sort."""
        section = next(i for i, c in enumerate(COLUMNS) if c.sort == self._sort_column)
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return section, order

    # ------------------------------------------------------------------ loading
    def _reload(self, limit: int) -> None:
        self.beginResetModel()
        try:
            page = ledger_query.fetch_page(self._filter, self._sort_column, self._descending, None, limit)
            self._rows = list(page.rows)
            self._cursor = page.cursor
        except Exception:
            self._rows, self._cursor = [], None
            raise
        finally:
            self._loaded = True
            self.endResetModel()
        self._request_totals()

    def start_counting(self) -> None:
        """Count the totals of the current filter now if they were held back (see ``count_later``)."""
        if self._counting_held:
            self._counting_held = False
            if self._loaded:
                self._request_totals()

    def _request_totals(self) -> None:
        if self._counting_held:
            return
        self._totals = None
        self._totals_request = self._fetcher.request(self._filter)
        self.totalsChanged.emit(None)

    def _on_totals(self, number: int, totals: LedgerTotals) -> None:
        if number == self._totals_request:
            self._totals = totals
            self.totalsChanged.emit(totals)

    def _on_totals_failed(self, number: int, message: str) -> None:
        if number == self._totals_request:
            self.totalsFailed.emit(message)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._cursor is None:
            return
        page = ledger_query.fetch_page(self._filter, self._sort_column, self._descending, self._cursor,
                                       self._page_size)
        self._cursor = page.cursor
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "place_note" and row.notes:
                return row.notes
            if column.key in ("audiences", "topics", "place_note", "site", "member_unit"):
                return _display(row, column.key) or None
            return None
        if role == ActivityIdRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("LedgerModel", COLUMNS[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if COLUMNS[section].numeric else _LEFT)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; columns that cannot be sorted are ignored."""
        if not self.is_sortable(column):
            return
        self.set_sort(COLUMNS[column].sort, order == Qt.SortOrder.DescendingOrder)
