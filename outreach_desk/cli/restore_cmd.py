"""``outreach-desk restore FILE``: put a verified backup in place of the database, keeping the current one aside.

With ``--db postgresql://…`` the backup (pg_dump's archive, or a database file made without pg_dump) goes into that
server database through the window's service (services/server_restore.py: pg_restore in one transaction, or copy),
whole or not at all; a database holding records is replaced only with ``--yes``, one in use is refused.
"""

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
                        help="restore even when the backup holds another township than the database (on a server: "
                             "replace the records the database holds)")


def run(args: argparse.Namespace) -> int:
    """The writer's lock is held by run_command while this runs, so no window can open the file meanwhile."""
    from outreach_desk.cli.common import database_argument, server_argument
    from outreach_desk.services import backup

    if server_argument(args) is not None:
        return _restore_on_server(args, server_argument(args))
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


def _restore_on_server(args: argparse.Namespace, url: str) -> int:
    """The backup into the server database ``url``, as File › Restore from backup… does it; progress on the
    terminal, Ctrl+C stops it with the database as it was."""
    from outreach_desk.cli.common import terminal_progress
    from outreach_desk.services import server_restore

    progress = terminal_progress()
    try:
        restored = server_restore.restore_backup(args.file, url, progress, replace=args.yes)
    except server_restore.TargetHoldsRecords as exc:
        print(str(exc), file=sys.stderr)
        print(_tr("Nothing was changed. If they are to be replaced by the backup, run the command again with --yes."),
              file=sys.stderr)
        return 2
    finally:
        if progress is not None:
            print(file=sys.stderr)
    print(_tr("Restored {source} into {target} ({count:,} activity records). The clerks can connect to it "
              "now.").format(source=restored.backup, target=restored.target, count=restored.activities))
    return 0
