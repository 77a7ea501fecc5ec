"""Benchmark: the demo township's upward package for a month against the report alone plus a zip of its photos.

    QT_QPA_PLATFORM=offscreen python tests/bench_package.py [--db PATH] [--month 2026-11] [--repeat N]
                                                            [--every 3]

The database is the demo township (``outreach-desk demo``), made once, with a phone-like photo
(noise JPEG, 1600x1200, about 1 MB, taken on the record's day) put on every ``--every``-th
record of the month. Baseline, in the same process and run alternately: ``excel.report`` for
the month, then ``zipfile`` storing the same managed photo files. Measured: ``package.build_package``
without a size limit (report, summary and bulletin drafts, photo index with EXIF dates, hashes,
manifest, atomic zip) and with a limit that makes it scale the photos down (shown, no target).
Best of N on CPU time (wall time beside: the machine is shared). Target: package <= 1.5x baseline.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_DB = Path("/tmp/bench_package/demo.db")
TARGET_RATIO = 1.5


def ensure_database(path: Path, month: str, every: int) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making the demo township at {path} with photos…", flush=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(path), "demo"], check=True, cwd=ROOT,
                   capture_output=True)
    from outreach_desk.services.coverage import periods
    from outreach_desk.store import close_database, open_database
    from package_samples import attach_to_month

    open_database(path)
    period = periods.parse_month(month)
    with tempfile.TemporaryDirectory() as folder:
        count = attach_to_month(period.start, period.end, Path(folder), every=every, per_record=1,
                                size=(1600, 1200), noise=True)
    close_database()
    print(f"{count} photos put on the records of {month}", flush=True)


def timed(fn) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--month", default="2026-11")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--every", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication([])  # noqa: F841 (translations)
    ensure_database(args.db, args.month, args.every)
    from outreach_desk.services import photos
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.excel import report
    from outreach_desk.services.submission import package, photo_names
    from outreach_desk.store import open_database

    open_database(args.db)
    period = periods.parse_month(args.month)
    found = photo_names.month_photos(period.start, period.end)
    paths = [(photos.photo_path(p.sha256, p.ext), p.arcname) for p in found]
    photo_bytes = sum(path.stat().st_size for path, _name in paths)
    out = Path(tempfile.mkdtemp(prefix="bench-package-"))

    def baseline() -> None:
        report.build_report(out / "report.xlsx", period)
        with zipfile.ZipFile(out / "photos.zip", "w") as archive:
            for path, name in paths:
                archive.write(path, name)

    half_limit = (photo_bytes / 2 + 1024 * 1024) / package.MB
    results: dict[str, list[tuple[float, float]]] = {"baseline": [], "package": [], "package, scaled": []}
    sizes: dict[str, int] = {}
    for _ in range(args.repeat):
        results["baseline"].append(timed(baseline))
        sizes["baseline"] = (out / "report.xlsx").stat().st_size + (out / "photos.zip").stat().st_size
        made = {}
        results["package"].append(timed(lambda: made.update(
            r=package.build_package(out / "package.zip", period, limit_mb=0))))
        sizes["package"] = made["r"].size
        results["package, scaled"].append(timed(lambda: made.update(
            r=package.build_package(out / "scaled.zip", period, limit_mb=half_limit))))
        sizes["package, scaled"] = made["r"].size
    best = {name: min(runs, key=lambda r: r[1]) for name, runs in results.items()}
    base_cpu = best["baseline"][1]
    print(f"\ndemo township, {period.label}: {len(found)} photos, {photo_bytes / package.MB:.1f} MB; "
          f"best of {args.repeat}")
    print(f"{'run':<18}{'wall s':>9}{'cpu s':>9}{'ratio':>8}{'MB':>8}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<18}{wall:>9.2f}{cpu:>9.2f}{cpu / base_cpu:>7.2f}x{sizes[name] / package.MB:>8.1f}")
    ratio = best["package"][1] / base_cpu
    print(f"\npackage / (report + zip of the photos): {ratio:.2f}x (target <= {TARGET_RATIO}x): "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
