"""Benchmark: the dashboard, from first opening it until every chart is drawn (the speed goals of the issues).

    python tests/bench_dashboard.py [--township PATH] [--county PATH] [--runs N]

Each figure comes from a fresh child process, so matplotlib's import is part of it, as it is the
first time a clerk opens the dashboard. A child goes through the real start-up (translations,
store, main window with the ledger) and waits until the ledger's first page and background totals
are done (not timed), then times from switching to the dashboard tab (the page's module is
imported and the page built then) until the page reports every chart drawn; it also notes when
the charts of the first screen (those inside the scroll area's view) were drawn, what a leader
waits for. Two scenarios: "opened at once" (the dashboard is the first thing opened once the
ledger is ready, before the program's background preload of the charts' code has run, so the
timed seconds include matplotlib's import, as before the preload existed) and "opened after a
few seconds" (the window starts the preload after its first paint as the program does,
``ui.dashboard.preload``, and the dashboard is opened once it is done: the timed seconds are the
data, the figures and their drawing). The baseline, timed the same way in the same run, is a bare
QWidget holding one empty FigureCanvasQTAgg: the matplotlib import and one draw, the least any
chart on screen costs.
Children alternate; each figure is the median of N runs after a warm-up round (bytecode,
matplotlib's font cache and the charts' text cache, all kept between runs as an installed program
keeps them); the "no text cache" row runs with an empty data folder each time (a first start, or
new names).

The township database is made once with ``outreach-desk demo --scale township``, the county one
(1,000,000 activities) with ``--scale county``, both cached. Goals: township <= 1.25x and county
<= 1.5x the baseline (one township of the county database too), the first screen of charts sooner than all.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "outreach-bench"
DEFAULT_TOWNSHIP = CACHE / "township.db"
DEFAULT_COUNTY = CACHE / "county.db"
GOALS = {"township": 1.25, "county": 1.5, "county/township": 1.5}
LABELS = {"": "opened at once", "cold": "opened at once, no text cache", "later": "opened after a few seconds"}
#: case name -> (database, what the page opens on: "" as it chooses, "first" a county's first township)
CASES = {"township": ("township", ""), "county": ("county", ""), "county/township": ("county", "first")}

BASELINE = r'''
import sys, time
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

app = QApplication(sys.argv)
started = time.perf_counter()
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

window = QWidget()
window.resize(1280, 800)
canvas = FigureCanvasQTAgg(Figure())
QVBoxLayout(window).addWidget(canvas)
loop = QEventLoop()
canvas.mpl_connect("draw_event", lambda _event: loop.quit())
window.show()
QTimer.singleShot(30000, loop.quit)
loop.exec()
print(f"{time.perf_counter() - started:.4f}")
'''


# --------------------------------------------------------------------------- the parent side
def ensure_database(path: Path, scale: str) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making the {scale} demo database at {path}…", flush=True)
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(building), "demo", "--scale", scale],
                   check=True, cwd=ROOT)
    os.replace(building, path)


_HOME = Path(tempfile.mkdtemp(prefix="outreach-bench-dashboard-"))


def _child_env() -> dict:
    """Children share a settings folder, a bytecode cache and a matplotlib font cache, all made once:
    an installed program has compiled bytecode and a font cache from its earlier runs."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(_HOME / "config")
    env["MPLCONFIGDIR"] = str(_HOME / "mpl")
    env["OUTREACH_DESK_HOME"] = str(_HOME / "data")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_HOME / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_child(argv: list[str]) -> str:
    child = subprocess.run(argv, capture_output=True, env=_child_env(), cwd=ROOT)
    if child.returncode != 0:
        raise RuntimeError(f"{argv} exited with {child.returncode}:\n{child.stderr.decode(errors='replace')}")
    return child.stdout.decode()


def measure(databases: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    baseline_script = _HOME / "baseline.py"
    baseline_script.write_text(BASELINE, encoding="utf-8")
    commands = {"baseline": [sys.executable, str(baseline_script)]}
    for name, (database, township) in CASES.items():
        commands[name] = [sys.executable, str(Path(__file__).resolve()), "--probe", "--db", str(databases[database]),
                          *(["--open-township", township] if township else [])]
    commands["township-cold"] = [*commands["township"], "--no-text-cache"]
    for name in CASES:
        commands[f"{name}-later"] = [*commands[name], "--preloaded"]

    print("warm-up (bytecode, matplotlib's font cache)…", flush=True)
    for argv in commands.values():
        run_child(argv)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in commands}
    for index in range(runs):
        for name, argv in commands.items():
            lines = run_child(argv).strip().splitlines()
            values = {"total": float(lines[-1])} if name == "baseline" else json.loads(lines[-1])
            for key, value in values.items():
                samples[name].setdefault(key, []).append(value)
        print(f"  run {index + 1}/{runs} done", flush=True)
    return {name: {key: statistics.median(values) for key, values in parts.items()}
            for name, parts in samples.items()}


def print_table(result: dict[str, dict[str, float]], databases: dict[str, Path], runs: int) -> bool:
    baseline = result["baseline"]["total"]
    print(f"\nDashboard ready (all charts drawn) after first opening it, fresh process, median of {runs} runs"
          f" (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors)\n")
    header = f"{'case':48} {'time':>8} {'/baseline':>10} {'goal':>6}  ok"
    print(header)
    print("-" * len(header))
    print(f"{'baseline: QWidget + one empty FigureCanvasQTAgg':48} {baseline:7.3f}s {1.0:9.2f}x")
    all_ok = True
    for name in [*CASES, "township-cold", *(f"{name}-later" for name in CASES)]:
        values = result[name]
        case, _, variant = name.partition("-")
        total, goal = values["total"], GOALS[case]
        ok = total / baseline <= goal and values.get("first_screen", 0.0) < total
        all_ok &= ok
        database, township = CASES[case]
        label = f"{case} ({databases[database].name}), {LABELS[variant]}"
        print(f"{label:48} {total:7.3f}s {total / baseline:9.2f}x {goal:5.2f}x  {'yes' if ok else 'NO'}")
        for part, text in (("first_screen", "charts in the first screen drawn (since opening)"),
                           ("table", "townships' table filled (since opening)"),
                           ("county_data", "  of which county_dashboard.load"),
                           ("county_streaks", "worker: every township's bottom streaks"),
                           ("page_built", "page built and shown (filters, tiles)"),
                           ("imported", "matplotlib imported (since opening)"),
                           ("preload", "preload done (since the window was shown)"),
                           ("worker", "worker: import charts + load + build figures"),
                           ("data", "  of which dashboard.load"),
                           ("figures", "  of which building and drawing the figures"),
                           ("draw", "last figure built -> all drawn")):
            if part in values:
                print(f"  {text:46} {values[part]:7.3f}s {values[part] / baseline:9.2f}x")
    return all_ok


# --------------------------------------------------------------------------- the probe child
def probe(db: Path, text_cache: bool = True, preloaded: bool = False, township: str = "") -> dict:
    """Open the main window as a clerk does, let it settle (and, when ``preloaded``, let the window's preload of
    the charts' code finish), then time the dashboard's first opening: of its charts, or of a county's
    townships side by side. ``township`` "first": a county database opens on its first township."""
    if not text_cache:   # a data folder of its own: the other cases' text cache stays as it is
        os.environ["OUTREACH_DESK_HOME"] = tempfile.mkdtemp(prefix="outreach-bench-cold-")
    from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QTimer

    from outreach_desk import i18n
    from outreach_desk.store import open_database
    from outreach_desk.ui.shell import main_window
    from outreach_desk.ui.shell.app import make_application

    app = make_application()
    i18n.install(app, "zh_CN")
    open_database(db)
    remember_township(db, township)
    if not any(name == "dashboard" for name, *_rest in main_window.PAGES):
        main_window.PAGES.append(("dashboard", "outreach_desk.ui.dashboard.page", "DashboardPage",
                                  QT_TRANSLATE_NOOP("MainWindow", "Dashboard")))
    window = main_window.MainWindow(database_path=db, language="zh_CN")
    window.resize(1280, 800)
    shown = time.perf_counter()
    if preloaded:
        from outreach_desk.ui.dashboard import preload

        preload.preload_when_idle(window)   # as ui.shell.app's run_gui does
    window.show()
    settle(window)
    preload_done = wait_for_preload(shown) if preloaded else None
    marks: dict[str, float] = {}
    instrument(marks)

    started = time.perf_counter()
    window.show_page("dashboard")
    page = window.page("dashboard")
    marks["page_built"] = time.perf_counter() - started
    if page.showing_county():
        return {**wait_for_county(page, started, marks), **({} if preload_done is None else {"preload": preload_done})}
    loop = QEventLoop()
    page.ready.connect(loop.quit)
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    if not page.all_drawn():
        raise RuntimeError("the dashboard did not draw its charts within two minutes")
    finished = time.perf_counter()
    pause = QEventLoop()  # the last layout pass places the charts (their sizes were final when drawn)
    QTimer.singleShot(100, pause.quit)
    pause.exec()
    on_screen = [key for key, view in page.views.items() if not view.visibleRegion().isEmpty()]
    extra = {} if preload_done is None else {"preload": preload_done}
    return {**extra, "total": finished - started, "page_built": marks["page_built"],
            "imported": marks["imported"] - started,
            "worker": marks["worker"],
            "data": marks["data"], "figures": marks["figures"], "draw": finished - marks["handed"],
            "first_screen": max(marks[f"drawn_{key}"] for key in on_screen) - started}


def remember_township(db: Path, township: str) -> None:
    """What the dashboard remembers of a county database: every township (""), or its first township."""
    from PySide6.QtCore import QSettings

    from outreach_desk.services import county_dashboard
    from outreach_desk.ui.dashboard.page import SETTINGS_TOWNSHIP

    chosen = next(iter(county_dashboard.townships()), "") if township == "first" else ""
    QSettings().setValue(SETTINGS_TOWNSHIP, f"{chosen}@{db.resolve()}")


def wait_for_county(page, started: float, marks: dict[str, float]) -> dict:
    """A county's first view: the townships' table (county_loaded), then its streak column (streaks_ranked)."""
    from PySide6.QtCore import QEventLoop, QTimer

    for signal in (page.county_loaded, page.streaks_ranked):
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(120000, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)
        marks.setdefault("table", time.perf_counter() - started)
    finished = time.perf_counter() - started
    if not page.county.rows or "…" in "".join(page.county.streak_texts().values()):
        raise RuntimeError("the townships' table was not filled and ranked within two minutes")
    return {"total": finished, "table": marks["table"], "page_built": marks["page_built"],
            **{key: marks[key] for key in ("county_data", "county_streaks") if key in marks}}


def settle(window) -> None:
    """Wait for the ledger's first page and its background totals, so they do not share the timed seconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    model = window.page("ledger").model
    loop = QEventLoop()
    model.totalsChanged.connect(lambda totals: totals is not None and loop.quit())
    QTimer.singleShot(200, lambda: model.totals is not None and loop.quit())
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    pause = QEventLoop()
    QTimer.singleShot(300, pause.quit)
    pause.exec()


def wait_for_preload(shown: float) -> float:
    """Wait until the window's preload has prepared the charts; seconds from showing the window until then."""
    from PySide6.QtCore import QEventLoop, QTimer

    from outreach_desk.ui.dashboard import loading

    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loading.charts_prepared() and loop.quit())
    poll.start(20)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    poll.stop()
    if not loading.charts_prepared():
        raise RuntimeError("the preload did not prepare the charts within a minute")
    done = time.perf_counter() - shown
    pause = QEventLoop()
    QTimer.singleShot(300, pause.quit)
    pause.exec()
    return done


def instrument(marks: dict[str, float]) -> None:
    """Record when matplotlib is imported, the worker reads the data, builds the figures and hands them over, and
    each chart's draw."""
    from outreach_desk.services import dashboard
    from outreach_desk.ui.dashboard import loading as dashboard_loading

    load_dashboard, load = dashboard_loading.load_dashboard, dashboard.load

    def timed_data(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return load(*args, **kwargs)
        finally:
            marks["data"] = time.perf_counter() - begun
            marks["data_end"] = time.perf_counter()

    def timed_load(chosen, day, progress=None, deliver=None):
        begun = time.perf_counter()
        try:
            return load_dashboard(chosen, day, progress, deliver)
        finally:
            marks["worker"] = time.perf_counter() - begun
            marks["figures"] = time.perf_counter() - max(marks["data_end"], marks.get("imported", 0.0))
            marks["handed"] = time.perf_counter()

    prepare = dashboard_loading.prepare_charts

    def timed_prepare(progress=None):
        try:
            return prepare(progress)
        finally:
            marks.setdefault("imported", time.perf_counter())   # the first call imports matplotlib

    from outreach_desk.services import county_dashboard

    def timed(function, key):
        def run(*args, **kwargs):
            begun = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                marks[key] = time.perf_counter() - begun
        return run

    county_dashboard.load = timed(county_dashboard.load, "county_data")
    county_dashboard.streaks = timed(county_dashboard.streaks, "county_streaks")
    dashboard.load = timed_data
    dashboard_loading.load_dashboard = timed_load
    dashboard_loading.prepare_charts = timed_prepare

    from outreach_desk.ui.widgets.chart_view import ChartView

    on_draw = ChartView._on_draw

    def timed_draw(view, event):
        marks[f"drawn_{view.key}"] = time.perf_counter()
        on_draw(view, event)

    ChartView._on_draw = timed_draw


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--township", type=Path, default=DEFAULT_TOWNSHIP)
    parser.add_argument("--county", type=Path, default=DEFAULT_COUNTY)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-text-cache", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--preloaded", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--open-township", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.db, text_cache=not args.no_text_cache, preloaded=args.preloaded,
                               township=args.open_township)))
        sys.stdout.flush()
        os._exit(0)  # interpreter teardown is not part of the measure
    ensure_database(args.township, "township")
    ensure_database(args.county, "county")
    databases = {"township": args.township, "county": args.county}
    result = measure(databases, args.runs)
    return 0 if print_table(result, databases, args.runs) else 1


if __name__ == "__main__":
    sys.exit(main())
