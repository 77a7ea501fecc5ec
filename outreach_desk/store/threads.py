"""Database connections of worker threads, and stopping a query one of them runs.

Each worker thread gets a connection of its own for the length of its job (SQLite connections
are not shared between threads), closed when the job ends. ``QueryStopper`` lets the GUI thread
stop a long query a worker is running when its answer is no longer wanted (SQLite's interrupt,
psycopg's cancel on PostgreSQL): the query then fails in the worker with "interrupted".
"""

from __future__ import annotations

import contextlib
import threading

from outreach_desk.store.connection import DB


def worker_connection():
    """A context: this thread's own connection, opened on its first query and closed at the end."""
    return DB.connection_context()


class QueryStopper:
    def __init__(self):
        self._lock = threading.Lock()
        self._connection = None

    @contextlib.contextmanager
    def running(self):
        """In the worker, around the queries that may be stopped."""
        with self._lock:
            self._connection = DB.connection()
        try:
            yield
        finally:
            with self._lock:
                self._connection = None

    def stop(self) -> bool:
        """From any thread: stop the query running now, if any; whether there was one to stop."""
        with self._lock:
            if self._connection is None:
                return False
            stop = getattr(self._connection, "interrupt", None) or getattr(self._connection, "cancel", None)
            if stop is None:
                return False
            stop()
            return True
