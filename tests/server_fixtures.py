"""A throw-away PostgreSQL cluster for the tests, and a store fixture that runs a test on both backends.

The cluster is made once per test session (initdb + pg_ctl from the distribution's packages, in a
temporary folder, on a free port of 127.0.0.1, password login for TCP); as root it runs as the
unprivileged user ``nobody``, since initdb refuses root. Collation C, character classes C.UTF-8, as
the README tells an office to create its database (pg_trgm makes no trigrams of Chinese under ctype C).
Each test gets a database of its own, copied from a template that the migrations were run on once.
Without PostgreSQL or psycopg the server half of a test is skipped with the reason.

A test module opts in with ``from server_fixtures import both_backends_store as store``; a test of
such a module that is about SQLite alone takes ``sqlite_only`` (skipped on the server, saying so).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

USER = "outreach"
PASSWORD = "反诈-test-pw"
TEMPLATE = "outreach_template"
_NOBODY = 65534
_numbers = itertools.count(1)


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian's /usr/lib/postgresql/N/bin, or initdb on PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    port: int
    folder: Path
    bin: Path
    prefix: list[str]
    options: str

    def stop(self, mode: str = "immediate") -> None:
        """Stop the cluster (``immediate``: every server process killed at once, as a crash or a power cut would).
        The cluster runs with synchronous_commit off (speed), so a crash could lose the last commits a real server
        keeps: a checkpoint first makes what was committed durable, as on a real server."""
        with contextlib.suppress(Exception), self.admin() as connection:
            connection.execute("CHECKPOINT")
        _run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "-t", "120",
              "stop"])

    def start(self) -> None:
        """Start the cluster again on its port; returns once it accepts connections (after crash recovery)."""
        _run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
              "-o", self.options, "-w", "-t", "120", "start"])

    def url(self, name: str, password: str | None = PASSWORD, user: str = USER) -> str:
        from urllib.parse import quote

        secret = f":{quote(password, safe='')}" if password is not None else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{name}"

    def admin(self):
        import psycopg

        return psycopg.connect(self.url("postgres"), autocommit=True)

    def create_database(self, template: str | None = TEMPLATE) -> str:
        name = f"test_{os.getpid()}_{next(_numbers)}"
        with self.admin() as connection:
            suffix = f" TEMPLATE {template}" if template else ""
            connection.execute(f"CREATE DATABASE {name}{suffix}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def as_cluster_owner() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("PostgreSQL refuses to run as root and setpriv (util-linux) is not installed")
    return [setpriv, f"--reuid={_NOBODY}", f"--regid={_NOBODY}", "--clear-groups", "--"]


def _run(argv: list[str], **kwargs) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, timeout=180, check=False, **kwargs)
    if result.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def start_cluster(prefix: list[str], bin_dir: Path) -> Server:
    """initdb and pg_ctl start a cluster of its own in a new temporary folder (``prefix`` runs them as the
    cluster's owner); :func:`stop_cluster` removes it."""
    folder = Path(tempfile.mkdtemp(prefix="outreach-pg-"))
    if prefix:
        os.chown(folder, _NOBODY, _NOBODY)
    folder.chmod(0o700)
    password_file = folder / "pw"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if prefix:
        os.chown(password_file, _NOBODY, _NOBODY)
    data, port = folder / "data", _free_port()
    _run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={password_file}",
          "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--lc-ctype=C.UTF-8"])
    options = (f"-p {port} -h 127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=60")
    server = Server(port, folder, bin_dir, prefix, options)
    server.start()
    return server


def stop_cluster(server: Server, prefix: list[str]) -> None:
    with contextlib.suppress(Exception):
        server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL cluster with a migrated template database; skipped where none is installed."""
    pytest.importorskip("psycopg", reason="psycopg (the server extra) is not installed")
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (no initdb): apt-get install postgresql")
    prefix = as_cluster_owner()
    server = start_cluster(prefix, bin_dir)
    try:
        _make_template(server)
        yield server
    finally:
        stop_cluster(server, prefix)


def _make_template(server: Server) -> None:
    from outreach_desk.store import close_database
    from outreach_desk.store.server import open_server

    with server.admin() as connection:
        connection.execute(f"CREATE DATABASE {TEMPLATE}")
    open_server(server.url(TEMPLATE))
    close_database()


@pytest.fixture
def server_url(postgres_server):
    """The URL of an empty, migrated database of this test's own on the session's server."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def both_backends_store(request, backend, db_path):
    """An opened, migrated, empty store bound to the DB proxy: a SQLite file (a copy of the session's migrated
    template, conftest's ``new_store_file``), then a PostgreSQL database (a copy of the server's template)."""
    from outreach_desk.store import close_database, open_database

    target = request.getfixturevalue("new_store_file" if backend == "sqlite" else "server_url")
    database = open_database(target)
    yield database
    close_database()


@pytest.fixture
def sqlite_only(backend):
    """For a test about SQLite alone in a module that runs on both backends."""
    if backend != "sqlite":
        pytest.skip("about SQLite alone (files, pragmas, FTS5 or the tallies' SQLite triggers)")


@pytest.fixture
def server_db_path(server_url) -> str:
    """For a module of tests repeated on the server: ``db_path`` is the URL of a fresh server database."""
    return server_url


def signed(name: str) -> str:
    """Who a change written now is signed by: ``name``, as typed in the settings, on a file; the login on a server."""
    from outreach_desk.store.server import bound_login

    return bound_login() or name


def repeat_on_server(module_name: str, namespace: dict, sqlite_only: dict[str, str],
                     fewer: dict[str, str] | None = None) -> None:
    """Collect every test (and fixture) of ``module_name`` once more in the module ``namespace``, where
    ``db_path`` names a server database, so the same tests run on PostgreSQL. ``sqlite_only`` maps the tests
    that are about SQLite alone to the reason they are skipped there; ``fewer`` maps a parametrized test to
    the text its ids must contain to be repeated (the others vary what SQLite already showed)."""
    import importlib

    module = importlib.import_module(module_name)
    namespace.update({name: value for name, value in vars(module).items() if not name.startswith("__")})
    namespace["db_path"] = server_db_path
    namespace["SQLITE_ONLY"] = sqlite_only
    namespace["FEWER_ON_SERVER"] = fewer or {}
    unknown = (set(sqlite_only) | set(fewer or {})) - set(vars(module))
    if unknown:
        raise NameError(f"{module_name} has no tests named {sorted(unknown)}")


def pytest_collection_modifyitems(config, items):
    """In a module of repeated tests: tests that never open a database there are left out (they ran once
    already); the SQLite-only ones are skipped with their reason."""
    kept, left_out = [], []
    for item in items:
        reasons = getattr(getattr(item, "module", None), "SQLITE_ONLY", None)
        if reasons is None:
            kept.append(item)
            continue
        name = getattr(item, "originalname", item.name)
        wanted = item.module.FEWER_ON_SERVER.get(name)
        if "server_url" not in getattr(item, "fixturenames", ()) or (wanted and wanted not in item.name):
            left_out.append(item)
            continue
        reason = reasons.get(name)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"about SQLite alone: {reason}"))
        kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
