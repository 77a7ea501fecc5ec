"""The rectification orders tab: orders filtered (overdue ones, in red, first), issued, changed, put right with
the re-inspection (its photos too), deleted, and exported to Excel.

Orders are issued by hand, from an inspection (the inspections tab calls ``add_order``), or from
last month's gap list: every gap a draft to review in one table (``order_drafts``), the ticked ones
issued in one step (``order_commands.IssueOrders``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import rectification
from outreach_desk.services.supervision.rectification import DONE, OVERDUE
from outreach_desk.ui.supervision import judged_day
from outreach_desk.ui.supervision.order_filters import OrderFilters
from outreach_desk.ui.supervision.supervision_tab import SupervisionTab

OVERDUE_COLOUR = QColor("#f6bdb7")
DONE_COLOUR = QColor("#c9e9c6")
SETTINGS_FOLDER = "orders/folder"


def _tr(text: str) -> str:
    return translate("OrdersPage", text)


class OrdersTab(SupervisionTab):
    def __init__(self, page):
        super().__init__(page)
        self.orders: list[rectification.Order] = []
        self.filters = OrderFilters(self)
        self.filters.changed.connect(page.reload)

        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("ordersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Responsible"), self.tr("Village / community"),
                                              self.tr("What must be done"), self.tr("Issued"), self.tr("Deadline"),
                                              self.tr("Status"), self.tr("Re-inspection")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # an empty table sizes its columns to the headers alone: keep room for a date (and a status) anyway
        self.table.horizontalHeader().setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("2026-12-31")
                                                            + 24)
        self.table.doubleClicked.connect(lambda _index: self.edit_order())

        self.buttons: dict[str, QPushButton] = {}
        actions = (("new", self.tr("New order…"), self.new_order), ("gaps", self.tr("From the gap list…"),
                                                                    self.orders_from_gaps),
                   ("edit", self.tr("Change…"), self.edit_order), ("close", self.tr("Put right…"), self.close_order),
                   ("delete", self.tr("Delete"), self.delete_order), ("export", self.tr("Export to Excel…"),
                                                                      self.export))
        row = QHBoxLayout()
        for key, text, slot in actions:
            button = QPushButton(text, self)
            button.setObjectName(f"orders_{key}")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def enable(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def fill(self, township, day: dt.date) -> None:
        self.orders = rectification.list_orders(self.filters.order_filter(township.id, day))
        self.table.setRowCount(len(self.orders))
        for r, order in enumerate(self.orders):
            state = order.state(day)
            recheck = "" if order.recheck_date is None else f"{order.recheck_date.isoformat()} {order.recheck_result}"
            if order.recheck_photos:
                recheck += self.tr(" ({count} photos)").format(count=len(order.recheck_photos))
            values = (order.unit_name, order.village_name, order.task, order.issued.isoformat(),
                      order.deadline.isoformat(), rectification.status_label(state), recheck)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if state == OVERDUE:
                    item.setBackground(QBrush(OVERDUE_COLOUR))
                elif state == DONE:
                    item.setBackground(QBrush(DONE_COLOUR))
                self.table.setItem(r, column, item)

    def selected(self) -> rectification.Order | None:
        row = self.table.currentRow()
        return self.orders[row] if 0 <= row < len(self.orders) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # ------------------------------------------------------------------ changes (each one undoable step)
    def _checked(self, data) -> bool:
        errors = rectification.validate(data)
        if errors:
            self.say(errors[0].message)
            return False
        return True

    def add_order(self, data: rectification.OrderInput) -> bool:
        """Issue ``data`` as one undoable step (the dialogs and the tests call this)."""
        return self._checked(data) and self._issue([data])

    def _issue(self, drafts: list[rectification.OrderInput]) -> bool:
        from outreach_desk.ui.shell.undo_command import push
        from outreach_desk.ui.supervision.order_commands import IssueOrders

        failure = push(self.context, IssueOrders(self.context, drafts))
        if failure is not None:
            self.say(str(failure))
        return failure is None

    def change_order(self, order: rectification.Order, data: rectification.OrderInput) -> bool:
        if not self._checked(data):
            return False
        before = order.as_input()
        return self.push(_tr("Change a rectification order"), lambda: rectification.update(order.id, data),
                         lambda: rectification.update(order.id, before))

    def new_order(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        if self.township is None:
            return
        dialog = OrderDialog(self.township.id, parent=self, today=judged_day.today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_order(dialog.value())

    def edit_order(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        order = self.selected()
        if order is None:
            return
        dialog = OrderDialog(self.township.id, order, parent=self, today=judged_day.today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change_order(order, dialog.value())

    def put_right(self, order: rectification.Order, day: dt.date, result: str) -> bool:
        data = order.as_input()
        data.status, data.recheck_date, data.recheck_result = DONE, day, result
        return self.change_order(order, data)

    def close_order(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import RecheckDialog

        order = self.selected()
        if order is None:
            return
        dialog = RecheckDialog(order, self, today=judged_day.today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.recheck(order, dialog.value(), dialog.photos.pending_paths())

    def recheck(self, order: rectification.Order, data: rectification.OrderInput, photo_paths) -> None:
        """Put ``order`` right as ``data`` says, with the picked photos copied first (``photos_stored``)."""

        def write(infos) -> bool:
            data.recheck_photos = tuple(data.recheck_photos) + infos
            return self.change_order(order, data)

        self.store_photos_then(photo_paths, write)

    def delete_order(self) -> bool:
        order = self.selected()
        if order is None:
            return False
        return self.delete_step(_tr("Delete a rectification order"), lambda: rectification.delete(order.id),
                                rectification.restore)

    # ------------------------------------------------------------------ from the gap list
    def gap_drafts(self, gaps: list) -> list[rectification.OrderInput]:
        """The order each gap would make: due in 15 days, but not after the campaign's last day."""
        end = self.campaign_end()
        return [rectification.from_gap(gap, self.township.id, issued=judged_day.today(), campaign_end=end)
                for gap in gaps]

    def add_orders_from_gaps(self, drafts: list[rectification.OrderInput]) -> bool:
        """The reviewed drafts issued in one transaction, as one undoable step (refused whole on one bad draft)."""
        for draft in drafts:
            if not self._checked(draft):
                return False
        return bool(drafts) and self._issue(drafts)

    def month_gaps(self) -> list:
        """The gaps of last month in the township an order can be issued for, furthest from the target first."""
        from outreach_desk.services.coverage import engine, gaps, periods
        from outreach_desk.services.coverage.engine import Scope

        first = judged_day.today().replace(day=1) - dt.timedelta(days=1)
        result = engine.compute(periods.month(first.year, first.month), scope=Scope(township_id=self.township.id))
        return [gap for gap in gaps.gap_list(result) if gap.kind in gaps.ORDERABLE]

    def orders_from_gaps(self) -> None:
        from outreach_desk.ui.shell.errors import show_exception
        from outreach_desk.ui.supervision.order_drafts import DraftOrdersDialog, names_of

        if self.township is None:
            return
        try:
            found = self.month_gaps()
        except ServiceError as exc:
            show_exception(self, exc)
            return
        dialog = DraftOrdersDialog(self.township.id, self.gap_drafts(found), [names_of(gap) for gap in found],
                                   self, today=judged_day.today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_orders_from_gaps(dialog.chosen())

    # ------------------------------------------------------------------ export
    def export(self, path: str | Path | None = None) -> Path | None:
        from outreach_desk.ui.shell.errors import show_exception

        today = judged_day.today()
        if path is None:
            folder = Path(str(self.context.settings.value(SETTINGS_FOLDER, "") or Path.home()))
            name = f"督导整改_{today.isoformat()}.xlsx"
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the orders"), str(folder / name),
                                                        self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return None
        try:
            written = rectification.export_xlsx(self.orders, path, today=today, shown=self.filters.text())
        except Exception as exc:  # noqa: BLE001 - a locked or read-only target is explained by show_exception
            show_exception(self, exc)
            return None
        self.context.settings.setValue(SETTINGS_FOLDER, str(Path(written).parent))
        self.say(self.tr("{count} order(s) exported to {path}.").format(count=len(self.orders), path=written))
        return written
