"""Undo and redo of ledger changes put the database back exactly: same id, uuid, times and photos."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from outreach_desk.services import ledger, photos
from outreach_desk.services import organisation as org
from outreach_desk.services.errors import ValidationError
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store.models import Activity, Photo
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.ledger.commands import CreateActivityCommand, DeleteActivityCommand, UpdateActivityCommand


@pytest.fixture
def context(db_path, tmp_path, qapp):
    return AppContext(db_path, "en", settings=QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def pictures(tmp_path):
    folder = tmp_path / "照片"
    folder.mkdir()
    paths = []
    for i, colour in enumerate([(255, 0, 0), (0, 255, 0), (0, 0, 255)]):
        path = folder / f"现场{i}.jpg"
        Image.new("RGB", (40, 30), colour).save(path, "JPEG")
        paths.append(path)
    return paths


@pytest.fixture
def changes(context):
    seen = []
    context.data_changed.connect(seen.append)
    return seen


def snapshot() -> tuple[list[dict], list[tuple]]:
    """Every activity row as stored, and every photo row without its own id."""
    activities = list(Activity.select().order_by(Activity.id).dicts())
    photo_rows = [(p["activity"], p["sha256"], p["ext"], p["original_name"], p["added_at"])
                  for p in Photo.select().order_by(Photo.activity, Photo.id).dicts()]
    return activities, photo_rows


def slip(township, **changes) -> ActivityInput:
    values = dict(date=dt.date(2026, 11, 18), village_id=township["village2"], site_id=township["block"],
                  kind_id=township["kinds"]["poster"], quantity=6, people=0, member_unit_id=township["unit"],
                  audiences=1 | 16, topics=2, place_note="幸福小区3栋", notes="贴在电梯间")
    values.update(changes)
    return ActivityInput(**values)


def test_create_undo_redo(context, township, pictures, changes):
    empty = snapshot()
    stack = context.undo_stack
    command = CreateActivityCommand(context, slip(township), pictures[:2])
    stack.push(command)
    created = snapshot()
    [row] = created[0]
    assert row["id"] == command.activity_id and len(created[1]) == 2
    assert changes == ["activity"]

    stack.undo()
    assert snapshot() == empty
    assert all(p.exists() for p in (photos.photo_path(r[1], r[2]) for r in created[1]))
    stack.redo()
    assert snapshot() == created
    stack.undo()
    stack.redo()
    assert snapshot() == created
    assert ledger.get(command.activity_id).uuid == row["uuid"]
    assert changes == ["activity"] * 5


def test_update_undo_redo_with_photos_added_and_taken_off(context, township, pictures, changes):
    stack = context.undo_stack
    create = CreateActivityCommand(context, slip(township), pictures[:2])
    stack.push(create)
    activity_id = create.activity_id
    before = snapshot()
    first_sha = photos.list_photos(activity_id)[0].sha256

    new_data = slip(township, quantity=8, site_id=None, member_unit_id=None, notes="", topics=0)
    stack.push(UpdateActivityCommand(context, activity_id, new_data, [pictures[2]], [first_sha]))
    after = snapshot()
    record = ledger.get(activity_id)
    assert record.as_input() == new_data
    assert record.uuid == before[0][0]["uuid"]
    assert first_sha not in {p.sha256 for p in photos.list_photos(activity_id)}
    assert len(photos.list_photos(activity_id)) == 2

    stack.undo()
    assert snapshot() == before  # updated_at too
    stack.redo()
    assert snapshot() == after
    stack.undo()
    stack.undo()
    stack.redo()
    stack.redo()
    assert snapshot() == after
    assert changes.count("activity") == 8


def test_delete_undo_redo(context, township, pictures, changes):
    activity_id = photos.create_record(slip(township), pictures[:1])
    other = photos.create_record(slip(township, date=dt.date(2026, 11, 19)), pictures[:1])
    full = snapshot()
    stack = context.undo_stack
    stack.push(DeleteActivityCommand(context, activity_id))
    assert [a["id"] for a in snapshot()[0]] == [other]
    assert photos.list_photos(other)[0].path.exists()

    stack.undo()
    assert snapshot() == full
    stack.redo()
    assert [a["id"] for a in snapshot()[0]] == [other]
    stack.undo()
    assert snapshot() == full
    assert changes == ["activity"] * 4


def test_a_refused_change_never_reaches_the_stack(context, township, pictures, tmp_path):
    stack = context.undo_stack
    with pytest.raises(ValidationError) as refused:
        CreateActivityCommand(context, slip(township, quantity=0), pictures)
    assert {e.field for e in refused.value.errors} == {"quantity"}
    text_file = tmp_path / "名单.txt"
    text_file.write_text("张三", encoding="utf-8")
    with pytest.raises(photos.PhotoError):
        CreateActivityCommand(context, slip(township), [pictures[0], text_file])
    activity_id = photos.create_record(slip(township))
    kept = snapshot()
    with pytest.raises(ValidationError):
        UpdateActivityCommand(context, activity_id, slip(township, site_id=township["school"]))  # wrong village
    assert stack.count() == 0
    assert snapshot() == kept


def test_an_undo_that_can_no_longer_be_done_is_reported_and_dropped(context, township, monkeypatch, changes):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    stack = context.undo_stack
    command = CreateActivityCommand(context, slip(township))
    stack.push(command)
    org.delete_village(township["village2"], cascade=True)  # the record goes with its village, outside the stack

    stack.undo()
    assert len(warnings) == 1
    assert stack.count() == 0
    assert Activity.select().count() == 0
    assert changes[-1] == "activity"


def test_each_command_describes_itself(context, township):
    stack = context.undo_stack
    stack.push(CreateActivityCommand(context, slip(township)))
    assert "2026-11-18" in stack.undoText()
    stack.push(DeleteActivityCommand(context, stack.command(0).activity_id))
    assert "2026-11-18" in stack.undoText() and stack.undoText() != stack.text(0)
