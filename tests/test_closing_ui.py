"""The window's side of the month-end close: the 报送本月 dialog (defaults, the month's state, the close run
in the background), the 报送记录 history with 重新打开…, and a save refused because its month is closed,
which says who closed it and when and offers to reopen it with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from outreach_desk.services import organisation as org
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.services.submission import closing
from outreach_desk.store.models import Activity
from outreach_desk.ui.submission import reopen
from outreach_desk.ui.submission.close_dialog import CloseMonthDialog, month_just_finished
from outreach_desk.ui.submission.history_dialog import SendingsDialog
from test_entry_form import context, form, settings_file  # noqa: F401 - fixtures
from test_entry_saving import press_enter
from waits import wait_until

D = dt.date


@pytest.fixture
def campaign(township):
    org.update_township(township["township"], preparer="王芳")
    campaigns.create(campaigns.CampaignInfo("冬季行动", D(2026, 10, 1), D(2027, 1, 31)))
    return township


@pytest.fixture
def informed(monkeypatch) -> list[str]:
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    return shown


def test_month_just_finished():
    assert (month_just_finished(D(2026, 12, 7)), month_just_finished(D(2027, 1, 31))) == ("2026-11", "2026-12")


def test_the_dialog_sends_and_closes_the_month_in_the_background(qtbot, campaign, context, tmp_path, informed):
    report = tmp_path / "平安镇_反诈宣传月报_2026-11.xlsx"
    report.write_bytes(b"report")
    dialog = CloseMonthDialog(context, today=D(2026, 12, 7))
    qtbot.addWidget(dialog)
    assert (dialog.chosen_month(), dialog.recipient.text(), dialog.clerk.text()) == ("2026-11", "县反诈中心", "王芳")
    assert "sending no. 1" in dialog.state.text()
    dialog.send_button.click()
    assert "Choose the report file" in dialog.problem.text() and not closing.is_closed(None, "2026-11")
    dialog.report.setText(str(report))
    dialog.recipient.setText("县联席办")
    dialog.send_button.click()
    wait_until(qtbot, lambda: dialog.result() == dialog.DialogCode.Accepted, "the month to be sent")
    assert closing.closed_info(None, "2026-11").recipient == "县联席办"
    assert "sending no. 1" in informed[0]
    again = CloseMonthDialog(context, today=D(2026, 12, 7))
    qtbot.addWidget(again)
    assert again.recipient.text() == "县联席办" and "sending no. 2" in again.state.text()
    assert "王芳" in again.state.text()


def test_the_history_lists_sendings_and_reopens_a_closed_month_with_a_reason(qtbot, campaign, context, monkeypatch):
    closing.close_month(None, "2026-11", report_sha256="0" * 64, recipient="县反诈中心", clerk="王芳")
    dialog = SendingsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 4).text() == "县反诈中心"
    assert not dialog.reopen_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.reopen_button.isEnabled()

    def give_reason(self):
        self.accept()  # no reason: refused, the dialog stays
        assert "why" in self.problem.text()
        self.reason.setPlainText("太平村补报宣讲会")
        self.accept()
        return self.result()

    monkeypatch.setattr(reopen.ReopenDialog, "exec", give_reason)
    dialog.reopen_button.click()
    assert not closing.is_closed(None, "2026-11")
    assert dialog.table.item(0, 10).text() == "reopened" and not dialog.reopen_button.isEnabled()
    assert closing.close_history(None, "2026-11")[0].reason == "太平村补报宣讲会"


def test_a_save_refused_by_a_closed_month_says_why_and_offers_to_reopen_it(qtbot, campaign, form, monkeypatch,
                                                                          informed):
    closing.close_month(None, "2026-11", report_sha256="0" * 64, recipient="县反诈中心", clerk="王芳")
    refusals = []

    def click_reopen(box):
        refusals.append(box.text())
        box.findChild(QPushButton, "reopenButton").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_reopen)

    def give_reason(self):
        self.reason.setPlainText("补录11月20日的横幅")
        self.accept()
        return self.result()

    monkeypatch.setattr(reopen.ReopenDialog, "exec", give_reason)
    form._fill(ActivityInput(date=D(2026, 11, 20), village_id=campaign["village1"],
                             kind_id=campaign["kinds"]["banner"], quantity=2))
    press_enter(qtbot, form)
    [message] = refusals
    assert "closed by 王芳" in message and "县反诈中心" in message and "Reopen the month" in message
    assert Activity.select().count() == 0
    assert not closing.is_closed(None, "2026-11") and "open again" in informed[-1]
    press_enter(qtbot, form)  # the clerk saves once more: the month is open now
    assert Activity.select().count() == 1
