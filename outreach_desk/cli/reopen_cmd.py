"""``outreach-desk reopen --month YYYY-MM --reason TEXT [--clerk NAME]``: lift the close of a sent month.

The reason and who reopened it are kept with the close and in the audit trail; the month's next
report marks what changed since the version sent (修订).
"""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("ReopenCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", required=True, help="the closed month")
    parser.add_argument("--reason", metavar="TEXT", required=True, help="why it is reopened (kept and audited)")
    parser.add_argument("--clerk", metavar="NAME", help="who reopens it (default: the township's preparer)")
    parser.add_argument("--township", metavar="NAME", help="the township (needed when the database holds several)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.submission import closing
    from outreach_desk.services.submission.closed_months import month_text

    try:
        clerk = args.clerk or closing.default_clerk(args.township)
        event = closing.reopen_month(args.township, args.month, reason=args.reason, clerk=clerk)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("{month} reopened by {clerk}: {reason}. Its records can be changed again; send it again when done.")
          .format(month=month_text(event.month), clerk=event.reopened_by, reason=event.reason))
    return 0
