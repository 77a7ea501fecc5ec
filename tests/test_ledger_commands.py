"""Ledger changes through the undo stack: the first redo (push) writes, undo and redo put the database back
exactly (same id, uuid, times and photos), and a write that fails leaves no record, photo row, file or step."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from outreach_desk.services import ledger, photos
from outreach_desk.services import organisation as org
from outreach_desk.services.errors import NotFoundError, ValidationError
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store import DB
from outreach_desk.store.models import Activity, AuditLog, Photo
from outreach_desk.ui.ledger.commands import CreateActivityCommand, DeleteActivityCommand, UpdateActivityCommand, \
    push_delete
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import push


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
    """Every activity row as stored but its version (which counts undos and redos too), and every photo row
    without its own id."""
    activities = [{k: v for k, v in row.items() if k != "version"}
                  for row in Activity.select().order_by(Activity.id).dicts()]
    photo_rows = [(p["activity"], p["sha256"], p["ext"], p["original_name"], p["added_at"])
                  for p in Photo.select().order_by(Photo.activity, Photo.id).dicts()]
    return activities, photo_rows


def slip(township, **changes) -> ActivityInput:
    values = dict(date=dt.date(2026, 11, 18), village_id=township["village2"], site_id=township["block"],
                  kind_id=township["kinds"]["poster"], quantity=6, people=0, member_unit_id=township["unit"],
                  audiences=1 | 16, topics=2, place_note="幸福小区3栋", notes="贴在电梯间")
    values.update(changes)
    return ActivityInput(**values)


def managed_files() -> list:
    folder = photos.photos_folder()
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def add(context, data, paths=()) -> int:
    """What the entry form does: store the files (in its worker), then push the command that writes."""
    command = CreateActivityCommand(context, data, photos.store_files(paths))
    assert push(context, command) is None
    return command.activity_id


def test_create_undo_redo(context, township, pictures, changes):
    empty = snapshot()
    stack = context.undo_stack
    command = CreateActivityCommand(context, slip(township), photos.store_files(pictures[:2]))
    assert snapshot() == empty  # made, not yet pushed: nothing is written
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
    activity_id = add(context, slip(township), pictures[:2])
    before = snapshot()
    first_sha = photos.list_photos(activity_id)[0].sha256

    new_data = slip(township, quantity=8, site_id=None, member_unit_id=None, notes="", topics=0)
    update = UpdateActivityCommand(context, activity_id, new_data, photos.store_files([pictures[2]]), [first_sha])
    assert snapshot() == before
    stack.push(update)
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
    assert ledger.get(activity_id).version == 6  # the edit, then two undos and two redos: each a save
    assert changes.count("activity") == 8


def test_delete_undo_redo(context, township, pictures, changes):
    activity_id = add(context, slip(township), pictures[:1])
    other = add(context, slip(township, date=dt.date(2026, 11, 19)), pictures[:1])
    stack = context.undo_stack
    stack.clear()
    changes.clear()
    full = snapshot()
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


def test_a_refused_change_never_reaches_the_stack_and_leaves_no_file(context, township, pictures, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    stack = context.undo_stack
    refused = push(context, CreateActivityCommand(context, slip(township, quantity=0), photos.store_files(pictures)))
    assert isinstance(refused, ValidationError) and {e.field for e in refused.errors} == {"quantity"}
    assert stack.count() == 0 and managed_files() == [] and snapshot() == ([], [])
    assert warnings == []  # push hands the refusal to the caller, which shows it under the field

    stack.push(CreateActivityCommand(context, slip(township, village_id=0)))  # pushed directly: a dialog says it
    assert stack.count() == 0 and len(warnings) == 1

    activity_id = add(context, slip(township), pictures[:1])
    stack.clear()
    kept, kept_files = snapshot(), managed_files()
    wrong_village = slip(township, site_id=township["school"])
    refused = push(context, UpdateActivityCommand(context, activity_id, wrong_village,
                                                  photos.store_files(pictures[1:]), []))
    assert isinstance(refused, ValidationError)
    assert stack.count() == 0 and snapshot() == kept and managed_files() == kept_files


def _fail_inserts_into(table: str) -> None:
    """A real SQLite failure in the middle of the write: a trigger that aborts any insert into ``table``."""
    DB.execute_sql(f"CREATE TEMP TRIGGER refuse_{table} BEFORE INSERT ON main.{table} "
                   "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")


@pytest.mark.parametrize("table", ["activity", "photo", "audit_log"])
def test_a_write_failing_half_way_leaves_no_record_no_photo_row_no_file(context, township, pictures, table):
    files = photos.store_files(pictures)
    assert len(managed_files()) == 3
    entries = AuditLog.select().count()
    _fail_inserts_into(table)
    failure = push(context, CreateActivityCommand(context, slip(township), files))
    assert "disk I/O error" in str(failure)
    assert context.undo_stack.count() == 0
    assert snapshot() == ([], [])
    assert AuditLog.select().count() == entries
    assert managed_files() == []


def test_a_failed_edit_keeps_the_files_other_records_use(context, township, pictures):
    activity_id = add(context, slip(township), pictures[:1])
    kept, kept_files = snapshot(), managed_files()
    files = photos.store_files(pictures)  # one already stored and used, two new
    assert [f.created for f in files] == [False, True, True]
    _fail_inserts_into("photo")
    failure = push(context, UpdateActivityCommand(context, activity_id, slip(township, quantity=9), files, []))
    assert failure is not None
    assert snapshot() == kept and managed_files() == kept_files


def test_deleting_a_record_that_is_gone_leaves_no_step(context, township, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    first = add(context, slip(township))
    second = add(context, slip(township, date=dt.date(2026, 11, 19)))
    stack = context.undo_stack
    stack.clear()
    ledger.delete(first)  # gone outside the stack
    assert isinstance(push(context, DeleteActivityCommand(context, first)), NotFoundError)
    assert stack.count() == 0

    failures = push_delete(context, [first, second], "删除 2 条")
    assert [type(f) for f in failures] == [NotFoundError]
    assert stack.count() == 1 and stack.command(0).childCount() == 1
    assert Activity.select().count() == 0
    stack.undo()
    assert [a["id"] for a in snapshot()[0]] == [second]

    stack.clear()
    ledger.delete(second)
    assert len(push_delete(context, [first, second], "删除 2 条")) == 2
    assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo()
    assert warnings == []


def test_an_undo_that_can_no_longer_be_done_is_reported_and_dropped(context, township, monkeypatch, changes):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    stack = context.undo_stack
    add(context, slip(township))
    org.delete_village(township["village2"], cascade=True)  # the record goes with its village, outside the stack

    stack.undo()
    assert len(warnings) == 1
    assert stack.count() == 0
    assert Activity.select().count() == 0
    assert changes[-1] == "activity"


def test_each_command_describes_itself(context, township):
    stack = context.undo_stack
    activity_id = add(context, slip(township))
    assert "2026-11-18" in stack.undoText()
    stack.push(DeleteActivityCommand(context, activity_id))
    assert "2026-11-18" in stack.undoText() and stack.undoText() != stack.text(0)
