"""``outreach-desk documents [--json]``: the campaign's document archive (总结, 典型案例, 经验做法 …), each with
its due date, phase, state and files; ``documents attach DEADLINE FILE...`` attaches files to one of them."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from outreach_desk.cli.common import chosen_campaign, print_failure, township_option
from outreach_desk.cli.period_options import pad, width
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("DocumentsCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--campaign", metavar="NAME", help="default: the current campaign")
    parser.add_argument("--township", metavar="NAME", help="the township whose campaign (in a county database)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    attach = sub.add_parser("attach", help="attach files to a document of the campaign (its deadline's title)")
    attach.add_argument("deadline", metavar="DEADLINE", help="the document's deadline, e.g. 专项行动总结报送")
    attach.add_argument("files", metavar="FILE", nargs="+", help="the file(s): Word, PDF, WPS, pictures …")


def _state(document, today: dt.date) -> str:
    from outreach_desk.services.submission import documents

    status = document.status(today)
    if status == documents.ATTACHED:
        return translate("DocumentsCommand", "attached (%n files)", None, len(document.files))
    if status == documents.SENT:
        return _tr("marked sent {date}, no file").format(date=document.marked_sent.isoformat())
    if status == documents.OVERDUE:
        return _tr("OVERDUE by {days} days").format(days=(today - document.due).days)
    return _tr("due in {days} days").format(days=(document.due - today).days)


def _attach(args: argparse.Namespace, campaign) -> int:
    from outreach_desk.services.submission import documents

    document = documents.find(args.deadline, campaign)
    documents.attach(document, args.files)
    print(translate("DocumentsCommand", "%n files attached to {title}.", None, len(args.files)).format(
        title=document.title))
    return 0


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.submission import documents

    today = dt.date.today()
    try:
        campaign = chosen_campaign(args, township_option(args))
        if args.action == "attach":
            return _attach(args, campaign)
        found = documents.archive(campaign)
    except (ServiceError, OSError) as exc:
        return print_failure(exc, args.files[0] if args.action == "attach" else ".")
    if args.json:
        print(json.dumps([d.as_dict(today) for d in found], ensure_ascii=False))
        return 0
    if not found:
        print(documents.no_documents_text())
        return 0
    headers = [_tr("Due"), _tr("Phase"), _tr("Document"), _tr("State"), _tr("Files")]
    rows = [[d.due.isoformat(), d.phase, d.title, _state(d, today), "、".join(f.original_name for f in d.files)]
            for d in found]
    widths = [max(width(r[i]) for r in rows + [headers]) for i in range(len(headers))]
    for row in [headers] + rows:
        print("  ".join(pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
    overdue = sum(1 for d in found if d.status(today) == documents.OVERDUE)
    if overdue:
        print(translate("DocumentsCommand", "%n documents overdue: attach them with outreach-desk documents attach "
                        "DEADLINE FILE.", None, overdue))
    return 0
