"""Benchmark: the whole ``outreach-desk coverage --json`` process against a hand-written sqlite3 GROUP BY process.

    python tests/bench_coverage_json.py [--db PATH] [--repeat N]

Both sides are whole processes timed from outside (spawn to exit, wall and the child's own CPU from
``os.wait4``), alternated, after one warm-up each: what a script calling the command waits for. The
baseline is a Python process that opens the county demo database read-only, runs one GROUP BY of the
activities by village, site and kind over the same period the command reports (the campaign to date) and
prints the rows as JSON. The plain-text output of the command is timed beside them. Medians of N. The
children write and keep compiled bytecode in a cache folder of their own (the warm-up run fills it), as an
installed program has its modules compiled. Target: ``coverage --json`` <= 1.0x the baseline.
"""

from __future__ import annotations

import os
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

from bench_coverage import BASELINE_SQL, bench_arguments  # noqa: E402

TARGET = 1.0
BASELINE_CODE = """
import json, sqlite3, sys
db, start, end, sql = sys.argv[1:5]
con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
print(json.dumps(con.execute(sql, (start, end)).fetchall()))
"""


def campaign_period(db: Path) -> tuple[str, str]:
    """The campaign to date, as ``coverage`` without options reports it, in ISO dates."""
    from PySide6.QtCore import QCoreApplication

    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.store import close_database, open_database

    QCoreApplication.instance() or QCoreApplication([])
    open_database(db, readonly=True)
    try:
        campaign = campaigns.require_current()
        return campaign.start.isoformat(), periods.to_date(campaign).end.isoformat()
    finally:
        close_database()


_PYCACHE = tempfile.mkdtemp(prefix="outreach-bench-pycache-")


def _child_env() -> dict:
    """The children's environment: bytecode written and read from a cache of this run."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    return env


def run_once(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds from spawn to exit, the child's CPU seconds, and the bytes it printed."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=_child_env())
    printed = len(child.stdout.read())
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{argv[2:]} exited with {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, printed


def main() -> int:
    args = bench_arguments(__doc__.splitlines()[0])
    start, end = campaign_period(args.db)
    command = [sys.executable, "-m", "outreach_desk", "--db", str(args.db), "--lang", "en", "coverage"]
    cases = {
        "outreach-desk coverage --json": command + ["--json"],
        "hand-written GROUP BY to JSON (baseline)": [sys.executable, "-c", BASELINE_CODE, str(args.db), start, end,
                                                     BASELINE_SQL],
        "outreach-desk coverage (plain text)": command,
    }
    for argv in cases.values():
        run_once(argv)
    runs: dict[str, list[tuple[float, float, int]]] = {label: [] for label in cases}
    for _ in range(args.repeat):
        for label, argv in cases.items():
            runs[label].append(run_once(argv))
    base_wall = statistics.median(r[0] for r in runs["hand-written GROUP BY to JSON (baseline)"])
    base_cpu = statistics.median(r[1] for r in runs["hand-written GROUP BY to JSON (baseline)"])
    print(f"database: {args.db}, campaign to date {start} – {end}; whole processes, alternated, "
          f"median of {args.repeat}\n")
    header = f"{'process':42} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6} {'printed':>10}"
    print(header)
    print("-" * len(header))
    for label, figures in runs.items():
        wall = statistics.median(r[0] for r in figures)
        cpu = statistics.median(r[1] for r in figures)
        print(f"{label:42} {wall:7.2f} {wall / base_wall:5.2f}x {cpu:7.2f} {cpu / base_cpu:5.2f}x "
              f"{figures[-1][2]:>10,}")
    pairs = zip(runs["outreach-desk coverage --json"], runs["hand-written GROUP BY to JSON (baseline)"])
    ratio = statistics.median(ours[0] / theirs[0] for ours, theirs in pairs)
    print(f"\ntarget: coverage --json <= {TARGET}x the baseline (wall, median of the run-by-run ratios): "
          f"{'met' if ratio <= TARGET else 'NOT met'} ({ratio:.2f}x)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
