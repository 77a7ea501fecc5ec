"""The awareness survey page driven as a clerk types survey slips: live rate, interval, refusals, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from test_entry_conflicts import shown  # noqa: F401 - fixture
from page_driving import context_with_settings, open_in_window, press, settle, type_count
from PySide6.QtCore import QDate, QLocale, Qt

from outreach_desk.services.coverage import surveys
from outreach_desk.services.coverage.surveys import SurveyInput
from outreach_desk.store.models import Survey
from outreach_desk.ui.records.survey_model import interval_text


@pytest.fixture
def context(db_path, tmp_path, qapp):
    return context_with_settings(db_path, tmp_path / "surveys.ini")


def open_page(qtbot, context):
    from outreach_desk.ui.records.survey_page import SurveyPage

    return open_in_window(qtbot, SurveyPage, context)


@pytest.fixture
def page(township, context, qtbot):
    _window, survey_page = open_page(qtbot, context)
    yield survey_page


def rows() -> list[dict]:
    return list(Survey.select().order_by(Survey.id).dicts())


def test_typing_a_slip_and_enter_saves_it_and_starts_the_next_with_village_and_date_kept(page, township, qtbot,
                                                                                       context):
    form = page.form
    form.date_edit.setDate(QDate(2026, 11, 12))
    form.village_combo.set_value(township["village1"])
    type_count(qtbot, form.respondents_edit, "120")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.aware_edit.hasFocus()  # Tab goes from respondents to the aware count
    qtbot.keyClicks(form.aware_edit, "99")
    assert form.rate_label.text() == "82.5% · 95% interval " + interval_text(surveys.wilson(99, 120))
    press(qtbot, Qt.Key.Key_Return)

    [row] = rows()
    assert (row["village"], row["date"], row["respondents"], row["aware"], row["method"]) == (
        township["village1"], dt.date(2026, 11, 12), 120, 99, "questionnaire")
    assert context.undo_stack.count() == 1
    # ready for the next slip: village and date kept, numbers cleared, cursor where the next slip differs
    assert form.editing_id is None
    assert form.village_combo.value() == (township["village1"], True)
    assert form.date_edit.date() == QDate(2026, 11, 12)
    assert form.respondents_edit.text() == form.aware_edit.text() == ""
    assert form.village_combo.hasFocus()
    settle(qtbot, page)
    assert page.list_model.rowCount() == 1
    assert page.list_model.text(0, "rate") == "82.5%"

    # the next slip, for the other village, from the keyboard only
    form.village_combo.set_value(township["village2"])
    type_count(qtbot, form.respondents_edit, "50")
    type_count(qtbot, form.aware_edit, "45")
    press(qtbot, Qt.Key.Key_Enter)
    assert [(r["village"], r["respondents"], r["aware"]) for r in rows()] == [
        (township["village1"], 120, 99), (township["village2"], 50, 45)]

    # a new form (the next session) starts from the remembered village and date
    from outreach_desk.ui.records.survey_form import SurveyForm

    again = SurveyForm(context)
    qtbot.addWidget(again)
    assert again.village_combo.value() == (township["village2"], True)
    assert again.date_edit.date() == QDate(2026, 11, 12)


def test_interval_and_hint_match_the_service_while_typing(page, qtbot):
    form = page.form
    type_count(qtbot, form.respondents_edit, "50")
    type_count(qtbot, form.aware_edit, "36")
    interval = surveys.wilson(36, 50)
    assert interval_text(interval) == f"{interval.low * 100:.1f}%–{interval.high * 100:.1f}%"
    assert form.rate_label.text() == f"72.0% · 95% interval {interval_text(interval)}"
    assert form.status_label.text() == "Below the 80% target (interval reaches it)"
    needed = surveys.respondents_needed(36 / 50)
    assert form.hint_label.text() == (f"A margin of ±5 points takes about {needed} questionnaires "
                                      f"({needed - 50} more)")


def test_aware_above_respondents_is_refused_beside_the_field_and_nothing_is_saved(page, township, qtbot, context):
    form = page.form
    form.village_combo.set_value(township["village1"])
    type_count(qtbot, form.respondents_edit, "40")
    type_count(qtbot, form.aware_edit, "41")
    expected = {e.field: e.message for e in surveys.validate(SurveyInput(township["village1"], dt.date.today(), 40,
                                                                         41))}["aware"]
    assert form.error_text("aware") == expected  # at once, while typing
    assert form.rate_label.text() == "—"
    press(qtbot, Qt.Key.Key_Return)
    assert rows() == []
    assert context.undo_stack.count() == 0
    assert form.error_text("aware") == expected
    assert form.aware_edit.hasFocus()
    # correcting the number takes the message away
    type_count(qtbot, form.aware_edit, "30")
    assert form.error_text("aware") == ""


@pytest.fixture
def chinese(qapp):
    from outreach_desk import i18n

    before = QLocale()
    i18n.install(qapp, "zh_CN")
    yield qapp
    i18n.install(qapp, "en")
    QLocale.setDefault(before)


def test_zero_respondents_shows_no_data_never_zero_percent(township, context, qtbot, chinese):
    _window, page = open_page(qtbot, context)
    form = page.form
    form.village_combo.set_value(township["village2"])
    type_count(qtbot, form.respondents_edit, "0")
    type_count(qtbot, form.aware_edit, "0")
    assert form.rate_label.text().startswith("无数据")
    assert "%" not in form.rate_label.text()
    assert form.hint_label.text() == f"误差控制在 ±5 个百分点约需 {surveys.respondents_needed(None)} 份问卷"
    press(qtbot, Qt.Key.Key_Return, form.aware_edit)
    [row] = rows()
    assert row["respondents"] == 0
    settle(qtbot, page)
    assert page.list_model.text(0, "rate") == "无数据"
    assert page.list_model.text(0, "interval") == "无数据"
    summary = page.summary_model
    village_row = summary.row_of(township["village2"])
    assert summary.text(village_row, "rate") == "无数据"


def test_undo_removes_the_survey_and_redo_brings_it_back(page, township, qtbot, context):
    form = page.form
    form.village_combo.set_value(township["village1"])
    type_count(qtbot, form.respondents_edit, "100")
    type_count(qtbot, form.aware_edit, "85")
    press(qtbot, Qt.Key.Key_Return)
    [first] = rows()
    first_id = first["id"]
    context.undo_stack.undo()
    assert rows() == []
    settle(qtbot, page)
    assert page.list_model.rowCount() == 0
    context.undo_stack.redo()
    [row] = rows()
    assert (row["respondents"], row["aware"]) == (100, 85)
    assert row["id"] == first_id                       # back under the id it was added with
    settle(qtbot, page)
    assert page.list_model.rowCount() == 1


def test_editing_a_stored_survey_through_the_form_then_undo_and_redo(page, township, qtbot, context):
    survey_id = surveys.add(SurveyInput(township["village1"], dt.date(2026, 11, 3), 60, 40, "phone", "集市"))
    context.data_changed.emit("survey")
    settle(qtbot, page)
    table = page.table
    table.doubleClicked.emit(page.list_model.index(page.list_model.row_of(survey_id), 0))
    form = page.form
    assert form.editing_id == survey_id
    assert form.respondents_edit.hasFocus()
    assert (form.respondents_edit.text(), form.aware_edit.text(), form.notes_edit.text()) == ("60", "40", "集市")
    type_count(qtbot, form.respondents_edit, "80")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.aware_edit, "70")
    press(qtbot, Qt.Key.Key_Return)
    stored = surveys.get(survey_id)
    assert (stored.respondents, stored.aware, stored.method, stored.notes) == (80, 70, "phone", "集市")
    assert form.editing_id is None
    context.undo_stack.undo()
    assert (surveys.get(survey_id).respondents, surveys.get(survey_id).aware) == (60, 40)
    context.undo_stack.redo()
    assert (surveys.get(survey_id).respondents, surveys.get(survey_id).aware) == (80, 70)


def test_delete_key_then_undo_keeps_later_edits_working(page, township, qtbot, context):
    """Undoing a delete puts the survey back under its own id; an edit undone and redone around it still finds it,
    and the audit trail keeps one history for it."""
    survey_id = surveys.add(SurveyInput(township["village2"], dt.date(2026, 11, 5), 30, 20))
    context.data_changed.emit("survey")
    settle(qtbot, page)
    page.open_record(survey_id)
    type_count(qtbot, page.form.aware_edit, "25")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot, page)
    page.table.select_record(survey_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert rows() == []
    context.undo_stack.undo()  # the survey is back, with the edited count
    [row] = rows()
    assert row["aware"] == 25 and row["id"] == survey_id
    from outreach_desk.services import audit

    assert [e.action for e in audit.history("survey", survey_id)] == [audit.CREATE, audit.UPDATE, audit.DELETE,
                                                                    audit.RESTORE]
    context.undo_stack.undo()  # the edit undone on the re-inserted survey
    assert [r["aware"] for r in rows()] == [20]
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert rows() == []


def test_village_filter_follows_the_organisation_tree_and_summary_pools_the_period(page, township, qtbot, context):
    surveys.add(SurveyInput(township["village1"], dt.date(2026, 11, 3), 100, 70))
    surveys.add(SurveyInput(township["village1"], dt.date(2026, 11, 20), 100, 90))
    surveys.add(SurveyInput(township["village2"], dt.date(2026, 11, 4), 10, 9))
    context.data_changed.emit("survey")
    settle(qtbot, page)
    assert page.list_model.rowCount() == 3
    summary = page.summary_model
    row = summary.row_of(township["village1"])
    assert summary.text(row, "rate") == "80.0%"  # 160 of 200, pooled
    assert summary.text(row, "interval") == interval_text(surveys.wilson(160, 200))
    context.scope_selected.emit(township["village2"], None)
    settle(qtbot, page)
    assert page.list_model.rowCount() == 1
    assert page.list_model.row_at(0).village_id == township["village2"]
    assert page.form.village_combo.value() == (township["village2"], True)
    context.scope_selected.emit(None, None)
    settle(qtbot, page)
    assert page.list_model.rowCount() == 3


def test_undo_taking_away_the_survey_being_edited_starts_a_new_one(page, township, qtbot, context):
    form = page.form
    form.village_combo.set_value(township["village1"])
    type_count(qtbot, form.respondents_edit, "20")
    type_count(qtbot, form.aware_edit, "18")
    press(qtbot, Qt.Key.Key_Return, form.aware_edit)
    [row] = rows()
    page.open_record(row["id"])
    assert form.editing_id == row["id"]
    context.undo_stack.undo()
    assert rows() == []
    assert form.editing_id is None
    assert form.info_text() == "The record you were editing no longer exists."


def test_with_a_campaign_the_list_and_summary_follow_the_chosen_period(township, context, qtbot, monkeypatch,
                                                                       qtmodeltester):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.ui.records import page as record_page

    monkeypatch.setattr(record_page, "today", lambda: dt.date(2026, 12, 15))
    campaigns.create(campaigns.CampaignInfo("冬季专项行动", dt.date(2026, 11, 1), dt.date(2027, 1, 31)))
    surveys.add(SurveyInput(township["village1"], dt.date(2026, 10, 20), 100, 10))  # before the campaign
    surveys.add(SurveyInput(township["village1"], dt.date(2026, 11, 10), 100, 90))
    surveys.add(SurveyInput(township["village1"], dt.date(2026, 12, 5), 100, 70))
    _window, page = open_page(qtbot, context)
    assert page.no_campaign_label.isHidden() and not page.picker.isHidden()
    assert page.list_model.rowCount() == 2  # campaign to date: 11-01 to 12-15
    summary = page.summary_model
    assert summary.text(summary.row_of(township["village1"]), "rate") == "80.0%"
    assert "2026-11-01" in page.summary_title.text() and "2026-12-15" in page.summary_title.text()
    page.picker.set_period(periods.month(2026, 12))
    settle(qtbot, page)
    assert [r.date for r in page.list_model.rows()] == [dt.date(2026, 12, 5)]
    assert summary.text(summary.row_of(township["village1"]), "rate") == "70.0%"
    assert summary.text(summary.row_of(township["village2"]), "rate") == "No data"
    qtmodeltester.check(page.list_model)
    qtmodeltester.check(summary)


def test_in_a_county_database_the_period_follows_the_chosen_villages_township(township, context, qtbot, monkeypatch):
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.ui.records import page as record_page

    monkeypatch.setattr(record_page, "today", lambda: dt.date(2026, 12, 15))
    campaigns.create(campaigns.CampaignInfo("冬季专项行动", dt.date(2026, 11, 1), dt.date(2027, 1, 31)))
    other = organisation.add_township("城关镇")
    far = organisation.add_village(other, "城东社区")
    spring = campaigns.create(campaigns.CampaignInfo("城关秋季行动", dt.date(2026, 9, 1), dt.date(2026, 12, 31),
                                                     township_id=other))
    _window, page = open_page(qtbot, context)
    assert page.picker.campaign().township_id == township["township"]
    page.set_area(("village", far))
    settle(qtbot, page)
    assert page.picker.campaign().id == spring
    page.set_area(("village", township["village1"]))
    settle(qtbot, page)
    assert page.picker.campaign().township_id == township["township"]


def test_a_survey_another_clerk_saved_meanwhile_shows_both_and_edit_again_keeps_the_typing(
        page, township, qtbot, context, shown):
    from outreach_desk.services import clerk
    from outreach_desk.ui.entry import conflict_dialog

    shown.choose(conflict_dialog.EDIT_AGAIN)
    survey_id = surveys.add(SurveyInput(township["village1"], dt.date(2026, 11, 3), 60, 40, "phone", ""))
    context.data_changed.emit("survey")
    settle(qtbot, page)
    page.table.doubleClicked.emit(page.list_model.index(page.list_model.row_of(survey_id), 0))
    form = page.form
    clerk.set_name("李四")
    surveys.update(survey_id, SurveyInput(township["village1"], dt.date(2026, 11, 3), 60, 50, "phone", "李四复核"),
                   expected_version=1)
    clerk.set_name("")
    type_count(qtbot, form.respondents_edit, "80")
    press(qtbot, Qt.Key.Key_Return)
    dialog, = shown
    assert sorted(dialog.differing) == ["aware", "notes", "respondents"]
    assert [dialog.table.item(surveys.COMPARED_FIELDS.index("respondents"), c).text() for c in (1, 2)] == ["60", "80"]
    assert (surveys.get(survey_id).aware, surveys.get(survey_id).version) == (50, 2)
    assert form.editing_id == survey_id  # the typing kept, theirs where the clerk left the fields alone
    assert (form.respondents_edit.text(), form.aware_edit.text(), form.notes_edit.text()) == ("80", "50", "李四复核")
    press(qtbot, Qt.Key.Key_Return)
    stored = surveys.get(survey_id)
    assert (stored.respondents, stored.aware, stored.notes, stored.version) == (80, 50, "李四复核", 3)
    assert len(shown) == 1 and form.editing_id is None
