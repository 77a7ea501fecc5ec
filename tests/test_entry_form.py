"""The entry form driven from the keyboard as a clerk types paper slips (language-independent)."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QMimeData, QPointF, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from outreach_desk.services import ledger, photos
from outreach_desk.services import organisation as org
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store.models import Activity
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.entry.form import EntryForm, FocusLearner, parse_count


@pytest.fixture
def settings_file(tmp_path):
    return str(tmp_path / "entry.ini")


@pytest.fixture
def context(db_path, settings_file, qapp):
    return AppContext(db_path, "en", settings=QSettings(settings_file, QSettings.Format.IniFormat))


def open_form(qtbot, context) -> EntryForm:
    form = EntryForm(context)
    qtbot.addWidget(form)
    form.resize(520, 900)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def form(township, context, qtbot):
    return open_form(qtbot, context)


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "现场照片" / "宣讲会.jpg"
    path.parent.mkdir()
    Image.new("RGB", (80, 60), (30, 160, 60)).save(path, "JPEG")
    return path


def commit_text(widget, text: str) -> None:
    """Type text the way a Pinyin input method delivers it (keyClicks cannot send non-ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key where Qt would deliver it: to an open completion list first, else to the focused widget."""
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)


def type_into_combo(qtbot, combo, text: str) -> None:
    combo.setFocus()
    combo.lineEdit().selectAll()
    commit_text(combo.lineEdit(), text)
    press(qtbot, Qt.Key.Key_Tab)


def back_to_the_form(qtbot, form) -> None:
    """The offscreen platform hands activation back from a closed completion list late (in the event loop a
    background save runs, stealing the focus the save gives); a real window manager gives it back at once."""
    QApplication.processEvents()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=30_000)


def kind_name(code: str) -> str:
    return next(k.name for k in org.list_kinds() if k.code == code)


def expected_message(field: str, data: ActivityInput) -> str:
    return {e.field: e.message for e in ledger.validate(data)}[field]


def base_slip(township, **changes) -> ActivityInput:
    values = dict(date=dt.date(2026, 11, 20), village_id=township["village1"], kind_id=township["kinds"]["banner"],
                  quantity=2, site_id=township["factory"])
    values.update(changes)
    return ActivityInput(**values)


def fill(form, data: ActivityInput) -> None:
    form._fill(data)


def saving(qtbot, form):
    """Wait for the save that the block starts (the slow half runs in a worker) to end, whatever its outcome."""
    return qtbot.waitSignal(form.save_finished, timeout=60_000)


def save(qtbot, form) -> int | None:
    """Press Enter (in the quantity field) and wait for the save to end; the id saved, or None."""
    saved = []
    form.saved.connect(saved.append)
    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
    form.saved.disconnect(saved.append)
    return saved[0] if saved else None


# ------------------------------------------------------------------------------------------ typing slips
def test_typing_a_slip_and_pressing_enter_saves_it_and_starts_the_next(form, township, qtbot, context, settings_file):
    saved = []
    form.saved.connect(saved.append)
    form.focus_field("date")
    qtbot.keyClicks(form.date_edit, "20")  # a lone day: the 20th of the month shown
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Tab)
    assert form.date_edit.date().day() == 20
    type_into_combo(qtbot, form.village_combo, "幸福")  # part of a name completes to 幸福社区
    assert form.village_combo.value() == (township["village2"], True)
    assert form.site_combo.itemText(1) == "幸福小区"
    type_into_combo(qtbot, form.site_combo, "幸福小区")
    type_into_combo(qtbot, form.kind_combo, kind_name("poster"))
    type_into_combo(qtbot, form.unit_combo, "派出所")
    assert form.quantity_edit.hasFocus()
    qtbot.keyClicks(form.quantity_edit, "12")
    qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.people_edit, "1,050")
    qtbot.keyClick(form.people_edit, Qt.Key.Key_Tab)
    assert form.audience_boxes["rural_residents"].hasFocus()
    qtbot.keyClick(form.audience_boxes["rural_residents"], Qt.Key.Key_Space)
    form.topic_boxes["impersonating_officials"].setChecked(True)
    commit_text(form.place_edit, "幸福小区3栋电梯间")
    commit_text(form.notes_edit, "物业配合张贴")
    back_to_the_form(qtbot, form)
    form.notes_edit.setFocus()
    with saving(qtbot, form):
        qtbot.keyClick(form.notes_edit, Qt.Key.Key_Return)

    [row] = list(Activity.select().dicts())
    assert row["date"] == dt.date(QDate.currentDate().year(), QDate.currentDate().month(), 20)
    assert (row["village"], row["site"], row["kind"], row["member_unit"]) == (
        township["village2"], township["block"], township["kinds"]["poster"], township["unit"])
    assert (row["quantity"], row["people"], row["audiences"], row["topics"]) == (12, 1050, 1, 2)
    assert (row["place_note"], row["notes"]) == ("幸福小区3栋电梯间", "物业配合张贴")
    assert saved == [row["id"]]
    assert context.undo_stack.count() == 1

    # ready for the next slip: village, kind and date kept, the rest cleared, cursor on the site
    assert form.editing_id is None
    assert form.village_combo.value() == (township["village2"], True)
    assert form.kind_combo.value() == (township["kinds"]["poster"], True)
    assert form.date_edit.date().toPython() == row["date"]
    assert form.site_combo.value() == (None, True)
    assert form.quantity_edit.text() == form.people_edit.text() == form.place_edit.text() == ""
    assert form.notes_edit.toPlainText() == ""
    assert not any(b.isChecked() for b in form.audience_boxes.values())
    assert form.site_combo.hasFocus()

    # a second slip from the same pile: only the changing fields are typed
    type_into_combo(qtbot, form.site_combo, "")
    form.focus_field("quantity")
    qtbot.keyClicks(form.quantity_edit, "3")
    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Enter)
    assert Activity.select().count() == 2
    latest = Activity.select().order_by(Activity.id.desc()).get()
    assert (latest.village_id, latest.site_id, latest.quantity) == (township["village2"], None, 3)

    # the remembered village, kind and date survive a restart
    again = open_form(qtbot, AppContext(context.database_path, "en",
                                        settings=QSettings(settings_file, QSettings.Format.IniFormat)))
    assert again.village_combo.value() == (township["village2"], True)
    assert again.kind_combo.value() == (township["kinds"]["poster"], True)
    assert again.date_edit.date().toPython() == row["date"]


def test_focus_goes_to_the_field_that_changes_most_often(form, township, qtbot):
    for quantity in (1, 2, 3):
        fill(form, base_slip(township, quantity=quantity, site_id=None, people=quantity * 10))
        save(qtbot, form)
    assert form.quantity_edit.hasFocus()


def test_focus_learner_prefers_frequent_changes_and_tab_order():
    learner = FocusLearner(("date", "site", "quantity", "people"), default="site")
    assert learner.next_field({"date", "site", "quantity", "people"}) == "site"
    assert learner.next_field({"date", "quantity"}) == "date"
    for values in ({"date": 1, "quantity": 1, "people": 1}, {"date": 1, "quantity": 2, "people": 2},
                   {"date": 1, "quantity": 3, "people": 2}):
        learner.record(values)
    assert learner.next_field({"date", "site", "quantity", "people"}) == "quantity"
    assert learner.next_field({"date", "site", "people"}) == "people"


def test_counts_accept_what_clerks_type():
    assert parse_count("", 1) == 1
    assert parse_count(" 1,200 ", 0) == 1200
    assert parse_count("１２", 0) == 12  # full-width digits from a Chinese input method
    assert parse_count("2.5", 1) is None
    assert parse_count("三", 1) is None


# ------------------------------------------------------------------------------------------ validation
def _error_under(form, field: str, widget) -> str:
    label = form.findChild(QLabel, f"error_{field}")
    assert label.isVisible()
    assert label.parentWidget() is widget.parentWidget() or label.parentWidget().isAncestorOf(widget)
    assert label.mapTo(form, label.rect().topLeft()).y() >= widget.mapTo(form, widget.rect().bottomLeft()).y()
    return label.text()


@pytest.mark.parametrize("field, change, widget_name", [
    ("date", {"date": dt.date(2062, 1, 1)}, "date_edit"),
    ("date", {"date": dt.date(1999, 12, 31)}, "date_edit"),
    ("quantity", {"quantity": 0}, "quantity_edit"),
    ("people", {"people": -5}, "people_edit"),
])
def test_each_validation_message_appears_under_its_field(form, township, qtbot, field, change, widget_name):
    data = base_slip(township, **change)
    fill(form, data)
    with saving(qtbot, form):
        qtbot.keyClick(form.place_edit, Qt.Key.Key_Return)
    widget = getattr(form, widget_name)
    holder = widget.parentWidget() if field in ("date", "quantity") else widget
    assert _error_under(form, field, holder) == expected_message(field, data)
    assert Activity.select().count() == 0
    assert form.error_text("village") == ""


def test_quantity_must_be_a_whole_number(form, township, qtbot):
    fill(form, base_slip(township))
    for typed in ("abc", "2.5", "0"):
        form.quantity_edit.setText(typed)
        save(qtbot, form)
        assert form.error_text("quantity") == expected_message("quantity", base_slip(township, quantity=0))
    qtbot.keyClicks(form.quantity_edit, "7")  # editing the field takes its message away
    assert form.error_text("quantity") == ""
    assert Activity.select().count() == 0


def test_village_kind_site_and_unit_must_name_something(form, township, qtbot):
    type_into_combo(qtbot, form.village_combo, "太平村")
    type_into_combo(qtbot, form.site_combo, "幸福小区")  # a site of another village
    type_into_combo(qtbot, form.unit_combo, "不存在的单位")
    form.kind_combo.setEditText("")
    save(qtbot, form)
    assert "幸福小区" in _error_under(form, "site", form.site_combo)
    assert "不存在的单位" in _error_under(form, "member_unit", form.unit_combo)
    assert form.error_text("kind") == ""  # names the form cannot resolve come first; the ledger checks the rest
    for combo in (form.site_combo, form.unit_combo):
        combo.setFocus()
        combo.lineEdit().selectAll()
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Backspace)
    save(qtbot, form)
    assert form.error_text("site") == form.error_text("member_unit") == ""
    assert _error_under(form, "kind", form.kind_combo) == expected_message("kind", base_slip(township, kind_id=0))
    form.village_combo.setEditText("")
    save(qtbot, form)
    assert _error_under(form, "village", form.village_combo) == expected_message(
        "village", base_slip(township, village_id=0, site_id=None))
    assert Activity.select().count() == 0


# ------------------------------------------------------------------------------------------ duplicates
def test_a_likely_double_entry_is_warned_once_then_saved_on_second_enter(form, township, qtbot):
    ledger.create(base_slip(township))
    fill(form, base_slip(township))
    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
    assert form.duplicate_label.isVisible()
    assert Activity.select().count() == 1
    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
    assert Activity.select().count() == 2
    assert not form.duplicate_label.isVisible()


def test_changing_the_slip_after_the_warning_asks_again(form, township, qtbot):
    ledger.create(base_slip(township))
    ledger.create(base_slip(township, quantity=5))
    fill(form, base_slip(township))
    save(qtbot, form)
    assert form.duplicate_label.isVisible()
    form.quantity_edit.setText("5")
    form.quantity_edit.textEdited.emit("5")
    assert not form.duplicate_label.isVisible()
    save(qtbot, form)
    assert form.duplicate_label.isVisible()
    assert Activity.select().count() == 2
    fill(form, base_slip(township, quantity=6))
    save(qtbot, form)
    assert Activity.select().count() == 3


# ------------------------------------------------------------------------------------------ editing
def test_edit_mode_updates_the_record_and_esc_cancels(form, township, qtbot, context):
    activity_id = ledger.create(base_slip(township, notes="原备注"))
    uuid = ledger.get(activity_id).uuid
    saved = []
    form.saved.connect(saved.append)

    form.load_record(activity_id)
    assert form.editing_id == activity_id and form.cancel_button.isVisible()
    assert form.quantity_edit.text() == "2" and form.notes_edit.toPlainText() == "原备注"
    assert form.site_combo.value() == (township["factory"], True)
    form.quantity_edit.setText("")
    form.focus_field("quantity")
    qtbot.keyClicks(form.quantity_edit, "9")
    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
    record = ledger.get(activity_id)
    assert (record.quantity, record.uuid, record.notes) == (9, uuid, "原备注")
    assert saved == [activity_id]
    assert form.editing_id is None and not form.cancel_button.isVisible()
    assert Activity.select().count() == 1

    form.load_record(activity_id)
    form.quantity_edit.setText("40")
    qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Escape)
    assert form.editing_id is None
    assert ledger.get(activity_id).quantity == 9
    form.load_record(activity_id)
    form.village_combo.focus_for_typing()
    press(qtbot, Qt.Key.Key_Escape)  # from a choice list too
    assert form.editing_id is None
    form.load_record(activity_id)
    form.focus_field("date")
    with saving(qtbot, form):
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)  # Enter in the date saves like anywhere else
    assert form.editing_id is None and saved == [activity_id, activity_id]
    assert context.undo_stack.count() == 1  # saving an unchanged record changes nothing

    context.undo_stack.undo()
    assert ledger.get(activity_id).quantity == 2


def test_editing_an_inactive_kind_keeps_it(form, township, qtbot):
    activity_id = ledger.create(base_slip(township))
    org.set_kind_active(township["kinds"]["banner"], False)
    form.reload_choices()
    form.new_record()
    assert township["kinds"]["banner"] not in form.kind_combo.ids()
    form.load_record(activity_id)
    assert form.kind_combo.value() == (township["kinds"]["banner"], True)
    save(qtbot, form)
    assert ledger.get(activity_id).kind_id == township["kinds"]["banner"]


def test_a_record_deleted_while_edited_sends_the_form_back_to_new(form, township, context):
    from outreach_desk.ui.ledger.commands import DeleteActivityCommand

    activity_id = ledger.create(base_slip(township))
    form.load_record(activity_id)
    context.undo_stack.push(DeleteActivityCommand(context, activity_id))
    assert form.editing_id is None
    assert form.info_label.isVisible()


def test_undo_takes_back_a_saved_slip(form, township, context, qtbot):
    fill(form, base_slip(township))
    activity_id = save(qtbot, form)
    uuid = ledger.get(activity_id).uuid
    context.undo_stack.undo()
    assert Activity.select().count() == 0
    context.undo_stack.redo()
    assert ledger.get(activity_id).uuid == uuid


# ------------------------------------------------------------------------------------------ photos
def test_photos_by_file_dialog_are_saved_with_the_record(form, township, picture, qtbot, monkeypatch, tmp_path):
    not_a_picture = tmp_path / "说明.txt"
    not_a_picture.write_text("不是图片", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(picture), str(not_a_picture)], ""))
    with qtbot.waitSignal(form.photo_strip.settled, timeout=60_000):  # looked at in the background
        qtbot.mouseClick(form.add_photos_button, Qt.MouseButton.LeftButton)
    assert form.photo_strip.count() == 1
    assert form.photo_strip.item(0).icon().availableSizes() == [QSize(80, 60)]  # the thumbnail, not a file icon
    assert "说明.txt" in form.error_text("photos")

    fill(form, base_slip(township))
    activity_id = save(qtbot, form)
    [info] = photos.list_photos(activity_id)
    assert info.original_name == "宣讲会.jpg" and info.path.exists()
    assert form.photo_strip.count() == 0


def _drop(form, paths) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(form.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(form, enter)
    drop = QDropEvent(QPointF(form.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(form, drop)
    return enter.isAccepted()


def test_photos_dropped_on_the_form_show_as_thumbnails(form, township, picture, qtbot):
    assert all(not child.acceptDrops() for child in form.findChildren(type(form.place_edit)))
    with qtbot.waitSignal(form.photo_strip.settled, timeout=60_000):
        assert _drop(form, [picture])
        _drop(form, [picture])  # the same file twice is picked once
        assert form.photo_strip.count() == 1  # at once, with a plain icon until its thumbnail is made
    assert form.photo_strip.pending_paths() == [picture]
    assert form.photo_strip.item(0).icon().availableSizes() == [QSize(80, 60)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_dropped_as_a_photo_is_refused_and_the_form_answers(form, township, picture, qtbot, tmp_path):
    pipe = tmp_path / "照片.jpg"
    os.mkfifo(pipe)
    with qtbot.waitSignal(form.photo_strip.settled, timeout=60_000):
        _drop(form, [pipe, picture])
    assert str(pipe) in form.error_text("photos")
    assert form.photo_strip.pending_paths() == [picture]


def test_enter_right_after_a_drop_saves_the_photos_once_looked_at(form, township, picture, qtbot, tmp_path):
    not_a_picture = tmp_path / "名单.jpg"
    not_a_picture.write_text("张三", encoding="utf-8")
    fill(form, base_slip(township))
    with saving(qtbot, form):
        _drop(form, [picture, not_a_picture])
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)  # before the strip has looked at them
    assert "名单.jpg" in form.error_text("photos")
    assert Activity.select().count() == 0  # a refused picture stops the save: the clerk sees why first
    activity_id = save(qtbot, form)
    assert [p.original_name for p in photos.list_photos(activity_id)] == ["宣讲会.jpg"]


def test_photos_taken_off_while_editing_come_back_with_undo(form, township, picture, context, qtbot):
    activity_id = ledger.create(base_slip(township), photos.store_files([picture]))
    form.load_record(activity_id)
    assert form.photo_strip.count() == 1
    form.photo_strip.item(0).setSelected(True)
    form.photo_strip.remove_selected()
    save(qtbot, form)
    assert photos.list_photos(activity_id) == []
    context.undo_stack.undo()
    [info] = photos.list_photos(activity_id)
    assert info.path.exists()


# ------------------------------------------------------------------------------------------ keys and lists
def test_shift_enter_in_the_notes_starts_a_new_line(form, township, qtbot):
    fill(form, base_slip(township))
    form.notes_edit.setFocus()
    commit_text(form.notes_edit, "第一行")
    qtbot.keyClick(form.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    commit_text(form.notes_edit, "第二行")
    assert Activity.select().count() == 0
    with saving(qtbot, form):
        qtbot.keyClick(form.notes_edit, Qt.Key.Key_Return)
    assert Activity.select().get().notes == "第一行\n第二行"


def test_tab_order_follows_the_slip(form, township, qtbot):
    form.village_combo.set_value(township["village1"])
    form.focus_field("date")
    visited = [QApplication.focusWidget()]
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [form.date_edit, form.village_combo, form.site_combo, form.kind_combo, form.unit_combo,
                       form.quantity_edit, form.people_edit, *list(form.audience_boxes.values())[:2]]
    form.place_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # the notes hand Tab on instead of inserting it
    assert QApplication.focusWidget() is form.photo_strip


def test_organisation_changes_refresh_the_lists(form, township, context):
    form.village_combo.set_value(township["village1"])
    new_village = org.add_village(township["township"], "新建村")
    new_site = org.add_site(township["village1"], "新建村小学", "school")
    context.data_changed.emit("organisation")
    assert new_village in form.village_combo.ids()
    assert form.village_combo.value() == (township["village1"], True)
    assert new_site in form.site_combo.ids()


def test_the_site_list_follows_the_village(form, township):
    form.village_combo.set_value(township["village1"])
    assert set(form.site_combo.ids()) == {None, township["school"], township["factory"]}
    form.village_combo.set_value(township["village2"])
    assert set(form.site_combo.ids()) == {None, township["block"]}


def test_remembered_choices_that_no_longer_make_sense_are_ignored(township, context, qtbot):
    from outreach_desk.ui.entry.memory import LastChoices

    settings = context.settings
    settings.setValue("entry/date", "2026-13-45")
    settings.setValue("entry/village", "太平村")
    settings.setValue("entry/kind", 987654)
    last = LastChoices(settings)
    assert (last.date(), last.village_id(), last.kind_id()) == (None, None, 987654)
    form = open_form(qtbot, context)
    assert form.date_edit.date() == QDate.currentDate()
    assert form.village_combo.currentText() == "" and form.kind_combo.currentText() == ""
