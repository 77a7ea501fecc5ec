"""``outreach-desk backup [DIR]``: a verified copy of the database, made safely even while the window is open."""

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


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import database_argument
    from outreach_desk.services import backup

    try:
        info = backup.make_backup(database_argument(args), args.folder)
    except backup.BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("Backup written to {path} ({size:,} bytes, {count:,} activity records).").format(
        path=info.path, size=info.size, count=info.activities))
    return 0
