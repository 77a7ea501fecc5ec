"""The supervision page (督导整改): rectification orders, inspections, commendations and criticisms.

Orders are filtered by status (overdue ones, in red, first), village and deadline; they are issued
by hand, from an inspection, or from the month's gap list in one step, put right with the
re-inspection (its photos too), and exported to Excel. Photos picked for an inspection or a
re-inspection are copied into the photo folder in a worker before the record is written. Every
change is one step on the window's undo stack (the services write the audit trail). The other
tabs list inspections and the decisions to commend or criticise, the latter prefilled from the
month's ranking.
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import inspections, rectification, supervision_photos
from outreach_desk.services.supervision.rectification import DONE, IN_PROGRESS, OPEN, OVERDUE
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.supervision.selected_township import FollowsSelectedTownship
from outreach_desk.ui.widgets.date_edits import NO_DATE, date_or_none, optional_date_edit
from outreach_desk.ui.widgets.layout import page_layout

OVERDUE_COLOUR = QColor("#f6bdb7")
DONE_COLOUR = QColor("#c9e9c6")
SETTINGS_FOLDER = "orders/folder"


#: what the dashboard's orders tile asks this page to show (``focus_on``)
DUE_ORDERS = "due"


def today() -> dt.date:
    """The day overdue is judged on (tests replace it)."""
    return dt.date.today()


def _tr(text: str) -> str:
    return translate("OrdersPage", text)


class _Command(QUndoCommand):
    """An undoable step made of a do and an undo function; the page refreshes after both."""

    def __init__(self, page: "OrdersPage", text: str, do, undo):
        super().__init__(text)
        self.page, self._do, self._undo = page, do, undo

    def redo(self) -> None:
        self._do()
        self.page.after_change()

    def undo(self) -> None:
        self._undo()
        self.page.after_change()


class OrdersPage(QWidget, FollowsSelectedTownship):
    reload_on = ("organisation", "supervision")
    #: photos picked in a dialog were copied and the record written (or the copy or the write refused)
    photos_stored = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ordersPage")
        self.context = context
        self._township = None
        self._township_id: int | None = None
        self._orders: list[rectification.Order] = []

        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("orderStateFilter")
        self.state_filter.addItem(self.tr("All orders"), "")
        self.state_filter.addItem(self.tr("Not put right yet"), ",".join((OPEN, IN_PROGRESS, OVERDUE)))
        for code in (OVERDUE, OPEN, IN_PROGRESS, DONE):
            self.state_filter.addItem(rectification.status_label(code), code)
        self.village_filter = QComboBox(self)
        self.village_filter.setObjectName("orderVillageFilter")
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("orderUnitFilter")
        self.deadline_from = optional_date_edit(self, "orderDeadlineFrom", self.tr("any day"))
        self.deadline_to = optional_date_edit(self, "orderDeadlineTo", self.tr("any day"))
        self.week_only = QCheckBox(self.tr("Deadline within 7 days or past"), self)
        self.week_only.setObjectName("orderWeekOnly")
        for widget in (self.state_filter, self.village_filter, self.unit_filter):
            widget.currentIndexChanged.connect(self.reload)
        for edit in (self.deadline_from, self.deadline_to):
            edit.dateChanged.connect(self.reload)
        self.week_only.toggled.connect(self.reload)

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
        self.table.doubleClicked.connect(lambda _index: self.edit_order())

        self.buttons: dict[str, QPushButton] = {}
        actions = (("new", self.tr("New order…"), self.new_order), ("gaps", self.tr("From the gap list…"),
                                                                    self.orders_from_gaps),
                   ("edit", self.tr("Change…"), self.edit_order), ("close", self.tr("Put right…"), self.close_order),
                   ("delete", self.tr("Delete"), self.delete_order), ("export", self.tr("Export to Excel…"),
                                                                      self.export))
        for key, text, slot in actions:
            button = QPushButton(text, self)
            button.setObjectName(f"orders_{key}")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[key] = button
        self.status = QLabel(self)
        self.status.setObjectName("ordersStatus")

        filters = QHBoxLayout()
        for label, widget in ((self.tr("Status"), self.state_filter),
                              (self.tr("Village / community"), self.village_filter),
                              (self.tr("Member unit"), self.unit_filter)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addStretch(1)
        deadlines = QHBoxLayout()
        for label, widget in ((self.tr("Deadline from"), self.deadline_from), (self.tr("to"), self.deadline_to)):
            deadlines.addWidget(QLabel(label, self))
            deadlines.addWidget(widget)
        deadlines.addWidget(self.week_only)
        deadlines.addStretch(1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        orders_tab = QWidget(self)
        orders_layout = QVBoxLayout(orders_tab)
        orders_layout.addLayout(filters)
        orders_layout.addLayout(deadlines)
        orders_layout.addLayout(row)
        orders_layout.addWidget(self.table, 1)

        self.inspections_table = self._simple_table("inspectionsTable", [
            self.tr("Date"), self.tr("Inspectors"), self.tr("Inspected"), self.tr("Photos"), self.tr("Findings"),
            self.tr("Outcome")])
        self.inspections_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inspections_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._inspections: list[inspections.InspectionRecord] = []
        new_inspection = QPushButton(self.tr("New inspection…"), self)
        new_inspection.setObjectName("newInspection")
        new_inspection.clicked.connect(lambda: self.new_inspection())
        self.order_from_inspection_button = QPushButton(self.tr("Order a rectification…"), self)
        self.order_from_inspection_button.setObjectName("orderFromInspection")
        self.order_from_inspection_button.setToolTip(self.tr("Issue a rectification order for what the selected "
                                                             "inspection found"))
        self.order_from_inspection_button.clicked.connect(lambda: self.order_from_inspection())
        self.inspections_table.currentCellChanged.connect(
            lambda *_cells: self.order_from_inspection_button.setEnabled(self.selected_inspection() is not None))
        inspection_buttons = QHBoxLayout()
        inspection_buttons.addWidget(new_inspection)
        inspection_buttons.addWidget(self.order_from_inspection_button)
        inspection_buttons.addStretch(1)
        inspections_tab = QWidget(self)
        inspections_layout = QVBoxLayout(inspections_tab)
        inspections_layout.addLayout(inspection_buttons)
        inspections_layout.addWidget(self.inspections_table, 1)

        self.decisions_table = self._simple_table("decisionsTable", [
            self.tr("Decided"), self.tr("Commended / criticised"), self.tr("Who"), self.tr("Period"),
            self.tr("Reason")])
        self.decisions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decisions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._decisions: list[inspections.Decision] = []
        from_ranking = QPushButton(self.tr("From last month's ranking…"), self)
        from_ranking.setObjectName("decisionsFromRanking")
        from_ranking.clicked.connect(lambda: self.decisions_from_ranking())
        new_decision = QPushButton(self.tr("New…"), self)
        new_decision.setObjectName("newDecision")
        new_decision.clicked.connect(lambda: self.new_decision())
        self.delete_decision_button = QPushButton(self.tr("Delete"), self)
        self.delete_decision_button.setObjectName("deleteDecision")
        self.delete_decision_button.clicked.connect(lambda: self.delete_decision())
        self.decisions_table.currentCellChanged.connect(
            lambda *_cells: self.delete_decision_button.setEnabled(self.selected_decision() is not None))
        decisions_tab = QWidget(self)
        decisions_layout = QVBoxLayout(decisions_tab)
        decision_buttons = QHBoxLayout()
        for button in (new_decision, from_ranking, self.delete_decision_button):
            decision_buttons.addWidget(button)
        decision_buttons.addStretch(1)
        decisions_layout.addLayout(decision_buttons)
        decisions_layout.addWidget(self.decisions_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(orders_tab, self.tr("Rectification orders"))
        self.tabs.addTab(inspections_tab, self.tr("Inspections"))
        self.tabs.addTab(decisions_tab, self.tr("Commendations and criticisms"))
        page_layout(self, self.tabs, self.status)
        context.data_changed.connect(self._on_data_changed)
        context.scope_selected.connect(self._on_scope_selected)
        self.reload()

    def _simple_table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ------------------------------------------------------------------ township and lists
    def _fill_choices(self) -> None:
        """The village and member-unit filters of the township shown (the choice kept when still there)."""
        from outreach_desk.services import organisation

        villages = organisation.load_tree().villages.get(self._township.id, []) if self._township else []
        units = organisation.list_member_units(self._township.id) if self._township else []
        for combo, items in ((self.village_filter, villages), (self.unit_filter, units)):
            chosen = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(self.tr("All"), None)
                for item in items:
                    combo.addItem(item.name, item.id)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def focus_on(self, what: object) -> None:
        """``DUE_ORDERS`` (the dashboard's orders tile): the orders not put right whose deadline is past or
        within 7 days, in every village."""
        if what != DUE_ORDERS:
            return
        with ExitStack() as blocked:
            for widget in (self.state_filter, self.village_filter, self.unit_filter, self.deadline_from,
                           self.deadline_to, self.week_only):
                blocked.enter_context(QSignalBlocker(widget))
            self.state_filter.setCurrentIndex(1)  # not put right yet
            self.village_filter.setCurrentIndex(0)
            self.unit_filter.setCurrentIndex(0)
            self.deadline_from.setDate(NO_DATE)
            self.deadline_to.setDate(NO_DATE)
            self.week_only.setChecked(True)
        self.reload()

    def reload(self) -> None:
        from outreach_desk.services.supervision.bulletin import choose_township

        try:
            township = choose_township(self._township_id)
        except ServiceError as exc:
            self._township = None
            self.status.setText(self.tr("{reason} Click a village of it in the organisation tree.").format(
                reason=str(exc)))
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        if self._township is None or township.id != self._township.id:
            self._township = township
            self._fill_choices()
        for button in self.buttons.values():
            button.setEnabled(True)
        day = today()
        states = tuple(s for s in (self.state_filter.currentData() or "").split(",") if s)
        until = [d for d in (date_or_none(self.deadline_to), day + dt.timedelta(days=7) if self.week_only.isChecked()
                             else None) if d is not None]
        f = rectification.OrderFilter(township_id=township.id, states=states,
                                      village_id=self.village_filter.currentData(),
                                      member_unit_id=self.unit_filter.currentData(), today=day,
                                      deadline_from=date_or_none(self.deadline_from),
                                      deadline_until=min(until) if until else None)
        self._orders = rectification.list_orders(f)
        self._fill_orders(day)
        self._fill_inspections()
        self._fill_decisions()
        summary = rectification.due_summary(township.id, day)
        self.status.setText(self.tr("{shown} order(s) shown · {overdue} overdue · {week} due within 7 days").format(
            shown=len(self._orders), overdue=len(summary.overdue), week=len(summary.due_this_week)))

    def _fill_orders(self, day: dt.date) -> None:
        self.table.setRowCount(len(self._orders))
        for r, order in enumerate(self._orders):
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

    def _fill_inspections(self) -> None:
        from outreach_desk.services import organisation

        records = self._inspections = inspections.list_inspections(self._township.id)
        self.order_from_inspection_button.setEnabled(self.selected_inspection() is not None)
        tree = organisation.load_tree()
        villages = {v.id: v.name for v in tree.all_villages()}
        units = {u.id: u.name for u in organisation.list_member_units()}
        sites = {s.id: s.name for s in tree.all_sites()}
        targets = dict(inspections.target_choices(self._township.id))  # findings name their targets by key
        self.inspections_table.setRowCount(len(records))
        for r, record in enumerate(records):
            place = villages.get(record.village_id) or units.get(record.member_unit_id, "")
            if record.site_id in sites:
                place = self.tr("{site} ({village})").format(site=sites[record.site_id], village=place)
            shown = str(len(record.photos)) if record.photos else ""
            findings = record.findings
            if record.rule_keys:
                names = [targets.get(key, key) for key in record.rule_keys]
                listed = names[0]
                for name in names[1:]:
                    listed = self.tr("{first}, {second}").format(first=listed, second=name)
                findings = self.tr("{findings} (targets: {targets})").format(findings=findings, targets=listed)
            for column, value in enumerate((record.date.isoformat(), record.inspectors, place, shown,
                                            findings, record.outcome)):
                self.inspections_table.setItem(r, column, QTableWidgetItem(value))

    def _fill_decisions(self) -> None:
        decisions = self._decisions = inspections.list_decisions(self._township.id)
        self.delete_decision_button.setEnabled(self.selected_decision() is not None)
        self.decisions_table.setRowCount(len(decisions))
        for r, decision in enumerate(decisions):
            for column, value in enumerate((decision.decided.isoformat(), inspections.kind_label(decision.kind),
                                            decision.name, decision.period_label, decision.reason)):
                self.decisions_table.setItem(r, column, QTableWidgetItem(value))

    def after_change(self) -> None:
        self.reload()
        self.context.data_changed.emit("supervision")

    def selected(self) -> rectification.Order | None:
        row = self.table.currentRow()
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # ------------------------------------------------------------------ changes (each one undoable step)
    def _push(self, text: str, do, undo) -> bool:
        try:
            self.context.undo_stack.push(_Command(self, text, do, undo))
        except ServiceError as exc:
            self.status.setText(str(exc))
            return False
        return True

    def _checked(self, data) -> bool:
        errors = rectification.validate(data)
        if errors:
            self.status.setText(errors[0].message)
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
            self.status.setText(str(failure))
        return failure is None

    def change_order(self, order: rectification.Order, data: rectification.OrderInput) -> bool:
        if not self._checked(data):
            return False
        before = order.as_input()
        return self._push(_tr("Change a rectification order"), lambda: rectification.update(order.id, data),
                          lambda: rectification.update(order.id, before))

    def new_order(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        if self._township is None:
            return
        dialog = OrderDialog(self._township.id, parent=self, today=today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_order(dialog.value())

    def edit_order(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        order = self.selected()
        if order is None:
            return
        dialog = OrderDialog(self._township.id, order, parent=self, today=today())
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
        dialog = RecheckDialog(order, self, today=today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.recheck(order, dialog.value(), dialog.photos.pending_paths())

    def recheck(self, order: rectification.Order, data: rectification.OrderInput, photo_paths) -> None:
        """Put ``order`` right as ``data`` says, with the picked photos copied first (``photos_stored``)."""

        def write(infos) -> bool:
            data.recheck_photos = tuple(data.recheck_photos) + infos
            return self.change_order(order, data)

        self.store_photos_then(photo_paths, write)

    def store_photos_then(self, paths, write) -> None:
        """Copy the picked pictures into the photo folder in a worker, then ``write(infos)`` on the GUI thread.

        The copied files of a refused or failed write are taken away again; ``photos_stored`` says it is over.
        """
        from outreach_desk.services import photos
        from outreach_desk.ui.shell.tasks import run_task

        paths = list(paths)

        def done(stored) -> None:
            if not write(supervision_photos.as_infos(stored)):
                photos.discard(stored)
            self.photos_stored.emit()

        def failed(exc: Exception, _details: str) -> None:
            self.status.setText(str(exc) if isinstance(exc, ServiceError) else
                                _tr("The photos could not be copied: {reason}").format(reason=exc))
            self.photos_stored.emit()

        if not paths:
            done([])
            return
        self._storing = run_task(self, _tr("Copying the photos…"), lambda progress: photos.store_files(paths, progress),
                                 on_done=done, on_error=failed)

    def delete_order(self) -> bool:
        order = self.selected()
        if order is None:
            return False
        kept: dict = {}

        def do():
            kept["order"] = rectification.delete(order.id)

        return self._push(_tr("Delete a rectification order"), do, lambda: rectification.restore(kept["order"]))

    def gap_drafts(self, gaps: list) -> list[rectification.OrderInput]:
        """The order each gap would make: due in 15 days, but not after the campaign's last day."""
        end = self._campaign_end()
        return [rectification.from_gap(gap, self._township.id, issued=today(), campaign_end=end) for gap in gaps]

    def add_orders_from_gaps(self, drafts: list[rectification.OrderInput]) -> bool:
        """The reviewed drafts issued in one transaction, as one undoable step (refused whole on one bad draft)."""
        for draft in drafts:
            if not self._checked(draft):
                return False
        return bool(drafts) and self._issue(drafts)

    def _campaign_end(self):
        """The last day of the township's current campaign (None without one): no order is due after it."""
        from outreach_desk.services.coverage import campaigns

        campaign = campaigns.current(self._township.id)
        return campaign.end if campaign is not None else None

    def selected_inspection(self) -> inspections.InspectionRecord | None:
        row = self.inspections_table.currentRow()
        return self._inspections[row] if 0 <= row < len(self._inspections) else None

    def order_from_inspection(self) -> bool:
        """The order dialog drafted from the selected inspection's findings; what the clerk confirms is issued."""
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        record = self.selected_inspection()
        if record is None:
            return False
        draft = rectification.from_inspection(record, issued=today(), campaign_end=self._campaign_end())
        dialog = OrderDialog(self._township.id, parent=self, today=today(), draft=draft)
        return dialog.exec() == QDialog.DialogCode.Accepted and self.add_order(dialog.value())

    def month_gaps(self) -> list:
        """The gaps of last month in the township, furthest from the target first."""
        from outreach_desk.services.coverage import engine, gaps, periods
        from outreach_desk.services.coverage.engine import Scope

        first = today().replace(day=1) - dt.timedelta(days=1)
        result = engine.compute(periods.month(first.year, first.month), scope=Scope(township_id=self._township.id))
        return gaps.gap_list(result)

    def orders_from_gaps(self) -> None:
        from outreach_desk.ui.shell.errors import show_exception
        from outreach_desk.ui.supervision.order_drafts import DraftOrdersDialog, names_of

        if self._township is None:
            return
        try:
            found = self.month_gaps()
        except ServiceError as exc:
            show_exception(self, exc)
            return
        dialog = DraftOrdersDialog(self._township.id, self.gap_drafts(found), [names_of(gap) for gap in found],
                                   self, today=today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_orders_from_gaps(dialog.chosen())

    def new_inspection(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import InspectionDialog

        if self._township is None:
            return
        dialog = InspectionDialog(self._township.id, self, today=today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_inspection(dialog.value(), dialog.photos.pending_paths())

    def record_inspection(self, data: inspections.InspectionInput, photo_paths) -> None:
        """Record ``data`` with the picked photos, copied first (``photos_stored`` says when it is over)."""
        errors = inspections.validate_inspection(data)
        if errors:  # refused before any file is copied
            self.status.setText(errors[0].message)
            self.photos_stored.emit()
            return

        def write(infos) -> bool:
            data.photos = tuple(data.photos) + infos
            return self.add_inspection(data)

        self.store_photos_then(photo_paths, write)

    def add_inspection(self, data: inspections.InspectionInput) -> bool:
        return self._add_step(_tr("Record an inspection"), inspections.validate_inspection(data),
                              lambda: inspections.add_inspection(data), inspections.delete_inspection,
                              inspections.restore_inspection)

    def _add_step(self, text: str, errors: list, add, delete, restore) -> bool:
        """``add()`` as one undoable step (``delete(id)`` takes it back and returns what ``restore`` puts back),
        refused with the first of ``errors`` in the status line."""
        if errors:
            self.status.setText(errors[0].message)
            return False
        made: dict = {}

        def do():
            if "kept" in made:
                restore(made["kept"])
            else:
                made["id"] = add()

        def undo():
            made["kept"] = delete(made["id"])

        return self._push(text, do, undo)

    def decisions_from_ranking(self) -> bool:
        """Commend the top and criticise the bottom of last month's ranking, reasons from the figures."""
        from outreach_desk.services.coverage import periods
        from outreach_desk.services.coverage.engine import Scope
        from outreach_desk.services.supervision import rankings

        if self._township is None:
            return False
        first = today().replace(day=1) - dt.timedelta(days=1)
        try:
            marks = int(self.context.settings.value(rankings.MARK_COUNT_SETTING, rankings.DEFAULT_MARK_COUNT))
        except (TypeError, ValueError):
            marks = rankings.DEFAULT_MARK_COUNT
        try:
            ranking = rankings.rank(periods.month(first.year, first.month), scope=Scope(township_id=self._township.id),
                                    mark_count=marks)
        except ServiceError as exc:
            self.status.setText(str(exc))
            return False
        drafts = inspections.drafts_from_ranking(ranking, self._township.id, today())
        made: dict = {"ids": [], "kept": []}

        def do():
            if made["kept"]:
                for decision in made["kept"]:
                    inspections.restore_decision(decision)
            else:
                made["ids"] = [inspections.add_decision(draft) for draft in drafts]

        def undo():
            made["kept"] = [inspections.delete_decision(decision_id) for decision_id in made["ids"]]

        return bool(drafts) and self._push(_tr("Commend and criticise from the ranking"), do, undo)

    def selected_decision(self) -> inspections.Decision | None:
        row = self.decisions_table.currentRow()
        return self._decisions[row] if 0 <= row < len(self._decisions) else None

    def new_decision(self) -> bool:
        from outreach_desk.ui.supervision.order_dialogs import DecisionDialog

        if self._township is None:
            return False
        dialog = DecisionDialog(self._township.id, self, today=today())
        return dialog.exec() == QDialog.DialogCode.Accepted and self.add_decision(dialog.value())

    def add_decision(self, data: inspections.DecisionInput) -> bool:
        """Record ``data`` (checked first) as one undoable step."""
        return self._add_step(_tr("Record a commendation or criticism"), inspections.validate_decision(data),
                              lambda: inspections.add_decision(data), inspections.delete_decision,
                              inspections.restore_decision)

    def delete_decision(self) -> bool:
        decision = self.selected_decision()
        if decision is None:
            return False
        kept: dict = {}

        def do():
            kept["decision"] = inspections.delete_decision(decision.id)

        return self._push(_tr("Delete a commendation or criticism"), do,
                          lambda: inspections.restore_decision(kept["decision"]))

    def filters_text(self) -> list[str]:
        """The filters chosen, one line each (none when every order is shown), as the export states them."""
        lines = [self.tr("{filter}: {value}").format(filter=label, value=combo.currentText())
                 for label, combo in ((self.tr("Status"), self.state_filter),
                                      (self.tr("Village / community"), self.village_filter),
                                      (self.tr("Member unit"), self.unit_filter)) if combo.currentIndex() > 0]
        start, end = date_or_none(self.deadline_from), date_or_none(self.deadline_to)
        if start or end:
            lines.append(self.tr("Deadline: {start} to {end}").format(
                start=start.isoformat() if start else self.tr("any day"), end=end.isoformat() if end else
                self.tr("any day")))
        if self.week_only.isChecked():
            lines.append(self.week_only.text())
        return [self.tr("Orders chosen by:")] + lines if lines else []

    def export(self, path: str | Path | None = None) -> Path | None:
        from outreach_desk.ui.shell.errors import show_exception

        if path is None:
            folder = Path(str(self.context.settings.value(SETTINGS_FOLDER, "") or Path.home()))
            name = f"督导整改_{today().isoformat()}.xlsx"
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the orders"), str(folder / name),
                                                        self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return None
        try:
            written = rectification.export_xlsx(self._orders, path, today=today(), shown=self.filters_text())
        except Exception as exc:  # noqa: BLE001 - a locked or read-only target is explained by show_exception
            show_exception(self, exc)
            return None
        self.context.settings.setValue(SETTINGS_FOLDER, str(Path(written).parent))
        self.status.setText(self.tr("{count} order(s) exported to {path}.").format(count=len(self._orders),
                                                                                   path=written))
        return written
