"""Undoable ledger changes: create, edit and delete activity records through ``context.undo_stack``.

Each command does its work when it is made, so a refusal (a validation error, a photo that is
not a picture) raises before anything reaches the stack; ``push`` then only records it. Undo and
redo put back exact snapshots (same id, uuid, timestamps and photos). A step that can no longer
be done, because the record or its village went another way meanwhile, is reported and dropped
from the stack instead of leaving the stack and the store out of step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from outreach_desk.i18n import translate
from outreach_desk.services import ledger, photos
from outreach_desk.services.ledger import ActivityInput, ActivityRecord
from outreach_desk.ui.shell.context import AppContext

CONTEXT = "LedgerCommands"


class _LedgerCommand(QUndoCommand):
    def __init__(self, context: AppContext, text: str):
        super().__init__(text)
        self.context = context
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # the work was done in the constructor; push() only announces it
            self._pushed = True
            self.context.data_changed.emit("activity")
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:  # the stack calls us from C++: report here, never raise through it
            from outreach_desk.ui.shell.errors import show_exception

            self.setObsolete(True)
            show_exception(QApplication.activeWindow(), exc)
        finally:
            self.context.data_changed.emit("activity")

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateActivityCommand(_LedgerCommand):
    """A new record with its photos; undo deletes it, redo brings back the same record."""

    def __init__(self, context: AppContext, data: ActivityInput, photo_paths: Iterable = ()):
        super().__init__(context, translate(CONTEXT, "Add record ({date})").format(date=data.date.isoformat()))
        self.activity_id = photos.create_record(data, list(photo_paths))
        self._record: ActivityRecord = ledger.get(self.activity_id)

    def _undo(self) -> None:
        ledger.delete(self.activity_id)

    def _redo(self) -> None:
        ledger.restore(self._record)


class UpdateActivityCommand(_LedgerCommand):
    """New field values, photos added and photos taken off; undo puts the old record back exactly."""

    def __init__(self, context: AppContext, activity_id: int, new_data: ActivityInput,
                 add_photo_paths: Iterable = (), remove_photo_shas: Iterable[str] = ()):
        super().__init__(context, translate(CONTEXT, "Edit record ({date})").format(date=new_data.date.isoformat()))
        self.activity_id = activity_id
        self._before = ledger.get(activity_id)
        photos.update_record(activity_id, new_data, list(add_photo_paths), list(remove_photo_shas))
        self._after = ledger.get(activity_id)

    def _undo(self) -> None:
        photos.reset_record(self._before)

    def _redo(self) -> None:
        photos.reset_record(self._after)


class DeleteActivityCommand(_LedgerCommand):
    """Delete a record; undo restores it with its id, uuid and photos (the files were never removed)."""

    def __init__(self, context: AppContext, activity_id: int):
        super().__init__(context, "")
        self.activity_id = activity_id
        self._record = ledger.delete(activity_id)
        self.setText(translate(CONTEXT, "Delete record ({date})").format(date=self._record.date.isoformat()))

    def _undo(self) -> None:
        ledger.restore(self._record)

    def _redo(self) -> None:
        ledger.delete(self.activity_id)
