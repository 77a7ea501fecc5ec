"""What the window loads before its first paint: nothing only edits, reports or charts need (issue 2)."""

from __future__ import annotations

import os
import subprocess
import sys

NOT_BEFORE_FIRST_PAINT = ("matplotlib", "openpyxl", "logging.handlers", "outreach_desk.services.audit",
                          "outreach_desk.services.ledger", "outreach_desk.services.coverage.letters",
                          "outreach_desk.services.coverage.surveys")

_PROBE = """
import sys
from outreach_desk.ui.shell import app

def loaded(name):
    module = sys.modules.get(name)
    return module is not None and type(module).__name__ != "_LazyModule"

original = app.seconds_since_process_start
def at_first_paint(t0):
    print("LOADED", *[name for name in {names!r} if loaded(name)])
    return original(t0)
app.seconds_since_process_start = at_first_paint
from outreach_desk.cli import main
sys.exit(main(["--db", {db!r}, "--smoke"]))
"""


def _run(code: str, tmp_path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert child.returncode == 0, child.stderr
    return child.stdout


def test_first_paint_loads_nothing_only_edits_reports_or_charts_need(tmp_path):
    out = _run(_PROBE.format(names=NOT_BEFORE_FIRST_PAINT, db=str(tmp_path / "镇.db")), tmp_path)
    line = next(line for line in out.splitlines() if line.startswith("LOADED"))
    assert line.split()[1:] == []


def test_a_lazy_module_runs_on_first_use_or_when_load_all_is_called(tmp_path):
    code = """
import sys
from outreach_desk import lazy
from outreach_desk.services import organisation
audit, ledger = sys.modules["outreach_desk.services.audit"], sys.modules["outreach_desk.services.ledger"]
print(type(audit).__name__, type(ledger).__name__)
print(callable(audit.record), type(audit).__name__, type(ledger).__name__)
lazy.load_all()
print(type(ledger).__name__, lazy._pending)
"""
    assert _run(code, tmp_path).splitlines() == ["_LazyModule _LazyModule", "True module _LazyModule", "module []"]
