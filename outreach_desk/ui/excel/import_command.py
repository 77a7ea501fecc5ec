"""A workbook import as one step on the undo stack: Ctrl+Z deletes what it made, Ctrl+Shift+Z imports it again.

The import itself runs in a worker with progress and cancel; the step is pushed once it is done, so
its first redo only records it. Undo and later redos call the services in one transaction each.
"""

from __future__ import annotations

from outreach_desk.i18n import translate
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import StoreCommand

TOPICS = ("activity", "survey", "parent_letter")


class ImportCommand(StoreCommand):
    def __init__(self, context: AppContext, plan, result, source_name: str):
        super().__init__(context, "activity", translate("ImportCommand", "Import {name}").format(name=source_name))
        self.plan, self.result, self.source_name = plan, result, source_name
        self._done = True  # the worker has imported it already

    def _redo(self) -> None:
        if self._done:
            return
        from outreach_desk.services.excel import import_rows

        self.result = import_rows.commit(self.plan, source_name=self.source_name)
        self._done = True
        self._announce()

    def _undo(self) -> None:
        from outreach_desk.services.import_undo import undo_import

        undo_import(self.result, self.source_name)
        self._done = False
        self._announce()

    def _announce(self) -> None:
        for topic in TOPICS[1:]:
            if self.result.imported.get(topic):
                self.context.data_changed.emit(topic)
