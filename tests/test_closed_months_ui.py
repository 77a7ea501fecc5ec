"""A sent month in the window: the ledger greys its records with a tooltip naming the sending that closed it,
and the import preview of a file with rows in it offers 重新打开… (reason asked), then checks the file again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from excel_samples import fill_template, good_activity
from outreach_desk.services import ledger
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.excel import template
from outreach_desk.services.submission import closing
from outreach_desk.ui.excel.import_dialog import ImportDialog
from outreach_desk.ui.ledger.model import CLOSED_COLOR, LedgerModel
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.submission import reopen

D = dt.date


@pytest.fixture
def town(township):
    campaigns.create(campaigns.CampaignInfo("冬季行动", D(2026, 10, 1), D(2027, 1, 31)))
    for day in (D(2026, 10, 20), D(2026, 11, 3)):
        ledger.create(ledger.ActivityInput(day, township["village1"], township["kinds"]["banner"]))
    closing.close_month(None, "2026-10", report_sha256="0" * 64, recipient="县反诈中心", clerk="王芳")
    return township


@pytest.fixture
def context(db_path, tmp_path, qapp):
    return AppContext(db_path, "en", settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def _cells(model, role):
    return {model.row_data(r).date.isoformat(): model.index(r, 0).data(role) for r in range(model.rowCount())}


def test_records_of_a_sent_month_are_greyed_with_the_sending_that_closed_it(town, qapp):
    model = LedgerModel()
    model.load()
    colours = _cells(model, Qt.ItemDataRole.ForegroundRole)
    assert colours["2026-10-20"].color() == CLOSED_COLOR and colours["2026-11-03"] is None
    tips = _cells(model, Qt.ItemDataRole.ToolTipRole)
    assert "sending no. 1" in tips["2026-10-20"] and "县反诈中心" in tips["2026-10-20"] and "王芳" in tips["2026-10-20"]
    assert tips["2026-11-03"] is None
    closing.reopen_month(None, "2026-10", reason="太平村补报", clerk="王芳")
    model.refresh()
    assert _cells(model, Qt.ItemDataRole.ForegroundRole)["2026-10-20"] is None


def test_the_import_preview_offers_to_reopen_the_closed_month_then_checks_again(town, context, qtbot, tmp_path,
                                                                               monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    blank = template.make_template(tmp_path / "录入表.xlsx", town["township"])
    filled = fill_template(blank, tmp_path / "补报.xlsx", activities=[good_activity(日期=D(2026, 10, 28))])
    dialog = ImportDialog(context, filled)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    assert not dialog.plan.ok and not dialog.import_button.isEnabled()
    assert dialog.reopen_button.isVisible() and "2026" in dialog.reopen_button.text()
    asked = []

    def give_reason(parent, closed):
        asked.append(closed.month)
        closing.reopen_month(closed.township_id, closed.month, reason="太平村补报宣讲会", clerk="王芳")
        return True

    monkeypatch.setattr(reopen, "ask_reopen", give_reason)
    dialog.reopen_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    assert asked == ["2026-10"] and dialog.plan.ok and dialog.import_button.isEnabled()
    assert not dialog.reopen_button.isVisible() and not closing.is_closed(None, "2026-10")
