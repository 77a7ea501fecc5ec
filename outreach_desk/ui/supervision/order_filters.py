"""The filters of the rectification orders: status, village, member unit, a deadline range and "within 7 days".

``order_filter(township, day)`` is what the service lists; ``text()`` states the choice under an
export; ``show_due()`` is the dashboard tile's choice (every order not put right that is past or
due within 7 days). ``changed`` fires on every change the clerk makes.
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from outreach_desk.services.supervision import rectification
from outreach_desk.services.supervision.rectification import DONE, IN_PROGRESS, OPEN, OVERDUE
from outreach_desk.ui.widgets.date_edits import NO_DATE, date_or_none, optional_date_edit


class OrderFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
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
            widget.currentIndexChanged.connect(self.changed)
        for edit in (self.deadline_from, self.deadline_to):
            edit.dateChanged.connect(self.changed)
        self.week_only.toggled.connect(self.changed)

        choices = QHBoxLayout()
        for label, widget in ((self.tr("Status"), self.state_filter),
                              (self.tr("Village / community"), self.village_filter),
                              (self.tr("Member unit"), self.unit_filter)):
            choices.addWidget(QLabel(label, self))
            choices.addWidget(widget)
        choices.addStretch(1)
        deadlines = QHBoxLayout()
        for label, widget in ((self.tr("Deadline from"), self.deadline_from), (self.tr("to"), self.deadline_to)):
            deadlines.addWidget(QLabel(label, self))
            deadlines.addWidget(widget)
        deadlines.addWidget(self.week_only)
        deadlines.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(choices)
        rows.addLayout(deadlines)

    def fill_choices(self, township) -> None:
        """The village and member-unit choices of ``township`` (the choice kept when still there)."""
        from outreach_desk.services import organisation

        villages = organisation.load_tree().villages.get(township.id, []) if township else []
        units = organisation.list_member_units(township.id) if township else []
        for combo, items in ((self.village_filter, villages), (self.unit_filter, units)):
            chosen = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(self.tr("All"), None)
                for item in items:
                    combo.addItem(item.name, item.id)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def show_due(self) -> None:
        """Every order not put right whose deadline is past or within 7 days, in every village (no ``changed``)."""
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

    def order_filter(self, township_id: int, day: dt.date) -> rectification.OrderFilter:
        states = tuple(s for s in (self.state_filter.currentData() or "").split(",") if s)
        until = [d for d in (date_or_none(self.deadline_to), day + dt.timedelta(days=7) if self.week_only.isChecked()
                             else None) if d is not None]
        return rectification.OrderFilter(township_id=township_id, states=states,
                                         village_id=self.village_filter.currentData(),
                                         member_unit_id=self.unit_filter.currentData(), today=day,
                                         deadline_from=date_or_none(self.deadline_from),
                                         deadline_until=min(until) if until else None)

    def text(self) -> list[str]:
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
