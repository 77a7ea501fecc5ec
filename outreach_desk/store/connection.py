"""The single database proxy and the single function that opens a store.

Everything reaches the database through ``DB``; ``open_database`` is the only place that binds
it, so tests hand in a temporary file and a county office can later hand in PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from outreach_desk.i18n import translate

DB = peewee.DatabaseProxy()

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,
    "cache_size": -32000,
    "busy_timeout": 10000,
}


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
    pass


def _tr(text: str) -> str:
    return translate("Store", text)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to write to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            _tr("The file {path} is not an Outreach Desk database (not a SQLite file). "
                "It has not been changed.").format(path=path),
            path,
        )


def schema_outdated() -> bool:
    """Whether the store open now (see ``open_database(migrate=False)``) has an older schema than this
    program's, read on its own connection (a second connection would parse the schema again)."""
    from outreach_desk.store import migrations

    return migrations.current_version(DB.obj) < migrations.latest_version()


def upgrade_in_place(path: str | Path) -> list[int]:
    """Apply the pending migrations on a connection of this thread's own, then close it: the window
    runs this in a worker for a large store, then opens it with :func:`open_database` as usual."""
    from outreach_desk.store import migrations

    _check_header(Path(path))
    database = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10)
    try:
        database.connect()
        return migrations.upgrade(database)
    finally:
        database.close()


def open_database(path: str | Path, *, migrate: bool = True, readonly: bool = False) -> peewee.Database:
    """Open (creating if needed) the store at ``path``, bring its schema up to date and bind ``DB``."""
    from outreach_desk.store import migrations

    path = Path(path)
    _check_header(path)
    if not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReadOnlyLocationError(
                _tr("Cannot create the folder {folder}: {reason}").format(folder=path.parent, reason=exc.strerror),
                path,
            ) from exc
    if readonly:
        target = f"file:{path.as_posix()}?mode=ro"
        database = peewee.SqliteDatabase(target, uri=True, pragmas={"foreign_keys": 1, "busy_timeout": 10000})
    else:
        database = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        message = str(exc).lower()
        if "not a database" in message or "file is encrypted" in message:
            raise NotADatabaseError(
                _tr("The file {path} is not an Outreach Desk database. It has not been changed.").format(path=path),
                path,
            ) from exc
        if "unable to open" in message or "readonly" in message or "read-only" in message:
            raise ReadOnlyLocationError(
                _tr("Cannot open {path} for writing. Check that the folder is writable.").format(path=path), path
            ) from exc
        raise CorruptDatabaseError(
            _tr("The database {path} is damaged ({reason}). It has not been changed; restore a backup.").format(
                path=path, reason=exc
            ),
            path,
        ) from exc
    DB.initialize(database)
    try:
        if migrate and not readonly:
            migrations.upgrade(database)
        else:
            migrations.check_version(database)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        close_database()
        raise CorruptDatabaseError(
            _tr("The database {path} is damaged ({reason}). It has not been changed; restore a backup.").format(
                path=path, reason=exc
            ),
            path,
        ) from exc
    except StoreError as exc:
        close_database()
        exc.path = path
        raise
    return database


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
            name = name[5:].split("?", 1)[0]
        return Path(name)
    return None
