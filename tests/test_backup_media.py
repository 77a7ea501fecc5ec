"""backup, check and restore on a real full disk and a real read-only medium: small tmpfs file systems,
mounted as root (as CI runs); skipped with the reason elsewhere. The commands run as real processes."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fault_helpers import child_environment
from cli_runs import CLI_NEEDS_QAPP

ROOT = Path(__file__).resolve().parent.parent

pytestmark = CLI_NEEDS_QAPP


@contextlib.contextmanager
def _mounted(folder: Path, size: str):
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _make_database(path: Path, township: str = "古城乡", records: int = 60) -> None:
    from outreach_desk.services import ledger, organisation
    from outreach_desk.store import close_database, open_database

    open_database(path)
    try:
        town = organisation.add_township(township, f"{township}综治办")
        village = organisation.add_village(town, "太平村", "village", households=320, residents=1100)
        kind = next(k.id for k in organisation.list_kinds() if k.code == "banner")
        for number in range(records):
            ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 1 + number % 27), village_id=village,
                                               kind_id=kind, quantity=1 + number, notes=f"{number} 横幅"))
    finally:
        close_database()


def _cli(db_path: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db_path), "--lang", "zh_CN", *argv],
                          cwd=ROOT, env=child_environment(), capture_output=True, text=True, timeout=120)


def _state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by content hash: what "nothing changed" means. Left out: the filler, the
    lock file (it stays by design), and the empty WAL and the stub of shared memory SQLite itself leaves
    when it cannot size that memory."""
    def sqlite_stub(path: Path) -> bool:
        return path.name.endswith(("-wal", "-shm")) and path.stat().st_size < 4096
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "filler" and p.suffix != ".lock" and not sqlite_stub(p)}


def _fill(folder: Path) -> None:
    """Write a filler file until the file system refuses another byte."""
    with (folder / "filler").open("wb", buffering=0) as fh:
        for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    fh.write(b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    assert os.statvfs(folder).f_bavail == 0


def _plain(result: subprocess.CompletedProcess) -> str:
    text = result.stdout + result.stderr
    assert "Traceback" not in text and "closed file" not in text, text
    return text


def test_a_full_disk_is_reported_as_full_and_nothing_is_lost(tmp_path):
    with _mounted(tmp_path / "小盘", "16m") as disk:
        db_path = disk / "反诈台账.db"
        _make_database(db_path)
        made = _cli(db_path, "backup")
        assert made.returncode == 0, made.stderr
        good = next((disk / "backups").iterdir())
        _fill(disk)
        before = _state(disk)

        for argv in (["backup"], ["check"], ["restore", str(good)]):
            result = _cli(db_path, *argv)
            text = _plain(result)
            assert result.returncode != 0, (argv, text)
            assert "已满" in text and str(disk) in text and "0 B" in text, (argv, text)
            assert "锁定" not in text and "恢复最近" not in text, (argv, text)
            assert _state(disk) == before, argv
            leftovers = [p.name for p in disk.rglob("*") if ".partial" in p.name or ".restoring" in p.name]
            assert leftovers == [], argv

        (disk / "filler").unlink()
        checked = _cli(db_path, "check")
        assert checked.returncode == 0, checked.stderr


def test_a_read_only_medium_can_be_checked_and_backed_up_elsewhere_but_not_written(tmp_path):
    with _mounted(tmp_path / "只读U盘", "16m") as medium:
        db_path = medium / "反诈台账.db"
        _make_database(db_path)
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(medium)], capture_output=True, text=True)
        if remounted.returncode != 0:
            pytest.skip(f"cannot remount the tmpfs read-only: {remounted.stderr.strip()}")
        before = _state(medium)

        checked = _cli(db_path, "check")
        assert checked.returncode == 0, _plain(checked)

        elsewhere = tmp_path / "可写的文件夹"
        made = _cli(db_path, "backup", str(elsewhere))
        assert made.returncode == 0, _plain(made)
        assert len(list(elsewhere.glob("*.db"))) == 1

        refused = _cli(db_path, "backup")
        text = _plain(refused).strip()
        assert refused.returncode == 2 and "只读" in text, text
        assert len(text.splitlines()) == 1 and text.count("。") == 1, "one sentence"
        assert _state(medium) == before
