"""Choice lists match what clerks type: pinyin initials ("tpc") and full pinyin ("taiping") as well as
the Chinese name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from outreach_desk.ui.widgets import pinyin_keys
from outreach_desk.ui.widgets.pinyin_keys import search_key
from tests.test_entry_form import context, form, press, settings_file  # noqa: F401  (fixtures)


def test_a_name_is_found_by_its_initials_and_its_full_pinyin():
    key = search_key("西村")
    assert "xc" in key and "xicun" in key and "西村" in key
    assert "chongqing" in search_key("重庆路社区")  # a polyphonic character in its reading here


def _type_pinyin(qtbot, combo, text):
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), text)


def test_pinyin_initials_complete_and_settle_to_the_village(form, township, qtbot):
    _type_pinyin(qtbot, form.village_combo, "xfsq")
    popup = form.village_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == ["幸福社区"]
    press(qtbot, Qt.Key.Key_Tab)
    assert form.village_combo.value() == (township["village2"], True)
    assert form.village_combo.currentText() == "幸福社区"  # the name goes into the field, not the pinyin


def test_full_pinyin_settles_without_the_list(form, township, qtbot):
    _type_pinyin(qtbot, form.village_combo, "taiping")
    popup = form.village_combo.completer().popup()
    if popup.isVisible():
        popup.hide()
    form.village_combo.settle()
    assert form.village_combo.value() == (township["village1"], True)


def test_keys_are_worked_out_once_per_name_not_per_keystroke(form, township, qtbot, monkeypatch):
    calls = []
    real = pinyin_keys.search_key.__wrapped__
    monkeypatch.setattr("outreach_desk.ui.entry.fields.search_key", lambda name: calls.append(name) or real(name))
    form.reload_choices()
    _type_pinyin(qtbot, form.village_combo, "x")
    QApplication.processEvents()
    after_first_key = len(calls)
    assert after_first_key > 0
    qtbot.keyClicks(form.village_combo.lineEdit(), "fsq")
    QApplication.processEvents()
    assert len(calls) == after_first_key


def test_a_list_never_drawn_still_settles_typed_pinyin(qtbot):
    from outreach_desk.ui.entry.fields import SearchCombo

    combo = SearchCombo("villageCombo")
    qtbot.addWidget(combo)
    combo.set_items([("幸福社区", 7), ("太平村", 8)])
    combo.setEditText("xfsq")
    combo.settle()
    assert combo.value() == (7, True) and combo.currentText() == "幸福社区"


def test_every_reading_of_a_polyphonic_name_matches():
    from outreach_desk.ui.widgets.pinyin_keys import matches, search_key

    key = search_key("长乐村")
    assert matches("cl", key) and matches("zl", key) and matches("changle", key)
