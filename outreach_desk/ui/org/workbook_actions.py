"""File menu actions for the organisation workbook: write it (filled with the database) and import it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.tasks import run_task

FOLDER_KEY = "excel/last_folder"


class OrgWorkbookActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog = None
        self.template_action = QAction(self.tr("Make or&ganisation workbook…"), self)
        self.template_action.setObjectName("makeOrgWorkbook")
        self.template_action.setStatusTip(self.tr("The township, villages, sites, member units and assigned targets "
                                                  "as an Excel workbook, to fill in or edit and import again"))
        self.template_action.triggered.connect(lambda: self.make_template())
        self.import_action = QAction(self.tr("Import organisation &workbook…"), self)
        self.import_action.setObjectName("importOrgWorkbook")
        self.import_action.setStatusTip(self.tr("Add and update villages, sites and member units from the "
                                                "organisation workbook, all rows or none"))
        self.import_action.triggered.connect(lambda: self.choose_and_import())

    def actions(self) -> list[QAction]:
        return [self.template_action, self.import_action]

    def _folder(self) -> str:
        return str(self.context.settings.value(FOLDER_KEY, str(Path.home())))

    def make_template(self, target: str | None = None) -> None:
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.services.excel import org_workbook

        if not target:
            try:
                township = org_workbook.choose_township(None)
            except ServiceError:  # several townships: the file is still offered, named plainly
                township = None
            suggested = Path(self._folder()) / org_workbook.default_file_name(township.name if township else "")
            target, _filter = QFileDialog.getSaveFileName(self.window, self.tr("Make organisation workbook"),
                                                          str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        self.context.settings.setValue(FOLDER_KEY, str(Path(target).parent))
        run_task(self.window, self.tr("Writing the organisation workbook…"),
                 lambda _progress: org_workbook.make_template(target), on_done=self._written,
                 on_error=self._failed)

    def _written(self, result) -> None:
        QMessageBox.information(self.window, self.tr("Organisation workbook"), self.tr(
            "The organisation workbook was saved as {path}. Fill in or correct its sheets, then use File › Import "
            "organisation workbook.").format(path=result.path))

    def _failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        show_exception(self.window, exc, details)

    def choose_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window, self.tr("Import organisation workbook"),
                                                    self._folder(), self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        if path:
            self.context.settings.setValue(FOLDER_KEY, str(Path(path).parent))
            self.open_import(path)

    def open_import(self, path: str | Path):
        """Show the import dialog for ``path`` and start checking the file; return the dialog."""
        from outreach_desk.ui.org.import_dialog import OrgImportDialog

        self.dialog = OrgImportDialog(self.context, path, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        self.dialog.start_check()
        return self.dialog
