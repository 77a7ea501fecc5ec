"""The same numbered migrations give a county server the schema a SQLite file has: the same tables with the
same columns (the SQLite file has its FTS5 tables besides, the server its photo store), and the same version."""

from __future__ import annotations

from outreach_desk.store import close_database, migrations, open_database

SQLITE_ONLY_TABLES = ("activity_search",)  # FTS5 and its shadow tables; the server has trigram indexes instead
SERVER_ONLY_TABLES = ("photo_blob",)  # the pictures themselves; a file keeps them in the folder beside it


def _schema(target) -> dict[str, list[str]]:
    database = open_database(target)
    try:
        return {table: sorted(column.name for column in database.get_columns(table))
                for table in database.get_tables() if not table.startswith(SQLITE_ONLY_TABLES + SERVER_ONLY_TABLES)}
    finally:
        close_database()


def test_the_server_gets_the_tables_and_columns_of_a_sqlite_file(db_path, server_url):
    on_file, on_server = _schema(db_path), _schema(server_url)
    assert on_server == on_file
    database = open_database(server_url)
    try:
        columns = sorted(c.name for c in database.get_columns("photo_blob"))
        assert columns == ["added_at", "data", "ext", "released_at", "sha256", "size"]
    finally:
        close_database()
    assert {"activity", "activity_tally_village", "audit_log", "assigned_number", "schema_version"} <= set(on_server)


def test_both_reach_the_same_version(db_path, server_url):
    for target in (db_path, server_url):
        database = open_database(target)
        try:
            assert migrations.current_version(database) == migrations.latest_version()
        finally:
            close_database()
