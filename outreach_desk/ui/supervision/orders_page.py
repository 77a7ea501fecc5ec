"""The supervision page (督导整改): rectification orders, inspections, commendations and criticisms, one tab each.

The page follows the township the organisation tree selects, reloads its tabs on every change
of supervision or organisation data, and keeps the status line (orders shown, overdue, due within
7 days). Each tab is its own module: ``orders_tab``, ``inspections_tab``, ``decisions_tab``; what
they share (undoable steps, photos copied in a worker) is ``supervision_tab``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import rectification
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.supervision import judged_day
from outreach_desk.ui.supervision.decisions_tab import DecisionsTab
from outreach_desk.ui.supervision.inspections_tab import InspectionsTab
from outreach_desk.ui.supervision.orders_tab import OrdersTab
from outreach_desk.ui.supervision.selected_township import FollowsSelectedTownship
from outreach_desk.ui.widgets.layout import page_layout

#: what the dashboard's orders tile asks this page to show (``focus_on``)
DUE_ORDERS = "due"


class OrdersPage(QWidget, FollowsSelectedTownship):
    reload_on = ("organisation", "supervision")
    #: photos picked in a dialog were copied and the record written (or the copy or the write refused)
    photos_stored = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ordersPage")
        self.context = context
        self.township = None
        self._township_id: int | None = None
        self.status = QLabel(self)
        self.status.setObjectName("ordersStatus")
        self.orders = OrdersTab(self)
        self.inspections = InspectionsTab(self)
        self.decisions = DecisionsTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.orders, self.tr("Rectification orders"))
        self.tabs.addTab(self.inspections, self.tr("Inspections"))
        self.tabs.addTab(self.decisions, self.tr("Commendations and criticisms"))
        page_layout(self, self.tabs, self.status)
        context.data_changed.connect(self._on_data_changed)
        context.scope_selected.connect(self._on_scope_selected)
        self.reload()

    def focus_on(self, what: object) -> None:
        """``DUE_ORDERS`` (the dashboard's orders tile): the orders not put right whose deadline is past or
        within 7 days, in every village."""
        if what == DUE_ORDERS:
            self.orders.filters.show_due()
            self.reload()

    def reload(self) -> None:
        from outreach_desk.services.supervision.bulletin import choose_township

        try:
            township = choose_township(self._township_id)
        except ServiceError as exc:
            self.township = None
            self.status.setText(self.tr("{reason} Click a village of it in the organisation tree.").format(
                reason=str(exc)))
            self.orders.enable(False)
            return
        if self.township is None or township.id != self.township.id:
            self.township = township
            self.orders.filters.fill_choices(township)
        self.orders.enable(True)
        day = judged_day.today()
        self.orders.fill(township, day)
        self.inspections.fill(township)
        self.decisions.fill(township)
        summary = rectification.due_summary(township.id, day)
        self.status.setText(self.tr("{shown} order(s) shown · {overdue} overdue · {week} due within 7 days").format(
            shown=len(self.orders.orders), overdue=len(summary.overdue), week=len(summary.due_this_week)))

    def after_change(self) -> None:
        self.reload()
        self.context.data_changed.emit("supervision")
