"""The backup of a county server (a real PostgreSQL): pg_dump's custom archive when pg_dump is on PATH, with the
password given to the child in PGPASSWORD and never on its command line, which pg_restore brings back whole;
without pg_dump, a copy of every record and photo into a database file."""

from __future__ import annotations

import os
import subprocess

import psycopg

from outreach_desk.services import database_copy
from test_server_copy import _cli, photo_files, rows_of, township_file  # noqa: F401 (a fixture)


def test_a_server_is_backed_up_by_pg_dump_and_pg_restore_brings_it_back(township_file, server_url, postgres_server,
                                                                        tmp_path, capsys, qapp, monkeypatch):
    database_copy.copy_database(str(township_file), server_url)
    monkeypatch.setenv("PATH", f"{postgres_server.bin}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    started, real_run = [], subprocess.run

    def run(argv, **kwargs):
        started.append((argv, kwargs.get("env", {}).get("PGPASSWORD")))
        return real_run(argv, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    code, out, err = _cli(capsys, "--lang", "en", "--db", server_url, "backup", str(tmp_path / "备份"))
    monkeypatch.setattr(subprocess, "run", real_run)
    assert code == 0, err
    assert "pg_dump" in out
    (dump,) = (tmp_path / "备份").iterdir()
    assert dump.suffix == ".dump" and dump.read_bytes().startswith(b"PGDMP")
    assert [argv[0].rsplit("/", 1)[-1] for argv, _pw in started] == ["pg_dump", "pg_restore"]
    assert all("反诈-test-pw" not in " ".join(argv) and password == "反诈-test-pw" for argv, password in started)
    assert "PGPASSWORD" not in os.environ

    restored = postgres_server.create_database(template="template0")
    real_run([str(postgres_server.bin / "pg_restore"), "--no-owner", "-h", "127.0.0.1", "-p", str(postgres_server.port),
              "-U", "outreach", "-d", restored, str(dump)], check=True, capture_output=True,
             env={**os.environ, "PGPASSWORD": "反诈-test-pw"})
    try:
        assert rows_of(postgres_server.url(restored)) == rows_of(township_file)
        with psycopg.connect(postgres_server.url(restored)) as pg:
            assert pg.execute("SELECT COUNT(*) FROM photo_blob").fetchone()[0] == len(photo_files(township_file))
    finally:
        postgres_server.drop_database(restored)


def test_without_pg_dump_the_backup_is_a_copy_into_a_database_file(township_file, server_url, tmp_path, capsys, qapp,
                                                                  monkeypatch):
    database_copy.copy_database(str(township_file), server_url)
    empty = tmp_path / "没有工具"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, out, err = _cli(capsys, "--lang", "en", "--db", server_url, "backup", str(tmp_path / "备份"))
    assert code == 0, err
    assert "pg_dump is not installed" in out
    (copy,) = (tmp_path / "备份").glob("*.db")
    assert rows_of(copy) == rows_of(township_file)
    assert photo_files(copy) == photo_files(township_file)
