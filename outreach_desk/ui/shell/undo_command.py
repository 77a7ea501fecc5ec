"""The one shape of every undoable change of stored records (ledger, surveys, letters).

``QUndoStack.push()`` calls ``redo()``, so a command makes its change in ``redo()`` and takes it
back in ``undo()``, never in its constructor. A step that fails (a refusal at the first redo, a
record that went another way before an undo) is made obsolete, so the stack drops it instead of
holding a step the store no longer matches, and is reported. ``data_changed(topic)`` follows
every step. :func:`push` hands the failure of the first redo back to the caller, which can say
it where the clerk typed (under a field) rather than in a dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from outreach_desk.ui.shell.context import AppContext


class StoreCommand(QUndoCommand):
    """Subclasses implement ``_redo`` (make the change; the first call may differ from later ones)
    and ``_undo``; both call services, which write in a transaction each."""

    def __init__(self, context: AppContext, topic: str, text: str = ""):
        super().__init__(text)
        self.context = context
        self.topic = topic
        #: what stopped the last step (None when it went through)
        self.failure: Exception | None = None
        self._caller_reports = False

    def redo(self) -> None:
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step) -> None:
        self.failure = None
        try:
            step()
        except Exception as exc:  # the stack calls us from C++: report here, never raise through it
            self.failure = exc
            self.setObsolete(True)
            if not self._caller_reports:
                from outreach_desk.ui.shell.errors import show_exception

                show_exception(QApplication.activeWindow(), exc)
        finally:
            self.context.data_changed.emit(self.topic)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


def push(context: AppContext, command: StoreCommand) -> Exception | None:
    """Push ``command`` (which makes its change); None when done, else why not (the command is then
    not on the stack and nothing was reported: the caller tells the user)."""
    command._caller_reports = True
    context.undo_stack.push(command)
    command._caller_reports = False
    return command.failure


def push_steps(context: AppContext, commands: Sequence[StoreCommand], macro_text: str) -> list[Exception]:
    """Push several commands as one undo step; the failures (the steps that went through stay).

    When none went through, no empty step is left on the stack.
    """
    if len(commands) == 1:
        failure = push(context, commands[0])
        return [failure] if failure is not None else []
    stack = context.undo_stack
    stack.beginMacro(macro_text)
    try:
        failures = [f for f in (push(context, command) for command in commands) if f is not None]
    finally:
        stack.endMacro()
    if commands and len(failures) == len(commands):
        macro = stack.command(stack.index() - 1)
        macro.setObsolete(True)
        stack.undo()  # an obsolete step is removed by undo, its (empty) undo doing nothing
    return failures
