"""Benchmark: the coverage engine against one hand-written GROUP BY on the county-scale demo database.

    python tests/bench_coverage.py [--db PATH] [--repeat N]

The database (1,000,000 activities, 20 townships, 500 villages) is made once with
``outreach-desk demo --scale county`` and reused. The baseline is a single sqlite3 GROUP BY over
the same activity table and date range (per village, site and kind: the least any coverage
computation must read without summaries), run side by side with the engine in the same process;
each figure is the median of N alternating runs after a warm-up. Target: engine <= 1.5x the
baseline for all default rules over the whole campaign to date.

Since migration 8 the engine reads the monthly activity tallies (services/coverage/tally.py) and
only the days of a month a window covers in part from the activity table, so it beats the
baseline; "to mid-month" is the case with the most such days (half a month).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_DB = Path("/tmp/county_coverage.db")
AS_OF = dt.date(2026, 11, 30)
TARGET = 1.5
BASELINE_SQL = ("SELECT village_id, site_id, kind_id, COUNT(*), SUM(quantity), SUM(people) FROM activity "
                "WHERE date >= ? AND date <= ? GROUP BY village_id, site_id, kind_id")


def ensure_database(path: Path) -> None:
    if path.exists():
        return
    print(f"making the county demo database at {path} (about half a minute)…", flush=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(path), "demo", "--scale", "county"],
                   check=True, cwd=ROOT)


def bench_arguments(description: str) -> argparse.Namespace:
    """The options of the coverage benches (``--db``, ``--repeat``), with the county database made if missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ensure_database(args.db)
    return args


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def main() -> int:
    args = bench_arguments(__doc__.splitlines()[0])

    from PySide6.QtCore import QCoreApplication

    from outreach_desk.services.coverage import campaigns, engine, gaps, periods
    from outreach_desk.store import DB, open_database

    QCoreApplication.instance() or QCoreApplication([])
    open_database(args.db)
    campaign = campaigns.require_current()
    raw = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    activities = DB.execute_sql("SELECT COUNT(*) FROM activity").fetchone()[0]
    village_id, village_name = DB.execute_sql("SELECT id, name FROM village ORDER BY id LIMIT 1").fetchone()
    township_id, township_name = DB.execute_sql("SELECT id, name FROM township ORDER BY id LIMIT 1").fetchone()

    to_date = periods.to_date(campaign, AS_OF)
    mid_month = periods.to_date(campaign, AS_OF.replace(day=15))
    november = periods.month(2026, 11)
    one_village = engine.Scope(village_id=village_id)

    def baseline(start: dt.date, end: dt.date, where: str = "", extra: tuple = ()):
        sql = BASELINE_SQL if not where else BASELINE_SQL.replace("GROUP BY", f"AND {where} GROUP BY")
        return lambda: raw.execute(sql, (start.isoformat(), end.isoformat(), *extra)).fetchall()

    cases = [
        ("all rules, campaign to date", lambda: engine.compute(to_date, campaign=campaign),
         baseline(campaign.start, to_date.end)),
        ("  + gap list", lambda: gaps.gap_list(engine.compute(to_date, campaign=campaign)),
         baseline(campaign.start, to_date.end)),
        (f"all rules, campaign to mid-month ({mid_month.end})", lambda: engine.compute(mid_month, campaign=campaign),
         baseline(campaign.start, mid_month.end)),
        ("all rules, one month (2026-11)", lambda: engine.compute(november, campaign=campaign),
         baseline(campaign.start, november.end)),
        (f"all rules, one township ({township_name}), to date",
         lambda: engine.compute(to_date, campaign=campaign, scope=engine.Scope(township_id=township_id)),
         baseline(campaign.start, to_date.end, "village_id IN (SELECT id FROM village WHERE township_id = ?)",
                  (township_id,))),
        (f"all rules, one village ({village_name}), to date",
         lambda: engine.compute(to_date, campaign=campaign, scope=one_village),
         baseline(campaign.start, to_date.end, "village_id = ?", (village_id,))),
    ]
    print(f"database: {args.db} ({activities:,} activities), campaign {campaign.name} "
          f"{campaign.start} – {campaign.end}, as of {AS_OF}, median of {args.repeat} runs\n")
    header = f"{'case':44} {'engine s':>9} {'baseline s':>11} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    summary = {}
    for label, run_engine, run_baseline in cases:
        run_engine(), run_baseline()                     # warm the page cache for both
        engine_times, baseline_times = [], []
        for _ in range(args.repeat):
            engine_times.append(timed(run_engine)[0])
            baseline_times.append(timed(run_baseline)[0])
        e, b = statistics.median(engine_times), statistics.median(baseline_times)
        summary[label] = e / b
        print(f"{label:44} {e:9.3f} {b:11.3f} {e / b:6.2f}x")
    result = engine.compute(to_date, campaign=campaign)
    print(f"\nunits judged: {len(result.units):,}; gaps: {len(gaps.gap_list(result)):,}; "
          f"county compliance index per township: "
          f"{min(t.index for t in result.townships):.1%} – {max(t.index for t in result.townships):.1%}")
    ratio = summary["all rules, campaign to date"]
    print(f"target: campaign to date <= {TARGET}x baseline: {'met' if ratio <= TARGET else 'NOT met'} ({ratio:.2f}x)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
