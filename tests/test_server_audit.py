"""tests/test_audit.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server)."""

from server_fixtures import repeat_on_server

repeat_on_server("test_audit", globals(), {
    **dict.fromkeys(("test_entries_carry_the_clerk_name_and_the_os_user",
                     "test_without_a_name_the_os_user_is_still_recorded",
                     "test_a_worker_thread_writes_under_the_same_name",
                     "test_an_import_writes_an_entry_per_record_and_one_for_the_batch",
                     "test_filters_by_who_type_text_and_local_date"),
                    "the name typed in the settings signs a file's changes; on a server the login does "
                    "(test_server_roles.py)"),
    "test_a_failing_audit_write_leaves_no_change_and_no_entry": "makes the write fail with an SQLite TEMP trigger",
})
