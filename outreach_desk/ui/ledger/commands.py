"""Undoable ledger changes: create, edit and delete activity records through ``context.undo_stack``.

Each is a :class:`~outreach_desk.ui.shell.undo_command.StoreCommand`: the first ``redo()`` (run by
``push``) makes the change with one service call, which validates and writes the record and its
photo rows in one transaction; the picture files are stored before (in a worker, see
``ui/entry/saving.py``) and removed again when that first write fails. Undo and redo put back exact
snapshots (same id, uuid, timestamps and photos). A photo whose picture a county server removed since (its
sweep, more than a day after the photo was let go of) cannot come back: the rest of the record does, and the clerk
is told which photos did not, once per step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from outreach_desk.i18n import translate
from outreach_desk.services import ledger, photos
from outreach_desk.services.ledger import ActivityInput, ActivityRecord
from outreach_desk.services.photos import StoredFile
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import StoreCommand, push_steps

CONTEXT = "LedgerCommands"
TOPIC = "activity"


class CreateActivityCommand(StoreCommand):
    """A new record with the photo files already stored; undo deletes it, redo brings back the same record."""

    def __init__(self, context: AppContext, data: ActivityInput, photo_files: Sequence[StoredFile] = ()):
        super().__init__(context, TOPIC, translate(CONTEXT, "Add record ({date})").format(date=data.date.isoformat()))
        self.data = data
        self.photo_files = list(photo_files)
        self.activity_id: int | None = None
        self._record: ActivityRecord | None = None

    def _redo(self) -> None:
        if self._record is not None:
            ledger.restore(self._record)
            _tell_left_off(self._record)
            return
        try:
            self.activity_id = ledger.create(self.data, self.photo_files)
        except BaseException:
            photos.discard(self.photo_files)
            raise
        self._record = ledger.get(self.activity_id)

    def _undo(self) -> None:
        self._record = ledger.delete(self.activity_id)  # as it was last, so later steps find their version


class UpdateActivityCommand(StoreCommand):
    """New field values, photo files put on and photos taken off; undo puts the old record back exactly.

    ``expected_version`` is the version of the record the clerk opened: a save over another clerk's later
    change is refused (``ConflictError``). Undo and redo name the version their last step left, so they too
    refuse to take back a change someone else saved in between.
    """

    def __init__(self, context: AppContext, activity_id: int, new_data: ActivityInput,
                 add_photo_files: Sequence[StoredFile] = (), remove_photo_shas: Iterable[str] = (),
                 expected_version: int | None = None):
        super().__init__(context, TOPIC,
                         translate(CONTEXT, "Edit record ({date})").format(date=new_data.date.isoformat()))
        self.activity_id = activity_id
        self.data = new_data
        self.photo_files = list(add_photo_files)
        self.remove_shas = list(remove_photo_shas)
        self.expected_version = expected_version
        self._before: ActivityRecord | None = None
        self._after: ActivityRecord | None = None
        self._version: int | None = None

    def _redo(self) -> None:
        if self._after is not None:
            self._version = ledger.reset(self._after, self._version)
            _tell_left_off(self._after)
            return
        try:
            before = ledger.get(self.activity_id)
            self._version = ledger.update(self.activity_id, self.data, self.photo_files, self.remove_shas,
                                          expected_version=self.expected_version)
        except BaseException:
            photos.discard(self.photo_files)
            raise
        self._before, self._after = before, ledger.get(self.activity_id)

    def _undo(self) -> None:
        self._version = ledger.reset(self._before, self._version)
        _tell_left_off(self._before)


class DeleteActivityCommand(StoreCommand):
    """Delete a record; undo restores it with its id, uuid and photos (the files were never removed)."""

    def __init__(self, context: AppContext, activity_id: int):
        super().__init__(context, TOPIC, translate(CONTEXT, "Delete record"))
        self.activity_id = activity_id
        self._record: ActivityRecord | None = None

    def _redo(self) -> None:
        self._record = ledger.delete(self.activity_id)
        self.setText(translate(CONTEXT, "Delete record ({date})").format(date=self._record.date.isoformat()))

    def _undo(self) -> None:
        ledger.restore(self._record)
        _tell_left_off(self._record)


def push_delete(context: AppContext, activity_ids: list[int], macro_text: str) -> list[Exception]:
    """Delete one or several records as one undo step; why the ones that could not be deleted were not."""
    return push_steps(context, [DeleteActivityCommand(context, activity_id) for activity_id in activity_ids],
                      macro_text)


#: (record date, photo names) of the photos the current undo or redo step could not bring back, told together
_left_off: list[tuple[str, list[str]]] = []


def _tell_left_off(record: ActivityRecord) -> None:
    """Note the photos of ``record`` that the step just taken could not put back; they are told in one message
    when the step (perhaps the undo of a hundred deletions at once) is over."""
    names = ledger.photos_left_off(record)
    if not names:
        return
    if not _left_off:
        QTimer.singleShot(0, _show_left_off)
    _left_off.append((record.date.isoformat(), names))


def _show_left_off() -> None:
    found = list(_left_off)
    _left_off.clear()
    separator = translate(CONTEXT, ", ", "between photo file names")
    lines = [translate(CONTEXT, "The record of {date}: {names}").format(date=date, names=separator.join(names))
             for date, names in found]
    count = sum(len(names) for _date, names in found)
    message = translate(
        CONTEXT, "The records are back, but {count} of their photos could not come back with them: the server removed "
                 "these pictures when it cleared unused photos, more than a day after they were taken off their "
                 "records, and this computer has no copy of them.\n{lines}")
    QMessageBox.information(QApplication.activeWindow(), translate(CONTEXT, "Photos not brought back"),
                            message.format(count=count, lines="\n".join(lines)))
