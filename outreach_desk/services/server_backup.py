"""The backup of a county server database: ``pg_dump`` when it is installed, else a copy into a database file.

``pg_dump`` (PostgreSQL's own tool) writes its custom format, which ``pg_restore`` reads back and
checks; the password goes to it in the ``PGPASSWORD`` variable of the child process alone, never on
its command line (where other users of the computer could read it), and it finds ``~/.pgpass`` itself.
Without ``pg_dump`` the server's records and photos are copied into a new database file
(services/database_copy.py), which Outreach Desk opens like any file. Either way the backup is written
in a private folder beside its final name and gets that name only once it is complete and checked.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.paths import user_data_dir
from outreach_desk.services import database_copy, partial_copies, safe_files
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import server

STAMP_FORMAT = "%Y%m%d-%H%M%S"
DUMP_TIMEOUT_S = 6 * 3600


def _tr(text: str) -> str:
    return translate("ServerBackup", text)


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    method: str  # "pg_dump" or "copy"
    size: int


def default_folder() -> Path:
    """Where a server's backups go unless a folder is named: ``server-backups`` in the user's data folder."""
    return user_data_dir() / "server-backups"


def _final_name(folder: Path, url: str, when: dt.datetime, suffix: str) -> Path:
    name = server.address_parts(url)[2] or "outreach"
    return folder / f"{name}-{when.strftime(STAMP_FORMAT)}{suffix}"


def _run(argv: list[str], env: dict[str, str], where: str) -> None:
    try:
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=DUMP_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServiceError(_tr("pg_dump could not back up {where}: {reason}").format(where=where, reason=exc)) from exc
    if result.returncode:
        reason = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else str(result.returncode)
        raise ServiceError(_tr("pg_dump could not back up {where}: {reason}. Nothing was saved.").format(
            where=where, reason=reason))


def _dump(url: str, final: Path, password: str | None, pg_dump: str) -> None:
    where = server.describe(url)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    host, port, dbname, user = server.address_parts(url)
    partial = partial_copies.PartialCopy.start(final)
    with partial:
        who = [f"--username={user}"] if user else []
        _run([pg_dump, "--format=custom", "--no-password", f"--host={host}", f"--port={port}", *who,
              f"--file={partial.file}", dbname], env, where)
        pg_restore = shutil.which("pg_restore", path=str(Path(pg_dump).parent)) or shutil.which("pg_restore")
        if pg_restore:  # the archive reads back: its table of contents is whole
            _run([pg_restore, "--list", str(partial.file)], env, where)
        partial.publish()
    safe_files.fsync_folder(final.parent)


def back_up_server(url: str, folder: str | Path | None = None, *, password: str | None = None,
                   now: dt.datetime | None = None, progress=None) -> ServerBackup:
    """Back up the server database ``url`` into ``folder`` (default :func:`default_folder`): a ``.dump`` made
    by pg_dump when it is on PATH, else a ``.db`` copy of every record and photo."""
    when = (now or dt.datetime.now()).replace(microsecond=0)
    try:
        target = safe_files.ensure_folder(folder or default_folder())
    except (OSError, safe_files.UnsafePathError) as exc:
        raise ServiceError(safe_files.explain_os_error(exc, Path(folder or default_folder()))
                           if isinstance(exc, OSError) else str(exc)) from exc
    pg_dump = shutil.which("pg_dump")
    try:
        if pg_dump:
            final = _final_name(target, url, when, ".dump")
            _dump(url, final, server.password_for(url, password), pg_dump)
            return ServerBackup(final, "pg_dump", final.stat().st_size)
        final = _final_name(target, url, when, ".db")
        database_copy.copy_database(url, str(final), progress, password=server.password_for(url, password))
        return ServerBackup(final, "copy", final.stat().st_size)
    except OSError as exc:
        raise ServiceError(safe_files.explain_os_error(exc, target)) from exc
