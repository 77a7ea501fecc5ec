"""Benchmark: saving a slip with photos from the entry form, and how long the window stops answering.

    python tests/bench_entry_save.py [--photos N] [--megabytes M] [--runs R] [--against SOURCE_TREE]

Each run is a child process: a fresh database beside N phone-sized photos (random pixels, so JPEG
cannot shrink them; about M MB each), the entry form shown offscreen, the slip filled and the photos
picked, then Enter. A 5 ms timer on the GUI thread records the longest gap between its ticks from
Enter until the record is saved: the time the window could not answer a key or a repaint (and the
same while the photos are picked: checked and their thumbnails shown). The
baseline, measured in the same child on the same files just before, is the raw work: copying each
file and hashing it (shutil + hashlib). With ``--against`` (a tree such as ``git archive`` output of
an older commit) that tree's form is timed too, alternating, for a before/after table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r'''
import datetime as dt, hashlib, json, os, shutil, sys, tempfile, time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
home = Path(tempfile.mkdtemp(prefix="bench-entry-"))
os.environ["OUTREACH_DESK_HOME"] = str(home / "data")
photos_count, megabytes = int(sys.argv[1]), float(sys.argv[2])

from PIL import Image
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from outreach_desk.services import organisation as org
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store import open_database
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.entry.form import EntryForm

db = home / "台账.db"
open_database(db)
township = org.add_township("平安镇", "平安镇综治办")
village = org.add_village(township, "太平村", "village")
kind = {k.code: k.id for k in org.list_kinds()}["banner"]
side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
pictures = []
for i in range(photos_count):
    path = home / "照片" / f"现场{i}.png"
    path.parent.mkdir(exist_ok=True)
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path, "PNG", compress_level=0)
    pictures.append(path)

start = time.perf_counter()
scratch = home / "scratch"
scratch.mkdir()
for path in pictures:
    digest = hashlib.sha256()
    with path.open("rb") as src, (scratch / path.name).open("wb") as out:
        while chunk := src.read(1024 * 1024):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
baseline = time.perf_counter() - start
shutil.rmtree(scratch)

context = AppContext(db, "en", settings=QSettings(str(home / "s.ini"), QSettings.Format.IniFormat))
form = EntryForm(context)
form.show()
form._fill(ActivityInput(date=dt.date(2026, 11, 20), village_id=village, kind_id=kind, quantity=2))
ticks = []
timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start()
start = time.perf_counter()
ticks.append(start)
form.add_photo_files(pictures)
strip = form.photo_strip
while getattr(strip, "busy", False):
    app.processEvents()
    time.sleep(0.001)
ticks.append(time.perf_counter())
pick = ticks[-1] - start
pick_gap = max(b - a for a, b in zip(ticks, ticks[1:]))
timer.stop()
ticks = []
saved = []
form.saved.connect(lambda record_id: saved.append(time.perf_counter()))
timer.start()
start = time.perf_counter()
ticks.append(start)
result = form.save()
if hasattr(form, "save_finished") and not saved:
    finished = []
    form.save_finished.connect(lambda: finished.append(1))
    while not finished:
        app.processEvents()
        time.sleep(0.001)
ticks.append(time.perf_counter())
gaps = [b - a for a, b in zip(ticks, ticks[1:])]
print(json.dumps({"baseline": baseline, "total": saved[0] - start, "longest_gap": max(gaps), "pick": pick,
                  "pick_gap": pick_gap}))
shutil.rmtree(home, ignore_errors=True)
'''


def run_child(tree: Path, photos: int, megabytes: float) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    with tempfile.TemporaryDirectory() as cwd:
        out = subprocess.run([sys.executable, "-c", CHILD, str(photos), str(megabytes)], env=env, cwd=cwd,
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--megabytes", type=float, default=6.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="an older source tree to time side by side")
    args = parser.parse_args()
    trees = {"this tree": ROOT}
    if args.against:
        trees = {"before": args.against, "this tree": ROOT}
    results: dict[str, list[dict]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, tree in trees.items():
            results[name].append(run_child(tree, args.photos, args.megabytes))
    print(f"saving a slip with {args.photos} photos of ~{args.megabytes:g} MB, median of {args.runs} runs each")
    print(f"{'tree':<12} {'copy+hash (s)':>14} {'save (s)':>9} {'ratio':>6} {'longest freeze (s)':>19} "
          f"{'freeze/save':>12}")
    for name, rows in results.items():
        baseline = statistics.median(r["baseline"] for r in rows)
        total = statistics.median(r["total"] for r in rows)
        gap = statistics.median(r["longest_gap"] for r in rows)
        print(f"{name:<12} {baseline:>14.3f} {total:>9.3f} {total / baseline:>6.2f} {gap:>19.3f} "
              f"{gap / total:>12.2f}")
    print(f"\npicking the {args.photos} photos (checked, thumbnails shown)")
    print(f"{'tree':<12} {'pick (s)':>9} {'longest freeze (s)':>19}")
    for name, rows in results.items():
        pick = statistics.median(r["pick"] for r in rows)
        gap = statistics.median(r["pick_gap"] for r in rows)
        print(f"{name:<12} {pick:>9.3f} {gap:>19.3f}")


if __name__ == "__main__":
    main()
