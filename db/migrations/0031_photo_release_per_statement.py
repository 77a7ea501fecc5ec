"""Version 31: on a county server the pictures a statement lets go of are marked released once per statement.

Migration 0029 marked ``photo_blob.released_at`` from a trigger on each row that stopped naming a picture: one
UPDATE of ``photo_blob`` per photo row, so one statement deleting many photo rows (a village-month replaced by a
package, a cascade from many records) paid a statement per row. The same marks now come from statement triggers
reading the rows the statement changed (transition tables): a deletion releases the pictures its rows named, an
update those named before and by none of its rows after. ``check --sweep`` reads the marks as before. SQLite gets
nothing here.
"""

import peewee

NAMING_TABLES = ("photo", "supervision_photo", "campaign_document")


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    header = "RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$ BEGIN "
    db.execute_sql(
        f"CREATE FUNCTION outreach_photos_deleted() {header}"
        "UPDATE photo_blob SET released_at = LOCALTIMESTAMP(0) WHERE sha256 IN (SELECT sha256 FROM gone); "
        "RETURN NULL; END $$")
    db.execute_sql(
        f"CREATE FUNCTION outreach_photos_changed() {header}"
        "UPDATE photo_blob SET released_at = LOCALTIMESTAMP(0) WHERE sha256 IN "
        "(SELECT sha256 FROM before EXCEPT SELECT sha256 FROM after); RETURN NULL; END $$")
    for table in NAMING_TABLES:
        db.execute_sql(f"DROP TRIGGER {table}_releases_blob ON {table}")
        db.execute_sql(f"CREATE TRIGGER {table}_deleted_release_blobs AFTER DELETE ON {table} "
                       "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION outreach_photos_deleted()")
        db.execute_sql(f"CREATE TRIGGER {table}_changed_release_blobs AFTER UPDATE ON {table} "
                       "REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT "
                       "EXECUTE FUNCTION outreach_photos_changed()")
    db.execute_sql("DROP FUNCTION outreach_photo_released()")
