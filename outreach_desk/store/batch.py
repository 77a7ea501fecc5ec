"""Several independent reads in one round trip to a server (psycopg's pipeline mode).

On PostgreSQL every statement waits for the server's answer before the next is sent: a round trip each, and on
a busy computer a wait for the server's process and then ours to be scheduled. The coverage engine asks one
statement per rule. In psycopg's pipeline mode (psycopg 3, libpq 14 or later) the statements go out together
and the answers are read afterwards. SQLite runs inside the program: there they simply run one after another.
"""

from __future__ import annotations

from collections.abc import Sequence

import peewee

from outreach_desk.store import bulk, server
from outreach_desk.store.connection import DB

Statement = tuple[str, Sequence]


def _pipelines(database) -> bool:
    if not isinstance(database, peewee.PostgresqlDatabase):
        return False
    import psycopg

    return psycopg.Pipeline.is_supported()


def _one_by_one(statements: Sequence[Statement]) -> list[list[tuple]]:
    return [list(DB.execute_sql(sql, params).fetchall()) for sql, params in statements]


def rows_of_each(statements: Sequence[Statement]) -> list[list[tuple]]:
    """The rows of each of ``statements`` (SQL, parameters), in their order; reads only, none depending on another.

    A driver error is raised as peewee's exception of the same name, as ``execute_sql`` raises it. A connection
    found lost outside a transaction is made again by reading one by one through ``execute_sql``, which
    reconnects as every other read does (store/server.py)."""
    if len(statements) < 2 or not _pipelines(DB.obj):
        return _one_by_one(statements)
    connection = DB.connection()
    try:
        with connection.pipeline():
            cursors = [connection.execute(sql, params) for sql, params in statements]
        return [cursor.fetchall() for cursor in cursors]
    except Exception as exc:
        if not DB.in_transaction() and server.connection_lost(exc):
            return _one_by_one(statements)
        wrapped = bulk.as_peewee_error(exc)
        if wrapped is exc:
            raise
        raise wrapped from exc
