"""Choosing what goes on the monthly report: the month and the names on the form; then export or print preview.

The names come from the township in the open database (its office name, preparer and reviewer,
which ``outreach-desk report`` prints too); names changed here are stored with the township, so each
database keeps signing its own reports. With no preparer stored, the clerk's own name is offered.
In a county database a 乡镇 choice (like ``report --township``) picks one township's report, signed with
that township's names, or the county's report of every township.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from outreach_desk.ui.shell.context import AppContext


def month_choices(today: dt.date | None = None) -> list[tuple[str, str]]:
    """(label, "YYYY-MM") of the current campaign's months up to today, newest first; else the last 12 months."""
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.errors import ServiceError

    today = today or dt.date.today()
    try:
        months = periods.campaign_months(campaigns.require_current(), until=today)
    except ServiceError:
        months = []
    if not months:
        year, number = today.year, today.month
        for _ in range(12):
            months.insert(0, periods.month(year, number))
            year, number = (year - 1, 12) if number == 1 else (year, number - 1)
    return [(m.label, f"{m.start:%Y-%m}") for m in reversed(months)]


LAST_MONTH_UNTIL_DAY = 10  # up to the 10th, the report wanted is the month just finished


def default_month(today: dt.date | None = None) -> str:
    """"YYYY-MM" of the month a report is most likely wanted for: the running month, or in its first
    days (up to the 10th) the month just finished, which is the one due."""
    today = today or dt.date.today()
    if today.day <= LAST_MONTH_UNTIL_DAY:
        today = today.replace(day=1) - dt.timedelta(days=1)
    return f"{today:%Y-%m}"


class ReportOptionsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        from outreach_desk.services import clerk
        from outreach_desk.services import organisation as org

        super().__init__(parent)
        self.context = context
        self.setObjectName("reportOptions")
        self.setWindowTitle(self.tr("Monthly report"))
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        for label, value in month_choices():
            self.month.addItem(label, value)
        self.month.setCurrentIndex(max(0, self.month.findData(default_month())))
        from outreach_desk.ui.campaign.township_choice import TownshipChoice

        self.township = TownshipChoice(self, all_label=self.tr("All townships (the county's report)"), labelled=False)
        self._stored = org.office_identity()
        self.unit = QLineEdit(self._stored.unit, self)
        self.unit.setObjectName("unit")
        self.preparer = QLineEdit(self._stored.preparer or clerk.name(), self)
        self.preparer.setObjectName("preparer")
        self.reviewer = QLineEdit(self._stored.reviewer, self)
        self.reviewer.setObjectName("reviewer")
        self.unit.setMaxLength(200)
        for edit in (self.unit, self.preparer, self.reviewer):
            edit.setMinimumWidth(260)
        for edit in (self.preparer, self.reviewer):
            edit.setMaxLength(100)
        form = QFormLayout(self)
        if not self.township.isHidden():
            label = QLabel(self.tr("&Township:"), self)
            label.setBuddy(self.township.combo)
            form.addRow(label, self.township)
        form.addRow(self.tr("&Month:"), self.month)
        form.addRow(self.tr("Reporting &unit (填报单位):"), self.unit)
        form.addRow(self.tr("&Prepared by (填报人):"), self.preparer)
        form.addRow(self.tr("&Reviewed by (审核人):"), self.reviewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        self.preview = buttons.addButton(self.tr("Print pre&view…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview.setObjectName("printPreview")
        self.preview.setToolTip(self.tr("See the printed pages of the report and print them"))
        self.preview.clicked.connect(self._preview)
        self.preview_wanted = False
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.township.changed.connect(self._township_chosen)

    def township_id(self) -> int | None:
        """The township whose report is wanted; None: the only one, or every township."""
        return self.township.township_id()

    def _township_chosen(self) -> None:
        """The names on the form become the chosen township's (blank for the county's report of all)."""
        from outreach_desk.services import clerk
        from outreach_desk.services import organisation as org

        self._stored = org.office_identity(self.township_id())
        self.unit.setText(self._stored.unit)
        self.preparer.setText(self._stored.preparer or (clerk.name() if self.township_id() is not None else ""))
        self.reviewer.setText(self._stored.reviewer)

    def _preview(self) -> None:
        self.preview_wanted = True
        self.accept()

    def chosen_month(self) -> str:
        return str(self.month.currentData())

    def accept(self) -> None:
        """Store changed names with the township (audited), then close."""
        from outreach_desk.services import organisation as org
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.ui.shell.errors import show_exception

        typed = org.OfficeIdentity(self.unit.text().strip(), self.preparer.text().strip(),
                                   self.reviewer.text().strip())
        if typed != self._stored:
            try:
                if org.keep_office_identity(typed, self.township_id()):
                    self.context.data_changed.emit("organisation")
            except ServiceError as exc:
                show_exception(self, exc, "")
                return
        super().accept()

    def signatures(self):
        from outreach_desk.services.excel.report_form import Signatures

        return Signatures(self.unit.text().strip(), self.preparer.text().strip(), self.reviewer.text().strip())
