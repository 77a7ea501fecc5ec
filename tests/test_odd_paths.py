"""``--db`` naming a folder, a device, a pipe or a dangling link: one Chinese sentence naming it, at once.

Real processes on real paths: no traceback, no hang (a pipe must not be opened and waited on), no
advice to restore a backup (nothing is damaged), and no lock file made beside something that is not
a database.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fault_helpers import child_environment

ROOT = Path(__file__).resolve().parent.parent
#: a guard against a hang, not a speed limit: the refusal comes before anything is opened
HANG_GUARD_S = 240

pytestmark = pytest.mark.skipif(os.name != "posix", reason="devices, named pipes and symbolic links of POSIX")


def _odd_path(kind: str, tmp_path: Path) -> Path:
    if kind == "folder":
        path = tmp_path / "台账文件夹"
        path.mkdir()
    elif kind == "fifo":
        path = tmp_path / "台账.db"
        os.mkfifo(path)
    elif kind == "dangling link":
        path = tmp_path / "台账.db"
        path.symlink_to(tmp_path / "不存在" / "别处.db")
    else:
        path = Path(kind)
        if not path.exists():
            pytest.skip(f"no {kind} here")
    return path


@pytest.mark.parametrize("kind", ["folder", "/dev/null", "/dev/zero", "fifo", "dangling link"])
@pytest.mark.parametrize("argv", [("--smoke",), ("coverage",), ("check",), ("import", "{csv}"),
                                  ("report", "-o", "{out}")], ids=["window", "coverage", "check", "import", "report"])
def test_a_path_that_is_not_a_database_file_is_refused_by_name(kind, argv, tmp_path):
    path = _odd_path(kind, tmp_path)
    csv = tmp_path / "一行.csv"
    csv.write_text("日期,村/社区,活动类型,数量,覆盖人数,备注\n2026-12-02,东门村,宣讲,1,10,x\n", encoding="utf-8")
    argv = [a.format(csv=csv, out=tmp_path / "月报.xlsx") for a in argv]
    lock = path.with_name(path.name + ".lock")
    lock_before = lock.exists()
    try:
        result = subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(path), "--lang", "zh_CN", *argv],
                                cwd=ROOT, env=child_environment(), capture_output=True, text=True, encoding="utf-8",
                                timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"outreach-desk --db {kind} {' '.join(argv)} hung")
    said = result.stdout + result.stderr
    assert result.returncode == 2, said
    assert str(path) in result.stderr and "Traceback" not in said, said
    assert "恢复" not in said and "损坏" not in said, f"advice for a damaged database: {said}"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stderr), said
    assert lock.exists() == lock_before, f"a lock file was made beside {path}"
    assert not (tmp_path / "月报.xlsx").exists()
    if kind == "dangling link":
        assert not (tmp_path / "不存在").exists()


@pytest.mark.parametrize("argv", [("report", "-o", "{db}"), ("template", "{db}"), ("report", "-o", "{db}-wal")],
                         ids=["report-over-the-database", "template-over-the-database", "report-over-its-journal"])
def test_a_workbook_is_never_saved_over_the_database_it_was_made_from(db_path, argv):
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    organisation.add_village(organisation.add_township("古城乡", "古城乡综治办"), "东门村")
    start = dt.date.today().replace(day=1)
    end = start + dt.timedelta(days=90)
    campaigns.create(campaigns.CampaignInfo("冬季宣传", start, end, is_current=True,
                                            phases=campaigns.default_phases(start, end)), with_default_rules=True)
    close_database()
    before = db_path.read_bytes()
    result = subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db_path), "--lang", "zh_CN",
                             *[a.format(db=db_path) for a in argv]], cwd=ROOT, env=child_environment(),
                            capture_output=True, text=True, encoding="utf-8", timeout=HANG_GUARD_S)
    said = result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in said, said
    assert str(db_path) in result.stderr and "数据库" in result.stderr, said
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00" and db_path.read_bytes() == before
