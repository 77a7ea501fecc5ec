"""Showing errors: service refusals as plain messages, unexpected exceptions with details to copy."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QStyle, QVBoxLayout, QWidget)

from outreach_desk.services.errors import ServiceError
from outreach_desk.store import StoreError
from outreach_desk.store.failures import sqlite_said

log = logging.getLogger("outreach_desk")


def show_exception(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A refusal the user can act on is shown as is; anything else is logged and shown with details."""
    tr = QApplication.translate
    if isinstance(exc, (ServiceError, StoreError)):
        QMessageBox.warning(parent, tr("Errors", "Cannot do that"), str(exc))
        return
    if isinstance(exc, PermissionError):
        QMessageBox.warning(parent, tr("Errors", "Permission denied"),
                            tr("Errors", "The file {name} cannot be written. It may be open in Excel or WPS, or the "
                                         "folder is read-only. Close it or choose another name.").format(
                                name=exc.filename or ""))
        return
    if (isinstance(exc, OSError) and exc.errno == 28) or sqlite_said(exc, "disk is full"):
        QMessageBox.warning(parent, tr("Errors", "Disk full"),
                            tr("Errors", "The disk is full. Nothing was saved; free some space and try again."))
        return
    if sqlite_said(exc, "disk I/O error"):
        QMessageBox.warning(parent, tr("Errors", "Disk error"),
                            tr("Errors", "The database could not be written: the disk is full or failing. Nothing was "
                                         "saved; free some space, try again, and make a backup (File › Back up now)."))
        return
    if sqlite_said(exc, "readonly"):
        QMessageBox.warning(parent, tr("Errors", "Read-only"),
                            tr("Errors", "This database is open read-only, so nothing can be changed. Close the "
                                         "other Outreach Desk window that has it open, then open it again here."))
        return
    if sqlite_said(exc, "locked"):
        QMessageBox.warning(parent, tr("Errors", "Database busy"),
                            tr("Errors", "Another program is writing to the database, so nothing was saved. Try again "
                                         "in a moment."))
        return
    log.error("unexpected error: %s\n%s", exc, details)
    ErrorDialog(parent, exc, details).exec()


class ErrorDialog(QDialog):
    """An unexpected error: what happened in one line, the details below, and a button to copy them."""

    def __init__(self, parent: QWidget | None, exc: BaseException, details: str):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = details
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        message = QLabel(self.tr("Something went wrong: {error}\nYour saved records are safe. The details below were "
                                 "written to the log; copy them and send them to whoever supports you.").format(
                                     error=exc or type(exc).__name__), self)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QPlainTextEdit(details, self)
        self.details_view.setObjectName("errorDetails")
        self.details_view.setReadOnly(True)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setMinimumSize(560, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))
