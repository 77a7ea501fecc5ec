"""``campaign add`` takes phases and deadlines; default phases follow plan 3 and are stored in Chinese
whatever the locale of the process that made the campaign (a bare ``LANG=C.UTF-8`` session, here)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys


def _command(db_path, *argv, lang_env="C.UTF-8"):
    env = dict(os.environ, LANG=lang_env, LC_ALL=lang_env, LANGUAGE="")
    return subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db_path), *argv], env=env,
                          capture_output=True, text=True, timeout=300)


def _phases(db_path):
    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT p.name, p.start_date, p.end_date FROM campaign_phase p JOIN campaign c "
                           "ON c.id = p.campaign_id WHERE c.name = ? ORDER BY p.sort_order, p.id",
                           ("甲",)).fetchall(), con.execute("SELECT title, due_date FROM campaign_deadline").fetchall()


def test_default_phases_follow_plan_three_in_chinese_under_a_c_locale(db_path):
    done = _command(db_path, "--lang", "en", "campaign", "add", "甲", "--from", "2026-05-08", "--to", "2026-12-30")
    assert done.returncode == 0, done.stderr
    phases, deadlines = _phases(db_path)
    assert phases == [("动员部署", "2026-05-08", "2026-06-30"), ("集中攻坚", "2026-07-01", "2026-11-30"),
                      ("总结验收", "2026-12-01", "2026-12-30")]
    assert deadlines == []


def test_phases_and_deadlines_from_the_command_line(db_path):
    done = _command(db_path, "--lang", "zh_CN", "campaign", "add", "甲", "--from", "2026-11-01", "--to", "2027-01-31",
                    "--phase", "宣传发动", "2026-11-01", "2026-11-15",
                    "--phase", "全面推进", "2026-11-16", "2027-01-31",
                    "--deadline", "11月月报", "2026-12-05", "--deadline", "总结报送", "2027-01-25")
    assert done.returncode == 0, done.stderr
    assert "宣传发动: 2026-11-01 – 2026-11-15" in done.stdout
    phases, deadlines = _phases(db_path)
    assert [p[0] for p in phases] == ["宣传发动", "全面推进"]
    assert deadlines == [("11月月报", "2026-12-05"), ("总结报送", "2027-01-25")]
    bad = _command(db_path, "--lang", "zh_CN", "campaign", "add", "乙", "--from", "2026-11-01", "--to", "2027-01-31",
                   "--phase", "宣传发动", "2026-11-01", "11月15日")
    assert bad.returncode == 2 and "11月15日" in bad.stderr and "Traceback" not in bad.stderr
    overlapping = _command(db_path, "--lang", "zh_CN", "campaign", "add", "丙", "--from", "2026-11-01", "--to",
                           "2027-01-31", "--phase", "一", "2026-11-01", "2026-12-15", "--phase", "二", "2026-12-01",
                           "2027-01-31")
    assert overlapping.returncode == 2 and "Traceback" not in overlapping.stderr
