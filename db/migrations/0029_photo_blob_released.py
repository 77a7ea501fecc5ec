"""Version 29: on a county server each stored picture remembers when a record last let go of it (``released_at``),
so ``check --sweep`` can run while clerks are connected (services/database_check.sweep_server_photos).

A picture no record names may still be wanted: a clerk's save stores the picture before its record, and an undo
in a clerk's window brings back a deleted record that names it. Either is recent: the save touched ``added_at``
(store/photo_blobs.put), the deletion or change that left the picture unnamed sets ``released_at`` here, by a
trigger on every table that names a picture (so every way of deleting a record, cascades too, is covered). With
other connections open the sweep removes only pictures unnamed and untouched for a day. SQLite gets nothing here.
"""

import peewee

NAMING_TABLES = ("photo", "supervision_photo", "campaign_document")


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql("ALTER TABLE photo_blob ADD COLUMN released_at TIMESTAMP")
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION outreach_photo_released() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = public AS $$ BEGIN "
        "IF TG_OP = 'DELETE' OR NEW.sha256 IS DISTINCT FROM OLD.sha256 THEN "
        "UPDATE photo_blob SET released_at = LOCALTIMESTAMP(0) WHERE sha256 = OLD.sha256; END IF; "
        "RETURN NULL; END $$")
    for table in NAMING_TABLES:
        db.execute_sql(f"CREATE TRIGGER {table}_releases_blob AFTER UPDATE OR DELETE ON {table} FOR EACH ROW "
                       "EXECUTE FUNCTION outreach_photo_released()")
