"""Crash safety: a process entering records is killed with SIGKILL at random moments, 30 times.

Afterwards SQLite's integrity and foreign-key checks pass, every record whose commit had returned
before the kill (the helper prints it only then) is present, and every transaction is whole: a
batch of five records or an imported CSV file is there entirely or not at all.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from fault_helpers import child_environment

ROOT = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "crash_writer.py"
KILLS = 30


def _kill_at_random(args: list[str], rng: random.Random, during_start: bool) -> tuple[list[str], int]:
    """Start the writer, SIGKILL it at a random moment, return its complete output lines and exit code."""
    process = subprocess.Popen([sys.executable, str(WRITER), *args], cwd=ROOT, env=child_environment(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    lines = []
    if during_start:
        time.sleep(rng.uniform(0.0, 0.4))  # somewhere in start-up: imports, opening, the first records
    else:
        ready = process.stdout.readline()
        assert ready == "ready\n", process.stderr.read() if process.poll() is not None else ready
        lines.append(ready)
        time.sleep(rng.uniform(0.0, 0.3))
    process.send_signal(signal.SIGKILL)
    rest, errors = process.communicate(timeout=30)
    text = "".join(lines) + rest
    complete = text.split("\n")[:-1]  # a line without its newline was cut by the kill
    assert process.returncode == -signal.SIGKILL, errors
    return complete, process.returncode


def test_records_survive_sigkill_at_random_moments(township, db_path):
    from outreach_desk.services import backup
    from outreach_desk.store import close_database

    close_database()
    rng = random.Random(20261128)
    args = [str(db_path), str(township["village1"]), str(township["kinds"]["banner"])]
    committed_ids: set[int] = set()
    batches: dict[str, list[int]] = {}
    imports: dict[str, int] = {}
    started = time.monotonic()
    for run in range(KILLS):
        lines, _code = _kill_at_random(args + [str(run), "太平村", "横幅标语"], rng, during_start=run % 6 == 5)
        for line in lines:
            kind, *rest = line.split()
            if kind == "id":
                committed_ids.add(int(rest[0]))
            elif kind == "batch":
                batches[rest[0]] = [int(x) for x in rest[1:]]
            elif kind == "import":
                imports[rest[0]] = int(rest[1])
    elapsed = time.monotonic() - started

    report = backup.check(db_path)
    assert report.ok, report.lines()
    connection = sqlite3.connect(db_path)
    try:
        present = {row[0] for row in connection.execute("SELECT id FROM activity")}
        by_note: dict[str, int] = {}
        for (notes,) in connection.execute("SELECT notes FROM activity WHERE notes LIKE 'batch %' "
                                           "OR notes LIKE 'import %'"):
            by_note[notes] = by_note.get(notes, 0) + 1
    finally:
        connection.close()

    assert committed_ids <= present, f"lost committed records: {sorted(committed_ids - present)[:20]}"
    for tag, ids in batches.items():
        assert set(ids) <= present, f"batch {tag} lost records"
    for tag, count in imports.items():
        assert count == 3 and by_note.get(f"import {tag}") == 3, f"import {tag} is not whole"
    partial = {note: n for note, n in by_note.items()
               if n != (5 if note.startswith("batch") else 3)}
    assert partial == {}, f"half-written transactions: {partial}"
    assert len(committed_ids) + 5 * len(batches) > KILLS, "the writer hardly wrote anything: the test proved little"
    print(f"\n{KILLS} kills in {elapsed:.1f} s: {len(committed_ids)} records, {len(batches)} batches, "
          f"{len(imports)} imports confirmed; {len(present)} records present")
