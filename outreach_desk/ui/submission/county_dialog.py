"""县级汇总: a county office imports townships' upward packages and sees who sent which month (报送情况).

Packages come from 导入上报包… (several at once) or are dropped on the dialog. They are checked and
compared with the database off the GUI thread (progress, Cancel); a package that would replace a
township-month already imported shows what it adds, changes and removes and goes in only when the
clerk says so; then each goes in, in a transaction of its own, off the GUI thread again. Refusals
(damaged, changed, older, from a newer program) are listed with the file's name; the table of the
month's sendings is read again afterwards.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_desk.services.county import package_import, preview, status
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.tasks import run_task
from outreach_desk.ui.widgets.photo_drop import PhotoDropTarget

MONTHS_SHOWN = 12


def _months(today: dt.date) -> list[str]:
    """The last ``MONTHS_SHOWN`` months, the one just finished first."""
    found, year, month = [], today.year, today.month
    for _ in range(MONTHS_SHOWN):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        found.append(f"{year:04d}-{month:02d}")
    return found


def _prepare_all(paths: list[str], progress) -> tuple[list, list[str]]:
    plans, refusals = [], []
    for number, path in enumerate(paths):
        def scaled(done, total, text="", number=number):
            progress(number * 100 + (done * 100 // total if total else 0), len(paths) * 100, text)

        try:
            plans.append(package_import.prepare(path, scaled))
        except ServiceError as exc:
            refusals.append(str(exc))
    return plans, refusals


def _apply_all(plans: list, progress) -> tuple[list[str], list[str]]:
    """Apply each plan in turn; the plans of unknown townships here are those the clerk agreed to add. Each
    outcome is followed by the township's earlier months not sent (those of this batch aside)."""
    done, refusals = [], []
    batch = preview.batch_of(plans)
    for number, plan in enumerate(plans):
        def scaled(step, total, text="", number=number):
            progress(number * 100 + (step * 100 // total if total else 0), len(plans) * 100, text)

        try:
            done.append(preview.outcome(plan, package_import.apply(plan, scaled, new_township=True)))
        except ServiceError as exc:
            refusals.append(str(exc))
            continue
        missing = preview.missing_line(plan, batch)
        if missing:
            done.append("  " + missing)
    return done, refusals


class CountyDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.context = context
        self.task = None
        self._batch: set[tuple[str, str]] = set()  # (township uuid, month) of the packages being imported
        self.setObjectName("countyRollUp")
        self.villages = not package_import.is_county_database()  # a township's database takes its villages'
        if self.villages:
            self.setWindowTitle(self.tr("Villages' packages"))
            hint = self.tr("Drop the packages of this township's villages and communities that keep their own copy of "
                           "the program (.zip, several at once) on this window, or choose them with Import "
                           "packages…. The same package twice changes nothing; a newer one replaces the village's "
                           "month after you have seen what changes.")
        else:
            self.setWindowTitle(self.tr("County roll-up: townships' packages"))
            hint = self.tr("Drop the townships' upward packages (.zip, several at once) on this window, or choose "
                           "them with Import packages…. The same package twice changes nothing; a newer one "
                           "replaces the township's month after you have seen what changes.")
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.month = QComboBox(self)
        self.month.setObjectName("countyMonth")
        for key in _months(today or dt.date.today()):
            self.month.addItem(package_import.month_label(key), key)
        self.month.currentIndexChanged.connect(self.reload)
        month_label = QLabel(self.tr("&Month:"), self)
        month_label.setBuddy(self.month)
        self.summary = QLabel(self)
        self.summary.setObjectName("countySummary")
        row = QHBoxLayout()
        row.addWidget(month_label)
        row.addWidget(self.month)
        row.addWidget(self.summary, 1)
        sender = self.tr("Village or community") if self.villages else self.tr("Township")
        self.headers = [sender, self.tr("Sending"), self.tr("Sent"), self.tr("Received"),
                        self.tr("Due"), self.tr("State"), self.tr("Revised"), self.tr("File")]
        self.table = QTableWidget(0, len(self.headers), self)
        self.table.setObjectName("countyStatus")
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setColumnHidden(4, self.villages)  # villages have no due day of their own
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.log = QPlainTextEdit(self)
        self.log.setObjectName("countyLog")
        self.log.setReadOnly(True)
        self.log.setPlaceholderText(self.tr("What each import did is listed here."))
        self.log.setMaximumHeight(150)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = QPushButton(self.tr("&Import packages…"), self)
        self.import_button.setObjectName("countyImport")
        self.import_button.clicked.connect(self.choose_files)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.log)
        layout.addWidget(buttons)
        self._drop = PhotoDropTarget(self, self.import_files)
        self.resize(940, 560)
        self.reload()

    # ------------------------------------------------------------------------------------------ the table
    def reload(self) -> None:
        key = self.month.currentData()
        try:
            rows = (status.village_status if self.villages else status.month_status)(key)
        except ServiceError as exc:
            self.summary.setText(str(exc))
            return
        self.table.setRowCount(len(rows))
        for number, r in enumerate(rows):
            cells = [r.township, "" if r.sequence is None else str(r.sequence),
                     "" if r.written_at is None else f"{r.written_at:%Y-%m-%d %H:%M}",
                     "" if r.received_at is None else f"{r.received_at:%Y-%m-%d %H:%M}",
                     "" if r.due is None else r.due.isoformat(), r.state_text,
                     self.tr("yes") if r.revised else "", r.file_name]
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        sent = sum(1 for r in rows if r.sequence is not None)
        if self.villages and not rows:
            self.summary.setText(self.tr("No village or community has sent this township a package yet."))
        elif self.villages:
            self.summary.setText(self.tr("{sent} of the {total} villages or communities that send packages sent "
                                         "this month.").format(sent=sent, total=len(rows)))
        else:
            self.summary.setText(self.tr("{sent} of {total} townships sent this month.").format(sent=sent,
                                                                                               total=len(rows)))

    # ------------------------------------------------------------------------------------------ importing
    def choose_files(self) -> None:
        title = self.tr("Import villages' packages") if self.villages else self.tr("Import townships' packages")
        paths, _ = QFileDialog.getOpenFileNames(self, title, "",
                                                self.tr("Upward packages (*.zip)"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> bool:
        """Check and plan the packages off the GUI thread; False while another import runs."""
        if self.task is not None:
            return False
        self.import_button.setEnabled(False)
        self.task = run_task(self, self.tr("Checking the packages…"), lambda progress: _prepare_all(paths, progress),
                             on_done=self._prepared, on_error=self._failed)
        self.task.cancelled.connect(self._cancelled)
        return True

    def confirm_replacement(self, plan) -> bool:
        """Ask before a package replaces a township-month already imported (tests replace this)."""
        text = "\n".join([preview.headline(plan), "", *preview.lines(plan, self._batch)])
        answer = QMessageBox.question(self, self.tr("Replace the township's month?"), text + "\n\n" + self.tr(
            "Replace the month's data of {township} by this package?").format(township=plan.sender))
        return answer == QMessageBox.StandardButton.Yes

    def confirm_new_townships(self, names: list[str]) -> bool:
        """Ask before packages add townships this database does not hold (tests replace this)."""
        quoted = self.tr(", ").join(self.tr("“{name}”").format(name=name) for name in names)
        answer = QMessageBox.question(self, self.tr("Add a township?"), self.tr(
            "Create the township {names} and import?").format(names=quoted))
        return answer == QMessageBox.StandardButton.Yes

    def _prepared(self, found) -> None:
        plans, refusals = found
        self._batch = preview.batch_of(plans)
        self._write(refusals)
        new = sorted({plan.township for plan in plans if plan.state != package_import.SAME and not plan.township_known})
        if new and not self.confirm_new_townships(new):
            self._write([self.tr("{file}: not imported, {township} is not a township of this database.").format(
                file=plan.file_name, township=plan.township) for plan in plans
                if plan.state != package_import.SAME and not plan.township_known])
            plans = [plan for plan in plans if plan.township_known or plan.state == package_import.SAME]
        chosen = []
        for plan in plans:  # a package imported before is applied too: it puts back photos the store lacks
            if plan.needs_confirmation and not self.confirm_replacement(plan):
                self._write([self.tr("{file}: not imported, the township's month stays as it was.").format(
                    file=plan.file_name)])
            else:
                chosen.append(plan)
        if not chosen:
            self._finished()
            return
        self.task = run_task(self, self.tr("Importing the packages…"), lambda progress: _apply_all(chosen, progress),
                             on_done=self._applied, on_error=self._failed)
        self.task.cancelled.connect(self._cancelled)

    def _applied(self, found) -> None:
        done, refusals = found
        self._write(done + refusals)
        if done:
            self.context.data_changed.emit("county_import")
        self._finished()

    def _failed(self, exc, traceback) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        self._finished()
        show_exception(self, exc, traceback)

    def _cancelled(self) -> None:
        self._write([self.tr("Cancelled: the package being imported was not imported; those before it were.")])
        self._finished()

    def _finished(self) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        self.reload()

    def _write(self, lines: list[str]) -> None:
        for line in lines:
            self.log.appendPlainText(line)
