"""The layout the survey and letter pages share: filters on top, the list and a compact summary on
the left, the entry form on the right.

The period comes from the current campaign's picker (campaign to date, a phase, a month or any
range); without a campaign every date is shown. The area filter follows the organisation tree.
Double-click or Enter opens a record in the form; Delete deletes through the undo stack; a change
of the page's own records re-reads the list and the summary (they are small, read in SQL).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.coverage.periods import Period
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.widgets.layout import splitter
from outreach_desk.ui.widgets.period_picker import PeriodPicker
from outreach_desk.ui.records.commands import RecordKind, push_delete
from outreach_desk.ui.records.form import RecordForm
from outreach_desk.ui.records.table import RecordListModel, RecordTable

CONTEXT = "RecordPage"
#: the summary's window when there is no campaign to pick a period from
ALL_DATES = (dt.date(1900, 1, 1), dt.date(2099, 12, 31))
#: changes that touch neither the records, the areas nor the campaign's dates (all else refreshes the page)
UNRELATED_CHANGES = frozenset({"activity", "rules"})
#: the form's column: wide enough for the rate, its interval and the hint on one line each
FORM_AREA_WIDTH = 400


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def today() -> dt.date:
    """The day "campaign to date" ends on (tests replace it)."""
    return dt.date.today()


@dataclass(frozen=True)
class TableSpec:
    """One of the page's two tables: its model class, the view's object name and the columns' least widths."""

    model: type[RecordListModel]
    name: str
    widths: dict[str, int]


class RecordPage(QWidget):
    """Subclasses name their tables and form, list the areas and read the rows."""

    KIND: RecordKind
    SETTINGS_PREFIX = ""
    PAGE_NAME = ""
    LIST: TableSpec
    SUMMARY: TableSpec
    #: what a summary row stands for: activating it narrows the page to that ("village", id) or ("site", id)
    SUMMARY_AREA = "village"
    FORM: type[RecordForm]
    FORM_NAME = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(self.PAGE_NAME)
        self.context = context
        self._area_keys: list[tuple[str, int] | None] = []
        self._select_after_refresh: int | None = None
        self._reload_areas = False

        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("areaFilter")
        self.area_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.area_combo.setMaxVisibleItems(25)
        self.picker = PeriodPicker(self)
        self.no_campaign_label = QLabel(_tr("All dates (no campaign set up)"), self)
        self.no_campaign_label.setObjectName("allDates")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("recordCount")

        self.list_model, self.table = self.make_list()
        self.summary_title = QLabel(self)
        self.summary_title.setObjectName("summaryTitle")
        font = self.summary_title.font()
        font.setBold(True)
        self.summary_title.setFont(font)
        self.summary_model, self.summary_table = self.make_summary()
        self.form: RecordForm = self.make_form()
        self.form_area = QScrollArea(self)
        self.form_area.setObjectName("formArea")
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_area.setWidget(self.form)
        self.form_area.setMinimumWidth(max(self.form.minimumSizeHint().width() + 24, FORM_AREA_WIDTH))

        summary_box = QWidget(self)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.setContentsMargins(0, 4, 0, 0)
        summary_layout.addWidget(self.summary_title)
        summary_layout.addWidget(self.summary_table, 1)
        self.left_splitter = splitter(self, "listSplitter", Qt.Orientation.Vertical, (self.table, 3), (summary_box, 2))
        self.splitter = splitter(self, "pageSplitter", Qt.Orientation.Horizontal, (self.left_splitter, 3),
                                 (self.form_area, 1))

        area_label = QLabel(self.area_title(), self)
        area_label.setBuddy(self.area_combo)
        top = QHBoxLayout()
        top.addWidget(area_label)
        top.addWidget(self.area_combo)
        top.addSpacing(12)
        top.addWidget(self.picker)
        top.addWidget(self.no_campaign_label)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)

        self._fill_areas()
        self._load_campaign()
        self._restore_state()
        self.area_combo.currentIndexChanged.connect(self._on_area_changed)
        self.picker.periodChanged.connect(lambda _period: self.refresh())
        self.table.recordActivated.connect(self.open_record)
        self.table.deleteRequested.connect(self.delete_records)
        self.form.saved.connect(self._on_saved)
        context.scope_selected.connect(self._on_scope_selected)
        context.data_changed.connect(self._on_data_changed)
        self.refresh()

    # ------------------------------------------------------------------ building
    def make_list(self) -> tuple[RecordListModel, RecordTable]:
        model = self.LIST.model(self)
        return model, RecordTable(model, self.LIST.name, self.LIST.widths, self)

    def make_summary(self) -> tuple[RecordListModel, RecordTable]:
        model = self.SUMMARY.model(self)
        table = RecordTable(model, self.SUMMARY.name, self.SUMMARY.widths, self, deletable=False)
        table.recordActivated.connect(lambda record_id: self.set_area((self.SUMMARY_AREA, record_id)))
        return model, table

    def make_form(self) -> RecordForm:
        form = self.FORM(self.context, self)
        form.setObjectName(self.FORM_NAME)
        return form

    # ------------------------------------------------------------------ for subclasses
    def area_title(self) -> str:
        raise NotImplementedError

    def area_items(self) -> list[tuple[str, tuple[str, int] | None]]:
        """(label, key) of the area filter; key None for "all", else ("village", id) or ("site", id)."""
        raise NotImplementedError

    def area_of_scope(self, village_id, site_id) -> tuple[str, int] | None:
        raise NotImplementedError

    def list_rows(self, start: dt.date | None, end: dt.date | None, area: tuple[str, int] | None) -> list:
        raise NotImplementedError

    def summary_rows(self, start: dt.date, end: dt.date, area: tuple[str, int] | None) -> list:
        raise NotImplementedError

    def summary_heading(self, period: Period | None) -> str:
        raise NotImplementedError

    def count_text(self, rows: list) -> str:
        raise NotImplementedError

    # ------------------------------------------------------------------ filters
    def _fill_areas(self) -> None:
        chosen = self.area()
        items = self.area_items()
        with QSignalBlocker(self.area_combo):
            self.area_combo.clear()
            self._area_keys = []
            for label, key in items:
                self.area_combo.addItem(label)
                self._area_keys.append(key)
            self.area_combo.setCurrentIndex(max(0, self._index_of_area(chosen)))

    def _index_of_area(self, key) -> int:
        return self._area_keys.index(key) if key in self._area_keys else -1

    def area(self) -> tuple[str, int] | None:
        index = self.area_combo.currentIndex()
        return self._area_keys[index] if 0 <= index < len(self._area_keys) else None

    def set_area(self, key: tuple[str, int] | None) -> None:
        index = self._index_of_area(key)
        if index >= 0 and index != self.area_combo.currentIndex():
            self.area_combo.setCurrentIndex(index)

    def _on_area_changed(self) -> None:
        self.area_chosen(self.area())
        self.refresh()

    def area_chosen(self, area: tuple[str, int] | None) -> None:
        """The clerk narrowed the page to ``area``; subclasses may preselect it in the form."""

    def _on_scope_selected(self, village_id, site_id) -> None:
        self.set_area(self.area_of_scope(village_id, site_id))

    def _load_campaign(self) -> None:
        """The period choices follow the current campaign of the chosen area's township (a county database's
        townships each have their own)."""
        area = self.area()
        township_id = None if area is None else organisation.township_of_selection(
            area[1] if area[0] == "village" else None, area[1] if area[0] == "site" else None)
        campaign = campaigns.current(township_id)
        if not self.picker.follow_campaign(campaign, today()):
            return
        self.picker.setVisible(campaign is not None)
        self.no_campaign_label.setVisible(campaign is None)

    def period(self) -> Period | None:
        return self.picker.period()

    # ------------------------------------------------------------------ refreshing
    def _on_data_changed(self, what: str) -> None:
        if what in UNRELATED_CHANGES:
            return
        if what == "organisation":
            self._reload_areas = True
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Re-read the list and the summary for the chosen area and period."""
        self._refresh_timer.stop()
        if self._reload_areas:
            self._reload_areas = False
            self._fill_areas()
            self.form.reload_choices()
        self._load_campaign()
        period = self.period()
        area = self.area()
        current = self._select_after_refresh or self.table.current_id()
        self._select_after_refresh = None
        try:
            rows = self.list_rows(period.start if period else None, period.end if period else None, area)
            start, end = (period.start, period.end) if period else ALL_DATES
            summary = self.summary_rows(start, end, area)
        except Exception as exc:  # a broken database must not leave the page half-updated
            from outreach_desk.ui.shell.errors import show_exception

            show_exception(self, exc)
            return
        self.list_model.set_rows(rows)
        self.summary_model.set_rows(summary)
        self.summary_title.setText(self.summary_heading(period))
        self.count_label.setText(self.count_text(rows))
        self.table.fit_columns_once()
        self.summary_table.fit_columns_once()
        if current is not None:
            self.table.select_record(current)

    # ------------------------------------------------------------------ records
    def open_record(self, record_id: int) -> None:
        self.form.load_record(record_id)

    def _on_saved(self, record_id: int) -> None:
        self._select_after_refresh = record_id

    def delete_records(self, record_ids: list[int]) -> None:
        """Delete through the undo stack, so Ctrl+Z brings the records back."""
        if not record_ids:
            return
        failures = push_delete(self.context, self.KIND, record_ids,
                               translate(CONTEXT, "Delete %n record(s)", None, len(record_ids)))
        if failures:
            from outreach_desk.ui.shell.errors import show_exception

            show_exception(self, failures[0])
            return
        if self.form.editing_id in record_ids:
            self.form.new_record()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                translate(CONTEXT, "Deleted %n record(s). Undo brings them back.", None, len(record_ids)), 5000)

    def focus_on(self, argument) -> None:
        """``show_page(name, record_id)`` opens that record in the form."""
        if isinstance(argument, int):
            self.table.select_record(argument)
            self.open_record(argument)

    # ------------------------------------------------------------------ persistence
    def _restore_state(self) -> None:
        settings = self.context.settings
        for name, widget in (("splitter", self.splitter), ("listSplitter", self.left_splitter)):
            state = settings.value(f"{self.SETTINGS_PREFIX}/{name}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                widget.restoreState(state)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(f"{self.SETTINGS_PREFIX}/splitter", self.splitter.saveState())
        settings.setValue(f"{self.SETTINGS_PREFIX}/listSplitter", self.left_splitter.saveState())
