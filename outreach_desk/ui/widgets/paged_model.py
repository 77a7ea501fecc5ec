"""A table model that holds only the rows the view has asked for, read from a service a page at a time.

A subclass reads one page (:meth:`PagedTableModel.read_page`: the rows after a key, and the key to
read on from, None at the end); the base loads the first page, answers ``canFetchMore``/``fetchMore``
as the view scrolls, and starts again from the top when the subclass's query changes. Filtering and
sorting belong in that query: a QSortFilterProxyModel would only see the rows fetched so far.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from outreach_desk.ui.widgets.row_model import RowTableModel


class PagedTableModel(RowTableModel):
    def __init__(self, parent=None, page_size: int = 500):
        super().__init__(parent)
        self._page_size = page_size
        self._next = None
        self._loaded = False

    def read_page(self, after, limit: int) -> tuple[Sequence, object | None]:
        """Up to ``limit`` rows after the key ``after`` (None: from the first), and the key after the last of them
        (None when there are no more)."""
        raise NotImplementedError

    @property
    def loaded(self) -> bool:
        """Whether the first page was asked for (a model starts empty until :meth:`load`)."""
        return self._loaded

    def load(self, limit: int | None = None) -> None:
        """Show the first ``limit`` rows (a page by default) of the current query; on a failure none at all."""
        self.beginResetModel()
        try:
            rows, self._next = self.read_page(None, limit or self._page_size)
            self._rows = list(rows)
        except Exception:
            self._rows, self._next = [], None
            raise
        finally:
            self._loaded = True
            self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._next is None:
            return
        rows, self._next = self.read_page(self._next, self._page_size)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
