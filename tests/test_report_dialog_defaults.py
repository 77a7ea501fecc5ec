"""The monthly report dialog offers what a clerk wants first: in the first days of a month the month just
finished (the one due), later the running month; 填报人 is the clerk's own name until one is stored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from outreach_desk.services import clerk
from outreach_desk.services import organisation as org
from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog, default_month
from outreach_desk.ui.shell.context import CLERK_NAME_KEY, AppContext


@pytest.mark.parametrize("today, month", [
    (dt.date(2026, 12, 7), "2026-11"),
    (dt.date(2026, 12, 1), "2026-11"),
    (dt.date(2026, 12, 10), "2026-11"),
    (dt.date(2026, 12, 11), "2026-12"),
    (dt.date(2027, 1, 5), "2026-12"),
    (dt.date(2026, 11, 30), "2026-11"),
])
def test_the_month_offered_first(today, month):
    assert default_month(today) == month


def test_the_dialog_starts_on_that_month_with_the_clerk_as_preparer(qtbot, db_path, store, tmp_path):
    org.add_township("平安镇", "平安镇综治办")
    settings = QSettings(str(tmp_path / "clerk.ini"), QSettings.Format.IniFormat)
    settings.setValue(CLERK_NAME_KEY, "王芳")  # as the settings dialog keeps it
    dialog = ReportOptionsDialog(AppContext(db_path, "en", settings=settings))
    qtbot.addWidget(dialog)
    assert dialog.chosen_month() == default_month()
    assert dialog.preparer.text() == "王芳"
    clerk.set_name("")
