"""The window on a county server (a real PostgreSQL): File › Connect to server…, the password asked and
never stored, recent servers remembered without it, and a lost connection that keeps the typed slip."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox
from server_fixtures import PASSWORD, postgres_bin
from test_entry_form import commit_text
from waits import wait_until

from outreach_desk.services import organisation
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store import close_database, open_database
from outreach_desk.store import server as store_server
from outreach_desk.ui.shell import store_session
from outreach_desk.ui.shell.connect_dialog import ConnectDialog, recent_servers
from outreach_desk.ui.shell.store_session import StoreSession


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def bare_url(server_url) -> str:
    """The test database's URL without its password, as a clerk types it (libpq finds no ~/.pgpass here)."""
    return store_server.without_password(server_url)


@pytest.fixture
def no_pgpass(tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)


@pytest.fixture
def seeded(server_url):
    open_database(server_url)
    township = organisation.add_township("平安镇", "平安镇综治办")
    village = organisation.add_village(township, "太平村", "village")
    kinds = {k.code: k.id for k in organisation.list_kinds()}
    close_database()
    return {"township": township, "village": village, "kinds": kinds}


def _stored_settings(settings: QSettings) -> str:
    """Everything the session's and the window's settings wrote (conftest keeps them under the test's folder)."""
    settings.sync()
    QSettings().sync()
    files = [p for p in Path(settings.fileName()).parent.rglob("*") if p.is_file()]
    assert files
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


@pytest.fixture
def session(qapp, bare_url, settings, no_pgpass):
    made = []

    def make() -> StoreSession:
        made.append(StoreSession(bare_url, "en", settings=settings))
        return made[-1]

    yield make
    for each in made:
        if each.window is not None:
            each.window.close_guard = None
            each.window.close()
        each.close(backup_on_exit=False)


def test_the_window_asks_the_password_again_after_a_wrong_one_and_never_stores_it(
        session, seeded, settings, monkeypatch, qtbot, bare_url, tmp_path):
    asked = []
    answers = iter([("wrong-pw", True), (PASSWORD, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(args[2]) or next(answers))
    opened = session()
    assert opened.open()
    window = opened.make_window()
    qtbot.addWidget(window)
    window.show()
    assert len(asked) == 2
    assert "wrong" not in asked[0] and store_server.describe(bare_url) in asked[0]
    assert "refused the user name or password" in asked[1]
    assert window.windowTitle() == store_server.describe(bare_url)
    assert organisation.get_village(seeded["village"]).name == "太平村"
    actions = window.backup_actions
    assert actions.backup_action.isEnabled() and actions.restore_action.isEnabled()  # a server backup, into a server
    assert actions.check_action.isEnabled()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    window.backup_actions.check_database()
    wait_until(qtbot, lambda: shown, "the server check's verdict")
    assert "no problems found" in shown[0] and store_server.describe(bare_url) in shown[0]
    monkeypatch.setenv("PATH", f"{postgres_bin()}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    actions.back_up_now(tmp_path / "服务器备份")  # pg_dump gets the typed password, kept in memory only
    wait_until(qtbot, lambda: len(shown) == 2, "the server backup's message")
    assert "pg_dump" in shown[1] and [p.suffix for p in (tmp_path / "服务器备份").iterdir()] == [".dump"]
    opened.close(backup_on_exit=False)
    assert PASSWORD not in _stored_settings(settings) and "wrong-pw" not in _stored_settings(settings)


def test_a_cancelled_password_opens_nothing(session, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", False))
    assert not session().open()


def test_the_password_handed_over_by_the_connecting_window_is_taken_from_the_environment(
        session, monkeypatch, seeded):
    monkeypatch.setenv(store_session.PASSWORD_HANDOVER, PASSWORD)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: pytest.fail("asked for the password"))
    opened = session()
    assert opened.open()
    import os

    assert store_session.PASSWORD_HANDOVER not in os.environ
    assert organisation.get_village(seeded["village"]).name == "太平村"


def test_the_connect_dialog_says_why_it_cannot_connect_then_connects_and_remembers_the_server(
        qtbot, settings, server_url, bare_url, no_pgpass):
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    host, port, name, user = store_server.address_parts(bare_url)
    qtbot.keyClicks(dialog.host, host)
    dialog.port.setValue(port)
    qtbot.keyClicks(dialog.database, name)
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password_edit, "wrong-pw")
    dialog.connect_button.click()
    wait_until(qtbot, lambda: dialog.problem.isVisible(), "the refusal shown in the dialog")
    assert "refused the user name or password" in dialog.problem.text()
    assert dialog.isVisible() and dialog.host.text() == host
    dialog.password_edit.clear()
    commit_text(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        dialog.connect_button.click()
    assert dialog.url == bare_url and dialog.password == PASSWORD
    assert recent_servers(settings) == [bare_url]
    assert PASSWORD not in _stored_settings(settings)
    again = ConnectDialog(settings)
    qtbot.addWidget(again)
    assert again.host.text() == host and again.database.text() == name and again.password_edit.text() == ""


def test_a_lost_connection_keeps_the_typed_slip_and_the_next_save_stores_it(
        session, seeded, monkeypatch, qtbot, postgres_server, bare_url):
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (PASSWORD, True))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    opened = session()
    assert opened.open()
    window = opened.make_window()
    qtbot.addWidget(window)
    window.show()
    form = window.page("ledger").form
    form._fill(ActivityInput(date=dt.date(2026, 11, 20), village_id=seeded["village"],
                             kind_id=seeded["kinds"]["banner"]))
    form.place_edit.setFocus()
    commit_text(form.place_edit, "村委会门前")
    name = bare_url.rsplit("/", 1)[1]
    with postgres_server.admin() as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
    with qtbot.waitSignal(form.save_finished, timeout=60_000):
        form.save()
    assert warnings and store_server.describe(bare_url) in warnings[-1], warnings
    assert form.place_edit.text() == "村委会门前" and form.village_combo.value()[0] == seeded["village"]
    with postgres_server.admin() as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    with qtbot.waitSignal(form.save_finished, timeout=60_000):
        form.save()
    from outreach_desk.store.models import Activity

    assert [a.place_note for a in Activity.select()] == ["村委会门前"]


@pytest.fixture
def in_chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_a_server_killed_while_a_clerk_types_fails_the_save_in_chinese_keeps_the_slip_and_saves_once_back(
        session, seeded, monkeypatch, qtbot, postgres_server, bare_url, in_chinese):
    """pg_ctl stop -m immediate (every server process killed, as in a crash), then start: the save in between fails
    in one Chinese sentence naming the server, the form keeps the slip, and the same save goes through once the
    server is back (the next transaction connects again)."""
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (PASSWORD, True))
    warnings = []
    phase = ["typing"]
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append((phase[0], text)))
    opened = session()
    assert opened.open()
    window = opened.make_window()
    qtbot.addWidget(window)
    window.show()
    form = window.page("ledger").form
    form._fill(ActivityInput(date=dt.date(2026, 11, 21), village_id=seeded["village"],
                             kind_id=seeded["kinds"]["banner"], people=35))
    form.place_edit.setFocus()
    commit_text(form.place_edit, "文化广场")
    postgres_server.stop("immediate")
    phase[0] = "down"
    try:
        with qtbot.waitSignal(form.save_finished, timeout=120_000):
            form.save()
    finally:
        postgres_server.start()
    phase[0] = "back"
    assert warnings, "the failed save said nothing"
    said = warnings[-1][1]
    assert store_server.describe(bare_url) in said and "服务器" in said and "Traceback" not in said, (said, warnings)
    assert form.place_edit.text() == "文化广场" and form.people_edit.text() == "35"
    assert form.village_combo.value()[0] == seeded["village"]
    with qtbot.waitSignal(form.save_finished, timeout=120_000):
        form.save()
    from outreach_desk.store.models import Activity

    assert [(a.place_note, a.people) for a in Activity.select()] == [("文化广场", 35)], warnings
    assert {when for when, _text in warnings} == {"down"}  # nothing more to say once the server was back
    assert form.place_edit.text() == ""  # saved: the form went on to the next slip
