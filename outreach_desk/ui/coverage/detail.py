"""The drill-down beside the coverage matrix: the units behind a cell, or an area's whole gap list.

A rule's cell lists every unit (and, for monthly or phase rules, every month or phase) with what
was done, what was required, the completion rate and the gap sentence from ``gaps.gap_list``,
furthest from its quota first, so the clerk reads first what needs doing most. A village's or
township's index lists every gap there. "Copy" puts the rows on the clipboard as tab-separated
text, which pastes into a spreadsheet or a chat message as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services.coverage import gaps
from outreach_desk.services.coverage import case_measures
from outreach_desk.services.coverage.engine import IN_PROGRESS, MET, NO_DATA, NOT_APPLICABLE, Assessment, CoverageResult
from outreach_desk.ui.coverage.model import (IN_PROGRESS as CELL_IN_PROGRESS, MET as CELL_MET, NO_DATA_STATUS,
                                             NOT_APPLICABLE as CELL_NA, STATUS_COLOURS, TOWNSHIP, fulfilment_status,
                                             number, percent)

#: more rows than this (a county's township total) are cut, with a note: nobody reads further
MAX_ROWS = 1000


@dataclass(frozen=True)
class _Completion:
    """The completion cell of a row: its rate and the traffic-light status it is coloured by."""

    fulfilment: float | None
    status: str


@dataclass
class _Line:
    """One unit in one judging window, with what sorts it (distance from the quota, then shortfall)."""

    unit: str
    window: str
    window_start: dt.date
    done: str
    required: str
    completion: _Completion
    text: str
    distance: float
    missing: float
    gap: gaps.Gap | None = None


class CoverageDetail(QWidget):
    #: the clerk asked for a rectification order (限期整改) on this gap (a ``gaps.Gap``)
    order_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._gaps: list[gaps.Gap | None] = []
        self.setObjectName("coverageDetail")
        self.title = QLabel(self)
        self.title.setObjectName("coverageDetailTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("coverageDetailSummary")
        self.summary.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy list"), self)
        self.copy_button.setObjectName("copyGaps")
        self.copy_button.setToolTip(self.tr("Copy these rows as text, to paste into a spreadsheet or a message"))
        self.copy_button.clicked.connect(self.copy_rows)
        self.order_button = QPushButton(self.tr("Order a rectification…"), self)
        self.order_button.setObjectName("orderFromGap")
        self.order_button.setToolTip(self.tr("Issue a rectification order for the selected gap: who must "
                                             "put it right, what, and by when"))
        self.order_button.clicked.connect(self.request_order)
        self.table = QTableWidget(self)
        self.table.setObjectName("coverageDetailTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.currentCellChanged.connect(lambda *_cells: self._enable_order())

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.order_button, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.show_hint()

    # ------------------------------------------------------------------ what is shown
    def show_hint(self, text: str | None = None) -> None:
        self.title.setText(self.tr("Details"))
        self.summary.setText(text or self.tr("Click a cell of the table to see the units behind it and what "
                                             "is still missing; click a village's name or index for its whole "
                                             "gap list."))
        self._fill([], [], [])

    def show_cell(self, result: CoverageResult, kind: str, area_id: int, rule_key: str) -> None:
        """The units behind one rule in one village (or township), furthest from the quota first."""
        rule = result.rule(rule_key)
        area = result.township(area_id) if kind == TOWNSHIP else result.village(area_id)
        scope = {"township_id": area_id} if kind == TOWNSHIP else {"village_id": area_id}
        units = result.units_of(rule_key, **scope)
        found = gaps.gap_list(result, rule_key=rule_key, **scope)
        unmet = {(g.unit_type, g.unit_id, g.window_start): g for g in found if g.kind == gaps.UNMET_GAP}
        unplaced = [g.text for g in found if g.kind == gaps.UNPLACED]
        windowed = rule.period != "campaign"
        lines = [self._line(rule, a, unmet.get((a.unit_type, a.unit_id, a.window.start)))
                 for unit in units for a in unit.assessments]
        lines.sort(key=lambda line: (-line.distance, -line.missing, line.unit, line.window_start))
        cell = area.cell(rule_key) if area is not None else None
        self.title.setText(self.tr("{area} · {rule}").format(area=area.name if area else "", rule=rule.name))
        if cell is None or not cell.assessed:
            summary = self.tr("{period}: nothing to assess here.").format(period=result.period.label)
        else:
            summary = self.tr("{period}: {met} of {assessed} fully met, completion {fulfilment}.").format(
                period=result.period.label, met=cell.met, assessed=cell.assessed,
                fulfilment=percent(cell.fulfilment, cell.met == cell.assessed))
        self.summary.setText("\n".join([summary, *unplaced]))
        headers = [self.tr("Unit")] + ([self.tr("Period")] if windowed else []) + [
            self.tr("Done"), self.tr("Required"), self.tr("Completion"), self.tr("What is missing")]
        rows = [[line.unit] + ([line.window] if windowed else []) + [line.done, line.required, line.completion,
                                                                     line.text]
                for line in lines]
        self._fill(headers, rows, [line.gap for line in lines])

    def show_area(self, result: CoverageResult, kind: str, area_id: int) -> None:
        """Every gap in a village (or township), furthest from its quota first."""
        area = result.township(area_id) if kind == TOWNSHIP else result.village(area_id)
        scope = {"township_id": area_id} if kind == TOWNSHIP else {"village_id": area_id}
        found = gaps.gap_list(result, **scope)
        self.title.setText(self.tr("Gap list of {area}").format(area=area.name if area else ""))
        if found:
            summary = self.tr("{period}: {count} gap(s), compliance index {index}. The furthest from the target "
                              "come first.").format(period=result.period.label, count=len(found),
                                                     index=percent(area.index if area else None))
        else:
            summary = self.tr("{period}: every target is met here.").format(period=result.period.label)
        self.summary.setText(summary)
        rows = []
        for gap in found:
            if gap.kind == gaps.UNPLACED:
                rows.append([gap.rule_name, _Completion(None, CELL_NA), gap.text])
                continue
            status = fulfilment_status(1.0 - gap.distance, False) if gap.measure is not None else NO_DATA_STATUS
            rows.append([gap.rule_name, _Completion(1.0 - gap.distance, status), gap.text])
        self._fill([self.tr("Target"), self.tr("Completion"), self.tr("What is missing")], rows, found)

    # ------------------------------------------------------------------ rows
    def _line(self, rule, a: Assessment, gap: gaps.Gap | None) -> _Line:
        gap_text = gap.text if gap is not None else ""
        awareness = rule.measure == "awareness"
        done = (f"{a.measure:.1f}%" if a.measure is not None else self.tr("no data")) if awareness \
            else number(a.measure)
        required = f"{a.quota}%" if awareness else str(a.quota)
        if case_measures.is_case_measure(rule.measure):
            done, required = case_measures.figures_text(a), case_measures.required_text(rule)
        status = a.status
        if status == NOT_APPLICABLE:
            text, cell_status = self.tr("Not applicable (nothing required)"), CELL_NA
        elif status == MET:
            text, cell_status = self.tr("Met"), CELL_MET
        elif status == IN_PROGRESS:
            text, cell_status = self.tr("In progress: judged when the month or phase ends"), CELL_IN_PROGRESS
        elif status == NO_DATA:
            text, cell_status = gap_text, NO_DATA_STATUS
        else:
            text, cell_status = gap_text, fulfilment_status(a.fulfilment, False)
        distance = -1.0 if a.fulfilment is None else 1.0 - a.fulfilment
        missing = a.missing if a.missing is not None else a.quota
        return _Line(a.unit_name, a.window.label, a.window.start, done, required,
                     _Completion(a.fulfilment, cell_status), text, distance, missing, gap)

    def _fill(self, headers: list[str], rows: list[list], row_gaps: list) -> None:
        shown = rows[:MAX_ROWS]
        self._gaps = list(row_gaps[:MAX_ROWS])
        table = self.table
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(shown))
        for r, values in enumerate(shown):
            for c, value in enumerate(values):
                table.setItem(r, c, self._item(value))
        header = table.horizontalHeader()
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        if headers:
            header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        self.copy_button.setEnabled(bool(shown))
        self._enable_order()
        if len(rows) > MAX_ROWS:
            self.summary.setText(self.summary.text() + " " + self.tr("Only the first {shown} of {count} rows are "
                                                                     "listed.").format(shown=MAX_ROWS, count=len(rows)))

    def _item(self, value) -> QTableWidgetItem:
        if isinstance(value, _Completion):
            if value.status == NO_DATA_STATUS:
                text = self.tr("no data")
            elif value.status == CELL_IN_PROGRESS:
                text = self.tr("in progress")
            elif value.status == CELL_NA:
                text = "—"
            else:
                text = percent(value.fulfilment, value.status == CELL_MET)
            item = QTableWidgetItem(text)
            item.setBackground(QBrush(STATUS_COLOURS[value.status]))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            return item
        item = QTableWidgetItem(str(value))
        if str(value).replace(".", "", 1).replace("%", "").isdigit():
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    # ------------------------------------------------------------------ a rectification order from a gap
    def gap_at(self, row: int) -> gaps.Gap | None:
        """The gap of ``row`` when an order can be issued for it, else None."""
        gap = self._gaps[row] if 0 <= row < len(self._gaps) else None
        return gap if gap is not None and gap.kind in gaps.ORDERABLE else None

    def _enable_order(self) -> None:
        self.order_button.setEnabled(self.gap_at(self.table.currentRow()) is not None)

    def request_order(self) -> None:
        gap = self.gap_at(self.table.currentRow())
        if gap is not None:
            self.order_requested.emit(gap)

    def row_menu(self, row: int) -> QMenu:
        """The context menu of ``row`` (selected first): an order for its gap, and the list copied."""
        self.table.selectRow(row)
        menu = QMenu(self.table)
        menu.setObjectName("coverageDetailMenu")
        order = menu.addAction(self.order_button.text())
        order.setEnabled(self.gap_at(row) is not None)
        order.triggered.connect(self.request_order)
        menu.addAction(self.copy_button.text()).triggered.connect(self.copy_rows)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        row = self.table.rowAt(position.y())
        if row >= 0:
            menu = self.row_menu(row)
            menu.exec(self.table.viewport().mapToGlobal(position))
            menu.deleteLater()

    # ------------------------------------------------------------------ reading it back
    def row_texts(self) -> list[list[str]]:
        table = self.table
        return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
                for r in range(table.rowCount())]

    def copy_rows(self) -> None:
        table = self.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        lines = ["\t".join(headers)] + ["\t".join(row) for row in self.row_texts()]
        QGuiApplication.clipboard().setText("\n".join(lines))
