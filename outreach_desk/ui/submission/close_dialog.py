"""报送本月…: send a month and close it — which month (default: the month just finished), to whom, by
whom (prefilled from the office identity), and the report file as sent (its SHA-256 is kept).

The dialog says beforehand whether the month was sent already and which sending number this will be.
The close computes the month's coverage, so it runs off the GUI thread (``ui/shell/tasks.py``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget)

from outreach_desk.ui.shell.context import AppContext

FOLDER_KEY = "excel/last_folder"


def sender_edits(dialog: QDialog, context: AppContext) -> tuple[QLineEdit, QLineEdit]:
    """The recipient (the office's setting, ``submission.recipient``) and clerk (closing.default_clerk) fields of
    both sending dialogs."""
    from outreach_desk.services.submission import closing, recipient as office

    recipient = QLineEdit(office.office_recipient(), dialog)
    recipient.setObjectName("recipient")
    recipient.setMaxLength(200)
    clerk = QLineEdit(closing.default_clerk(), dialog)
    clerk.setObjectName("clerk")
    clerk.setMaxLength(100)
    return recipient, clerk


def month_just_finished(today: dt.date | None = None) -> str:
    """"YYYY-MM" of the month before ``today``'s: the one a township sends."""
    today = today or dt.date.today()
    return f"{today.replace(day=1) - dt.timedelta(days=1):%Y-%m}"


def month_state(month: str) -> str:
    """Whether ``month`` was sent already and is closed, and which sending the next one will be."""
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.submission import closing

    tr = QApplication.translate
    try:
        closed = closing.closed_info(None, month)
        number = closing.next_sequence(None, month)
    except ServiceError as exc:
        return str(exc)
    if closed is not None:
        return tr("CloseMonthDialog", "Sent and closed by {who} on {when}. Sending it again is recorded as sending no. "
                  "{number}; the month stays closed.").format(who=closed.closed_by,
                                                              when=f"{closed.closed_at:%Y-%m-%d %H:%M}", number=number)
    if number > 1:
        return tr("CloseMonthDialog", "Sent before and reopened since: this is sending no. {number}; its report marks "
                  "what changed (修订).").format(number=number)
    return tr("CloseMonthDialog", "Not sent yet: this is sending no. 1.")


class CloseMonthDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, today: dt.date | None = None):
        from outreach_desk.ui.excel.report_dialog import month_choices

        super().__init__(parent)
        self.context = context
        self.task = None
        self.result_sending = None
        self.setObjectName("closeMonth")
        self.setWindowTitle(self.tr("Send this month"))
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        wanted = month_just_finished(today)
        choices = month_choices(today)
        if wanted not in [value for _label, value in choices]:
            from outreach_desk.services.coverage import periods

            choices.insert(0, (periods.parse_month(wanted).label, wanted))
        for label, value in choices:
            self.month.addItem(label, value)
        self.month.setCurrentIndex(max(0, self.month.findData(wanted)))
        self.recipient, self.clerk = sender_edits(self, context)
        self.report = QLineEdit(self)
        self.report.setObjectName("reportFile")
        self.report.setPlaceholderText(self.tr("The monthly report as sent (.xlsx)"))
        self.report.setMinimumWidth(300)
        browse = QPushButton(self.tr("&Choose…"), self)
        browse.setObjectName("chooseReport")
        browse.clicked.connect(self.choose_report)
        file_row = QHBoxLayout()
        file_row.addWidget(self.report, 1)
        file_row.addWidget(browse)
        self.state = QLabel("", self)
        self.state.setObjectName("monthState")
        self.state.setWordWrap(True)
        self.problem = QLabel("", self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9C0006;")
        note = QLabel(self.tr("Sending keeps the report's SHA-256, the coverage and the record counts as they are now, "
                              "and closes the month: its records cannot be added, changed, deleted or imported "
                              "until it is reopened with a reason."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("&Send and close"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Month:"), self.month)
        form.addRow(self.tr("Sent &to:"), self.recipient)
        form.addRow(self.tr("Sent &by:"), self.clerk)
        file_label = QLabel(self.tr("&Report file:"), self)
        file_label.setBuddy(self.report)  # the field is a row of two widgets: the label's key goes to the path
        form.addRow(file_label, file_row)
        form.addRow(self.state)
        form.addRow(note)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.month.currentIndexChanged.connect(self.describe_month)
        self.describe_month()

    def chosen_month(self) -> str:
        return str(self.month.currentData())

    def describe_month(self) -> None:
        self.state.setText(month_state(self.chosen_month()))

    def choose_report(self) -> None:
        folder = str(self.context.settings.value(FOLDER_KEY, str(Path.home())))
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("The report as sent"), folder,
                                                    self.tr("Excel workbook (*.xlsx);;All files (*)"))
        if path:
            self.report.setText(path)

    def send(self) -> None:
        """Close the month in the background; the dialog closes when it is done."""
        from outreach_desk.services.submission import closing
        from outreach_desk.ui.shell.tasks import run_task

        report = self.report.text().strip()
        if not report:
            self.problem.setText(self.tr("Choose the report file that was sent."))
            return
        month, recipient, clerk = self.chosen_month(), self.recipient.text(), self.clerk.text()
        self.problem.setText("")
        self.send_button.setEnabled(False)
        self.task = run_task(self, self.tr("Sending {month}…").format(month=self.month.currentText()),
                             lambda _progress: closing.close_month(None, month, report_path=report,
                                                                   recipient=recipient, clerk=clerk),
                             on_done=self._sent, on_error=self._failed, cancellable=False)

    def _sent(self, sending) -> None:
        self.result_sending = sending
        from outreach_desk.services.submission.recipient import keep_office_recipient

        keep_office_recipient(sending.recipient)
        self.context.data_changed.emit("submission")
        records = sending.counts["records"]
        QMessageBox.information(self, self.tr("Month sent"), self.tr(
            "{month} was sent to {recipient} (sending no. {sequence}) and is closed: {activities} activity records, "
            "{surveys} surveys, {letters} parent letter records and {photos} photos as sent.").format(
            month=sending.month_text, recipient=sending.recipient, sequence=sending.sequence,
            activities=records["activity"], surveys=records["survey"], letters=records["parent_letter"],
            photos=records["photo"]))
        self.accept()

    def _failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.ui.shell.errors import show_exception

        self.send_button.setEnabled(True)
        if isinstance(exc, ServiceError):
            self.problem.setText(str(exc))
        else:
            show_exception(self, exc, details)
