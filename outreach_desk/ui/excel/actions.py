"""File menu actions for Excel: make the entry workbook, import a filled one, write or print the monthly report.

All three run their work off the GUI thread (the report with a progress bar and a cancel button). A target
file that is open in Excel or WPS is reported and the user is offered another name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.tasks import run_task

FOLDER_KEY = "excel/last_folder"


class ExcelActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog = None
        self.preview = None
        self.make_template_action = QAction(self.tr("Make &entry workbook…"), self)
        self.make_template_action.setObjectName("makeEntryWorkbook")
        self.make_template_action.setStatusTip(self.tr("An Excel workbook for village cadres to fill in, with "
                                                       "drop-down lists of this database's villages, sites and "
                                                       "activity kinds"))
        self.make_template_action.triggered.connect(self.make_template)
        self.import_action = QAction(self.tr("&Import workbook…"), self)
        self.import_action.setObjectName("importWorkbook")
        self.import_action.setStatusTip(self.tr("Check a filled entry workbook or CSV file and import all of its rows, "
                                                "or none"))
        self.import_action.triggered.connect(self.choose_and_import)

        self.report_action = QAction(self.tr("&Monthly report…"), self)
        self.report_action.setObjectName("monthlyReport")
        self.report_action.setStatusTip(self.tr("The monthly Excel report to the county: summary, targets, gaps, "
                                                "ledger, surveys and parent letters"))
        self.report_action.triggered.connect(self.monthly_report)
        from outreach_desk.ui.org.workbook_actions import OrgWorkbookActions

        self.org_workbook = OrgWorkbookActions(context, window)

    def actions(self) -> list[QAction]:
        return [self.make_template_action, self.import_action, self.report_action, *self.org_workbook.actions()]

    def _folder(self) -> str:
        return str(self.context.settings.value(FOLDER_KEY, str(Path.home())))

    def _remember(self, path: str) -> None:
        self.context.settings.setValue(FOLDER_KEY, str(Path(path).parent))

    def make_template(self, target: str | None = None) -> None:
        from outreach_desk.services.excel import template

        if not target:
            suggested = Path(self._folder()) / template.default_file_name()
            target, _filter = QFileDialog.getSaveFileName(self.window, self.tr("Make entry workbook"), str(suggested),
                                                          self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        self._remember(target)
        run_task(self.window, self.tr("Making the entry workbook…"), lambda _progress: template.make_template(target),
                 on_done=self._template_made, on_error=lambda exc, details: self._template_failed(exc, details))

    def _template_made(self, path) -> None:
        QMessageBox.information(self.window, self.tr("Entry workbook"), self.tr(
            "The entry workbook was saved as {path}. Send it to the village cadres; when it comes back filled in, "
            "use File › Import workbook.").format(path=path))

    def _template_failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.services.excel.files import FileInUseError
        from outreach_desk.ui.shell.errors import show_exception

        if isinstance(exc, FileInUseError):
            answer = QMessageBox.question(self.window, self.tr("File in use"), self.tr(
                "{message}\n\nSave under another name?").format(message=exc))
            if answer == QMessageBox.StandardButton.Yes:
                self.make_template()
            return
        show_exception(self.window, exc, details)

    def choose_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import workbook"), self._folder(),
            self.tr("Entry workbooks and CSV files (*.xlsx *.xlsm *.csv *.txt);;All files (*)"))
        if path:
            self._remember(path)
            self.open_import(path)

    def open_import(self, path: str | Path):
        """Show the import dialog for ``path`` and start checking the file; return the dialog."""
        from outreach_desk.ui.excel.import_dialog import ImportDialog

        self.dialog = ImportDialog(self.context, path, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        self.dialog.start_check()
        return self.dialog

    def monthly_report(self) -> None:
        from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog

        options = ReportOptionsDialog(self.context, self.window)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        if options.preview_wanted:
            self.preview_report(options.chosen_month(), options.signatures(), options.township_id())
        else:
            self.write_report(options.chosen_month(), options.signatures(), township_id=options.township_id())

    def preview_report(self, month: str, signatures, township_id: int | None = None) -> None:
        """Write the report to a temporary folder and make its printed pages in the background, then show them."""
        import tempfile

        from outreach_desk.services.excel import print_pages

        folder = Path(tempfile.mkdtemp(prefix="outreach-desk-preview-"))

        def failed(exc: Exception, details: str) -> None:
            from outreach_desk.ui.shell.errors import show_exception

            print_pages.remove_folder(folder)
            show_exception(self.window, exc, details)

        task = run_task(self.window, self.tr("Making the printed pages…"),
                        lambda progress: print_pages.make_pages(month, signatures, folder, progress, township_id),
                        on_done=lambda pages: self._show_preview(pages, folder), on_error=failed)
        task.cancelled.connect(lambda: print_pages.remove_folder(folder))

    def _show_preview(self, pages, folder: Path) -> None:
        from outreach_desk.ui.excel.print_preview import ReportPreview

        self.preview = ReportPreview(pages, folder, self.window)
        self.preview.open()

    def write_report(self, month: str, signatures, target: str | None = None, township_id: int | None = None) -> None:
        """Ask where (unless ``target``), then write the report for ``month`` (of one township, or of all in a
        county database) in the background."""
        from outreach_desk.services.coverage import periods
        from outreach_desk.services.excel import report

        if not target:
            suggested = Path(self._folder()) / report.default_file_name(periods.parse_month(month), township_id)
            target, _filter = QFileDialog.getSaveFileName(self.window, self.tr("Save the monthly report"),
                                                          str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        self._remember(target)
        run_task(self.window, self.tr("Writing the monthly report…"),
                 lambda progress: report.build_report(target, month, township_id=township_id, signatures=signatures,
                                                      progress=progress),
                 on_done=self._report_written,
                 on_error=lambda exc, details: self._report_failed(exc, details, month, signatures, township_id))

    def _report_written(self, result) -> None:
        QMessageBox.information(self.window, self.tr("Monthly report"), self.tr(
            "The report for {period} was saved as {path} ({rows} activity records, {gaps} gaps).").format(
            period=result.period.label, path=result.path, rows=result.ledger_rows, gaps=result.gaps))

    def _report_failed(self, exc: Exception, details: str, month: str, signatures,
                       township_id: int | None = None) -> None:
        from outreach_desk.services.excel.files import FileInUseError
        from outreach_desk.ui.shell.errors import show_exception

        if isinstance(exc, FileInUseError):
            answer = QMessageBox.question(self.window, self.tr("File in use"), self.tr(
                "{message}\n\nSave under another name?").format(message=exc))
            if answer == QMessageBox.StandardButton.Yes:
                self.write_report(month, signatures, township_id=township_id)
            return
        show_exception(self.window, exc, details)
