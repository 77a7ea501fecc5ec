"""Version 28: on a county server a township clerk's login adds to the audit trail and never rewrites it.

The trail is what the county reads to know who changed what; a clerk who could change or delete its rows could
remove the trace of their own change. The program itself only ever inserts there (services/audit.py), so the
rights of the clerks' group role lose UPDATE and DELETE on ``audit_log`` (an error, "permission denied", told
in Chinese by store/server.py), and row-level security is a second line: a clerk's UPDATE or DELETE sees no
row, even were the right granted again by hand. The county's logins (``outreach_county``) keep both, the
tables' owner is not bound by policies. The group roles may not exist yet (``server-roles`` makes them; it
applies the same rights, store/row_security.py), so the policies name no role. SQLite gets nothing here.
"""

import peewee

CLERKS, COUNTY = "outreach_clerk", "outreach_county"


def _has_role(db, name: str) -> bool:
    return db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION outreach_is_county() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT EXISTS "
        f"(SELECT 1 FROM pg_roles r WHERE r.rolname = '{COUNTY}' AND pg_has_role(current_user, r.oid, 'MEMBER')) $$")
    db.execute_sql("ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY")
    db.execute_sql("CREATE POLICY outreach_read ON audit_log FOR SELECT USING (true)")
    db.execute_sql("CREATE POLICY outreach_append ON audit_log FOR INSERT WITH CHECK (true)")
    db.execute_sql("CREATE POLICY outreach_amend ON audit_log FOR UPDATE USING (outreach_is_county()) "
                   "WITH CHECK (outreach_is_county())")
    db.execute_sql("CREATE POLICY outreach_remove ON audit_log FOR DELETE USING (outreach_is_county())")
    if _has_role(db, CLERKS):
        db.execute_sql(f"REVOKE UPDATE, DELETE ON audit_log FROM {CLERKS}")
    if _has_role(db, COUNTY):
        db.execute_sql(f"GRANT UPDATE, DELETE ON audit_log TO {COUNTY}")
