"""Showing errors: service refusals as plain messages, unexpected exceptions with details to copy."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from outreach_desk.services.errors import ServiceError
from outreach_desk.store import StoreError

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
    if isinstance(exc, OSError) and exc.errno == 28:
        QMessageBox.warning(parent, tr("Errors", "Disk full"),
                            tr("Errors", "The disk is full. Nothing was saved; free some space and try again."))
        return
    log.error("unexpected error: %s\n%s", exc, details)
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Errors", "Unexpected error"),
                      tr("Errors", "Something went wrong: {error}\nYour saved records are safe.").format(error=exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    box.exec()
