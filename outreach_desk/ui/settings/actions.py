"""The "Preferences…" menu action (clerk's name and language)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from outreach_desk.ui.shell.context import AppContext


class SettingsActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        self.preferences_action = QAction(self.tr("&Preferences…"), self)
        self.preferences_action.setObjectName("preferences")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.preferences_action.setStatusTip(self.tr("Your name for the audit trail, and the language"))
        self.preferences_action.triggered.connect(lambda: self.open_preferences())

    def actions(self) -> list[QAction]:
        return [self.preferences_action]

    def open_preferences(self) -> int:
        from outreach_desk.ui.settings.dialog import SettingsDialog

        return SettingsDialog(self.context, self.window).exec()
