"""File menu actions of the month's submission: 报送本月… (one flow: the upward package, recorded as sent, or
only the report already sent), 报送记录…, 材料归档… and the import of packages, named by what the database takes in:
导入乡镇上报包… in a county's, 导入村（社区）上报包… in a township's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.widgets.photo_drop import local_files


class PackageDrop(QObject):
    """Upward packages (.zip files only) dropped on the main window go to ``on_files``; other drops are left
    alone, so the entry form still takes its photos."""

    _EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)

    def __init__(self, window: QWidget, on_files):
        super().__init__(window)
        self._on_files = on_files
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._EVENTS:
            return super().eventFilter(watched, event)
        files = local_files(event)
        if not files or not all(name.lower().endswith(".zip") for name in files):
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self._on_files(files)
        return True


class SubmissionActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog = None
        self.close_action = QAction(self.tr("&Send this month…"), self)
        self.close_action.setObjectName("sendMonth")
        self.close_action.setStatusTip(self.tr("Write the month's upward package for the county, record it as sent and "
                                               "close the month, so its records cannot change unnoticed"))
        self.close_action.triggered.connect(self.send_month)
        self.history_action = QAction(self.tr("Sending &history…"), self)
        self.history_action.setObjectName("sendingsHistory")
        self.history_action.setStatusTip(self.tr("Every month sent: when, to whom, by whom, and what was sent"))
        self.history_action.triggered.connect(self.show_history)
        self.documents_action = QAction(self.tr("Document &archive…"), self)
        self.documents_action.setObjectName("documentArchive")
        self.documents_action.setStatusTip(self.tr("The documents the campaign asks for (总结, 典型案例, 经验做法 …): "
                                                   "due dates, overdue ones, attached files"))
        self.documents_action.triggered.connect(self.show_documents)
        self.county_action = QAction(self.tr("Import townships' pac&kages…"), self)
        self.county_action.setObjectName("countyRollUp")
        self.county_action.triggered.connect(self.show_county)

        self.drop = PackageDrop(window, self.take_packages)

    def name_import(self) -> None:
        """Name the import by what this database takes in (asked when the File menu opens, not at start-up): a
        county's database its townships' packages, a township's those of its villages and communities."""
        from outreach_desk.services.county import package_import

        if package_import.is_county_database():
            self.county_action.setText(self.tr("Import townships' pac&kages…"))
            self.county_action.setStatusTip(self.tr("County office: import the townships' upward packages and see "
                                                    "which township sent which month (报送情况)"))
        else:
            self.county_action.setText(self.tr("Import villages' pac&kages…"))
            self.county_action.setStatusTip(self.tr("Import the packages of the villages and communities that keep "
                                                    "their own copy of the program, and see which sent which month"))

    def take_packages(self, paths: list[str]):
        """Packages dropped on the window: the county import opens with them; a township's database that is
        given anything but its villages' packages says what it accepts. Returns the import dialog or None."""
        from outreach_desk.services.county import package_import

        refusal = package_import.refusal_of(paths)
        if refusal is not None:
            self.tell(refusal)
            return None
        dialog = self.show_county()
        dialog.import_files(paths)
        return dialog

    def tell(self, text: str) -> None:
        """Say why dropped packages are not imported (tests replace this)."""
        QMessageBox.information(self.window, self.tr("Upward packages"), text)

    def actions(self) -> list[QAction]:
        return [self.close_action, self.history_action, self.documents_action, self.county_action]

    def send_month(self):
        """Open the 报送本月 dialog, the package window (modal); return it."""
        from outreach_desk.ui.submission.package_dialog import PackageDialog

        self.dialog = PackageDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog

    def show_history(self):
        from outreach_desk.ui.submission.history_dialog import SendingsDialog

        self.dialog = SendingsDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog

    def show_documents(self):
        """Open the 材料归档 dialog (modal); return it."""
        from outreach_desk.ui.submission.documents_dialog import DocumentsDialog

        self.dialog = DocumentsDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog

    def show_county(self):
        """Open the 县级汇总 dialog (modal): import packages, 报送情况; return it."""
        from outreach_desk.ui.submission.county_dialog import CountyDialog

        self.dialog = CountyDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog
