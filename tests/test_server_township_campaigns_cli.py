"""tests/test_township_campaigns_cli.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server)."""

from server_fixtures import repeat_on_server

repeat_on_server("test_township_campaigns_cli", globals(), {})
