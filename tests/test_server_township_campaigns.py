"""tests/test_township_campaigns.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server),
migration 0019 included: its old stores are built step by step in an empty server database."""

import pytest
from server_fixtures import repeat_on_server

repeat_on_server("test_township_campaigns", globals(), {})


@pytest.fixture
def empty_target(postgres_server, server_url):
    """An empty server database of this test's own (no migration run yet); ``server_url`` keeps the test among
    the repeated ones."""
    name = postgres_server.create_database(template=None)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
