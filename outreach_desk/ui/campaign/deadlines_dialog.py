"""报送期限: every occurrence of the current campaign's report deadlines (in a county database, the chosen
township's), marked sent by the clerk.

A monthly deadline shows once per month reported on; an occurrence is overdue (red) from the day
after it was due until it is marked sent, here, by the month-end close, or by
``outreach-desk campaign sent``. A mark made by mistake is taken back with 撤销标记.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QPushButton,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services.coverage import deadlines
from outreach_desk.services.coverage.deadlines import DUE, OVERDUE, SENT, Occurrence
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.campaign.township_choice import TownshipChoice
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.widgets.list_table import close_buttons, list_table, list_with_buttons

OVERDUE_COLOUR = QColor("#c62828")
SENT_COLOUR = QColor("#6b6b6b")


class SentDateDialog(QDialog):
    """Ask the day an occurrence was sent (today by default, never in the future)."""

    def __init__(self, occurrence: Occurrence, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sentDateDialog")
        self.setWindowTitle(self.tr("Mark as sent"))
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("sentOn")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr("Report:"), QLabel(occurrence.label, self))
        form.addRow(self.tr("Sent &on:"), self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as sent"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date_edit.setFocus()

    def sent_on(self) -> dt.date:
        return self.date_edit.date().toPython()


class DeadlinesDialog(QDialog):
    """The current campaign's deadline occurrences, oldest first, with their state."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.context = context
        self.today = today or dt.date.today()
        self.setObjectName("deadlinesDialog")
        self.setWindowTitle(self.tr("Report deadlines"))
        self.sent_dialog: SentDateDialog | None = None
        self._occurrences: list[Occurrence] = []

        self.township = TownshipChoice(self)
        self.township.changed.connect(self.reload)
        self.summary = QLabel(self)
        self.summary.setObjectName("deadlinesSummary")
        self.summary.setWordWrap(True)
        self.table = list_table(self, "occurrences", [self.tr("Report"), self.tr("Due"), self.tr("State"),
                                                      self.tr("Sent on")])

        self.mark_button = QPushButton(self.tr("&Mark as sent…"), self)
        self.mark_button.setObjectName("markSent")
        self.unmark_button = QPushButton(self.tr("&Undo mark"), self)
        self.unmark_button.setObjectName("unmarkSent")
        body = list_with_buttons(self.table, [self.mark_button, self.unmark_button])
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.township)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.mark_button.clicked.connect(self.ask_mark)
        self.unmark_button.clicked.connect(self.unmark_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.ask_mark())
        self.resize(640, 420)
        self.reload()

    # ------------------------------------------------------------------ state
    def reload(self, keep: tuple[int, str] | None = None) -> None:
        campaign = self.township.current_campaign()
        self._occurrences = deadlines.occurrences(campaign) if campaign else []
        self.table.setRowCount(0)
        overdue = 0
        select = None
        for occurrence in self._occurrences:
            row = self.table.rowCount()
            self.table.insertRow(row)
            state = occurrence.status(self.today)
            overdue += state == OVERDUE
            cells = (occurrence.label, occurrence.due.isoformat(), self._state_text(occurrence, state),
                     occurrence.sent_on.isoformat() if occurrence.sent_on else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if state == OVERDUE:
                    item.setForeground(QBrush(OVERDUE_COLOUR))
                elif occurrence.sent_on is not None:
                    item.setForeground(QBrush(SENT_COLOUR))
                self.table.setItem(row, column, item)
            if keep == (occurrence.deadline_id, occurrence.month) or (keep is None and select is None
                                                                       and state != SENT):
                select = row
        if campaign is None:
            self.summary.setText(self.tr("There is no current campaign; its report deadlines are set under "
                                         "Campaign › Campaigns…."))
        elif not self._occurrences:
            self.summary.setText(self.tr("The campaign {name} has no report deadlines; add them when editing the "
                                         "campaign.").format(name=campaign.name))
        else:
            self.summary.setText(self.tr("%n report(s) overdue. A report stays overdue until it is marked sent; "
                                         "closing a month marks that month's monthly reports.", None, overdue))
        if select is not None:
            self.table.selectRow(select)
        self._update_buttons()

    def _state_text(self, occurrence: Occurrence, state: str) -> str:
        if state == OVERDUE:
            return self.tr("Overdue by %n day(s)", None, (self.today - occurrence.due).days)
        if state == DUE:
            days = (occurrence.due - self.today).days
            return self.tr("Due today") if days == 0 else self.tr("Due in %n day(s)", None, days)
        return self.tr("Sent")

    def selected(self) -> Occurrence | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().hasSelection() or row >= len(self._occurrences):
            return None
        return self._occurrences[row]

    def _update_buttons(self) -> None:
        occurrence = self.selected()
        self.mark_button.setEnabled(occurrence is not None and occurrence.sent_on is None)
        self.unmark_button.setEnabled(occurrence is not None and occurrence.sent_on is not None)

    # ------------------------------------------------------------------ actions
    def ask_mark(self) -> SentDateDialog | None:
        """Ask the day the selected occurrence was sent (window-modal), then mark it."""
        occurrence = self.selected()
        if occurrence is None or occurrence.sent_on is not None:
            return None
        self.sent_dialog = SentDateDialog(occurrence, self)
        self.sent_dialog.accepted.connect(lambda: self.mark(occurrence, self.sent_dialog.sent_on()))
        self.sent_dialog.open()
        return self.sent_dialog

    def mark(self, occurrence: Occurrence, sent_on: dt.date) -> bool:
        return self._change(occurrence, lambda: deadlines.mark_deadline_sent(occurrence.deadline_id,
                                                                            occurrence.month, sent_on))

    def unmark_selected(self) -> bool:
        occurrence = self.selected()
        if occurrence is None or occurrence.sent_on is None:
            return False
        if self._change(occurrence, lambda: deadlines.unmark_deadline_sent(occurrence.deadline_id,
                                                                           occurrence.month)):
            return True
        QMessageBox.information(self, self.tr("Undo mark"), self.tr(
            "{label} counts as sent because a file is attached to it under File › Document archive; remove the "
            "file there to make it due again.").format(label=occurrence.label))
        return False

    def _change(self, occurrence: Occurrence, change) -> bool:
        try:
            changed = change()
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cannot do that"), str(exc))
            changed = False
        self.reload(keep=(occurrence.deadline_id, occurrence.month))
        if changed:
            self.context.data_changed.emit("campaign")
        return changed
