"""File › Import organisation workbook…: check the file in the background, preview, import as one undo step.

The preview lists what would be added (villages, sites, member units) and what changes on records
already stored (a site's counts, a village's assigned number); a file with problems lists each with
its sheet, row and column and offers the marked copy. The import is one step on the window's undo
stack: Ctrl+Z takes the whole import back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.tasks import run_task
from outreach_desk.ui.shell.undo_command import StoreCommand, push


class OrgImportCommand(StoreCommand):
    """The import of one checked workbook; undo takes back everything it added and changed."""

    def __init__(self, context: AppContext, prepared):
        super().__init__(context, "organisation")
        self.prepared = prepared
        self.applied = None

    def _redo(self) -> None:
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.services.excel import org_import

        prepared = self.prepared if self.applied is None else org_import.prepare(self.prepared.plan.path)
        if not prepared.ok:
            raise ServiceError("\n".join(str(i) for i in prepared.issues[:5]))
        self.applied = org_import.commit(prepared)

    def _undo(self) -> None:
        from outreach_desk.services.excel import org_import

        org_import.undo(self.applied)


class OrgImportDialog(QDialog):
    def __init__(self, context: AppContext, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.path = Path(path)
        self.prepared = None
        self.setObjectName("orgImport")
        self.setWindowTitle(self.tr("Import organisation workbook"))
        self.heading = QLabel(self.tr("Checking {name}…").format(name=self.path.name), self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.details = QListWidget(self)
        self.details.setObjectName("details")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.marked_button = QPushButton(self.tr("Save &marked copy…"), self)
        self.marked_button.setObjectName("marked")
        self.buttons.addButton(self.marked_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.marked_button.setVisible(False)
        self.import_button.clicked.connect(self.do_import)
        self.marked_button.clicked.connect(self.save_marked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.resize(680, 460)

    def start_check(self) -> None:
        from outreach_desk.services.excel import org_import

        run_task(self, self.tr("Checking the organisation workbook…"), lambda _progress: org_import.prepare(self.path),
                 on_done=self.show_plan, on_error=self._failed)

    def _failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        self.heading.setText(str(exc))
        show_exception(self, exc, details)

    def show_plan(self, prepared) -> None:
        from outreach_desk.services.excel import org_import

        self.prepared = prepared
        self.details.clear()
        if not prepared.ok:
            self.heading.setText(self.tr("{name} cannot be imported: {count} problem(s). Nothing was changed; correct "
                                         "the file and import it again.").format(name=self.path.name,
                                                                                 count=prepared.plan.issue_count))
            for issue in prepared.issues:
                self.details.addItem(QListWidgetItem(str(issue)))
            self.marked_button.setVisible(any(issue.row for issue in prepared.issues))
            return
        self.heading.setText(prepared.summary())
        self.marked_button.setVisible(False)
        for line in prepared.change_lines():  # changes to what is stored first: they are what a clerk checks
            self.details.addItem(self.tr("Change: {line}").format(line=line))
        for row in prepared.rows:
            if row.action == org_import.ADD:
                self.details.addItem(self.tr("Add: {name}").format(name=row.display_name))
        if not prepared.changes_anything:
            self.details.addItem(self.tr("The database already holds everything in this workbook."))
        self.import_button.setEnabled(prepared.changes_anything)
        self.import_button.setDefault(True)

    def do_import(self) -> None:
        command = OrgImportCommand(self.context, self.prepared)
        command.setText(self.tr("Import organisation workbook {name}").format(name=self.path.name))
        failure = push(self.context, command)
        if failure is not None:
            from outreach_desk.ui.shell.errors import show_exception

            show_exception(self, failure)
            return
        counts = command.applied.counts
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Imported: {added} record(s) added, {changed} changed, {numbers} assigned number(s) set. Edit › Undo "
            "takes the whole import back.").format(added=counts["added"], changed=counts["changed"],
                                                   numbers=counts["numbers"]))
        self.accept()

    def save_marked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from outreach_desk.services.excel import annotate

        suggested = annotate.default_path(self.path)
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the marked copy"), str(suggested),
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        run_task(self, self.tr("Writing the marked copy…"),
                 lambda _progress: annotate.write_annotated(self.prepared.plan, target),
                 on_done=lambda path: QMessageBox.information(self, self.windowTitle(), self.tr(
                     "The marked copy was saved as {path}.").format(path=path)), on_error=self._failed)
