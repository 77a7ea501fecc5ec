"""Many rows into one table with the driver's ``executemany``, for imports, audit entries and tombstones.

peewee's ``insert_many`` builds the SQL text value by value, which costs more than the insert itself for
thousands of rows. A driver error is raised as peewee's class of the same DB-API name (IntegrityError,
OperationalError …, chained to the driver's), as peewee's own queries raise it, so callers catch one family
on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import peewee

from outreach_desk.store.connection import DB

#: rows per ``executemany``: a long transaction's statements stay a few hundred rows each
CHUNK = 500

#: the DB-API (PEP 249) error classes, most specific first; DatabaseError last
_DB_API_ERRORS = ("IntegrityError", "DataError", "OperationalError", "ProgrammingError", "NotSupportedError",
                  "InternalError", "InterfaceError", "DatabaseError")


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence], chunk: int = CHUNK) -> int:
    """Insert ``rows`` (values in the order of ``columns``) into ``table``; call it inside a transaction."""
    if not rows:
        return 0
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([DB.param] * len(columns))})"
    cursor = DB.cursor()
    for start in range(0, len(rows), chunk):
        try:
            cursor.executemany(sql, rows[start:start + chunk])
        except Exception as exc:
            wrapped = as_peewee_error(exc)
            if wrapped is exc:
                raise
            raise wrapped from exc
    return len(rows)


def iso(value):
    """Dates and times go in as ISO text, which SQLite stores and PostgreSQL casts (as the demo loader does)."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()


def insert_model_rows(model, rows: Sequence[dict], chunk: int = CHUNK) -> int:
    """:func:`insert_rows` of dicts keyed by ``model``'s field names (all with the same keys), dates as ISO text."""
    if not rows:
        return 0
    names = list(rows[0])
    fields = [model._meta.fields[name] for name in names]
    dates = [i for i, f in enumerate(fields) if isinstance(f, (peewee.DateField, peewee.DateTimeField))]
    params = []
    for row in rows:
        values = [row[name] for name in names]
        for position in dates:
            values[position] = iso(values[position])
        params.append(values)
    return insert_rows(model._meta.table_name, [f.column_name for f in fields], params, chunk)


def as_peewee_error(exc: Exception) -> Exception:
    """peewee's exception for a driver's (sqlite3 or psycopg) DB-API error; any other exception as it is."""
    if isinstance(exc, peewee.PeeweeException):
        return exc
    names = {klass.__name__ for klass in type(exc).__mro__}
    for name in _DB_API_ERRORS:
        if name in names:
            return getattr(peewee, name)(exc, *exc.args)
    return exc
