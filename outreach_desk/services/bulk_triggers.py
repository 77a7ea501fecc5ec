"""The activity table's derived-data triggers set aside during a bulk insert, and put back exactly as they were.

A trigger fired once per row is the slow half of inserting thousands of records (the tallies and the text
index); a bulk insert drops them, fills in the derived rows with one statement of its own, and creates them
again from the schema's own text, all inside the caller's transaction (SQLite only).
"""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import contextmanager

import peewee

from outreach_desk.store import DB


@contextmanager
def set_aside(prefix: str):
    """Drop the activity table's triggers whose names start with ``prefix`` for the block, then create them
    again. When the block fails the caller's rollback is what restores them; a rollback SQLite already made
    itself (a full disk) must not be hidden behind "trigger already exists", so they are put back quietly."""
    triggers = DB.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'activity' "
                              "AND name LIKE ?", (f"{prefix}%",)).fetchall()
    for name, _sql in triggers:
        DB.execute_sql(f"DROP TRIGGER {name}")
    try:
        yield
    except BaseException:
        for _name, sql in triggers:
            with contextlib.suppress(peewee.DatabaseError, sqlite3.DatabaseError):
                DB.execute_sql(sql)
        raise
    for _name, sql in triggers:
        DB.execute_sql(sql)
