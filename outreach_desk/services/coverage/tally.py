"""Activity sums over date windows, read mostly from the monthly tallies instead of every record.

Migration 8 keeps tallies of the activity table per kind and calendar month, per village, site and
member unit, exact through triggers (on PostgreSQL a trigger function). A window is read as whole
months from a tally plus the days of a month it covers in part from the activity table (added day
by day, or the whole month minus the days outside), through migration 9's (kind, date, ...) index;
sums are integers, so this is exact, and "campaign to date" reads a few tally months instead of
grouping every record. Without tallies (a read-only file of an older schema) every window is read
from the activity table with the same statement shape and results.
"""

from __future__ import annotations

import calendar
import datetime as dt
import weakref
from contextlib import contextmanager
from dataclasses import dataclass

import peewee

from outreach_desk.services import bulk_triggers
from outreach_desk.services.coverage.dialect import date_param, month_start, param
from outreach_desk.store import DB

AUDIENCE_BITS = (1, 2, 4, 8, 16)
# level -> (tally table, the columns it is grouped by besides kind and month, raw-record condition)
LEVELS = {
    "village": ("activity_tally_village", ("village_id",), None),
    "site": ("activity_tally_site", ("village_id", "site_id"), "a.site_id IS NOT NULL"),
    "member_unit": ("activity_tally_member", ("member_unit_id",), "a.member_unit_id IS NOT NULL"),
}
LEVEL_MEASURES = {
    "village": ("records", "quantity", "people", *(f"aud_{bit}" for bit in AUDIENCE_BITS)),
    "site": ("records", "quantity", "people"),
    "member_unit": ("records", "quantity", "people"),
}


@dataclass(frozen=True)
class Part:
    """A piece of window ``index``: whole months from a tally (``start``/``end`` are month starts)
    or days from the activity table, added (``sign`` 1) or subtracted (``sign`` -1)."""

    index: int
    start: dt.date
    end: dt.date
    sign: int
    monthly: bool


#: databases known to keep the tallies: a schema never loses them, and asking a server for its table list
#: before every statement of a coverage computation cost a round trip each
_with_tallies: weakref.WeakSet = weakref.WeakSet()


def available() -> bool:
    """Whether this database keeps the tallies (migration 8, on SQLite and on PostgreSQL)."""
    database = DB.obj
    if database in _with_tallies:
        return True
    found = DB.table_exists(LEVELS["village"][0])
    if found:
        _with_tallies.add(database)
    return found


def _grouped(level: str, after_id: bool = False) -> tuple[str, list[str], str]:
    """(tally table, its columns, the SELECT that groups the activity table into exactly those rows); with
    ``after_id`` only the records whose id is above the statement's one parameter."""
    table, keys, condition = LEVELS[level]
    measures = LEVEL_MEASURES[level]
    month = month_start("a.date")
    key_list = ", ".join(f"a.{k}" for k in keys)
    sums = ", ".join("COUNT(*)" if m == "records" else
                     f"SUM(CASE WHEN (a.audiences & {int(m[4:])}) <> 0 THEN 1 ELSE 0 END)"
                     if m.startswith("aud_") else f"SUM(a.{m})" for m in measures)
    conditions = [c for c in (condition, f"a.id > {param()}" if after_id else None) if c]
    select = (f"SELECT a.kind_id, {month}, {key_list}, {sums} FROM activity a"
              + (f" WHERE {' AND '.join(conditions)}" if conditions else "")
              + f" GROUP BY a.kind_id, {month}, {key_list}")
    return table, ["kind_id", "month_start", *keys, *measures], select


def _add_records_after(last_id: int) -> None:
    """Add the records whose id is above ``last_id`` to every tally, one grouped upsert each."""
    for level in LEVELS:
        table, columns, select = _grouped(level, after_id=True)
        measures = LEVEL_MEASURES[level]
        keys = ", ".join(columns[:len(columns) - len(measures)])
        added = ", ".join(f"{m} = {table}.{m} + excluded.{m}" for m in measures)
        DB.execute_sql(f"INSERT INTO {table} ({', '.join(columns)}) {select} "
                       f"ON CONFLICT ({keys}) DO UPDATE SET {added}", (last_id,))


def rebuild() -> None:
    """Every tally made again from the activity table, one GROUP BY each (in the caller's transaction)."""
    for level in LEVELS:
        table, columns, select = _grouped(level)
        DB.execute_sql(f"DELETE FROM {table}")
        DB.execute_sql(f"INSERT INTO {table} ({', '.join(columns)}) {select}")


def mismatch_queries() -> list[str]:
    """One query per tally counting the rows by which it differs from the GROUP BY of the records (0 when
    exact), for a check that reads the file on a connection of its own."""
    queries = []
    for level in LEVELS:
        table, columns, select = _grouped(level)
        stored = f"SELECT {', '.join(columns)} FROM {table}"
        queries.append(f"SELECT COUNT(*) FROM (SELECT * FROM ({stored} EXCEPT {select}) AS extra "
                       f"UNION ALL SELECT * FROM ({select} EXCEPT {stored}) AS missing) AS differences")
    return queries


@contextmanager
def deferred():
    """For bulk inserts (the demo, an import), inside the caller's transaction: the tally triggers are set
    aside while rows go in, then the records added meanwhile (ids above the largest before) are added to
    the tallies in one grouped upsert each and the triggers put back exactly as they were (read from the
    schema): far quicker than firing the triggers once per row. Only inserts may happen meanwhile."""
    if not available() or not isinstance(DB.obj, peewee.SqliteDatabase):
        yield  # on PostgreSQL the triggers keep the tallies row by row meanwhile
        return
    last_id = DB.execute_sql("SELECT COALESCE(MAX(id), 0) FROM activity").fetchone()[0]
    with bulk_triggers.set_aside("activity_tally_"):
        yield
        _add_records_after(last_id)


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _next_month(first: dt.date) -> dt.date:
    return _month_end(first) + dt.timedelta(days=1)


def split(index: int, start: dt.date, end: dt.date, monthly: bool = True) -> list[Part]:
    """The parts that sum to the records of ``[start, end]``, reading as few days as possible."""
    if end < start:
        return []
    if not monthly:
        return [Part(index, start, end, 1, False)]
    parts: list[Part] = []
    whole: list[dt.date] = []
    first = start.replace(day=1)
    while first <= end:
        last = _month_end(first)
        low, high = max(first, start), min(last, end)
        if 2 * ((high - low).days + 1) > (last - first).days + 1:  # more than half the month: take it whole
            whole.append(first)
            if low > first:
                parts.append(Part(index, first, low - dt.timedelta(days=1), -1, False))
            if high < last:
                parts.append(Part(index, high + dt.timedelta(days=1), last, -1, False))
        else:
            parts.append(Part(index, low, high, 1, False))
        first = _next_month(first)
    runs: list[list[dt.date]] = []
    for month in whole:
        if runs and _next_month(runs[-1][-1]) == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return [Part(index, run[0], run[-1], 1, True) for run in runs] + parts


def _parts_table(parts: list[Part]) -> tuple[str, list]:
    d = date_param()
    selects = " UNION ALL ".join(f"SELECT {p.index} AS idx, {d} AS start_date, {d} AS end_date, {p.sign} AS sign"
                                 for p in parts)
    args: list = []
    for p in parts:
        args += [p.start.isoformat(), p.end.isoformat()]
    return f"({selects}) p", args


def _raw_measure(measure: str) -> str:
    if measure == "records":
        return "SUM(p.sign)"
    if measure.startswith("aud_"):
        return f"SUM(CASE WHEN (a.audiences & {int(measure[4:])}) <> 0 THEN p.sign ELSE 0 END)"
    return f"SUM(p.sign * a.{measure})"


def sums(level: str, windows: list[tuple[int, dt.date, dt.date]], group: list[str], measures: list[str], *,
         kind_ids: list[int] | None = None, conditions: list[str] = (), args: list = (),
         use_tally: bool | None = None) -> tuple[str, list]:
    """A derived table of ``group`` columns, ``idx`` (the window's index) and the summed ``measures``
    (records, quantity, people, aud_<bit>) of the activities of ``kind_ids`` (default: all) in each
    window, one row per group and window with at least one record. ``conditions`` name columns as
    ``{t}.column`` (the tally and the activity table both have them); ``args`` are their parameters.
    Returns (SQL, parameters).
    """
    if use_tally is None:
        use_tally = available()
    unknown = set(measures) - set(LEVEL_MEASURES[level])
    if unknown:
        raise ValueError(f"the {level} tally has no {sorted(unknown)}")
    totals = ["records", *(m for m in measures if m != "records")]
    parts = [part for index, start, end in windows for part in split(index, start, end, use_tally)]
    branches: list[str] = []
    values: list = []
    for monthly in (True, False):
        chosen = [part for part in parts if part.monthly == monthly]
        if chosen:
            sql, branch_args = _branch(level, monthly, chosen, group, totals, kind_ids, conditions, args)
            branches.append(sql)
            values += branch_args
    if not branches:
        empty = [*(f"NULL AS {g}" for g in group), "NULL AS idx", *(f"0 AS {m}" for m in totals)]
        branches.append(f"SELECT {', '.join(empty)} WHERE 1 = 0")
    outer = ", ".join([*group, "idx"])
    # BIGINT: PostgreSQL sums bigints as NUMERIC, which would reach Python as Decimal.
    sql = (f"(SELECT {outer}, {', '.join(f'CAST(SUM(x.{m}) AS BIGINT) AS {m}' for m in totals)} "
           f"FROM ({' UNION ALL '.join(branches)}) x GROUP BY {outer} HAVING SUM(x.records) <> 0)")
    return sql, values


def _branch(level: str, monthly: bool, parts: list[Part], group: list[str], totals: list[str],
            kind_ids: list[int] | None, conditions: list[str], args: list) -> tuple[str, list]:
    """One GROUP BY over the tally (``monthly``) or the activity table, joined to its parts."""
    table, _, raw_condition = LEVELS[level]
    alias = "t" if monthly else "a"
    where = [c.format(t=alias) for c in conditions]
    where_args = list(args)
    per_month = monthly and set(group) <= {"kind_id"}
    if kind_ids is not None:
        chosen_kinds = list(kind_ids) or [-1]
        where.insert(0, f"{alias}.kind_id IN ({', '.join([param()] * len(chosen_kinds))})")
        where_args = chosen_kinds + where_args
    elif not per_month:
        # Naming every kind lets SQLite seek the (kind_id, month_start) key of the tally, or the
        # (kind_id, date, ...) covering index of the records, for each part.
        where.insert(0, f"{alias}.kind_id IN (SELECT id FROM activity_kind)")
    if not monthly and raw_condition:
        where.append(raw_condition)
    parts_sql, parts_args = _parts_table(parts)
    if per_month:
        # Sums per kind and month first, in the tally's key order (no sort), then over the parts.
        d = date_param()
        where += [f"t.month_start >= {d}", f"t.month_start <= {d}"]
        where_args += [min(p.start for p in parts).isoformat(), max(p.end for p in parts).isoformat()]
        source = (f"(SELECT t.kind_id AS kind_id, t.month_start AS month_start, "
                  f"{', '.join(f'SUM(t.{m}) AS {m}' for m in totals)} FROM {table} t WHERE {' AND '.join(where)} "
                  "GROUP BY t.kind_id, t.month_start) s")
        columns = [f"s.{g} AS {g}" for g in group] + ["p.idx AS idx"] + [f"SUM(p.sign * s.{m}) AS {m}" for m in totals]
        sql = (f"SELECT {', '.join(columns)} FROM {source} JOIN {parts_sql} "
               "ON s.month_start >= p.start_date AND s.month_start <= p.end_date "
               f"GROUP BY {', '.join([*(f's.{g}' for g in group), 'p.idx'])}")
        return sql, where_args + parts_args
    date_column = "t.month_start" if monthly else "a.date"
    keys = [f"{alias}.{g}" for g in group]
    columns = [f"{alias}.{g} AS {g}" for g in group] + ["p.idx AS idx"] + [
        (f"SUM(p.sign * t.{m})" if monthly else _raw_measure(m)) + f" AS {m}" for m in totals]
    sql = (f"SELECT {', '.join(columns)} FROM {f'{table} t' if monthly else 'activity a'} JOIN {parts_sql} "
           f"ON {date_column} >= p.start_date AND {date_column} <= p.end_date"
           + (f" WHERE {' AND '.join(where)}" if where else "")
           + f" GROUP BY {', '.join([*keys, 'p.idx'])}")
    return sql, parts_args + where_args
