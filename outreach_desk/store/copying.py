"""``copy SRC DST``: every record of one connected store into another, a SQLite file and a server either way round.

Both ends are at this program's schema (the target is migrated here, the source must be already) and
the target must hold no township. The source is read in one transaction (a snapshot: clerks writing on
a server meanwhile change nothing of what is copied); the target is written in one transaction: the
rows a new store's migrations made (activity kinds, default vocabularies) give way to the source's,
then every table goes in, in the order of its references, keeping the ids; a hook of the caller (the
photos) runs in the same transaction, and the counts of every table are compared before the commit, so
a difference or any failure leaves the target as it was. The tallies and the ledger's search index are
the target's own: its triggers fill them as the records arrive. Files are the caller's business
(:mod:`services.database_copy`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import peewee

from outreach_desk.i18n import translate
from outreach_desk.store import migrations
from outreach_desk.store.connection import StoreError

BATCH_ROWS = 500
#: kept by each store itself: its schema version, the tallies (triggers), SQLite's search index, the photo
#: store (carried by the caller's hook, since a file keeps its photos in a folder)
_OWN_TABLES = ("schema_version", "photo_blob")
_OWN_PREFIXES = ("activity_tally_", "activity_search", "sqlite_")

Progress = Callable[[int, int, str], None]


class CopyError(StoreError):
    """The copy was refused or failed; the target is as it was."""


def _tr(text: str) -> str:
    return translate("Copy", text)


def copied_tables(source: peewee.Database, target: peewee.Database) -> list[str]:
    """The tables both hold that are copied, each after the tables it refers to."""
    names = set(source.get_tables()) & set(target.get_tables())
    names = {n for n in names if n not in _OWN_TABLES and not n.startswith(_OWN_PREFIXES)}
    needs = {n: {fk.dest_table for fk in target.get_foreign_keys(n)} & names - {n} for n in names}
    ordered: list[str] = []
    while needs:
        ready = sorted(n for n, wanted in needs.items() if not wanted - set(ordered))
        if not ready:
            ready = sorted(needs)  # a cycle of references: both engines check each row at once anyway
        for name in ready:
            ordered.append(name)
            needs.pop(name)
    return ordered


def count(database: peewee.Database, table: str) -> int:
    return database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def holds_township(database: peewee.Database) -> bool:
    return database.table_exists("township") and count(database, "township") > 0


def _converter(target: peewee.Database, data_type: str) -> Callable[[object], object] | None:
    """How a value read from the other engine is written into a column of ``data_type`` on ``target``:
    PostgreSQL wants true booleans; SQLite keeps dates and times as ISO text (as peewee writes them)."""
    kind = data_type.lower()
    if isinstance(target, peewee.PostgresqlDatabase):
        return (lambda v: None if v is None else bool(v)) if kind in ("boolean", "bool") else None

    def as_text(value):
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, (dt.date, dt.time)):
            return value.isoformat()
        return value

    return as_text


def _copy_table(source: peewee.Database, target: peewee.Database, table: str) -> int:
    present = {c.name for c in source.get_columns(table)}
    columns = [c for c in target.get_columns(table) if c.name in present]
    convert = [_converter(target, c.data_type) for c in columns]
    quoted = ", ".join(f'"{c.name}"' for c in columns)
    keys = target.get_primary_keys(table)
    order = " ORDER BY " + ", ".join(f'"{k}"' for k in keys) if keys else ""
    placeholder = "(" + ", ".join([target.param] * len(columns)) + ")"
    cursor = source.execute_sql(f'SELECT {quoted} FROM "{table}"{order}')
    copied = 0
    while rows := cursor.fetchmany(BATCH_ROWS):
        values = [f(v) if f is not None else v for row in rows for f, v in zip(convert, row)]
        target.execute_sql(f'INSERT INTO "{table}" ({quoted}) VALUES ' + ", ".join([placeholder] * len(rows)),
                           values)
        copied += len(rows)
    return copied


def _reset_sequences(target: peewee.Database, tables: list[str]) -> None:
    """PostgreSQL's sequences (of the SERIAL columns, whatever their name) past the values copied in, so the
    next record gets a new number; tables without one (imported_row) have none to reset. SQLite needs nothing:
    its next rowid is always past the largest."""
    if not isinstance(target, peewee.PostgresqlDatabase):
        return
    serial = target.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%%'").fetchall()
    for table, column in serial:
        if table in tables:
            target.execute_sql(f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                               f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)',
                               (f'"{table}"', column))


def _snapshot(source: peewee.Database) -> None:
    """Inside the source's transaction: on a server, one consistent view of every table while clerks write."""
    if isinstance(source, peewee.PostgresqlDatabase):
        source.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def refuse_unless_ready(source: peewee.Database, target: peewee.Database, source_name: str,
                        target_name: str, replace: bool = False) -> None:
    """CopyError unless the source is at this program's schema and the target holds no township (or the clerk
    confirmed that the target's records are to be replaced: ``replace``)."""
    if migrations.current_version(source) != migrations.latest_version():
        raise CopyError(_tr("{source} was written by another version of Outreach Desk. Open it once with this "
                            "version (which brings it up to date), then copy it. Nothing was changed.").format(
                                source=source_name))
    if holds_township(target) and not replace:
        raise CopyError(_tr("{target} already holds records (a township). Copy only into a new or empty database, "
                            "so that no records are mixed or lost; nothing was changed.").format(target=target_name))


def copy_all(source: peewee.Database, target: peewee.Database, source_name: str, target_name: str,
             progress: Progress | None = None,
             within: Callable[[peewee.Database, peewee.Database], None] | None = None,
             replace: bool = False) -> dict[str, int]:
    """Copy every record of ``source`` into ``target`` (both connected, the target empty or new, or with
    ``replace`` its records all given up for the source's); the rows per table. ``within(source, target)`` runs
    inside both transactions after the rows (the photos)."""
    refuse_unless_ready(source, target, source_name, target_name, replace)
    migrations.upgrade(target)
    counts: dict[str, int] = {}
    with source.atomic():
        _snapshot(source)
        tables = copied_tables(source, target)
        with target.atomic():
            for table in reversed(tables):
                target.execute_sql(f'DELETE FROM "{table}"')
            for number, table in enumerate(tables):
                if progress is not None:
                    progress(number, len(tables), table)
                counts[table] = _copy_table(source, target, table)
            _reset_sequences(target, tables)
            if within is not None:
                within(source, target)
            differing = [t for t in tables if count(target, t) != count(source, t)]
            if differing:
                raise CopyError(_tr("After copying, {tables} did not hold as many records as in {source}; the copy "
                                    "was undone and {target} is as it was.").format(
                                        tables=", ".join(differing), source=source_name, target=target_name))
    return counts


def differing_counts(database: peewee.Database, counts: dict[str, int]) -> list[str]:
    """The tables of ``counts`` (rows copied, as :func:`copy_all` returns them) that ``database`` does not hold
    as many rows of: the check of a target read again after the commit."""
    present = set(database.get_tables())
    return [t for t, n in counts.items() if t in present and count(database, t) != n]
