"""What pages share: the database (a file's path or a server's address), the undo stack, settings and
change notifications.

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

    def __init__(self, database_path: Path | str, language: str = "zh_CN", settings: QSettings | None = None,
                 parent: QObject | None = None):
        """``database_path`` is the database file, or a server's ``postgresql://`` URL (its password, if any,
        is dropped here: what the pages see may be shown and remembered)."""
        super().__init__(parent)
        from outreach_desk.store.server import describe, is_server_url, without_password

        #: the server's URL without a password, or None for a database file
        self.server_url: str | None = without_password(str(database_path)) if is_server_url(database_path) else None
        #: the database file, or None on a server
        self.database_path: Path | None = None if self.server_url else Path(database_path)
        #: how the window names the database: the file's name, or user@host:port/dbname
        self.database_name = describe(self.server_url) if self.server_url else self.database_path.name
        #: what settings remembered per database are keyed by
        self.database_key = self.server_url or str(self.database_path.resolve())
        self.language = language
        self.settings = settings or QSettings()
        self.undo_stack = QUndoStack(self)
        self.apply_clerk_name()

    def apply_clerk_name(self) -> None:
        """Sign the following changes with the clerk's name from the settings ("" when none is set)."""
        from outreach_desk.services import clerk

        clerk.set_name(str(self.settings.value(CLERK_NAME_KEY, "") or ""))
