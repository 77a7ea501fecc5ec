"""Benchmark: start-up and the activity ledger on a demo database.

    python tests/bench_startup.py [--db PATH] [--runs N]

Every figure comes from child processes started the same way, alternating, in the same run:

* start-up, timed from outside: from spawning the process to the line it prints, for
  ``python -m outreach_desk --smoke`` (the window painted with its entry form, ready for typing)
  against the reference window: Qt's ready-made widgets holding what the program's first screen holds
  (as many villages, sites, kinds and member units as the database, a page of 500 ledger rows, the
  form's fields, the menus' actions), no code of ours, printing at its first paint; and against the
  lighter reference of earlier sessions, to compare with their figures. Also the same figure as
  each child measures it (seconds since the OS started it), the time from the line to the
  process's end, and what a bare interpreter and a bare empty PySide6 window cost, so the
  difference between the inside and the outside figures can be told apart. The headline ``--smoke``
  is the program as a township installs it, without the ``[server]`` extra (psycopg, which peewee imports
  with itself when it is there, cannot be imported by that child); ``--smoke`` with the driver is the
  second row. Peak RSS of each child via ``os.wait4``, and the processor
  time each had used when its line came (``/proc``): on a machine shared with other work the wall-clock
  ratio moves with the load, the processor-time ratio much less.
* the ledger: a probe child goes through the real start-up (translations, store, main window)
  and times, until the ledger table has painted: the first ledger page, a filter by village
  (through the filter bar), by the organisation tree's scope, by kind, by month, a free-text
  search (a common word, no match, a rare word, one character, each with its background totals),
  a header sort by village, scrolling to the end (at most 20 pages), and the totals counted in the
  background. It also reports whether matplotlib or openpyxl were imported.

The default database is the county demo, made once with ``outreach-desk demo --scale county`` and
cached; ``--db`` names another (the township demo, say). The first start-up after a schema change
migrates it, so a warm-up round runs first.
Targets: start (without the driver) <= 1.5x the reference window; first ledger page <= 0.3 s; filter <= 0.3 s;
peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import sqlite3
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = Path(tempfile.gettempdir()) / "outreach-bench" / "county.db"
TARGETS = {"start_ratio": 1.5, "first_page": 0.3, "filter": 0.3, "rss_mb": 300.0}
HEAVY_MODULES = ("matplotlib", "openpyxl")

BARE_WINDOW = r'''
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def since_start():
    with open("/proc/self/stat", encoding="ascii") as fh:
        ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as fh:
        uptime = float(fh.read().split()[0])
    return uptime - ticks / os.sysconf("SC_CLK_TCK")

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"{since_start():.3f}"), app.quit()))
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
'''


#: the reference of the sessions before 2026-12-07, kept beside the new one to compare with their figures: lighter
#: than the program's first screen (25 villages and no sites, 40 rows of 7 columns, a form of 8 fields and no check
#: boxes, six tabs, one empty menu).
LIGHT_WINDOW = BARE_WINDOW.replace("window.resize(1280, 800)", r'''
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QSpinBox, QSplitter,
                               QTabWidget, QTableView, QTreeView, QWidget)
split = QSplitter(Qt.Orientation.Horizontal)
tree, tree_model = QTreeView(), QStandardItemModel()
for i in range(25):
    tree_model.appendRow(QStandardItem(f"第{i}村"))
tree.setModel(tree_model)
split.addWidget(tree)
tabs, table, table_model = QTabWidget(), QTableView(), QStandardItemModel(40, 7)
for row in range(40):
    for column in range(7):
        table_model.setItem(row, column, QStandardItem(f"宣传活动{row}-{column}"))
table.setModel(table_model)
tabs.addTab(table, "活动台账")
for title in ("达标情况", "领导看板", "知晓率调查", "家长信", "操作日志"):
    tabs.addTab(QLabel(title), title)
split.addWidget(tabs)
form = QWidget()
fields = QFormLayout(form)
for label in ("日期", "村/社区", "点位", "活动类型", "组织单位"):
    fields.addRow(label, QComboBox())
fields.addRow("数量", QSpinBox())
fields.addRow("具体地点", QLineEdit())
fields.addRow("日期", QDateEdit())
split.addWidget(form)
window.setCentralWidget(split)
window.menuBar().addMenu("文件")
window.statusBar().showMessage("共 6,000 条记录")
window.resize(1280, 800)''')


#: the reference window: Qt's ready-made widgets and item models holding what the program's first screen holds,
#: as many of each as the database gives it (argv: villages, sites, kinds, member units, activities): the
#: organisation tree (township, villages, their sites) with its search field and toolbar in a dock, nine tabs,
#: the filter bar, one page of 500 ledger rows in eleven columns, the entry form (date, four searchable choice
#: lists, two counts, eleven check boxes, place, notes, photos, buttons), five menus of 34 actions and the status
#: line, all in Chinese; no store, translations or logic of ours. What PySide6 costs for such a window.
SHAPED_WINDOW = BARE_WINDOW.replace("window.resize(1280, 800)", r'''
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDockWidget, QFormLayout, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSplitter,
                               QStyle, QTabWidget, QTableView, QToolBar, QTreeView, QVBoxLayout, QWidget)
villages, sites, kinds, units, activities = (int(a) for a in sys.argv[1:6])
village_names = [f"第{i}村" for i in range(villages)]
kind_names = [f"宣传活动{i}" for i in range(kinds)]
unit_names = [f"成员单位{i}" for i in range(units)]
icon = window.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)

panel = QWidget()
panel_layout = QVBoxLayout(panel)
toolbar = QToolBar()
for text in ("添加村/社区", "添加点位", "编辑", "删除", "更多"):
    toolbar.addAction(QAction(text, panel))
panel_layout.addWidget(toolbar)
panel_layout.addWidget(QLineEdit(placeholderText="查找村（社区）或点位…"))
tree, tree_model = QTreeView(), QStandardItemModel()
township = QStandardItem(icon, "古城乡")
tree_model.appendRow(township)
for i, name in enumerate(village_names):
    village = QStandardItem(icon, name)
    for j in range(sites // villages + (i < sites % villages)):
        village.appendRow(QStandardItem(icon, f"{name}点位{j}"))
    township.appendRow(village)
tree.setModel(tree_model)
tree.setHeaderHidden(True)
tree.expand(tree_model.index(0, 0))
panel_layout.addWidget(tree)
dock = QDockWidget("组织架构")
dock.setWidget(panel)
window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

def choices(names, editable=False):
    combo = QComboBox(editable=editable)
    combo.addItems(names)
    return combo

page = QWidget()
page_layout = QVBoxLayout(page)
filters = QGridLayout()
filters.addWidget(choices(["全部村（社区）"] + village_names), 0, 0)
filters.addWidget(choices(["全部点位"]), 0, 1)
filters.addWidget(choices(["全部活动"] + kind_names), 0, 2)
dates = QHBoxLayout()
for _ in range(2):
    dates.addWidget(QDateEdit())
dates.addWidget(QLineEdit(placeholderText="搜索地点、备注、村（社区）或点位"))
dates.addWidget(QPushButton("显示全部"))
filters.addLayout(dates, 1, 0, 1, 3)
page_layout.addLayout(filters)
split = QSplitter(Qt.Orientation.Horizontal)
table, table_model = QTableView(), QStandardItemModel(min(500, activities), 11)
table_model.setHorizontalHeaderLabels(["日期", "村（社区）", "点位", "活动类型", "组织单位", "数量", "覆盖人数",
                                       "宣传对象", "诈骗类型", "具体地点", "照片"])
for row in range(table_model.rowCount()):
    for column, text in enumerate(("2026-11-30", village_names[row % villages], "点位", kind_names[row % kinds],
                                   unit_names[row % units], str(row), str(row * 10), "农村居民", "冒充公检法",
                                   "村委会门前广场", "0")):
        table_model.setItem(row, column, QStandardItem(text))
table.setModel(table_model)
table.setSortingEnabled(True)
split.addWidget(table)
form = QWidget()
fields = QFormLayout(form)
fields.addRow(QLabel("新增记录"))
day = QHBoxLayout()
day.addWidget(QDateEdit(QDate.currentDate()))
day.addWidget(QLabel("星期一"))
fields.addRow("日期", day)
for label, names in (("村/社区", village_names), ("点位", []), ("活动类型", kind_names), ("组织单位", unit_names)):
    fields.addRow(label, choices(names, editable=True))
fields.addRow("数量", QLineEdit("1"))
fields.addRow("覆盖人数", QLineEdit("0"))
for label, boxes in (("宣传对象", 5), ("诈骗类型", 6)):
    grid = QGridLayout()
    for i in range(boxes):
        grid.addWidget(QCheckBox(f"{label}{i}"), i // 2, i % 2)
    fields.addRow(label, grid)
fields.addRow("具体地点", QLineEdit(placeholderText="如：村委会门前广场"))
fields.addRow("备注", QPlainTextEdit(placeholderText="Shift+Enter 换行"))
fields.addRow("照片", QListWidget())
fields.addRow(QPushButton("添加照片…"))
form_area = QScrollArea(widgetResizable=True)
form_area.setWidget(form)
form_column = QWidget()
column = QVBoxLayout(form_column)
column.addWidget(form_area)
column.addWidget(QPushButton("保存（Enter）"))
split.addWidget(form_column)
page_layout.addWidget(split)
tabs = QTabWidget()
tabs.addTab(page, "活动台账")
for title in ("达标情况", "排名", "领导看板", "知晓率调查", "家长信", "督导整改", "案件情况", "操作日志"):
    tabs.addTab(QWidget(), title)
window.setCentralWidget(tabs)
for title, count in (("文件", 18), ("编辑", 3), ("组织架构", 9), ("行动", 3), ("帮助", 1)):
    menu = window.menuBar().addMenu(title)
    for i in range(count):
        menu.addAction(QAction(f"{title}{i}…", window))
window.statusBar().showMessage(f"共 {activities:,} 条记录")
window.resize(1280, 800)''')


# --------------------------------------------------------------------------- the parent side
def ensure_database(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making the county demo database at {path} (about a minute)…", flush=True)
    subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(path), "demo", "--scale", "county"],
                   check=True, cwd=ROOT)


_CONFIG_HOME = tempfile.mkdtemp(prefix="outreach-bench-config-")


def _child_env() -> dict:
    """Children share a fresh settings folder (no saved sort or layout of the user's colours a run) and
    a bytecode cache outside the tree: an installed program starts from compiled bytecode, so a
    checkout run with PYTHONDONTWRITEBYTECODE would time the compiler instead of the start-up."""
    env = dict(os.environ)
    if env.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # a desktop-sized screen, so the window opens at 1280 x 800 like the bare one (offscreen's
        # default 800 x 800 screen would make the program's window smaller: see MainWindow.first_size)
        screens = Path(_CONFIG_HOME) / "offscreen-screen.json"
        screens.write_text('{"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                           '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["XDG_CONFIG_HOME"] = _CONFIG_HOME
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(_CONFIG_HOME) / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def without_server_driver() -> dict:
    """A child's environment as a clerk's install without the ``[server]`` extra has it: a folder first on its
    path whose ``psycopg`` cannot be imported, since peewee imports psycopg at its own import when it is there."""
    folder = Path(_CONFIG_HOME) / "no-server-driver"
    (folder / "psycopg").mkdir(parents=True, exist_ok=True)
    (folder / "psycopg" / "__init__.py").write_text(
        'raise ImportError("not installed here: bench_startup times an install without the [server] extra")\n',
        encoding="utf-8")
    env = _child_env()
    env["PYTHONPATH"] = os.pathsep.join([str(folder), env["PYTHONPATH"]])
    return env


def run_child(argv: list[str], env: dict | None = None) -> tuple[str, float, float, float, float]:
    """Run a child to completion; return (stdout, seconds to its first line, processor seconds it had used by then,
    seconds to its end, peak RSS in MB). The processor time hardly depends on what else the machine runs."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env or _child_env(), cwd=ROOT)
    first = child.stdout.readline()
    to_line = time.perf_counter() - started
    cpu_to_line = _processor_seconds(child.pid)
    out, err = first + child.stdout.read(), child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    to_end = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(f"{argv} exited with {child.returncode}:\n{err.decode(errors='replace')}")
    return out.decode(), to_line, cpu_to_line, to_end, usage.ru_maxrss / 1024


def _processor_seconds(pid: int) -> float:
    """User and system time of a running child (Linux /proc; NaN elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def database_facts(db: Path) -> dict:
    """What the database holds: the table's labels name it and the reference window holds as many of each."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("village", "site", "activity_kind", "member_unit", "activity")}
    finally:
        connection.close()


def _last_float(text: str) -> float:
    return float(text.strip().splitlines()[-1])


def measure(db: Path, runs: int, facts: dict) -> dict:
    scripts = {}
    for name, text in (("bare", BARE_WINDOW), ("light", LIGHT_WINDOW), ("shaped", SHAPED_WINDOW)):
        scripts[name] = Path(_CONFIG_HOME) / f"{name}_window.py"
        scripts[name].write_text(text, encoding="utf-8")
    sizes = [str(facts[table]) for table in ("village", "site", "activity_kind", "member_unit", "activity")]
    commands = {
        "interpreter": [sys.executable, "-c", "print(0)"],
        "bare": [sys.executable, str(scripts["bare"])],
        "light": [sys.executable, str(scripts["light"])],
        "shaped": [sys.executable, str(scripts["shaped"]), *sizes],
        "smoke": [sys.executable, "-m", "outreach_desk", "--db", str(db), "--smoke"],
        "smoke_no_driver": [sys.executable, "-m", "outreach_desk", "--db", str(db), "--smoke"],
    }
    envs = {"smoke_no_driver": without_server_driver()}
    probe_cmd = [sys.executable, str(Path(__file__).resolve()), "--probe", "--db", str(db)]

    print("warm-up (compiles bytecode; migrates the database once if the schema is newer)…", flush=True)
    for name, argv in commands.items():
        run_child(argv, envs.get(name))

    samples: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        samples.setdefault(name, []).append(value)

    heavy: set[str] = set()
    for index in range(runs):
        for name, argv in commands.items():
            out, to_line, cpu, to_end, rss = run_child(argv, envs.get(name))
            add(f"{name}_outside", to_line), add(f"{name}_end", to_end), add(f"{name}_rss", rss)
            add(f"{name}_cpu", cpu)
            if name != "interpreter":
                add(f"{name}_inside", _last_float(out))
        out, _to_line, _cpu, _to_end, rss = run_child(probe_cmd)
        probe = json.loads(out.strip().splitlines()[-1])
        heavy.update(probe.pop("heavy_modules"))
        for name, value in probe.items():
            add(name, value)
        add("probe_rss", rss)
        print(f"  run {index + 1}/{runs} done", flush=True)
    result = {name: statistics.median(values) for name, values in samples.items()}
    result["max_rss"] = max(max(samples["smoke_rss"]), max(samples["probe_rss"]))
    result["heavy_modules"] = sorted(heavy)
    return result


def print_table(result: dict, runs: int, db: Path, facts: dict) -> bool:
    def ms(seconds: float) -> str:
        return f"{seconds * 1000:7.0f} ms"

    # the headline is the township's install, without the [server] extra (no psycopg for peewee to import)
    ratio = result["smoke_no_driver_outside"] / result["shaped_outside"]
    inside_ratio = result["smoke_no_driver_inside"] / result["shaped_inside"]
    driver_ratio = result["smoke_outside"] / result["shaped_outside"]

    def three(name: str) -> str:
        return f"{result[name + '_inside']:.3f} / {result[name + '_outside']:.3f} / {result[name + '_end']:.3f} s"

    light_ratio = result["smoke_no_driver_outside"] / result["light_outside"]
    rows = [
        ("start, reference window (Qt's widgets holding what the first screen holds), spawn -> line",
         f"{result['shaped_outside']:7.3f} s", "baseline", None),
        ("start, outreach-desk --smoke as a township installs it (no [server] extra), spawn -> line",
         f"{result['smoke_no_driver_outside']:7.3f} s", "", None),
        ("  ratio to the reference, timed from outside", f"{ratio:7.2f} x", "<= 1.5 x",
         ratio <= TARGETS["start_ratio"]),
        ("  ratio to the reference, as each child times itself", f"{inside_ratio:7.2f} x", "", None),
        ("  processor time to the line: reference / --smoke without the server driver / with it",
         " / ".join(f"{result[k + '_cpu']:.3f}" for k in ("shaped", "smoke_no_driver", "smoke")) + " s", "", None),
        ("    ratio of the processor times to the reference's (less sensitive to the machine's load)",
         " / ".join(f"{result[k + '_cpu'] / result['shaped_cpu']:.2f}" for k in ("smoke_no_driver", "smoke")) + " x",
         "", None),
        ("  ratio to the lighter reference of earlier sessions (no sites, 40 rows, 8 fields), from outside",
         f"{light_ratio:7.2f} x", "", None),
        ("start, --smoke with the [server] extra (peewee imports psycopg with itself), spawn -> line",
         f"{result['smoke_outside']:7.3f} s", "", None),
        ("  its ratio to the reference, timed from outside", f"{driver_ratio:7.2f} x", "", None),
        ("  inside / spawn -> line / spawn -> end: reference", three("shaped"), "", None),
        ("  inside / spawn -> line / spawn -> end: lighter reference of earlier sessions", three("light"), "", None),
        ("  inside / spawn -> line / spawn -> end: --smoke without / with the server driver",
         three("smoke_no_driver") + " | " + three("smoke"), "", None),
        ("  inside / spawn -> line / spawn -> end: bare empty QMainWindow", three("bare"), "", None),
        ("  spawn -> line / spawn -> end: bare interpreter (python -c 'print(0)')",
         f"{result['interpreter_outside']:.3f} / {result['interpreter_end']:.3f} s", "", None),
        ("first painted ledger page (window built -> table painted)", ms(result["first_page"]), "<= 300 ms",
         result["first_page"] <= TARGETS["first_page"]),
        ("  ledger page painted, since process start", f"{result['first_page_since_start']:7.3f} s", "", None),
        ("  of which, built again alone: organisation tree", ms(result["part_tree"]), "", None),
        ("  window built -> entry form built (right after the first paint)", ms(result["form_ready"]), "", None),
        ("  of which, built again alone: ledger page (its form comes after its first paint)",
         ms(result["part_ledger"]), "", None),
        ("  of which, built again alone: entry form", ms(result["part_form"]), "", None),
        ("filter: village from the filter bar", ms(result["filter_village"]), "<= 300 ms",
         result["filter_village"] <= TARGETS["filter"]),
        ("filter: site chosen in the organisation tree", ms(result["filter_scope"]), "<= 300 ms",
         result["filter_scope"] <= TARGETS["filter"]),
        ("filter: activity kind", ms(result["filter_kind"]), "<= 300 ms", result["filter_kind"] <= TARGETS["filter"]),
        ("filter: one month", ms(result["filter_month"]), "<= 300 ms", result["filter_month"] <= TARGETS["filter"]),
        ("filter: free text, common word", ms(result["filter_text_common"]), "<= 300 ms",
         result["filter_text_common"] <= TARGETS["filter"]),
        ("filter: free text, no match", ms(result["filter_text_none"]), "<= 300 ms",
         result["filter_text_none"] <= TARGETS["filter"]),
        (f"filter: free text, rare word ({result['rare_count']:,.0f} records)", ms(result["filter_text_rare"]),
         "<= 300 ms",
         result["filter_text_rare"] <= TARGETS["filter"]),
        ("filter: free text, one character", ms(result["filter_text_short"]), "<= 300 ms",
         result["filter_text_short"] <= TARGETS["filter"]),
        ("  totals (background): common / none / rare / one character",
         " / ".join(f"{result[k] * 1000:.0f}" for k in ("totals_text_common", "totals_text_none", "totals_text_rare",
                                                          "totals_text_short")) + " ms", "", None),
        ("filter: clear all", ms(result["filter_clear"]), "<= 300 ms", result["filter_clear"] <= TARGETS["filter"]),
        ("sort by village (header click)", ms(result["sort_village"]), "", None),
        (f"scroll: one more page of 500, by date (median of {result['pages_scrolled']:.0f})",
         ms(result["fetch_more"]), "", None),
        (f"scroll: one more page of 500, by village (median of {result['pages_scrolled_village']:.0f})",
         ms(result["fetch_more_village"]), "", None),
        (f"totals of {facts['activity']:,} records (background)", ms(result["totals_all"]), "", None),
        ("peak RSS: reference / smoke / ledger probe",
         f"{result['shaped_rss']:.0f} / {result['smoke_rss']:.0f} / {result['probe_rss']:.0f} MB", "", None),
        ("peak RSS, worst child", f"{result['max_rss']:7.0f} MB", "<= 300 MB", result["max_rss"] <= TARGETS["rss_mb"]),
        ("matplotlib / openpyxl imported at start-up", ", ".join(result["heavy_modules"]) or "neither", "neither",
         not result["heavy_modules"]),
    ]
    print(f"\nStart-up and ledger on {db.name} ({facts['activity']:,} activities, {facts['village']:,} villages, "
          f"{facts['site']:,} sites), median of {runs} runs each\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'value':>22}  {'target':>10}  ok")
    print("-" * (width + 42))
    all_ok = True
    for label, value, target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        all_ok &= ok is not False
        print(f"{label:{width}}  {value:>22}  {target:>10}  {mark}")
    return all_ok


# --------------------------------------------------------------------------- the probe child
def probe(db: Path) -> dict:
    """Real start-up path in this process, then timed ledger interactions; returns seconds."""
    from outreach_desk.cli import PROCESS_T0
    from outreach_desk.ui.shell.app import make_application, seconds_since_process_start
    from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, Qt, QTimer

    from outreach_desk import i18n
    from outreach_desk.store import open_database

    app = make_application()
    i18n.install(app, i18n.resolve_language("zh_CN", None))
    open_database(db)

    class PaintWatch(QObject):
        """Ends the waiting loop at the table's next paint (an event loop, not a processEvents spin)."""

        def __init__(self):
            super().__init__()
            self.loop: QEventLoop | None = None

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and self.loop is not None:
                self.loop.quit()
            return False

    watch = PaintWatch()

    def wait(what: str, loop_owner_signal=None, limit_s: float = 60.0) -> None:
        """Run the event loop until the table paints (or the signal comes); one that never comes is an error."""
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: loop.exit(1))
        watch.loop = loop if loop_owner_signal is None else None
        if loop_owner_signal is not None:
            loop_owner_signal.connect(loop.quit)
        timer.start(int(limit_s * 1000))
        timed_out = loop.exec() == 1
        timer.stop()
        watch.loop = None
        if loop_owner_signal is not None:
            loop_owner_signal.disconnect(loop.quit)
        if timed_out:
            raise RuntimeError(f"bench probe: waited {limit_s:.0f} s for {what}")

    def until_painted(what: str) -> None:
        wait(f"the ledger table to paint after {what}")

    def timed(what: str, action) -> float:
        started = time.perf_counter()
        watch.loop = None
        action()
        until_painted(what)
        return time.perf_counter() - started

    from outreach_desk.ui.shell.main_window import MainWindow

    started = time.perf_counter()
    window = MainWindow(database_path=db, language="zh_CN")
    page = window.page("ledger")
    viewport = page.table.viewport()
    viewport.installEventFilter(watch)
    window.show()
    until_painted("the window was shown")
    result = {"first_page": time.perf_counter() - started,
              "first_page_since_start": seconds_since_process_start(PROCESS_T0)}
    from PySide6.QtWidgets import QApplication, QWidget

    deadline = time.perf_counter() + 60
    while page.findChild(QWidget, "entryForm") is None:  # built right after the first paint
        if time.perf_counter() > deadline:
            raise RuntimeError("the entry form was not built within 60 s of the first paint")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    result["form_ready"] = time.perf_counter() - started
    result["heavy_modules"] = [m for m in HEAVY_MODULES if m in sys.modules]

    model, bar = page.model, page.filter_bar

    def totals_time() -> float:
        begun = time.perf_counter()
        while model.totals is None:
            wait("the background totals", model.totalsChanged)
        return time.perf_counter() - begun

    result["totals_all"] = totals_time()
    result["filter_village"] = timed("a village chosen in the filter bar", lambda: bar.village.setCurrentIndex(1))
    village_id = bar.village.currentData()
    site_id = bar.site.itemData(1) if bar.site.count() > 1 else None
    totals_time()
    result["filter_scope"] = timed("a site chosen in the tree",
                                   lambda: window.context.scope_selected.emit(village_id, site_id))
    totals_time()
    result["filter_clear"] = timed("the filters cleared", bar.clear)
    totals_time()
    result["filter_kind"] = timed("a kind chosen", lambda: bar.kind.setCurrentIndex(bar.kind.count() // 2))
    totals_time()
    result["filter_month"] = timed("a month chosen", lambda: bar.set_dates(dt.date(2026, 6, 1), dt.date(2026, 6, 30)))
    totals_time()
    bar.clear()
    totals_time()
    for key, word in (("common", "广场"), ("none", "查无此项"), ("rare", "冒充公检法"), ("short", "场")):
        result[f"filter_text_{key}"] = timed(f"the search {word!r}", lambda word=word: bar.set_search_text(word))
        result[f"totals_text_{key}"] = totals_time()
        if key == "rare":
            result["rare_count"] = model.totals.count
    bar.clear()
    totals_time()

    def scroll_pages(limit: int = 20) -> tuple[float, int]:
        """Scroll towards the bottom as a clerk dragging the bar would, until the last row or ``limit``
        pages; the median seconds per page of 500 rows fetched, and the number of pages."""
        per_page = []
        while len(per_page) < limit and model.canFetchMore(QModelIndex()):
            rows = model.rowCount()
            begun = time.perf_counter()
            model.fetchMore(QModelIndex())
            page.table.scrollToBottom()
            until_painted("one more page was fetched")
            pages = max(1, round((model.rowCount() - rows) / 500))
            per_page.append((time.perf_counter() - begun) / pages)
        return (statistics.median(per_page) if per_page else 0.0), len(per_page)

    result["fetch_more"], result["pages_scrolled"] = scroll_pages()
    from outreach_desk.ui.ledger.model import column_index

    section = column_index("village")
    result["sort_village"] = timed("the sort by village",
                                   lambda: page.table.sortByColumn(section, Qt.SortOrder.AscendingOrder))
    totals_time()
    result["fetch_more_village"], result["pages_scrolled_village"] = scroll_pages()
    result.update(window_parts(window.context))
    return result


def window_parts(context) -> dict:
    """Each part of the main window built once more, alone, to show where start-up time goes."""
    from outreach_desk.ui.entry.form import EntryForm
    from outreach_desk.ui.ledger.page import LedgerPage
    from outreach_desk.ui.org.tree import OrgTreePanel

    parts = {}
    for name, build in (("part_tree", OrgTreePanel), ("part_ledger", LedgerPage), ("part_form", EntryForm)):
        started = time.perf_counter()
        widget = build(context)
        parts[name] = time.perf_counter() - started
        if isinstance(widget, LedgerPage):
            widget.model.stop_counting()
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.db)))
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown: it is not part of any measure
    ensure_database(args.db)
    facts = database_facts(args.db)
    result = measure(args.db, args.runs, facts)
    return 0 if print_table(result, args.runs, args.db, facts) else 1


if __name__ == "__main__":
    sys.exit(main())
