"""A county server: connecting to a real PostgreSQL, its failures in Chinese, and server-init's schema."""

from __future__ import annotations

import subprocess
import sys

import pytest
from server_fixtures import PASSWORD
from server_fixtures import server_db_path as db_path  # noqa: F401 (the township fixture is built on the server)

from outreach_desk.store import close_database, migrations, open_database
from outreach_desk.store import server as store_server


@pytest.fixture
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_describe_names_the_server_without_its_password():
    url = "postgresql://clerk:s3cret@10.0.0.5:5433/县反诈"
    assert store_server.describe(url) == "clerk@10.0.0.5:5433/县反诈"
    assert "s3cret" not in store_server.describe(url)
    assert store_server.describe("postgres://db.county/od") == "db.county/od"


def test_open_database_with_a_url_migrates_an_empty_server_database(postgres_server):
    name = postgres_server.create_database(template=None)
    try:
        database = open_database(postgres_server.url(name))
        try:
            assert isinstance(database, store_server.peewee.PostgresqlDatabase)
            assert migrations.current_version(database) == migrations.latest_version()
            kinds = database.execute_sql("SELECT count(*) FROM activity_kind").fetchone()[0]
            assert kinds > 10
        finally:
            close_database()
    finally:
        postgres_server.drop_database(name)


def test_server_init_creates_the_schema_once_then_finds_it_up_to_date(postgres_server):
    name = postgres_server.create_database(template=None)
    url = postgres_server.url(name)
    try:
        assert store_server.initialise(url) == list(range(1, migrations.latest_version() + 1))
        assert store_server.initialise(url) == []
    finally:
        postgres_server.drop_database(name)


def test_server_init_refuses_a_database_of_another_program(postgres_server, chinese):
    name = postgres_server.create_database(template=None)
    url = postgres_server.url(name)
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE TABLE payroll (id integer)")
        with pytest.raises(store_server.NotEmptyError) as caught:
            store_server.initialise(url)
        assert "payroll" in str(caught.value) and "其他" in str(caught.value)
        with psycopg.connect(url) as connection:
            tables = [r[0] for r in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()]
        assert tables == ["payroll"]
    finally:
        postgres_server.drop_database(name)


def test_a_wrong_password_is_one_chinese_sentence(postgres_server, server_url, chinese):
    url = postgres_server.url(server_url.rsplit("/", 1)[1], password="wrong-pw")
    with pytest.raises(store_server.ServerError) as caught:
        open_database(url)
    message = str(caught.value)
    assert "密码" in message and "wrong-pw" not in message
    assert "127.0.0.1" in message


def test_a_server_that_is_not_running_is_one_chinese_sentence(postgres_server, chinese):
    from server_fixtures import _free_port

    url = f"postgresql://outreach:x@127.0.0.1:{_free_port()}/nothing"
    with pytest.raises(store_server.ServerError) as caught:
        open_database(url)
    assert "无法连接" in str(caught.value)


def test_an_unknown_database_is_one_chinese_sentence(postgres_server, chinese):
    with pytest.raises(store_server.ServerError) as caught:
        open_database(postgres_server.url("no_such_database"))
    assert "server-init" in str(caught.value) and "数据库" in str(caught.value)


def test_the_password_may_come_from_pgpass(postgres_server, server_url, tmp_path, monkeypatch):
    name = server_url.rsplit("/", 1)[1]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres_server.port}:{name}:outreach:{PASSWORD}\n",
                      encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    open_database(postgres_server.url(name, password=None))
    close_database()


def test_without_the_driver_the_message_says_how_to_install_it(tmp_path):
    script = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from outreach_desk.store import server\n"
        "try:\n    server.database('postgresql://a@b/c')\n"
        "except server.DriverMissingError as exc:\n    print(exc)\n"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False).stdout
    assert "outreach-desk[server]" in output


def _cli(capsys, *argv):
    from outreach_desk.cli import main

    from PySide6.QtCore import QCoreApplication

    from outreach_desk import i18n

    try:
        code = main(["--lang", "zh_CN", *argv])
    finally:
        i18n.install(QCoreApplication.instance(), "en")  # the tests after these read English
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_server_init_command_then_commands_on_the_server(postgres_server, capsys, qapp):
    name = postgres_server.create_database(template=None)
    url = postgres_server.url(name)
    try:
        code, out, err = _cli(capsys, "server-init", url)
        assert code == 0 and err == ""
        assert f"版本 {migrations.latest_version()}" in out and PASSWORD not in out
        assert "未做任何更改" in _cli(capsys, "server-init", url)[1]
        code, out, _ = _cli(capsys, "--db", url, "campaign", "add", "2026年专项行动", "--from", "2026-01-01",
                            "--to", "2026-12-31")
        assert code == 0
        assert "* 2026年专项行动" in _cli(capsys, "--db", url, "campaign", "list")[1]
        code, out, err = _cli(capsys, "--db", url, "restore", "备份.db")
        assert code == 2 and "备份.db 不存在" in err and PASSWORD not in err   # restore takes a server now
    finally:
        postgres_server.drop_database(name)


def test_server_init_of_a_stopped_server_is_refused_in_one_sentence(capsys, qapp):
    from server_fixtures import _free_port

    code, out, err = _cli(capsys, "server-init", f"postgresql://outreach@127.0.0.1:{_free_port()}/x")
    assert code == 2 and out == ""
    assert "无法连接服务器" in err and "Traceback" not in err


def _cut_off(postgres_server) -> None:
    """The server ends this program's connection, as a restart or a dropped network does."""
    from outreach_desk.store import DB

    pid = DB.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with postgres_server.admin() as connection:
        connection.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_lost_connection_is_made_again_for_the_next_read(postgres_server, township):
    from outreach_desk.services import organisation

    assert organisation.get_village(township["village1"]).name == "太平村"
    _cut_off(postgres_server)
    assert organisation.get_village(township["village1"]).name == "太平村"


def test_a_connection_lost_before_reads_sent_together_is_made_again(postgres_server, township):
    from outreach_desk.store import DB
    from outreach_desk.store.batch import rows_of_each

    statements = [("SELECT name FROM village ORDER BY id", []), ("SELECT name FROM township", [])]
    assert rows_of_each(statements) == [[("太平村",), ("幸福社区",)], [("平安镇",)]]
    _cut_off(postgres_server)
    assert rows_of_each(statements) == [[("太平村",), ("幸福社区",)], [("平安镇",)]]
    assert DB.execute_sql("SELECT 1").fetchone()[0] == 1


def test_a_connection_lost_inside_a_write_fails_it_whole_in_one_sentence(postgres_server, township, chinese):
    import peewee

    from outreach_desk.services import organisation
    from outreach_desk.store import DB

    with pytest.raises(peewee.DatabaseError) as caught, DB.atomic():
        organisation.add_village(township["township"], "新村")
        _cut_off(postgres_server)
        organisation.add_village(township["township"], "另一个新村")
    assert "连接已断开" in store_server.explain(caught.value, "县服务器")
    from outreach_desk.store.models import Village

    assert sorted(v.name for v in Village.select()) == sorted(["太平村", "幸福社区"])


def test_the_demo_township_on_the_server_then_its_coverage(server_url, capsys, qapp):
    import json

    code, out, err = _cli(capsys, "--db", server_url, "demo", "--scale", "township")
    assert code == 0, err
    assert "6000" in out and store_server.describe(server_url) in out and PASSWORD not in out
    code, out, err = _cli(capsys, "--db", server_url, "coverage", "--month", "2026-10", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["villages"]) == 25 and data["townships"][0]["rules"]
