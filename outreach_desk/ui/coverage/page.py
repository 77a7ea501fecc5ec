"""The coverage page: which village falls short of which target, by how much, and what is missing where.

A period picker over the current campaign, the villages × targets matrix (township totals on top)
and, below it, the drill-down of the clicked cell. Computing runs in the background through
``run_task`` (a county takes a second or more); a change to the store recomputes after a short
pause, and only while the page is shown: a hidden page just remembers that it is out of date.
Choosing a village in the organisation tree narrows the matrix to its township (when there are
several) and opens the village's gap list; the dashboard does the same through ``focus_on``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout,
                               QWidget)

from outreach_desk.services import organisation
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.coverage.campaigns import NoCampaignError
from outreach_desk.services.coverage.engine import CoverageResult, Scope
from outreach_desk.services.errors import NotFoundError
from outreach_desk.ui.campaign.copy_offer import CopyOffer
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.coverage.detail import CoverageDetail
from outreach_desk.ui.coverage.model import (BEHIND, IN_PROGRESS, INDEX_COLUMN, MET, NAME_COLUMN, NOT_APPLICABLE,
                                             PARTLY, STATUS_COLOURS, VILLAGE, CoverageModel)
from outreach_desk.ui.coverage.table import CoverageTable
from outreach_desk.ui.widgets.layout import centred, page_layout, splitter
from outreach_desk.ui.widgets.period_picker import PeriodPicker

SETTINGS_PREFIX = "coverage"
#: the page's tab title; main_window.PAGES names it with the same literal, so it is translated once here
TAB_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Coverage")
#: pause after a change to the store before recomputing, so a burst of saves computes once
REFRESH_PAUSE_MS = 400


def today() -> dt.date:
    """The day "campaign to date" ends on (tests replace it)."""
    return dt.date.today()


class CoveragePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coveragePage")
        self.context = context
        self._scope = Scope()
        self._single_township: bool | None = None
        self._chosen: tuple[str, int] | None = None  # the area to select once the next result is shown
        self._task = None
        self._again = False
        self._stale = True
        self._detail_key: tuple | None = None

        self.campaign_label = QLabel(self)
        self.campaign_label.setObjectName("coverageCampaign")
        font = self.campaign_label.font()
        font.setBold(True)
        self.campaign_label.setFont(font)
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("coverageScope")
        self.picker = PeriodPicker(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("coverageStatus")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.export_button = QPushButton(self.tr("Export gap list…"), self)
        self.export_button.setObjectName("exportGaps")
        self.export_button.setToolTip(self.tr("Save every gap shown here, village by village, as a CSV file "
                                              "for Excel or WPS"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_gaps)

        self.model = CoverageModel(self)
        self.table = self._build_table()
        self.detail = CoverageDetail(self)
        self.detail.order_requested.connect(self.order_from_gap)
        self.splitter = splitter(self, "coverageSplitter", Qt.Orientation.Vertical, (self.table, 3), (self.detail, 2))

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("coverageEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setMinimumWidth(480)  # a wrapped label would otherwise shrink to a narrow column
        self.empty_label.setMaximumWidth(620)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty_label.setFont(empty_font)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_offer = CopyOffer(context, self)
        self.copy_offer.copied.connect(lambda _campaign_id: self.refresh())
        empty = QWidget(self)
        empty_column = QVBoxLayout(empty)
        empty_column.addStretch(1)
        empty_column.addWidget(centred(self, self.empty_label))
        empty_column.addWidget(centred(self, self.copy_offer))
        empty_column.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.splitter)

        self.legend = self._legend()
        top = QHBoxLayout()
        top.addWidget(self.campaign_label)
        top.addWidget(self.scope_label)
        top.addStretch(1)
        top.addWidget(self.picker)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.status_label)
        page_layout(self, top, bottom, (self.stack, 1))

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS, timeout=self.refresh)

        self._restore_state()
        self.picker.periodChanged.connect(self._request)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.clicked.connect(self._on_clicked)
        context.scope_selected.connect(self._on_scope_selected)
        context.data_changed.connect(self._on_data_changed)
        self._load_campaign()
        self._show_scope()

    # ------------------------------------------------------------------ building
    def _build_table(self) -> CoverageTable:
        return CoverageTable(self.model, self)

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentIndex(0)

    def showing_empty_state(self) -> bool:
        return self.stack.currentIndex() == 0

    def _legend(self) -> QWidget:
        legend = QWidget(self)
        legend.setObjectName("coverageLegend")
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        entries = ((MET, self.tr("Fully met")), (PARTLY, self.tr("50–99 %")),
                   (BEHIND, self.tr("Under 50 % / no data")), (IN_PROGRESS, self.tr("In progress")),
                   (NOT_APPLICABLE, self.tr("Not applicable")))
        for status, text in entries:
            chip = QLabel(text, legend)
            chip.setFrameShape(QFrame.Shape.Box)
            chip.setMargin(2)
            chip.setStyleSheet(f"background: {STATUS_COLOURS[status].name()}; border: 1px solid #b0b0b0; "
                               "padding: 0 6px;")
            row.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)  # a chip keeps its height when the hint wraps
        hint = QLabel(self.tr("Percentages are completion rates; hover a cell for the share of units fully met."),
                      legend)
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        return legend

    # ------------------------------------------------------------------ campaign and scope
    def _load_campaign(self) -> None:
        """Read the current campaign of the township in view; keep the chosen period when it is the same one."""
        try:
            campaign, missing = campaigns.require_current(self._scope.township_id), None
        except NoCampaignError as exc:
            campaign, missing = None, exc
        offered = missing.township_id if missing is not None else None
        if not self.picker.follow_campaign(campaign, today()) and offered == self.copy_offer.township_id:
            return
        for widget in (self.picker, self.legend, self.scope_label, self.status_label, self.export_button):
            widget.setVisible(campaign is not None)
        if campaign is None and self.copy_offer.offer(missing):
            self.campaign_label.setText(self.tr("No campaign"))
            self.scope_label.setVisible(True)
            self._show_empty(self.copy_offer.message(missing.township, self.tr(
                "There are no targets to measure its coverage against.")))
            self.model.set_result(None)
            self.status_label.clear()
            return
        if campaign is None:
            self.campaign_label.setText(self.tr("No campaign"))
            self._show_empty(self.tr(
                "No campaign has been set up yet, so there are no targets to measure coverage against.\n\n"
                "Create one with the menu Campaign → Campaigns…: give it a name, its first and last day and its "
                "phases. It starts with the township plans' default targets, and this page then shows how far "
                "every village has got with each of them."))
            self.model.set_result(None)
            self.status_label.clear()
            return
        self.campaign_label.setText(self.tr("{name} ({start} to {end})").format(
            name=campaign.name, start=campaign.start.isoformat(), end=campaign.end.isoformat()))
        self._request()

    def _on_scope_selected(self, village_id, site_id) -> None:
        try:
            village = organisation.village_of_selection(village_id, site_id)
        except NotFoundError:
            return
        village_id = village.id if village is not None else None
        township_id = village.township_id if village is not None else None
        self._chosen = (VILLAGE, village_id) if village_id is not None else None
        scope = Scope() if township_id is None or self._single_township else Scope(township_id=township_id)
        if scope != self._scope:
            self._scope = scope
            self._show_scope()
            self.refresh()  # another township may have another campaign
        elif self._chosen is not None:
            self._select_chosen()

    def _show_scope(self) -> None:
        if self._scope.township_id is None:
            self.scope_label.setText(self.tr("· all villages"))
            return
        try:
            name = organisation.get_township(self._scope.township_id).name
        except NotFoundError:
            name = ""
        self.scope_label.setText(self.tr("· {township}").format(township=name))

    # ------------------------------------------------------------------ computing
    def _on_data_changed(self, what: str) -> None:
        if what != "supervision":  # orders, inspections and decisions are no figures of coverage
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Re-read the campaign and recompute (or mark out of date while hidden)."""
        self._refresh_timer.stop()
        self._stale = True
        campaign = self.picker.campaign()
        self._load_campaign()
        if campaign == self.picker.campaign():
            self._request()

    def _request(self, *_args) -> None:
        if self.picker.campaign() is None:
            return
        if not self.isVisible():
            self._stale = True
            self.status_label.setText(self.tr("Out of date: recomputed when shown."))
            return
        self._compute()

    def _compute(self) -> None:
        period = self.picker.period()
        if self.picker.campaign() is None or period is None:
            return
        if self._task is not None and not self._task.done:
            self._again = True
            return
        from outreach_desk.services.coverage import engine
        from outreach_desk.ui.shell.tasks import run_task

        self._stale = False
        campaign, scope = self.picker.campaign(), self._scope
        self.status_label.setText(self.tr("Computing…"))
        self._task = run_task(self, self.tr("Computing coverage"),
                              lambda _progress: engine.compute(period, campaign=campaign, scope=scope),
                              on_done=self._on_result, on_error=self._on_error, show_progress=False)

    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_result(self, result: CoverageResult) -> None:
        self._task = None
        if self._again or result.period != self.picker.period() or result.scope != self._scope:
            self._again = False
            self._compute()
            return
        if result.scope == Scope():
            self._single_township = len(result.townships) == 1
        self._show(result)

    def _on_error(self, exc: Exception, details: str) -> None:
        self._task = None
        self._again = False
        if isinstance(exc, NoCampaignError):
            self._load_campaign()
            return
        self.status_label.setText(self.tr("Could not compute coverage."))
        from outreach_desk.ui.shell.errors import show_exception

        show_exception(self, exc, details)

    def _show(self, result: CoverageResult) -> None:
        keep = self._current_key()
        self._detail_key = None
        self.model.set_result(result)
        self.export_button.setEnabled(bool(result.rules))
        if not result.rules:
            self._show_empty(self.tr("The campaign {name} has no enabled targets: switch at least one target rule "
                                     "on to see coverage.").format(name=result.campaign.name))
        else:
            self.stack.setCurrentWidget(self.splitter)
        self.status_label.setText(self.tr("{period}\ncomputed at {time}").format(
            period=result.period.label, time=result.computed_at.strftime("%H:%M:%S")))
        if self._chosen is not None:
            self._select_chosen()
        elif keep is not None:
            self._select(*keep)
        else:
            self.detail.show_hint()

    # ------------------------------------------------------------------ selection and drill-down
    def _current_key(self) -> tuple[str, int, str | None] | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        rule = self.model.rule_at(index.column())
        return row.kind, row.area.id, rule.key if rule is not None else None

    def _select(self, kind: str, area_id: int, rule_key: str | None) -> bool:
        row = self.model.row_of(kind, area_id)
        if row < 0:
            self.detail.show_hint()
            return False
        column = self.model.column_of(rule_key) if rule_key else INDEX_COLUMN
        index = self.model.index(row, column if column >= 0 else INDEX_COLUMN)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_detail(index)
        return True

    def _select_chosen(self) -> None:
        if self.model.result is None:
            return
        kind, area_id = self._chosen
        if self._select(kind, area_id, None):
            self._chosen = None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_detail(current)

    def _on_clicked(self, index: QModelIndex) -> None:
        if self._detail_key != self._key_of(index):
            self._show_detail(index)

    def _key_of(self, index: QModelIndex) -> tuple | None:
        row = self.model.row_at(index.row())
        return None if row is None else (row.kind, row.area.id, index.column())

    def _show_detail(self, index: QModelIndex) -> None:
        result = self.model.result
        row = self.model.row_at(index.row())
        if result is None or row is None:
            return
        self._detail_key = self._key_of(index)
        rule = self.model.rule_at(index.column())
        if index.column() in (NAME_COLUMN, INDEX_COLUMN) or rule is None:
            self.detail.show_area(result, row.kind, row.area.id)
        elif rule.applies_to == "member_unit" and row.kind == VILLAGE:
            self.detail.show_hint(self.tr("Member-unit targets count for the township: click the township's row."))
        else:
            self.detail.show_cell(result, row.kind, row.area.id, rule.key)

    def focus_on(self, argument) -> None:
        """``{"village_id": id, "period": Period or None}``: show that village's row and its gaps."""
        if not isinstance(argument, dict) or argument.get("village_id") is None:
            return
        village_id = argument["village_id"]
        self._chosen = (VILLAGE, village_id)
        if argument.get("period") is not None:
            with QSignalBlocker(self.picker):
                self.picker.set_period(argument["period"])
        result = self.model.result
        in_view = result is not None and result.village(village_id) is not None
        if not in_view and self._scope != Scope():
            self._scope = Scope()
            self._show_scope()
        if (not in_view or self._stale or result.period != self.picker.period()) and self.isVisible():
            self._compute()
        elif not self.isVisible():
            self._stale = True
        else:
            self._select_chosen()

    # ------------------------------------------------------------------ rectification order from a gap
    def order_from_gap(self, gap) -> bool:
        """Open the order dialog drafted from ``gap`` (its unit, its sentence, due in 15 days but within the
        campaign) and issue what the clerk confirms as one undoable step."""
        from outreach_desk.services.supervision import rectification
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        result = self.model.result
        campaign_end = result.campaign.end if result is not None else None
        draft = rectification.from_gap(gap, gap.township_id, issued=today(), campaign_end=campaign_end)
        dialog = OrderDialog(gap.township_id, parent=self, today=today(), draft=draft)
        if dialog.exec() != OrderDialog.DialogCode.Accepted:
            return False
        return self.issue_order(dialog.value())

    def issue_order(self, data) -> bool:
        """Issue ``data`` (checked first: a refusal is said in the status line) as one undoable step."""
        from outreach_desk.services.supervision import rectification
        from outreach_desk.ui.shell.undo_command import push
        from outreach_desk.ui.supervision.order_commands import IssueOrders

        errors = rectification.validate(data)
        failure = None if errors else push(self.context, IssueOrders(self.context, [data]))
        if errors or failure is not None:
            self.status_label.setText(errors[0].message if errors else str(failure))
            return False
        self.status_label.setText(self.tr("Rectification order issued, due {deadline}; the Supervision page lists "
                                          "it.").format(deadline=data.deadline.isoformat()))
        return True

    # ------------------------------------------------------------------ export
    def export_gaps(self) -> Path | None:
        """Ask where to save the gap list of the matrix shown, write it, and say how many gaps it holds."""
        from outreach_desk.ui.coverage.export import write_gap_csv
        from outreach_desk.ui.shell.errors import show_exception

        result = self.model.result
        if result is None:
            return None
        settings = self.context.settings
        folder = Path(str(settings.value(f"{SETTINGS_PREFIX}/export_dir", "") or Path.home()))
        name = re.sub(r'[\\/:*?"<>|]+', "-", self.tr("Gap list {period}").format(period=result.period.label))
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export gap list"), str(folder / f"{name}.csv"),
                                                      self.tr("CSV files (*.csv)"))
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".csv") else Path(chosen + ".csv")
        try:
            count = write_gap_csv(result, path)
        except Exception as exc:
            show_exception(self, exc)
            return None
        settings.setValue(f"{SETTINGS_PREFIX}/export_dir", str(path.parent))
        self.status_label.setText(self.tr("{count} gap(s) exported to {name}").format(count=count, name=path.name))
        return path

    # ------------------------------------------------------------------ visibility and state
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.picker.campaign() is not None:
            QTimer.singleShot(0, self._compute)

    def selected_area(self) -> tuple[str, int] | None:
        key = self._current_key()
        return None if key is None else (key[0], key[1])

    def _restore_state(self) -> None:
        settings = self.context.settings
        splitter = settings.value(f"{SETTINGS_PREFIX}/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([640, 300])  # the matrix first; the drill-down needs a few rows

    def save_state(self) -> None:
        self.context.settings.setValue(f"{SETTINGS_PREFIX}/splitter", self.splitter.saveState())

