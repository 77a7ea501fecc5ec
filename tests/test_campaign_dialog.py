"""The campaign editor on a real store: create through the form, phases following the dates,
refusals shown beside the fields with nothing saved, set as current, delete confirmed or refused."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget

from outreach_desk.services.coverage import campaigns, rules
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.ui.campaign.actions import CampaignActions
from outreach_desk.ui.campaign.dialog import CampaignDialog
from waits import WAIT_MS

D = dt.date


@pytest.fixture
def context(store, qapp):
    from outreach_desk.ui.shell.context import AppContext

    return AppContext(store.database)


@pytest.fixture
def dialog(qtbot, context):
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def commit_text(widget, text: str) -> None:
    """Type text the way a Pinyin input method delivers it (keyClicks cannot send non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def set_dates(form, start: D, end: D) -> None:
    form.start_edit.setDate(QDate(start))
    form.end_edit.setDate(QDate(end))


def add_campaign(name: str, start: D, end: D, **extra) -> int:
    return campaigns.create(CampaignInfo(name=name, start=start, end=end, phases=campaigns.default_phases(start, end),
                                         **extra))


def table_texts(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_new_campaign_typed_in_the_form_is_stored_with_default_phases_and_rules(qtbot, dialog, context):
    changes = []
    context.data_changed.connect(changes.append)
    form = dialog.new_campaign()
    qtbot.waitExposed(form)
    commit_text(form.name_edit, "2026年冬季反诈宣传专项行动")
    qtbot.keyClicks(form.theme_edit, "Winter 2026")
    set_dates(form, D(2026, 7, 1), D(2026, 12, 31))

    phases = form.phases.rows()
    assert [row[1:] for row in phases] == [[p.start, p.end] for p in campaigns.default_phases(D(2026, 7, 1),
                                                                                               D(2026, 12, 31))]
    assert len(phases) == 3 and phases[0][0] == campaigns.default_phases(D(2026, 7, 1), D(2026, 12, 31))[0].name

    form.deadlines.add_button.click()
    editor = form.deadlines.table.viewport().findChild(QLineEdit)
    assert editor is not None, "a new deadline row opens its title for typing"
    commit_text(editor, "月报")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.deadlines.rows()[0][0] == "月报", timeout=WAIT_MS)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)

    assert form.result() == form.DialogCode.Accepted
    stored = campaigns.find("2026年冬季反诈宣传专项行动")
    assert stored.theme == "Winter 2026"
    assert (stored.start, stored.end) == (D(2026, 7, 1), D(2026, 12, 31))
    assert [(p.name, p.start, p.end) for p in stored.phases] == [(n, s, e) for n, s, e in phases]
    assert [(d.title, d.due) for d in stored.deadlines] == [("月报", D(2026, 12, 31))]
    assert stored.is_current, "the first campaign becomes the current one"
    assert {r.key for r in rules.list_rules(stored.id)} == {r.key for r in rules.default_rules()}
    assert table_texts(dialog)[0][:3] == ["2026年冬季反诈宣传专项行动", "2026-07-01", "2026-12-31"]
    assert table_texts(dialog)[0][3] != ""
    assert "campaign" in changes


def test_phases_stop_following_the_dates_once_edited(qtbot, dialog):
    form = dialog.new_campaign()
    set_dates(form, D(2026, 1, 1), D(2026, 12, 31))
    form.phases.table.item(0, 0).setText("宣传发动")
    set_dates(form, D(2026, 3, 1), D(2026, 12, 31))
    assert form.phases.rows()[0] == ["宣传发动", D(2026, 1, 1), campaigns.default_phases(D(2026, 1, 1),
                                                                                      D(2026, 12, 31))[0].end]


def test_end_before_start_is_refused_beside_the_field_and_nothing_is_saved(qtbot, dialog):
    form = dialog.new_campaign()
    qtbot.keyClicks(form.name_edit, "Spring push")
    set_dates(form, D(2026, 6, 30), D(2026, 3, 1))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    error = form.findChild(QLabel, "error_end")
    assert error is not None and error.isVisible()
    assert "2026-03-01" in error.text() and "2026-06-30" in error.text()
    assert campaigns.list_campaigns() == []


def test_phase_outside_the_period_is_marked_on_its_row(qtbot, dialog):
    form = dialog.new_campaign()
    qtbot.keyClicks(form.name_edit, "Summer")
    set_dates(form, D(2026, 7, 1), D(2026, 12, 31))
    form.phases.table.item(2, 2).setData(Qt.ItemDataRole.EditRole, QDate(2027, 1, 31))
    assert not form.save()

    error = form.findChild(QLabel, "error_phases")
    assert error.isVisible() and "2027-01-31" in error.text()
    assert form.phases.table.item(2, 0).toolTip() == error.text()
    assert form.phases.table.item(0, 0).toolTip() == ""
    assert campaigns.list_campaigns() == []


def test_duplicate_name_is_refused_beside_the_name(qtbot, context):
    add_campaign("Autumn", D(2026, 9, 1), D(2026, 11, 30))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    form = dialog.new_campaign()
    qtbot.keyClicks(form.name_edit, "Autumn")
    assert not form.save()
    assert "Autumn" in form.findChild(QLabel, "error_name").text()
    assert len(campaigns.list_campaigns()) == 1


def test_edit_changes_the_stored_campaign_and_keeps_its_rules(qtbot, context):
    campaign_id = add_campaign("Autumn", D(2026, 7, 1), D(2026, 12, 31), theme="old")
    rules.set_enabled(rules.list_rules(campaign_id)[0].id, False)
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    dialog.select(campaign_id)
    form = dialog.edit_current()
    assert form.name_edit.text() == "Autumn" and len(form.phases.rows()) == 3
    form.theme_edit.clear()
    qtbot.keyClicks(form.theme_edit, "new theme")
    form.end_edit.setDate(QDate(2027, 1, 31))
    assert len(form.phases.rows()) == 3 and form.phases.rows()[2][2] == D(2026, 12, 31), \
        "an existing campaign's phases are not rewritten when its dates change"
    qtbot.keyClick(form.end_edit, Qt.Key.Key_Enter)  # Enter in a date field saves too

    stored = campaigns.get(campaign_id)
    assert (stored.theme, stored.end) == ("new theme", D(2027, 1, 31))
    assert not rules.list_rules(campaign_id)[0].enabled


def test_set_as_current(qtbot, context):
    first = add_campaign("First", D(2026, 1, 1), D(2026, 6, 30))
    second = add_campaign("Second", D(2026, 7, 1), D(2026, 12, 31))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.current_button.isEnabled(), "the current campaign is selected at first"
    dialog.select(second)
    changes = []
    context.data_changed.connect(changes.append)
    qtbot.mouseClick(dialog.current_button, Qt.MouseButton.LeftButton)
    assert campaigns.current().id == second
    assert not campaigns.get(first).is_current
    rows = {row[0]: row[3] for row in table_texts(dialog)}
    assert rows["Second"] and not rows["First"]
    assert changes == ["campaign"]


def test_delete_asks_first_and_the_answer_no_keeps_it(qtbot, context, monkeypatch):
    campaign_id = add_campaign("Keep me", D(2026, 1, 1), D(2026, 6, 30))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert not dialog.delete_current()
    assert "Keep me" in asked[0]
    assert campaigns.get(campaign_id).name == "Keep me"


def test_delete_confirmed_removes_campaign_and_rules(qtbot, context, monkeypatch):
    old = add_campaign("Old", D(2025, 1, 1), D(2025, 6, 30))
    add_campaign("New", D(2026, 1, 1), D(2026, 6, 30))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    dialog.select(old)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.delete_current()
    assert [c.name for c in campaigns.list_campaigns()] == ["New"]
    assert rules.list_rules(old) == []
    assert campaigns.current().name == "New", "the current campaign moves to the newest one"
    assert [row[0] for row in table_texts(dialog)] == ["New"]


def test_delete_refused_by_the_service_is_shown(qtbot, context, monkeypatch):
    campaign_id = add_campaign("Gone", D(2026, 1, 1), D(2026, 6, 30))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    campaigns.delete(campaign_id)  # deleted elsewhere while the dialog was open
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert not dialog.delete_current()
    assert warnings == ["The campaign no longer exists."]
    assert dialog.table.rowCount() == 0


def test_menu_actions_open_the_editors(qtbot, context):
    add_campaign("Now", D(2026, 1, 1), D(2026, 12, 31))
    window = QWidget()
    qtbot.addWidget(window)
    actions = CampaignActions(context, window)
    assert [a.objectName() for a in actions.actions()] == ["campaigns", "targetRules", "reportDeadlines"]
    actions.campaigns_action.trigger()
    assert isinstance(actions.dialog, CampaignDialog) and actions.dialog.table.rowCount() == 1
    actions.dialog.close()
    actions.rules_action.trigger()
    assert actions.dialog.objectName() == "rulesEditor"
    assert actions.dialog.model.rowCount() == len(rules.default_rules())


def test_a_monthly_deadline_keeps_repeating_and_its_marks_through_an_edit_in_the_form(qtbot, context):
    from outreach_desk.services.coverage import deadlines

    campaign_id = add_campaign("Winter", D(2026, 10, 1), D(2026, 12, 31), deadlines=[
        campaigns.DeadlineInfo("月报", D(2026, 11, 5), repeats="monthly"),
        campaigns.DeadlineInfo("总结", D(2027, 1, 10))])
    deadlines.mark_deadline_sent(deadlines.monthly_deadlines(campaigns.get(campaign_id))[0], "2026-10", D(2026, 11, 3))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    dialog.select(campaign_id)
    form = dialog.edit_current()
    assert form.deadlines.rows() == [["月报", D(2026, 11, 5), True], ["总结", D(2027, 1, 10), False]]
    form.deadlines.table.item(1, 2).setCheckState(Qt.CheckState.Checked)   # the clerk ticks 每月 on 总结
    form.deadlines.add_button.click()
    form.deadlines.table.item(2, 0).setText("半年总结")
    form.save_button.click()
    assert not form.isVisible()

    stored = campaigns.get(campaign_id)
    assert sorted((d.title, d.repeats) for d in stored.deadlines) == sorted([
        ("月报", "monthly"), ("总结", "monthly"), ("半年总结", "")])
    sent = [(o.label, o.sent_on) for o in deadlines.occurrences(stored) if o.sent_on]
    assert sent == [("月报 (2026-10)", D(2026, 11, 3))], "the edit kept the mark of October's report"


def test_in_a_county_database_the_list_names_each_township_and_copies_a_campaign_to_one(qtbot, context):
    from outreach_desk.services import organisation

    pingan, qingshi = organisation.add_township("平安镇"), organisation.add_township("青石镇")
    own = add_campaign("冬季行动", D(2026, 11, 1), D(2027, 1, 31), township_id=pingan)
    add_campaign("全县行动", D(2026, 11, 1), D(2027, 1, 31))
    dialog = CampaignDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.table.isColumnHidden(4) and dialog.copy_button.isVisibleTo(dialog)
    assert {row[0]: row[4] for row in table_texts(dialog)} == {"冬季行动": "平安镇", "全县行动": "County (shared)"}
    dialog.select(own)
    copy = dialog.copy_selected()
    assert copy.source.currentData() == own and copy.target.isEnabled()
    copy.target.setCurrentIndex(copy.target.findData(qingshi))
    copy.accept()
    copied = campaigns.current(qingshi)
    assert (copied.name, copied.township_id) == ("冬季行动", qingshi) and copied.id != own
    assert [row[4] for row in table_texts(dialog)].count("青石镇") == 1
    assert dialog.selected().id == copied.id


def test_in_a_county_database_a_new_campaign_is_made_for_the_township_chosen(qtbot, dialog, context):
    from outreach_desk.services import organisation

    organisation.add_township("平安镇")
    qingshi = organisation.add_township("青石镇")
    form = dialog.new_campaign()
    assert form.township_combo.isVisibleTo(form) and form.township_combo.currentData() is None
    form.township_combo.setCurrentIndex(form.township_combo.findData(qingshi))
    commit_text(form.name_edit, "青石镇冬季行动")
    set_dates(form, D(2026, 11, 1), D(2027, 1, 31))
    assert form.save()
    assert campaigns.current(qingshi).name == "青石镇冬季行动"
    assert not dialog.new_campaign().township_combo.isHidden() and not CampaignDialog(context).table.isColumnHidden(4)
    edit = dialog._open_form(campaigns.current(qingshi))
    assert edit.township_combo.currentData() == qingshi and not edit.township_combo.isEnabled()


def test_with_one_township_the_list_and_the_form_do_not_speak_of_townships(qtbot, dialog):
    from outreach_desk.services import organisation

    organisation.add_township("平安镇")
    dialog.reload()
    form = dialog.new_campaign()
    assert dialog.table.isColumnHidden(4) and not dialog.copy_button.isVisibleTo(dialog)
    assert form.township_combo.isHidden()
