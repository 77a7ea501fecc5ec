"""At shutdown, photo files nothing can bring back are swept; nothing goes while an undo could need it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings

from outreach_desk.services import backup, instance_lock, ledger, photos
from outreach_desk.services.errors import NotFoundError
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.ledger.commands import CreateActivityCommand, DeleteActivityCommand
from outreach_desk.ui.shell.shutdown import end_undo_history, sweep_unused_photos


def _picture(path: Path, colour) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path, "JPEG")
    return path


@pytest.fixture
def pictures(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "微信图片"
    return {name: _picture(folder / f"{name}.jpg", colour)
            for name, colour in (("横幅", (200, 30, 30)), ("宣讲会", (20, 120, 200)), ("展板", (30, 160, 60)))}


@pytest.fixture
def context(township, db_path, tmp_path, qapp):
    return AppContext(db_path, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def writer(db_path):
    """This process holds the writer's lock, as the window does after opening the database for writing."""
    lock = instance_lock.acquire(db_path)
    yield lock
    lock.release()


def _slip(township, day: int) -> ActivityInput:
    return ActivityInput(date=dt.date(2026, 11, day), village_id=township["village1"],
                         kind_id=township["kinds"]["banner"], quantity=1)


def _add(context, township, day: int, picture: Path) -> tuple[CreateActivityCommand, photos.PhotoInfo]:
    command = CreateActivityCommand(context, _slip(township, day), photos.store_files([picture]))
    context.undo_stack.push(command)
    [info] = photos.list_photos(command.activity_id)
    return command, info


def test_a_photo_only_an_undone_add_used_goes_at_shutdown_and_a_used_one_stays(context, township, pictures, writer):
    _kept_command, kept = _add(context, township, 3, pictures["横幅"])
    undone_command, undone = _add(context, township, 4, pictures["宣讲会"])
    context.undo_stack.undo()
    with pytest.raises(NotFoundError):
        ledger.get(undone_command.activity_id)
    assert undone.path.exists()  # the redo step could still bring it back

    assert sweep_unused_photos(context) == 0  # the stack holds steps: nothing is touched
    assert undone.path.exists()

    assert end_undo_history(context) == 1
    assert context.undo_stack.count() == 0
    assert not undone.path.exists()
    assert kept.path.exists() and photos.list_photos(_kept_command.activity_id) == [kept]


def test_nothing_goes_while_the_undo_stack_could_bring_a_deleted_record_back(context, township, pictures, writer):
    command, info = _add(context, township, 5, pictures["展板"])
    context.undo_stack.push(DeleteActivityCommand(context, command.activity_id))
    assert sweep_unused_photos(context) == 0
    assert info.path.exists()
    context.undo_stack.undo()  # the delete is taken back: the record comes back with its picture
    assert photos.list_photos(command.activity_id) == [info]
    with Image.open(info.path) as image:
        assert image.size == (40, 30)
    assert end_undo_history(context) == 0 and info.path.exists()


def test_a_window_without_the_writers_lock_leaves_the_files_alone(context, township, pictures):
    command, info = _add(context, township, 6, pictures["横幅"])
    context.undo_stack.undo()
    assert not instance_lock.held_here(context.database_path)
    assert end_undo_history(context) == 0  # a read-only window: the other window's undo may need the file
    assert info.path.exists()


def test_a_photo_a_backup_still_names_stays(context, township, pictures, writer, db_path):
    command, info = _add(context, township, 7, pictures["宣讲会"])
    made = backup.make_backup(db_path)
    context.undo_stack.undo()
    assert end_undo_history(context) == 0
    assert info.path.exists()  # restoring that backup brings the record back with its photo row
    made.path.unlink()
    assert sweep_unused_photos(context) == 1 and not info.path.exists()


def test_a_failing_sweep_does_not_stop_the_shutdown(context, township, pictures, writer, monkeypatch):
    def broken():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(photos, "sweep_orphans", broken)
    _add(context, township, 8, pictures["横幅"])
    assert end_undo_history(context) == 0
