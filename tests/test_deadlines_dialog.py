"""The report deadlines dialog on a real store: every occurrence with its state (overdue in red until
marked sent), marking one sent on a chosen day and taking the mark back; the month-end close marks the
month's monthly reports itself."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from outreach_desk.services.coverage import campaigns, deadlines
from outreach_desk.ui.campaign.deadlines_dialog import DeadlinesDialog

D = dt.date
TODAY = D(2026, 12, 7)


@pytest.fixture
def context(store, qapp):
    from outreach_desk.ui.shell.context import AppContext

    return AppContext(store.database)


@pytest.fixture
def campaign_id(store):
    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "冬季行动", D(2026, 10, 1), D(2026, 12, 31), deadlines=[
            campaigns.DeadlineInfo("月报", D(2026, 11, 5), repeats="monthly"),
            campaigns.DeadlineInfo("总结", D(2027, 1, 10))]), with_default_rules=False)
    campaigns.set_current(campaign_id)
    return campaign_id


def _rows(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _select(dialog, label: str) -> None:
    dialog.table.selectRow(next(r for r, row in enumerate(_rows(dialog)) if row[0] == label))


def test_each_occurrence_shows_its_state_and_overdue_ones_are_red(qtbot, context, campaign_id):
    dialog = DeadlinesDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    assert [r[:2] for r in rows] == [["月报 (2026-10)", "2026-11-05"], ["月报 (2026-11)", "2026-12-05"],
                                     ["月报 (2026-12)", "2027-01-05"], ["总结", "2027-01-10"]]
    assert [r[2] for r in rows] == ["Overdue by 32 day(s)", "Overdue by 2 day(s)", "Due in 29 day(s)",
                                    "Due in 34 day(s)"]
    assert dialog.table.item(0, 0).foreground().color().name() == "#c62828"
    assert dialog.table.item(2, 0).foreground().color().name() != "#c62828"
    assert "2 report(s) overdue" in dialog.summary.text()
    assert dialog.table.currentRow() == 0 and dialog.mark_button.isEnabled()
    assert not dialog.unmark_button.isEnabled()


def test_marking_sent_on_a_chosen_day_and_undoing_it(qtbot, context, campaign_id):
    changes = []
    context.data_changed.connect(changes.append)
    dialog = DeadlinesDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    _select(dialog, "月报 (2026-11)")
    asked = dialog.ask_mark()
    assert asked.date_edit.maximumDate() == QDate.currentDate(), "a report cannot be sent in the future"
    asked.date_edit.setDate(QDate(2026, 12, 4))
    asked.accept()

    occurrence = next(o for o in deadlines.occurrences(campaigns.get(campaign_id)) if o.month == "2026-11")
    assert occurrence.sent_on == D(2026, 12, 4)
    row = _rows(dialog)[1]
    assert row[2:] == ["Sent", "2026-12-04"] and dialog.table.currentRow() == 1
    assert dialog.unmark_button.isEnabled() and not dialog.mark_button.isEnabled()
    assert "1 report(s) overdue" in dialog.summary.text() and changes == ["campaign"]

    assert dialog.unmark_selected()
    assert next(o for o in deadlines.occurrences(campaigns.get(campaign_id)) if o.month == "2026-11").sent_on is None
    assert _rows(dialog)[1][2] == "Overdue by 2 day(s)"


def test_without_a_current_campaign_the_dialog_says_where_deadlines_are_set(qtbot, context):
    dialog = DeadlinesDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and "no current campaign" in dialog.summary.text()
    assert not dialog.mark_button.isEnabled() and dialog.ask_mark() is None


def test_closing_a_month_marks_that_months_monthly_report_sent(tmp_path, campaign_id):
    from outreach_desk.services import organisation
    from outreach_desk.services.submission import closing

    organisation.add_township("平安镇")
    report = tmp_path / "月报.xlsx"
    report.write_bytes(b"the report")
    closing.close_month(None, "2026-11", report_path=report, recipient="县反诈中心", clerk="王芳")
    sent = {o.month: o.sent_on for o in deadlines.occurrences(campaigns.get(campaign_id))}
    assert sent["2026-11"] == dt.date.today() and sent["2026-10"] is None and sent["2027-01"] is None
    closing.close_month(None, "2026-11", report_sha256="0" * 64, recipient="县反诈中心", clerk="王芳")
    assert len([o for o in deadlines.occurrences(campaigns.get(campaign_id)) if o.sent_on]) == 1


def test_a_document_sent_by_its_attached_file_is_not_unmarked_here(qtbot, context, campaign_id, tmp_path,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from outreach_desk.services.submission import documents

    summary = tmp_path / "总结.docx"
    summary.write_text("总结", encoding="utf-8")
    documents.attach(documents.find("总结", campaigns.get(campaign_id)), [summary], at=dt.datetime(2026, 12, 6, 9))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    dialog = DeadlinesDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    _select(dialog, "总结")
    assert _rows(dialog)[3][2:] == ["Sent", "2026-12-06"] and dialog.unmark_button.isEnabled()
    assert not dialog.unmark_selected()
    assert "Document archive" in told[0] and _rows(dialog)[3][2] == "Sent"


def test_in_a_county_database_it_shows_the_chosen_townships_deadlines(qtbot, context):
    from outreach_desk.services import organisation

    pingan, qingshi = organisation.add_township("平安镇"), organisation.add_township("青石镇")
    for township, deadline in ((pingan, campaigns.DeadlineInfo("月报", D(2026, 11, 5), repeats="monthly")),
                               (qingshi, campaigns.DeadlineInfo("总结", D(2027, 1, 10)))):
        campaigns.create(campaigns.CampaignInfo("冬季行动", D(2026, 10, 1), D(2026, 12, 31), township_id=township,
                                                deadlines=[deadline]), with_default_rules=False)
    dialog = DeadlinesDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.township.isVisibleTo(dialog) and dialog.township.township_id() == pingan
    assert [row[0] for row in _rows(dialog)] == ["月报 (2026-10)", "月报 (2026-11)", "月报 (2026-12)"]
    dialog.township.combo.setCurrentIndex(dialog.township.combo.findData(qingshi))
    assert [row[0] for row in _rows(dialog)] == ["总结"]


def test_with_one_township_there_is_no_township_to_choose(qtbot, context, campaign_id):
    dialog = DeadlinesDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.township.isHidden() and dialog.township.township_id() is None and _rows(dialog)


def test_a_close_without_a_campaign_marks_nobody_elses_deadline(campaign_id):
    assert deadlines.mark_month_sent(None, "2026-11") == []
    assert not any(o.sent_on for o in deadlines.occurrences(campaigns.get(campaign_id)))
    marked = deadlines.mark_month_sent(campaigns.get(campaign_id), "2026-11", D(2026, 12, 3))
    assert [(o.month, o.due) for o in marked] == [("2026-11", D(2026, 12, 5))]
