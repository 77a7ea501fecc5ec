"""Preferences: the clerk's name that signs every change in the audit trail of a database file (on a server the
login signs), the office the month is sent to
(报送单位: the close, the package window and the 总结 use it), and the language.

The name takes effect at once (the audit service's actor); the language at the next start,
because every window is built with the translation installed at start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from outreach_desk.services.audit import MAX_NAME
from outreach_desk.ui.shell.context import CLERK_NAME_KEY, LANGUAGE_KEY, AppContext


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Preferences"))
        settings = context.settings
        self.name_edit = QLineEdit(str(settings.value(CLERK_NAME_KEY, "") or ""), self)
        self.name_edit.setObjectName("clerkName")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("e.g. 李娟"))
        from outreach_desk.services.submission import recipient

        self.recipient_edit = QLineEdit(recipient.office_recipient(), self)
        self.recipient_edit.setObjectName("officeRecipient")
        self.recipient_edit.setMaxLength(recipient.MAX_LENGTH)
        self.recipient_edit.setPlaceholderText(recipient.DEFAULT)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        saved = settings.value(LANGUAGE_KEY) or context.language
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(saved)))
        form = QFormLayout(self)
        form.addRow(self.tr("Your name"), self.name_edit)
        hint = QLabel(self.tr("Every change you make is recorded in the audit trail under this name, together "
                              "with the computer's user name."), self)
        if context.server_url:  # on a server the login signs (services.audit.actor); the name is a file's
            from outreach_desk.services.audit import actor

            self.name_edit.setEnabled(False)
            hint.setText(self.tr("On the server the audit trail records every change under your database login, "
                                 "{login}, together with the computer's user name; the name here is used for "
                                 "database files.").format(login=actor()))
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("Send the month to"), self.recipient_edit)
        recipient_hint = QLabel(self.tr("The office the month's report and package go to: the sending dialogs propose "
                                        "it and the summary (总结) is addressed to it."), self)
        recipient_hint.setWordWrap(True)
        form.addRow("", recipient_hint)
        form.addRow(self.tr("Language"), self.language_combo)
        language_hint = QLabel(self.tr("A new language takes effect the next time Outreach Desk starts."), self)
        language_hint.setWordWrap(True)
        form.addRow("", language_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        settings = self.context.settings
        settings.setValue(CLERK_NAME_KEY, " ".join(self.name_edit.text().split()))
        settings.setValue(LANGUAGE_KEY, self.language_combo.currentData())
        from outreach_desk.services.submission.recipient import keep_office_recipient

        keep_office_recipient(self.recipient_edit.text())
        settings.sync()
        self.context.apply_clerk_name()
