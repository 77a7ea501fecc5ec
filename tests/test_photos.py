"""Photo evidence files: copies named by content beside the database, all-or-nothing, never the original path,
never through a planted link; the rows go in with their record through the ledger."""

from __future__ import annotations

import dataclasses

import datetime as dt
import hashlib
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from outreach_desk.services import ledger, photos
from outreach_desk.services.errors import NotFoundError, ValidationError
from outreach_desk.ui.shell.tasks import Cancelled
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store.models import Activity, Photo


def make_picture(path: Path, colour=(200, 30, 30), size=(64, 48), fmt="JPEG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, fmt)
    return path


@pytest.fixture
def slips(tmp_path) -> Path:
    """A folder of photos as a village cadre sends them: Chinese names, a phone JPEG, a screenshot PNG."""
    folder = tmp_path / "微信图片"
    make_picture(folder / "横幅 太平村.jpg")
    make_picture(folder / "宣讲会.png", colour=(20, 120, 200), fmt="PNG")
    (folder / "说明.txt").write_text("不是图片", encoding="utf-8")
    (folder / "假照片.jpg").write_bytes(b"%PDF-1.4 not a picture at all")
    return folder


@pytest.fixture
def activity(township) -> int:
    return ledger.create(ActivityInput(date=dt.date(2026, 11, 20), village_id=township["village1"],
                                       kind_id=township["kinds"]["banner"], quantity=2))


def _managed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def add_photos(activity_id: int, paths) -> list[photos.StoredFile]:
    """Store the files, then put them on the record; the new files go again when the rows cannot be written."""
    stored = photos.store_files(paths)
    try:
        ledger.attach_photos(activity_id, stored)
    except BaseException:
        photos.discard(stored)
        raise
    return stored


def test_photos_are_copied_beside_the_database_named_by_content(store, db_path, slips, activity):
    source = slips / "横幅 太平村.jpg"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()

    added = add_photos(activity, [source])

    folder = db_path.with_name("反诈台账.photos")
    assert photos.photos_folder() == folder
    expected = folder / digest[:2] / f"{digest}.jpg"
    assert [p.sha256 for p in added] == [digest]
    assert _managed_files(folder) == [expected]
    assert expected.read_bytes() == source.read_bytes()
    [info] = photos.list_photos(activity)
    assert (info.sha256, info.ext, info.original_name) == (digest, "jpg", "横幅 太平村.jpg")
    assert info.path == expected == photos.photo_path(digest, "jpg")
    assert str(slips) not in str(Photo.select().dicts().get())


def test_a_deleted_original_still_shows(store, slips, activity):
    source = slips / "宣讲会.png"
    add_photos(activity, [source])
    source.unlink()
    [info] = photos.list_photos(activity)
    with Image.open(info.path) as image:
        assert image.format == "PNG" and image.size == (64, 48)
    assert info.ext == "png"


def test_the_same_picture_is_stored_once(store, slips, activity, township):
    source = slips / "横幅 太平村.jpg"
    copy = slips / "另存为" / "IMG_0001.JPG"
    copy.parent.mkdir()
    copy.write_bytes(source.read_bytes())
    other = ledger.create(ActivityInput(date=dt.date(2026, 11, 21), village_id=township["village2"],
                                        kind_id=township["kinds"]["poster"], quantity=4))

    add_photos(activity, [source, copy])
    add_photos(activity, [source])
    add_photos(other, [copy])

    assert len(_managed_files(photos.photos_folder())) == 1
    assert [p.original_name for p in photos.list_photos(activity)] == ["横幅 太平村.jpg"]
    assert [p.original_name for p in photos.list_photos(other)] == ["IMG_0001.JPG"]
    assert Photo.select().count() == 2


@pytest.mark.parametrize("name", ["说明.txt", "假照片.jpg"])
def test_a_file_that_is_not_a_picture_is_refused_by_name(store, slips, activity, name):
    with pytest.raises(photos.PhotoError) as refused:
        add_photos(activity, [slips / "宣讲会.png", slips / name])
    assert name in str(refused.value)
    assert [p.name for p, _m in refused.value.problems] == [name]
    assert Photo.select().count() == 0
    assert _managed_files(photos.photos_folder()) == []


def test_every_refused_file_is_named_at_once(store, slips, activity):
    with pytest.raises(photos.PhotoError) as refused:
        add_photos(activity, [slips / "说明.txt", slips / "假照片.jpg", slips / "不存在.jpg"])
    assert [p.name for p, _m in refused.value.problems] == ["说明.txt", "假照片.jpg", "不存在.jpg"]
    assert all(p.name in m for p, m in refused.value.problems)


def test_a_picture_over_the_size_limit_is_refused(store, slips, activity, monkeypatch):
    monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 200)
    big = make_picture(slips / "大图.png", size=(400, 400), fmt="PNG")
    assert big.stat().st_size > 200
    with pytest.raises(photos.PhotoError, match="大图.png"):
        add_photos(activity, [big])
    assert _managed_files(photos.photos_folder()) == []


def test_an_empty_file_and_a_folder_are_refused(store, slips, activity):
    (slips / "空.jpg").write_bytes(b"")
    with pytest.raises(photos.PhotoError) as refused:
        add_photos(activity, [slips / "空.jpg", slips])
    assert len(refused.value.problems) == 2


def test_nothing_is_left_when_the_rows_cannot_be_written(store, slips):
    with pytest.raises(Exception):
        add_photos(987654, [slips / "横幅 太平村.jpg"])  # no such record: the foreign key refuses
    assert Photo.select().count() == 0
    assert _managed_files(photos.photos_folder()) == []


def test_nothing_is_left_when_copying_fails_half_way(store, slips, activity, monkeypatch):
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(photos.os, "replace", failing_replace)
    with pytest.raises(photos.PhotoError, match="宣讲会.png"):
        add_photos(activity, [slips / "横幅 太平村.jpg", slips / "宣讲会.png"])
    assert len(calls) == 2
    assert _managed_files(photos.photos_folder()) == []
    assert Photo.select().count() == 0


def test_an_already_stored_file_survives_a_failed_attach(store, slips, activity):
    add_photos(activity, [slips / "横幅 太平村.jpg"])
    with pytest.raises(Exception):
        add_photos(987654, [slips / "横幅 太平村.jpg"])
    assert len(_managed_files(photos.photos_folder())) == 1
    assert photos.list_photos(activity)[0].path.exists()


def test_detach_keeps_the_file_for_an_undo(store, slips, activity):
    add_photos(activity, [slips / "横幅 太平村.jpg"])
    [info] = photos.list_photos(activity)
    assert ledger.detach_photos(activity, [info.sha256]) == 1
    assert photos.list_photos(activity) == [] and info.path.exists()
    assert ledger.detach_photos(activity, [info.sha256]) == 0


def test_sweep_removes_only_files_no_record_uses(store, slips, activity):
    add_photos(activity, [slips / "横幅 太平村.jpg", slips / "宣讲会.png"])
    kept, dropped = photos.list_photos(activity)
    ledger.detach_photos(activity, [dropped.sha256])
    assert dropped.path.exists()  # detached files wait for an undo or the sweep
    stale = photos.photos_folder() / ".incoming-abc.tmp"
    stale.write_bytes(b"half a copy")
    old = time.time() - 3 * 24 * 3600
    os.utime(stale, (old, old))

    assert photos.sweep_orphans(keep={dropped.sha256}) == 1
    assert dropped.path.exists() and not stale.exists()
    assert photos.sweep_orphans() == 1
    assert kept.path.exists() and not dropped.path.exists()


def test_deleting_a_record_keeps_its_photo_for_undo(store, slips, activity):
    add_photos(activity, [slips / "横幅 太平村.jpg"])
    [info] = photos.list_photos(activity)
    record = ledger.delete(activity)
    assert info.path.exists()
    ledger.restore(record)
    assert photos.list_photos(activity) == [info]


def test_create_writes_the_record_and_its_photos_in_one_call(store, slips, township):
    data = ActivityInput(date=dt.date(2026, 11, 20), village_id=township["village1"],
                         kind_id=township["kinds"]["banner"], quantity=1)
    activity = ledger.create(data, photos.store_files([slips / "横幅 太平村.jpg", slips / "宣讲会.png"]))
    assert [p.original_name for p in photos.list_photos(activity)] == ["横幅 太平村.jpg", "宣讲会.png"]
    assert all(p.path.exists() for p in photos.list_photos(activity))


def test_create_refuses_bad_input_and_writes_no_row(store, slips, township):
    bad = ActivityInput(date=dt.date(2026, 11, 20), village_id=township["village1"],
                        kind_id=township["kinds"]["banner"], quantity=0)
    stored = photos.store_files([slips / "横幅 太平村.jpg"])
    with pytest.raises(ValidationError):
        ledger.create(bad, stored)
    assert Activity.select().count() == 0 and Photo.select().count() == 0
    photos.discard(stored)
    assert _managed_files(photos.photos_folder()) == []


def test_store_files_copies_nothing_when_a_photo_is_refused(store, slips):
    with pytest.raises(photos.PhotoError):
        photos.store_files([slips / "横幅 太平村.jpg", slips / "说明.txt"])
    assert _managed_files(photos.photos_folder()) == []


def test_a_cancelled_copy_leaves_no_file(store, slips):
    seen = []

    def progress(done, total, text=""):
        seen.append((done, total))
        if len(seen) == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        photos.store_files([slips / "横幅 太平村.jpg", slips / "宣讲会.png"], progress)
    assert _managed_files(photos.photos_folder()) == []
    assert not list(photos.photos_folder().glob(".incoming-*"))
    assert seen[0][1] == sum(p.stat().st_size for p in (slips / "横幅 太平村.jpg", slips / "宣讲会.png"))


def test_reset_puts_back_fields_times_and_photos(store, slips, activity, township):
    add_photos(activity, [slips / "横幅 太平村.jpg"])
    before = ledger.get(activity)
    changed = ledger.copy_input(before.as_input(), quantity=9, notes="改过", site_id=township["school"])
    ledger.update(activity, changed, photos.store_files([slips / "宣讲会.png"]), [before.photos[0]["sha256"]])
    assert ledger.get(activity).quantity == 9
    assert [p.ext for p in photos.list_photos(activity)] == ["png"]

    ledger.reset(before)
    after = ledger.get(activity)
    assert dataclasses.replace(after, version=before.version) == before
    assert after.version > before.version, "putting a record back is a change another clerk must notice"
    with pytest.raises(NotFoundError):
        ledger.reset(ledger.copy_input(before, id=123456))


# ---------------------------------------------------------------------------- planted links and odd files
@pytest.fixture
def precious(tmp_path) -> Path:
    """Someone else's folder with a file in it: a planted link must not lead the program there."""
    folder = tmp_path / "别人的文件"
    folder.mkdir()
    (folder / "重要.txt").write_text("不能动", encoding="utf-8")
    return folder


def _untouched(folder: Path) -> bool:
    return [p.name for p in folder.iterdir()] == ["重要.txt"] and (folder / "重要.txt").read_text("utf-8") == "不能动"


def test_a_photos_folder_that_is_a_link_is_refused_by_name(store, slips, precious):
    folder = photos.photos_folder()
    folder.symlink_to(precious, target_is_directory=True)
    with pytest.raises(photos.PhotoError) as refused:
        photos.store_files([slips / "横幅 太平村.jpg"])
    assert str(folder) in str(refused.value)
    assert _untouched(precious)
    assert photos.sweep_orphans() == 0 and _untouched(precious)


def test_a_linked_sub_folder_or_file_is_refused_and_never_swept_through(store, slips, precious):
    source = slips / "横幅 太平村.jpg"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    folder = photos.photos_folder()
    folder.mkdir()
    (folder / digest[:2]).symlink_to(precious, target_is_directory=True)
    with pytest.raises(photos.PhotoError) as refused:
        photos.store_files([source])
    assert str(folder / digest[:2]) in str(refused.value)
    assert _untouched(precious)

    (folder / digest[:2]).unlink()
    (folder / digest[:2]).mkdir()
    target = folder / digest[:2] / f"{digest}.jpg"
    target.symlink_to(precious / "重要.txt")
    with pytest.raises(photos.PhotoError) as refused:
        photos.store_files([source])
    assert str(target) in str(refused.value)
    assert _untouched(precious)

    target.unlink()
    planted = folder / "ab"
    planted.symlink_to(precious, target_is_directory=True)
    (precious / f"ab{'0' * 62}.jpg").write_bytes(b"looks like a managed photo")
    photos.sweep_orphans()
    assert (precious / f"ab{'0' * 62}.jpg").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_without_waiting_for_a_writer(store, tmp_path):
    pipe = tmp_path / "照片.jpg"
    os.mkfifo(pipe)
    with pytest.raises(photos.PhotoError) as refused:
        photos.store_files([pipe])
    assert str(pipe) in str(refused.value)


def test_a_full_disk_is_said_in_words_naming_the_folder(store, slips, monkeypatch):
    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(photos.os, "fsync", full)
    with pytest.raises(photos.PhotoError) as refused:
        photos.store_files([slips / "横幅 太平村.jpg"])
    assert str(photos.photos_folder()) in str(refused.value)
    assert "No space" not in str(refused.value)
    assert _managed_files(photos.photos_folder()) == []


def test_photo_path_refuses_names_that_are_not_hashes(store):
    with pytest.raises(ValueError):
        photos.photo_path("../../etc/passwd", "jpg")
    with pytest.raises(ValueError):
        photos.photo_path("a" * 64, "j/pg")


@pytest.fixture
def zh_cn(qapp):
    """The program's Chinese translation installed, as the window installs it."""
    from outreach_desk import i18n

    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")


def _journal(db: Path) -> dict[str, bool]:
    return {suffix: db.with_name(db.name + suffix).exists() for suffix in ("-wal", "-shm")}


def _open_and_close_in_another_process(db: Path) -> None:
    import subprocess
    import sys

    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('select count(*) from sqlite_master').fetchall(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=120)


def test_the_open_database_picked_as_a_photo_is_refused_without_opening_it(store, db_path, activity, zh_cn):
    """Reading the database file with Pillow and closing it would drop this process's SQLite locks, so the next
    program closing the database would delete the journal the store still writes into."""
    assert _journal(db_path) == {"-wal": True, "-shm": True}
    for picked in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        with pytest.raises(photos.PhotoError) as refused:
            photos.store_files([picked])
        assert photos.thumbnail(picked, 64) == b""
        _open_and_close_in_another_process(db_path)
        assert _journal(db_path) == {"-wal": True, "-shm": True}, f"picking {picked.name} dropped the store's locks"
        message = str(refused.value)
        assert picked.name in message and "数据库" in message, message
    assert _managed_files(photos.photos_folder()) == []
