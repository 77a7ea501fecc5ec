"""The single database proxy and the single function that opens a store.

Everything reaches the database through ``DB``; ``open_database`` is the only place that binds
it, so tests hand in a temporary file and a county office can later hand in PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path

import peewee

from outreach_desk.i18n import translate

DB = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,
    "cache_size": -32000,
    "busy_timeout": 10000,
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 10000}


class StoreError(Exception):
    """A problem with the database file that the user must be told about in plain words."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.path = path


class NotADatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class ReadOnlyLocationError(StoreError):
    """The file, its folder or its disk cannot be written: the store can only be opened read-only."""


class UnusableFileError(StoreError):
    """The path names a folder, a device, a pipe or a dangling link, not a database file."""


class DiskFullError(StoreError):
    """The disk holding the store has no room for SQLite's journal; the store is as it was."""


class NeedsUpgradeError(StoreError):
    """A read-only store of an older version, which this version can only read once upgraded."""


def _tr(text: str) -> str:
    return translate("Store", text)


def check_database_path(path: str | Path) -> None:
    """Refuse a folder, a device, a pipe or a link to nothing before SQLite opens it (a regular file or a
    new one only). Nothing here opens the file: a descriptor closed in this process drops SQLite's locks."""
    from outreach_desk.services import safe_files

    path = Path(path)
    try:
        safe_files.check_file(path, follow_links=True)
    except safe_files.UnsafePathError as exc:
        raise UnusableFileError(_tr("{reason} It cannot be used as the database; nothing was changed.").format(
            reason=exc), path) from exc


def writable(path: Path) -> bool:
    """Whether SQLite could write the store at ``path``: the file (if it exists) and its folder (or the
    nearest folder that exists, where it would be made), for the journal files beside it. Asked of the OS
    without opening anything."""
    if path.exists() and not os.access(path, os.W_OK):
        return False
    folder = Path(os.path.abspath(path)).parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


def _read_only_error(path: Path) -> ReadOnlyLocationError:
    return ReadOnlyLocationError(
        _tr("The database {path} is read-only (the file, its folder or its disk is write-protected): it can be "
            "read, but nothing can be changed in it.").format(path=path), path)


def _disk_full_error(path: Path) -> DiskFullError:
    from outreach_desk.services import safe_files

    return DiskFullError(safe_files.disk_full_message(path.parent), path)


def _uri(path: Path, **parameters: str) -> str:
    """A ``file:`` URI for SQLite: an absolute path, percent-encoded (a ``?`` or ``#`` in a folder name)."""
    absolute = Path(os.path.abspath(path)).as_posix()
    if absolute.startswith("//"):
        absolute = "//" + absolute  # a Windows share: file:////server/share/…
    elif not absolute.startswith("/"):
        absolute = "/" + absolute  # file:/C:/… on Windows
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    return "file:" + urllib.parse.quote(absolute, safe="/:") + ("?" + query if query else "")


def _explain_open_failure(exc: BaseException, path: Path) -> StoreError:
    from outreach_desk.store import failures

    if failures.disk_full(exc, path):
        return _disk_full_error(path)
    if failures.read_only(exc):
        return _read_only_error(path)
    message = str(exc).lower()
    if "not a database" in message or "file is encrypted" in message:
        return NotADatabaseError(
            _tr("The file {path} is not an Outreach Desk database. It has not been changed.").format(path=path), path)
    if "unable to open" in message:
        return ReadOnlyLocationError(
            _tr("Cannot open {path}: the folder does not exist or may not be read or written. Check the folder; the "
                "file has not been changed.").format(path=path), path)
    if failures.io_failure(exc):
        return StoreError(_tr("The disk holding {path} reported a read or write error, so the database could not be "
                              "opened. It has not been changed; check the disk (or the USB stick) and try "
                              "again.").format(path=path), path)
    return CorruptDatabaseError(
        _tr("The database {path} is damaged ({reason}). It has not been changed; restore a backup.").format(
            path=path, reason=exc), path)


def _connect(database: peewee.SqliteDatabase, path: Path) -> None:
    """Connect and read the schema: SQLite itself says "file is not a database" for anything else."""
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise _explain_open_failure(exc, path) from exc


def _read_only_database(path: Path) -> peewee.SqliteDatabase:
    """The store opened read-only. Where the folder cannot hold SQLite's ``-shm`` file (a write-protected
    stick, a CD) and no journal is waiting there, it is opened immutable (sqlite.org/wal.html,
    "Read-Only Databases"); a journal that cannot be read back is refused rather than ignored."""
    if not path.exists():
        raise StoreError(_tr("The database {path} does not exist.").format(path=path), path)
    database = peewee.SqliteDatabase(_uri(path, mode="ro"), uri=True, pragmas=READ_ONLY_PRAGMAS)
    try:
        _connect(database, path)
        return database
    except ReadOnlyLocationError:
        if os.access(path.parent, os.W_OK):
            raise
    wal = path.with_name(path.name + "-wal")
    try:
        waiting = wal.stat().st_size > 0
    except OSError:
        waiting = False
    if waiting:
        raise ReadOnlyLocationError(
            _tr("The database {path} has changes waiting in its journal ({journal}) and lies on a disk that cannot be "
                "written, so they cannot be read back. Copy the folder to a writable disk and open the copy.").format(
                    path=path, journal=wal.name), path)
    database = peewee.SqliteDatabase(_uri(path, mode="ro", immutable="1"), uri=True, pragmas=READ_ONLY_PRAGMAS)
    _connect(database, path)
    return database


def schema_outdated() -> bool:
    """Whether the store open now (see ``open_database(migrate=False)``) has an older schema than this
    program's, read on its own connection (a second connection would parse the schema again)."""
    from outreach_desk.store import migrations

    return migrations.current_version(DB.obj) < migrations.latest_version()


def upgrade_in_place(path: str | Path) -> list[int]:
    """Apply the pending migrations on a connection of this thread's own, then close it: the window
    runs this in a worker for a large store, then opens it with :func:`open_database` as usual."""
    from outreach_desk.store import migrations

    path = Path(path)
    check_database_path(path)
    database = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10)
    try:
        _connect(database, path)
        return migrations.upgrade(database)
    finally:
        database.close()


def _writable_database(path: Path) -> peewee.SqliteDatabase:
    if not writable(path):
        raise _read_only_error(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from outreach_desk.store import failures

        if failures.disk_full(exc, path):
            raise _disk_full_error(path) from exc
        from outreach_desk.services import safe_files

        raise ReadOnlyLocationError(safe_files.explain_os_error(exc, path.parent), path) from exc
    database = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10)
    _connect(database, path)
    return database


def unbound_database(path: str | Path, *, readonly: bool) -> peewee.SqliteDatabase:
    """The store file at ``path`` connected on a connection of its own, ``DB`` left as it is (the two ends of
    a copy): read-only as ``open_database(readonly=True)`` reads it, or writable (made when new). Nothing is
    migrated; the caller closes it."""
    path = Path(path)
    check_database_path(path)
    return _read_only_database(path) if readonly else _writable_database(path)


def open_database(path: str | Path, *, migrate: bool = True, readonly: bool = False,
                  password: str | None = None) -> peewee.Database:
    """Open (creating if needed) the store at ``path``, bring its schema up to date and bind ``DB``.

    ``readonly`` opens it with SQLite's read-only (and, on read-only media, immutable) mode and migrates
    nothing. Failures raise a StoreError subclass whose ``str()`` tells the user what is wrong and where.
    A ``postgresql://`` URL opens a server database instead (:mod:`store.server`), with ``password`` when
    the clerk typed one.
    """
    from outreach_desk.store import migrations, server

    if server.is_server_url(path):
        return server.open_server(str(path), migrate=migrate and not readonly, password=password)
    path = Path(path)
    check_database_path(path)
    database = _read_only_database(path) if readonly else _writable_database(path)
    DB.initialize(database)
    try:
        if migrate and not readonly:
            migrations.upgrade(database)
        else:
            migrations.check_version(database)
            if readonly and migrations.current_version(database) < migrations.latest_version():
                raise NeedsUpgradeError(
                    _tr("The database {path} was written by an older version of Outreach Desk and must be upgraded "
                        "before this version can read it, which cannot be done where it lies (read-only). Copy it to "
                        "a folder you may write to and open the copy.").format(path=path), path)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        close_database()
        raise _explain_open_failure(exc, path) from exc
    except StoreError as exc:
        close_database()
        exc.path = path
        raise
    return database


def write_transaction():
    """A transaction for a read-then-write: on SQLite it takes the write lock at once (``BEGIN IMMEDIATE``), so a
    second connection waits its turn (busy_timeout) rather than failing on a snapshot another one has changed
    since; on PostgreSQL an ordinary transaction (an UPDATE waits for the row's other writer). Nested: a savepoint.
    """
    if isinstance(DB.obj, peewee.SqliteDatabase):
        return DB.atomic("IMMEDIATE")
    return DB.atomic()


def close_database() -> None:
    database = DB.obj
    if database is not None and not database.is_closed():
        database.close()


def database_path() -> Path | None:
    """The file behind ``DB`` (None for a server database)."""
    database = DB.obj
    if isinstance(database, peewee.SqliteDatabase):
        name = database.database
        if name.startswith("file:"):
            name = urllib.parse.unquote(name[5:].split("?", 1)[0])
            if name.startswith("////"):
                name = name[2:]  # //server/share/… back from file:////server/share/…
            elif len(name) > 2 and name[0] == "/" and name[2] == ":":
                name = name[1:]  # /C:/… back to C:/…
        return Path(name)
    return None
