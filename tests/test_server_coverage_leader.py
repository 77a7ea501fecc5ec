"""tests/test_coverage_leader.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server)."""

from server_fixtures import repeat_on_server

repeat_on_server("test_coverage_leader", globals(), {
    "test_coverage_page_shows_in_progress_and_no_data_as_unmet": "the page's model reads the result the same way "
                                                                    "on either store",
})
