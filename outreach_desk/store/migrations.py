"""Versioned schema migrations from db/migrations, recorded in the schema_version table.

A step is ``NNNN_name.sql`` (statements in the SQL that SQLite and PostgreSQL share, ``{pk}`` for
the auto-increment key) or ``NNNN_name.py`` with ``upgrade(db, seed_dir)``. Each step runs in
its own transaction together with its version row, so a failed step leaves the file as it was.
"""

from __future__ import annotations

import datetime as dt
import re
import runpy
from dataclasses import dataclass
from pathlib import Path

import peewee

from outreach_desk.i18n import translate
from outreach_desk.paths import db_dir

_STEP = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(sql|py)$")


@dataclass(frozen=True)
class Step:
    version: int
    name: str
    path: Path


def steps(folder: Path | None = None) -> list[Step]:
    folder = folder or db_dir() / "migrations"
    found = []
    for path in sorted(folder.iterdir()):
        match = _STEP.match(path.name)
        if match:
            found.append(Step(int(match.group(1)), match.group(2), path))
    versions = [s.version for s in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration steps must be numbered 1..n without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(steps())


def _dialect_pk(database: peewee.Database) -> str:
    if isinstance(database, peewee.PostgresqlDatabase):
        return "SERIAL PRIMARY KEY"
    return "INTEGER PRIMARY KEY"


def current_version(database: peewee.Database) -> int:
    if not database.table_exists("schema_version"):
        return 0
    row = database.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def check_version(database: peewee.Database) -> int:
    from outreach_desk.store.connection import NewerSchemaError

    version = current_version(database)
    newest = latest_version()
    if version > newest:
        raise NewerSchemaError(
            translate(
                "Store",
                "This database was written by a newer version of Outreach Desk (schema {found}, this "
                "program knows up to {known}). Please update the program; the file has not been changed.",
            ).format(found=version, known=newest)
        )
    return version


def _sql_statements(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def upgrade(database: peewee.Database) -> list[int]:
    """Apply every pending step; return the versions applied."""
    version = check_version(database)
    seed_dir = db_dir() / "seed"
    applied = []
    if not database.table_exists("schema_version"):  # asked first: a clerk's server login may not create tables
        with database.atomic():
            database.execute_sql(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, applied_at TIMESTAMP NOT NULL)"
            )
    for step in steps():
        if step.version <= version:
            continue
        with database.atomic():
            if step.path.suffix == ".sql":
                text = step.path.read_text(encoding="utf-8").replace("{pk}", _dialect_pk(database))
                for statement in _sql_statements(text):
                    database.execute_sql(statement)
            else:
                runpy.run_path(str(step.path))["upgrade"](database, seed_dir)
            p = database.param
            database.execute_sql(
                f"INSERT INTO schema_version (version, name, applied_at) VALUES ({p}, {p}, {p})",
                (step.version, step.name, dt.datetime.now().isoformat(sep=" ", timespec="seconds")),
            )
        applied.append(step.version)
    return applied
