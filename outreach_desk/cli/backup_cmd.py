"""``outreach-desk backup [DIR]``: a verified copy of the database, made safely even while the window is open; on a
county server pg_dump's archive, or a copy into a database file where pg_dump is not installed."""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate

OPENS_DATABASE = False  # copies the file through SQLite's backup API; opening it would migrate it first


def _tr(text: str) -> str:
    return translate("BackupCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", nargs="?",
                        help="where to put the copy (default: the backups folder beside the database, "
                             "which keeps 7 daily, 4 weekly and 12 monthly copies)")


def _back_up_server(url: str, folder: str | None) -> int:
    """A server database: pg_dump's archive when pg_dump is installed, else a copy into a database file."""
    from outreach_desk.services import server_backup

    made = server_backup.back_up_server(url, folder)
    if made.method == "pg_dump":
        print(_tr("Backup of the server written by pg_dump to {path} ({size:,} bytes); restore it with "
                  "pg_restore (see the README).").format(path=made.path, size=made.size))
    else:
        print(_tr("pg_dump is not installed, so the server's records and photos were copied into the database "
                  "file {path} ({size:,} bytes), the counts of every table checked.").format(
                      path=made.path, size=made.size))
    return 0


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import database_argument, server_argument
    from outreach_desk.services import backup

    if server_argument(args) is not None:
        return _back_up_server(server_argument(args), args.folder)
    try:
        info = backup.make_backup(database_argument(args), args.folder)
    except backup.BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("Backup written to {path} ({size:,} bytes, {count:,} activity records).").format(
        path=info.path, size=info.size, count=info.activities))
    return 0
