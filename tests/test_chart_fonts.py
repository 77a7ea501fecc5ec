"""A stale font cache, or no Chinese font at all: the monthly report is still written and the dashboard says why.

Each case runs the real program in a child process (the test process's matplotlib keeps its own fonts):
- stale: matplotlib's cache (``MPLCONFIGDIR``) lists none of the system's Chinese fonts, as one built before
  they were installed; the program adds them once through ``fontManager.addfont`` and draws Chinese;
- none: the same cache, and fontconfig (``FONTCONFIG_FILE``) sees only a folder holding DejaVu Sans, so no
  Chinese font exists for the program; the report leaves its pictures out with a note, the dashboard draws
  its charts and says what is wrong in one sentence.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_coverage_engine import build_town

ROOT = Path(__file__).resolve().parent.parent
MONTH = "2026-10"
TIMEOUT_S = 300
CJK_MARKS = ("CJK", "WenQuanYi", "Source Han", "Droid Sans Fallback", "AR PL", "YaHei", "SimHei")


def _env(mpl: Path, fontconfig: Path | None = None) -> dict:
    env = dict(os.environ)
    env["MPLCONFIGDIR"] = str(mpl)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if fontconfig is not None:
        env["FONTCONFIG_FILE"] = str(fontconfig)
    return env


def _run(argv: list[str], env: dict) -> subprocess.CompletedProcess:
    child = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=TIMEOUT_S)
    assert "Traceback" not in child.stderr, child.stderr
    assert child.returncode == 0, child.stdout + child.stderr
    return child


@pytest.fixture(scope="module")
def stale_cache(tmp_path_factory) -> Path:
    """A matplotlib config folder whose font cache lists no Chinese font (the system's Chinese files removed)."""
    from outreach_desk.services.charts import fonts

    folder = tmp_path_factory.mktemp("mpl-stale")
    _run([sys.executable, "-c", "import matplotlib.font_manager"], _env(folder))
    (cache,) = folder.glob("fontlist-v*.json")
    chinese = {os.path.realpath(path) for path in fonts.system_chinese_files()}
    listed = json.loads(cache.read_text(encoding="utf-8"))
    listed["ttflist"] = [entry for entry in listed["ttflist"]
                         if os.path.realpath(entry["fname"]) not in chinese
                         and not any(mark.lower() in entry["name"].lower() for mark in CJK_MARKS)]
    cache.write_text(json.dumps(listed), encoding="utf-8")
    return folder


@pytest.fixture
def mpl(stale_cache, tmp_path) -> Path:
    folder = tmp_path / "mpl"
    shutil.copytree(stale_cache, folder)
    return folder


@pytest.fixture
def no_chinese_fontconfig(tmp_path) -> Path:
    """A fontconfig set-up whose only font folder holds DejaVu Sans."""
    import matplotlib

    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf", fonts)
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{fonts}</dir>"
                      f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    return config


@pytest.fixture
def town_file(store, db_path) -> Path:
    build_town()
    return db_path


def _choice(env: dict) -> dict:
    script = textwrap.dedent("""
        import json
        from matplotlib import font_manager
        before = sorted({f.name for f in font_manager.fontManager.ttflist if "CJK" in f.name})
        from outreach_desk.services.charts import fonts
        choice = fonts.choose()
        print(json.dumps({"before": before, "family": choice.family, "chinese": choice.chinese,
                          "mended": choice.mended}))
    """)
    return json.loads(_run([sys.executable, "-c", script], env).stdout.strip().splitlines()[-1])


def _report(db: Path, out: Path, env: dict) -> tuple[int, list[str]]:
    """Write the month's report with the CLI; (pictures in the workbook, texts of the summary and chart sheets)."""
    _run([sys.executable, "-m", "outreach_desk", "--db", str(db), "--lang", "zh_CN", "report", "--month", MONTH,
          "-o", str(out)], env)
    with zipfile.ZipFile(out) as archive:
        pictures = len([name for name in archive.namelist() if name.startswith("xl/media/")])
    workbook = load_workbook(out, read_only=True)   # read-only keeps the file open until closed
    try:
        texts = [str(value) for sheet in ("汇总", "图表") for row in workbook[sheet].iter_rows(values_only=True)
                 for value in row if value is not None]
    finally:
        workbook.close()
    return pictures, texts


@pytest.mark.skipif(shutil.which("fc-list") is None and sys.platform != "win32",
                    reason="fontconfig's fc-list is needed to find the system's Chinese fonts")
def test_a_stale_font_cache_is_mended_once_and_the_report_carries_its_charts(mpl, town_file, tmp_path):
    from outreach_desk.services.charts import fonts

    if not fonts.system_chinese_files():
        pytest.skip("this machine has no Chinese font to find (install fonts-noto-cjk)")
    choice = _choice(_env(mpl))
    assert choice["before"] == []                      # the cache knew no Chinese font
    assert choice["chinese"] and choice["mended"] and choice["family"] in fonts.CANDIDATES
    pictures, texts = _report(town_file, tmp_path / "月报.xlsx", _env(mpl))
    assert pictures == 2                               # the coverage and trend charts
    assert not [text for text in texts if "中文字体" in text]


def test_without_any_chinese_font_the_report_is_written_with_a_note_instead_of_pictures(
        mpl, no_chinese_fontconfig, town_file, tmp_path):
    env = _env(mpl, no_chinese_fontconfig)
    choice = _choice(env)
    assert not choice["chinese"] and not choice["mended"] and choice["family"] == "DejaVu Sans"
    out = tmp_path / "没有字体" / "月报.xlsx"
    out.parent.mkdir()
    pictures, texts = _report(town_file, out, env)
    assert pictures == 0
    (note,) = [text for text in texts if "中文字体" in text]
    assert "图" in note and note.endswith("。")
    assert any("太平村" in text for text in texts)    # the tables are all there


DASHBOARD = textwrap.dedent("""
    import datetime as dt, json, sys
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
    from outreach_desk import i18n
    from outreach_desk.store import open_database
    from outreach_desk.ui.shell.app import make_application
    from outreach_desk.ui.shell.context import AppContext
    from outreach_desk.ui.dashboard import page as dashboard_page

    app = make_application()
    i18n.install(app, "zh_CN")
    database = open_database(sys.argv[1])
    dashboard_page.today = lambda: dt.date(2026, 11, 28)
    page = dashboard_page.DashboardPage(AppContext(sys.argv[1]))
    page.resize(1300, 900)
    page.show()
    loop = QEventLoop()
    page.ready.connect(loop.quit)
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    print(json.dumps({"drawn": page.all_drawn(), "warning": page.font_warning.text(),
                      "shown": page.font_warning.isVisible()}))
    QThreadPool.globalInstance().waitForDone(60000)   # the charts' text being kept for the next start
""")


def test_without_any_chinese_font_the_dashboard_draws_its_charts_and_says_why_in_one_sentence(
        mpl, no_chinese_fontconfig, town_file):
    child = _run([sys.executable, "-c", DASHBOARD, str(town_file)], _env(mpl, no_chinese_fontconfig))
    shown = json.loads(child.stdout.strip().splitlines()[-1])
    assert shown["drawn"] and shown["shown"]
    warning = shown["warning"]
    assert "中文字体" in warning and warning.endswith("。") and warning.count("。") == 1
