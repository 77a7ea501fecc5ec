"""PySide6's per-import source scan is skipped until a module uses ``__feature__`` (ui.feature_scan)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_imports_are_not_scanned_until_a_feature_is_used_and_features_then_still_work():
    script = textwrap.dedent("""
        import outreach_desk.ui
        from PySide6.support import feature
        import sys
        assert "colorsys" not in sys.modules and "wave" not in sys.modules
        import colorsys
        assert "colorsys" not in feature.pyside_feature_dict

        from __feature__ import snake_case
        from PySide6.QtCore import QObject
        assert feature.pyside_feature_dict["colorsys"] == -1               # recorded when features began
        assert feature.pyside_feature_dict["outreach_desk.ui.shell.feature_scan"] == 0
        import wave
        assert feature.pyside_feature_dict["wave"] == -1                   # and recorded again from then on
        thing = QObject()
        thing.set_object_name("a")
        assert thing.object_name() == "a"
        print("ok")
    """)
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "ok"
