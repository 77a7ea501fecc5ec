"""tests/test_documents.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server)."""

from server_fixtures import repeat_on_server

repeat_on_server("test_documents", globals(), {
    "test_files_are_stored_by_content_and_a_refused_file_stores_nothing": "refuses the SQLite database file itself",
    "test_documents_command_lists_attaches_and_refuses_in_chinese": "refuses the SQLite database file itself",
    "test_a_file_stays_in_the_store_while_attached_and_is_swept_once_removed": "server databases share one photo "
                                                                                  "folder, which the sweep would empty",
})
