"""tests/test_store.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server)."""

from server_fixtures import repeat_on_server

repeat_on_server("test_store", globals(), {
    "test_new_database_is_migrated_and_seeded": "reads SQLite's journal mode pragma",
    "test_newer_schema_is_refused_and_untouched": "writes the schema version with the sqlite3 module",
})
