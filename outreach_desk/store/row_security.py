"""Row-level security on a county server: the county writes every township's records, a township's clerk its own.

PostgreSQL's own roles and policies (``CREATE POLICY``), not checks of the program's: a township clerk's
login cannot insert, change or delete another township's rows by any means, the program or psql. Every
login is a member of ``outreach_clerk`` (the table rights); the county's logins also of ``outreach_county``;
``clerk_township`` maps a township login to its township. Each table that carries a township, directly
(``township_id``) or through its references (a village, a site, a record, a campaign…), found in the
catalog, gets a policy whose condition follows that path; a row of no township (a county-wide campaign)
is the county's. The tables every township shares as the county set them (the activity kinds) and the county's own
identity (:data:`COUNTY_TABLES`) are changed by the county's logins alone: table rights, not policies, so a
township's attempt is an error rather than an UPDATE of nothing. The audit trail (:data:`APPEND_ONLY`) is a
township clerk's to add to, not to change or delete: rights again, with migration 0028's policies behind them.
Everyone reads everything (the county's rankings compare townships). The tables' owner, who ran ``server-init``, is
not bound by the policies.
:func:`set_up` is idempotent: run again after ``server-init`` added tables.
"""

from __future__ import annotations

import re

import peewee

from outreach_desk.i18n import translate
from outreach_desk.store.connection import StoreError

CLERKS, COUNTY = "outreach_clerk", "outreach_county"
MAPPING = "clerk_township"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
#: tables of no township that every township's records use: the county's to change, everyone's to read
COUNTY_TABLES = ("activity_kind", "county_office")
#: tables a township's clerk adds to and never rewrites: the audit trail (migration 0028 adds the policies)
APPEND_ONLY = ("audit_log",)
#: reference columns tried, nearest first, when a table names no township itself
_PREFERRED = ("township_id", "village_id", "site_id", "member_unit_id", "activity_id", "campaign_id")
#: tables that carry no foreign key but a village's or member unit's id (the monthly tallies, kept by triggers)
_BY_NAME = {"village_id": "village", "member_unit_id": "member_unit"}


def _tr(text: str) -> str:
    return translate("RowSecurity", text)


def check_user_name(user: str) -> str:
    if not _NAME.match(user or ""):
        raise StoreError(_tr("The user name {user} cannot be used: write it in lower-case Latin letters, digits and "
                             "underscores, starting with a letter (for example pingan_clerk).").format(user=user))
    return user


def _references(database: peewee.Database) -> dict[str, dict[str, str]]:
    """table -> {column: referenced table} for every single-column foreign key to an ``id``, plus the tallies'
    village and member unit columns (no constraint there)."""
    found: dict[str, dict[str, str]] = {}
    for table, column, parent in database.execute_sql(
            "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND c.connamespace = 'public'::regnamespace"):
        found.setdefault(table, {})[column] = parent
    for table, column in database.execute_sql(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND column_name IN ('village_id', 'member_unit_id', 'township_id')"):
        if column in _BY_NAME:
            found.setdefault(table, {}).setdefault(column, _BY_NAME[column])
        else:
            found.setdefault(table, {})[column] = "township"
    return found


def township_paths(database: peewee.Database) -> dict[str, str]:
    """table -> an SQL expression giving a row's township id, for every table that has one (nearest path)."""
    references = _references(database)
    paths: dict[str, str] = {"township": "id"}

    def path(table: str, alias: str, seen: tuple[str, ...]) -> str | None:
        if table == "township":
            return f"{alias}.id"
        columns = references.get(table, {})
        if columns.get("township_id") == "township":
            return f"{alias}.township_id"
        for column in sorted(columns, key=lambda c: _PREFERRED.index(c) if c in _PREFERRED else len(_PREFERRED)):
            parent = columns[column]
            if parent in seen or parent == table:
                continue
            inner = f"p{len(seen)}"
            through = path(parent, inner, (*seen, parent))
            if through is not None:
                return f"(SELECT {through} FROM {parent} {inner} WHERE {inner}.id = {alias}.{column})"
        return None

    for table in references:
        if table == MAPPING:
            continue
        found = path(table, table, (table,))
        if found is not None:
            paths[table] = found
    return paths


def _has_role(database: peewee.Database, name: str) -> bool:
    return database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def set_up(database: peewee.Database) -> list[str]:
    """The group roles, the mapping table, the rights and a policy on every table with a township (all in the
    caller's transaction); the tables now under row-level security."""
    for role in (CLERKS, COUNTY):
        if not _has_role(database, role):
            database.execute_sql(f"CREATE ROLE {role} NOLOGIN")
    database.execute_sql(f"GRANT {CLERKS} TO {COUNTY}")
    database.execute_sql(f"CREATE TABLE IF NOT EXISTS {MAPPING} (role_name VARCHAR(63) PRIMARY KEY, "
                         "township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE)")
    database.execute_sql(f"GRANT USAGE ON SCHEMA public TO {CLERKS}")
    database.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {CLERKS}")
    database.execute_sql(f"REVOKE INSERT, UPDATE, DELETE ON {MAPPING}, schema_version FROM {CLERKS}")
    shared = ", ".join(COUNTY_TABLES)
    database.execute_sql(f"REVOKE INSERT, UPDATE, DELETE ON {shared} FROM {CLERKS}")
    database.execute_sql(f"GRANT INSERT, UPDATE, DELETE ON {shared} TO {COUNTY}")
    kept = ", ".join(APPEND_ONLY)
    database.execute_sql(f"REVOKE UPDATE, DELETE ON {kept} FROM {CLERKS}")
    database.execute_sql(f"GRANT UPDATE, DELETE ON {kept} TO {COUNTY}")
    database.execute_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {CLERKS}")
    database.execute_sql("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES "
                         f"TO {CLERKS}")  # tables a later server-init makes: rights at once, policies at the next run
    database.execute_sql("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES "
                         f"TO {CLERKS}")
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION outreach_may_write(township integer) RETURNS boolean LANGUAGE sql STABLE AS "
        f"$$ SELECT pg_has_role(current_user, '{COUNTY}', 'MEMBER') OR EXISTS (SELECT 1 FROM {MAPPING} m "
        "WHERE m.role_name = current_user AND m.township_id = township) $$")
    tables = township_paths(database)
    for table, expression in sorted(tables.items()):
        condition = f"outreach_may_write({expression})"
        database.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for policy in ("outreach_read", "outreach_write"):
            database.execute_sql(f"DROP POLICY IF EXISTS {policy} ON {table}")
        database.execute_sql(f"CREATE POLICY outreach_read ON {table} FOR SELECT USING (true)")
        database.execute_sql(f"CREATE POLICY outreach_write ON {table} FOR ALL TO {CLERKS} "
                             f"USING ({condition}) WITH CHECK ({condition})")
    return sorted(tables)


def _literal(database: peewee.Database, text: str) -> str:
    from psycopg import sql

    return sql.Literal(text).as_string(database.connection())


def grant(database: peewee.Database, user: str, township_id: int | None, password: str | None) -> bool:
    """Make ``user`` a clerk of ``township_id``, or of the county when None (a login made when missing, with
    ``password``); True when the login was made now."""
    check_user_name(user)
    made = not _has_role(database, user)
    if made:
        secret = f" PASSWORD {_literal(database, password)}" if password else ""
        database.execute_sql(f"CREATE ROLE {user} LOGIN{secret}")
    elif password:
        database.execute_sql(f"ALTER ROLE {user} PASSWORD {_literal(database, password)}")
    database.execute_sql(f"GRANT {CLERKS} TO {user}")
    database.execute_sql(f"DELETE FROM {MAPPING} WHERE role_name = %s", (user,))
    if township_id is None:
        database.execute_sql(f"GRANT {COUNTY} TO {user}")
    else:
        database.execute_sql(f"REVOKE {COUNTY} FROM {user}")
        database.execute_sql(f"INSERT INTO {MAPPING} (role_name, township_id) VALUES (%s, %s)", (user, township_id))
    return made


def configure(url: str, user: str, township: str | None, password: str | None) -> tuple[list[str], bool]:
    """On the server ``url`` (as the tables' owner): :func:`set_up`, then :func:`grant` ``user`` to the township
    named ``township`` (the county's when None), in one transaction; (tables under row-level security, whether
    the login was made now)."""
    from outreach_desk.store import close_database, server
    from outreach_desk.store.models import Township

    check_user_name(user)
    database = server.open_server(url, migrate=False)
    try:
        with database.atomic():
            township_id = None
            if township is not None:
                township_id = Township.select(Township.id).where(Township.name == township.strip()).scalar()
                if township_id is None:
                    raise StoreError(_tr("The database {where} has no township named {name}; nothing was changed.")
                                     .format(where=server.describe(url), name=township))
            tables = set_up(database)
            made = grant(database, user, township_id, password)
    finally:
        close_database()
    return tables, made
