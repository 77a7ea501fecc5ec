"""Reopening a closed month (重新打开…): the reason is asked for, kept with the close and audited.

:func:`offer_reopen` is what the window shows when a write was refused because its month is closed:
the refusal as the service words it (who closed the month, when, to whom it went) and a button that
asks for the reason and reopens the month; the clerk then makes the change again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QWidget)

from outreach_desk.i18n import translate
from outreach_desk.services.submission.closed_months import ClosedMonth, MonthClosedError, month_text

MAX_REASON = 2000


def _tr(text: str) -> str:
    return translate("MonthClosed", text)


class ReopenDialog(QDialog):
    """Asks why the month is reopened and who reopens it; reopens it on OK."""

    def __init__(self, closed: ClosedMonth, parent: QWidget | None = None):
        from outreach_desk.services.submission import closing

        super().__init__(parent)
        self.closed = closed
        self.setObjectName("reopenMonth")
        self.setWindowTitle(self.tr("Reopen {month}").format(month=month_text(closed.month)))
        intro = QLabel(self.tr("{month} of {township} was closed by {who} on {when}. Once reopened, its records can "
                               "be changed again; send the month again when the corrections are made.").format(
            month=month_text(closed.month), township=closed.township, who=closed.closed_by or "—",
            when=f"{closed.closed_at:%Y-%m-%d %H:%M}"), self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why is the month reopened? e.g. 太平村补报11月的宣讲会"))
        self.reason.setMinimumSize(360, 80)
        self.clerk = QLineEdit(closing.default_clerk(closed.township_id), self)
        self.clerk.setObjectName("clerk")
        self.clerk.setMaxLength(100)
        self.problem = QLabel("", self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #9C0006;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Reopen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Reopened &by:"), self.clerk)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def accept(self) -> None:
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.services.submission import closing

        try:
            closing.reopen_month(self.closed.township_id, self.closed.month,
                                 reason=self.reason.toPlainText()[:MAX_REASON], clerk=self.clerk.text())
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


def ask_reopen(parent: QWidget | None, closed: ClosedMonth) -> bool:
    """Ask for the reason and reopen; True when the month is open now."""
    return ReopenDialog(closed, parent).exec() == QDialog.DialogCode.Accepted


def offer_reopen(parent: QWidget | None, exc: MonthClosedError) -> bool:
    """Say why the write was refused and offer to reopen the month; True when it was reopened."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("The month is closed"), str(exc),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("monthClosedMessage")
    reopen = box.addButton(_tr("Reopen…"), QMessageBox.ButtonRole.ActionRole)
    reopen.setObjectName("reopenButton")
    box.exec()
    if box.clickedButton() is not reopen or not ask_reopen(parent, exc.closed):
        return False
    QMessageBox.information(parent, _tr("Month reopened"), _tr(
        "{month} is open again. Make the change once more.").format(month=month_text(exc.closed.month)))
    return True
