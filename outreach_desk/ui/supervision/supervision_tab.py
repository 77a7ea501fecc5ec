"""What the three tabs of the supervision page share: the page's township and status line, one undoable step
per change, and photos copied in a worker before a record is written.

Each change goes on the window's undo stack as a do and an undo function (the services write the
audit trail); the page reloads after both, and tells the other pages through ``data_changed``.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import supervision_photos


def _tr(text: str) -> str:
    return translate("OrdersPage", text)


class _Command(QUndoCommand):
    """An undoable step made of a do and an undo function; the page refreshes after both."""

    def __init__(self, page, text: str, do, undo):
        super().__init__(text)
        self.page, self._do, self._undo = page, do, undo

    def redo(self) -> None:
        self._do()
        self.page.after_change()

    def undo(self) -> None:
        self._undo()
        self.page.after_change()


class SupervisionTab(QWidget):
    """A tab of ``page`` (the supervision page: ``context``, ``status``, ``township``, ``after_change``,
    ``photos_stored``)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.context = page.context

    @property
    def township(self):
        return self.page.township

    def say(self, text: str) -> None:
        self.page.status.setText(text)

    def push(self, text: str, do, undo) -> bool:
        try:
            self.context.undo_stack.push(_Command(self.page, text, do, undo))
        except ServiceError as exc:
            self.say(str(exc))
            return False
        return True

    def add_step(self, text: str, errors: list, add, delete, restore) -> bool:
        """``add()`` as one undoable step (``delete(id)`` takes it back and returns what ``restore`` puts back),
        refused with the first of ``errors`` in the status line."""
        if errors:
            self.say(errors[0].message)
            return False
        made: dict = {}

        def do():
            if "kept" in made:
                restore(made["kept"])
            else:
                made["id"] = add()

        def undo():
            made["kept"] = delete(made["id"])

        return self.push(text, do, undo)

    def delete_step(self, text: str, delete, restore) -> bool:
        """``delete()`` (which returns what it removed) as one undoable step; undo gives it to ``restore``."""
        kept: dict = {}

        def do():
            kept["record"] = delete()

        return self.push(text, do, lambda: restore(kept["record"]))

    def store_photos_then(self, paths, write) -> None:
        """Copy the picked pictures into the photo folder in a worker, then ``write(infos)`` on the GUI thread.

        The copied files of a refused or failed write are taken away again; ``photos_stored`` says it is over.
        """
        from outreach_desk.services import photos
        from outreach_desk.ui.shell.tasks import run_task

        paths = list(paths)

        def done(stored) -> None:
            if not write(supervision_photos.as_infos(stored)):
                photos.discard(stored)
            self.page.photos_stored.emit()

        def failed(exc: Exception, _details: str) -> None:
            self.say(str(exc) if isinstance(exc, ServiceError) else
                     _tr("The photos could not be copied: {reason}").format(reason=exc))
            self.page.photos_stored.emit()

        if not paths:
            done([])
            return
        self._storing = run_task(self, _tr("Copying the photos…"), lambda progress: photos.store_files(paths, progress),
                                 on_done=done, on_error=failed)

    def campaign_end(self):
        """The last day of the township's current campaign (None without one): no order is due after it."""
        from outreach_desk.services.coverage import campaigns

        campaign = campaigns.current(self.township.id)
        return campaign.end if campaign is not None else None
