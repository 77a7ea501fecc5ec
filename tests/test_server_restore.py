"""Restoring a county server's backup from the window's service (a real PostgreSQL): a pg_dump archive through
pg_restore in one transaction, or a database-file backup through copy; a target holding records is asked about
first and replaced only when confirmed; a cancelled restore leaves the target as it was; and the window's copy."""

from __future__ import annotations

import os

import pytest

from outreach_desk.services import database_copy, server_backup, server_restore
from outreach_desk.services.server_restore import TargetHoldsRecords
from outreach_desk.ui.shell.tasks import Cancelled
from test_server_copy import rows_of, township_file  # noqa: F401 (a fixture)


@pytest.fixture
def with_tools(postgres_server, monkeypatch):
    monkeypatch.setenv("PATH", f"{postgres_server.bin}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.fixture
def backed_up(township_file, server_url, tmp_path, with_tools, qapp):
    """A server database made from a township's file, and its pg_dump archive."""
    database_copy.copy_database(str(township_file), server_url)
    return server_backup.back_up_server(server_url, tmp_path / "备份").path


@pytest.fixture
def other_database(postgres_server):
    made = []

    def make(template: str | None = "outreach_template") -> str:
        made.append(postgres_server.create_database(template=template))
        return postgres_server.url(made[-1])

    yield make
    for name in made:
        postgres_server.drop_database(name)


def test_an_archive_goes_into_an_empty_server_database_whole(backed_up, township_file, other_database):
    assert backed_up.suffix == ".dump"
    for target in (other_database("template0"), other_database()):  # no tables at all; a new server-init
        restored = server_restore.restore_backup(backed_up, target)
        assert restored.method == "pg_restore" and restored.activities > 0
        assert rows_of(target) == rows_of(township_file)


def test_a_target_with_records_is_asked_about_then_replaced_when_confirmed(backed_up, township_file, other_database,
                                                                          tmp_path):
    target = other_database()
    database_copy.copy_database(str(township_file), target)
    database_copy.copy_database(target, str(tmp_path / "副本.db"))
    with pytest.raises(TargetHoldsRecords) as asked:
        server_restore.restore_backup(tmp_path / "副本.db", target)
    assert asked.value.townships == 1 and "replaced" in str(asked.value)
    for backup in (backed_up, tmp_path / "副本.db"):
        restored = server_restore.restore_backup(backup, target, replace=True)
        assert rows_of(target) == rows_of(township_file) and restored.activities > 0


def test_a_cancelled_restore_leaves_the_target_as_it_was(backed_up, other_database):
    target = other_database("template0")

    def cancel(*_args):
        raise Cancelled()

    with pytest.raises(Cancelled):
        server_restore.restore_backup(backed_up, target, cancel)
    assert database_copy.records_held(target) == (0, 0)
    import psycopg

    with psycopg.connect(target) as pg:
        assert pg.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


def test_something_that_is_no_backup_is_refused_in_one_sentence(tmp_path, server_url):
    odd = tmp_path / "月报.xlsx"
    odd.write_bytes(b"PK\x03\x04 not a backup")
    with pytest.raises(server_restore.ServiceError, match="neither a pg_dump archive"):
        server_restore.restore_backup(odd, server_url)


def test_the_windows_copy_asks_before_replacing_a_file_with_records(township_file, server_url, tmp_path):
    database_copy.copy_database(str(township_file), server_url)
    target = tmp_path / "县库副本.db"
    assert server_restore.copy_from_window(server_url, str(target)).counts["activity"] > 0
    with pytest.raises(TargetHoldsRecords):
        server_restore.copy_from_window(server_url, str(target))
    server_restore.copy_from_window(server_url, str(target), replace=True)
    assert rows_of(target) == rows_of(township_file)


def _restore(capsys, target: str, backup, *options: str, lang: str = "en"):
    from test_server_check import _cli

    return _cli(capsys, "--lang", lang, "--db", target, "restore", str(backup), *options)


def test_the_command_line_restores_an_archive_into_a_server_database_asking_before_replacing_records(
        backed_up, township_file, other_database, capsys):
    target = other_database("template0")
    code, out, err = _restore(capsys, target, backed_up)
    assert code == 0, err
    assert "activity records" in out and rows_of(target) == rows_of(township_file)
    code, out, err = _restore(capsys, target, backed_up)
    assert code == 2 and "already holds 1 township(s)" in err and "--yes" in err and "Traceback" not in err
    code, out, err = _restore(capsys, target, backed_up, "--yes")
    assert code == 0, err
    assert rows_of(target) == rows_of(township_file)


def test_the_command_line_refuses_a_server_database_in_use_a_wrong_file_and_a_missing_pg_restore(
        backed_up, other_database, capsys, tmp_path, monkeypatch):
    import psycopg

    target = other_database("template0")
    with psycopg.connect(target, application_name="psql"):  # someone is working on it
        code, _out, err = _restore(capsys, target, backed_up)
    assert code == 2 and "is in use: 1 other connection(s)" in err and "Nothing was changed" in err
    odd = tmp_path / "月报.xlsx"
    odd.write_bytes(b"PK\x03\x04 not a backup")
    code, _out, err = _restore(capsys, target, odd, lang="zh_CN")
    assert code == 2 and "既不是 pg_dump 备份" in err
    monkeypatch.setenv("PATH", str(tmp_path))  # a clerk's PC without PostgreSQL's client programs
    code, _out, err = _restore(capsys, target, backed_up, lang="zh_CN")
    assert code == 2 and "本机没有安装 pg_restore" in err and "Traceback" not in err
    assert database_copy.records_held(target) == (0, 0)


@pytest.fixture
def window_context(server_url, tmp_path, qapp, monkeypatch):
    """The window's context on the server (its URL without the password, which libpq finds in PGPASSWORD)."""
    from PySide6.QtCore import QSettings

    from outreach_desk.store import close_database, open_database
    from outreach_desk.store.server import without_password
    from outreach_desk.ui.shell.context import AppContext
    from server_fixtures import PASSWORD

    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    open_database(server_url)
    context = AppContext(without_password(server_url), "en",
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield context
    context.deleteLater()
    close_database()


def _dialog(qtbot, context, mode):
    from outreach_desk.ui.shell.transfer_dialog import TransferDialog

    dialog = TransferDialog(context, mode)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _run(qtbot, dialog, text: str) -> None:
    from waits import wait_until

    dialog.start_button.click()
    wait_until(qtbot, lambda: dialog.task is None and text in dialog.status.text(), f"the dialog to say {text!r}")


def test_the_restore_dialog_puts_an_archive_into_a_new_database_and_asks_before_replacing_records(
        backed_up, township_file, other_database, window_context, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from outreach_desk.ui.shell.transfer_dialog import RESTORE

    dialog = _dialog(qtbot, window_context, RESTORE)
    assert dialog.target.text().endswith("_restored")  # a new database beside the one in use is proposed
    target = other_database("template0")
    dialog.source.setText(str(backed_up))
    dialog.target.setText(target)
    _run(qtbot, dialog, "activity records")
    assert rows_of(target) == rows_of(township_file) and dialog.result.method == "pg_restore"

    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.append(args[2]) or QMessageBox.StandardButton.No)
    _run(qtbot, dialog, "Nothing was changed")
    assert "already holds 1 township(s)" in answers[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    _run(qtbot, dialog, "activity records")
    assert rows_of(target) == rows_of(township_file)


def test_the_copy_dialog_copies_this_server_into_a_file_and_a_cancel_leaves_no_file(
        township_file, server_url, window_context, qtbot, tmp_path, monkeypatch):
    from outreach_desk.ui.shell.transfer_dialog import COPY

    database_copy.copy_database(str(township_file), server_url)
    dialog = _dialog(qtbot, window_context, COPY)
    assert dialog.source.isReadOnly() and "反诈" not in dialog.source.text()
    target = tmp_path / "县库副本.db"
    dialog.target.setText(str(target))
    import threading

    from outreach_desk.store import copying
    from waits import wait_until

    copy_table, copying_now, release = copying._copy_table, threading.Event(), threading.Event()

    def slow_table(*args):  # the first table waits until the clerk has closed the window
        copying_now.set()
        assert release.wait(60)
        return copy_table(*args)

    monkeypatch.setattr(copying, "_copy_table", slow_table)
    dialog.start_button.click()
    wait_until(qtbot, copying_now.is_set, "the copy to start")
    dialog.reject()  # closing the window while it copies cancels; it does not leave a half-made file
    release.set()
    wait_until(qtbot, lambda: dialog.task is None, "the copy to stop")
    assert "Cancelled" in dialog.status.text() and not target.exists() and dialog.isVisible()
    monkeypatch.setattr(copying, "_copy_table", copy_table)
    _run(qtbot, dialog, "counts of every table were checked")
    assert rows_of(target) == rows_of(township_file)
