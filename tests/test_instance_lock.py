"""One writer per database (a real second process), read-only opening, and the network-folder warning."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fault_helpers import child_environment, read_only_folder
from outreach_desk.services import instance_lock

ROOT = Path(__file__).resolve().parent.parent
HOLD = ("import sys; from outreach_desk.services import instance_lock as l; lock = l.acquire(sys.argv[1]); "
        "print('locked', flush=True); sys.stdin.read()")


@pytest.fixture
def other_instance(db_path):
    """Another process holding the writer's lock on ``db_path``, until killed."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], cwd=ROOT, env=child_environment(),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    yield process
    process.kill()
    process.wait()
    process.stdin.close()
    process.stdout.close()


def test_lock_is_reentrant_in_one_process_and_released(db_path):
    lock = instance_lock.acquire(db_path)
    assert instance_lock.acquire(db_path) is lock
    assert instance_lock.held_here(db_path) and not instance_lock.held_elsewhere(db_path)
    assert lock.lock_path == db_path.with_name(db_path.name + ".lock")
    lock.release()
    assert not instance_lock.held_here(db_path)
    with instance_lock.acquire(db_path) as again:
        assert again.held
    assert not again.held


def test_second_process_is_told_who_holds_the_database(db_path, other_instance):
    assert instance_lock.held_elsewhere(db_path)
    with pytest.raises(instance_lock.AlreadyOpenError) as info:
        instance_lock.acquire(db_path)
    holder = info.value.holder
    assert holder.pid == other_instance.pid and holder.host and holder.since.startswith(str(dt.date.today().year))
    assert str(db_path) in str(info.value) and holder.host in str(info.value)


def test_a_killed_holder_leaves_no_stale_lock(db_path, other_instance):
    other_instance.kill()
    other_instance.wait()
    assert not instance_lock.held_elsewhere(db_path)
    with instance_lock.acquire(db_path) as lock:
        assert lock.held
        assert instance_lock.read_holder(db_path).pid == os.getpid()


def test_read_only_folder_cannot_hold_the_lock(db_path):
    db_path.write_bytes(b"")
    with read_only_folder(db_path.parent):
        with pytest.raises(instance_lock.LockUnavailableError) as info:
            instance_lock.acquire(db_path)
    assert str(db_path.parent) in str(info.value)


def test_missing_folder_cannot_hold_the_lock(tmp_path):
    with pytest.raises(instance_lock.LockUnavailableError):
        instance_lock.acquire(tmp_path / "不存在" / "a.db")


needs_links = pytest.mark.skipif(os.name == "nt", reason="POSIX symbolic links")


@needs_links
def test_a_lock_file_that_links_to_a_precious_file_is_refused_by_name_and_the_file_kept(db_path, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("一年的工作记录", encoding="utf-8")
    lock_path = instance_lock.lock_path_for(db_path)
    lock_path.symlink_to(precious)
    with pytest.raises(instance_lock.LockUnavailableError) as info:
        instance_lock.acquire(db_path)
    assert str(lock_path) in str(info.value)
    assert precious.read_text(encoding="utf-8") == "一年的工作记录"
    assert not instance_lock.held_here(db_path) and not instance_lock.held_elsewhere(db_path)
    assert instance_lock.read_holder(db_path) is None


@needs_links
def test_a_dangling_lock_link_does_not_create_its_target(db_path, tmp_path):
    target = tmp_path / "其他用户" / "created-by-the-lock.txt"
    target.parent.mkdir()
    lock_path = instance_lock.lock_path_for(db_path)
    lock_path.symlink_to(target)
    with pytest.raises(instance_lock.LockUnavailableError) as info:
        instance_lock.acquire(db_path)
    assert str(lock_path) in str(info.value)
    assert not target.exists()
    assert lock_path.is_symlink()


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_lock_path_that_is_not_a_regular_file_is_refused(db_path, kind):
    lock_path = instance_lock.lock_path_for(db_path)
    if kind == "folder":
        lock_path.mkdir()
    elif not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this OS")
    else:
        os.mkfifo(lock_path)
    with pytest.raises(instance_lock.LockUnavailableError) as info:
        instance_lock.acquire(db_path)
    assert str(lock_path) in str(info.value)


def test_the_holder_is_written_unbuffered_so_closing_the_lock_cannot_fail(db_path):
    lock = instance_lock.acquire(db_path)
    assert instance_lock.read_holder(db_path).pid == os.getpid()  # on disk before release, no buffer pending
    lock.release()
    lock.release()
    assert not lock.held


# ---- network folders ------------------------------------------------------------------------------

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
server:/export/office /mnt/office nfs4 rw,relatime,vers=4.2 0 0
//fileserver/综治办 /mnt/综治\\040共享 cifs rw,relatime 0 0
/dev/sdb1 /mnt/office/local-cache ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize("path, expected", [
    ("/mnt/office/台账.db", "nfs4"),
    ("/mnt/office", "nfs4"),
    ("/mnt/officex/台账.db", None),
    ("/mnt/综治 共享/2026/台账.db", "cifs"),
    ("/mnt/office/local-cache/台账.db", None),
    ("/home/clerk/台账.db", None),
    ("/tmp/a.db", None),
])
def test_network_mounts_are_recognised_on_linux(path, expected):
    assert instance_lock.network_location(path, platform="linux", mounts_text=MOUNTS) == expected


@pytest.mark.parametrize("path, expected", [
    (r"\\fileserver\综治办\台账.db", "UNC"),
    ("//fileserver/share/a.db", "UNC"),
])
def test_unc_paths_are_network_paths_on_windows(path, expected):
    assert instance_lock.network_location(path, platform="win32") == expected


def test_local_disk_here_is_not_a_network_path(db_path):
    assert instance_lock.network_location(db_path) is None
    assert instance_lock.network_location(db_path, platform="darwin") is None


# ---- the window's side: second instance, read-only, network warning ------------------------------


@pytest.fixture
def answers(monkeypatch):
    """Replace the modal questions and messages; record what was asked and shown."""
    record = {"questions": [], "shown": [], "answer": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args, **kwargs):
        record["questions"].append(text)
        return record["answer"]

    def execute(box):
        record["shown"].append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "exec", execute)
    return record


def _session(db_path):
    from outreach_desk.ui.shell.store_session import StoreSession

    return StoreSession(db_path, "en")


def test_second_instance_may_open_read_only(qtbot, township, db_path, other_instance, answers):
    from outreach_desk.services import ledger
    from outreach_desk.store import close_database

    close_database()
    session = _session(db_path)
    assert session.open()
    assert session.read_only and str(other_instance.pid) not in answers["questions"][0]
    assert str(db_path) in answers["questions"][0]
    window = session.make_window()
    qtbot.addWidget(window)
    assert not window.backup_actions.restore_action.isEnabled()
    assert window.windowTitle() != ""
    import peewee

    with pytest.raises(peewee.OperationalError, match="readonly"):
        ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 2), village_id=township["village1"],
                                           kind_id=township["kinds"]["banner"]))
    session.close()
    assert not instance_lock.held_here(db_path)
    assert not list(db_path.parent.glob("backups/*")), "a read-only instance makes no backups"


def test_second_instance_that_declines_does_not_open(township, db_path, other_instance, answers):
    from outreach_desk.store import DB, close_database

    close_database()
    answers["answer"] = QMessageBox.StandardButton.No
    session = _session(db_path)
    assert not session.open()
    assert DB.obj is None or DB.obj.is_closed()


def test_network_folder_is_warned_about_once_until_told_not_to(township, db_path, answers, monkeypatch):
    from outreach_desk.store import close_database

    close_database()
    monkeypatch.setattr(instance_lock, "network_location", lambda path, **kw: "cifs")

    def tick_dont_warn_again(box):
        answers["shown"].append(box)
        box.checkBox().setChecked(True)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", tick_dont_warn_again)
    session = _session(db_path)
    assert session.open()
    box = answers["shown"][0]
    assert box.objectName() == "networkWarning" and "cifs" in box.text() and str(db_path) in box.text()
    session.close(backup_on_exit=False)

    answers["shown"].clear()
    session = _session(db_path)
    assert session.open()
    session.close(backup_on_exit=False)
    assert answers["shown"] == [], "the clerk said not to warn again for this database"


def test_read_only_folder_offers_read_only_opening_and_explains_what_to_do(township, db_path, answers):
    """The lock file cannot be made, so read-only is offered; SQLite then cannot even read a WAL database
    in a folder where it may not create its shared-memory file, and the clerk is told to copy it."""
    from outreach_desk.store import DB, close_database

    close_database()
    with read_only_folder(db_path.parent):
        session = _session(db_path)
        opened = session.open()
        session.close()
    assert answers["questions"] and str(db_path.parent) in answers["questions"][0]
    assert session.read_only
    if not opened:
        assert answers["shown"] and str(db_path) in answers["shown"][0].text()
    assert DB.obj is None or DB.obj.is_closed()
