"""An import is one step on the undo stack: Ctrl+Z deletes the records it made (audited) and not the slip
typed before it; redo brings the same rows back."""

from __future__ import annotations

import datetime as dt

from excel_samples import fill_template, good_activity
from outreach_desk.services import ledger
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store.models import Activity, AuditLog, ImportedRow
from tests.test_excel_ui import _checked, actions, blank, context, no_modal_boxes, window  # noqa: F401 (fixtures)
from waits import WAIT_MS


def _typed_slip(township) -> int:
    return ledger.create(ActivityInput(date=dt.date(2026, 11, 20), village_id=township["village1"],
                                       kind_id=next(iter(township["kinds"].values())), quantity=7))


def test_ctrl_z_undoes_the_import_as_one_step_then_redo_imports_it_again(qtbot, actions, context, blank, tmp_path,
                                                                         township, window):
    typed = _typed_slip(township)
    filled = fill_template(blank, tmp_path / "好.xlsx", activities=[good_activity(), good_activity(数量=3)])
    dialog = _checked(qtbot, actions, filled)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert Activity.select().count() == 3
    stack = context.undo_stack
    assert stack.count() == 1 and "好.xlsx" in stack.undoText()

    stack.createUndoAction(window).trigger()  # what Edit › Undo (Ctrl+Z) does
    assert [a.id for a in Activity.select()] == [typed]  # the import went, the slip typed before it stayed
    assert ImportedRow.select().count() == 0
    deleted = AuditLog.select().where(AuditLog.action == "delete", AuditLog.record_type == "activity").count()
    assert deleted == 2

    stack.redo()
    assert Activity.select().count() == 3 and ImportedRow.select().count() == 2
    stack.undo()
    assert Activity.select().count() == 1
