"""``outreach-desk restore FILE``: put a verified backup in place of the database, keeping the current one aside."""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate

OPENS_DATABASE = False  # the file is replaced: it must not be open, least of all by this command


def _tr(text: str) -> str:
    return translate("RestoreCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the backup to restore (it is checked before anything changes)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import database_argument
    from outreach_desk.services import backup, instance_lock

    db_path = database_argument(args)
    try:
        with instance_lock.acquire(db_path):
            info, aside = backup.restore(args.file, db_path)
    except (instance_lock.LockError, backup.BackupError) as exc:
        print(str(exc), file=sys.stderr)
        print(_tr("The database was not changed."), file=sys.stderr)
        return 2
    print(_tr("Restored {path} from {source} ({count:,} activity records).").format(
        path=db_path, source=info.path, count=info.activities))
    if aside is not None:
        print(_tr("The previous database was kept as {aside}.").format(aside=aside))
    return 0
