"""Benchmark: SQLite's full integrity check against the quick one, and whether the window notices it.

    python tests/bench_full_check.py [--db PATH] [--seconds S]

Three tables, each against its baseline run side by side in the same process:

* the check itself on the database: ``check(quick=True)`` (what start-up runs) against ``check()``
  (the weekly and after-a-crash one, which also reads every index), and ``verify`` of a fresh backup
  copy both ways (a backup now counts only after the full one);
* the window's event loop while the full check runs through ``run_task`` in a worker, against the
  same loop idle for as long: a 10 ms timer's gaps (median, 99th percentile, largest). A gap near
  10 ms means the loop kept running; the check holds no lock the GUI thread waits for.

The default database is the county demo that ``tests/bench_startup.py`` makes and caches.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_DB = Path(tempfile.gettempdir()) / "outreach-bench" / "county.db"
TICK_MS = 10


def _ensure(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making the county demo database at {path} (about a minute)…", flush=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(path), "demo", "--scale", "county"],
                   check=True)


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _gaps(app, seconds: float, work=None) -> tuple[list[float], float]:
    """Gaps between ticks of a 10 ms timer for ``seconds`` (or until ``work``, started in a worker, ends)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from outreach_desk.ui.shell.tasks import run_task

    clock = QElapsedTimer()
    clock.start()
    ticks: list[float] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    timer.start()
    finished = {"at": None}
    if work is not None:
        task = run_task(None, "", lambda _progress: work(), show_progress=False, needs_database=False)
        for signal in (task.succeeded, task.failed):
            signal.connect(lambda *_a: (finished.update(at=clock.nsecsElapsed() / 1e9), loop.quit()))
    else:
        QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    return gaps, finished["at"] or seconds


def _row(name: str, base: float, value: float, unit: str) -> str:
    ratio = value / base if base else float("nan")
    return f"| {name:<46} | {base:>10.3f} {unit} | {value:>10.3f} {unit} | {ratio:>6.2f}x |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    _ensure(args.db)

    from PySide6.QtWidgets import QApplication

    from outreach_desk.services import backup, database_check

    app = QApplication.instance() or QApplication([])
    size = args.db.stat().st_size
    print(f"database {args.db} ({size / 1e6:.0f} MB)\n")

    quick_s, _ = _timed(lambda: database_check.check(args.db, quick=True))
    full_s, report = _timed(lambda: database_check.check(args.db))
    with tempfile.TemporaryDirectory(prefix="bench-check-") as folder:
        made_s, made = _timed(lambda: backup.make_backup(args.db, folder))
        verify_quick_s, _ = _timed(lambda: backup.verify(made.path, quick=True))
        verify_full_s, _ = _timed(lambda: backup.verify(made.path))
    print("| check (seconds)                                | quick      | full       | ratio  |")
    print("|------------------------------------------------|------------|------------|--------|")
    print(_row("check of the database", quick_s, full_s, "s"))
    print(_row("verify of a backup copy", verify_quick_s, verify_full_s, "s"))
    print(f"\nmake_backup (copy + full verify): {made_s:.3f} s; the check found: {'ok' if report.ok else 'problems'}\n")

    busy, took = _gaps(app, 0, work=lambda: database_check.check(args.db))
    idle, _ = _gaps(app, took)

    def stats(gaps: list[float]) -> tuple[float, float, float]:
        ordered = sorted(gaps)
        return statistics.median(ordered), ordered[int(0.99 * (len(ordered) - 1))], ordered[-1]

    idle_stats, busy_stats = stats(idle), stats(busy)
    print(f"event loop, {TICK_MS} ms timer, {took:.1f} s each    | idle       | full check | ratio  |")
    print("|------------------------------------------------|------------|------------|--------|")
    for name, base, value in zip(("median gap", "99th percentile gap", "largest gap"), idle_stats, busy_stats):
        print(_row(name, base, value, "ms"))
    print(f"\nticks: idle {len(idle) + 1}, during the check {len(busy) + 1}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
