"""报送本月…: write the month's upward package (上报包), record it as sent and close the month — one flow.

Recording is ticked at first (untick it to write a package only); 只登记已发出的月报… hands over to the
close dialog for a month whose Excel report went out on its own, without a package. In a township's database
(one township) the clerk of a village that keeps its own copy chooses the village: its package holds that
village's records and photos only, for the township to import, and is not recorded as a sending.

The clerk picks the month, where the zip goes and the size limit (the office's setting, kept for
next time and for ``outreach-desk package``). The package is written off the GUI thread with a
progress bar and Cancel in the dialog; with "send and close" ticked, the month is then closed with
the report's and the package's SHA-256 (``closing.close_month``), also in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.submission.close_dialog import FOLDER_KEY, month_state, sender_edits

VILLAGE_KEY = "submission/package_village"


class PackageDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        from outreach_desk.services.submission import package
        from outreach_desk.ui.excel.report_dialog import default_month, month_choices

        super().__init__(parent)
        self.context = context
        self.task = None
        self.result = None
        self.sending = None
        self.handed_over = None  # the close dialog 只登记已发出的月报… opened
        self.setObjectName("packageDialog")
        self.setWindowTitle(self.tr("Send this month"))
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        for label, value in month_choices():
            self.month.addItem(label, value)
        self.month.setCurrentIndex(max(0, self.month.findData(default_month())))
        self.target = QLineEdit(self)
        self.target.setObjectName("target")
        self.target.setMinimumWidth(360)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.choose_target)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        self.limit = QDoubleSpinBox(self)
        self.limit.setObjectName("limit")
        self.limit.setRange(0, 2000)
        self.limit.setDecimals(1)
        self.limit.setSuffix(" MB")
        self.limit.setSpecialValueText(self.tr("no limit"))
        self.limit.setValue(package.office_limit_mb())
        self.limit.setToolTip(self.tr("Photos are scaled down until the package fits; none is left out."))
        self.village = self._village_choice()
        self.send = QCheckBox(self.tr("Record it as sent and close the month"), self)
        self.send.setObjectName("send")
        self.send.setChecked(True)
        self.recipient, self.clerk = sender_edits(self, context)
        for edit in (self.recipient, self.clerk):
            self.send.toggled.connect(edit.setEnabled)
        self.state = QLabel(self)
        self.state.setObjectName("monthState")
        self.state.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Month:"), self.month)
        if self.village.count() > 1:
            form.addRow(self.tr("&Package of:"), self.village)
        save_as = QLabel(self.tr("Save &as:"), self)
        save_as.setBuddy(self.target)
        form.addRow(save_as, where)
        form.addRow(self.tr("Size &limit:"), self.limit)
        form.addRow("", self.send)
        form.addRow(self.tr("Sent &to:"), self.recipient)
        form.addRow(self.tr("Sent &by:"), self.clerk)
        form.addRow("", self.state)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.report_only = self.buttons.addButton(self.tr("&Only the report sent…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.report_only.setObjectName("reportOnly")
        self.report_only.setToolTip(self.tr("The monthly Excel report went out on its own: record that file as sent "
                                            "and close the month, without a package"))
        self.report_only.clicked.connect(self.record_report_only)
        self.write_button = self.buttons.addButton(self.tr("&Write the package"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("write")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("One zip for the county: the monthly report, the month's photos renamed by "
                                        "village with their index, the summary (总结) as a Word draft, the bulletin "
                                        "and rectification orders, and a manifest of SHA-256 hashes."), self))
        layout.itemAt(0).widget().setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.month.currentIndexChanged.connect(self._suggest_target)
        self.village.currentIndexChanged.connect(self._village_chosen)
        self._village_chosen()

    def _village_choice(self) -> QComboBox:
        """The township, or one of its villages (a village keeping its own copy); only with one township."""
        from outreach_desk.services import organisation_tree

        combo = QComboBox(self)
        combo.setObjectName("village")
        combo.addItem(self.tr("the whole township"), None)
        tree = organisation_tree.load_villages()
        self.village_names = {}
        if len(tree.townships) == 1:
            for village in tree.villages.get(tree.townships[0].id, []):
                self.village_names[village.id] = village.name
                combo.addItem(self.tr("{village} (a village's package for the township)").format(
                    village=village.name), village.id)
        kept = self.context.settings.value(VILLAGE_KEY, None)
        found = combo.findData(int(kept)) if str(kept or "").isdigit() else -1
        combo.setCurrentIndex(max(0, found))
        return combo

    def chosen_village(self) -> int | None:
        return self.village.currentData()

    def _village_chosen(self) -> None:
        """A village's package is only a file for the township: it is not recorded as the month's sending."""
        village = self.chosen_village() is not None
        self.send.setChecked(not village)
        self.send.setEnabled(not village)
        self.report_only.setEnabled(not village)
        self._suggest_target()

    def record_report_only(self):
        """Hand over to the close dialog for the chosen month (this window closes); return that dialog."""
        from outreach_desk.ui.submission.close_dialog import CloseMonthDialog

        dialog = CloseMonthDialog(self.context, self.parentWidget())
        dialog.month.setCurrentIndex(max(0, dialog.month.findData(self.chosen_month())))
        dialog.setModal(True)
        dialog.show()
        self.handed_over = dialog
        self.reject()
        return dialog

    def chosen_month(self) -> str:
        return str(self.month.currentData())

    def _suggest_target(self) -> None:
        from outreach_desk.services.coverage import periods
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.services.submission import package
        from outreach_desk.services.supervision.bulletin import choose_township

        try:
            name = choose_township(None).name
        except ServiceError:
            name = self.tr("township")
        village = self.village_names.get(self.chosen_village(), "")
        folder = Path(str(self.context.settings.value(FOLDER_KEY, "") or Path.home()))
        self.target.setText(str(folder / package.default_file_name(periods.parse_month(self.chosen_month()), name,
                                                                   village)))
        self.state.setText(month_state(self.chosen_month()) if not village else self.tr(
            "A village's package holds that village's records and photos only, for the township to import; it is "
            "not recorded as a sending and closes no month."))

    def choose_target(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the upward package"), self.target.text(),
                                                    self.tr("Zip files (*.zip)"))
        if path:
            self.target.setText(path if path.lower().endswith(".zip") else path + ".zip")

    def _busy(self, busy: bool) -> None:
        village = self.chosen_village() is not None
        for widget in (self.month, self.village, self.target, self.limit, self.write_button):
            widget.setEnabled(not busy)
        for widget in (self.send, self.report_only):
            widget.setEnabled(not busy and not village)
        for edit in (self.recipient, self.clerk):
            edit.setEnabled(not busy and self.send.isChecked())

    def start(self) -> None:
        """Write the package in the background (the dialog stays open, with progress and Cancel)."""
        from outreach_desk.services.submission import package
        from outreach_desk.ui.shell.tasks import Task

        target, month, limit = self.target.text().strip(), self.chosen_month(), self.limit.value()
        village = self.chosen_village()
        if not target:
            self.status.setText(self.tr("Choose where to save the package."))
            return
        if self.send.isChecked() and not (self.recipient.text().strip() and self.clerk.text().strip()):
            self.status.setText(self.tr("Say to whom the month is sent, and by whom."))
            return
        package.keep_office_limit_mb(limit)
        self.context.settings.setValue(FOLDER_KEY, str(Path(target).parent))
        self.context.settings.setValue(VILLAGE_KEY, "" if village is None else str(village))
        self._busy(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Writing the package…"))
        self.task = Task(lambda progress: package.build_package(target, month, village_id=village, limit_mb=limit,
                                                                progress=progress), self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._written)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.start()

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if text:
            self.status.setText(text)

    def _written(self, result) -> None:
        from outreach_desk.services.safe_files import format_size

        self.result = result
        self.progress.setValue(self.progress.maximum())
        text = self.tr("Saved as {path} ({size}): {photos} photos, {scaled} scaled down to fit; {missing} records "
                       "lack the photo they need.").format(path=result.path, size=format_size(result.size),
                                                           photos=result.photos, scaled=result.photos_scaled,
                                                           missing=result.missing_photos)
        self.status.setText(text)
        if self.send.isChecked():
            self._close_month(result)
            return
        self._finished()

    def _close_month(self, result) -> None:
        from outreach_desk.services.submission import closing
        from outreach_desk.ui.shell.tasks import Task

        recipient, clerk, month = self.recipient.text().strip(), self.clerk.text().strip(), self.chosen_month()
        from outreach_desk.services.submission.recipient import keep_office_recipient

        keep_office_recipient(recipient)
        self.status.setText(self.tr("Recording the sending and closing the month…"))
        self.task = Task(lambda _progress: closing.close_month(
            None, month, report_sha256=result.report_sha256, recipient=recipient, clerk=clerk,
            package_sha256=result.sha256), self)
        self.task.succeeded.connect(self._sent)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.start()

    def _sent(self, sending) -> None:
        self.sending = sending
        self.context.data_changed.emit("sending")
        self.status.setText(self.tr("{saved} The month is recorded as sending {sequence} to {recipient} and "
                                    "closed.").format(saved=self.status.text(), sequence=sending.sequence,
                                                      recipient=sending.recipient))
        self._finished()

    def _finished(self) -> None:
        self.task = None
        self._busy(False)
        self.write_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.ui.shell.errors import show_exception

        self.task = None
        self._busy(False)
        self.progress.setValue(0)
        if isinstance(exc, ServiceError):
            self.status.setText(str(exc))
        else:
            self.status.setText(self.tr("The package could not be written."))
            show_exception(self, exc, details)

    def _cancelled(self) -> None:
        self.task = None
        self._busy(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled; no file was written."))

    def cancel_or_close(self) -> None:
        """Cancel stops a package being written (nothing is left behind); otherwise it closes the dialog."""
        if self.task is not None and not self.task.done:
            self.task.cancel()
            return
        self.reject()
