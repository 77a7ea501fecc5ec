"""Which database failure an exception is, asked of the store: the UI never imports the driver.

SQLite's errors arrive as sqlite3's classes or as peewee's wrappers of them, and the one that
reaches the window may only carry the cause in its chain.
"""

from __future__ import annotations

import sqlite3

import peewee

#: what reading or writing the store raises when SQLite fails (peewee wraps sqlite3's errors in it)
DatabaseError = peewee.DatabaseError


def sqlite_said(exc: BaseException | None, words: str) -> bool:
    """Whether SQLite reported ``words`` ("disk is full", "locked", …) for ``exc`` or an exception in its chain.

    The cause may sit earlier in the chain: a commit that fails for lack of space makes peewee's
    rollback fail too ("cannot rollback"), which is what gets raised.
    """
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (sqlite3.OperationalError, peewee.OperationalError)) and words in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False
