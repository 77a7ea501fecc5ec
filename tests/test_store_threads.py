"""Worker connections and stopping a worker's query from another thread (store.threads), on a real file."""

from __future__ import annotations

import threading
import time

import pytest

from outreach_desk.store import DB
from outreach_desk.store.failures import DatabaseError, sqlite_said
from outreach_desk.store.threads import QueryStopper, worker_connection

ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"


def test_a_query_a_worker_runs_stops_when_asked_and_the_worker_connection_closes(store):
    stopper = QueryStopper()
    outcome = []
    started = threading.Event()

    def worker():
        with worker_connection():
            try:
                with stopper.running():
                    started.set()
                    DB.execute_sql(ENDLESS).fetchall()
            except DatabaseError as exc:
                outcome.append(exc)
            outcome.append(DB.is_closed())
        outcome.append(DB.is_closed())

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(10)
    time.sleep(0.2)                 # the query is running now
    begun = time.perf_counter()
    assert stopper.stop()
    thread.join(10)
    assert not thread.is_alive() and time.perf_counter() - begun < 5
    error, open_inside, closed_after = outcome
    assert sqlite_said(error, "interrupted")
    assert open_inside is False and closed_after is True
    assert not stopper.stop()       # nothing running any more


def test_nothing_to_stop_outside_a_running_block(store):
    assert QueryStopper().stop() is False


@pytest.mark.parametrize("words, expected", [("disk is full", True), ("locked", False)])
def test_sqlite_said_looks_through_the_chain(words, expected):
    import sqlite3

    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError as cause:
            raise RuntimeError("cannot rollback") from cause
    except RuntimeError as raised:
        assert sqlite_said(raised, words) is expected
