"""Worker connections and stopping a worker's query from another thread (store.threads), on a real file."""

from __future__ import annotations

import threading

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
    assert started.wait(60), "the worker never began its query"
    assert stopper.stop()
    for _ in range(600):            # the query never ends by itself: only a stop ends it; SQLite forgets
        thread.join(0.1)            # a stop that came before the query began, so a busy machine asks again
        if not thread.is_alive():
            break
        stopper.stop()
    assert not thread.is_alive(), "the endless query was not interrupted"
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
