"""tests/test_import_once.py once more on the PostgreSQL fixture: two connections, one import."""

from server_fixtures import repeat_on_server

repeat_on_server("test_import_once", globals(), {})
