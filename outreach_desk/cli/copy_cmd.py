"""``outreach-desk copy SRC DST``: a township's database file onto the county server, or a server's data into a
database file (the backup of a server where pg_dump is not at hand); the photos go with the records.

Either end is a file path or a ``postgresql://`` URL (services/database_copy.py). The target must be new
or empty; a target file takes the writer's lock while it is written, so no window works on it meanwhile.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outreach_desk.i18n import translate

OPENS_DATABASE = False  # both ends are the command's own arguments, not --db
LOCKS_DATABASE = False
#: the tables named in the summary, each with its words
SHOWN = ("township", "village", "site", "activity", "survey", "parent_letter", "photo")


def _tr(text: str) -> str:
    return translate("CopyCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SRC", help="database file or postgresql://user@host:port/dbname")
    parser.add_argument("target", metavar="DST", help="a new (or empty) database file, or an empty server database")


def _names() -> dict[str, str]:
    return {"township": _tr("townships"), "village": _tr("villages and communities"), "site": _tr("sites"),
            "activity": _tr("activity records"), "survey": _tr("surveys"), "parent_letter": _tr("parent letters"),
            "photo": _tr("photos of activity records")}


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import take_writer_lock
    from outreach_desk.services import database_copy, instance_lock
    from outreach_desk.store import server

    lock = None
    if not server.is_server_url(args.target):
        try:
            lock = take_writer_lock(Path(args.target))
        except instance_lock.LockError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    try:
        result = database_copy.copy_database(args.source, args.target)
    finally:
        if lock is not None:
            lock.release()
    print(_tr("Copied {source} into {target}: {records:,} records in {tables} tables and {photos:,} photos; the "
              "counts of every table were checked.").format(
                  source=result.source, target=result.target, records=sum(result.counts.values()),
                  tables=len(result.counts), photos=result.photos))
    names = _names()
    for table in SHOWN:
        if table in result.counts:
            print(_tr("  {what}: {count:,}").format(what=names[table], count=result.counts[table]))
    if result.missing_photos:
        print(_tr("{count:,} photos named by records were not in {source} (their files are missing there), so they "
                  "could not be copied either.").format(count=result.missing_photos, source=result.source),
              file=sys.stderr)
    return 0
