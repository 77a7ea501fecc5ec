"""Orders from the gap list: the draft of every order in one table, reviewed before any is issued.

Each row is the order one gap would make — the responsible unit, the gap's sentence as what must
be done (editable in place), the deadline (15 days, capped at the campaign's last day; editable
with a calendar) — and a tick; a search line shows only the rows of a village, a unit or a target, and
"tick all shown" ticks those. ``Change…`` (or a double-click on the unit) opens the order dialog
on the row's draft to change anything else, the responsible unit too. The rows ticked when OK is
pressed are what the page issues, in one transaction and one undoable step: ticks made under one search
stay when the search changes, so a line under the table and the OK button say how many of the ticked
rows the search hides (they are issued too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QStyledItemDelegate, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from outreach_desk.services.supervision import rectification
from outreach_desk.ui.widgets.layout import add_rows

UNIT, VILLAGE, TASK, DEADLINE = range(4)
ISO = "yyyy-MM-dd"


class _DateDelegate(QStyledItemDelegate):
    """Deadlines shown as ISO dates and edited with a calendar."""

    def displayText(self, value, locale) -> str:  # noqa: N802 - Qt's name
        return value.toString(ISO) if isinstance(value, QDate) else super().displayText(value, locale)

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(ISO)
        return editor


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DraftOrdersDialog(QDialog):
    """``drafts`` (one per gap, with ``names``: the responsible unit and the village of each) to review."""

    def __init__(self, township_id: int, drafts: list[rectification.OrderInput], names: list[tuple[str, str]],
                 parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("draftOrdersDialog")
        self.setWindowTitle(self.tr("Orders from the gap list"))
        self.township_id, self.today = township_id, today or dt.date.today()
        self.drafts = [replace(draft) for draft in drafts]
        self.table = QTableWidget(len(drafts), 4, self)
        self.table.setObjectName("draftOrdersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Responsible"), self.tr("Village / community"),
                                              self.tr("What must be done"), self.tr("Deadline")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setItemDelegateForColumn(DEADLINE, _DateDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        for row, (draft, (unit, village)) in enumerate(zip(self.drafts, names)):
            self._fill(row, draft, unit, village)
            self.table.item(row, UNIT).setCheckState(Qt.CheckState.Unchecked)
        self.table.resizeColumnToContents(UNIT)
        self.table.setColumnWidth(UNIT, min(self.table.columnWidth(UNIT), 240))
        self.table.resizeColumnToContents(VILLAGE)
        self.table.resizeColumnToContents(DEADLINE)
        self.table.itemChanged.connect(self._count)
        self.table.cellDoubleClicked.connect(lambda row, column: self.change(row) if column in (UNIT, VILLAGE)
                                             else None)

        change = QPushButton(self.tr("Change…"), self)
        change.setObjectName("draftOrdersChange")
        change.setToolTip(self.tr("Change the selected order's responsible unit, dates or status"))
        change.clicked.connect(lambda: self.change(self.table.currentRow()))
        self.find = QLineEdit(self)
        self.find.setObjectName("draftOrdersFind")
        self.find.setPlaceholderText(self.tr("Show only rows containing… (a village, a unit, a target)"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.show_matching)
        tick_all = QPushButton(self.tr("Tick all shown"), self)
        tick_all.clicked.connect(lambda: self.tick_all(True))
        untick_all = QPushButton(self.tr("Untick all shown"), self)
        untick_all.clicked.connect(lambda: self.tick_all(False))
        row_buttons = QHBoxLayout()
        for button in (change, tick_all, untick_all):
            row_buttons.addWidget(button)
        row_buttons.addWidget(self.find, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Tick the gaps to put right. Each row is the order it makes: edit what must be done "
                              "and the deadline in place (double-click), or Change… for the rest. Orders are due in "
                              "{days} days, but not after the campaign's last day.").format(
            days=rectification.DEFAULT_DAYS), self)
        hint.setWordWrap(True)
        self.hidden_note = QLabel(self)
        self.hidden_note.setObjectName("draftOrdersHidden")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setStyleSheet("color: #b3261e;")
        add_rows(QVBoxLayout(self), hint, row_buttons, (self.table, 1), self.hidden_note, self.buttons)
        self._count()
        self.resize(980, 600)

    def _fill(self, row: int, draft: rectification.OrderInput, unit: str, village: str) -> None:
        """Show ``draft`` in ``row`` (the tick kept); only the task and the deadline are edited in place."""
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        old = self.table.item(row, UNIT)
        unit_item = QTableWidgetItem(unit)
        unit_item.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
        unit_item.setCheckState(old.checkState() if old is not None else Qt.CheckState.Unchecked)
        village_item = QTableWidgetItem(village)
        village_item.setFlags(fixed)
        task = QTableWidgetItem(draft.task)
        task.setToolTip(draft.task)
        deadline = QTableWidgetItem()
        deadline.setData(Qt.ItemDataRole.EditRole, _qdate(draft.deadline))
        with_signals = self.table.blockSignals(True)
        for column, item in ((UNIT, unit_item), (VILLAGE, village_item), (TASK, task), (DEADLINE, deadline)):
            self.table.setItem(row, column, item)
        self.table.blockSignals(with_signals)

    def _count(self, *_args) -> None:
        """The OK button's count of ticked rows, and how many of them the search hides."""
        ticked = self.ticked_rows()
        hidden = len(self.hidden_ticked_rows())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        text = self.tr("Issue %n order(s)", None, len(ticked))
        if hidden:
            text = self.tr("{issue} ({hidden} not shown)").format(issue=text, hidden=hidden)
        ok.setText(text)
        ok.setEnabled(bool(ticked))
        self.hidden_note.setText(self.tr(
            "%n of the ticked rows are hidden by the search and will be issued too; clear the search to see "
            "them.", None, hidden) if hidden else "")
        self.hidden_note.setVisible(bool(hidden))

    def ticked_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount())
                if self.table.item(row, UNIT).checkState() == Qt.CheckState.Checked]

    def hidden_ticked_rows(self) -> list[int]:
        """The ticked rows the search hides (issued with the others)."""
        return [row for row in self.ticked_rows() if self.table.isRowHidden(row)]

    def tick(self, row: int, ticked: bool = True) -> None:
        self.table.item(row, UNIT).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def show_matching(self, text: str) -> None:
        """Hide the rows whose unit, village and task do not all contain ``text`` (ticks stay as they are)."""
        words = text.split()
        for row in range(self.table.rowCount()):
            shown = " ".join(self.table.item(row, column).text() for column in (UNIT, VILLAGE, TASK))
            self.table.setRowHidden(row, not all(word in shown for word in words))
        self._count()

    def tick_all(self, ticked: bool) -> None:
        """Tick (or untick) every row shown."""
        with_signals = self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            if not self.table.isRowHidden(row):
                self.tick(row, ticked)
        self.table.blockSignals(with_signals)
        self._count()

    def draft(self, row: int) -> rectification.OrderInput:
        """The order of ``row`` as shown (the task and deadline as edited in the table)."""
        value = self.table.item(row, DEADLINE).data(Qt.ItemDataRole.EditRole)
        return replace(self.drafts[row], task=self.table.item(row, TASK).text().strip(), deadline=value.toPython())

    def change(self, row: int) -> bool:
        """The order dialog on ``row``'s draft; what the clerk confirms replaces the row (and ticks it)."""
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        if not 0 <= row < len(self.drafts):
            return False
        dialog = OrderDialog(self.township_id, parent=self, today=self.today, draft=self.draft(row))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.drafts[row] = dialog.value()
        unit, village = dialog.unit.names()
        self._fill(row, self.drafts[row], unit, village)
        self.tick(row)
        return True

    def chosen(self) -> list[rectification.OrderInput]:
        """The ticked rows' orders, as edited."""
        return [self.draft(row) for row in self.ticked_rows()]


def names_of(gap) -> tuple[str, str]:
    """The responsible unit and the village a gap's order names (a member unit has no village)."""
    return gap.unit_name, gap.village_name if gap.unit_type != "member_unit" else ""
