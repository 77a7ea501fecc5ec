"""Version 16: a stable identity (uuid) on every record kind and organisation level, and tombstones.

A county database rolls townships' packages up, and a township rolls up its villages' copies: a
record is then found again by its uuid, never by its row id or its name (a renamed village is the
same village). Rows already in the database get a uuid here. ``tombstone`` keeps what was deleted
(kind, uuid, the township it belonged to, when), written by the service layer in the same
transaction as the delete, so a package can carry deletions upward.
"""

import uuid

TABLES = ("township", "village", "site", "member_unit", "survey", "parent_letter", "campaign", "campaign_phase",
          "campaign_deadline", "target_rule", "fraud_case_month", "inspection", "rectification_order",
          "supervision_decision", "assigned_target", "assigned_number")
CHUNK = 5000


def _pk(database) -> str:
    import peewee

    return "SERIAL PRIMARY KEY" if isinstance(database, peewee.PostgresqlDatabase) else "INTEGER PRIMARY KEY"


def upgrade(database, seed_dir) -> None:
    p = database.param
    for table in TABLES:
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN uuid VARCHAR(36)")
        ids = [row[0] for row in database.execute_sql(f"SELECT id FROM {table}").fetchall()]
        cursor = database.cursor()
        for start in range(0, len(ids), CHUNK):
            cursor.executemany(f"UPDATE {table} SET uuid = {p} WHERE id = {p}",
                               [(str(uuid.uuid4()), i) for i in ids[start:start + CHUNK]])
        database.execute_sql(f"CREATE UNIQUE INDEX {table}_uuid ON {table} (uuid)")
    database.execute_sql(
        f"CREATE TABLE tombstone (id {_pk(database)}, kind VARCHAR(30) NOT NULL, uuid VARCHAR(36) NOT NULL, "
        "township_id INTEGER, record_date DATE, deleted_at TIMESTAMP NOT NULL)")
    database.execute_sql("CREATE INDEX tombstone_township ON tombstone (township_id, deleted_at)")
    database.execute_sql("CREATE INDEX tombstone_uuid ON tombstone (uuid)")
