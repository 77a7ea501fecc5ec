"""tests/test_audit.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server)."""

from server_fixtures import repeat_on_server

repeat_on_server("test_audit", globals(), {
    "test_a_failing_audit_write_leaves_no_change_and_no_entry": "makes the write fail with an SQLite TEMP trigger",
})
