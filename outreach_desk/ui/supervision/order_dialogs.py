"""Dialogs of the supervision page: a rectification order, its re-inspection, an inspection, and a commendation or
criticism.

Each dialog only gathers input and returns the service's input object; the page validates through
the service, copies the photos picked in the inspection and re-inspection dialogs into the photo
folder in a worker, and pushes the undoable command.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLayout, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from outreach_desk.services.supervision import inspections, rectification
from outreach_desk.ui.supervision.unit_picker import UnitPicker
from outreach_desk.ui.widgets.date_edits import date_edit
from outreach_desk.ui.widgets.layout import add_rows
from outreach_desk.ui.widgets.photo_field import PhotoField


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget, day: dt.date, name: str) -> QDateEdit:
    edit = date_edit(parent, name)
    edit.setDate(qdate(day))
    return edit


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
    """A new rectification order (blank, or drafted from a gap: ``draft``), or changes to ``order``."""

    def __init__(self, township_id: int, order: rectification.Order | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None, draft: rectification.OrderInput | None = None):
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.setWindowTitle(self.tr("Rectification order") if order is None else self.tr("Change the order"))
        today = today or dt.date.today()
        self.township_id, self.order = township_id, order
        self.base = order.as_input() if order is not None else draft
        self.unit = UnitPicker(township_id, "order", self)
        self.task = QPlainTextEdit(self)
        self.task.setObjectName("orderTask")
        self.issued = _date_edit(self, today, "orderIssued")
        self.deadline = _date_edit(self, today + dt.timedelta(days=rectification.DEFAULT_DAYS), "orderDeadline")
        self.status = QComboBox(self)
        self.status.setObjectName("orderStatus")
        for code in (rectification.OPEN, rectification.IN_PROGRESS):
            self.status.addItem(rectification.status_label(code), code)
        if self.base is not None:
            self.unit.set_value(self.base.village_id, self.base.site_id, self.base.member_unit_id)
            self.task.setPlainText(self.base.task)
            self.issued.setDate(qdate(self.base.issued))
            self.deadline.setDate(qdate(self.base.deadline))
            self.status.setCurrentIndex(max(0, self.status.findData(self.base.status)))
        _with_ok_cancel(self, _form((self.tr("Responsible"), self.unit), (self.tr("What must be done"), self.task),
                                    (self.tr("Issued"), self.issued), (self.tr("Deadline"), self.deadline),
                                    (self.tr("Status"), self.status)))
        self.setMinimumWidth(560)

    def value(self) -> rectification.OrderInput:
        base = replace(self.base) if self.base is not None else rectification.OrderInput(
            self.township_id, "", pydate(self.issued), pydate(self.deadline))
        base.task = self.task.toPlainText().strip()
        base.issued, base.deadline = pydate(self.issued), pydate(self.deadline)
        base.status = self.status.currentData()
        base.village_id, base.site_id, base.member_unit_id = self.unit.value()
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
        self.unit = UnitPicker(township_id, "inspection", self)
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
        village_id, site_id, member_unit_id = self.unit.value()
        return inspections.InspectionInput(
            self.township_id, pydate(self.date), self.inspectors.text(), self.findings.toPlainText(),
            village_id=village_id, site_id=site_id, member_unit_id=member_unit_id, outcome=self.outcome.text(),
            rule_keys=tuple(self.targets.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.targets.count())
                            if self.targets.item(row).checkState() == Qt.CheckState.Checked))


class DecisionDialog(QDialog):
    """A commendation or criticism written by hand (plan 2 commends units that take on their share; not every
    decision comes from a ranking): who, when, for which period, and why."""

    def __init__(self, township_id: int, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Commendation or criticism"))
        self.township_id = township_id
        self.kind = QComboBox(self)
        self.kind.setObjectName("decisionKind")
        for code in (inspections.COMMEND, inspections.CRITICISE):
            self.kind.addItem(inspections.kind_label(code), code)
        self.unit = UnitPicker(township_id, "decision", self, with_sites=False)
        self.decided = _date_edit(self, today or dt.date.today(), "decisionDate")
        self.period = QLineEdit(self)
        self.period.setObjectName("decisionPeriod")
        self.period.setPlaceholderText(self.tr("e.g. November 2026 (may stay empty)"))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("decisionReason")
        _with_ok_cancel(self, _form((self.tr("Decision"), self.kind), (self.tr("Who"), self.unit),
                                    (self.tr("Decided on"), self.decided), (self.tr("Period"), self.period),
                                    (self.tr("Reason"), self.reason)))
        self.setMinimumWidth(520)

    def value(self) -> inspections.DecisionInput:
        village_id, _site, member_unit_id = self.unit.value()
        return inspections.DecisionInput(self.township_id, self.kind.currentData(), pydate(self.decided),
                                         self.reason.toPlainText().strip(), village_id, member_unit_id,
                                         period_label=self.period.text().strip())
