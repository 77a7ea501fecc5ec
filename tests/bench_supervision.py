"""Benchmark: rankings and the bulletin against the computations they build on, side by side.

    python tests/bench_supervision.py [--county PATH] [--township PATH] [--repeat N]

1. County demo (500 villages, 1,000,000 activities): a ranking needs two coverage computations
   (the period and the previous one of the same length). Baseline: one coverage computation of
   the same period. Target: ranking <= 2.2x the baseline, timed as every caller asks for it (with its
   rows' bottom streaks, which judge a third period when someone is at the bottom in both) and with
   its two periods alone. The dashboard's bottom streaks (three months) are shown against the same
   baseline.
2. Township demo (25 villages): the bulletin (draft and .docx) against the monthly report of the
   same month. Target: bulletin < 2x the report.

Both databases are made once with ``outreach-desk demo`` and reused. Each figure is the median of
N alternating runs after a warm-up, in one process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNTY_DB = Path("/tmp/county_supervision.db")
TOWNSHIP_DB = Path("/tmp/township_supervision.db")
AS_OF = dt.date(2026, 11, 30)
RANKING_TARGET = 2.2
BULLETIN_TARGET = 2.0


def ensure_database(path: Path, scale: str) -> None:
    if path.exists():
        return
    print(f"making the {scale} demo database at {path}…", flush=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(path), "demo", "--scale", scale],
                   check=True, cwd=ROOT)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def alternate(repeat: int, pairs: dict) -> dict[str, float]:
    """Median seconds of each function, run in turn ``repeat`` times after one warm-up round."""
    for fn in pairs.values():
        fn()
    runs: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(repeat):
        for name, fn in pairs.items():
            runs[name].append(timed(fn))
    return {name: statistics.median(values) for name, values in runs.items()}


def row(label: str, seconds: float, baseline: float, target: float | None) -> str:
    ratio = seconds / baseline
    verdict = "" if target is None else ("  ok" if ratio <= target else f"  OVER {target}x")
    return f"{label:<60} {seconds * 1000:9.1f} ms {ratio:6.2f}x{verdict}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--county", type=Path, default=COUNTY_DB)
    parser.add_argument("--township", type=Path, default=TOWNSHIP_DB)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ensure_database(args.county, "county")
    ensure_database(args.township, "township")

    from PySide6.QtCore import QCoreApplication

    from outreach_desk import i18n
    from outreach_desk.services.coverage import campaigns, engine, periods
    from outreach_desk.services.excel import report
    from outreach_desk.services.supervision import bulletin, bulletin_docx, rankings
    from outreach_desk.store import DB, close_database, open_database

    app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install(app, "zh_CN")

    open_database(args.county)
    campaign = campaigns.require_current()
    villages = DB.execute_sql("SELECT COUNT(*) FROM village").fetchone()[0]
    activities = DB.execute_sql("SELECT COUNT(*) FROM activity").fetchone()[0]
    november = periods.month(2026, 11)
    to_date = periods.to_date(campaign, AS_OF)
    print(f"county: {villages} villages, {activities:,} activities; median of {args.repeat} runs")
    print(f"{'':<60} {'time':>12} {'ratio':>7}")
    for label, period in (("November 2026", november), ("campaign to 2026-11-30", to_date)):
        times = alternate(args.repeat, {
            "coverage": lambda p=period: engine.compute(p, campaign=campaign),
            "ranking": lambda p=period: rankings.rank(p, campaign=campaign),
            "two periods": lambda p=period: rankings.rank(p, campaign=campaign, streaks=False),
        })
        print(row(f"one coverage computation, {label} (baseline)", times["coverage"], times["coverage"], None))
        print(row(f"ranking with its previous period and streaks, {label}", times["ranking"], times["coverage"],
                  RANKING_TARGET))
        print(row(f"ranking, its two periods alone, {label}", times["two periods"], times["coverage"],
                  RANKING_TARGET))
    times = alternate(args.repeat, {
        "coverage": lambda: engine.compute(november, campaign=campaign),
        "streaks": lambda: rankings.bottom_streaks(november, campaign=campaign, months=3),
    })
    print(row("one coverage computation, November 2026 (baseline)", times["coverage"], times["coverage"], None))
    print(row("bottom streaks, September to November 2026", times["streaks"], times["coverage"], None))
    close_database()

    open_database(args.township)
    with tempfile.TemporaryDirectory(prefix="bench-supervision-") as folder:
        out = Path(folder)
        times = alternate(args.repeat, {
            "report": lambda: report.build_report(out / "月报.xlsx", november),
            "bulletin": lambda: bulletin_docx.write(bulletin.draft(november, date=dt.date(2026, 12, 3)),
                                                    out / "通报.docx"),
        })
    close_database()
    print()
    print("township demo, November 2026")
    print(row("monthly report (baseline)", times["report"], times["report"], None))
    print(row("bulletin: draft and .docx", times["bulletin"], times["report"], BULLETIN_TARGET))
    return 0


if __name__ == "__main__":
    sys.exit(main())
