"""The activity ledger as a table model that holds only the rows the view has asked for.

Rows come from :mod:`services.ledger_query` a page at a time (``canFetchMore``/``fetchMore``),
so a ledger of a million records opens as fast as one of a hundred. Sorting and filtering
re-query in SQL; a QSortFilterProxyModel would only see the rows fetched so far. Totals for
the status bar are counted off the GUI thread and announced by :attr:`LedgerModel.totalsChanged`.
A record dated in a month that was sent and closed shows greyed, its tooltip naming the sending
that closed it (looked up per page, nothing when no month is closed).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor

from outreach_desk.services import ledger_query
from outreach_desk.services.ledger_query import PAGE_SIZE, LedgerFilter, LedgerRow, LedgerTotals
from outreach_desk.services.submission import closed_months
from outreach_desk.ui.ledger.totals import TotalsFetcher
from outreach_desk.ui.widgets.paged_model import PagedTableModel
from outreach_desk.ui.widgets.row_model import Column, RecordIdRole

ActivityIdRole = RecordIdRole
#: rows re-read at most on a refresh; a clerk who scrolled further lands back at the top
REFRESH_LIMIT = 5_000


#: a column sorts when its key is one of ledger_query.SORT_COLUMNS
COLUMNS: tuple[Column, ...] = (
    Column("date", QT_TRANSLATE_NOOP("LedgerModel", "Date")),
    Column("village", QT_TRANSLATE_NOOP("LedgerModel", "Village / community")),
    Column("site", QT_TRANSLATE_NOOP("LedgerModel", "Site")),
    Column("kind", QT_TRANSLATE_NOOP("LedgerModel", "Activity")),
    Column("member_unit", QT_TRANSLATE_NOOP("LedgerModel", "Organised by")),
    Column("quantity", QT_TRANSLATE_NOOP("LedgerModel", "Quantity"), numeric=True),
    Column("people", QT_TRANSLATE_NOOP("LedgerModel", "People reached"), numeric=True),
    Column("audiences", QT_TRANSLATE_NOOP("LedgerModel", "Audiences")),
    Column("topics", QT_TRANSLATE_NOOP("LedgerModel", "Fraud topics")),
    Column("place_note", QT_TRANSLATE_NOOP("LedgerModel", "Place")),
    Column("photos", QT_TRANSLATE_NOOP("LedgerModel", "Photos"), numeric=True),
)
DEFAULT_SORT = ("date", True)
#: the text colour of a record in a closed month
CLOSED_COLOR = QColor("#8a8a8a")


def column_index(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


class LedgerModel(PagedTableModel):
    """The activities of :attr:`ledger_filter` in :attr:`sort_state` order."""

    CONTEXT = "LedgerModel"
    COLUMNS = COLUMNS
    #: the totals of the current filter (LedgerTotals), or None while they are being counted
    totalsChanged = Signal(object)
    #: counting the totals failed; the text says why
    totalsFailed = Signal(str)

    def __init__(self, parent=None, page_size: int = PAGE_SIZE, count_later: bool = False):
        """``count_later``: do not count the totals until :meth:`start_counting` (the page waits for its
        first paint, so the count does not compete with the start-up for the processor)."""
        super().__init__(parent, page_size)
        self._counting_held = count_later
        self._filter = LedgerFilter()
        #: (village id, YYYY-MM) → the close in force, for the rows read so far
        self._closed: dict[tuple[int, str], closed_months.ClosedMonth] = {}
        self._sort_column, self._descending = DEFAULT_SORT
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
        if self.loaded and ledger_filter == self._filter:
            return
        self._filter = ledger_filter
        self._reload(self._page_size)

    def set_sort(self, sort_column: str, descending: bool) -> None:
        if sort_column not in ledger_query.SORT_COLUMNS:
            raise ValueError(f"not a sort column: {sort_column!r}")
        if (sort_column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = sort_column, descending
        if self.loaded:
            self._reload(self._page_size)

    def refresh(self) -> None:
        """Read the records again after a change, keeping as many rows loaded as before (within reason)."""
        ledger_query.reload_names()
        self._reload(min(max(len(self._rows), self._page_size), REFRESH_LIMIT))

    def activity_id(self, row: int) -> int:
        return self._rows[row].id

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].key in ledger_query.SORT_COLUMNS

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        """The header section and order that show the current sort."""
        section = column_index(self._sort_column)
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return section, order

    # ------------------------------------------------------------------ loading
    def read_page(self, after, limit: int):
        page = ledger_query.fetch_page(self._filter, self._sort_column, self._descending, after, limit)
        if after is None:
            self._closed = {}
        self._closed.update(closed_months.closed_of_villages([(row.village_id, row.date) for row in page.rows]))
        return page.rows, page.cursor

    def _reload(self, limit: int) -> None:
        self.load(limit)
        self._request_totals()

    def start_counting(self) -> None:
        """Count the totals of the current filter now if they were held back (see ``count_later``)."""
        if self._counting_held:
            self._counting_held = False
            if self.loaded:
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

    # ------------------------------------------------------------------ cells and sorting
    def display(self, row: LedgerRow, key: str) -> str:
        if key == "date":
            return row.date.isoformat()
        if key == "quantity":
            return f"{row.quantity} {row.unit}" if row.unit else str(row.quantity)
        if key == "photos":
            return str(row.photos) if row.photos else ""
        return str(getattr(row, key))

    def closed_month(self, row: LedgerRow) -> closed_months.ClosedMonth | None:
        """The close in force over ``row``'s month, or None."""
        return self._closed.get((row.village_id, closed_months.month_key(row.date))) if self._closed else None

    def foreground(self, row: LedgerRow, key: str) -> QColor | None:
        return CLOSED_COLOR if self.closed_month(row) is not None else None

    def tooltip(self, row: LedgerRow, key: str) -> str | None:
        text = None
        if key == "place_note" and row.notes:
            text = row.notes
        elif key in ("audiences", "topics", "place_note", "site", "member_unit"):
            text = self.display(row, key) or None
        closed = self.closed_month(row)
        if closed is None:
            return text
        return "\n".join(part for part in (text, closed_months.closed_by_text(closed)) if part)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; columns that cannot be sorted are ignored."""
        if not self.is_sortable(column):
            return
        self.set_sort(COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
