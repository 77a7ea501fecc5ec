"""tests/test_store_batch.py once more on a real PostgreSQL server, where the reads go out in psycopg's pipeline."""

from server_fixtures import repeat_on_server

repeat_on_server("test_store_batch", globals(), {})
