"""Version 8: monthly tallies of the activity table, so the coverage engine and the leaders'
dashboard read a few thousand sums instead of grouping a million records (services/coverage/tally.py).

Per kind and calendar month (``month_start``, the month's first day): per village the records,
quantity, people and records per audience group (the bits of vocab.AUDIENCES as they are today);
per village and site, and per member unit, the records, quantity and people. Triggers on the
activity table keep them exact in the same statement as every insert, update and delete, whatever
writes it (ledger, undo, imports, the demo, deleting a village); a row whose records reach 0 is
removed, so each tally is always the GROUP BY of the records. The records already in the database
are tallied here (a few seconds for a million). On PostgreSQL the same tables are kept by one
PL/pgSQL trigger function, row by row, with the same statements in the server's spelling.
"""

import peewee

BITS = (1, 2, 4, 8, 16)
MONTH = "substr({row}.date, 1, 8) || '01'"
COUNTS = ("records", "quantity", "people")
AUDIENCE_COLUMNS = tuple(f"aud_{bit}" for bit in BITS)

# table -> (key columns after kind_id and month_start, count columns, condition on the record)
TALLIES = {
    "activity_tally_village": (("village_id",), COUNTS + AUDIENCE_COLUMNS, None),
    "activity_tally_site": (("village_id", "site_id"), COUNTS, "{row}.site_id IS NOT NULL"),
    "activity_tally_member": (("member_unit_id",), COUNTS, "{row}.member_unit_id IS NOT NULL"),
}


def _value(column: str, row: str) -> str:
    """What one record of ``row`` (new/old/activity) adds to ``column``."""
    if column == "records":
        return "1"
    if column.startswith("aud_"):
        return f"(({row}.audiences & {column[4:]}) <> 0)"
    return f"{row}.{column}"


def _create(table: str) -> str:
    keys, counts, _ = TALLIES[table]
    columns = ", ".join(f"{c} INTEGER NOT NULL" for c in (*keys, *counts))
    return (f"CREATE TABLE {table} (kind_id INTEGER NOT NULL, month_start DATE NOT NULL, {columns}, "
            f"PRIMARY KEY (kind_id, month_start, {', '.join(keys)})) WITHOUT ROWID")


def _fill(table: str) -> str:
    keys, counts, condition = TALLIES[table]
    sums = ", ".join("COUNT(*)" if c == "records" else f"SUM({_value(c, 'activity')})" for c in counts)
    where = f" WHERE {condition.format(row='activity')}" if condition else ""
    return (f"INSERT INTO {table} (kind_id, month_start, {', '.join(keys)}, {', '.join(counts)}) "
            f"SELECT kind_id, {MONTH.format(row='activity')}, {', '.join(keys)}, {sums} FROM activity{where} "
            f"GROUP BY kind_id, {MONTH.format(row='activity')}, {', '.join(keys)}")


def _add(table: str) -> str:
    keys, counts, condition = TALLIES[table]
    values = ", ".join(["new.kind_id", MONTH.format(row="new"), *(f"new.{k}" for k in keys),
                        *(_value(c, "new") for c in counts)])
    where = f" WHERE {condition.format(row='new')}" if condition else " WHERE 1"
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in counts)
    return (f"INSERT INTO {table} (kind_id, month_start, {', '.join(keys)}, {', '.join(counts)}) "
            f"SELECT {values}{where} ON CONFLICT (kind_id, month_start, {', '.join(keys)}) DO UPDATE SET {updates};")


def _remove(table: str) -> str:
    keys, counts, _ = TALLIES[table]
    match = " AND ".join(["kind_id = old.kind_id", f"month_start = {MONTH.format(row='old')}",
                          *(f"{k} = old.{k}" for k in keys)])
    updates = ", ".join(f"{c} = {c} - {_value(c, 'old')}" for c in counts)
    return (f"UPDATE {table} SET {updates} WHERE {match}; "
            f"DELETE FROM {table} WHERE {match} AND records = 0;")


def statements() -> list[str]:
    tracked = "date, village_id, site_id, member_unit_id, kind_id, quantity, people, audiences"
    add = " ".join(_add(t) for t in TALLIES)
    remove = " ".join(_remove(t) for t in TALLIES)
    return [
        *(_create(t) for t in TALLIES),
        *(_fill(t) for t in TALLIES),
        f"CREATE TRIGGER activity_tally_insert AFTER INSERT ON activity BEGIN {add} END",
        f"CREATE TRIGGER activity_tally_delete AFTER DELETE ON activity BEGIN {remove} END",
        f"CREATE TRIGGER activity_tally_update AFTER UPDATE OF {tracked} ON activity BEGIN {remove} {add} END",
    ]


PG_MONTH = "CAST(date_trunc('month', {row}.date) AS DATE)"


def _pg_value(column: str, row: str) -> str:
    if column.startswith("aud_"):
        return f"(CASE WHEN ({row}.audiences & {column[4:]}) <> 0 THEN 1 ELSE 0 END)"
    return _value(column, row)


def _pg_add(table: str) -> str:
    keys, counts, condition = TALLIES[table]
    values = ", ".join(["NEW.kind_id", PG_MONTH.format(row="NEW"), *(f"NEW.{k}" for k in keys),
                        *(_pg_value(c, "NEW") for c in counts)])
    insert = (f"INSERT INTO {table} (kind_id, month_start, {', '.join(keys)}, {', '.join(counts)}) VALUES ({values}) "
              f"ON CONFLICT (kind_id, month_start, {', '.join(keys)}) DO UPDATE SET "
              + ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counts) + ";")
    return f"IF {condition.format(row='NEW')} THEN {insert} END IF;" if condition else insert


def _pg_remove(table: str) -> str:
    keys, counts, condition = TALLIES[table]
    match = " AND ".join(["kind_id = OLD.kind_id", f"month_start = {PG_MONTH.format(row='OLD')}",
                          *(f"{k} = OLD.{k}" for k in keys)])
    updates = ", ".join(f"{c} = {c} - {_pg_value(c, 'OLD')}" for c in counts)
    remove = f"UPDATE {table} SET {updates} WHERE {match}; DELETE FROM {table} WHERE {match} AND records = 0;"
    return f"IF {condition.format(row='OLD')} THEN {remove} END IF;" if condition else remove


def _pg_fill(table: str) -> str:
    keys, counts, condition = TALLIES[table]
    sums = ", ".join("COUNT(*)" if c == "records" else f"SUM({_pg_value(c, 'activity')})" for c in counts)
    where = f" WHERE {condition.format(row='activity')}" if condition else ""
    month = PG_MONTH.format(row="activity")
    return (f"INSERT INTO {table} (kind_id, month_start, {', '.join(keys)}, {', '.join(counts)}) "
            f"SELECT kind_id, {month}, {', '.join(keys)}, {sums} FROM activity{where} "
            f"GROUP BY kind_id, {month}, {', '.join(keys)}")


def postgresql_statements() -> list[str]:
    tracked = "date, village_id, site_id, member_unit_id, kind_id, quantity, people, audiences"
    add = " ".join(_pg_add(t) for t in TALLIES)
    remove = " ".join(_pg_remove(t) for t in TALLIES)
    function = ("CREATE FUNCTION activity_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {remove} END IF; "
                f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {add} END IF; "
                "RETURN NULL; END $$")
    return [
        *(_create(t).removesuffix(" WITHOUT ROWID") for t in TALLIES),
        *(_pg_fill(t) for t in TALLIES),
        function,
        *(f"CREATE TRIGGER activity_tally_{name} AFTER {event} ON activity FOR EACH ROW "
          "EXECUTE FUNCTION activity_tally_change()"
          for name, event in (("insert", "INSERT"), ("delete", "DELETE"), ("update", f"UPDATE OF {tracked}"))),
    ]


def upgrade(db, seed_dir) -> None:
    if isinstance(db, peewee.PostgresqlDatabase):
        for statement in postgresql_statements():
            db.execute_sql(statement)
        return
    if not isinstance(db, peewee.SqliteDatabase):
        return
    for statement in statements():
        db.execute_sql(statement)
