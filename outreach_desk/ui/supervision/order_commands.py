"""Issuing rectification orders as one undoable step, from the supervision page or the coverage page's gap list.

The first redo creates the orders through ``rectification.create_many`` (audited, all or none); undo
deletes them and a later redo brings them back under their own ids. ``data_changed("supervision")``
follows every step, so the supervision page and the dashboard's orders tile read them again.
"""

from __future__ import annotations

from outreach_desk.i18n import translate
from outreach_desk.services.supervision import rectification
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import StoreCommand

TOPIC = "supervision"


def _tr(text: str) -> str:
    return translate("OrdersPage", text)


class IssueOrders(StoreCommand):
    def __init__(self, context: AppContext, drafts: list[rectification.OrderInput], text: str = ""):
        if not text:
            text = _tr("Issue a rectification order") if len(drafts) == 1 else _tr(
                "Issue {count} rectification order(s) from the gap list").format(count=len(drafts))
        super().__init__(context, TOPIC, text)
        self.drafts = list(drafts)
        self.ids: list[int] = []
        self._deleted: list[rectification.Order] = []

    def _redo(self) -> None:
        if self._deleted:
            for order in self._deleted:
                rectification.restore(order)
            self._deleted = []
        else:
            self.ids = rectification.create_many(self.drafts)

    def _undo(self) -> None:
        self._deleted = [rectification.delete(order_id) for order_id in self.ids]
