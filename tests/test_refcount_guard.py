"""PySide6 on CPython 3.11 drains None's reference count; the guard must keep the process alive."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    import outreach_desk
    from PySide6.QtWidgets import QApplication, QComboBox, QLabel
    app = QApplication([])
    combo = QComboBox()
    combo.addItem("x", None)
    label = QLabel()
    for _ in range(20000):
        combo.itemData(0)
        label.clear()
    print("alive", sys.getrefcount(None) > 1000)
    """
)


def test_many_none_returning_qt_calls_do_not_abort_the_process():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive True"
