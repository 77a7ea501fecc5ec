"""The parent-letter page driven as a clerk types letter slips: live signed rate, refusals, school summary, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from test_entry_conflicts import shown  # noqa: F401 - fixture
from page_driving import context_with_settings, open_in_window, press, settle, type_count
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush

from outreach_desk.services import organisation as org
from outreach_desk.services.coverage import letters
from outreach_desk.services.coverage.letters import LetterInput
from outreach_desk.store.models import ParentLetter
from outreach_desk.ui.records.letters_model import SHORT_ROW_COLOUR
from outreach_desk.ui.records.table import MET_COLOUR, SHORT_COLOUR


@pytest.fixture
def context(db_path, tmp_path, qapp):
    return context_with_settings(db_path, tmp_path / "letters.ini")


@pytest.fixture
def schools(township):
    second = org.add_site(township["village2"], "幸福中学", "school", students=500, classes=10)
    return {"green": township["school"], "happy": second}


@pytest.fixture
def page(schools, context, qtbot):
    from outreach_desk.ui.records.letters_page import LettersPage

    _window, letters_page = open_in_window(qtbot, LettersPage, context)
    yield letters_page


def rows() -> list[dict]:
    return list(ParentLetter.select().order_by(ParentLetter.id).dicts())


def background(model, row: int, key: str):
    brush = model.index(row, model.column_of(key)).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color() if isinstance(brush, QBrush) else None


def test_typing_a_slip_saves_it_and_starts_the_next_on_the_same_school(page, schools, qtbot, context):
    form = page.form
    form.date_edit.setDate(QDate(2026, 11, 10))
    form.school_combo.set_value(schools["green"])
    assert form.students_edit.text() == "300"  # the school's students, for a whole-school batch
    type_count(qtbot, form.issued_edit, "300")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.signed_edit.hasFocus()
    qtbot.keyClicks(form.signed_edit, "276")
    assert form.rate_label.text() == "92.0% (target 100%)"
    assert form.missing_label.text() == "Not yet signed: 24 · not yet issued: 0"
    press(qtbot, Qt.Key.Key_Return)

    [row] = rows()
    assert (row["site"], row["date"], row["class_name"], row["students"], row["issued"], row["signed"]) == (
        schools["green"], dt.date(2026, 11, 10), "", 300, 300, 276)
    assert context.undo_stack.count() == 1
    assert form.editing_id is None
    assert form.school_combo.value() == (schools["green"], True)
    assert form.date_edit.date() == QDate(2026, 11, 10)
    assert form.issued_edit.text() == form.signed_edit.text() == ""
    assert form.school_combo.hasFocus()
    settle(qtbot, page)
    assert page.list_model.text(0, "rate") == "92.0%"
    assert page.list_model.text(0, "not_signed") == "24"


def test_signed_above_issued_is_refused_beside_the_field_and_nothing_is_saved(page, schools, qtbot, context):
    form = page.form
    form.school_combo.set_value(schools["happy"])
    type_count(qtbot, form.issued_edit, "100")
    type_count(qtbot, form.signed_edit, "120")
    data = LetterInput(schools["happy"], dt.date.today(), 500, 100, 120)
    expected = {e.field: e.message for e in letters.validate(data)}["signed"]
    assert form.error_text("signed") == expected
    assert form.rate_label.text() == "—"
    press(qtbot, Qt.Key.Key_Return)
    assert rows() == []
    assert context.undo_stack.count() == 0
    assert form.error_text("signed") == expected
    assert form.signed_edit.hasFocus()
    # more issued than students is refused beside "issued"
    type_count(qtbot, form.signed_edit, "0")
    type_count(qtbot, form.issued_edit, "501")
    assert "501" in form.error_text("issued")


def test_a_class_batch_starts_without_the_school_total(page, schools, qtbot):
    form = page.form
    form.school_combo.set_value(schools["green"])
    form.class_edit.setFocus()
    qtbot.keyClicks(form.class_edit, "3-2")
    type_count(qtbot, form.students_edit, "45")
    type_count(qtbot, form.issued_edit, "45")
    type_count(qtbot, form.signed_edit, "45")
    assert form.rate_label.text() == "100.0% (target 100%)"
    press(qtbot, Qt.Key.Key_Return)
    [row] = rows()
    assert (row["class_name"], row["students"], row["signed"]) == ("3-2", 45, 45)


def test_school_summary_highlights_schools_below_100_percent(page, schools, qtbot, context):
    letters.add(LetterInput(schools["green"], dt.date(2026, 11, 3), 300, 300, 300))
    letters.add(LetterInput(schools["happy"], dt.date(2026, 11, 4), 250, 250, 200, class_name="初一"))
    letters.add(LetterInput(schools["happy"], dt.date(2026, 11, 4), 250, 250, 250, class_name="初二"))
    context.data_changed.emit("letter")
    settle(qtbot, page)
    summary = page.summary_model
    green, happy = summary.row_of(schools["green"]), summary.row_of(schools["happy"])
    assert [summary.text(green, k) for k in ("students", "issued", "signed", "rate")] == ["300", "300", "300",
                                                                                          "100.0%"]
    assert [summary.text(happy, k) for k in ("students", "issued", "signed", "rate", "not_signed")] == [
        "500", "500", "450", "90.0%", "50"]
    assert background(summary, green, "rate") == MET_COLOUR
    assert background(summary, green, "school") is None
    assert background(summary, happy, "rate") == SHORT_COLOUR
    assert background(summary, happy, "school") == SHORT_ROW_COLOUR
    assert "1 school(s) below 100%" in page.count_label.text()
    # choosing a school in the organisation tree narrows both lists and starts the next slip on it
    context.scope_selected.emit(township_village(schools["happy"]), schools["happy"])
    settle(qtbot, page)
    assert {page.list_model.row_at(r).site_id for r in range(page.list_model.rowCount())} == {schools["happy"]}
    assert summary.rowCount() == 1
    assert page.form.school_combo.value() == (schools["happy"], True)


def township_village(site_id: int) -> int:
    return org.get_site(site_id).village_id


def test_editing_signed_back_through_the_form_then_undo_redo_and_delete(page, schools, qtbot, context):
    letter_id = letters.add(LetterInput(schools["green"], dt.date(2026, 11, 3), 300, 300, 150))
    context.data_changed.emit("letter")
    settle(qtbot, page)
    page.table.doubleClicked.emit(page.list_model.index(page.list_model.row_of(letter_id), 0))
    form = page.form
    assert form.editing_id == letter_id
    assert form.signed_edit.hasFocus()  # the figure that changes as slips come back
    qtbot.keyClicks(form.signed_edit, "290")
    press(qtbot, Qt.Key.Key_Return)
    assert letters.get(letter_id).signed == 290
    context.undo_stack.undo()
    assert letters.get(letter_id).signed == 150
    context.undo_stack.redo()
    assert letters.get(letter_id).signed == 290
    settle(qtbot, page)

    page.table.select_record(letter_id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert rows() == []
    context.undo_stack.undo()
    [row] = rows()
    assert (row["site"], row["signed"]) == (schools["green"], 290)
    settle(qtbot, page)
    assert page.list_model.rowCount() == 1


def test_letters_imported_from_a_workbook_show_up(page, schools, qtbot, context):
    """The import dialog announces "parent_letter"; the page re-reads on it as on its own "letter"."""
    letters.add(LetterInput(schools["happy"], dt.date(2026, 11, 4), 500, 500, 500))
    context.data_changed.emit("parent_letter")
    settle(qtbot, page)
    assert page.list_model.rowCount() == 1
    assert page.summary_model.text(page.summary_model.row_of(schools["happy"]), "rate") == "100.0%"


def test_a_school_added_to_the_organisation_is_offered_and_listed(page, township, qtbot, context):
    new_school = org.add_site(township["village2"], "幸福幼儿园", "school", students=120)
    context.data_changed.emit("organisation")
    settle(qtbot, page)
    assert new_school in page.form.school_combo.ids()
    assert page.summary_model.row_of(new_school) >= 0
    assert page.summary_model.text(page.summary_model.row_of(new_school), "students") == "120"


def test_undoing_a_delete_puts_the_letters_back_under_their_own_id(page, schools, context):
    from outreach_desk.services import audit
    from outreach_desk.ui.records.commands import LETTERS, push_delete

    letter_id = letters.add(LetterInput(schools["green"], dt.date(2026, 11, 3), 300, 300, 280, class_name="三年级"))
    push_delete(context, LETTERS, [letter_id], "删除")
    assert rows() == []
    context.undo_stack.undo()
    [row] = rows()
    assert (row["id"], row["signed"], row["class_name"]) == (letter_id, 280, "三年级")
    assert [e.action for e in audit.history("letter", letter_id)] == [audit.CREATE, audit.DELETE, audit.RESTORE]
    context.undo_stack.redo()
    assert rows() == []


def test_letters_another_clerk_saved_meanwhile_keep_theirs_or_overwrite(page, schools, qtbot, context, shown):
    from outreach_desk.ui.entry import conflict_dialog

    letter_id = letters.add(LetterInput(schools["green"], dt.date(2026, 11, 10), 300, 300, 200))
    for choice, typed, expected in ((conflict_dialog.KEEP_THEIRS, "260", 240), (conflict_dialog.OVERWRITE, "270", 270)):
        shown.choose(choice)
        context.data_changed.emit("letter")
        settle(qtbot, page)
        page.table.doubleClicked.emit(page.list_model.index(page.list_model.row_of(letter_id), 0))
        form = page.form
        stored = letters.get(letter_id)
        letters.update(letter_id, LetterInput(schools["green"], dt.date(2026, 11, 10), 300, 300, 240),
                       expected_version=stored.version)  # another clerk, meanwhile
        type_count(qtbot, form.signed_edit, typed)
        press(qtbot, Qt.Key.Key_Return)
        assert shown[-1].differing == ["signed"] and form.editing_id is None
        assert letters.get(letter_id).signed == expected
    assert len(shown) == 2 and letters.get(letter_id).version == 4
    context.undo_stack.undo()  # the overwrite is undone back to what the other clerk saved
    assert letters.get(letter_id).signed == 240
