"""Undoable add, edit and delete of survey and parent-letter records through ``context.undo_stack``.

Same pattern as :mod:`ui.ledger_commands`: each command does its work when it is made (a refusal
raises before anything reaches the stack), ``push`` only records it, and a step that can no longer
be done is reported and dropped instead of leaving the stack and the store out of step.

Undoing a delete, or redoing an add, puts the record back under its own id (the services'
``restore``), so a record keeps one id in every command about it and one history in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import letters, surveys
from outreach_desk.ui.shell.context import AppContext

CONTEXT = "RecordCommands"


@dataclass(frozen=True)
class RecordKind:
    """One kind of record the commands can handle: its service calls and its words."""

    topic: str  #: the ``data_changed`` argument
    input_type: type
    add: Callable[[Any], int]
    update: Callable[[int, Any], None]
    delete: Callable[[int], Any]
    restore: Callable[[Any], int]
    get: Callable[[int], Any]
    describe: Callable[[Any], str]
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


SURVEYS = RecordKind("survey", surveys.SurveyInput, surveys.add, surveys.update, surveys.delete, surveys.restore,
                     surveys.get,
                     _survey_words,
                     QT_TRANSLATE_NOOP("RecordCommands", "Add awareness survey ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Edit awareness survey ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Delete awareness survey ({what})"))
LETTERS = RecordKind("letter", letters.LetterInput, letters.add, letters.update, letters.delete, letters.restore,
                     letters.get,
                     _letter_words,
                     QT_TRANSLATE_NOOP("RecordCommands", "Add parent letters ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Edit parent letters ({what})"),
                     QT_TRANSLATE_NOOP("RecordCommands", "Delete parent letters ({what})"))


class _RecordCommand(QUndoCommand):
    def __init__(self, context: AppContext, kind: RecordKind, record_id: int):
        super().__init__()
        self.context = context
        self.kind = kind
        self.record_id = record_id
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # the work was done in the constructor; push() only announces it
            self._pushed = True
            self.context.data_changed.emit(self.kind.topic)
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
            self.context.data_changed.emit(self.kind.topic)

    def _text(self, template: str, data) -> str:
        return translate(CONTEXT, template).format(what=self.kind.describe(data))

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateRecordCommand(_RecordCommand):
    """A new record; undo deletes it, redo puts it back under the same id."""

    def __init__(self, context: AppContext, kind: RecordKind, data):
        super().__init__(context, kind, kind.add(data))
        self._record = None
        self.setText(self._text(kind.add_text, data))

    def _undo(self) -> None:
        self._record = self.kind.delete(self.record_id)

    def _redo(self) -> None:
        self.kind.restore(self._record)


class UpdateRecordCommand(_RecordCommand):
    """New values for a stored record; undo puts the old values back."""

    def __init__(self, context: AppContext, kind: RecordKind, record_id: int, data):
        super().__init__(context, kind, record_id)
        self._before = kind.as_input(kind.get(record_id))
        kind.update(record_id, data)
        self._after = data
        self.setText(self._text(kind.edit_text, data))

    def _undo(self) -> None:
        self.kind.update(self.record_id, self._before)

    def _redo(self) -> None:
        self.kind.update(self.record_id, self._after)


class DeleteRecordCommand(_RecordCommand):
    """Delete a record; undo puts it back with its id and values."""

    def __init__(self, context: AppContext, kind: RecordKind, record_id: int):
        super().__init__(context, kind, record_id)
        self._record = kind.delete(record_id)
        self.setText(self._text(kind.delete_text, kind.as_input(self._record)))

    def _undo(self) -> None:
        self.kind.restore(self._record)

    def _redo(self) -> None:
        self.kind.delete(self.record_id)


def push_delete(context: AppContext, kind: RecordKind, record_ids: list[int], macro_text: str) -> None:
    """Delete one or several records as one undo step."""
    stack = context.undo_stack
    if len(record_ids) == 1:
        stack.push(DeleteRecordCommand(context, kind, record_ids[0]))
        return
    stack.beginMacro(macro_text)
    try:
        for record_id in record_ids:
            stack.push(DeleteRecordCommand(context, kind, record_id))
    finally:
        stack.endMacro()
