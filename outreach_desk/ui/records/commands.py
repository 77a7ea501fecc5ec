"""Undoable add, edit and delete of survey and parent-letter records through ``context.undo_stack``.

The same shape as the ledger's commands (:class:`~outreach_desk.ui.shell.undo_command.StoreCommand`):
the first ``redo()``, run by ``push``, makes the change; a step that fails or can no longer be done
is dropped from the stack and reported instead of leaving the stack and the store out of step.

Undoing a delete, or redoing an add, puts the record back under its own id (the services'
``restore``), so a record keeps one id in every command about it and one history in the audit trail.
An edit names the version the clerk opened, and its undo and redo the version their last step left, so none
of them writes over a change another clerk saved in between (services/record_versions.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import letters, surveys
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import StoreCommand, push_steps

CONTEXT = "RecordCommands"


@dataclass(frozen=True)
class RecordKind:
    """One kind of record the commands can handle: its service calls and its words."""

    topic: str  #: the ``data_changed`` argument
    record_type: str  #: the audit trail's name for it
    input_type: type
    add: Callable[[Any], int]
    update: Callable[..., int]  #: (id, input, expected_version=…) -> the new version
    delete: Callable[[int], Any]
    restore: Callable[[Any], int]
    get: Callable[[int], Any]
    describe: Callable[[Any], str]
    compared: Callable[[Any], dict]  #: an input as a clerk reads it, field by field, for the conflict dialog
    add_text: str
    edit_text: str
    delete_text: str

    def as_input(self, record) -> Any:
        """The input dataclass carrying a stored record's values (what ``add`` takes back)."""
        return self.input_type(**{f.name: getattr(record, f.name) for f in fields(self.input_type)})


def _survey_words(data) -> str:
    return data.date.isoformat()


def _letter_words(data) -> str:
    return f"{data.date.isoformat()} {data.class_name}".strip()


SURVEYS = RecordKind("survey", "survey", surveys.SurveyInput, surveys.add, surveys.update, surveys.delete,
                     surveys.restore, surveys.get, _survey_words, surveys.named_values,
                     QT_TRANSLATE_NOOP("RecordCommands", "Add awareness survey ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Edit awareness survey ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Delete awareness survey ({what})"))
LETTERS = RecordKind("letter", "letter", letters.LetterInput, letters.add, letters.update, letters.delete,
                     letters.restore, letters.get, _letter_words, letters.named_values,
                     QT_TRANSLATE_NOOP("RecordCommands", "Add parent letters ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Edit parent letters ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Delete parent letters ({what})"))


class _RecordCommand(StoreCommand):
    def __init__(self, context: AppContext, kind: RecordKind, record_id: int | None):
        super().__init__(context, kind.topic)
        self.kind = kind
        self.record_id = record_id

    def _text(self, template: str, data) -> str:
        return translate(CONTEXT, template).format(what=self.kind.describe(data))


class CreateRecordCommand(_RecordCommand):
    """A new record; undo deletes it, redo puts it back under the same id."""

    def __init__(self, context: AppContext, kind: RecordKind, data):
        super().__init__(context, kind, None)
        self.data = data
        self._record = None
        self.setText(self._text(kind.add_text, data))

    def _redo(self) -> None:
        if self.record_id is None:
            self.record_id = self.kind.add(self.data)
        else:
            self.kind.restore(self._record)

    def _undo(self) -> None:
        self._record = self.kind.delete(self.record_id)


class UpdateRecordCommand(_RecordCommand):
    """New values for a stored record; undo puts the old values back.

    ``expected_version`` is the version of the record the clerk opened: a save over another clerk's later change
    is refused (``ConflictError``); undo and redo name the version their last step left.
    """

    def __init__(self, context: AppContext, kind: RecordKind, record_id: int, data,
                 expected_version: int | None = None):
        super().__init__(context, kind, record_id)
        self._before = None
        self._after = data
        self._version = expected_version
        self.setText(self._text(kind.edit_text, data))

    def _redo(self) -> None:
        before = self._before or self.kind.as_input(self.kind.get(self.record_id))
        self._version = self.kind.update(self.record_id, self._after, expected_version=self._version)
        self._before = before

    def _undo(self) -> None:
        self._version = self.kind.update(self.record_id, self._before, expected_version=self._version)


class DeleteRecordCommand(_RecordCommand):
    """Delete a record; undo puts it back with its id and values."""

    def __init__(self, context: AppContext, kind: RecordKind, record_id: int):
        super().__init__(context, kind, record_id)
        self._record = None

    def _redo(self) -> None:
        self._record = self.kind.delete(self.record_id)
        self.setText(self._text(self.kind.delete_text, self.kind.as_input(self._record)))

    def _undo(self) -> None:
        self.kind.restore(self._record)


def push_delete(context: AppContext, kind: RecordKind, record_ids: list[int], macro_text: str) -> list[Exception]:
    """Delete one or several records as one undo step; why the ones that could not be deleted were not."""
    return push_steps(context, [DeleteRecordCommand(context, kind, record_id) for record_id in record_ids],
                      macro_text)
