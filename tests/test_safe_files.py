"""Safe file creation beside the database: real links, folders, pipes and devices are refused by name."""

from __future__ import annotations

import errno
import os
import threading

import pytest

from outreach_desk.services import safe_files
from outreach_desk.services.safe_files import UnsafePathError

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX symbolic links")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the OS has no named pipes")


@needs_links
def test_a_link_to_a_precious_file_is_refused_and_the_file_keeps_its_text(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("mine", encoding="utf-8")
    link = tmp_path / "t.db.lock"
    link.symlink_to(precious)
    for mode in ("w", "a+", "r+", "x"):
        with pytest.raises(UnsafePathError) as caught:
            safe_files.open_file(link, mode, encoding="utf-8")
        assert str(link) in str(caught.value)
    assert precious.read_text(encoding="utf-8") == "mine"


@needs_links
def test_a_dangling_link_does_not_create_its_target(tmp_path):
    target = tmp_path / "elsewhere" / "created.txt"
    target.parent.mkdir()
    link = tmp_path / "report.xlsx"
    link.symlink_to(target)
    with pytest.raises(UnsafePathError):
        safe_files.open_file(link, "wb")
    with pytest.raises(UnsafePathError):
        with safe_files.replacing(link) as fh:
            fh.write(b"x")
    with pytest.raises(UnsafePathError):
        safe_files.open_file(link, "rb", follow_links=True)
    assert not target.exists()
    assert set(os.listdir(tmp_path)) == {"elsewhere", "report.xlsx"}


@needs_links
def test_reading_what_the_user_named_may_follow_a_link_to_a_regular_file(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("a,b\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with safe_files.open_file(link, "r", encoding="utf-8", follow_links=True) as fh:
        assert fh.read() == "a,b\n"
    assert safe_files.check_file(link, must_exist=True, follow_links=True) == link
    with pytest.raises(UnsafePathError):
        safe_files.check_file(link)


def test_a_folder_is_refused_for_reading_and_writing(tmp_path):
    folder = tmp_path / "数据"
    folder.mkdir()
    for mode in ("rb", "wb", "a+"):
        with pytest.raises(UnsafePathError) as caught:
            safe_files.open_file(folder, mode)
        assert str(folder) in str(caught.value)


@needs_fifo
def test_a_pipe_is_refused_at_once_instead_of_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    outcome = []

    def attempt():
        for mode in ("rb", "wb"):
            try:
                safe_files.open_file(fifo, mode, follow_links=True)
                outcome.append("opened")
            except UnsafePathError:
                outcome.append("refused")

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(60)
    assert outcome == ["refused", "refused"], "opening a named pipe blocked or succeeded"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_devices_are_refused(tmp_path):
    for device in ("/dev/null", "/dev/zero"):
        with pytest.raises(UnsafePathError) as caught:
            safe_files.open_file(device, "rb", follow_links=True)
        assert device in str(caught.value)
        with pytest.raises(UnsafePathError):
            safe_files.check_file(device, follow_links=True)


def test_writing_truncates_only_a_regular_file_and_x_refuses_an_existing_one(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old text", encoding="utf-8")
    with safe_files.open_file(target, "w", encoding="utf-8") as fh:
        fh.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    with pytest.raises(FileExistsError):
        safe_files.open_file(target, "x", encoding="utf-8")


def test_replacing_puts_the_new_file_in_place_only_when_the_block_succeeds(tmp_path):
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with safe_files.replacing(target) as fh:
            fh.write(b"half")
            raise RuntimeError("stop")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["月报.xlsx"]
    with safe_files.replacing(target) as fh:
        fh.write(b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["月报.xlsx"]


@needs_links
def test_ensure_folder_makes_a_folder_and_refuses_a_link_to_one(tmp_path):
    made = safe_files.ensure_folder(tmp_path / "照片" / "2026")
    assert made.is_dir()
    link = tmp_path / "photos"
    link.symlink_to(tmp_path / "照片")
    with pytest.raises(UnsafePathError):
        safe_files.ensure_folder(link)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UnsafePathError):
        safe_files.ensure_folder(tmp_path / "file")


def test_os_errors_are_explained_with_the_path(tmp_path):
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.db"))
    text = safe_files.explain_os_error(full, tmp_path / "x.db")
    assert str(tmp_path) in text and "No space" not in text
    assert safe_files.format_size(3 * 1024 * 1024) == "3.0 MB"
    read_only = OSError(errno.EROFS, "Read-only file system")
    assert str(tmp_path) in safe_files.explain_os_error(read_only, tmp_path / "x.db")


def test_the_open_database_and_its_journal_and_lock_files_cannot_be_replaced_or_truncated(store, db_path, tmp_path):
    before = db_path.read_bytes()
    hard_link = tmp_path / "同一个文件.xlsx"
    os.link(db_path, hard_link)
    for name in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + ".lock"),
                 hard_link, db_path.parent / "." / db_path.name):
        with pytest.raises(UnsafePathError) as caught:
            with safe_files.replacing(name) as fh:
                fh.write(b"PK report")
        assert str(name) in str(caught.value)
        with pytest.raises(UnsafePathError):
            safe_files.open_file(name, "wb")
    assert db_path.read_bytes() == before
    assert set(os.listdir(db_path.parent)) <= {db_path.name, db_path.name + "-wal", db_path.name + "-shm"}
    with safe_files.replacing(db_path.with_name("月报.xlsx")) as fh:
        fh.write(b"PK report")
    safe_files.refuse_database_file(tmp_path / "other.db")
