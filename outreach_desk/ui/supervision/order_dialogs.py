"""Dialogs of the supervision page: a rectification order, its re-inspection, an inspection, and gaps to orders.

Each dialog only gathers input and returns the service's input object; the page validates through
the service, copies the photos picked in the inspection and re-inspection dialogs into the photo
folder in a worker, and pushes the undoable command.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLayout, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from outreach_desk.services import organisation
from outreach_desk.services.supervision import inspections, rectification
from outreach_desk.ui.widgets.layout import add_rows
from outreach_desk.ui.widgets.photo_field import PhotoField


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget, day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def unit_choices(combo: QComboBox, township_id: int) -> None:
    """Villages and communities, then member units; item data ("village"|"member_unit", id)."""
    tree = organisation.load_tree()
    for village in tree.villages.get(township_id, []):
        combo.addItem(village.name, ("village", village.id))
    for unit in organisation.list_member_units(township_id):
        combo.addItem(unit.name, ("member_unit", unit.id))


def _form(*rows: tuple) -> QFormLayout:
    """A form of ``rows``, each the arguments of one ``QFormLayout.addRow`` (label and field, or one widget)."""
    form = QFormLayout()
    for row in rows:
        form.addRow(*row)
    return form


def _with_ok_cancel(dialog: QDialog, *parts: QLayout | QWidget | tuple[QWidget, int]) -> None:
    """Lay ``dialog`` out as ``parts`` from top to bottom (a (widget, stretch) takes the spare height), then OK
    (accept) and Cancel (reject)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    add_rows(QVBoxLayout(dialog), *parts, buttons)


class OrderDialog(QDialog):
    """A new rectification order, or changes to one."""

    def __init__(self, township_id: int, order: rectification.Order | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.setWindowTitle(self.tr("Rectification order") if order is None else self.tr("Change the order"))
        today = today or dt.date.today()
        self.township_id, self.order = township_id, order
        self.unit = QComboBox(self)
        self.unit.setObjectName("orderUnit")
        unit_choices(self.unit, township_id)
        self.task = QPlainTextEdit(self)
        self.task.setObjectName("orderTask")
        self.issued = _date_edit(self, today, "orderIssued")
        self.deadline = _date_edit(self, today + dt.timedelta(days=rectification.DEFAULT_DAYS), "orderDeadline")
        self.status = QComboBox(self)
        self.status.setObjectName("orderStatus")
        for code in (rectification.OPEN, rectification.IN_PROGRESS):
            self.status.addItem(rectification.status_label(code), code)
        if order is not None:
            key = ("member_unit", order.member_unit_id) if order.member_unit_id else ("village", order.village_id)
            self.unit.setCurrentIndex(max(0, self.unit.findData(key)))
            self.task.setPlainText(order.task)
            self.issued.setDate(qdate(order.issued))
            self.deadline.setDate(qdate(order.deadline))
            self.status.setCurrentIndex(max(0, self.status.findData(order.status)))
        _with_ok_cancel(self, _form((self.tr("Responsible"), self.unit), (self.tr("What must be done"), self.task),
                                    (self.tr("Issued"), self.issued), (self.tr("Deadline"), self.deadline),
                                    (self.tr("Status"), self.status)))

    def value(self) -> rectification.OrderInput:
        kind, unit_id = self.unit.currentData() or (None, None)
        base = self.order.as_input() if self.order is not None else rectification.OrderInput(
            self.township_id, "", pydate(self.issued), pydate(self.deadline))
        base.task = self.task.toPlainText().strip()
        base.issued, base.deadline = pydate(self.issued), pydate(self.deadline)
        base.status = self.status.currentData()
        same_village = kind == "village" and self.order is not None and self.order.village_id == unit_id
        base.site_id = self.order.site_id if same_village else None  # an order on a site keeps it
        base.village_id = unit_id if kind == "village" else None
        base.member_unit_id = unit_id if kind == "member_unit" else None
        return base


class RecheckDialog(QDialog):
    """The re-inspection that finds an order put right."""

    def __init__(self, order: rectification.Order, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("recheckDialog")
        self.setWindowTitle(self.tr("Re-inspection"))
        self.order = order
        self.date = _date_edit(self, order.recheck_date or today or dt.date.today(), "recheckDate")
        self.result = QPlainTextEdit(order.recheck_result, self)
        self.result.setObjectName("recheckResult")
        self.photos = PhotoField(self, "recheckPhotos")
        self.photos.set_stored(order.recheck_photos)
        _with_ok_cancel(self, _form((QLabel(order.unit_name + "：" + order.task, self),),
                                    (self.tr("Re-inspected on"), self.date), (self.tr("Result"), self.result),
                                    (self.tr("Photos"), self.photos)))
        self.photos.accept_drops_on(self)

    def value(self) -> rectification.OrderInput:
        """The order put right on the chosen day, with the photos kept (the picked ones are added on save)."""
        data = self.order.as_input()
        data.status, data.recheck_date = rectification.DONE, pydate(self.date)
        data.recheck_result = self.result.toPlainText().strip()
        data.recheck_photos = self.photos.kept(self.order.recheck_photos)
        return data


class InspectionDialog(QDialog):
    """A new inspection record."""

    def __init__(self, township_id: int, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("inspectionDialog")
        self.setWindowTitle(self.tr("Inspection"))
        self.township_id = township_id
        self.date = _date_edit(self, today or dt.date.today(), "inspectionDate")
        self.inspectors = QLineEdit(self)
        self.inspectors.setObjectName("inspectionInspectors")
        self.unit = QComboBox(self)
        self.unit.setObjectName("inspectionUnit")
        unit_choices(self.unit, township_id)
        self.findings = QPlainTextEdit(self)
        self.findings.setObjectName("inspectionFindings")
        self.outcome = QLineEdit(self)
        self.outcome.setObjectName("inspectionOutcome")
        self.targets = QListWidget(self)
        self.targets.setObjectName("inspectionTargets")
        self.targets.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.targets.setToolTip(self.tr("Tick the targets the findings concern."))
        for key, name in inspections.target_choices(township_id):
            item = QListWidgetItem(name, self.targets)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.targets.setMaximumHeight(130)
        self.photos = PhotoField(self, "inspectionPhotos")
        _with_ok_cancel(self, _form((self.tr("Date"), self.date), (self.tr("Inspectors"), self.inspectors),
                                    (self.tr("Inspected"), self.unit), (self.tr("Findings"), self.findings),
                                    (self.tr("Targets concerned"), self.targets),
                                    (self.tr("Outcome"), self.outcome), (self.tr("Photos"), self.photos)))
        self.setMinimumWidth(660)  # the targets' names are long sentences from the plans
        self.photos.accept_drops_on(self)

    def value(self) -> inspections.InspectionInput:
        kind, unit_id = self.unit.currentData() or (None, None)
        return inspections.InspectionInput(
            self.township_id, pydate(self.date), self.inspectors.text(), self.findings.toPlainText(),
            village_id=unit_id if kind == "village" else None,
            member_unit_id=unit_id if kind == "member_unit" else None, outcome=self.outcome.text(),
            rule_keys=tuple(self.targets.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.targets.count())
                            if self.targets.item(row).checkState() == Qt.CheckState.Checked))


class GapsDialog(QDialog):
    """The month's gap list with a tick per gap: the ticked ones become orders in one step."""

    def __init__(self, gaps: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gapsDialog")
        self.setWindowTitle(self.tr("Orders from the gap list"))
        self.gaps = gaps
        self.list = QListWidget(self)
        self.list.setObjectName("gapsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for gap in gaps:
            item = QListWidgetItem(gap.text, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        _with_ok_cancel(self, QLabel(self.tr("Tick the gaps to put right; each becomes an order with {days} days' "
                                             "time.").format(days=rectification.DEFAULT_DAYS), self), (self.list, 1))
        self.resize(760, 520)

    def chosen(self) -> list:
        return [gap for row, gap in enumerate(self.gaps)
                if self.list.item(row).checkState() == Qt.CheckState.Checked]
