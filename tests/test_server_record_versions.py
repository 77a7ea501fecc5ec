"""tests/test_record_versions.py once more on the PostgreSQL fixture, and two connections saving one record at
the very same moment: the second UPDATE waits for the first one's row lock, then finds the version changed."""

from __future__ import annotations

import datetime as dt
import threading

from server_fixtures import repeat_on_server

from outreach_desk.services import ledger
from outreach_desk.services.errors import ConflictError
from outreach_desk.store import DB, write_transaction

repeat_on_server("test_record_versions", globals(), {})


def _waiting_for_a_lock() -> bool:
    row = DB.execute_sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                         "AND wait_event_type = 'Lock'").fetchone()
    return row[0] > 0


def test_two_connections_saving_the_same_version_at_once_store_one_and_refuse_the_other(township):
    record_id = ledger.create(ledger.ActivityInput(dt.date(2026, 11, 3), township["village1"],
                                                   township["kinds"]["banner"], people=10))
    opened = ledger.get(record_id)
    first_written, outcome = threading.Event(), {}
    release = threading.Event()

    def first() -> None:
        with DB.connection_context(), write_transaction():
            ledger.update(record_id, ledger.copy_input(opened.as_input(), people=21), expected_version=1)
            first_written.set()
            release.wait(120)

    def second() -> None:
        with DB.connection_context():
            try:
                ledger.update(record_id, ledger.copy_input(opened.as_input(), people=22), expected_version=1)
                outcome["saved"] = True
            except ConflictError as exc:
                outcome["theirs"] = (exc.theirs.people, exc.theirs.version)

    threads = [threading.Thread(target=first)]
    threads[0].start()
    assert first_written.wait(120)
    threads.append(threading.Thread(target=second))
    threads[1].start()
    for _ in range(100_000):  # the second connection reaches the row lock: then let the first commit
        if _waiting_for_a_lock() or not threads[1].is_alive():
            break
    assert _waiting_for_a_lock(), "the second save never waited for the first one's row"
    release.set()
    for thread in threads:
        thread.join(120)
    assert outcome == {"theirs": (21, 2)}
    assert (ledger.get(record_id).people, ledger.get(record_id).version) == (21, 2)
