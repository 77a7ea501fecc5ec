"""tests/test_county_import.py once more with the county database on a real PostgreSQL server (the townships
keep their SQLite files), see server_fixtures.repeat_on_server."""

import pytest

from server_fixtures import repeat_on_server

repeat_on_server("test_county_import", globals(), {})


@pytest.fixture
def county_db(server_url):
    return server_url
