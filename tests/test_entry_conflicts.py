"""The entry form when another clerk saved the record being edited: both versions shown, the clerk chooses.

The other clerk's save is made through the service, as another window's would arrive in the database; the
service tests (tests/test_record_versions.py) make it from other processes and connections.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_entry_form import base_slip, commit_text, context, form, saving, settings_file  # noqa: F401 - fixtures
from waits import wait_until

from outreach_desk.services import clerk, ledger
from outreach_desk.ui.entry import conflict_dialog


@pytest.fixture
def shown(monkeypatch):
    """Replace the dialog's exec with a choice made in advance; collect the dialogs shown."""
    class Shown(list):
        pass

    dialogs = Shown()

    def choose(choice):
        def exec_(dialog):
            dialogs.append(dialog)
            dialog._choose(choice)
            return dialog.result()
        monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", exec_)
    dialogs.choose = choose
    return dialogs


def _opened_then_saved_by_another_clerk(form, township, qtbot) -> int:
    """The clerk opens a record and types a quantity and notes; meanwhile 李四 saves more people and a place."""
    activity_id = ledger.create(base_slip(township, people=10))
    form.load_record(activity_id)
    clerk.set_name("李四")
    ledger.update(activity_id, ledger.copy_input(ledger.get(activity_id).as_input(), people=30,
                                                 place_note="村委会广场"))
    clerk.set_name("张三")
    form.quantity_edit.setText("")
    form.focus_field("quantity")
    qtbot.keyClicks(form.quantity_edit, "5")
    form.notes_edit.setFocus()
    commit_text(form.notes_edit, "我的备注")
    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
    return activity_id


def _row(dialog, field: str) -> tuple[str, str]:
    keys = [*ledger.COMPARED_FIELDS, "photos"]
    row = keys.index(field)
    return dialog.table.item(row, 1).text(), dialog.table.item(row, 2).text()


def test_the_dialog_shows_theirs_and_mine_field_by_field_and_edit_again_keeps_the_typing(
        form, township, qtbot, shown):
    shown.choose(conflict_dialog.EDIT_AGAIN)
    activity_id = _opened_then_saved_by_another_clerk(form, township, qtbot)
    dialog, = shown
    assert "李四" in dialog.findChild(QLabel, "conflictIntro").text()
    assert sorted(dialog.differing) == ["notes", "people", "place_note", "quantity"]
    assert (_row(dialog, "people"), _row(dialog, "quantity"), _row(dialog, "notes")) == \
        (("30", "10"), ("2", "5"), ("", "我的备注"))
    assert _row(dialog, "village_name") == ("太平村", "太平村")
    stored = ledger.get(activity_id)
    assert (stored.people, stored.quantity, stored.notes, stored.version) == (30, 2, "", 2)
    assert form.editing_id == activity_id  # still editing, with the typing kept and theirs where untouched
    assert (form.quantity_edit.text(), form.notes_edit.toPlainText()) == ("5", "我的备注")
    assert (form.people_edit.text(), form.place_edit.text()) == ("30", "村委会广场")

    with saving(qtbot, form):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
    stored = ledger.get(activity_id)
    assert (stored.people, stored.place_note, stored.quantity, stored.notes, stored.version) == \
        (30, "村委会广场", 5, "我的备注", 3)
    assert len(shown) == 1 and form.editing_id is None


def test_overwrite_with_mine_saves_the_slip_as_typed_over_theirs(form, township, qtbot, shown, context):
    shown.choose(conflict_dialog.OVERWRITE)
    activity_id = _opened_then_saved_by_another_clerk(form, township, qtbot)
    wait_until(qtbot, lambda: ledger.get(activity_id).version == 3 and not form.saving, "the second save")
    stored = ledger.get(activity_id)
    assert (stored.people, stored.place_note, stored.quantity, stored.notes) == (10, "", 5, "我的备注")
    assert form.editing_id is None and len(shown) == 1
    context.undo_stack.undo()  # the undo puts back what 李四 saved, not the version first opened
    assert (ledger.get(activity_id).people, ledger.get(activity_id).quantity) == (30, 2)


def test_keep_theirs_drops_the_edit_and_leaves_their_record(form, township, qtbot, shown, context):
    shown.choose(conflict_dialog.KEEP_THEIRS)
    activity_id = _opened_then_saved_by_another_clerk(form, township, qtbot)
    stored = ledger.get(activity_id)
    assert (stored.people, stored.place_note, stored.quantity, stored.notes, stored.version) == \
        (30, "村委会广场", 2, "", 2)
    assert form.editing_id is None and "李四" in form.messages.info_label.text()
    assert context.undo_stack.count() == 0
