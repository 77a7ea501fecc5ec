"""One office setting names where the month goes (报送单位): Preferences sets it, the close and package dialogs
propose it and keep the one a sending used, the 总结 is addressed to it, and ``close`` without --to uses it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from outreach_desk.services.coverage import periods
from outreach_desk.services.submission import closing, recipient, summary_docx
from outreach_desk.services.supervision import bulletin
from outreach_desk.ui.settings.dialog import SettingsDialog
from outreach_desk.ui.submission.close_dialog import CloseMonthDialog
from outreach_desk.ui.submission.package_dialog import PackageDialog
from test_coverage_engine import build_town
from test_entry_form import context, settings_file  # noqa: F401 - fixtures


@pytest.fixture
def town(store):
    return build_town()


def _salutation() -> str:
    month = periods.parse_month("2026-10")
    return summary_docx.build(bulletin.draft(month, date=dt.date(2026, 11, 3)), month, None, []).recipients


def _proposed(qtbot, context) -> tuple[str, str]:  # noqa: F811 - fixture
    close, package = CloseMonthDialog(context), PackageDialog(context)
    qtbot.addWidget(close)
    qtbot.addWidget(package)
    return close.recipient.text(), package.recipient.text()


def test_the_default_office_is_proposed_and_addresses_the_summary(town, qtbot, context):  # noqa: F811
    assert recipient.office_recipient() == "县反诈中心"
    assert _proposed(qtbot, context) == ("县反诈中心", "县反诈中心") and _salutation() == "To 县反诈中心:"


def test_preferences_and_a_sending_set_the_one_office_both_dialogs_and_the_summary_use(town, qtbot, context,  # noqa
                                                                                     tmp_path, monkeypatch):
    preferences = SettingsDialog(context)
    qtbot.addWidget(preferences)
    preferences.recipient_edit.setText("  县打击治理电信网络诈骗  联席办 ")
    preferences.save()
    assert _proposed(qtbot, context) == ("县打击治理电信网络诈骗 联席办",) * 2
    assert _salutation() == "To 县打击治理电信网络诈骗 联席办:"
    report = tmp_path / "十月.xlsx"
    report.write_bytes(b"report")
    close = CloseMonthDialog(context)
    qtbot.addWidget(close)
    close.month.setCurrentIndex(close.month.findData("2026-10"))
    close.report.setText(str(report))
    close.recipient.setText("县反诈中心")
    sent = []
    close.accepted.connect(lambda: sent.append(True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    close.send()
    qtbot.waitUntil(lambda: bool(sent), timeout=30_000)
    assert recipient.office_recipient() == "县反诈中心" and _salutation() == "To 县反诈中心:"


def test_close_without_to_sends_to_the_office(town, db_path, tmp_path, capsys, qapp):
    from outreach_desk.cli import main
    from outreach_desk.store import close_database, open_database

    recipient.keep_office_recipient("县联席办")
    report = tmp_path / "十月.xlsx"
    report.write_bytes(b"report")
    close_database()
    assert main(["--db", str(db_path), "close", "--month", "2026-10", "--report", str(report)]) == 0
    assert "县联席办" in capsys.readouterr().out
    open_database(db_path)
    assert closing.closed_info(None, "2026-10").recipient == "县联席办"
