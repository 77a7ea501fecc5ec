"""How tests/data/schema_v2.db was made: the store as the first release left it (migrations 1 and 2,
the built-in kinds) with a township's records in it. The file is checked in and never remade by the
tests, so it stays what an old install has on disk; run this module only to make it again on purpose:

    python tests/old_schema.py tests/data/schema_v2.db
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

VERSION = 2
TOWNSHIP = "青山镇"
VILLAGES = [("东坡村", "village", 420, 1350), ("南湖社区", "community", 960, 2900)]
SITES = [  # village index, name, kind, entrances, elevators, households, residents, students, classes
    (0, "东坡小学", "school", 0, 0, 0, 0, 380, 12),
    (0, "东坡农贸市场", "market", 2, 0, 0, 0, 0, 0),
    (1, "南湖花园", "residential_block", 6, 4, 320, 980, 0, 0),
]
ACTIVITIES = [  # date, village index, site index or None, kind code, quantity, people, audiences, topics, place, notes
    ("2026-03-02", 0, 1, "banner", 2, 0, 1, 3, "市场入口", "开市日悬挂"),
    ("2026-03-15", 1, 2, "poster", 10, 0, 0, 1, "", "每个单元门各一张"),
    ("2026-03-20", 0, None, "lecture", 1, 85, 1 | 16, 4, "村委会广场", "派出所民警主讲"),
    ("2026-04-08", 0, 0, "parent_letter", 380, 380, 2, 8, "", ""),
    ("2026-04-18", 1, None, "home_visit", 46, 120, 16, 2, "", "独居老人重点走访"),
]


def make(path: Path) -> None:
    from outreach_desk.paths import db_dir
    from outreach_desk.store import migrations

    path.unlink(missing_ok=True)
    import peewee

    database = peewee.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    wanted = [step for step in migrations.steps() if step.version <= VERSION]
    original = migrations.steps
    migrations.steps = lambda folder=None: wanted
    try:
        migrations.upgrade(database)
    finally:
        migrations.steps = original
        database.close()
    assert db_dir().is_dir()
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO township (name, office_name) VALUES (?, ?)", (TOWNSHIP, "青山镇综治办"))
        for name, kind, households, residents in VILLAGES:
            con.execute("INSERT INTO village (township_id, name, kind, households, residents) VALUES (1, ?, ?, ?, ?)",
                        (name, kind, households, residents))
        for village, *values in SITES:
            con.execute("INSERT INTO site (village_id, name, kind, entrances, elevators, households, residents, "
                        "students, classes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (village + 1, *values))
        con.execute("INSERT INTO member_unit (township_id, name, duties) VALUES (1, '青山派出所', '进村宣讲')")
        kinds = dict(con.execute("SELECT code, id FROM activity_kind"))
        for number, (day, village, site, kind, quantity, people, audiences, topics, place, notes) in \
                enumerate(ACTIVITIES, 1):
            con.execute(
                "INSERT INTO activity (uuid, date, village_id, site_id, member_unit_id, kind_id, quantity, people, "
                "audiences, topics, place_note, notes, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f"00000000-0000-4000-8000-{number:012d}", day, village + 1, None if site is None else site + 1,
                 1 if kind == "lecture" else None, kinds[kind], quantity, people, audiences, topics, place, notes,
                 f"{day} 09:00:00", f"{day} 09:00:00"))
    con.execute("VACUUM")
    con.close()


if __name__ == "__main__":
    make(Path(sys.argv[1]))
