"""The pictures of a server database, kept in the server (table ``photo_blob``, migration 0023) by SHA-256.

Only a PostgreSQL store has the table; a database file keeps its pictures in the folder beside it
(services/photos.py). One row per picture, whatever number of records show it; the rows naming a
picture (``photo``, ``supervision_photo``) are written by the services with their records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import peewee

TABLE = "photo_blob"


def bound() -> peewee.Database:
    """The store bound to ``DB`` now."""
    from outreach_desk.store.connection import DB

    return DB.obj


def bound_kept() -> bool:
    """Whether the store bound to ``DB`` is a server that keeps its pictures itself (a file is never asked)."""
    from outreach_desk.store.server import bound_server

    return bound_server() is not None and kept_in(bound())


def kept_in(database: peewee.Database) -> bool:
    """Whether ``database`` keeps its pictures itself (a server), not in a folder beside it."""
    return database.table_exists(TABLE)


def put(database: peewee.Database, sha256: str, ext: str, data: bytes) -> bool:
    """Store one picture; False when the server had it already (another clerk put it there), whose ``added_at``
    is then touched: a save about to name it must not see it swept meanwhile (see :func:`sweep`)."""
    p = database.param
    row = database.execute_sql(
        f"INSERT INTO {TABLE} (sha256, ext, size, data, added_at) VALUES ({p}, {p}, {p}, {p}, {p}) "
        "ON CONFLICT (sha256) DO UPDATE SET added_at = EXCLUDED.added_at RETURNING (xmax = 0)",
        (sha256, ext, len(data), data, dt.datetime.now().replace(microsecond=0))).fetchone()
    return bool(row and row[0])


def hold(database: peewee.Database, shas) -> set[str]:
    """Of the pictures ``shas``, those the server still keeps, each touched (``added_at``) inside the caller's
    transaction, for an undo about to name them again. The touch locks the rows against a sweep (:func:`sweep`):
    one running meanwhile waits for the caller's commit and then sees the records naming them; one that ran
    first has removed the picture, which is then not among those returned."""
    wanted = sorted(set(shas))
    if not wanted:
        return set()
    rows = database.execute_sql(f"UPDATE {TABLE} SET added_at = LOCALTIMESTAMP(0) WHERE sha256 = ANY({database.param}) "
                                "RETURNING sha256", (wanted,)).fetchall()
    return {row[0].strip() for row in rows}


def get(database: peewee.Database, sha256: str) -> bytes | None:
    row = database.execute_sql(f"SELECT data FROM {TABLE} WHERE sha256 = {database.param}", (sha256,)).fetchone()
    return bytes(row[0]) if row else None


def stored(database: peewee.Database) -> dict[str, str]:
    """Every picture's SHA-256 with its extension."""
    return dict(database.execute_sql(f"SELECT sha256, ext FROM {TABLE}").fetchall())


def each(database: peewee.Database, shas) -> Iterator[tuple[str, str, bytes]]:
    """(sha256, ext, bytes) of the pictures named, one query each, so one picture at a time is in memory."""
    for sha in sorted(shas):
        row = database.execute_sql(f"SELECT ext, data FROM {TABLE} WHERE sha256 = {database.param}",
                                   (sha,)).fetchone()
        if row:
            yield sha, row[0], bytes(row[1])


def remove(database: peewee.Database, sha256: str) -> None:
    database.execute_sql(f"DELETE FROM {TABLE} WHERE sha256 = {database.param}", (sha256,))


#: the tables whose rows name a managed file: activity, inspection and re-inspection photos, campaign documents
NAMING_TABLES = ("photo", "supervision_photo", "campaign_document")


def named(database: peewee.Database) -> dict[str, str]:
    """The files the records of ``database`` name (photos and the document archive), with their extensions."""
    present = set(database.get_tables())
    union = " UNION ".join(f"SELECT sha256, ext FROM {t}" for t in NAMING_TABLES if t in present)
    return {sha.strip(): ext for sha, ext in database.execute_sql(union).fetchall()}


def _unused(database: peewee.Database, before: dt.datetime | None = None) -> str:
    """The WHERE of the pictures no record names (no row of a :data:`NAMING_TABLES` table); with ``before``, only
    those stored and let go of by their last record before then (migration 0029)."""
    present = set(database.get_tables())
    conditions = [f"NOT EXISTS (SELECT 1 FROM {t} n WHERE n.sha256 = b.sha256)" for t in NAMING_TABLES if t in present]
    if before is not None:
        stamp = before.replace(microsecond=0).isoformat(sep=" ")
        conditions.append(f"b.added_at < '{stamp}' AND (b.released_at IS NULL OR b.released_at < '{stamp}')")
    return " AND ".join(conditions) or "TRUE"


def unused(database: peewee.Database, before: dt.datetime | None = None) -> tuple[int, int]:
    """(how many, bytes) of the pictures on the server that no record names (let go of before ``before``)."""
    count, size = database.execute_sql(
        f"SELECT COUNT(*), COALESCE(SUM(size), 0) FROM {TABLE} b WHERE {_unused(database, before)}").fetchone()
    return int(count), int(size)


def sweep(database: peewee.Database, before: dt.datetime | None = None) -> tuple[int, int]:
    """Delete the pictures no record names (with ``before``: stored and let go of before then), inside the caller's
    transaction; (how many, bytes) went. New pictures, touched ones and records letting go of one wait for the
    transaction's end (a lock that lets readers on), so none changed meanwhile can be taken."""
    database.execute_sql(f"LOCK TABLE {TABLE} IN SHARE ROW EXCLUSIVE MODE")
    count, size = unused(database, before)
    database.execute_sql(f"DELETE FROM {TABLE} b WHERE {_unused(database, before)}")
    return count, size
