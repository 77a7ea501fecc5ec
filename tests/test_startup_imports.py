"""What the window loads before its first paint: nothing only reports, charts or other pages need."""

from __future__ import annotations

import os
import subprocess
import sys

NOT_BEFORE_FIRST_PAINT = ("matplotlib", "openpyxl", "logging.handlers", "outreach_desk.ui.coverage.page",
                          "outreach_desk.ui.dashboard.page", "outreach_desk.ui.records.survey_page",
                          "outreach_desk.ui.records.letters_page", "outreach_desk.ui.audit.page",
                          "outreach_desk.services.excel.reader", "xml.etree.ElementTree")

_PROBE = """
import sys
from outreach_desk.ui.shell import app

original = app.seconds_since_process_start
def at_first_paint(t0):
    from PySide6.QtWidgets import QApplication, QWidget
    print("LOADED", *[name for name in {names!r} if name in sys.modules])
    forms = [w.findChild(QWidget, "entryForm") for w in QApplication.topLevelWidgets()]
    print("FORM", any(form is not None and form.isVisible() for form in forms))
    return original(t0)
app.seconds_since_process_start = at_first_paint
from outreach_desk.cli import main
sys.exit(main(["--db", {db!r}, "--smoke"]))
"""


def _run(code: str, tmp_path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert child.returncode == 0, child.stderr
    return child.stdout


def test_first_paint_loads_nothing_only_reports_charts_or_other_pages_need(tmp_path):
    out = _run(_PROBE.format(names=NOT_BEFORE_FIRST_PAINT, db=str(tmp_path / "镇.db")), tmp_path)
    line = next(line for line in out.splitlines() if line.startswith("LOADED"))
    assert line.split()[1:] == []


def test_smoke_reports_once_the_entry_form_is_shown_ready_for_typing(tmp_path):
    out = _run(_PROBE.format(names=(), db=str(tmp_path / "镇.db")), tmp_path)
    assert "FORM True" in out.splitlines()


def test_the_probe_sees_a_module_loaded_before_the_first_paint(tmp_path):
    """The probe itself works: a module the window does load at start-up is reported."""
    out = _run(_PROBE.format(names=("outreach_desk.ui.ledger.page",), db=str(tmp_path / "镇.db")), tmp_path)
    line = next(line for line in out.splitlines() if line.startswith("LOADED"))
    assert line.split()[1:] == ["outreach_desk.ui.ledger.page"]


def test_a_smoke_run_makes_no_exit_backup(tmp_path):
    db = tmp_path / "镇.db"
    _run(_PROBE.format(names=(), db=str(db)), tmp_path)
    _run(_PROBE.format(names=(), db=str(db)), tmp_path)   # the first run made the file, which a backup would copy
    backups = tmp_path / "backups"
    assert not backups.exists() or not any(backups.iterdir())
