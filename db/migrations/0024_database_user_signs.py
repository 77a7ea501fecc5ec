"""Version 24: on a county server the audit trail is signed by the database login, not a typed name.

A clerk's login (any role that does not own the tables) cannot write another name into ``audit_log.actor``,
``import_file.actor`` or ``campaign_document.attached_by``: a trigger puts ``session_user`` there on every
insert and update, whatever the program or psql sent. The tables' owner (the county IT person, who copies
a township's file onto the server with its history) writes the names given. SQLite gets nothing here: a
file's changes are signed with the clerk's name from the settings, as before.
"""

import peewee

SIGNED = {"audit_log": "actor", "import_file": "actor", "campaign_document": "attached_by"}


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION outreach_signed_by_login() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN "
        "NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text)); END IF; "
        "RETURN NEW; END $$")
    for table, column in SIGNED.items():
        db.execute_sql(f"CREATE TRIGGER {table}_signed BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW "
                       f"EXECUTE FUNCTION outreach_signed_by_login('{column}')")
