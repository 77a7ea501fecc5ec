"""The ledger's filter bar: village, site (of that village), activity kind, date range and free text.

Every change is announced at once as a :class:`LedgerFilter`, except typing in the search box,
which waits for a short pause so that each keystroke does not re-query a large ledger.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from outreach_desk.services import ledger_query
from outreach_desk.services.ledger_query import LedgerFilter
from outreach_desk.ui.widgets.date_edits import NO_DATE, date_or_none, optional_date_edit

SEARCH_PAUSE_MS = 250


class LedgerFilterBar(QWidget):
    filterChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ledgerFilterBar")
        self.village = self._combo("villageFilter", 160)
        self.site = self._combo("siteFilter", 140)
        self.kind = self._combo("kindFilter", 120)
        self.date_from = optional_date_edit(self, "dateFromFilter", self.tr("Any date"))
        self.date_to = optional_date_edit(self, "dateToFilter", self.tr("Any date"))
        self.text = QLineEdit(self)
        self.text.setObjectName("textFilter")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search place, notes, village or site"))
        self.text.setMinimumWidth(180)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Show all"))
        self.clear_button.setToolTip(self.tr("Clear every filter"))

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS, timeout=self._announce)

        # two rows, so the bar never makes the window wider than a 1024-pixel screen
        places = QHBoxLayout()
        for widget in (self.village, self.site, self.kind):
            places.addWidget(widget, 1)
        rest = QHBoxLayout()
        dates = QLabel(self.tr("Date"), self)
        dates.setBuddy(self.date_from)
        rest.addWidget(dates)
        rest.addWidget(self.date_from)
        rest.addWidget(QLabel("–", self))
        rest.addWidget(self.date_to)
        rest.addWidget(self.text, 1)
        rest.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(places)
        layout.addLayout(rest)

        self.reload_choices()
        self.village.currentIndexChanged.connect(self._on_village_changed)
        self.site.currentIndexChanged.connect(self._announce)
        self.kind.currentIndexChanged.connect(self._announce)
        self.date_from.dateChanged.connect(self._announce)
        self.date_to.dateChanged.connect(self._announce)
        self.text.textChanged.connect(self._search_timer.start)
        self.text.returnPressed.connect(self._announce)
        self.clear_button.clicked.connect(self.clear)

    # ------------------------------------------------------------------ building
    def _combo(self, name: str, width: int) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setMinimumWidth(width)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMaxVisibleItems(25)
        return combo

    def reload_choices(self) -> None:
        """Re-read villages, sites and kinds (after the organisation changed), keeping the choices."""
        chosen = self.filter()
        villages = ledger_query.village_choices()
        multiple = len({township for _id, _name, township in villages}) > 1
        with QSignalBlocker(self.village), QSignalBlocker(self.site), QSignalBlocker(self.kind):
            self.village.clear()
            self.village.addItem(self.tr("All villages"), None)
            for village_id, name, township in villages:
                label = self.tr("{township} · {village}").format(township=township, village=name) if multiple else name
                self.village.addItem(label, village_id)
            self.kind.clear()
            self.kind.addItem(self.tr("All activities"), None)
            for kind_id, name in ledger_query.kind_choices():
                self.kind.addItem(name, kind_id)
            self._select(self.village, chosen.village_id)
            self._fill_sites()
            self._select(self.site, chosen.site_id)
            self._select(self.kind, chosen.kind_id)

    def _fill_sites(self) -> None:
        village_id = self.village.currentData()
        self.site.clear()
        self.site.addItem(self.tr("All sites"), None)
        if village_id is not None:
            for site_id, name in ledger_query.site_choices(village_id):
                self.site.addItem(name, site_id)
        self.site.setEnabled(village_id is not None)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ the filter
    def filter(self) -> LedgerFilter:
        return LedgerFilter(
            village_id=self.village.currentData(),
            site_id=self.site.currentData(),
            kind_id=self.kind.currentData(),
            date_from=date_or_none(self.date_from),
            date_to=date_or_none(self.date_to),
            text=self.text.text().strip(),
        )

    def set_scope(self, village_id: int | None, site_id: int | None) -> None:
        """Show the village or site chosen in the organisation tree (None, None: everything)."""
        if site_id is not None and village_id is None:
            village_id = ledger_query.site_village(site_id)
        with QSignalBlocker(self.village), QSignalBlocker(self.site):
            self._select(self.village, village_id)
            self._fill_sites()
            self._select(self.site, site_id)
        self._announce()

    def set_dates(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
            self.date_from.setDate(QDate(date_from) if date_from else NO_DATE)
            self.date_to.setDate(QDate(date_to) if date_to else NO_DATE)
        self._announce()

    def set_search_text(self, text: str) -> None:
        """Search at once for ``text`` (as if typed and Enter pressed)."""
        with QSignalBlocker(self.text):
            self.text.setText(text)
        self._announce()

    def clear(self) -> None:
        with (QSignalBlocker(self.village), QSignalBlocker(self.site), QSignalBlocker(self.kind),
              QSignalBlocker(self.date_from), QSignalBlocker(self.date_to), QSignalBlocker(self.text)):
            self.village.setCurrentIndex(0)
            self._fill_sites()
            self.kind.setCurrentIndex(0)
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
            self.text.clear()
        self._announce()

    def _on_village_changed(self) -> None:
        with QSignalBlocker(self.site):
            self._fill_sites()
        self._announce()

    def _announce(self, *_args) -> None:
        self._search_timer.stop()
        self.filterChanged.emit(self.filter())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text.hasFocus() and self.text.text():
            self.text.clear()
            self._announce()
            return
        super().keyPressEvent(event)
