"""The window's preload of the charts' code: after its first paint, in the background, once (a fresh process each)."""

from __future__ import annotations

import os
import subprocess
import sys

_PROBE = """
import sys
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from outreach_desk.ui.dashboard import loading, preload

app = QApplication(sys.argv)
window = QLabel("ledger")
seen = {{}}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = "matplotlib" in sys.modules
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
preload.preload_when_idle(window)
print("BEFORE_SHOW", "matplotlib" in sys.modules)
{show}
loop = QEventLoop()
poll = QTimer()
poll.timeout.connect(lambda: loading.charts_prepared() and loop.quit())
poll.start(20)
QTimer.singleShot({wait_ms}, loop.quit)
loop.exec()
print("AT_FIRST_PAINT", seen.get("paint"))
print("PREPARED", loading.charts_prepared(), "matplotlib.backends.backend_qtagg" in sys.modules)
"""

_PROGRAM = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from outreach_desk.ui.dashboard import loading
from outreach_desk.ui.shell import app as shell_app

make_application = shell_app.make_application

def watched_application(*args, **kwargs):
    application = make_application(*args, **kwargs)
    poll = QTimer(application)
    poll.timeout.connect(lambda: loading.charts_prepared() and application.quit())
    poll.start(50)
    QTimer.singleShot(120000, application.quit)
    return application

shell_app.make_application = watched_application
from outreach_desk.cli import main
status = main(["--db", {db!r}])
print("PREPARED", loading.charts_prepared(), "matplotlib.backends.backend_qtagg" in sys.modules)
sys.exit(status)
"""


def _run(tmp_path, show: bool = True, wait_ms: int = 0, code: str | None = None) -> dict[str, list[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), OUTREACH_DESK_HOME=str(tmp_path / "home"))
    code = code or _PROBE.format(show="window.show()" if show else "", wait_ms=wait_ms)
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert child.returncode == 0, child.stderr
    return {line.split()[0]: line.split()[1:] for line in child.stdout.splitlines() if line.strip()}


def test_the_charts_are_prepared_in_the_background_after_the_windows_first_paint(tmp_path):
    out = _run(tmp_path, show=True, wait_ms=120000)
    assert out["BEFORE_SHOW"] == ["False"]
    assert out["AT_FIRST_PAINT"] == ["False"]
    assert out["PREPARED"] == ["True", "True"]


def test_a_window_never_painted_prepares_nothing(tmp_path):
    out = _run(tmp_path, show=False, wait_ms=3000)
    assert out["PREPARED"] == ["False", "False"]


def test_the_program_prepares_the_charts_while_the_ledger_is_shown(tmp_path):
    out = _run(tmp_path, code=_PROGRAM.format(db=str(tmp_path / "镇.db")))
    assert out["PREPARED"] == ["True", "True"]
