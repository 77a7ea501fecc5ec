"""Crash safety: a process entering records and importing files is killed with SIGKILL at random moments, 30 times.

Afterwards SQLite's integrity and foreign-key checks pass, every record whose commit had returned
before the kill (the helper prints it only then) is present, and every transaction is whole: a
batch of five records, an imported CSV file or an imported workbook is there entirely or not at all.
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
    """Start the writer, SIGKILL it at a random moment, return its complete output lines and exit code.

    The pipe is read unbuffered: ``communicate`` reads the pipe itself, so lines a buffered ``readline`` had
    taken in past ``ready`` would be lost and the rest would start in the middle of a line."""
    process = subprocess.Popen([sys.executable, str(WRITER), *args], cwd=ROOT, env=child_environment(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    lines = []
    if during_start:
        time.sleep(rng.uniform(0.0, 0.4))  # somewhere in start-up: imports, opening, the first records
    else:
        ready = process.stdout.readline()  # a raw pipe: read up to the newline and no further
        assert ready == b"ready\n", process.stderr.read() if process.poll() is not None else ready
        lines.append(ready)
        time.sleep(rng.uniform(0.0, 0.3))
    process.send_signal(signal.SIGKILL)
    rest, errors = process.communicate(timeout=30)
    text = b"".join(lines + [rest]).decode("utf-8", "replace")
    errors = errors.decode("utf-8", "replace")
    complete = text.split("\n")[:-1]  # a line without its newline was cut by the kill
    assert process.returncode == -signal.SIGKILL, errors
    return complete, process.returncode


def test_records_survive_sigkill_at_random_moments(township, db_path):
    from outreach_desk.services import database_check
    from outreach_desk.store import close_database

    close_database()
    rng = random.Random(20261128)
    args = [str(db_path), str(township["village1"]), str(township["kinds"]["banner"])]
    committed_ids: set[int] = set()
    batches: dict[str, list[int]] = {}
    imports: dict[str, int] = {}
    formats: dict[str, int] = {"csv": 0, "xlsx": 0}
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
                formats[rest[2]] += 1
    elapsed = time.monotonic() - started

    report = database_check.check(db_path)
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
    assert formats["xlsx"] >= 1, f"no workbook import was confirmed: the test proved little ({formats})"
    print(f"\n{KILLS} kills in {elapsed:.1f} s: {len(committed_ids)} records, {len(batches)} batches, "
          f"{formats['csv']} CSV and {formats['xlsx']} workbook imports confirmed; {len(present)} records present")


FILL_UNTIL_FULL = r"""
import datetime as dt, sys
from outreach_desk.services import ledger
from outreach_desk.store import open_database
open_database(sys.argv[1])
village, kind = int(sys.argv[2]), int(sys.argv[3])
try:
    while True:
        record = ledger.ActivityInput(date=dt.date(2026, 11, 5), village_id=village, kind_id=kind,
                                      notes="满" * 500)
        print("id", ledger.create(record), flush=True)
except Exception as exc:
    print("refused", type(exc).__name__, str(exc).replace("\n", " "), flush=True)
"""


def test_a_full_disk_refuses_the_write_and_loses_nothing(township, db_path):
    """The writer's files may not grow past a limit (RLIMIT_FSIZE): the write that does not fit is
    refused with SQLite's error, every record committed before it is there and the file is intact."""
    from fault_helpers import limit_file_size
    from outreach_desk.services import database_check
    from outreach_desk.store import close_database

    close_database()
    limit = db_path.stat().st_size + 1024 * 1024
    result = subprocess.run([sys.executable, "-c", FILL_UNTIL_FULL, str(db_path), str(township["village1"]),
                             str(township["kinds"]["banner"])], cwd=ROOT, env=child_environment(),
                            capture_output=True, text=True, timeout=60, preexec_fn=limit_file_size(limit))
    lines = result.stdout.splitlines()
    assert lines and lines[-1].startswith("refused OperationalError"), result.stdout[-500:] + result.stderr[-2000:]
    committed = {int(line.split()[1]) for line in lines if line.startswith("id ")}
    assert len(committed) > 10
    assert database_check.check(db_path).ok
    connection = sqlite3.connect(db_path)
    try:
        present = {row[0] for row in connection.execute("SELECT id FROM activity")}
    finally:
        connection.close()
    assert committed <= present and len(present - committed) <= 1
