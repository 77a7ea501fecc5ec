"""``outreach-desk check``: SQLite's integrity and foreign-key checks on the database, reported plainly."""

from __future__ import annotations

import argparse
import sys

OPENS_DATABASE = False  # a check must read the file as it is, without migrating it first


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="quick_check instead of the full integrity check")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import database_argument
    from outreach_desk.services import backup

    report = backup.check(database_argument(args), quick=args.quick)
    stream = sys.stdout if report.ok else sys.stderr
    for line in report.lines():
        print(line, file=stream)
    return 0 if report.ok else 1
