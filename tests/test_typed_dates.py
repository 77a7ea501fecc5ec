"""Dates typed whole into the entry form, the way the import reads them; the section-by-section
QDateEdit turned a click mid-year or Shift+Tab then "20261105" into another date."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from outreach_desk.ui.widgets.typed_date_edit import DateTypingError, TypedDateEdit, parse_typed_date
from tests.test_entry_form import commit_text, context, form, settings_file  # noqa: F401  (fixtures)

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("typed, expected", [
    ("20261105", dt.date(2026, 11, 5)),
    ("2026-11-5", dt.date(2026, 11, 5)),
    ("2026/11/05", dt.date(2026, 11, 5)),
    ("2026年11月5日", dt.date(2026, 11, 5)),
    ("11-5", dt.date(2026, 11, 5)),
    ("11月5日", dt.date(2026, 11, 5)),
    ("１１－５", dt.date(2026, 11, 5)),
    ("5", dt.date(2026, 10, 5)),  # a lone day: in the month shown (October here)
])
def test_typed_dates_read_like_the_import(typed, expected):
    assert parse_typed_date(typed, shown=dt.date(2026, 10, 20), today=TODAY) == expected


def test_a_month_and_day_far_ahead_means_last_year():
    assert parse_typed_date("12-30", shown=dt.date(2027, 1, 3), today=dt.date(2027, 1, 3)) == dt.date(2026, 12, 30)


@pytest.mark.parametrize("typed", ["2026135", "2026-13-01", "2-30", "abc", ""])
def test_what_is_no_date_is_refused(typed):
    with pytest.raises(DateTypingError):
        parse_typed_date(typed, shown=TODAY, today=TODAY)


@pytest.fixture
def fields(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    before, date, after = QLineEdit(window), TypedDateEdit(window, "date"), QLineEdit(window)
    for widget in (before, date, after):
        layout.addWidget(widget)
    date.setDate(QDate(2026, 12, 7))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield before, date, after
    window.close()


@pytest.mark.parametrize("typed", ["20261105", "2026-11-5", "2026.11.05"])
def test_shift_tab_then_typing_gives_the_date_typed(fields, qtbot, typed):
    _before, date, after = fields
    after.setFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert date.hasFocus()
    qtbot.waitUntil(lambda: date.lineEdit().selectedText() == "2026-12-07")  # everything, not only the day
    qtbot.keyClicks(date, typed)
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert date.date() == QDate(2026, 11, 5)
    assert date.text() == "2026-11-05"


def test_a_click_mid_year_then_typing_replaces_the_whole_date(fields, qtbot):
    _before, date, after = fields
    after.setFocus()
    qtbot.mouseClick(date.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(8, date.lineEdit().height() // 2))
    qtbot.waitUntil(lambda: date.lineEdit().selectedText() == "2026-12-07")
    qtbot.keyClicks(date, "20261101")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    assert date.date() == QDate(2026, 11, 1)


def test_full_width_input_method_text_is_typed(fields, qtbot):
    _before, date, _after = fields
    date.setFocus()
    commit_text(date, "２０２６年１１月５日")
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert date.date() == QDate(2026, 11, 5)


def test_text_that_is_no_date_stays_and_is_reported(fields, qtbot):
    _before, date, after = fields
    refusals = []
    date.refused.connect(lambda text, why: refusals.append(text))
    date.setFocus()
    qtbot.keyClicks(date, "2026135")
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert refusals == ["2026135"]
    assert date.text() == "2026135" and date.date() == QDate(2026, 12, 7)  # neither lost nor another date
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Escape)
    assert date.text() == "2026-12-07"


def test_the_entry_form_refuses_to_save_a_date_it_cannot_read(form, qtbot):
    form.focus_field("date")
    qtbot.keyClicks(form.date_edit, "2026135")
    form.save()
    assert "2026135" in form.messages.error_text("date")
    assert form.date_edit.text() == "2026135"


def test_the_entry_form_warns_of_a_future_date(form, qtbot):
    form.date_edit.setDate(QDate.currentDate())
    plain = form.weekday_label.text()
    form.date_edit.setDate(QDate.currentDate().addDays(3))
    assert form.weekday_label.text() != form.locale().dayName(QDate.currentDate().addDays(3).dayOfWeek())
    assert plain == form.locale().dayName(QDate.currentDate().dayOfWeek())
    assert QApplication.instance() is not None


def test_the_survey_form_takes_a_whole_typed_date_and_refuses_one_it_cannot_read(qtbot, township, tmp_path, db_path):
    from PySide6.QtCore import QSettings

    from outreach_desk.store.models import Survey
    from outreach_desk.ui.records.survey_page import SurveyPage
    from outreach_desk.ui.shell.context import AppContext

    context = AppContext(db_path, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = SurveyPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    form = page.form
    form.date_edit.setFocus()
    form.date_edit.lineEdit().selectAll()
    qtbot.keyClicks(form.date_edit, "2026135")
    assert form.save() is None and Survey.select().count() == 0
    assert "2026135" in form.date_edit.text()
    form.date_edit.setFocus()
    form.date_edit.lineEdit().selectAll()
    qtbot.keyClicks(form.date_edit, "20261105")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Tab)
    assert form.date_edit.date() == QDate(2026, 11, 5)
