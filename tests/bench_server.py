"""Benchmark: the demo database on a PostgreSQL server against the same on SQLite, side by side.

    python tests/bench_server.py [--scale county|township] [--url postgresql://…] [--repeat N]

Both databases are made by ``outreach-desk demo`` with the same scale and seed, so they hold the same
records. The SQLite file is kept in /tmp and reused; the server database is ``--url`` (filled by the demo
when empty) or one on a throw-away cluster started here as in the tests (tests/server_fixtures.py), vacuumed
and analysed before the runs as autovacuum would after the bulk load. Each
figure is the median of N runs alternating between the two stores after a warm-up, in one process. Goal:
PostgreSQL <= 1.5x SQLite for each case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = dt.date(2026, 11, 30)
TARGET = 1.5


def demo(target: str, scale: str) -> None:
    print(f"making the {scale} demo in {target.split('@')[-1]}…", flush=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", target, "demo", "--scale", scale],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def cases():
    """(label, function) pairs for the store bound to DB now."""
    from outreach_desk.services import dashboard, ledger_query
    from outreach_desk.services.coverage import campaigns, engine, periods
    from outreach_desk.services.excel import report_data
    from outreach_desk.store import DB

    campaign = campaigns.require_current()
    to_date = periods.to_date(campaign, AS_OF)
    month = periods.month(2026, 11)
    note = DB.execute_sql("SELECT place_note FROM activity WHERE place_note <> '' ORDER BY id LIMIT 1").fetchone()
    text = (note[0] if note else "村")[:3]
    return [
        ("coverage, all rules, campaign to date", lambda: engine.compute(to_date, campaign=campaign)),
        ("dashboard data", lambda: dashboard.load(dashboard.default_filter(AS_OF), today=AS_OF)),
        ("ledger, first page", lambda: ledger_query.fetch_page(ledger_query.LedgerFilter())),
        (f"ledger, text search {text!r}, first page",
         lambda: ledger_query.fetch_page(ledger_query.LedgerFilter(text=text))),
        ("monthly report data (2026-11)", lambda: (engine.compute(month, campaign=campaign),
                                                   report_data.activity_totals(month.start, month.end))),
    ]


def compare(sqlite_path: Path, url: str, repeat: int) -> bool:
    from PySide6.QtCore import QCoreApplication

    from outreach_desk.store import DB, open_database

    QCoreApplication.instance() or QCoreApplication([])
    stores = {"sqlite": open_database(sqlite_path), "postgresql": open_database(url)}
    # What autovacuum does on a live server a while after a bulk load: statistics, and the visibility map
    # that lets the covering indexes answer without the table.
    stores["postgresql"].execute_sql("VACUUM ANALYZE")
    runs = {}
    for name, database in stores.items():
        DB.initialize(database)
        runs[name] = cases()
        count = DB.execute_sql("SELECT COUNT(*) FROM activity").fetchone()[0]
        print(f"{name}: {count:,} activities")
    header = f"{'case':46} {'SQLite s':>9} {'PostgreSQL s':>13} {'ratio':>7}"
    print("\n" + header + "\n" + "-" * len(header))
    met = True
    for index, (label, _fn) in enumerate(runs["sqlite"]):
        times = {name: [] for name in stores}
        for name in stores:
            DB.initialize(stores[name])
            runs[name][index][1]()  # warm-up
        for _ in range(repeat):
            for name in stores:
                DB.initialize(stores[name])
                times[name].append(timed(runs[name][index][1]))
        lite, server = statistics.median(times["sqlite"]), statistics.median(times["postgresql"])
        ratio = server / lite if lite else float("inf")
        met = met and ratio <= TARGET
        print(f"{label:46} {lite:9.3f} {server:13.3f} {ratio:6.2f}x")
    for database in stores.values():
        database.close()
    print(f"\ngoal: PostgreSQL <= {TARGET}x SQLite in every case: {'met' if met else 'NOT met'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("township", "county"), default="county")
    parser.add_argument("--url", help="a server database (empty, or holding this scale's demo)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sqlite", type=Path,
                        help="the SQLite file (default /tmp/bench_server_SCALE.db, made when missing)")
    args = parser.parse_args()
    sqlite_path = args.sqlite or Path(f"/tmp/bench_server_{args.scale}.db")
    if not sqlite_path.exists():
        demo(str(sqlite_path), args.scale)
    if args.url:
        from outreach_desk.store import close_database, open_database
        from outreach_desk.services.demo import has_records

        open_database(args.url)
        empty = not has_records()
        close_database()
        if empty:
            demo(args.url, args.scale)
        return 0 if compare(sqlite_path, args.url, args.repeat) else 1
    import server_fixtures

    bin_dir = server_fixtures.postgres_bin()
    if bin_dir is None:
        print("PostgreSQL is not installed (no initdb); pass --url", file=sys.stderr)
        return 2
    prefix = server_fixtures.as_cluster_owner()
    server = server_fixtures.start_cluster(prefix, bin_dir)
    try:
        url = server.url(server.create_database(template=None))
        demo(url, args.scale)
        return 0 if compare(sqlite_path, url, args.repeat) else 1
    finally:
        server_fixtures.stop_cluster(server, prefix)


if __name__ == "__main__":
    sys.exit(main())
