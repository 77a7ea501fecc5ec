"""tests/test_excel_cli.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server): the
template and import commands end to end, with the records counted on the server."""

import pytest
import test_excel_cli
from server_fixtures import repeat_on_server

repeat_on_server("test_excel_cli", globals(), {})


def _server_activities(url) -> int:
    import psycopg

    with psycopg.connect(str(url)) as connection:
        return connection.execute("SELECT COUNT(*) FROM activity").fetchone()[0]


@pytest.fixture(autouse=True)
def _counted_on_the_server(monkeypatch):
    monkeypatch.setattr(test_excel_cli, "_activities", _server_activities)
