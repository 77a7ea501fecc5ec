"""``outreach-desk check``: SQLite's integrity and foreign-key checks on the database, reported plainly.

``--repair-indexes`` rebuilds the indexes when they are all the check found damaged (the records
are intact); it writes, so it takes the writer's lock like any command that changes the database.
On a server ``--sweep`` removes the pictures no record names (photo_blob), in one transaction (with clerks
connected, those let go of more than a day ago).
"""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate

OPENS_DATABASE = False  # a check must read the file as it is, without migrating it first


def _tr(text: str) -> str:
    return translate("CheckCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="quick_check instead of the full integrity check")
    parser.add_argument("--repair-indexes", action="store_true",
                        help="rebuild the indexes (REINDEX) when only indexes are damaged, then check again")
    parser.add_argument("--sweep", action="store_true",
                        help="on a server: remove the pictures no record names (while clerks are connected, "
                             "those let go of more than a day ago)")


def _print(report) -> int:
    stream = sys.stdout if report.ok else sys.stderr
    for line in report.lines():
        print(line, file=stream)
    return 0 if report.ok else 1


def _run_on_server(args: argparse.Namespace, url: str) -> int:
    """On a server: PostgreSQL keeps its own pages and indexes; the tallies and the references are checked."""
    from outreach_desk.services import database_check
    from outreach_desk.store import open_database
    from outreach_desk.store.server import describe

    if args.repair_indexes:
        print(_tr("PostgreSQL keeps the indexes of a server database itself; --repair-indexes is for database "
                  "files. Nothing was changed."), file=sys.stderr)
        return 2
    open_database(url, migrate=False)
    status = _print(database_check.check_server(describe(url)))
    if not args.sweep:
        return status
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.safe_files import format_size

    try:
        count, size, kept = database_check.sweep_server_photos()
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    said = translate("CheckCommand", "Removed %n picture(s) ({size}) that no record named.", None, count)
    print(said.format(size=format_size(size)))
    if kept:
        print(translate("CheckCommand", "%n more were kept for now: other clerks are connected, and those pictures "
                        "were stored or let go of by their record less than a day ago (a save or an undo may still "
                        "need them). A later sweep removes them.", None, kept))
    return status


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import database_argument, server_argument
    from outreach_desk.services import database_check

    if server_argument(args) is not None:
        return _run_on_server(args, server_argument(args))

    db_path = database_argument(args)
    if args.sweep:
        print(_tr("--sweep is for server databases: a database file's unused photo files are removed when the window "
                  "closes. Nothing was changed."), file=sys.stderr)
        return 2
    report = database_check.check(db_path, quick=args.quick and not args.repair_indexes)
    if not args.repair_indexes or report.ok or not report.opened:
        return _print(report)
    if not report.indexes_only:
        _print(report)
        print(_tr("The damage is not in the indexes alone, so rebuilding them would not mend it; nothing was "
                  "changed."), file=sys.stderr)
        return 1
    try:
        after = database_check.repair_indexes(db_path, report.damaged_indexes)
    except database_check.BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("Rebuilt {count} index(es): {names}.").format(count=len(report.damaged_indexes),
                                                              names=", ".join(report.damaged_indexes)))
    return _print(after)
