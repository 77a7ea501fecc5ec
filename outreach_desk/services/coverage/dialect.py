"""The one place where the coverage SQL depends on the database dialect.

Everything else in the engine is SQL that SQLite and PostgreSQL both run. A date handed in as a
parameter and used as a column of a derived table needs a type on PostgreSQL (otherwise it is
text and cannot be compared with a DATE column), while SQLite stores dates as ISO text and must
not cast (``CAST('2026-11-01' AS DATE)`` gives the number 2026 there).
"""

from __future__ import annotations

import peewee

from outreach_desk.store import DB


def date_param() -> str:
    """A placeholder for a date value that is usable as a derived-table column."""
    database = DB.obj
    if isinstance(database, peewee.PostgresqlDatabase):
        return f"CAST({database.param} AS DATE)"
    return database.param


def param() -> str:
    return DB.obj.param


def month_start(column: str) -> str:
    """The first day of the month of the DATE ``column`` (what the tallies' ``month_start`` holds)."""
    if isinstance(DB.obj, peewee.PostgresqlDatabase):
        return f"CAST(date_trunc('month', {column}) AS DATE)"
    return f"substr({column}, 1, 8) || '01'"
