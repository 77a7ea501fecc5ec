"""The store: opening, migrations recorded, refusals of foreign, newer and damaged files."""

from __future__ import annotations

import sqlite3

import pytest

from outreach_desk.store import CorruptDatabaseError, NewerSchemaError, NotADatabaseError, close_database, open_database
from outreach_desk.store import migrations


def test_new_database_is_migrated_and_seeded(store, db_path):
    from outreach_desk.store.models import ActivityKind

    versions = [r[0] for r in store.execute_sql("SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == list(range(1, migrations.latest_version() + 1))
    codes = {k.code for k in ActivityKind.select()}
    assert {"banner", "poster", "lecture", "parent_letter", "home_visit"} <= codes
    assert store.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopen_applies_nothing_twice(db_path):
    database = open_database(db_path)
    assert migrations.upgrade(database) == []
    close_database()
    database = open_database(db_path)
    count = database.execute_sql("SELECT COUNT(*) FROM activity_kind").fetchone()[0]
    close_database()
    assert count == 18


def test_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a shopping list, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_untouched(db_path):
    open_database(db_path)
    close_database()
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01')")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError) as info:
        open_database(db_path)
    assert "999" in str(info.value)
    assert db_path.read_bytes() == before


def test_corrupt_file_is_reported(tmp_path):
    path = tmp_path / "broken.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    con.commit()
    con.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptDatabaseError, NotADatabaseError)):
        open_database(path)


@pytest.mark.parametrize("content",
                         [b"PK\x03\x04" + b"\x00" * 3000, b"\x00" * 4096, b"SQLite format 3\x00" + b"x" * 90],
                         ids=["workbook", "zeros", "header-only"])
def test_sqlite_itself_refuses_a_foreign_file_and_nothing_is_written_beside_it(tmp_path, content):
    path = tmp_path / "台账.db"
    path.write_bytes(content)
    with pytest.raises((NotADatabaseError, CorruptDatabaseError)) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.db"]


def test_read_only_opening_of_a_folder_named_with_uri_characters(tmp_path):
    from outreach_desk.store.connection import database_path

    folder = tmp_path / "a?b#c%20d 综治办"
    folder.mkdir()
    path = folder / "台账 #1.db"
    open_database(path)
    close_database()
    database = open_database(path, readonly=True)
    try:
        assert database.execute_sql("SELECT COUNT(*) FROM activity_kind").fetchone()[0] == 18
        assert database_path() == path
        with pytest.raises(Exception, match="readonly"):
            database.execute_sql("DELETE FROM activity_kind")
    finally:
        close_database()


@pytest.mark.parametrize("kind", ["folder", "dangling link"])
def test_a_path_that_cannot_be_a_database_is_refused_before_sqlite_sees_it(tmp_path, kind):
    from outreach_desk.store.connection import UnusableFileError

    path = tmp_path / "台账.db"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "别处" / "x.db")
    with pytest.raises(UnusableFileError) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert not (tmp_path / "别处").exists()
