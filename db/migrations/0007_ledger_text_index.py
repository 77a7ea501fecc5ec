"""Version 7: a full-text index of the ledger's place notes and notes, so a free-text search of a
million records reads the index instead of every row (SQLite only; see services/ledger_search.py).

A contentless FTS5 table with the trigram tokenizer, kept in step by triggers; values are indexed
with two char(1) appended so one- and two-character texts can be found too. The records already
in the database are indexed here, in one statement. An SQLite built without FTS5 or its trigram
tokenizer gets nothing: the ledger then searches with LIKE as before.

PostgreSQL's counterpart is the pg_trgm extension: a GIN trigram index on each of the two columns,
which the server itself uses for the ledger's ``LIKE '%text%'``. Where the extension cannot be
created (not installed, or the user may not), the step leaves it out and LIKE reads every row.
"""

import peewee

PADDED = "{row}.place_note || char(1, 1), {row}.notes || char(1, 1)"

STATEMENTS = [
    "CREATE VIRTUAL TABLE activity_search USING fts5(place_note, notes, content='', tokenize='trigram')",
    "CREATE VIRTUAL TABLE activity_search_terms USING fts5vocab(activity_search, 'row')",
    "CREATE TRIGGER activity_search_insert AFTER INSERT ON activity BEGIN "
    f"INSERT INTO activity_search (rowid, place_note, notes) VALUES (new.id, {PADDED.format(row='new')}); END",
    "CREATE TRIGGER activity_search_delete AFTER DELETE ON activity BEGIN "
    "INSERT INTO activity_search (activity_search, rowid, place_note, notes) "
    f"VALUES ('delete', old.id, {PADDED.format(row='old')}); END",
    "CREATE TRIGGER activity_search_update AFTER UPDATE OF place_note, notes ON activity BEGIN "
    "INSERT INTO activity_search (activity_search, rowid, place_note, notes) "
    f"VALUES ('delete', old.id, {PADDED.format(row='old')}); "
    f"INSERT INTO activity_search (rowid, place_note, notes) VALUES (new.id, {PADDED.format(row='new')}); END",
    "INSERT INTO activity_search (rowid, place_note, notes) "
    f"SELECT id, {PADDED.format(row='activity')} FROM activity",
]


def _has_trigram_fts5(db) -> bool:
    try:
        db.execute_sql("CREATE VIRTUAL TABLE temp.fts5_trigram_probe USING fts5(x, tokenize='trigram')")
    except peewee.DatabaseError:
        return False
    db.execute_sql("DROP TABLE temp.fts5_trigram_probe")
    return True


POSTGRESQL_STATEMENTS = [
    "CREATE INDEX activity_place_note_trigrams ON activity USING gin (place_note gin_trgm_ops)",
    "CREATE INDEX activity_notes_trigrams ON activity USING gin (notes gin_trgm_ops)",
]


def _postgresql_upgrade(db) -> None:
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except peewee.DatabaseError:
        return
    for statement in POSTGRESQL_STATEMENTS:
        db.execute_sql(statement)


def upgrade(db, seed_dir) -> None:
    if isinstance(db, peewee.PostgresqlDatabase):
        _postgresql_upgrade(db)
        return
    if not isinstance(db, peewee.SqliteDatabase) or not _has_trigram_fts5(db):
        return
    for statement in STATEMENTS:
        db.execute_sql(statement)
