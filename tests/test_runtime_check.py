"""A PySide6 release known to crash on the running Python is refused at start, in Chinese, before any work."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from outreach_desk import runtime_check


def test_the_known_bad_pair_is_refused_and_its_neighbours_are_not():
    assert runtime_check.is_known_bad((6, 12, 0, "", ""), (3, 11, 7, "final", 0))
    assert not runtime_check.is_known_bad((6, 12, 0), (3, 12, 1))
    assert not runtime_check.is_known_bad((6, 11, 3), (3, 11, 7))
    assert not runtime_check.is_known_bad((6, 12, 1), (3, 11, 7))


def test_a_refused_pair_stops_the_command_with_a_chinese_sentence_and_touches_no_database(tmp_path):
    """The running pair is declared bad in a child process; the CLI must stop before opening the database."""
    db = tmp_path / "镇.db"
    script = textwrap.dedent(f"""
        import sys
        import PySide6
        from outreach_desk import cli, runtime_check
        pair = (tuple(PySide6.__version_info__[:3]), tuple(sys.version_info[:2]))
        runtime_check.KNOWN_BAD = frozenset({{pair}})
        sys.exit(cli.main(["--lang", "zh_CN", "--db", {str(db)!r}, "check"]))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert child.returncode == 2, child.stderr
    assert "无法" in child.stderr and "PySide6" in child.stderr and "Traceback" not in child.stderr
    assert not db.exists()


def test_the_running_pair_is_accepted():
    """The tests themselves run on a good pair; were it refused, every start of the program would be."""
    assert runtime_check.refusal("zh_CN") is None
