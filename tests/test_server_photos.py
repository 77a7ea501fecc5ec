"""Photos on a county server (a real PostgreSQL): a picture a clerk attaches goes into the server's photo store
once by SHA-256, so a clerk on another computer sees it; a picture whose record was never written goes again;
`copy` takes the clerk-added pictures into the photo folder of a database file."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import threading
from pathlib import Path

import psycopg
import pytest

from outreach_desk.services import database_copy, ledger, organisation, photos
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store import close_database, open_database
from test_server_copy import _picture, photo_files


@pytest.fixture
def on_server(server_url):
    open_database(server_url)
    town = organisation.add_township("平安镇", "平安镇综治办")
    village = organisation.add_village(town, "太平村", "village")
    yield village
    close_database()


def _slow_network(monkeypatch) -> tuple[list, threading.Event]:
    """The server's photo reads wait until the test sets the event: (the threads they ran on, the event)."""
    from outreach_desk.store import photo_blobs

    fetched_on, release, fetch = [], threading.Event(), photo_blobs.get

    def slow_network(database, sha256):
        fetched_on.append(threading.current_thread())
        assert release.wait(60), "the test never let the fetch go on"
        return fetch(database, sha256)

    monkeypatch.setattr(photo_blobs, "get", slow_network)
    return fetched_on, release


def _blobs(url) -> dict[str, bytes]:
    with psycopg.connect(url) as pg:
        return {sha.strip(): bytes(data) for sha, data in pg.execute("SELECT sha256, data FROM photo_blob")}


def test_a_clerks_photo_is_kept_in_the_server_and_seen_from_another_computer(on_server, server_url, tmp_path):
    picture = _picture(tmp_path / "微信图片" / "横幅.jpg", (200, 30, 30))
    kinds = {k.code: k.id for k in organisation.list_kinds()}
    stored = photos.store_files([picture, picture])  # the same picture twice: stored once
    activity = ledger.create(ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server,
                                           kind_id=kinds["banner"], quantity=1), stored[:1])
    sha = hashlib.sha256(picture.read_bytes()).hexdigest()
    assert _blobs(server_url) == {sha: picture.read_bytes()}

    shutil.rmtree(photos.photos_folder())  # another clerk's computer has never seen it
    (shown,) = photos.list_photos(activity)
    assert shown.path.read_bytes() == picture.read_bytes()

    back = tmp_path / "回来" / "平安镇.db"
    result = database_copy.copy_database(server_url, str(back))
    assert result.photos == 1 and photo_files(back) == {f"{sha}.jpg": picture.read_bytes()}


def test_a_photo_whose_record_was_not_written_leaves_the_server(on_server, server_url, tmp_path):
    stored = photos.store_files([_picture(tmp_path / "宣讲会.jpg", (20, 120, 200))])
    assert stored[0].on_server and len(_blobs(server_url)) == 1
    photos.discard(stored)
    assert _blobs(server_url) == {}
    assert not photos.photo_path(stored[0].sha256, stored[0].ext).exists()


def test_check_counts_the_pictures_no_record_names_and_sweep_keeps_recent_ones_while_clerks_are_on(
        on_server, server_url, tmp_path, capsys, qapp):
    from test_server_check import _cli

    kinds = {k.code: k.id for k in organisation.list_kinds()}
    named, unnamed = photos.store_files([_picture(tmp_path / "横幅.jpg", (200, 30, 30)),
                                         _picture(tmp_path / "宣讲会.jpg", (20, 120, 200))])
    slip = ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"], quantity=1)
    ledger.create(slip, [named])
    ledger.delete(ledger.create(ledger.copy_input(slip, quantity=2), [unnamed]))  # its picture is named by nothing
    close_database()
    code, out, err = _cli(capsys, "--db", server_url, "check")
    assert code == 0, err
    assert "no problems found" in out and "1 picture(s) on the server" in out and "check --sweep" in out

    with psycopg.connect(server_url, application_name="outreach-desk", autocommit=True) as clerk:  # a window
        code, out, err = _cli(capsys, "--db", server_url, "check", "--sweep")  # its undo may bring the record back
        assert code == 0 and "Removed 0 picture(s)" in out and "1 more were kept for now" in out
        assert set(_blobs(server_url)) == {named.sha256, unnamed.sha256}
        clerk.execute("UPDATE photo_blob SET added_at = added_at - interval '2 days', released_at = released_at - "
                      "interval '2 days' WHERE sha256 = %s", (unnamed.sha256,))  # let go of two days ago
        with clerk.transaction():  # meanwhile the clerk saves a picture: stored, its record not yet written
            clerk.execute("INSERT INTO photo_blob (sha256, ext, size, data, added_at) VALUES (%s, 'jpg', 1, 'x', "
                          "LOCALTIMESTAMP(0))", ("f" * 64,))
        code, out, err = _cli(capsys, "--db", server_url, "check", "--sweep")
        assert code == 0 and "Removed 1 picture(s)" in out and "1 more were kept for now" in out
        assert set(_blobs(server_url)) == {named.sha256, "f" * 64}
        clerk.execute("DELETE FROM photo_blob WHERE sha256 = %s", ("f" * 64,))

    code, out, err = _cli(capsys, "--db", server_url, "check", "--sweep")
    assert code == 0, err
    assert "Removed 0 picture(s)" in out and "kept" not in out
    assert set(_blobs(server_url)) == {named.sha256}
    code, out, _err = _cli(capsys, "--db", server_url, "check")
    assert "picture(s) on the server" not in out


def test_a_sweep_waits_for_a_clerk_storing_a_picture_and_then_keeps_it(on_server, server_url, tmp_path, qapp):
    """The sweep's lock: a second connection storing a picture in an open transaction holds the sweep until it
    commits, and the sweep then sees the picture as new and keeps it."""

    from outreach_desk.services import database_check
    from outreach_desk.store import photo_blobs, server

    close_database()
    clerk = server.connect(server_url)
    swept = []
    try:
        with clerk.atomic():
            assert photo_blobs.put(clerk, "e" * 64, "jpg", b"picture") is True
            open_database(server_url, migrate=False)
            sweeping = threading.Thread(target=lambda: swept.append(_sweep_in_thread(server_url)))
            sweeping.start()
            waited = False
            with psycopg.connect(server_url, autocommit=True) as watch:
                for _ in range(1200):  # until the sweep waits on the lock
                    waited = watch.execute("SELECT COUNT(*) > 0 FROM pg_stat_activity WHERE wait_event_type = "
                                           "'Lock' AND datname = current_database()").fetchone()[0]
                    if waited:
                        break
                    threading.Event().wait(0.05)
            assert waited and not swept
        sweeping.join(60)
        assert swept == [(0, 0, 1)] and set(_blobs(server_url)) == {"e" * 64}
        assert photo_blobs.put(clerk, "e" * 64, "jpg", b"picture") is False  # there already: touched, not made
    finally:
        clerk.close()
    assert database_check.SWEEP_GRACE.total_seconds() >= 3600


def _sweep_in_thread(url: str):
    from outreach_desk.services import database_check
    from outreach_desk.store.threads import worker_connection

    with worker_connection():
        return database_check.sweep_server_photos()


def test_sweep_is_refused_on_a_database_file(db_path, capsys, qapp):
    from test_server_check import _cli

    code, _out, err = _cli(capsys, "--db", str(db_path), "check", "--sweep")
    assert code == 2 and "--sweep is for server databases" in err


def test_stored_thumbnails_are_fetched_from_the_server_in_a_worker_while_the_window_stays_usable(
        on_server, server_url, tmp_path, qtbot, monkeypatch):

    from PySide6.QtWidgets import QLineEdit

    from outreach_desk.ui.widgets.photo_strip import PhotoStrip
    from waits import wait_until

    kinds = {k.code: k.id for k in organisation.list_kinds()}
    stored = photos.store_files([_picture(tmp_path / "横幅.jpg", (200, 30, 30))])
    activity = ledger.create(ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"],
                                           quantity=1), stored)
    shutil.rmtree(photos.photos_folder())  # another clerk's computer: the picture is only on the server
    fetched_on, release = _slow_network(monkeypatch)
    strip, typing = PhotoStrip(), QLineEdit()
    for widget in (strip, typing):
        qtbot.addWidget(widget)
        widget.show()
    try:
        strip.set_stored(photos.list_photos(activity))  # returns at once, the plain icon shown
        wait_until(qtbot, lambda: fetched_on, "the fetch to start")
        assert strip.busy and strip.item(0).text() == "横幅.jpg"
        qtbot.keyClicks(typing, "still typing")  # the GUI thread is free while the server is slow
        assert typing.text() == "still typing"
    finally:
        release.set()
    wait_until(qtbot, lambda: not strip.busy, "the thumbnail from the server")
    assert fetched_on[0] is not threading.main_thread()
    assert photos.photo_path(stored[0].sha256, stored[0].ext).read_bytes() == (tmp_path / "横幅.jpg").read_bytes()
    assert not strip.item(0).icon().isNull() and not strip.busy


def test_a_photo_opened_by_double_click_is_fetched_in_a_worker_and_a_lost_connection_is_told(
        on_server, server_url, tmp_path, qtbot, monkeypatch):

    import peewee
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication, QMessageBox

    from outreach_desk.store import photo_blobs
    from outreach_desk.ui.widgets.photo_strip import PhotoStrip
    from waits import wait_until

    kinds = {k.code: k.id for k in organisation.list_kinds()}
    picture = _picture(tmp_path / "横幅.jpg", (200, 30, 30))
    activity = ledger.create(ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"],
                                           quantity=1), photos.store_files([picture]))
    strip = PhotoStrip()
    qtbot.addWidget(strip)
    strip.show()
    strip.set_stored(photos.list_photos(activity))
    wait_until(qtbot, lambda: not strip.busy, "the thumbnails")
    opened, said = [], []
    fetched_on, release = _slow_network(monkeypatch)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: said.append(text))
    shutil.rmtree(photos.photos_folder())  # this computer's copy is gone: only the server has it
    strip.item(0).setSelected(True)
    try:
        strip.itemDoubleClicked.emit(strip.item(0))  # returns at once: the fetch runs in a worker
        wait_until(qtbot, lambda: fetched_on, "the fetch to start")
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor and not opened
    finally:
        release.set()
    wait_until(qtbot, lambda: opened, "the photo to open")
    assert fetched_on[0] is not threading.main_thread() and QApplication.overrideCursor() is None
    assert Path(opened[0]).read_bytes() == picture.read_bytes()

    def lost(_database, _sha256):
        raise peewee.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(photo_blobs, "get", lost)
    shutil.rmtree(photos.photos_folder())
    strip.open_selected()
    wait_until(qtbot, lambda: said, "the sentence for the lost connection")
    assert "connection to the server" in said[0] and len(opened) == 1 and QApplication.overrideCursor() is None


def _swept_while_a_clerk_is_on(server_url, sha: str) -> None:
    """With a clerk's window connected, ``sha``'s picture let go of two days ago (released_at moved back), then
    ``check --sweep``'s service: it removes that picture."""
    from outreach_desk.services import database_check

    with psycopg.connect(server_url, application_name="outreach-desk", autocommit=True) as clerk:
        clerk.execute("UPDATE photo_blob SET added_at = added_at - interval '2 days', released_at = released_at - "
                      "interval '2 days' WHERE sha256 = %s", (sha,))
        assert database_check.sweep_server_photos()[0] == 1
    assert sha not in _blobs(server_url)


def test_an_undo_two_days_after_a_delete_brings_the_record_back_and_names_the_photo_the_sweep_took(
        on_server, server_url, tmp_path, qtbot, qapp, monkeypatch):
    """The photo another record still names comes back with the record; the one swept (no copy on this computer)
    is left off, and the clerk is told which, in Chinese, once for the whole step."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from outreach_desk import i18n
    from outreach_desk.store.server import without_password
    from outreach_desk.ui.ledger.commands import push_delete
    from outreach_desk.ui.shell.context import AppContext
    from waits import wait_until

    kinds = {k.code: k.id for k in organisation.list_kinds()}
    shared, lone = photos.store_files([_picture(tmp_path / "横幅.jpg", (200, 30, 30)),
                                       _picture(tmp_path / "宣讲会.jpg", (20, 120, 200))])
    slip = ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"], quantity=1)
    activity = ledger.create(slip, [shared, lone])
    ledger.create(ledger.copy_input(slip, quantity=2), [shared])
    context = AppContext(without_password(server_url), "zh_CN",
                         settings=QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    i18n.install(qapp, "zh_CN")
    try:
        assert push_delete(context, [activity], "删除") == []
        _swept_while_a_clerk_is_on(server_url, lone.sha256)
        shutil.rmtree(photos.photos_folder())  # this computer kept no copy either
        context.undo_stack.undo()
        wait_until(qtbot, lambda: told, "the clerk to be told of the photo that did not come back")
    finally:
        i18n.install(qapp, "en")
        context.deleteLater()
    assert [p.original_name for p in photos.list_photos(activity)] == ["横幅.jpg"]
    assert ledger.get(activity).quantity == 1
    (text,) = told
    assert "宣讲会.jpg" in text and "横幅.jpg" not in text and "服务器" in text and "，" in text
    assert set(_blobs(server_url)) == {shared.sha256}


def test_an_undo_after_the_sweep_puts_the_picture_back_from_this_computers_copy(on_server, server_url, tmp_path):
    kinds = {k.code: k.id for k in organisation.list_kinds()}
    (lone,) = photos.store_files([_picture(tmp_path / "宣讲会.jpg", (20, 120, 200))])
    slip = ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"], quantity=1)
    record = ledger.delete(ledger.create(slip, [lone]))
    _swept_while_a_clerk_is_on(server_url, lone.sha256)
    ledger.restore(record)
    assert ledger.photos_left_off(record) == []
    assert _blobs(server_url) == {lone.sha256: (tmp_path / "宣讲会.jpg").read_bytes()}
    assert [p.original_name for p in photos.list_photos(record.id)] == ["宣讲会.jpg"]


def test_undoing_an_edit_that_took_a_photo_off_after_the_sweep_leaves_that_photo_off(on_server, server_url, tmp_path):
    kinds = {k.code: k.id for k in organisation.list_kinds()}
    (lone,) = photos.store_files([_picture(tmp_path / "宣讲会.jpg", (20, 120, 200))])
    slip = ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"], quantity=1)
    activity = ledger.create(slip, [lone])
    before = ledger.get(activity)
    ledger.update(activity, ledger.copy_input(slip, quantity=3), remove_photos=[lone.sha256])
    _swept_while_a_clerk_is_on(server_url, lone.sha256)
    shutil.rmtree(photos.photos_folder())
    ledger.reset(before)
    assert ledger.get(activity).quantity == 1 and photos.list_photos(activity) == []
    assert ledger.photos_left_off(before) == ["宣讲会.jpg"]


def test_one_statement_releases_the_pictures_its_rows_let_go_of_and_no_others(on_server, server_url, tmp_path):
    """Migration 0031's statement triggers: a DELETE of many photo rows marks each picture they named; an UPDATE
    marks the pictures named before and by none of its rows after, not the one it names now nor one kept."""
    from outreach_desk.store import DB

    kinds = {k.code: k.id for k in organisation.list_kinds()}
    first, second, third = photos.store_files([_picture(tmp_path / f"{n}.jpg", (n * 60, 30, 30)) for n in (1, 2, 3)])
    slip = ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server, kind_id=kinds["banner"], quantity=1)
    one, two = ledger.create(slip, [first, second]), ledger.create(ledger.copy_input(slip, quantity=2), [third])

    def released() -> set[str]:
        return {row[0].strip() for row in DB.execute_sql("SELECT sha256 FROM photo_blob WHERE released_at IS NOT NULL")}

    with DB.atomic():
        DB.execute_sql("UPDATE photo SET sha256 = %s WHERE sha256 = %s", (third.sha256, first.sha256))
    assert released() == {first.sha256}
    with DB.atomic():
        DB.execute_sql("DELETE FROM photo WHERE activity_id IN (%s, %s)", (one, two))
    assert released() == {first.sha256, second.sha256, third.sha256}
