"""File menu actions of the month's submission: 报送本月… and 报送记录…"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from outreach_desk.ui.shell.context import AppContext


class SubmissionActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog = None
        self.close_action = QAction(self.tr("&Send this month…"), self)
        self.close_action.setObjectName("sendMonth")
        self.close_action.setStatusTip(self.tr("Record the report sent to the county and close the month, so its "
                                               "records cannot change unnoticed"))
        self.close_action.triggered.connect(self.send_month)
        self.history_action = QAction(self.tr("Sending &history…"), self)
        self.history_action.setObjectName("sendingsHistory")
        self.history_action.setStatusTip(self.tr("Every month sent: when, to whom, by whom, and what was sent"))
        self.history_action.triggered.connect(self.show_history)

    def actions(self) -> list[QAction]:
        return [self.close_action, self.history_action]

    def send_month(self):
        """Open the 报送本月 dialog (modal); return it."""
        from outreach_desk.ui.submission.close_dialog import CloseMonthDialog

        self.dialog = CloseMonthDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog

    def show_history(self):
        from outreach_desk.ui.submission.history_dialog import SendingsDialog

        self.dialog = SendingsDialog(self.context, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog
