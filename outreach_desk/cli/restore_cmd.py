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
    parser.add_argument("--yes", action="store_true",
                        help="restore even when the backup holds another township than the database")


def run(args: argparse.Namespace) -> int:
    """The writer's lock is held by run_command while this runs, so no window can open the file meanwhile."""
    from outreach_desk.cli.common import database_argument
    from outreach_desk.services import backup

    db_path = database_argument(args)
    try:
        info, aside = backup.restore(args.file, db_path, other_township_ok=args.yes)
    except backup.BackupError as exc:
        print(str(exc), file=sys.stderr)
        if exc.reason == "other_township":
            print(_tr("If this is the backup you want, run the command again with --yes."), file=sys.stderr)
        else:
            print(_tr("The database was not changed."), file=sys.stderr)
        return 2
    print(_tr("Restored {path} from {source} ({count:,} activity records).").format(
        path=db_path, source=info.path, count=info.activities))
    if aside is not None:
        print(_tr("The previous database was kept as {aside}.").format(aside=aside))
    return 0
