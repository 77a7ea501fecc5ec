"""Benchmark: the monthly report on the county-scale demo database against raw write-only openpyxl.

    QT_QPA_PLATFORM=offscreen python tests/bench_report.py [--db PATH] [--month 2026-05] [--repeat N]

The database (20 townships, 500 villages, 1,000,000 activities) is made once with
``outreach-desk demo --scale county`` and reused; May 2026 holds about 100,000 activity records,
so the report's ledger sheet has that many rows. Baseline: exactly the rows of the report's
ledger sheet (read beforehand, not timed) appended as plain lists to one write-only sheet, then
saved. Measured: the whole report from the database (coverage engine for the month, gap list,
ledger query, six sheets with their forms, chart and formats, atomic save). Each run is a fresh
process, so its peak RSS is its own; runs alternate, medians of N; the ratio is taken on CPU time
(wall time printed beside), since the machine is shared.
Targets: report <= 1.3x baseline, peak RSS <= 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_coverage import ensure_database  # noqa: E402

DEFAULT_DB = Path("/tmp/county_report.db")
TARGET_RATIO = 1.3
TARGET_RSS_MB = 400


def child(mode: str, db: Path, month: str, out: Path) -> None:
    """One measured run in this process; prints {"seconds", "rss_mb", "rows"} as JSON."""
    from PySide6.QtCore import QCoreApplication

    from outreach_desk.services.coverage import periods
    from outreach_desk.services.excel import report
    from outreach_desk.store import open_database

    from outreach_desk import i18n

    app = QCoreApplication([])
    i18n.install(app, "zh_CN")   # the report a township clerk gets
    open_database(db)
    period = periods.parse_month(month)
    if mode == "baseline":
        from openpyxl import Workbook

        table = list(report.ledger_table(period.start, period.end, with_township=True))  # not timed
        start, cpu = time.perf_counter(), time.process_time()
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("活动台账")
        for row in table:
            sheet.append(row)
        workbook.save(out)
        rows = len(table)
    else:
        start, cpu = time.perf_counter(), time.process_time()
        rows = report.build_report(out, period).ledger_rows
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss_mb, "rows": rows}))


def run_child(mode: str, db: Path, month: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, "--db", str(db), "--month", month,
                           "--out", str(out)], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--month", default="2026-05")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=("baseline", "report"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.month, args.out)
        return 0
    ensure_database(args.db)
    runs: dict[str, list[dict]] = {"baseline": [], "report": []}
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.repeat):
            for mode in ("baseline", "report"):
                runs[mode].append(run_child(mode, args.db, args.month, Path(folder) / f"{mode}{number}.xlsx"))
        size = (Path(folder) / "report0.xlsx").stat().st_size / 1024 / 1024
    rows = runs["report"][0]["rows"]
    peak = max(r["rss_mb"] for r in runs["report"])
    base_cpu, base_wall = (statistics.median(r[k] for r in runs["baseline"]) for k in ("cpu", "seconds"))
    print(f"county demo database, month {args.month}: {rows:,} ledger rows; report file {size:.1f} MB; "
          f"medians of {args.repeat}; the ratio is on CPU time (the machine is shared), wall time beside")
    print(f"{'measurement':<58}{'CPU s':>8}{'ratio':>7}{'wall s':>8}{'ratio':>7}{'peak RSS':>10}")
    for mode, label in (("baseline", "raw write-only openpyxl: the same ledger rows (baseline)"),
                        ("report", "monthly report (engine, six sheets, chart, atomic save)")):
        cpu, wall = (statistics.median(r[k] for r in runs[mode]) for k in ("cpu", "seconds"))
        print(f"{label:<58}{cpu:>8.2f}{cpu / base_cpu:>7.2f}{wall:>8.2f}{wall / base_wall:>7.2f}"
              f"{max(r['rss_mb'] for r in runs[mode]):>7.0f} MB")
    ratio = statistics.median(r["cpu"] for r in runs["report"]) / base_cpu
    ok = ratio <= TARGET_RATIO and peak <= TARGET_RSS_MB
    print(f"targets: <= {TARGET_RATIO}x and <= {TARGET_RSS_MB} MB: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
