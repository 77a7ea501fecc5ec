"""报送记录: every sending, newest first — month, number, when, to whom, by whom, the counts sent, whether
the month is closed now and the report's SHA-256 — with 重新打开… for a closed month."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.ui.shell.context import AppContext


class SendingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("sendings")
        self.setWindowTitle(self.tr("Sendings"))
        self.headers = [self.tr("Township"), self.tr("Month"), self.tr("No."), self.tr("Sent"), self.tr("To"),
                        self.tr("Sent by"), self.tr("Activities"), self.tr("Surveys"), self.tr("Letters"),
                        self.tr("Photos"), self.tr("Now"), self.tr("Report SHA-256")]
        self.table = QTableWidget(0, len(self.headers), self)
        self.table.setObjectName("sendingsTable")
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No month has been sent yet. Use File › Send this month… once the monthly report "
                                    "has gone out."), self)
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reopen_button = QPushButton(self.tr("&Reopen…"), self)
        self.reopen_button.setObjectName("reopenMonth")
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reopen_button.clicked.connect(self.reopen_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self.closed = {}
        self.reload()

    def reload(self) -> None:
        from outreach_desk.services.submission import closed_months, closing

        found = closing.sendings()
        self.closed = closed_months.closed_months()
        self.rows = found
        self.table.setRowCount(len(found))
        for row, sending in enumerate(found):
            records = sending.counts.get("records", {})
            closed = (sending.township_id, sending.month) in self.closed
            values = [sending.township, sending.month_text, sending.sequence, f"{sending.sent_at:%Y-%m-%d %H:%M}",
                      sending.recipient, sending.clerk, records.get("activity", 0), records.get("survey", 0),
                      records.get("parent_letter", 0), records.get("photo", 0),
                      self.tr("closed") if closed else self.tr("reopened"), sending.report_sha256[:16]]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == len(values) - 1:
                    item.setToolTip(sending.report_sha256)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(found))
        self.empty.setVisible(not found)
        self._update_buttons()

    def selected_close(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        sending = self.rows[rows[0].row()]
        return self.closed.get((sending.township_id, sending.month))

    def _update_buttons(self) -> None:
        self.reopen_button.setEnabled(self.selected_close() is not None)

    def reopen_selected(self) -> None:
        from outreach_desk.ui.submission.reopen import ask_reopen

        closed = self.selected_close()
        if closed is not None and ask_reopen(self, closed):
            self.context.data_changed.emit("submission")
            self.reload()
