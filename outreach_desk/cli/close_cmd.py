"""``outreach-desk close --month YYYY-MM --report FILE --to RECIPIENT [--clerk NAME]``: send and close a month.

Records the sending (the report's SHA-256, the coverage and the record counts as they are now) and closes
the month, so its records cannot change until ``outreach-desk reopen`` gives a reason.
"""

from __future__ import annotations

import argparse

from outreach_desk.cli.common import print_failure
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("CloseCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", required=True, help="the month sent")
    parser.add_argument("--report", metavar="FILE", required=True, help="the report file as sent (its SHA-256 is kept)")
    parser.add_argument("--to", metavar="RECIPIENT", dest="recipient",
                        help="the office it is sent to (default: the office's setting, 县反诈中心 until changed)")
    parser.add_argument("--clerk", metavar="NAME", help="who sends it (default: the township's preparer)")
    parser.add_argument("--township", metavar="NAME", help="the township (needed when the database holds several)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.submission import closing
    from outreach_desk.services.submission.recipient import office_recipient

    try:
        clerk = args.clerk or closing.default_clerk(args.township)
        sending = closing.close_month(args.township, args.month, report_path=args.report,
                                      recipient=args.recipient or office_recipient(), clerk=clerk)
    except (ServiceError, OSError) as exc:
        return print_failure(exc, args.report)
    records = sending.counts["records"]
    print(_tr("{month} of {township} sent to {recipient} by {clerk} (sending no. {sequence}) and closed: "
              "{activities} activity record(s), {surveys} survey(s), {letters} parent letter record(s), "
              "{photos} photo(s). Report SHA-256 {sha}.").format(
        month=sending.month_text, township=sending.township, recipient=sending.recipient, clerk=sending.clerk,
        sequence=sending.sequence, activities=records["activity"], surveys=records["survey"],
        letters=records["parent_letter"], photos=records["photo"], sha=sending.report_sha256))
    return 0
