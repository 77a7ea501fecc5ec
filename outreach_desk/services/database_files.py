"""Opening a database file for reading or copying through SQLite alone, and its failures in plain words.

Nothing here reads a database file with Python's own file I/O: on POSIX, closing any descriptor of a
file drops every SQLite lock this process holds on it, which lets another process delete the live
journal (sqlite.org, "How To Corrupt An SQLite Database File", 2.2). SQLite itself says when a file
is not a database. A file on a read-only medium is read in SQLite's immutable mode when the normal
read-only mode cannot open it; a full disk is reported as such, with the folder and the space left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import safe_files
from outreach_desk.services.errors import ServiceError

BUSY_TIMEOUT_S = 5.0
#: below this much free space SQLite cannot even make the shared-memory file a WAL database needs
NEARLY_FULL_BYTES = 64 * 1024
_FULL_ERRORS = {"SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_TRUNCATE",
                "SQLITE_IOERR_FSYNC"}


def _tr(text: str) -> str:
    return translate("Backup", text)


class BackupError(ServiceError):
    """A backup, check or restore that could not be done; nothing was changed. ``reason`` says why."""

    def __init__(self, message: str, reason: str = "io", path: Path | None = None):
        super().__init__(message)
        self.reason = reason
        self.path = path


def uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _error_name(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def not_a_database(exc: BaseException) -> bool:
    return _error_name(exc) == "SQLITE_NOTADB" or "file is not a database" in str(exc)


def damaged_error(exc: BaseException) -> bool:
    return _error_name(exc).startswith("SQLITE_CORRUPT") or "malformed" in str(exc)


def damaged(path: Path, exc: BaseException) -> BackupError:
    return BackupError(_tr("{path} is damaged and cannot be read by SQLite ({reason}).").format(path=path, reason=exc),
                       "corrupt", path)


def not_sqlite(path: Path) -> BackupError:
    return BackupError(_tr("{path} is not an Outreach Desk database or backup (not a SQLite file).").format(
        path=path), "not_sqlite", path)


def disk_full(folder: Path) -> BackupError:
    return BackupError(safe_files.disk_full_message(folder), "disk_full", folder)


def _nearly_full(folder: Path) -> bool:
    free = safe_files.free_space(folder)
    return free is not None and free < NEARLY_FULL_BYTES


def _read_only_medium(folder: Path) -> bool:
    if hasattr(os, "statvfs"):
        with contextlib.suppress(OSError):
            return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return not os.access(folder, os.W_OK)


def _has_journal_content(path: Path) -> bool:
    """Whether a WAL or rollback journal beside ``path`` holds anything (an immutable read would ignore it)."""
    for suffix in ("-wal", "-journal"):
        with contextlib.suppress(OSError):
            if os.stat(path.with_name(path.name + suffix)).st_size > 0:
                return True
    return False


def require_database_file(path: Path, missing_text: str) -> None:
    """Refuse, before SQLite opens anything, a path that is missing, a folder, a pipe, a device or empty."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise BackupError(missing_text.format(path=path), "missing", path) from None
    except OSError as exc:
        raise BackupError(safe_files.explain_os_error(exc, path), "unreadable", path) from exc
    if not stat.S_ISREG(info.st_mode):
        raise BackupError(_tr("{path} is not a file (it is a folder, a device or a pipe).").format(path=path),
                          "not_sqlite", path)
    if info.st_size == 0:
        raise not_sqlite(path)


def _first_read(connection: sqlite3.Connection) -> None:
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()


def connect(path: Path, *, writable_first: bool) -> sqlite3.Connection:
    """A connection that can read ``path``: read-write first when ``writable_first`` (so that closing it
    tidies the WAL files as SQLite normally does), then read-only, then immutable on a read-only medium.

    Raises BackupError: ``not_sqlite``, ``corrupt``, ``disk_full`` (with the folder and its free space)
    or ``unreadable``.
    """
    folder = path.parent
    modes = ("rw", "ro") if writable_first else ("ro",)
    failures: list[BaseException] = []
    for mode in modes:
        try:
            connection = sqlite3.connect(uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            failures.append(exc)
            continue
        try:
            _first_read(connection)
            return connection
        except sqlite3.DatabaseError as exc:
            connection.close()
            if not_a_database(exc):
                raise not_sqlite(path) from exc
            if damaged_error(exc):
                raise damaged(path, exc) from exc
            failures.append(exc)
    if any(_error_name(exc) in _FULL_ERRORS for exc in failures) or _nearly_full(folder):
        raise disk_full(folder) from (failures[-1] if failures else None)
    if _read_only_medium(folder) and not _has_journal_content(path):
        try:
            connection = sqlite3.connect(uri(path, "ro&immutable=1"), uri=True, timeout=BUSY_TIMEOUT_S)
            _first_read(connection)
            return connection
        except sqlite3.DatabaseError as exc:
            if not_a_database(exc):
                raise not_sqlite(path) from exc
            if damaged_error(exc):
                raise damaged(path, exc) from exc
            failures.append(exc)
    if _read_only_medium(folder):
        raise BackupError(_tr("{path} is on a read-only medium and its journal holds changes that were never "
                              "written into it; copy the whole folder to a writable disk and open the copy.").format(
                                  path=path), "unreadable", path)
    raise BackupError(_tr("Cannot read {path}: another program holds it locked, or you are not allowed to read "
                          "it ({reason}).").format(path=path, reason=failures[-1] if failures else "?"),
                      "unreadable", path)


def plain_error(exc: BaseException, path: Path) -> BackupError:
    """A failure to write at ``path`` (a file or a folder) in one sentence: full disk, read-only, in use …"""
    if isinstance(exc, BackupError):
        return exc
    if isinstance(exc, safe_files.UnsafePathError):
        return BackupError(str(exc), "unsafe_path", exc.path)
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    folder = path if path.is_dir() else path.parent
    if (code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
            or _error_name(exc) in _FULL_ERRORS or "disk is full" in text):
        return disk_full(folder)
    if getattr(exc, "winerror", None) in (32, 33):  # Windows: the file is open in another program
        return BackupError(_tr("{path} is in use by another program. Nothing was changed; close that program and "
                               "try again.").format(path=path), "locked", path)
    if (isinstance(exc, PermissionError) or code in (errno.EROFS, errno.EACCES, errno.EPERM)
            or "readonly" in text or "read-only" in text or "unable to open" in text):
        return BackupError(_tr("Nothing was written, because {path} is read-only or you are not allowed to write "
                               "there.").format(path=path), "read_only", path)
    if "locked" in text or "busy" in text or code == errno.EBUSY:
        return BackupError(_tr("{path} is in use by another program. Nothing was changed; close that program and "
                               "try again.").format(path=path), "locked", path)
    if isinstance(exc, OSError):
        return BackupError(safe_files.explain_os_error(exc, path), "io", path)
    return BackupError(_tr("Could not write {path} ({reason}). Nothing was changed.").format(path=path, reason=exc),
                       "io", path)


# ---- what SQLite says about a file --------------------------------------------------------------


def integrity_problems(connection: sqlite3.Connection, quick: bool) -> list[str]:
    """SQLite's findings, one a line (older SQLite versions pack several into one row)."""
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    rows = [str(row[0]) for row in connection.execute(pragma).fetchall()]
    if rows == ["ok"]:
        return []
    return [line for row in rows for line in row.splitlines() if line.strip() and not line.startswith("***")]


def schema_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return int(connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)
