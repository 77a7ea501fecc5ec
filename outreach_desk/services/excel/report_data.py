"""What the monthly report reads besides the coverage engine: ledger totals and the ledger itself.

Totals are one GROUP BY; the ledger is one statement read row by row from the cursor (100,000
rows never sit in memory as a list). SQL is the subset SQLite and PostgreSQL share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from outreach_desk.services.coverage.dialect import param
from outreach_desk.store import DB


@dataclass
class VillageTotals:
    records_by_kind: dict[int, int] = field(default_factory=dict)
    records: int = 0
    people: int = 0

    def add(self, kind_id: int, records: int, people: int) -> None:
        self.records_by_kind[kind_id] = self.records_by_kind.get(kind_id, 0) + records
        self.records += records
        self.people += people


def _bounds(start: dt.date, end: dt.date, township_id: int | None, village_column: str) -> tuple[str, list]:
    p = param()
    where = f"a.date >= {p} AND a.date <= {p}"
    args: list = [start.isoformat(), end.isoformat()]
    if township_id is not None:
        where += f" AND {village_column} IN (SELECT id FROM village WHERE township_id = {p})"
        args.append(township_id)
    return where, args


def activity_totals(start: dt.date, end: dt.date, township_id: int | None = None) -> dict[int, VillageTotals]:
    """Per village: records per kind, records and people reached in [start, end]."""
    where, args = _bounds(start, end, township_id, "a.village_id")
    sql = (f"SELECT a.village_id, a.kind_id, COUNT(*), COALESCE(SUM(a.people), 0) FROM activity a WHERE {where} "
           "GROUP BY a.village_id, a.kind_id")
    totals: dict[int, VillageTotals] = {}
    for village_id, kind_id, records, people in DB.execute_sql(sql, args):
        totals.setdefault(village_id, VillageTotals()).add(kind_id, int(records), int(people))
    return totals


def ledger_count(start: dt.date, end: dt.date, township_id: int | None = None) -> int:
    where, args = _bounds(start, end, township_id, "a.village_id")
    return int(DB.execute_sql(f"SELECT COUNT(*) FROM activity a WHERE {where}", args).fetchone()[0])


LEDGER_COLUMNS = ("date", "township", "village", "site", "kind_zh", "kind_en", "quantity", "unit_zh", "unit_en",
                  "people", "member_unit", "audiences", "topics", "place_note", "notes", "photos")


def ledger_rows(start: dt.date, end: dt.date, township_id: int | None = None) -> Iterator[tuple]:
    """Every activity in [start, end] with names joined in and its photo count, in LEDGER_COLUMNS order,
    by date, township, village and entry order."""
    where, args = _bounds(start, end, township_id, "a.village_id")
    photo_where, photo_args = _bounds(start, end, None, "")
    sql = ("SELECT a.date, t.name, v.name, s.name, k.name_zh, k.name_en, a.quantity, k.unit_zh, k.unit_en, a.people, "
           "mu.name, a.audiences, a.topics, a.place_note, a.notes, COALESCE(ph.photos, 0) "
           "FROM activity a JOIN village v ON v.id = a.village_id JOIN township t ON t.id = v.township_id "
           "JOIN activity_kind k ON k.id = a.kind_id LEFT JOIN site s ON s.id = a.site_id "
           "LEFT JOIN member_unit mu ON mu.id = a.member_unit_id "
           "LEFT JOIN (SELECT p.activity_id, COUNT(*) AS photos FROM photo p JOIN activity a ON a.id = p.activity_id "
           f"WHERE {photo_where} GROUP BY p.activity_id) ph ON ph.activity_id = a.id "
           f"WHERE {where} ORDER BY a.date, v.township_id, v.id, a.id")
    cursor = DB.execute_sql(sql, photo_args + args)
    while rows := cursor.fetchmany(2000):
        yield from rows


def as_date(value) -> dt.date:
    """SQLite hands dates back as ISO text, PostgreSQL as dates."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
