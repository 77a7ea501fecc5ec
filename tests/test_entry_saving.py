"""Saving from the entry form: the slow half runs in a worker, and a save that fails anywhere (copying a
photo, inserting the record) or is cancelled leaves nothing behind and keeps everything the clerk typed."""

from __future__ import annotations

import datetime as dt
import errno
import os
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from outreach_desk.services import photos
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store import DB
from outreach_desk.store.models import Activity, AuditLog, Photo
from test_entry_form import commit_text, context, form, settings_file  # noqa: F401 - fixtures


@pytest.fixture
def pictures(tmp_path):
    folder = tmp_path / "村里发来的照片"
    folder.mkdir()
    paths = []
    for name, colour in (("横幅.jpg", (200, 30, 30)), ("宣讲会.jpg", (20, 120, 200))):
        Image.new("RGB", (120, 90), colour).save(folder / name, "JPEG")
        paths.append(folder / name)
    return paths


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def type_slip(qtbot, form, township, pictures) -> None:
    """A slip typed as a clerk does: a quantity, a place and notes in Chinese, two photos picked."""
    form._fill(ActivityInput(date=dt.date(2026, 11, 20), village_id=township["village1"],
                             kind_id=township["kinds"]["banner"], site_id=township["factory"]))
    form.quantity_edit.clear()
    qtbot.keyClicks(form.quantity_edit, "3")
    form.place_edit.setFocus()
    commit_text(form.place_edit, "纺织厂大门")
    form.notes_edit.setFocus()
    commit_text(form.notes_edit, "两条横幅")
    form.add_photo_files(pictures)
    assert form.photo_strip.count() == 2


def press_enter(qtbot, form) -> None:
    with qtbot.waitSignal(form.save_finished, timeout=60_000):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)


def managed_files() -> list:
    folder = photos.photos_folder()
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def assert_slip_kept(form) -> None:
    assert form.quantity_edit.text() == "3"
    assert form.place_edit.text() == "纺织厂大门"
    assert form.notes_edit.toPlainText() == "两条横幅"
    assert form.photo_strip.count() == 2 and len(form.photo_strip.pending_paths()) == 2


def assert_nothing_written(context, entries_before: int) -> None:
    assert Activity.select().count() == 0 and Photo.select().count() == 0
    assert AuditLog.select().count() == entries_before
    assert managed_files() == []
    assert context.undo_stack.count() == 0


def test_the_form_answers_while_photos_are_copied(form, township, pictures, qtbot, context, monkeypatch):
    real_store = photos.store_files
    release, started, calls = threading.Event(), threading.Event(), []

    def held_store(paths, progress=None):
        calls.append(threading.current_thread() is threading.main_thread())
        started.set()
        assert release.wait(60), "the test never released the copy"
        return real_store(paths, progress)

    monkeypatch.setattr(photos, "store_files", held_store)
    type_slip(qtbot, form, township, pictures)
    with qtbot.waitSignal(form.save_finished, timeout=60_000):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(started.is_set, timeout=60_000)
        ticks = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: ticks == [1], timeout=60_000)  # the GUI thread runs events meanwhile
        assert form.saving and Activity.select().count() == 0
        commit_text(QApplication.focusWidget(), "格林小学")  # the clerk goes straight on with the next slip
        release.set()
    assert calls == [False]
    [record] = Activity.select()
    assert (record.quantity, record.place_note, record.notes) == (3, "纺织厂大门", "两条横幅")
    assert [p.original_name for p in photos.list_photos(record.id)] == ["横幅.jpg", "宣讲会.jpg"]
    assert context.undo_stack.count() == 1 and not form.saving
    # what was typed meanwhile went into the next slip's first field, not into the slip being saved
    assert form.site_combo.hasFocus() and form.site_combo.currentText() == "格林小学"
    assert form.place_edit.text() == "" and form.notes_edit.toPlainText() == ""


def test_a_failed_photo_copy_keeps_the_slip_and_leaves_nothing(form, township, pictures, qtbot, context,
                                                                monkeypatch):
    real_replace, calls = os.replace, []

    def replace_then_fill_the_disk(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(photos.os, "replace", replace_then_fill_the_disk)
    entries = AuditLog.select().count()
    type_slip(qtbot, form, township, pictures)
    press_enter(qtbot, form)
    assert len(calls) == 2
    assert "宣讲会.jpg" in form.error_text("photos")
    assert "No space" not in form.error_text("photos")
    assert_slip_kept(form)
    assert_nothing_written(context, entries)

    monkeypatch.setattr(photos.os, "replace", real_replace)
    press_enter(qtbot, form)  # the disk has room again: the same Enter saves the slip
    assert Activity.select().count() == 1 and len(managed_files()) == 2


def test_a_failed_record_insert_keeps_the_slip_and_leaves_no_file(form, township, pictures, qtbot, context,
                                                                  warnings):
    DB.execute_sql("CREATE TEMP TRIGGER full_disk BEFORE INSERT ON main.activity "
                   "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    entries = AuditLog.select().count()
    type_slip(qtbot, form, township, pictures)
    press_enter(qtbot, form)
    assert len(warnings) == 1
    assert_slip_kept(form)
    assert_nothing_written(context, entries)

    DB.execute_sql("DROP TRIGGER temp.full_disk")
    press_enter(qtbot, form)
    assert Activity.select().count() == 1 and Photo.select().count() == 2


def test_a_cancelled_save_keeps_the_slip_and_leaves_nothing(form, township, pictures, qtbot, context,
                                                            monkeypatch):
    real_store, clicked = photos.store_files, threading.Event()

    def store_from_a_slow_stick(paths, progress=None):
        def crawling(done, total, text=""):
            progress(done, total, text)
            assert clicked.wait(60), "Cancel was never clicked"  # the stick is slow: Cancel comes mid-copy
        return real_store(paths, crawling)

    monkeypatch.setattr(photos, "store_files", store_from_a_slow_stick)
    entries = AuditLog.select().count()
    type_slip(qtbot, form, township, pictures)

    def progress_dialog():
        shown = [d for d in QApplication.topLevelWidgets() if isinstance(d, QProgressDialog) and d.isVisible()]
        return shown[0] if shown else None

    with qtbot.waitSignal(form.save_finished, timeout=60_000):
        qtbot.keyClick(form.quantity_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: progress_dialog() is not None, timeout=60_000)
        qtbot.mouseClick(progress_dialog().findChild(QPushButton), Qt.MouseButton.LeftButton)
        clicked.set()
    assert form.info_label.isVisible() and form.info_label.text()
    assert_slip_kept(form)
    assert_nothing_written(context, entries)
    assert not list(photos.photos_folder().glob(".incoming-*"))
