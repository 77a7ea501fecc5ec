"""Choosing what goes on the monthly report: the month and the names on the form.

The names are kept in the settings (``report/unit``, ``report/preparer``, ``report/reviewer``),
the same keys ``outreach-desk report`` reads, so the clerk types them once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from outreach_desk.ui.shell.context import AppContext

SETTINGS_KEYS = {"unit": "report/unit", "preparer": "report/preparer", "reviewer": "report/reviewer"}


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


class ReportOptionsDialog(QDialog):
    def __init__(self, context: AppContext, default_unit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("reportOptions")
        self.setWindowTitle(self.tr("Monthly report"))
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        for label, value in month_choices():
            self.month.addItem(label, value)
        settings = context.settings
        self.unit = QLineEdit(str(settings.value(SETTINGS_KEYS["unit"], "") or default_unit), self)
        self.unit.setObjectName("unit")
        self.preparer = QLineEdit(str(settings.value(SETTINGS_KEYS["preparer"], "") or ""), self)
        self.preparer.setObjectName("preparer")
        self.reviewer = QLineEdit(str(settings.value(SETTINGS_KEYS["reviewer"], "") or ""), self)
        self.reviewer.setObjectName("reviewer")
        for edit in (self.unit, self.preparer, self.reviewer):
            edit.setMaxLength(100)
            edit.setMinimumWidth(260)
        form = QFormLayout(self)
        form.addRow(self.tr("&Month:"), self.month)
        form.addRow(self.tr("Reporting &unit (填报单位):"), self.unit)
        form.addRow(self.tr("&Prepared by (填报人):"), self.preparer)
        form.addRow(self.tr("&Reviewed by (审核人):"), self.reviewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_month(self) -> str:
        return str(self.month.currentData())

    def accept(self) -> None:
        settings = self.context.settings
        for key, edit in (("unit", self.unit), ("preparer", self.preparer), ("reviewer", self.reviewer)):
            settings.setValue(SETTINGS_KEYS[key], edit.text().strip())
        super().accept()

    def signatures(self):
        from outreach_desk.services.excel.report_form import Signatures

        return Signatures(self.unit.text().strip(), self.preparer.text().strip(), self.reviewer.text().strip())
