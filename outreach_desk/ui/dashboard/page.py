"""The leaders' dashboard: tiles with the month's numbers, then the charts of the current campaign.

A filter bar (period of the campaign, village or township) drives everything. The data is read,
and the figures built, by a worker (``run_task``): the first time, that worker also pays for
importing matplotlib, while the page already shows its tiles and "Loading…" placeholders. A
change to the store reloads after a short pause, and only while the page is shown. Clicking a
village's bar in the coverage chart opens that village on the coverage page; F5 or the
"Present" button shows the charts full screen, one at a time, for a meeting.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStackedWidget,
                               QVBoxLayout, QWidget)

from outreach_desk.services import county_dashboard, ledger_query, organisation
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.coverage.campaigns import CampaignInfo, NoCampaignError
from outreach_desk.services.dashboard import DashboardData, DashboardFilter
from outreach_desk.ui.campaign.copy_offer import CopyOffer
from outreach_desk.ui.dashboard import loading
from outreach_desk.ui.dashboard.county_view import CountyView
from outreach_desk.ui.widgets.chart_view import ChartView
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.dashboard.tiles import DashboardTiles
from outreach_desk.ui.widgets.period_picker import PeriodPicker
from outreach_desk.ui.shell.tasks import run_task

#: the page's tab title; main_window.PAGES names it with the same literal, so it is translated once here
TAB_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Dashboard")
#: pause after a change to the store before reloading, so a burst of saves loads once
REFRESH_PAUSE_MS = 400
WIDE_CHART_HEIGHT, CHART_HEIGHT = 460, 400
#: charts whose bars carry a village id (gid): a click opens that village on the coverage page
VILLAGE_BAR_CHARTS = ("coverage", "awareness")
#: charts with a bar or column per village need the page's width; the others share a row on a wide screen
FULL_WIDTH_CHARTS = ("coverage", "heat", "awareness")
TWO_COLUMNS_FROM = 1400
SETTINGS_EXPORT_FOLDER = "dashboard/export_folder"
#: "ID@database": the township a county database's dashboard showed last (no ID: every township side by side)
SETTINGS_TOWNSHIP = "dashboard/township"
#: item data of the area filter: None (everything), "township:ID" or "village:ID"
TOWNSHIP, VILLAGE = "township", "village"


def today() -> dt.date:
    """The day the dashboard counts to (tests replace it)."""
    return dt.date.today()


def chart_positions(keys: list[str], two_columns: bool) -> dict[str, tuple[int, int, int]]:
    """(row, column, column span) of each chart in display order; in two columns, a chart not in
    FULL_WIDTH_CHARTS shares its row with the next such chart, full-width ones taking the rows between."""
    positions: dict[str, tuple[int, int, int]] = {}
    row, half_row = 0, None
    for key in keys:
        if not two_columns or key in FULL_WIDTH_CHARTS:
            positions[key] = (row, 0, 2)
            row += 1
        elif half_row is None:
            positions[key], half_row = (row, 0, 1), row
            row += 1
        else:
            positions[key], half_row = (half_row, 1, 1), None
    return positions


class DashboardPage(QWidget):
    #: every chart of the latest load has been drawn on screen
    ready = Signal()
    #: the streak tile (or the county table's streak column) shows the latest load's bottom streaks
    streaks_ranked = Signal()
    #: the county table shows every township's figures (its streak column follows)
    county_loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.context = context
        self.data: DashboardData | None = None
        self.views: dict[str, ChartView] = {}
        self.presentation = None
        self._campaign: CampaignInfo | None = None
        self._loaded_campaign = False
        self._task = None
        self._streak_task = None
        self._county_task = None
        self._county_again = False
        self._load_number = 0
        self._awaiting: set[str] = set()   # charts of the latest load not yet on screen
        self._handed: dict[str, threading.Event] = {}   # chart → the worker waiting until it is drawn
        self._courier = loading.Courier(self)
        self._courier.arrived.connect(self._on_chart)
        self._preparing = None
        self._two_columns: bool | None = None
        self._again = False
        self._stale = True
        self._announced = True

        self.campaign_label = QLabel(self)
        self.campaign_label.setObjectName("dashboardCampaign")
        font = self.campaign_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.campaign_label.setFont(font)
        self.picker = PeriodPicker(self)
        self.area = QComboBox(self)
        self.area.setObjectName("dashboardArea")
        self.area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.area.setMaxVisibleItems(30)
        self.area_label = area_label = QLabel(self.tr("Village"), self)
        area_label.setBuddy(self.area)
        # a county database: one township's dashboard, or every township side by side (county_view)
        self.township_box = QComboBox(self)
        self.township_box.setObjectName("dashboardTownship")
        self.township_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.township_box.setMaxVisibleItems(30)
        self.township_label = QLabel(self.tr("Townshi&p"), self)
        self.township_label.setBuddy(self.township_box)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("dashboardStatus")
        self.status_label.setStyleSheet("color: #666666;")
        self.present_button = QPushButton(self.tr("Present (F5)"), self)
        self.present_button.setObjectName("presentButton")
        self.present_button.setToolTip(self.tr("Show the charts full screen, one at a time, for a meeting"))
        self.present_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.campaign_label)
        filters.addStretch(1)
        filters.addWidget(self.township_label)
        filters.addWidget(self.township_box)
        filters.addSpacing(12)
        filters.addWidget(self.picker)
        filters.addSpacing(12)
        filters.addWidget(area_label)
        filters.addWidget(self.area)
        filters.addSpacing(12)
        filters.addWidget(self.present_button)
        self.filter_widgets = (self.picker, area_label, self.area, self.present_button, self.status_label)

        self.tiles = DashboardTiles(self)
        self.tiles.tile("ordersTile").clicked.connect(  # "due": orders_page.DUE_ORDERS, kept unimported here
            lambda: self.context.show_page.emit("orders", "due"))
        self.font_warning = QLabel(self)
        self.font_warning.setObjectName("dashboardFontWarning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet("color: #b3261e; padding: 4px 0;")
        self.font_warning.hide()
        self.charts_holder = QWidget(self)
        self.charts_holder.setObjectName("dashboardCharts")
        self.grid = QGridLayout(self.charts_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.loading_label = QLabel(self.tr("Loading the charts…"), self.charts_holder)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setMinimumHeight(300)
        self.grid.addWidget(self.loading_label, 0, 0, 1, 2)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tiles)
        column.addWidget(self.font_warning)
        column.addWidget(self.charts_holder, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # a scroll bar appearing once the charts are in would resize, and so redraw, every chart
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setWidget(content)
        self.scroll.viewport().installEventFilter(self)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("dashboardEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setMinimumWidth(480)
        self.empty_label.setMaximumWidth(640)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.3)
        self.empty_label.setFont(empty_font)
        self.copy_offer = CopyOffer(context, self)
        self.copy_offer.copied.connect(lambda _campaign_id: self.refresh())
        empty = QWidget(self)
        empty_column = QVBoxLayout(empty)
        empty_column.addStretch(1)
        empty_column.addWidget(self._centred(self.empty_label))
        empty_column.addWidget(self._centred(self.copy_offer))
        empty_column.addStretch(1)
        self.stack = QStackedWidget(self)
        self.county = CountyView(self)
        self.county.township_chosen.connect(self.set_township)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.county)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.present_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.present_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.present_shortcut.activated.connect(self._on_present_shortcut)

        self._fill_townships()
        self._fill_areas()
        self.picker.periodChanged.connect(self._request)
        self.township_box.currentIndexChanged.connect(self._on_township_chosen)
        self.area.currentIndexChanged.connect(self.refresh)  # another township may have another campaign
        self.present_button.clicked.connect(self.present)
        context.scope_selected.connect(self._on_scope_selected)
        context.data_changed.connect(self._on_data_changed)
        self._load_campaign()
        if not self.showing_county():
            # matplotlib's import (most of a first opening) starts now, while the page is built and the data read;
            # a county's table draws no chart and has it later, once the table is complete (_prepare_once)
            self._prepare_once()

    def _centred(self, label: QLabel) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.addStretch(1)
        row.addWidget(label)
        row.addStretch(1)
        return holder

    def showing_empty_state(self) -> bool:
        return self.stack.currentIndex() == 0

    # ------------------------------------------------------------------ campaign and filters
    def _several_townships(self) -> bool:
        return self.township_box.count() > 1

    def showing_county(self) -> bool:
        """Every township side by side (a county database with no township chosen)."""
        return self._several_townships() and self.township_box.currentData() is None

    def _fill_townships(self) -> None:
        """The township choice of a county database: every township side by side, or one of them."""
        chosen = self.township_box.currentData() if self.township_box.count() else self._remembered_township()
        names = county_dashboard.townships()
        with QSignalBlocker(self.township_box):
            self.township_box.clear()
            if len(names) > 1:
                county = county_dashboard.county_name()
                self.county.set_county(county)
                self.township_box.addItem(self.tr("All townships of {county}").format(county=county) if county
                                          else self.tr("All townships"), None)
                for township_id, name in names.items():
                    self.township_box.addItem(name, township_id)
            self.township_box.setCurrentIndex(max(0, self.township_box.findData(chosen)) if chosen else 0)
        self.township_box.setVisible(len(names) > 1)
        self.township_label.setVisible(len(names) > 1)

    def _remembered_township(self) -> int | None:
        value, _, database = str(self.context.settings.value(SETTINGS_TOWNSHIP, "") or "").partition("@")
        return int(value) if value.isdigit() and database == self.context.database_key else None

    def set_township(self, township_id: int | None) -> None:
        """Show one township's dashboard (None: every township side by side) in a county database."""
        index = 0 if township_id is None else self.township_box.findData(township_id)
        if index >= 0:
            self.township_box.setCurrentIndex(index)

    def _on_township_chosen(self) -> None:
        chosen = self.township_box.currentData()
        self.context.settings.setValue(SETTINGS_TOWNSHIP, f"{chosen or ''}@{self.context.database_key}")
        self._fill_areas()
        self.refresh()

    def _area_township(self) -> int | None:
        """The township of the chosen area (a village's own), None for all villages."""
        if self._several_townships():
            return self.township_box.currentData()
        key = self.area.currentData()
        if not key:
            return None
        kind, _, value = key.partition(":")
        return int(value) if kind == TOWNSHIP else organisation.get_village(int(value)).township_id

    def _load_campaign(self) -> None:
        """Read the current campaign of the chosen area's township; keep the chosen period when it is still the
        same campaign. A county database with no township chosen shows the townships side by side instead."""
        if self.showing_county():
            self._show_county()
            return
        try:
            campaign, missing = campaigns.require_current(self._area_township()), None
        except NoCampaignError as exc:
            campaign, missing = None, exc
        if self._loaded_campaign and campaign == self._campaign and campaign is not None:
            return
        self._loaded_campaign = True
        same = campaign is not None and self._campaign is not None and campaign.id == self._campaign.id
        previous = self.picker.period()
        self._campaign = campaign
        with QSignalBlocker(self.picker):
            self.picker.set_campaign(campaign, today())
            if same:
                self.picker.set_period(previous)
        for widget in self.filter_widgets:
            widget.setVisible(campaign is not None)
        if campaign is None and self.copy_offer.offer(missing):
            self.area.setVisible(True)
            self.area_label.setVisible(True)
            self.campaign_label.setText(self.tr("No campaign"))
            self.empty_label.setText(self.copy_offer.message(missing.township, self.tr(
                "The dashboard has nothing to show for it.")))
            self._show_empty_state()
            return
        if campaign is None:
            self.campaign_label.setText(self.tr("No campaign"))
            self.empty_label.setText(self.tr(
                "There is no campaign yet, so the dashboard has nothing to show.\n\n"
                "Create one with the menu Campaign → Campaigns…: give it a name, its first and last day and its "
                "phases. It starts with the township plans' default targets; this page then shows how every "
                "village is doing, in numbers and charts ready for a meeting."))
            self._show_empty_state()
            return
        self.campaign_label.setText(campaign.name)
        self.campaign_label.setToolTip(self.tr("{start} to {end}").format(
            start=campaign.start.isoformat(), end=campaign.end.isoformat()))
        self.stack.setCurrentWidget(self.scroll)
        self._request()

    def _show_empty_state(self) -> None:
        self.stack.setCurrentIndex(0)
        self.present_button.setEnabled(False)
        self._close_presentation()

    def _fill_areas(self) -> None:
        """The village filter: all villages and each village; in a county database, those of the chosen township
        (the whole township first)."""
        chosen = self.area.currentData()
        township_id = self.township_box.currentData() if self._several_townships() else None
        villages = ledger_query.village_choices()
        with QSignalBlocker(self.area):
            self.area.clear()
            if township_id is None:
                self.area.addItem(self.tr("All villages"), None)
            else:
                self.area.addItem(self.tr("Whole township"), f"{TOWNSHIP}:{township_id}")
                name = self.township_box.currentText()   # township names are unique
                villages = [v for v in villages if v[2] == name]
            for village_id, name, _township in villages:
                self.area.addItem(name, f"{VILLAGE}:{village_id}")
            index = self.area.findData(chosen) if chosen else 0
            self.area.setCurrentIndex(max(0, index))

    def current_filter(self) -> DashboardFilter | None:
        period = self.picker.period()
        if period is None:
            return None
        key = self.area.currentData()
        if not key:
            return DashboardFilter(period)
        kind, _, value = key.partition(":")
        if kind == TOWNSHIP:
            return DashboardFilter(period, township_id=int(value))
        return DashboardFilter(period, village_id=int(value))

    def set_village(self, village_id: int | None) -> None:
        """Show one village (None: all villages, or the whole township chosen); reloads when that changes the
        filter. In a county database the village's township is chosen first."""
        if village_id is not None and self._several_townships():
            self.set_township(organisation.get_village(village_id).township_id)
        index = 0 if village_id is None else self.area.findData(f"{VILLAGE}:{village_id}")
        if index >= 0:
            self.area.setCurrentIndex(index)

    def _on_scope_selected(self, village_id, site_id) -> None:
        """The organisation tree's village (or a site's village) becomes the dashboard's village."""
        if village_id is None and site_id is not None:
            village_id = ledger_query.site_village(site_id)
        self.set_village(village_id)

    # ------------------------------------------------------------------ loading
    def _on_data_changed(self, what: str) -> None:
        if what == "organisation":
            self._fill_townships()
            self._fill_areas()
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Re-read the campaign and reload (or mark out of date while hidden)."""
        self._refresh_timer.stop()
        if self.showing_county():
            self._show_county()
            return
        campaign = self._campaign
        self._load_campaign()
        if campaign == self._campaign:
            self._request()

    def _request(self, *_args) -> None:
        if self.showing_county():
            self._show_county()
            return
        if self._campaign is None:
            return
        self._stale = True
        if not self.isVisible():
            self.status_label.setText(self.tr("Out of date: reloaded when shown."))
            return
        self._load()

    def _load(self) -> None:
        chosen = self.current_filter()
        if self._campaign is None or chosen is None:
            return
        if self.is_busy():
            self._again = True
            self._task.cancel()
            return
        self._stale = False
        day = today()
        self.status_label.setText(self.tr("Loading…"))
        self._load_number += 1
        deliver = functools.partial(self._courier.handover, self._load_number)
        self._task = run_task(self, self.tr("Loading the dashboard"),
                              lambda progress: loading.load_dashboard(chosen, day, progress, deliver),
                              on_done=self._on_loaded, on_error=self._on_error, show_progress=False)
        self._task.cancelled.connect(self._on_cancelled)

    def _prepare_once(self) -> None:
        """Import matplotlib and the chart builders in a worker, once (errors show when the charts load)."""
        if self._preparing is None:
            self._preparing = run_task(self, self.tr("Preparing the charts"), loading.prepare_charts,
                                       show_progress=False, needs_database=False, on_error=lambda _exc, _details: None)

    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_cancelled(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self._load()

    def _on_loaded(self, loaded: loading.Loaded) -> None:
        self._task = None
        if self._again or loaded.data.filter != self.current_filter():
            self._again = False
            self._load()
            return
        self._show(loaded)

    def _on_chart(self, number: int, data: DashboardData, chart: tuple[str, str, object],
                  drawn: threading.Event | None = None) -> None:
        """A chart of a load still wanted: the first one shows the tiles, each one goes on screen at once (the
        worker goes on when it is drawn)."""
        if number != self._load_number or self._again or data.filter != self.current_filter():
            if drawn is not None:
                drawn.set()
            return
        if chart is None:   # the numbers, before any chart: the tiles at once
            self.tiles.set_tiles(data.tiles)
            self.tiles.set_supervision(data.supervision)
            if drawn is not None:
                drawn.set()
            return
        if data is not self.data:
            self._begin(data)
        self._put(data, chart)
        if drawn is not None:
            self._handed[chart[0]] = drawn

    def _release(self, key: str) -> None:
        """Chart ``key`` has been drawn: the worker waiting for it builds the next one."""
        handed = self._handed.pop(key, None)
        if handed is not None:
            handed.set()

    def _on_error(self, exc: Exception, details: str) -> None:
        self._task = None
        self._again = False
        if isinstance(exc, NoCampaignError):
            self._campaign = None
            self._loaded_campaign = False
            self._load_campaign()
            return
        self.status_label.setText(self.tr("Could not load the dashboard."))
        failed = self.tr("Not drawn: the dashboard could not be loaded.")
        if self.views:   # charts of the failed load still awaited would otherwise say "Loading…" for ever
            for key in self._awaiting:
                self.views[key].show_message(failed)
        else:
            self.loading_label.setText(failed)
        from outreach_desk.ui.shell.errors import show_exception

        show_exception(self, exc, details)

    # ------------------------------------------------------------------ showing
    def _show(self, loaded: loading.Loaded) -> None:
        """The load is complete: any chart not delivered on its own goes on screen, then the status and buttons."""
        if loaded.data is not self.data:
            self._begin(loaded.data)
        for chart in loaded.charts:
            if chart[0] in self._awaiting:
                self._put(loaded.data, chart)
        self._rank_streaks(loaded.data)
        period = loaded.data.filter.period
        self.present_button.setEnabled(True)
        self.status_label.setText(self.tr("{period} · updated at {time}").format(
            period=period.label, time=dt.datetime.now().strftime("%H:%M:%S")))
        if self.presentation is not None:
            self.presentation.set_data(loaded.data)

    def _rank_streaks(self, data: DashboardData) -> None:
        """The second pass: the streak tile's ranking of the last months, once the rest is on screen."""
        if self._streak_task is not None and not self._streak_task.done:
            self._streak_task.cancel()
        number, chosen = self._load_number, data.filter
        self._streak_task = run_task(self, self.tr("Ranking the last months"),
                                     lambda _progress: loading.load_streaks(chosen, today()),
                                     on_done=lambda streaks: self._on_streaks(number, data, streaks),
                                     on_error=lambda _exc, _details: self.tiles.set_streaks(None, failed=True),
                                     show_progress=False)

    def _on_streaks(self, number: int, data: DashboardData, streaks) -> None:
        if number != self._load_number or data is not self.data:
            return
        data.supervision.streaks = streaks
        self.tiles.set_streaks(streaks)
        self.streaks_ranked.emit()

    def _begin(self, data: DashboardData) -> None:
        """New data: the tiles at once; its charts are awaited (the previous ones stay until replaced)."""
        self.data = data
        self.tiles.set_tiles(data.tiles)
        self.tiles.set_supervision(data.supervision)
        if not self.views:
            from outreach_desk.services.charts import figures, fonts

            problem = fonts.problem()   # chosen by the worker that built the first chart
            self.font_warning.setText(problem or "")
            self.font_warning.setVisible(problem is not None)
            self._build_views([(key, loading.chart_title(title)) for key, title, _builder in figures.CHARTS])
        self._awaiting = set(self.views)
        self._announced = False

    def _put(self, data: DashboardData, chart: tuple[str, str, object]) -> None:
        key, title, figure = chart
        view = self.views[key]
        view.set_title(title)
        # on screen the title is the view's; an exported picture carries it inside, with its period
        inside = self.tr("{chart} · {period}").format(chart=title, period=data.filter.period.label)
        builder = loading.chart_builders()[key]
        view.set_figure(figure, make_export_figure=lambda: builder(data, title=inside))
        self._awaiting.discard(key)

    def _build_views(self, charts: list[tuple[str, str]]) -> None:
        self.grid.removeWidget(self.loading_label)
        self.loading_label.hide()
        folder = str(self.context.settings.value(SETTINGS_EXPORT_FOLDER, "") or "")
        for key, title in charts:
            view = ChartView(key, title, self.charts_holder)
            view.export_folder = folder
            view.drawn.connect(self._check_drawn)
            view.drawn.connect(lambda key=key: self._release(key))
            view.exported.connect(self._remember_folder)
            if key in VILLAGE_BAR_CHARTS:
                view.picked.connect(self._on_bar_picked)
                view.setToolTip(self.tr("Click a village's bar to open its coverage"))
            # fixed heights: a chart whose height followed the scroll area would be redrawn at each layout pass
            view.setFixedHeight(WIDE_CHART_HEIGHT if key in FULL_WIDTH_CHARTS else CHART_HEIGHT)
            self.views[key] = view
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self._arrange_views(self.scroll.viewport().width())

    def _arrange_views(self, width: int) -> None:
        """One column on a laptop; from TWO_COLUMNS_FROM pixels the charts without villages share rows."""
        two = width >= TWO_COLUMNS_FROM
        if not self.views or two == self._two_columns:
            return
        self._two_columns = two
        for view in self.views.values():
            self.grid.removeWidget(view)
        for key, (row, column, span) in chart_positions(list(self.views), two).items():
            self.grid.addWidget(self.views[key], row, column, 1, span)

    def all_drawn(self) -> bool:
        """Every chart of the latest load is on screen and drawn."""
        return bool(self.views) and not self._awaiting and all(view.is_drawn() for view in self.views.values())

    def _check_drawn(self) -> None:
        if not self._announced and self.all_drawn():
            self._announced = True
            self.ready.emit()
            self._keep_chart_text()

    def _keep_chart_text(self) -> None:
        """The lines of text these charts drew are kept for the next start, by a worker."""
        run_task(self, self.tr("Keeping the charts' text"), loading.keep_chart_text, show_progress=False,
                 needs_database=False, on_error=lambda _exc, _details: None)

    def _remember_folder(self, path) -> None:
        self.context.settings.setValue(SETTINGS_EXPORT_FOLDER, str(path.parent))
        for view in self.views.values():
            view.export_folder = str(path.parent)

    # ------------------------------------------------------------------ drill-down and presentation
    def _on_bar_picked(self, artist) -> None:
        """A village's bar (coverage or awareness chart) carries its id as gid: open that village's coverage."""
        gid = artist.get_gid()
        if gid is None or not str(gid).isdigit():
            return
        self.context.show_page.emit("coverage", {"village_id": int(gid), "period": self.picker.period()})

    def _on_present_shortcut(self) -> None:
        if self.isVisible():
            self.present()

    def present(self) -> None:
        """Show the charts full screen on the screen of this window."""
        if self.data is None:
            return
        from outreach_desk.ui.dashboard.presentation import PresentationWindow

        if self.presentation is None:
            self.presentation = PresentationWindow(self.data, self)
            self.presentation.closed.connect(self._on_presentation_closed)
        screen = self.screen()
        self.presentation.setScreen(screen)
        self.presentation.setGeometry(screen.geometry())  # full size even where no window manager honours full screen
        self.presentation.showFullScreen()
        self.presentation.activateWindow()

    def _on_presentation_closed(self) -> None:
        self.presentation = None

    def _close_presentation(self) -> None:
        if self.presentation is not None:
            self.presentation.close()

    # ------------------------------------------------------------------ visibility
    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.tiles.fit_width(event.size().width() - 2)
            self._arrange_views(event.size().width())
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.showing_county():
            QTimer.singleShot(0, self._show_county)
        elif self._stale and self._campaign is not None:
            QTimer.singleShot(0, self._load)

    # ------------------------------------------------------------------ a county's townships side by side
    def _show_county(self) -> None:
        """Every township against its own campaign: the table, then its streak column (two workers)."""
        self._campaign, self._loaded_campaign = None, False
        for widget in self.filter_widgets:
            widget.setVisible(widget is self.status_label)
        self.campaign_label.setText(self.township_box.currentText())   # 清河县各乡镇 once the county is named
        self.campaign_label.setToolTip("")
        self.stack.setCurrentWidget(self.county)
        self._close_presentation()
        self._stale = True
        if not self.isVisible():
            self.status_label.setText(self.tr("Out of date: reloaded when shown."))
            return
        if self._county_task is not None and not self._county_task.done:
            self._county_again = True
            return
        self._stale = False
        self._load_number += 1
        number, day = self._load_number, today()
        self.status_label.setText(self.tr("Loading…"))
        self._county_task = run_task(self, self.tr("Loading the townships"),
                                     lambda progress: county_dashboard.load(day, progress),
                                     on_done=lambda rows: self._on_county(number, day, rows),
                                     on_error=self._on_county_error, show_progress=False)

    def _on_county(self, number: int, day: dt.date, rows) -> None:
        self._county_task = None
        if self._county_again:
            self._county_again = False
            self._show_county()
            return
        if number != self._load_number or not self.showing_county():
            return
        self.county.set_rows(rows)
        self.status_label.setText(self.tr("Every township · updated at {time}").format(
            time=dt.datetime.now().strftime("%H:%M:%S")))
        self.county_loaded.emit()
        if self._streak_task is not None and not self._streak_task.done:
            self._streak_task.cancel()
        self._streak_task = run_task(self, self.tr("Ranking the last months"),
                                     lambda progress: county_dashboard.streaks(day, progress),
                                     on_done=lambda streaks: self._on_county_streaks(number, streaks),
                                     on_error=lambda _exc, _details: None, show_progress=False)

    def _on_county_streaks(self, number: int, streaks) -> None:
        if number == self._load_number and self.showing_county():
            self.county.set_streaks(streaks)
            self.streaks_ranked.emit()
            self._prepare_once()   # a township opened from the table then waits for its data alone

    def _on_county_error(self, exc: Exception, details: str) -> None:
        self._county_task = None
        self._county_again = False
        self.status_label.setText(self.tr("Could not load the dashboard."))
        from outreach_desk.ui.shell.errors import show_exception

        show_exception(self, exc, details)
