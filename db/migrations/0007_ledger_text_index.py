"""Version 7: a full-text index of the ledger's place notes and notes, so a free-text search of a
million records reads the index instead of every row (SQLite only; see services/ledger_search.py).

A contentless FTS5 table with the trigram tokenizer, kept in step by triggers; values are indexed
with two char(1) appended so one- and two-character texts can be found too. The records already
in the database are indexed here, in one statement. PostgreSQL, or an SQLite built without FTS5 or
its trigram tokenizer, gets nothing: the ledger then searches with LIKE as before.
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


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.SqliteDatabase) or not _has_trigram_fts5(db):
        return
    for statement in STATEMENTS:
        db.execute_sql(statement)
