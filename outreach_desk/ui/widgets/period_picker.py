"""A one-row picker of the period coverage is judged over: campaign to date, a phase, a month, or any range.

The choices come from the current campaign (its phases, its months up to today, newest first), so
a clerk never types dates for the usual reports; "Custom range…" shows two date fields for the
rest. ``periodChanged`` fires whenever :meth:`PeriodPicker.period` changes, whether the clerk or
the program (``set_campaign``, ``set_period``) changed it, like Qt's own input widgets; date typing
is announced after a short pause so that stepping through days does not recompute each time.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from outreach_desk.services.coverage import periods
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.coverage.periods import Period
from outreach_desk.ui.widgets.date_edits import date_edit

DATE_PAUSE_MS = 300
#: item data of the choices: "to_date", "phase:ID", "month:YYYY-MM", "range" (strings survive Qt's variants)
TO_DATE, RANGE = "to_date", "range"


class PeriodPicker(QWidget):
    periodChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self._campaign: CampaignInfo | None = None
        self._today = dt.date.today()
        self._announced: Period | None = None
        self._followed = False

        self.choice = QComboBox(self)
        self.choice.setObjectName("periodChoice")
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice.setMaxVisibleItems(30)
        self.date_from = date_edit(self, "periodFrom")
        self.date_to = date_edit(self, "periodTo")
        self._dash = QLabel("–", self)
        label = QLabel(self.tr("Period"), self)
        label.setBuddy(self.choice)

        self._date_timer = QTimer(self, singleShot=True, interval=DATE_PAUSE_MS, timeout=self._announce)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.choice, self.date_from, self._dash, self.date_to):
            layout.addWidget(widget)

        self.choice.currentIndexChanged.connect(self._on_choice)
        self.date_from.dateChanged.connect(self._on_from_changed)
        self.date_to.dateChanged.connect(self._date_timer.start)
        self.set_campaign(None, self._today)

    # ------------------------------------------------------------------ choices
    def set_campaign(self, campaign: CampaignInfo | None, today: dt.date) -> None:
        """Offer the choices of ``campaign`` (None: nothing to pick) and select campaign to date."""
        self._campaign, self._today = campaign, today
        with QSignalBlocker(self.choice):
            self.choice.clear()
            if campaign is not None:
                self._fill(campaign, today)
        self.choice.setEnabled(campaign is not None)
        if campaign is not None:
            end = min(max(today, campaign.start), campaign.end)
            self._set_dates(campaign.start, end)
        self._show_range(False)
        self._announce()

    def follow_campaign(self, campaign: CampaignInfo | None, today: dt.date) -> bool:
        """Offer the choices of ``campaign``, just read as the current one, without announcing a change.

        The period chosen stays when it is the same campaign (by id: its dates or phases may have changed).
        Returns False, doing nothing, when that very campaign is on offer already: the page then has
        nothing to update either.
        """
        if self._followed and campaign == self._campaign:
            return False
        same = campaign is not None and self._campaign is not None and campaign.id == self._campaign.id
        previous = self.period()
        self._followed = True
        with QSignalBlocker(self):
            self.set_campaign(campaign, today)
            if same:
                self.set_period(previous)
        return True

    def campaign(self) -> CampaignInfo | None:
        """The campaign whose periods are on offer."""
        return self._campaign

    def _fill(self, campaign: CampaignInfo, today: dt.date) -> None:
        to_date = periods.to_date(campaign, today)
        self.choice.addItem(self.tr("Campaign to date"), TO_DATE)
        self._tip(self.tr("From {start} to {end}").format(start=to_date.start.isoformat(), end=to_date.end.isoformat()))
        if campaign.phases:
            self.choice.insertSeparator(self.choice.count())
        for phase in campaign.phases:
            self.choice.addItem(self.tr("Phase: {name}").format(name=phase.name), f"phase:{phase.id}")
            self._tip(self.tr("From {start} to {end}").format(start=phase.start.isoformat(), end=phase.end.isoformat()))
        months = periods.campaign_months(campaign, until=today if today >= campaign.start else None)
        if months:
            self.choice.insertSeparator(self.choice.count())
        for month in reversed(months):
            self.choice.addItem(month.label, f"month:{month.start:%Y-%m}")
        self.choice.insertSeparator(self.choice.count())
        self.choice.addItem(self.tr("Custom range…"), RANGE)
        self._tip(self.tr("Any dates you choose"))

    def _tip(self, text: str) -> None:
        self.choice.setItemData(self.choice.count() - 1, text, Qt.ItemDataRole.ToolTipRole)

    # ------------------------------------------------------------------ the period
    def period(self) -> Period | None:
        """The chosen period, or None without a campaign."""
        key = self.choice.currentData()
        if self._campaign is None or not key:
            return None
        if key == RANGE:
            return periods.date_range(self.date_from.date().toPython(), self.date_to.date().toPython())
        return self._period_of(key)

    def set_period(self, period: Period | None) -> None:
        """Select ``period``: the matching choice, or the custom range with its dates (None: campaign to date)."""
        if self._campaign is None:
            return
        index = 0 if period is None else self._index_of(period)
        if index < 0:
            index = self.choice.findData(RANGE)
            with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
                self._set_dates(period.start, period.end)
        with QSignalBlocker(self.choice):
            self.choice.setCurrentIndex(index)
        self._show_range(self.choice.currentData() == RANGE)
        self._announce()

    def _index_of(self, period: Period) -> int:
        for index in range(self.choice.count()):
            key = self.choice.itemData(index)
            if not key or key == RANGE:
                continue
            candidate = self._period_of(key)
            if candidate.kind == period.kind and (candidate.start, candidate.end) == (period.start, period.end):
                return index
        return -1

    def _period_of(self, key: str) -> Period:
        if key == TO_DATE:
            return periods.to_date(self._campaign, self._today)
        kind, _, value = key.partition(":")
        if kind == "phase":
            return periods.phase(self._campaign, int(value))
        return periods.parse_month(value)

    # ------------------------------------------------------------------ reactions
    def _on_choice(self) -> None:
        self._show_range(self.choice.currentData() == RANGE)
        self._announce()

    def _on_from_changed(self, date: QDate) -> None:
        # The end may never lie before the start: it follows the start forward (Qt moves it to the minimum).
        self.date_to.setMinimumDate(date)
        self._date_timer.start()

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        self.date_from.setDate(QDate(start))
        self.date_to.setMinimumDate(QDate(start))
        self.date_to.setDate(QDate(max(start, end)))

    def _show_range(self, visible: bool) -> None:
        for widget in (self.date_from, self._dash, self.date_to):
            widget.setVisible(visible)

    def _announce(self) -> None:
        self._date_timer.stop()
        current = self.period()
        if current != self._announced:
            self._announced = current
            self.periodChanged.emit(current)
