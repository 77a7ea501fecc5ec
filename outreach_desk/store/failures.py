"""Which database failure an exception is, asked of the store: the UI never imports the driver.

SQLite's errors arrive as sqlite3's classes or as peewee's wrappers of them, and the one that
reaches the window may only carry the cause in its chain. A full disk must never be mistaken for
a damaged file: advice to restore a backup over a healthy database loses the records since.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import peewee

#: what reading or writing the store raises when SQLite fails (peewee wraps sqlite3's errors in it)
DatabaseError = peewee.DatabaseError

#: below this many free bytes, SQLite's "disk I/O error" on a write is the disk being full (SQLite reports
#: a failed growth of its shared-memory file or journal as an I/O error, not as SQLITE_FULL)
NEARLY_FULL_BYTES = 1024 * 1024
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen = 0
    while exc is not None and seen < 10:
        yield exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1


def _error_name(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def sqlite_said(exc: BaseException | None, words: str) -> bool:
    """Whether SQLite reported ``words`` ("disk is full", "locked", …) for ``exc`` or an exception in its chain.

    The cause may sit earlier in the chain: a commit that fails for lack of space makes peewee's
    rollback fail too ("cannot rollback"), which is what gets raised.
    """
    return any(isinstance(e, (sqlite3.DatabaseError, peewee.DatabaseError)) and words in str(e) for e in _chain(exc))


def _free_bytes(path: Path | None) -> int | None:
    if path is None:
        return None
    from outreach_desk.services.safe_files import free_space

    return free_space(Path(path).parent)


def disk_full(exc: BaseException | None, path: str | Path | None = None) -> bool:
    """A full disk (or a quota, or a file-size limit) anywhere in the chain of ``exc``; with ``path``, SQLite's
    "disk I/O error" also counts when the disk holding ``path`` has (nearly) nothing left."""
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno in _FULL_ERRNOS:
            return True
    if sqlite_said(exc, "database or disk is full") or any(_error_name(e) == "SQLITE_FULL" for e in _chain(exc)):
        return True
    if path is not None and io_failure(exc):
        free = _free_bytes(Path(path))
        return free is not None and free < NEARLY_FULL_BYTES
    return False


def read_only(exc: BaseException | None) -> bool:
    """SQLite (or the OS) refused to write: a read-only file, folder or medium."""
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno == errno.EROFS:
            return True
    return sqlite_said(exc, "readonly database") or sqlite_said(exc, "read-only")


def locked(exc: BaseException | None) -> bool:
    return sqlite_said(exc, "database is locked") or sqlite_said(exc, "database table is locked")


def io_failure(exc: BaseException | None) -> bool:
    return sqlite_said(exc, "disk I/O error") or any(_error_name(e).startswith("SQLITE_IOERR") for e in _chain(exc))


def damaged(exc: BaseException | None) -> bool:
    """SQLite found the file itself malformed (not a disk that is full, locked or read-only)."""
    return sqlite_said(exc, "malformed") or sqlite_said(exc, "not a database")


def explain(exc: BaseException, db_path: str | Path | None = None) -> str | None:
    """One translated sentence for a failure of the disk under the store (full, read-only, locked, failing),
    or None when ``exc`` is none of them. ``db_path`` names the store in the sentence."""
    from outreach_desk.i18n import translate
    from outreach_desk.services import safe_files

    path = Path(db_path) if db_path is not None else None
    where = str(path) if path is not None else "?"
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno:
            return safe_files.explain_os_error(e, path or Path(e.filename or "."))
    if disk_full(exc, path):
        return safe_files.disk_full_message(path.parent if path is not None else Path("."))
    if read_only(exc):
        return translate("Store", "The database {path} is read-only (the file, its folder or its disk is "
                                  "write-protected): it can be read, but nothing can be changed in it.").format(
                                      path=where)
    if locked(exc):
        return translate("Store", "The database {path} is busy: another program is writing to it. Nothing was "
                                  "changed; try again in a moment.").format(path=where)
    if io_failure(exc):
        return translate("Store", "The disk holding {path} reported a read or write error. Nothing was changed; "
                                  "check the disk (or the USB stick) and try again.").format(path=where)
    if damaged(exc):
        return translate("Store", "SQLite found the database {path} damaged while reading it. Nothing was changed; "
                                  "run 'outreach-desk check' to see what is wrong before doing anything "
                                  "else.").format(path=where)
    return None
