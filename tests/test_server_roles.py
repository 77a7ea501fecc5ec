"""Row-level security on the PostgreSQL fixture, set up by ``outreach-desk server-roles``: a township's login
writes only its own township's records (by the program or by plain SQL), the county's login writes all."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QLabel
from server_fixtures import PASSWORD

from outreach_desk.cli import main
from outreach_desk.services import ledger
from outreach_desk.services import organisation as org
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import DB, close_database, open_database, row_security

_logins = itertools.count(1)


@pytest.fixture
def county(server_url, qapp):
    """Two townships with a village and a record each, made by the tables' owner; the URL for another login."""
    open_database(server_url)
    kinds = {k.code: k.id for k in org.list_kinds()}
    places = {}
    for name, village in (("平安镇", "太平村"), ("城关镇", "东关村")):
        township = org.add_township(name, name + "综治办")
        village_id = org.add_village(township, village, "village")
        record = ledger.create(ledger.ActivityInput(dt.date(2026, 11, 3), village_id, kinds["banner"], people=10))
        places[name] = {"township": township, "village": village_id, "record": record}
    close_database()
    parts = urlsplit(server_url)

    def url_of(user: str) -> str:
        return f"postgresql://{user}:{PASSWORD}@{parts.hostname}:{parts.port}{parts.path}"

    return {"url": server_url, "places": places, "kind": kinds["banner"], "url_of": url_of}


def _login(county, monkeypatch, *options: str) -> str:
    user = f"clerk_{urlsplit(county['url']).path.strip('/')}_{next(_logins)}"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["server-roles", county["url"], *options, "--user", user, "--password"]) == 0
    return user


def _connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def test_a_township_login_writes_its_own_township_and_no_other(county, monkeypatch, capsys):
    user = _login(county, monkeypatch, "--township", "平安镇")
    assert "平安镇" in capsys.readouterr().out
    own, other = county["places"]["平安镇"], county["places"]["城关镇"]
    with _connect(county["url_of"](user)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM activity").fetchone()[0] == 2  # reads every township
        insert = ("INSERT INTO activity (uuid, date, village_id, kind_id, quantity, people, audiences, topics, "
                  "place_note, notes, created_at, updated_at) VALUES (%s, '2026-11-04', %s, %s, 1, 5, 0, 0, '', '', "
                  "now(), now())")
        connection.execute(insert, ("own-1", own["village"], county["kind"]))
        import psycopg

        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(insert, ("other-1", other["village"], county["kind"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("UPDATE activity SET village_id = %s WHERE id = %s", (other["village"], own["record"]))
        assert connection.execute("UPDATE activity SET people = 99 WHERE id = %s", (other["record"],)).rowcount == 0
        assert connection.execute("DELETE FROM activity WHERE id = %s", (other["record"],)).rowcount == 0
        assert connection.execute("UPDATE township SET office_name = 'x' WHERE id = %s",
                                  (other["township"],)).rowcount == 0
        assert connection.execute("UPDATE activity SET people = 11 WHERE id = %s", (own["record"],)).rowcount == 1

    open_database(county["url_of"](user))  # the program on that login: its own record saves, the other's is refused
    try:
        mine = ledger.get(own["record"])
        ledger.update(own["record"], ledger.copy_input(mine.as_input(), people=12), expected_version=mine.version)
        theirs = ledger.get(other["record"])
        with pytest.raises(ServiceError, match="own township"):
            ledger.update(other["record"], ledger.copy_input(theirs.as_input(), people=13),
                          expected_version=theirs.version)
        with pytest.raises(Exception) as refused:
            ledger.create(ledger.copy_input(theirs.as_input(), people=14))
        from outreach_desk.services import disk_failures

        assert "own township" in disk_failures.explain(refused.value)
    finally:
        close_database()
    open_database(county["url"])
    assert [ledger.get(p["record"]).people for p in county["places"].values()] == [12, 10]
    close_database()


def test_a_county_login_writes_every_township(county, monkeypatch):
    user = _login(county, monkeypatch, "--county")
    with _connect(county["url_of"](user)) as connection:
        for place in county["places"].values():
            assert connection.execute("UPDATE activity SET people = 50 WHERE id = %s",
                                      (place["record"],)).rowcount == 1
        assert connection.execute("SELECT COUNT(*) FROM activity WHERE people = 50").fetchone()[0] == 2


def test_every_table_that_carries_a_township_is_under_row_level_security(county, monkeypatch):
    _login(county, monkeypatch, "--township", "城关镇")
    open_database(county["url"])
    try:
        paths = row_security.township_paths(DB.obj)
        secured = {row[0] for row in DB.execute_sql("SELECT relname FROM pg_class WHERE relrowsecurity")}
    finally:
        close_database()
    assert {"township", "village", "site", "member_unit", "activity", "photo", "survey", "parent_letter",
            "activity_tally_village", "tombstone", "campaign", "target_rule"} <= set(paths) == secured - {"audit_log"}
    assert "audit_log" not in paths and "activity_kind" not in secured  # the trail has policies of its own (0028)


def test_a_township_that_does_not_exist_changes_nothing(county, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["server-roles", county["url"], "--township", "火星镇", "--user", "nobody_x"]) != 0
    assert "火星镇" in capsys.readouterr().err
    open_database(county["url"])
    try:
        assert DB.execute_sql("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'nobody_x'").fetchone()[0] == 0
    finally:
        close_database()


def test_server_init_after_an_upgrade_puts_the_new_tables_under_row_level_security(county, monkeypatch):
    from outreach_desk.store import server

    _login(county, monkeypatch, "--township", "平安镇")
    open_database(county["url"])
    try:  # a table of village records, as the next migration (stood in for below) would make
        DB.execute_sql("CREATE TABLE village_note (id SERIAL PRIMARY KEY, village_id INTEGER REFERENCES village (id))")
    finally:
        close_database()
    monkeypatch.setattr("outreach_desk.store.migrations.upgrade", lambda database: [99])
    assert server.initialise(county["url"]) == [99]
    open_database(county["url"])
    try:
        secured = {row[0] for row in DB.execute_sql("SELECT relname FROM pg_class WHERE relrowsecurity")}
    finally:
        close_database()
    assert "village_note" in secured


def test_the_activity_kinds_are_the_county_logins_to_change(county, monkeypatch):
    from outreach_desk.services import disk_failures

    township_login = _login(county, monkeypatch, "--township", "平安镇")
    county_login = _login(county, monkeypatch, "--county")
    import psycopg

    with _connect(county["url_of"](township_login)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM activity_kind").fetchone()[0] > 0  # reads them
        for statement in ("UPDATE activity_kind SET active = false",
                          "INSERT INTO activity_kind (code, name_zh) VALUES ('x', '自创类型')",
                          "DELETE FROM activity_kind"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                connection.execute(statement)
    open_database(county["url_of"](township_login))
    try:
        with pytest.raises(Exception) as refused:
            org.add_kind("乡镇自加类型")
        assert "only the county's logins may change the activity kinds" in disk_failures.explain(refused.value)
        assert "乡镇自加类型" not in {k.name_zh for k in org.list_kinds()}
    finally:
        close_database()
    open_database(county["url_of"](county_login))
    try:
        kind_id = org.add_kind("县里新增类型")
        org.set_kind_active(kind_id, False)
        assert [k.active for k in org.list_kinds() if k.id == kind_id] == [False]
    finally:
        close_database()


def test_on_a_server_the_login_signs_the_audit_trail_whatever_name_was_typed(county, monkeypatch):
    from outreach_desk.services import audit, clerk

    user = _login(county, monkeypatch, "--township", "平安镇")
    own = county["places"]["平安镇"]
    clerk.set_name("张三")
    open_database(county["url_of"](user))
    try:
        mine = ledger.get(own["record"])
        ledger.update(own["record"], ledger.copy_input(mine.as_input(), people=21), expected_version=mine.version)
        assert audit.history("activity", own["record"])[-1].actor == user == audit.actor()
    finally:
        clerk.set_name("")
        close_database()
    with _connect(county["url_of"](user)) as connection:  # psql cannot sign as someone else either
        connection.execute("INSERT INTO audit_log (at, actor, os_user, action, record_type, summary) "
                           "VALUES (now(), '县长', '', 'update', 'activity', '冒名')")
        assert connection.execute("SELECT actor FROM audit_log WHERE summary = '冒名'").fetchone()[0] == user
    open_database(county["url"])  # the owner (who copies a township's file here, history and all) writes names given
    try:
        assert audit.actor() == urlsplit(county["url"]).username
        DB.execute_sql("UPDATE audit_log SET actor = '旧文件中的李会计' WHERE summary = '冒名'")
        assert DB.execute_sql("SELECT actor FROM audit_log WHERE summary = '冒名'").fetchone()[0] == "旧文件中的李会计"
    finally:
        close_database()


def test_the_preferences_on_a_server_name_the_login_instead_of_asking_for_a_name(county, monkeypatch, qtbot):
    from outreach_desk.store.server import without_password
    from outreach_desk.ui.settings.dialog import SettingsDialog
    from outreach_desk.ui.shell.context import AppContext

    user = _login(county, monkeypatch, "--township", "城关镇")
    open_database(county["url_of"](user))
    try:
        context = AppContext(without_password(county["url_of"](user)))
        dialog = SettingsDialog(context)
        qtbot.addWidget(dialog)
        assert not dialog.name_edit.isEnabled()
        assert any(user in label.text() for label in dialog.findChildren(QLabel))
        context.deleteLater()
    finally:
        close_database()


def test_a_township_clerk_adds_to_the_audit_trail_but_cannot_change_or_delete_it(county, monkeypatch):
    """Migration 0028: the rights refuse a clerk's UPDATE and DELETE (in Chinese where the program would say it);
    the policies behind them leave the rows alone even were the rights granted again; the county keeps both."""
    import psycopg

    from outreach_desk.services import audit, disk_failures

    clerk_login = _login(county, monkeypatch, "--township", "平安镇")
    county_login = _login(county, monkeypatch, "--county")
    own = county["places"]["平安镇"]
    open_database(county["url_of"](clerk_login))
    try:
        mine = ledger.get(own["record"])
        ledger.update(own["record"], ledger.copy_input(mine.as_input(), people=22), expected_version=mine.version)
        entries = len(audit.history("activity", own["record"]))
        for statement in ("UPDATE audit_log SET summary = '改过'", "DELETE FROM audit_log"):
            with pytest.raises(Exception) as refused:
                with DB.atomic():
                    DB.execute_sql(statement)
            assert "cannot change or delete its entries" in disk_failures.explain(refused.value)
        assert len(audit.history("activity", own["record"])) == entries
    finally:
        close_database()
    with _connect(county["url"]) as owner:
        owner.execute(f"GRANT UPDATE, DELETE ON audit_log TO {clerk_login}")  # a careless grant by hand
    with _connect(county["url_of"](clerk_login)) as connection:
        assert connection.execute("UPDATE audit_log SET summary = '改过'").rowcount == 0
        assert connection.execute("DELETE FROM audit_log").rowcount == 0
    with _connect(county["url"]) as owner:
        owner.execute(f"REVOKE UPDATE, DELETE ON audit_log FROM {clerk_login}")
    with _connect(county["url_of"](clerk_login)) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for table audit_log"):
            connection.execute("DELETE FROM audit_log")
    with _connect(county["url_of"](county_login)) as connection:
        assert connection.execute("UPDATE audit_log SET os_user = 'county' WHERE record_id = %s",
                                  (own["record"],)).rowcount >= 1
        assert connection.execute("DELETE FROM audit_log WHERE record_id = %s", (own["record"],)).rowcount >= 1
