"""What pages share: the database path, the undo stack, settings and change notifications.

Pages receive this object instead of reaching for globals, so tests build one per test.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

#: QSettings keys of the preferences dialog (ui/shell/app.py reads the language at start-up)
CLERK_NAME_KEY = "clerk/name"
LANGUAGE_KEY = "ui/language"


class AppContext(QObject):
    #: something in the store changed; the argument names what ("activity", "organisation", …)
    data_changed = Signal(str)
    #: the organisation tree selection: (village_id or None, site_id or None)
    scope_selected = Signal(object, object)
    #: ask the window to show a page by its object name, e.g. "coverage"
    show_page = Signal(str, object)

    def __init__(self, database_path: Path, language: str = "zh_CN", settings: QSettings | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.database_path = Path(database_path)
        self.language = language
        self.settings = settings or QSettings()
        self.undo_stack = QUndoStack(self)
        self.apply_clerk_name()

    def apply_clerk_name(self) -> None:
        """Sign the following changes with the clerk's name from the settings ("" when none is set)."""
        from outreach_desk.services import clerk

        clerk.set_name(str(self.settings.value(CLERK_NAME_KEY, "") or ""))
