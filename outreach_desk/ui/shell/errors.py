"""Showing errors: service refusals as plain messages, unexpected exceptions with details to copy.

A full disk, a read-only medium or a busy database is told in the sentence the command line uses
(``services.disk_failures``), naming the database or file, its folder and the space left.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QStyle, QVBoxLayout, QWidget)

from outreach_desk.services import disk_failures
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.submission.closed_months import MonthClosedError
from outreach_desk.store import StoreError

log = logging.getLogger("outreach_desk")


def show_exception(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A refusal the user can act on is shown as is; anything else is logged and shown with details."""
    tr = QApplication.translate
    if isinstance(exc, MonthClosedError):  # say why the month is locked and offer to reopen it
        from outreach_desk.ui.submission.reopen import offer_reopen

        offer_reopen(parent, exc)
        return
    if isinstance(exc, (ServiceError, StoreError)):
        QMessageBox.warning(parent, tr("Errors", "Cannot do that"), str(exc))
        return
    sentence = disk_failures.explain(exc)  # what the command line says for the same failure
    if sentence is not None:
        log.warning("disk or file failure: %r\n%s", exc, details)
        QMessageBox.warning(parent, tr("Errors", "Cannot do that"), sentence)
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
