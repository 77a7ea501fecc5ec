"""Version 27: on a county server each monthly tally's primary key also carries the tally's sums, so the
coverage engine and the dashboard read a tally by index-only scans in key order, as SQLite reads its
WITHOUT ROWID tallies (services/coverage/tally.py).

The tallies are updated by a trigger on every activity record written, so their rows end up scattered over
many pages of the table; reading a kind's months then fetched a page per few rows (the county demo's
activity_tally_village kept 90,000 rows in 9,300 pages). The key with ``INCLUDE`` holds the sums beside the
key, in key order; the table is read only for pages autovacuum has not seen since they changed. It is the
same one index as before, so writing a record updates no more indexes than it did. SQLite gets nothing here.
"""

import peewee

# table -> (key columns, summed columns), as migration 8 made them
TALLIES = {
    "activity_tally_village": (("kind_id", "month_start", "village_id"),
                               ("records", "quantity", "people", "aud_1", "aud_2", "aud_4", "aud_8", "aud_16")),
    "activity_tally_site": (("kind_id", "month_start", "village_id", "site_id"), ("records", "quantity", "people")),
    "activity_tally_member": (("kind_id", "month_start", "member_unit_id"), ("records", "quantity", "people")),
}


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    for table, (keys, sums) in TALLIES.items():
        db.execute_sql(f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, "
                       f"ADD PRIMARY KEY ({', '.join(keys)}) INCLUDE ({', '.join(sums)})")
