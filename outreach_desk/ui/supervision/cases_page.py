"""The fraud-case page (案件情况): the month's figures per village in a small grid, and their change.

The clerk picks a month, types the police station's figures (an empty row is "not reported", 0 is
typed as 0) and saves; each save is one undoable step. Beside the figures the grid shows the
change 同比 (same month last year) and 环比 (previous month) of cases and losses, recomputed after
every save. The police station's workbook can be written (template) and read back (import, all
rows or none, with a marked copy of a file with problems).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QWidget)

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import cases
from outreach_desk.services.supervision.cases import Figures
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.supervision.selected_township import FollowsSelectedTownship
from outreach_desk.ui.widgets.layout import page_layout

NAME, CASES, LOSSES, DISSUADED, FROZEN, CASES_YOY, CASES_MOM, LOSSES_YOY, LOSSES_MOM = range(9)
EDITABLE = (CASES, LOSSES, DISSUADED, FROZEN)
FELL_COLOUR = QColor("#1b7a2f")
ROSE_COLOUR = QColor("#b3261e")
TOWNSHIP_COLOUR = QColor("#d7e3f1")
SETTINGS_FOLDER = "cases/folder"


def today() -> dt.date:
    return dt.date.today()


class _SaveMonth(QUndoCommand):
    """One save of the grid; undo puts the month's rows back as they were."""

    def __init__(self, page: "CasesPage", township_id: int, year: int, month: int, before: dict, after: dict):
        super().__init__(translate("CasesPage", "Fraud-case figures {year}-{month:02d}").format(year=year, month=month))
        self.page, self.key, self.before, self.after = page, (township_id, year, month), before, after

    def redo(self) -> None:
        cases.save_month(*self.key, self.after)
        self.page.after_change(self.key)

    def undo(self) -> None:
        cases.save_month(*self.key, self.before)
        self.page.after_change(self.key)


class CasesPage(QWidget, FollowsSelectedTownship):
    """The month's police figures per village, entered in a grid, with their change 同比 and 环比."""

    reload_on = ("organisation", "fraud_cases")

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("casesPage")
        self.context = context
        self._rows: list[cases.GridRow] = []
        self._township = None
        self._township_id: int | None = None
        self._filling = False

        first = today().replace(day=1) - dt.timedelta(days=1)
        self.month_edit = QDateEdit(QDate(first.year, first.month, 1), self)
        self.month_edit.setObjectName("casesMonth")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        self.month_edit.dateChanged.connect(self.reload)
        self.title = QLabel(self)
        self.title.setObjectName("casesTitle")
        self.title.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveCases")
        self.save_button.clicked.connect(self.save)
        self.template_button = QPushButton(self.tr("Template for the police station…"), self)
        self.template_button.clicked.connect(self.write_template)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setObjectName("importCases")
        self.import_button.clicked.connect(self.import_file)
        self.status = QLabel(self)
        self.status.setObjectName("casesStatus")
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("casesTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Village / community"), self.tr("Cases"), self.tr("Losses (yuan)"), self.tr("Stopped"),
            self.tr("Frozen"), self.tr("Cases YoY"), self.tr("Cases MoM"), self.tr("Losses YoY"),
            self.tr("Losses MoM")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._on_edited)
        hint = QLabel(self.tr("Leave a row empty when the police station reported nothing for it; type 0 for none. "
                              "YoY: against the same month last year; MoM: against the month before."), self)
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month_edit)
        top.addWidget(self.title, 1)
        top.addWidget(self.template_button)
        top.addWidget(self.import_button)
        top.addWidget(self.save_button)
        page_layout(self, top, hint, (self.table, 1), self.status)
        context.data_changed.connect(self._on_data_changed)
        context.scope_selected.connect(self._on_scope_selected)
        self.reload()

    # ------------------------------------------------------------------ month and township
    def month(self) -> tuple[int, int]:
        date = self.month_edit.date()
        return date.year(), date.month()

    def set_month(self, year: int, month: int) -> None:
        self.month_edit.setDate(QDate(year, month, 1))

    def reload(self) -> None:
        from outreach_desk.services.supervision.bulletin import choose_township

        try:
            self._township = choose_township(self._township_id)
        except ServiceError as exc:
            self._township = None
            self.title.setText(self.tr("{reason} Click a village of it in the organisation tree.").format(
                reason=str(exc)))
            self.table.setRowCount(0)
            for button in (self.save_button, self.import_button, self.template_button):
                button.setEnabled(False)
            return
        for button in (self.save_button, self.import_button, self.template_button):
            button.setEnabled(True)
        year, month = self.month()
        self._rows = cases.month_grid(self._township.id, year, month)
        self.title.setText(self.tr("{township}: fraud cases reported by the police station").format(
            township=self._township.name))
        self._fill(cases.compare(self._township.id, year, month))

    def _fill(self, comparison: list[cases.Comparison]) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(self._rows) + 1)
            changes = {c.village_id: c for c in comparison if not c.is_township}
            for r, row in enumerate(self._rows):
                self._put(r, NAME, row.name, editable=False)
                figures = row.figures
                values = ("", "", "", "") if figures is None else (
                    str(figures.cases), cases.format_yuan(figures.losses_fen).replace(",", ""),
                    str(figures.dissuaded), str(figures.frozen))
                for column, value in zip(EDITABLE, values):
                    self._put(r, column, value, editable=True)
                self._changes(r, changes.get(row.village_id) if row.village_id is not None else None)
            total = next(c for c in comparison if c.is_township)
            last = len(self._rows)
            self._put(last, NAME, self.tr("{township} (total)").format(township=total.name), editable=False)
            values = ("", "", "", "") if total.now is None else (
                str(total.now.cases), cases.format_yuan(total.now.losses_fen), str(total.now.dissuaded),
                str(total.now.frozen))
            for column, value in zip(EDITABLE, values):
                self._put(last, column, value, editable=False)
            self._changes(last, total)
            for column in range(self.table.columnCount()):
                self.table.item(last, column).setBackground(QBrush(TOWNSHIP_COLOUR))
        finally:
            self._filling = False

    def _put(self, row: int, column: int, text: str, editable: bool) -> None:
        item = QTableWidgetItem(text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        if column != NAME:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)

    def _changes(self, row: int, comparison: cases.Comparison | None) -> None:
        pairs = ((CASES_YOY, "cases_yoy", False), (CASES_MOM, "cases_mom", False),
                 (LOSSES_YOY, "losses_yoy", True), (LOSSES_MOM, "losses_mom", True))
        for column, name, money in pairs:
            change = getattr(comparison, name) if comparison is not None else None
            self._put(row, column, change.text(money) if change is not None else "", editable=False)
            if change is not None and change.comparable and change.now != change.base:
                self.table.item(row, column).setForeground(QBrush(FELL_COLOUR if change.fell else ROSE_COLOUR))

    def _on_edited(self, _item) -> None:
        if not self._filling:
            self.status.setText(self.tr("Not saved yet."))

    # ------------------------------------------------------------------ saving
    def entries(self) -> dict[int | None, Figures | None]:
        """The grid as typed; raises ValueError with the row's name for a figure that is not a number."""
        result = {}
        for r, row in enumerate(self._rows):
            texts = [(self.table.item(r, c).text() if self.table.item(r, c) else "").strip() for c in EDITABLE]
            if not any(texts):
                result[row.village_id] = None
                continue
            try:
                counts = [int(texts[i].replace(",", "") or 0) for i in (0, 2, 3)]
                losses = cases.yuan_to_fen(texts[1] or 0)
            except (ValueError, ArithmeticError):
                raise ValueError(self.tr("{name}: the figures must be numbers.").format(name=row.name)) from None
            result[row.village_id] = Figures(counts[0], losses, counts[1], counts[2])
        return result

    def save(self) -> bool:
        if self._township is None:
            return False
        try:
            after = self.entries()
        except ValueError as exc:
            self.status.setText(str(exc))
            return False
        before = {row.village_id: row.figures for row in self._rows}
        if after == before:
            self.status.setText(self.tr("Nothing changed."))
            return True
        year, month = self.month()
        try:
            errors = [e for f in after.values() if f is not None for e in cases.validate(f)]
            if errors:
                raise ServiceError(errors[0].message)
            self.context.undo_stack.push(_SaveMonth(self, self._township.id, year, month, before, after))
        except ServiceError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(self.tr("Saved."))
        return True

    def after_change(self, key: tuple[int, int, int]) -> None:
        """Show the month an undo, redo or save changed, and tell the other pages."""
        _township, year, month = key
        if (year, month) != self.month():
            self.set_month(year, month)
        self.reload()
        self.context.data_changed.emit("fraud_cases")

    # ------------------------------------------------------------------ workbook
    def _folder(self) -> Path:
        return Path(str(self.context.settings.value(SETTINGS_FOLDER, "") or Path.home()))

    def write_template(self, path: str | Path | None = None) -> Path | None:
        from outreach_desk.services.supervision import cases_workbook
        from outreach_desk.ui.shell.errors import show_exception

        if self._township is None:
            return None
        year, month = self.month()
        if path is None:
            suggested = self._folder() / cases_workbook.default_file_name(self._township.name, year, month)
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Template for the police station"),
                                                        str(suggested), self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return None
        try:
            written = cases_workbook.make_template(path, self._township.id, year, month)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk in Chinese by show_exception
            show_exception(self, exc)
            return None
        self.context.settings.setValue(SETTINGS_FOLDER, str(written.parent))
        self.status.setText(self.tr("Template written to {path}.").format(path=written))
        return written

    def import_file(self, path: str | Path | None = None) -> bool:
        from outreach_desk.services.excel import annotate
        from outreach_desk.services.supervision import cases_workbook
        from outreach_desk.ui.shell.errors import show_exception

        if self._township is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import the police station's workbook"),
                                                        str(self._folder()), self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return False
        try:
            prepared = cases_workbook.prepare(path, self._township.id)
            if not prepared.ok:
                marked = None
                if any(issue.row for issue in prepared.issues):
                    marked = annotate.write_annotated(prepared.plan, annotate.default_path(Path(path)))
                lines = [str(issue) for issue in prepared.issues[:12]]
                text = self.tr("Nothing was imported: {count} problem(s).").format(count=prepared.plan.issue_count)
                if marked is not None:
                    text += "\n" + self.tr("A copy with every problem marked is in {path}.").format(path=marked)
                self.status.setText(text)
                QMessageBox.warning(self, self.tr("Import refused"), text + "\n\n" + "\n".join(lines))
                return False
            result = cases_workbook.commit(prepared)
        except Exception as exc:  # noqa: BLE001 - unreadable files and refusals are explained by show_exception
            show_exception(self, exc)
            return False
        self.context.settings.setValue(SETTINGS_FOLDER, str(Path(path).parent))
        self.reload()
        self.context.data_changed.emit("fraud_cases")
        self.status.setText(self.tr("Imported: {new} added, {corrected} corrected, {unchanged} unchanged.").format(
            new=result.new, corrected=result.corrected, unchanged=result.unchanged))
        return True
