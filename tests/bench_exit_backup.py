"""Benchmark: closing the window when an exit backup is due, against the old close that made it on the GUI thread.

    python tests/bench_exit_backup.py [--db PATH]

Side by side in the same process, on a copy of the database made once (each run writes one record first,
so that an exit backup is due, as after a day's work):

* baseline: what closing used to do: the window hidden, then ``make_backup`` (copy + full integrity
  check) on the GUI thread; the event loop stands still until it ends and nothing is on screen;
* now: ``window.close()`` through the StoreSession: the backup runs in a worker under its progress
  dialog while the window stays on screen, and the window closes itself when the backup is over.

For each: seconds from the close request until the backup is over, how long the window was on screen,
and the largest gap of a 10 ms GUI timer (how long the window could not answer). Then Cancel pressed in
the copy and in the check: seconds from the press until the window is gone, and what is left behind.
The default database is the county demo that ``tests/bench_startup.py`` makes and caches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_DB = Path(tempfile.gettempdir()) / "outreach-bench" / "county.db"
TICK_MS = 10


class Ticks:
    """A 10 ms timer on the GUI thread; the largest gap between its ticks is how long the loop stood still."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self) -> Ticks:
        self.times = [time.perf_counter()]
        self.timer.start()
        return self

    def stop(self) -> float:
        self.timer.stop()
        self.times.append(time.perf_counter())
        return max(b - a for a, b in zip(self.times, self.times[1:]))


def _write_one_record(db: Path) -> None:
    """A record written, as a clerk's day leaves some: the exit backup is due."""
    from outreach_desk.services import ledger

    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        village = connection.execute("SELECT id FROM village ORDER BY id LIMIT 1").fetchone()[0]
        kind = connection.execute("SELECT id FROM activity_kind ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        connection.close()
    ledger.create(ledger.ActivityInput(date=dt.date.today(), village_id=village, kind_id=kind, quantity=1))


def _open(db: Path, hold=None):
    from outreach_desk.ui.shell.store_session import StoreSession

    session = StoreSession(db, "zh_CN", backup_progress=hold)
    assert session.open()
    _write_one_record(db)
    window = session.make_window()
    window.show()
    return session, window


def _wait(app, condition, limit_s: float = 900) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + limit_s
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the close did not end")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _baseline(app, db: Path) -> dict:
    from outreach_desk.services import backup

    session, window = _open(db)
    ticks = Ticks().start()
    start = time.perf_counter()
    session.exit_backup_over = True  # the old close: window away first, then the backup on the GUI thread
    window.close()
    shown = time.perf_counter() - start
    backup.make_backup(db)
    took = time.perf_counter() - start
    gap = ticks.stop()
    session.close(backup_on_exit=False)
    return {"took": took, "shown": shown, "gap": gap}


def _now(app, db: Path) -> dict:
    session, window = _open(db)
    ticks = Ticks().start()
    start = time.perf_counter()
    window.close()
    window.close()  # a second close request meanwhile starts nothing more
    _wait(app, lambda: not window.isVisible())
    took = time.perf_counter() - start
    gap = ticks.stop()
    session.close(backup_on_exit=False)
    return {"took": took, "shown": took, "gap": gap}


def _cancelled(app, db: Path, step: str) -> dict:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from outreach_desk.services import backup

    seen = {"copy": 0, "check": 0}

    def watch(done: int, total: int = 0, text: str = "") -> None:
        if total:
            seen["copy"] += 1
        elif seen["copy"]:
            seen["check"] += 1

    before = {path for _when, path in backup.list_backups(db)}
    session, window = _open(db, watch)
    window.close()
    _wait(app, lambda: seen[step] >= (20 if step == "copy" else 3))
    dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    [button] = dialogs[0].findChildren(QPushButton)
    start = time.perf_counter()
    button.click()
    _wait(app, lambda: not window.isVisible())
    took = time.perf_counter() - start
    session.close(backup_on_exit=False)
    left = [p.name for p in backup.backup_folder(db).iterdir() if p.name.endswith(".partial")]
    made = {path for _when, path in backup.list_backups(db)} - before
    return {"took": took, "left": left, "made": len(made)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no database at {args.db}: make one with outreach-desk --db {args.db} demo --scale county")
        return 2
    from PySide6.QtWidgets import QApplication

    from outreach_desk import i18n
    from outreach_desk.store import close_database

    app = QApplication.instance() or QApplication([])
    i18n.install(app, "zh_CN")
    with tempfile.TemporaryDirectory(prefix="bench-exit-") as folder:
        db = Path(folder) / args.db.name
        source = sqlite3.connect(f"{args.db.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(db)
        source.backup(target)
        source.close()
        target.close()
        close_database()
        print(f"database {args.db} ({db.stat().st_size / 1e6:.0f} MB), copied to {db}\n")
        print("| close with an exit backup due, run N   | before (GUI thread) | now (worker) | ratio  |")
        print("|----------------------------------------|---------------------|--------------|--------|")
        for run in range(1, args.runs + 1):  # alternated, so that the machine's load falls on both alike
            old = _baseline(app, db)
            new = _now(app, db)
            for name, key in (("close request to backup over (s)", "took"),
                              ("window on screen meanwhile (s)", "shown"), ("largest GUI timer gap (s)", "gap")):
                ratio = f"{new[key] / old[key]:>5.2f}x" if old[key] >= 0.01 else "     -"
                print(f"| {name + f', {run}':<38} | {old[key]:>19.3f} | {new[key]:>12.3f} | {ratio} |", flush=True)
        print()
        for step in ("copy", "check"):
            result = _cancelled(app, db, step)
            print(f"Cancel during the {step}: window gone {result['took']:.3f} s after the press; backups made "
                  f"{result['made']}, partial folders left {result['left'] or 'none'}")
        shutil.rmtree(Path(folder) / "backups", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
