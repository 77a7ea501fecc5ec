"""tests/test_activity_tally.py once more on a real PostgreSQL server, where a PL/pgSQL trigger function
keeps the monthly tallies (see server_fixtures.repeat_on_server); the expected GROUP BY is spelled for the
server."""

import pytest
import test_activity_tally
from server_fixtures import repeat_on_server

repeat_on_server("test_activity_tally", globals(), {
    "test_migration_tallies_the_records_already_there": "drops SQLite triggers to make a version-7 file",
    "test_demo_data_is_tallied_once_after_its_bulk_load_and_the_triggers_come_back": "reads sqlite_master",
    "test_random_writes_keep_tallies_exact_and_window_sums_match_the_records":
        "its reference reads dates as SQLite's ISO text",
})

SERVER_MONTH = "CAST(date_trunc('month', date) AS DATE)"


@pytest.fixture(autouse=True)
def _server_spelling(monkeypatch):
    expected = {table: (stored, grouped.replace(test_activity_tally.MONTH, SERVER_MONTH))
                for table, (stored, grouped) in test_activity_tally.EXPECTED.items()}
    monkeypatch.setattr(test_activity_tally, "EXPECTED", expected)
