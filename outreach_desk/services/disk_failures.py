"""The one sentence for a failing disk or file under the open store, for the window as the CLI says it.

A full disk, a read-only medium, a database another program is writing, a refused permission: the
command line names each with :func:`store.failures.explain` or :func:`safe_files.explain_os_error`;
the window asks here so that it says the same sentence, with the same folder and free space, and
needs no import of the store's connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from outreach_desk.services import safe_files
from outreach_desk.store import failures, server
from outreach_desk.store.connection import database_path


def explain(exc: BaseException) -> str | None:
    """A translated sentence for ``exc`` when it is a disk, file or database-access failure; None otherwise
    (an unexpected error, to be shown with its details). On a server database, a refused, lost or
    unreachable server is told naming it."""
    where = server.bound_server()
    if where is not None and isinstance(exc, failures.DatabaseError):
        return server.explain(exc, where)
    path = database_path()
    if isinstance(exc, OSError):
        if not exc.errno:
            return None
        filename = getattr(exc, "filename", None)
        return safe_files.explain_os_error(exc, Path(filename) if filename else path or Path("."))
    if isinstance(exc, (failures.DatabaseError, sqlite3.Error)):
        return failures.explain(exc, path)
    return None
