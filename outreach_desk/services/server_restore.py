"""Restoring a county server's backup into a server database, and copying a database from the window.

A backup is a pg_dump archive (custom format, ``.dump``), restored by ``pg_restore`` in one transaction
(``--single-transaction --exit-on-error``, the objects it holds dropped first), or a database file (``.db``,
the backup made without pg_dump), put back by ``copy``'s service. Either way the target is written whole
or not at all: a failure or a cancel (the child process is stopped, its transaction rolled back) leaves it
as it was. A target that holds a township's records is refused with :class:`TargetHoldsRecords` unless the
clerk confirmed they are to be replaced (``replace``), and one that other connections are open on is refused (a
restore would replace the records under the clerks working there). The password reaches ``pg_restore`` in its
environment alone, never on its command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import database_copy, instance_lock, safe_files
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import server

#: the first bytes of a pg_dump archive in custom format
ARCHIVE_MAGIC = b"PGDMP"
POLL_SECONDS = 0.25


def _tr(text: str) -> str:
    return translate("ServerRestore", text)


class TargetHoldsRecords(ServiceError):
    """The target holds a township's records; ask the clerk before replacing them."""

    def __init__(self, message: str, townships: int, activities: int):
        super().__init__(message)
        self.townships, self.activities = townships, activities


@dataclass(frozen=True)
class Restored:
    backup: Path
    target: str  #: user@host:port/dbname
    method: str  #: "pg_restore" or "copy"
    activities: int


def _refuse_held(target: str, password: str | None, replace: bool) -> None:
    if replace:
        return
    townships, activities = database_copy.records_held(target, password)
    if townships:
        name = server.describe(target) if server.is_server_url(target) else target
        raise TargetHoldsRecords(translate("ServerRestore", "{target} already holds %n township(s) with "
                                           "{activities:,} activity records. They would be replaced, not added "
                                           "to.", None, townships).format(
                                         target=name, activities=activities), townships, activities)


def _refuse_in_use(target: str, password: str | None) -> None:
    """ServiceError while other connections are open on the server database ``target``: a restore replaces its
    records (pg_restore drops the tables) under the clerks working on it. A target not there yet is left to the
    restore to report."""
    try:
        database = server.connect(target, password)
    except server.ServerError:
        return
    try:
        others = server.other_connections(database)
    finally:
        database.close()
    if others:
        raise ServiceError(translate("ServerRestore", "{target} is in use: %n other connection(s) are open on it (a "
                                     "clerk's window, psql or another program), and a restore would replace the "
                                     "records under them. Nothing was changed. Ask the clerks to close Outreach Desk "
                                     "first, or restore into a new database (createdb) and let them connect to that "
                                     "one.", None, others).format(target=server.describe(target)))


def copy_from_window(source: str, target: str, progress=None, *, password: str | None = None,
                     target_password: str | None = None, replace: bool = False) -> database_copy.CopyResult:
    """File › Copy the database…: ``copy``'s service with the clerk's passwords, asking first (TargetHoldsRecords)
    before a target with records is replaced; a target file is locked against windows meanwhile."""
    _refuse_held(target, target_password, replace)
    lock = None
    if not server.is_server_url(target) and not instance_lock.held_here(Path(target)):
        try:
            lock = instance_lock.acquire(Path(target))
        except instance_lock.LockError as exc:
            raise ServiceError(str(exc)) from exc
    try:
        return database_copy.copy_database(source, target, progress, password=server.password_for(source, password)
                                           if server.is_server_url(source) else None,
                                           target_password=target_password, replace=replace)
    finally:
        if lock is not None:
            lock.release()


def _kind(backup: Path) -> str:
    """"archive" (pg_dump's custom format) or "file" (a database file); ServiceError for anything else."""
    if not backup.is_file():
        raise ServiceError(_tr("The backup {path} does not exist.").format(path=backup))
    try:
        safe_files.refuse_database_file(backup)
    except safe_files.UnsafePathError as exc:
        raise ServiceError(str(exc)) from exc
    with open(backup, "rb") as handle:  # a backup, never the database this program has open
        head = handle.read(16)
    if head.startswith(ARCHIVE_MAGIC):
        return "archive"
    if head.startswith(b"SQLite format 3\0"):
        return "file"
    raise ServiceError(_tr("{path} is neither a pg_dump archive (.dump) nor an Outreach Desk database file (.db); "
                           "nothing was changed.").format(path=backup))


def restore_backup(backup: str | Path, target: str, progress=None, *, password: str | None = None,
                   replace: bool = False) -> Restored:
    """Put the backup ``backup`` into the server database ``target`` (new or empty; with ``replace``, confirmed,
    one whose records give way). Raises ServiceError (TargetHoldsRecords to ask first) in one sentence."""
    backup = Path(backup)
    kind = _kind(backup)
    password = server.password_for(target, password)
    where = server.describe(target)
    _refuse_in_use(target, password)
    _refuse_held(target, password, replace)
    if kind == "file":
        result = database_copy.copy_database(str(backup), target, progress, target_password=password, replace=replace)
        return Restored(backup, where, "copy", result.counts.get("activity", 0))
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise ServiceError(_tr("pg_restore (PostgreSQL's client programs) is not installed on this computer, so the "
                               "archive {path} cannot be read here. Install the PostgreSQL client, or restore it on "
                               "the server; nothing was changed.").format(path=backup.name))
    _run_pg_restore(pg_restore, backup, target, password, progress)
    return Restored(backup, where, "pg_restore", database_copy.records_held(target, password)[1])


def _run_pg_restore(pg_restore: str, backup: Path, target: str, password: str | None, progress) -> None:
    """pg_restore in one transaction, the archive's objects dropped first; stopped (and so rolled back) when the
    clerk cancels, which ``progress`` raises."""
    host, port, dbname, user = server.address_parts(target)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    who = [f"--username={user}"] if user else []
    argv = [pg_restore, "--single-transaction", "--exit-on-error", "--clean", "--if-exists", "--no-owner",
            "--no-password", f"--host={host}", f"--port={port}", *who, f"--dbname={dbname}", str(backup)]
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=errors)
        except OSError as exc:
            raise ServiceError(_tr("pg_restore could not be started: {reason}").format(reason=exc)) from exc
        try:
            while child.poll() is None:
                if progress is not None:
                    progress(0, 0, _tr("Restoring {name} into {where}… ({seconds} s)").format(
                        name=backup.name, where=server.describe(target), seconds=int(time.monotonic() - started)))
                try:
                    child.wait(POLL_SECONDS)
                except subprocess.TimeoutExpired:
                    pass
        except BaseException:
            child.terminate()
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            raise
        if child.returncode:
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").strip().splitlines()
            reason = next((line for line in lines if "error" in line.lower()), lines[-1] if lines else "")
            raise ServiceError(_tr("pg_restore could not restore {name} into {where}: {reason}. The database is as "
                                   "it was.").format(name=backup.name, where=server.describe(target),
                                                     reason=reason.strip() or child.returncode))
