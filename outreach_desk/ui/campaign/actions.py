"""Menu actions for campaigns: the campaign editor, the target rules editor and the report deadlines.

The dialogs are imported when first opened, so start-up does not pay for them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from outreach_desk.ui.shell.context import AppContext


class CampaignActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog = None
        self.campaigns_action = QAction(self.tr("&Campaigns…"), self)
        self.campaigns_action.setObjectName("campaigns")
        self.campaigns_action.setStatusTip(self.tr("Campaign periods, phases and report deadlines; which campaign "
                                                   "is current"))
        self.campaigns_action.triggered.connect(self.open_campaigns)
        self.rules_action = QAction(self.tr("&Target rules…"), self)
        self.rules_action.setObjectName("targetRules")
        self.rules_action.setStatusTip(self.tr("What each village, site and member unit must reach in the current "
                                               "campaign"))
        self.rules_action.triggered.connect(self.open_rules)
        self.deadlines_action = QAction(self.tr("Report &deadlines…"), self)
        self.deadlines_action.setObjectName("reportDeadlines")
        self.deadlines_action.setStatusTip(self.tr("Which reports are due or overdue; mark one as sent"))
        self.deadlines_action.triggered.connect(self.open_deadlines)

    def actions(self) -> list[QAction]:
        return [self.campaigns_action, self.rules_action, self.deadlines_action]

    def open_campaigns(self):
        """Show the campaign editor (window-modal); return it."""
        from outreach_desk.ui.campaign.dialog import CampaignDialog

        self.dialog = CampaignDialog(self.context, self.window)
        self.dialog.open()
        return self.dialog

    def open_rules(self, campaign_id: int | None = None):
        """Show the rules editor on ``campaign_id`` or the current campaign; return it."""
        from outreach_desk.ui.campaign.rules_editor import RulesEditor

        self.dialog = RulesEditor(self.context, self.window, campaign_id=campaign_id or None)
        self.dialog.open()
        return self.dialog

    def open_deadlines(self):
        """Show the report deadlines of the current campaign (window-modal); return the dialog."""
        from outreach_desk.ui.campaign.deadlines_dialog import DeadlinesDialog

        self.dialog = DeadlinesDialog(self.context, self.window)
        self.dialog.open()
        return self.dialog
