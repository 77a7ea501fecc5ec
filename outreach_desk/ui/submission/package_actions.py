"""File menu action 上报包…: opens the package dialog (which can also record the month as sent)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from outreach_desk.ui.shell.context import AppContext


class PackageActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog = None
        self.package_action = QAction(self.tr("Upward &package…"), self)
        self.package_action.setObjectName("upwardPackage")
        self.package_action.setStatusTip(self.tr("One zip for the county: report, photos, summary and manifest; "
                                                 "optionally recorded as sent"))
        self.package_action.triggered.connect(self.open_dialog)

    def actions(self) -> list[QAction]:
        return [self.package_action]

    def open_dialog(self):
        """Open the package dialog (modal); return it."""
        from outreach_desk.ui.submission.package_dialog import PackageDialog

        self.dialog = PackageDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog
