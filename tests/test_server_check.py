"""``outreach-desk check`` on a county server (a real PostgreSQL): the tallies against the records and the
references in force, told in the same sentences as for a file; a tampered tally or an unenforced reference
is found."""

from __future__ import annotations

import psycopg
import pytest

from outreach_desk.services.coverage import tally


def _cli(capsys, *argv):
    from PySide6.QtCore import QCoreApplication

    from outreach_desk import i18n
    from outreach_desk.cli import main

    try:
        code = main(["--lang", "en", *argv])
    finally:
        i18n.install(QCoreApplication.instance(), "en")
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo_server(server_url, capsys, qapp):
    code, _out, err = _cli(capsys, "--db", server_url, "demo", "--scale", "township")
    assert code == 0, err
    return server_url


def test_check_on_a_server_finds_no_problem_then_a_tampered_tally(demo_server, capsys):
    code, out, err = _cli(capsys, "--db", demo_server, "check")
    assert code == 0, err
    assert "no problems found" in out and "反诈" not in out
    table = tally.LEVELS["village"][0]
    with psycopg.connect(demo_server, autocommit=True) as connection:
        connection.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        connection.execute(f"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} LIMIT 2)")
    code, out, err = _cli(capsys, "--db", demo_server, "check")
    assert code == 1
    assert "monthly tallies" in err and "2 place(s)" in err


def test_check_on_a_server_names_a_reference_that_is_not_enforced(demo_server, capsys):
    with psycopg.connect(demo_server, autocommit=True) as connection:
        table, name, definition = connection.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = 'activity'::regclass LIMIT 1").fetchone()
        connection.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        connection.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition} NOT VALID')
    code, out, err = _cli(capsys, "--db", demo_server, "check")
    assert code == 1
    assert name in err and "not enforced" in err


def test_repairing_indexes_on_a_server_is_refused_in_one_sentence(demo_server, capsys):
    code, _out, err = _cli(capsys, "--db", demo_server, "check", "--repair-indexes")
    assert code == 2 and "Nothing was changed" in err and "Traceback" not in err


@pytest.fixture
def made_database(postgres_server):
    """A new database of the test's own made with CREATE DATABASE's options (``LC_CTYPE`` …) from template0."""
    made = []

    def make(options: str) -> str:
        made.append(f"ctype_{len(made)}_{postgres_server.port}")
        with postgres_server.admin() as connection:
            connection.execute(f"CREATE DATABASE {made[-1]} TEMPLATE template0 ENCODING 'UTF8' {options}")
        return postgres_server.url(made[-1])

    yield make
    for name in made:
        postgres_server.drop_database(name)


def test_server_init_and_check_warn_of_a_ctype_under_which_pg_trgm_sees_no_chinese(made_database, capsys, qapp):
    url = made_database("LC_CTYPE 'C' LC_COLLATE 'C'")
    code, out, err = _cli(capsys, "server-init", url)
    assert code == 0 and "now has the Outreach Desk schema" in out
    assert "(LC_CTYPE) C," in err and "--lc-ctype=C.UTF-8" in err and "outreach-desk copy" in err
    code, out, err = _cli(capsys, "--db", url, "check")
    assert code == 0 and "no problems found" in out and "(LC_CTYPE) C," in out


def test_a_ctype_that_knows_chinese_gets_no_warning(made_database, postgres_server):
    from outreach_desk.store import server

    blind = made_database("LC_CTYPE 'POSIX' LC_COLLATE 'C'")  # PostgreSQL names it C
    knowing = made_database("LC_CTYPE 'C.UTF-8' LC_COLLATE 'C'")
    found = {}
    for url in (blind, knowing):
        database = server.connect(url)
        try:
            assert server.chinese_blind_ctype(database) is None  # no pg_trgm: no trigram index to be blind
            database.execute_sql("CREATE EXTENSION pg_trgm")
            found[url] = server.chinese_blind_ctype(database)
        finally:
            database.close()
    assert found == {blind: "C", knowing: None}
