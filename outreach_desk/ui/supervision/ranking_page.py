"""The ranking page (排名): villages or member units ranked for a period, beside the coverage page.

A period picker, what to rank (villages and communities, or member units), by what (the
compliance index or one target) and how many to mark at the top and bottom (the office's N, kept
in the settings and shared with ``outreach-desk ranking``). The table sorts by any column; a
village's row opens its gap list below, as on the coverage page. Computing (two coverage runs,
this period and the previous one) runs in the background.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QModelIndex, QSignalBlocker, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox,
                               QSplitter, QTableView, QWidget)

from outreach_desk.services import organisation
from outreach_desk.services.coverage import campaigns, periods
from outreach_desk.services.coverage.campaigns import CampaignInfo, NoCampaignError
from outreach_desk.services.coverage.engine import Scope
from outreach_desk.services.supervision import rankings
from outreach_desk.ui.campaign.copy_offer import CopyOffer
from outreach_desk.ui.coverage.detail import CoverageDetail
from outreach_desk.ui.coverage.model import VILLAGE
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.supervision.ranking_model import NAME, SORT_ROLE, RankingModel
from outreach_desk.ui.widgets.layout import page_layout
from outreach_desk.ui.widgets.period_picker import PeriodPicker

SETTINGS_PREFIX = "ranking"
REFRESH_PAUSE_MS = 400
INDEX_CHOICE = ""


def today() -> dt.date:
    """The day "campaign to date" ends on (tests replace it)."""
    return dt.date.today()


class RankingPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rankingPage")
        self.context = context
        self._campaign: CampaignInfo | None = None
        self._township_id: int | None = None  # in a county database, the township of the tree's selection
        self._task = None
        self._again = False
        self._stale = True

        self.picker = PeriodPicker(self)
        self.units_choice = QComboBox(self)
        self.units_choice.setObjectName("rankingUnits")
        self.units_choice.addItem(self.tr("Villages and communities"), rankings.VILLAGES)
        self.units_choice.addItem(self.tr("Member units"), rankings.MEMBER_UNITS)
        self.by_choice = QComboBox(self)
        self.by_choice.setObjectName("rankingBy")
        # long target names must not widen the window past a 1024-pixel screen: the list shows them whole
        self.by_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.by_choice.setMinimumContentsLength(14)
        self.by_choice.view().setMinimumWidth(420)
        self.mark_spin = QSpinBox(self)
        self.mark_spin.setObjectName("rankingMarks")
        self.mark_spin.setRange(0, 50)
        self.mark_spin.setToolTip(self.tr("How many places at the top and at the bottom are marked"))
        self.bulletin_button = QPushButton(self.tr("Bulletin…"), self)
        self.bulletin_button.setObjectName("writeBulletin")
        self.bulletin_button.setToolTip(self.tr("Draft the month's bulletin (通报) from these figures, edit it and "
                                                "save it as a Word document"))
        self.bulletin_button.clicked.connect(self.open_bulletin)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("rankingStatus")
        self.comparison_label = QLabel(self)
        self.comparison_label.setObjectName("rankingComparison")
        self.comparison_label.setWordWrap(True)

        self.model = RankingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("rankingTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.detail = CoverageDetail(self)
        self.detail.show_hint(self.tr("Click a village's row to see its gap list."))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("rankingSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.picker)
        for text, widget in ((self.tr("Units ranked"), self.units_choice), (self.tr("by"), self.by_choice),
                             (self.tr("Mark top/bottom"), self.mark_spin)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        self.copy_offer = CopyOffer(context, self)
        self.copy_offer.copied.connect(lambda _campaign_id: self.refresh())
        second = QHBoxLayout()
        second.addWidget(self.comparison_label, 1)
        second.addWidget(self.copy_offer)
        second.addWidget(self.status_label)
        second.addWidget(self.bulletin_button)
        page_layout(self, top, second, (self.splitter, 1))

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._restore_state()
        self.picker.periodChanged.connect(self._request)
        self.units_choice.currentIndexChanged.connect(self._on_units_changed)
        self.by_choice.currentIndexChanged.connect(self._request)
        self.mark_spin.valueChanged.connect(self._on_marks_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        context.data_changed.connect(lambda _what: self._refresh_timer.start())
        context.scope_selected.connect(self._on_scope_selected)
        self._load_campaign()

    # ------------------------------------------------------------------ campaign and choices
    def _on_scope_selected(self, village_id, site_id) -> None:
        """In a county database the page ranks the villages of the selected village's township, by its campaign."""
        township_id = organisation.township_of_selection(village_id, site_id)
        if len(campaigns.township_names()) < 2 or township_id == self._township_id:
            return
        self._township_id = township_id
        self.refresh()

    def _load_campaign(self) -> None:
        try:
            campaign, missing = campaigns.require_current(self._township_id), None
        except NoCampaignError as exc:
            campaign, missing = None, exc
        self._campaign = campaign
        self.picker.follow_campaign(campaign, today())  # the same campaign keeps its period
        self._fill_by_choice()
        self.bulletin_button.setEnabled(campaign is not None)
        if campaign is None:
            self.model.set_ranking(None)
            self.status_label.clear()
            if self.copy_offer.offer(missing):
                self.comparison_label.setText(self.copy_offer.message(missing.township, self.tr(
                    "There is nothing to rank its villages against.")))
                return
            self.comparison_label.setText(self.tr("No campaign has been set up yet: create one with the menu "
                                                  "Campaign → Campaigns… to rank villages against its targets."))
            return
        self.copy_offer.offer(None)
        self._request()

    def _fill_by_choice(self) -> None:
        chosen = self.by_choice.currentData()
        with QSignalBlocker(self.by_choice):
            self.by_choice.clear()
            self.by_choice.addItem(rankings.index_name(), INDEX_CHOICE)
            if self._campaign is not None:
                for key, name in rankings.rule_choices(self._campaign, self.units_choice.currentData()):
                    self.by_choice.addItem(name, key)
            found = self.by_choice.findData(chosen)
            self.by_choice.setCurrentIndex(max(0, found))

    def _on_units_changed(self) -> None:
        self._fill_by_choice()
        self._request()

    def _on_marks_changed(self, value: int) -> None:
        self.context.settings.setValue(rankings.MARK_COUNT_SETTING, value)
        self._request()

    # ------------------------------------------------------------------ computing
    def refresh(self) -> None:
        self._refresh_timer.stop()
        self._stale = True
        self._load_campaign()

    def _request(self, *_args) -> None:
        if self._campaign is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._compute()

    def _compute(self) -> None:
        period = self.picker.period()
        if self._campaign is None or period is None:
            return
        if self._task is not None and not self._task.done:
            self._again = True
            return
        from outreach_desk.ui.shell.tasks import run_task

        self._stale = False
        campaign = self._campaign
        unit_type = self.units_choice.currentData()
        rule_key = self.by_choice.currentData() or None
        marks = self.mark_spin.value()
        scope = Scope(township_id=self._township_id)
        self.status_label.setText(self.tr("Computing…"))
        self._task = run_task(self, self.tr("Computing the ranking"),
                              lambda _progress: rankings.rank(period, campaign=campaign, scope=scope,
                                                              unit_type=unit_type, rule_key=rule_key,
                                                              mark_count=marks),
                              on_done=self._on_result, on_error=self._on_error, show_progress=False)

    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_result(self, ranking: rankings.Ranking) -> None:
        self._task = None
        if self._again:
            self._again = False
            self._compute()
            return
        self.model.set_value_header(ranking.measure_name)
        self.model.set_ranking(ranking)
        if ranking.previous is not None:
            self.comparison_label.setText(self.tr("{period}; change against {previous} ({start} to {end})").format(
                period=ranking.period.label, previous=ranking.previous.label,
                start=ranking.previous.start.isoformat(), end=ranking.previous.end.isoformat()))
        else:
            self.comparison_label.setText(self.tr("{period}; no previous period to compare with").format(
                period=ranking.period.label))
        if not ranking.streaks_counted:   # the campaign to date: no "N periods running" (rankings' docstring)
            self.comparison_label.setText(self.comparison_label.text() + "\n" + ranking.streaks_explained())
        self.status_label.setText(self.tr("{count} ranked · computed at {time}").format(
            count=sum(1 for r in ranking.rows if r.has_data), time=ranking.result.computed_at.strftime("%H:%M:%S")))
        self.detail.show_hint(self.tr("Click a village's row to see its gap list."))

    def _on_error(self, exc: Exception, details: str) -> None:
        self._task = None
        self._again = False
        if isinstance(exc, NoCampaignError):
            self._campaign = None
            self._load_campaign()
            return
        self.status_label.setText(self.tr("Could not compute the ranking."))
        from outreach_desk.ui.shell.errors import show_exception

        show_exception(self, exc, details)

    # ------------------------------------------------------------------ the bulletin
    def bulletin_month(self) -> periods.Period | None:
        """The month the bulletin is about: the chosen month, else the last whole month of the chosen period
        (on 7 December, "campaign to date" gives November's bulletin)."""
        period = self.picker.period()
        if period is None:
            return None
        if period.kind == "month":
            return period
        ends = periods.month(period.end.year, period.end.month)
        if period.end == ends.end:
            return ends
        before = ends.start - dt.timedelta(days=1)
        return periods.month(before.year, before.month)

    def open_bulletin(self):
        """The preview of the month's bulletin (non-modal, so the ranking stays in view)."""
        from outreach_desk.ui.supervision.bulletin_dialog import BulletinDialog

        month = self.bulletin_month()
        if month is None:
            return None
        dialog = BulletinDialog(self.context, month, self.mark_spin.value(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # ------------------------------------------------------------------ drill-down
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ranking = self.model.ranking
        row = self.model.row_at(self.proxy.mapToSource(current).row()) if current.isValid() else None
        if ranking is None or row is None:
            return
        if row.unit_type == rankings.VILLAGES:
            self.detail.show_area(ranking.result, VILLAGE, row.unit_id)
        else:
            self.detail.show_hint(self.tr("{name}: member-unit targets are listed on the coverage page under the "
                                          "township.").format(name=row.name))

    def select_name(self, name: str) -> bool:
        """Select the row of ``name`` (for the tests and the dashboard)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, NAME)
            if index.data() == name:
                self.table.setCurrentIndex(index)
                return True
        return False

    # ------------------------------------------------------------------ visibility and state
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self._campaign is not None:
            QTimer.singleShot(0, self._compute)

    def _restore_state(self) -> None:
        settings = self.context.settings
        try:
            marks = int(settings.value(rankings.MARK_COUNT_SETTING, rankings.DEFAULT_MARK_COUNT))
        except (TypeError, ValueError):
            marks = rankings.DEFAULT_MARK_COUNT
        with QSignalBlocker(self.mark_spin):
            self.mark_spin.setValue(marks)
        splitter = settings.value(f"{SETTINGS_PREFIX}/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([420, 300])

    def save_state(self) -> None:
        self.context.settings.setValue(f"{SETTINGS_PREFIX}/splitter", self.splitter.saveState())
