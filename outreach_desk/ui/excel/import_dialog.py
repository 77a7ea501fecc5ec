"""The import preview: every row of a filled entry workbook, every problem, then all rows or none.

Reading and checking the file runs off the GUI thread (``ui/shell/tasks.py``), and so does the import
itself. The import button stays disabled while the file has problems; the problems can be saved
as an annotated copy to send back to the village. Clicking a problem shows its row. When rows fall in a
month that was sent and closed, 重新打开… asks the reason, reopens the month and checks the file again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from outreach_desk.services.errors import ServiceError
from outreach_desk.services.submission.closed_months import month_text
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.excel.import_models import IssuesModel, PreviewModel
from outreach_desk.ui.shell.tasks import run_task

class ImportDialog(QDialog):
    def __init__(self, context: AppContext, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.path = Path(path)
        self.plan = None
        self.task = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import workbook — {name}").format(name=self.path.name))
        self.resize(self._first_size())

        self.summary = QLabel(self.tr("Checking {name}…").format(name=self.path.name), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview_model = PreviewModel(self)
        self.preview = self._table(self.preview_model, "preview")
        self.issues_model = IssuesModel(self)
        self.issues = self._table(self.issues_model, "issues")
        self.issues.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.issues.clicked.connect(self._show_issue_row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._titled(self.tr("Rows in the file"), self.preview))
        splitter.addWidget(self._titled(self.tr("Problems and notes"), self.issues))
        splitter.setSizes([400, 220])

        self.marked_button = QPushButton(self.tr("Save &marked copy…"), self)
        self.marked_button.setObjectName("saveMarked")
        self.marked_button.setToolTip(self.tr("A copy of the file with every wrong cell marked red and explained, "
                                              "to send back to the village"))
        self.marked_button.clicked.connect(self.save_marked_copy)
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("reopenClosed")
        self.reopen_button.setToolTip(self.tr("Rows fall in a month that was sent and closed: reopen it with a reason, "
                                              "then the file is checked again"))
        self.reopen_button.clicked.connect(self.reopen_closed)
        self.reopen_button.hide()
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("&Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.marked_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _first_size(self) -> QSize:
        """1100 × 680, or less on a smaller screen: on a 1024 × 768 one the buttons stayed past its edge."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QSize(1100, 680)
        room = screen.availableGeometry()
        return QSize(min(1100, room.width() - 40), min(680, int(room.height() * 0.88)))

    def _table(self, model, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>", box)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    # --- checking ------------------------------------------------------------------------------

    def start_check(self) -> None:
        """Read and check the file in the background; the dialog fills in when it is done."""
        from outreach_desk.services.excel import import_rows

        path = self.path
        self.task = run_task(self, self.tr("Checking {name}…").format(name=path.name),
                             lambda progress: import_rows.prepare(path, progress=progress),
                             on_done=self.show_plan, on_error=self._check_failed)
        self.task.cancelled.connect(self.reject)

    def show_plan(self, plan) -> None:
        from outreach_desk.services.excel import import_rows

        self.plan = plan
        self.preview_model.set_plan(plan)
        self.issues_model.set_plan(plan)
        for view in (self.preview, self.issues):
            view.resizeColumnsToContents()
        new = plan.count(import_rows.NEW)
        before = plan.count(import_rows.IMPORTED) + plan.count(import_rows.CHANGED)
        if not plan.ok:
            text = self.tr("{count} problem(s) in {name}. Nothing can be imported until they are corrected: send the "
                           "marked copy back to the village.").format(count=plan.issue_count, name=self.path.name)
        elif new:
            text = self.tr("{name} has no problems: {activities} activities, {surveys} surveys and {letters} parent "
                           "letter records are ready to import.").format(
                name=self.path.name, activities=plan.count(import_rows.NEW, "activity"),
                surveys=plan.count(import_rows.NEW, "survey"), letters=plan.count(import_rows.NEW, "parent_letter"))
        else:
            text = self.tr("Every row of {name} was imported before; there is nothing new.").format(name=self.path.name)
        if before:
            text += "\n" + self.tr("{count} row(s) were imported before and will be skipped.").format(count=before)
        self.summary.setText(text)
        self.summary.setStyleSheet("" if plan.ok else "color: #9C0006;")
        self.import_button.setText(self.tr("&Import {count} rows").format(count=new) if new and plan.ok
                                   else self.tr("&Import"))
        self._update_buttons()

    def _check_failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        if isinstance(exc, ServiceError):
            self.summary.setText(str(exc))
            self.summary.setStyleSheet("color: #9C0006;")
        else:
            show_exception(self, exc, details)
        self._update_buttons()

    def _update_buttons(self) -> None:
        from outreach_desk.services.excel import import_rows

        plan = self.plan
        self.import_button.setEnabled(plan is not None and plan.ok and plan.count(import_rows.NEW) > 0)
        self.marked_button.setEnabled(plan is not None and not plan.ok)
        closed = bool(plan is not None and plan.closed)
        self.reopen_button.setVisible(closed)
        if closed:
            self.reopen_button.setText(self.tr("Re&open {months}…").format(
                months="、".join(month_text(c.month) for c in plan.closed)))

    def reopen_closed(self) -> bool:
        """Ask the reason and reopen each closed month the file's rows fall in, then check the file again;
        True when every one was reopened."""
        from outreach_desk.ui.submission.reopen import ask_reopen

        for closed in list(self.plan.closed if self.plan is not None else []):
            if not ask_reopen(self, closed):
                return False
            self.context.data_changed.emit("submission")
        self.plan = None
        self._update_buttons()
        self.start_check()
        return True

    def _show_issue_row(self, index) -> None:
        issue = self.issues_model.issue(index.row())
        if issue is None:
            return
        row = self.preview_model.row_of(issue.sheet, issue.row)
        if row >= 0:
            self.preview.selectRow(row)
            self.preview.scrollTo(self.preview_model.index(row, 0))

    # --- marked copy and import ----------------------------------------------------------------

    def save_marked_copy(self) -> None:
        from outreach_desk.services.excel import annotate

        if self.plan is None:
            return
        suggested = annotate.default_path(self.path)
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save marked copy"), str(suggested),
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        plan = self.plan
        run_task(self, self.tr("Writing the marked copy…"), lambda _progress: annotate.write_annotated(plan, target),
                 on_done=lambda path: self.summary.setText(
                     self.summary.text() + "\n" + self.tr("Marked copy saved as {path}.").format(path=path)))

    def start_import(self) -> None:
        from outreach_desk.services.excel import import_rows

        plan = self.plan
        if plan is None or not plan.ok:
            return
        self.import_button.setEnabled(False)
        self.task = run_task(self, self.tr("Importing {name}…").format(name=self.path.name),
                             lambda progress: import_rows.commit(plan, progress),
                             on_done=self._imported, on_error=self._import_failed)
        self.task.cancelled.connect(self._update_buttons)

    def _imported(self, result) -> None:
        from outreach_desk.ui.excel.import_command import ImportCommand
        from outreach_desk.ui.shell.undo_command import push

        if result.total:
            push(self.context, ImportCommand(self.context, self.plan, result, self.path.name))  # Ctrl+Z takes it back
        for record_type, count in result.imported.items():
            if count:
                self.context.data_changed.emit(record_type)  # "activity", "survey", "parent_letter"
        QMessageBox.information(self, self.tr("Import finished"), self.tr(
            "Imported {activities} activities, {surveys} surveys and {letters} parent letter records from "
            "{name}.").format(activities=result.imported["activity"], surveys=result.imported["survey"],
                              letters=result.imported["parent_letter"], name=self.path.name))
        self.accept()

    def _import_failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        show_exception(self, exc, details)
        self._update_buttons()
