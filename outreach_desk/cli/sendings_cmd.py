"""``outreach-desk sendings [--township NAME] [--json]``: the history of sendings (报送记录), newest first."""

from __future__ import annotations

import argparse
import json
import sys

from outreach_desk.cli.period_options import pad, width
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("SendingsCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--township", metavar="NAME", help="only this township")
    parser.add_argument("--month", metavar="YYYY-MM", help="only this month")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.submission import closed_months, closing

    try:
        found = closing.sendings(args.township, args.month)
        closed = closed_months.closed_months()
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([dict(s.as_dict(), closed=(s.township_id, s.month) in closed) for s in found],
                         ensure_ascii=False))
        return 0
    if not found:
        print(_tr("No month has been sent yet."))
        return 0
    headers = [_tr("Township"), _tr("Month"), _tr("No."), _tr("Sent"), _tr("To"), _tr("Clerk"), _tr("Activities"),
               _tr("Surveys"), _tr("Letters"), _tr("Photos"), _tr("Now"), _tr("Report SHA-256")]
    rows = []
    for s in found:
        records = s.counts.get("records", {})
        state = _tr("closed") if (s.township_id, s.month) in closed else _tr("reopened")
        rows.append([s.township, s.month_text, str(s.sequence), f"{s.sent_at:%Y-%m-%d %H:%M}", s.recipient, s.clerk,
                     str(records.get("activity", 0)), str(records.get("survey", 0)),
                     str(records.get("parent_letter", 0)), str(records.get("photo", 0)), state,
                     s.report_sha256[:12]])
    widths = [max(width(r[i]) for r in rows + [headers]) for i in range(len(headers))]
    numeric = {2, 6, 7, 8, 9}
    for row in [headers] + rows:
        print("  ".join(pad(cell, widths[i], right=i in numeric) for i, cell in enumerate(row)).rstrip())
    return 0
