"""What every CLI command shares: a QtCore application for translations, the opened store, errors.

A command that changes the database takes the same single-writer lock as the window first, so
it never writes under an open window (whose undo stack and screens would go out of step with
the file); reading commands run beside the window as before.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from outreach_desk import i18n
from outreach_desk.paths import default_database_path


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def township_option(args: argparse.Namespace) -> int | None:
    """The id of ``--township NAME``; an unknown name is a ServiceError that run_command reports."""
    from outreach_desk.services import organisation

    return organisation.find_township_id(args.township) if args.township else None


def chosen_campaign(args: argparse.Namespace, township_id: int | None):
    """The campaign ``--campaign`` names (the township's own or the county's), else the township's current one."""
    from outreach_desk.services.coverage import campaigns

    if getattr(args, "campaign", None):
        return campaigns.find(args.campaign, township_id)
    return campaigns.require_current(township_id)


def database_argument(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_database_path()


def server_argument(args: argparse.Namespace) -> str | None:
    """``--db`` when it is a server's URL (postgresql://…), else None."""
    from outreach_desk.store.server import is_server_url

    return args.db if is_server_url(args.db) else None


def terminal_progress():
    """Percent (or, for work of no known length, what is being done) on one terminal line; None when stderr is not
    a terminal (logs, CI), so nothing is printed there."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, text: str = "") -> None:
        shown = f"{100 * done // total:3d}%  {text}" if total else text
        print(f"\r{shown}\033[K", end="", file=sys.stderr, flush=True)

    return report


#: commands that change the database, with the arguments under which they do; any command not
#: named in READING_COMMANDS writes, so a new command is locked until it is listed as a reader
WRITES_WHEN: dict[str, Callable[[argparse.Namespace], bool]] = {
    "campaign": lambda args: getattr(args, "action", None) != "list",
    "import": lambda args: not getattr(args, "dry_run", False),
    "org-import": lambda args: not getattr(args, "dry_run", False),
    "cases": lambda args: getattr(args, "action", None) == "import" and not getattr(args, "dry_run", False),
    "check": lambda args: getattr(args, "repair_indexes", False),
    "documents": lambda args: getattr(args, "action", None) == "attach",
}
READING_COMMANDS = frozenset({"coverage", "ranking", "bulletin", "template", "org-template", "report", "package",
                              "backup", "sendings", "county-status"})


def writes_database(args: argparse.Namespace) -> bool:
    """Whether the command in ``args`` may change the database (and so needs the writer's lock)."""
    command = getattr(args, "command", None)
    if command in READING_COMMANDS:
        return False
    return WRITES_WHEN.get(command, lambda _args: True)(args)


def take_writer_lock(db_path: Path):
    """The single-writer lock on ``db_path`` for this command; None if this process holds it already.

    Raises instance_lock.AlreadyOpenError while the window (or another command) has the database
    open, and LockUnavailableError when the lock file cannot be made (a read-only folder).
    """
    from outreach_desk.services import instance_lock

    if instance_lock.held_here(db_path):
        return None
    with contextlib.suppress(OSError):  # a first run: the lock file goes beside the database still to be made
        db_path.parent.mkdir(parents=True, exist_ok=True)
    return instance_lock.acquire(db_path)


def _lock_refused(exc: Exception) -> int:
    from outreach_desk.services import instance_lock

    print(str(exc), file=sys.stderr)
    if isinstance(exc, instance_lock.AlreadyOpenError):
        print(i18n.translate("Cli", "Nothing was changed. Close Outreach Desk on this database (or wait until the "
                                    "other command has finished), then run the command again."), file=sys.stderr)
    else:
        print(i18n.translate("Cli", "Nothing was changed."), file=sys.stderr)
    return 2


def _core_app():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() or QCoreApplication(["outreach-desk"])


def _refused(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def print_failure(exc: Exception, path: str | os.PathLike) -> int:
    """Print why a command stopped and give its exit status 2: a ServiceError's own sentence, or an
    OSError (a full disk, a read-only stick) explained for the file or folder ``path`` it was using."""
    from outreach_desk.services.safe_files import explain_os_error

    return _refused(explain_os_error(exc, path) if isinstance(exc, OSError) else str(exc))


def run_command(args: argparse.Namespace) -> int:
    """Install translations, check the database path, take the writer's lock if the command writes, then run
    it (exit 2 if refused). A full disk or a read-only medium is told in one sentence, never as a traceback."""
    from outreach_desk.services import instance_lock
    from outreach_desk.store import StoreError
    from outreach_desk.store.connection import check_database_path

    app = _core_app()
    i18n.install(app, i18n.resolve_language(args.lang))
    if server_argument(args) is not None or not getattr(args._module, "LOCKS_DATABASE", True):
        return _run_on_server(args)
    try:
        check_database_path(database_argument(args))
    except StoreError as exc:
        return _refused(str(exc))
    if not writes_database(args):
        return _run_in_store(args)
    try:
        lock = take_writer_lock(database_argument(args))
    except instance_lock.LockError as exc:
        return _lock_refused(exc)
    try:
        return _run_in_store(args)
    finally:
        if lock is not None:
            lock.release()


def _run_on_server(args: argparse.Namespace) -> int:
    """A server has many writers at once: no lock file, no path to check."""
    return _run_in_store(args)


def _open_store(args: argparse.Namespace) -> None:
    """Open the store for the command; a reading command on a read-only file, folder or medium reads it
    in SQLite's read-only mode instead."""
    from outreach_desk.store import open_database
    from outreach_desk.store.connection import ReadOnlyLocationError

    if server_argument(args) is not None:
        open_database(args.db)
        return
    path = database_argument(args)
    try:
        open_database(path)
    except ReadOnlyLocationError:
        if writes_database(args) or not path.exists():
            raise
        open_database(path, readonly=True)


def _disk_failure(exc: BaseException, args: argparse.Namespace) -> str | None:
    """The sentence for a full disk, a read-only medium, a busy or failing disk; None for anything else."""
    from outreach_desk.services import safe_files
    from outreach_desk.store import failures, server

    if isinstance(exc, OSError) and (getattr(exc, "filename", None) or server_argument(args) is None):
        return safe_files.explain_os_error(exc, getattr(exc, "filename", None) or database_argument(args))
    if server_argument(args) is not None:
        return server.explain(exc, server.describe(args.db))
    return failures.explain(exc, database_argument(args))


def _run_in_store(args: argparse.Namespace) -> int:
    """Open the store, run the command; report store, service and disk errors plainly."""
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.store import StoreError, close_database
    from outreach_desk.store.failures import DatabaseError

    try:
        if getattr(args._module, "OPENS_DATABASE", True):
            _open_store(args)
        return int(args._module.run(args) or 0)
    except (StoreError, ServiceError) as exc:
        return _refused(str(exc))
    except KeyboardInterrupt:
        print(i18n.translate("Cli", "Interrupted."), file=sys.stderr)
        return 130
    except (DatabaseError, OSError) as exc:
        message = _disk_failure(exc, args)
        if message is None:
            raise
        return _refused(message)
    finally:
        close_database()
