"""A database on a write-protected medium or in a read-only file: reading work works, writing work is
refused in one sentence naming the database, and nothing is changed.

The medium is a real read-only bind mount (SQLite cannot make its ``-shm`` file there, so the store
is read in immutable mode); the read-only file and folder are real ``chmod`` permissions, met by a
process that file permissions apply to. Commands run as real processes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fault_helpers import child_environment
from small_disk import as_plain_user, read_only_view

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD_S = 300
_EMPTY = hashlib.sha256(b"").hexdigest()

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX mounts and permissions")


def _make_store(path: Path) -> None:
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.store import close_database, open_database

    open_database(path)
    try:
        township = organisation.add_township("古城乡", "古城乡综治办")
        organisation.add_village(township, "东门村")
        start = dt.date.today().replace(day=1)
        campaigns.create(campaigns.CampaignInfo("冬季宣传", start, start + dt.timedelta(days=90), is_current=True,
                                                phases=campaigns.default_phases(start, start + dt.timedelta(days=90))),
                         with_default_rules=True)
    finally:
        close_database()


def _cli(db: Path, *argv: str, prefix: tuple[str, ...] = (), env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "outreach_desk", "--db", str(db), "--lang", "zh_CN", *argv],
                          cwd=ROOT, env=env or child_environment(), capture_output=True, text=True, encoding="utf-8",
                          timeout=HANG_GUARD_S)


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _one_sentence_refusal(result: subprocess.CompletedProcess, db: Path) -> None:
    said = result.stdout + result.stderr
    assert result.returncode == 2, said
    assert "Traceback" not in said and str(db) in result.stderr, said
    assert "只读" in result.stderr or "写保护" in result.stderr, said
    assert "恢复" not in said, f"advice to restore a backup over a healthy database: {said}"


@pytest.fixture
def medium(tmp_path):
    """A store (no journal left beside it) seen through a read-only mount: (database on the medium, source)."""
    source = tmp_path / "U盘内容"
    source.mkdir()
    _make_store(source / "台账.db")
    with read_only_view(source, tmp_path / "只读U盘") as view:
        yield view / "台账.db", source


@pytest.mark.parametrize("argv, output", [
    (("coverage",), None),
    (("check",), None),
    (("campaign", "list"), None),
    (("report", "-o", "{out}"), "月报.xlsx"),
    (("template", "{out}"), "录入表.xlsx"),
], ids=["coverage", "check", "campaign-list", "report", "template"])
def test_reading_work_on_a_write_protected_medium_works(medium, tmp_path, argv, output):
    db, source = medium
    before = _digests(source)
    target = tmp_path / "可写" / output if output else None
    if target:
        target.parent.mkdir()
    result = _cli(db, *[a.format(out=target) for a in argv])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if target:
        assert target.stat().st_size > 0
    assert _digests(source) == before


def test_reading_on_the_medium_sees_records_still_in_the_journal(tmp_path):
    """A window killed on a stick leaves its records in ``-wal``; read-only, they must still be read."""
    source = tmp_path / "U盘内容"
    source.mkdir()
    db = source / "台账.db"
    _make_store(db)
    writer = subprocess.run([sys.executable, "-c", (
        "import os, sys\n"
        "from outreach_desk.services import organisation as o\n"
        "from outreach_desk.store import open_database\n"
        "open_database(sys.argv[1])\n"
        "o.add_village(o.find_township_id('古城乡'), '北门村')\n"
        "os._exit(0)  # no close: the journal stays, as after a crash\n"), str(db)],
        cwd=ROOT, env=child_environment(), capture_output=True, text=True, timeout=HANG_GUARD_S)
    assert writer.returncode == 0, writer.stderr
    assert db.with_name(db.name + "-wal").stat().st_size > 0
    with read_only_view(source, tmp_path / "只读U盘") as view:
        result = _cli(view / "台账.db", "coverage", "--gaps", "0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "北门村" in result.stdout


@pytest.mark.parametrize("argv", [
    ("import", "{csv}"),
    ("campaign", "add", "春季宣传", "--from", "2027-03-01", "--to", "2027-05-31"),
    ("--smoke",),
], ids=["import", "campaign-add", "window"])
def test_writing_work_on_a_write_protected_medium_is_refused_in_one_sentence(medium, tmp_path, argv):
    db, source = medium
    csv = tmp_path / "一行.csv"
    csv.write_text("日期,村/社区,活动类型,数量,覆盖人数,备注\n2026-12-02,东门村,宣讲,1,10,x\n", encoding="utf-8")
    before = _digests(source)
    result = _cli(db, *[a.format(csv=csv) for a in argv])
    said = result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in said, said
    assert "只读" in result.stderr, said
    assert _digests(source) == before


@pytest.fixture
def plain_user_env(tmp_path):
    """The environment for a process that file permissions apply to, with a home folder it may write."""
    env = child_environment()
    home = tmp_path / "home"
    home.mkdir()
    env.update(OUTREACH_DESK_HOME=str(home / "data"), MPLCONFIGDIR=str(home / "mpl"), XDG_CONFIG_HOME=str(home / "cfg"))
    return env


@pytest.mark.parametrize("protect", ["file", "folder"])
def test_a_read_only_file_or_folder_is_read_and_writing_is_refused(tmp_path, protect, plain_user_env):
    prefix = tuple(as_plain_user())
    folder = tmp_path / "综治办"
    folder.mkdir()
    db = folder / "台账.db"
    _make_store(db)
    csv = tmp_path / "一行.csv"
    csv.write_text("日期,村/社区,活动类型,数量,覆盖人数,备注\n2026-12-02,东门村,宣讲,1,10,x\n", encoding="utf-8")
    out = tmp_path / "报表"
    out.mkdir()
    protected = db if protect == "file" else folder
    mode = protected.stat().st_mode
    protected.chmod(stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        before = _digests(folder)
        coverage = _cli(db, "coverage", prefix=prefix, env=plain_user_env)
        report = _cli(db, "report", "-o", str(out / "月报.xlsx"), prefix=prefix, env=plain_user_env)
        refused = _cli(db, "import", str(csv), prefix=prefix, env=plain_user_env)
        after = _digests(folder)
    finally:
        protected.chmod(mode)
    assert coverage.returncode == 0, coverage.stdout + coverage.stderr
    assert report.returncode == 0 and (out / "月报.xlsx").stat().st_size > 0, report.stdout + report.stderr
    _one_sentence_refusal(refused, db)
    assert after[db.name] == before[db.name]
    assert (after.get(db.name + "-wal") or _EMPTY) == _EMPTY, "records were written beside a read-only database"
