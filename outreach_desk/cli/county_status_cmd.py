"""``outreach-desk county-status --month 2026-11 [--json]``: 报送情况, which township sent the month, when, on time."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from outreach_desk.cli.period_options import pad, width
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("CountyStatusCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    default = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    parser.add_argument("--month", metavar="YYYY-MM", default=default, help="the month (default: the last one)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.county import status
    from outreach_desk.services.errors import ServiceError

    try:
        rows = status.month_status(args.month)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False))
        return 0
    if not rows:
        print(_tr("This database holds no township yet: import the townships' packages first (county-import)."))
        return 0
    headers = [_tr("Township"), _tr("Sending"), _tr("Written"), _tr("Received"), _tr("Due"), _tr("State"),
               _tr("Revised")]
    table = []
    for r in rows:
        table.append([r.township, "" if r.sequence is None else str(r.sequence),
                      "" if r.written_at is None else f"{r.written_at:%Y-%m-%d %H:%M}",
                      "" if r.received_at is None else f"{r.received_at:%Y-%m-%d %H:%M}",
                      "" if r.due is None else r.due.isoformat(), r.state_text,
                      _tr("yes") if r.revised else ""])
    widths = [max(width(row[i]) for row in table + [headers]) for i in range(len(headers))]
    for row in [headers] + table:
        print("  ".join(pad(cell, widths[i], right=i == 1) for i, cell in enumerate(row)).rstrip())
    sent = sum(1 for r in rows if r.sequence is not None)
    print(_tr("{sent} of {total} townships sent {month}.").format(sent=sent, total=len(rows), month=rows[0].month))
    return 0
