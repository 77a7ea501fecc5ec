"""``outreach-desk bulletin --month YYYY-MM -o FILE.docx``: the office's monthly 通报 as a Word document.

The same draft the window's preview starts from (the figures of the ranking, the ledger and the
gap list), written without edits; the clerk edits the .docx in Word or WPS, or uses the window's
preview to edit before saving.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from outreach_desk.cli.common import iso_date, print_failure, township_option
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("BulletinCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", default=dt.date.today().strftime("%Y-%m"),
                        help="the month of the bulletin (default: this month)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write it (default: <镇名>_防诈宣传工作通报_<YYYY-MM>.docx here)")
    parser.add_argument("--township", metavar="NAME", help="the township (needed when the database holds several)")
    parser.add_argument("--number", metavar="TEXT", help="the document number (文号), e.g. 平安镇反诈办〔2026〕11号")
    parser.add_argument("--date", metavar="DATE", type=iso_date, help="the date it is issued (default: today)")
    parser.add_argument("--mark", type=int, metavar="N", help="commend the top N and criticise the bottom N "
                        "(default: the office's setting)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.ranking_cmd import saved_mark_count
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.supervision import bulletin, bulletin_docx

    target = Path(args.output or ".")
    try:
        month = periods.parse_month(args.month)
        township_id = township_option(args)
        mark = saved_mark_count() if args.mark is None else max(0, args.mark)
        draft = bulletin.draft(month, township_id=township_id, date=args.date, number=args.number, mark_count=mark)
        target = Path(args.output) if args.output else Path(bulletin.default_file_name(month, draft))
        path = bulletin_docx.write(draft, target)
    except (ServiceError, OSError) as exc:
        return print_failure(exc, target.parent)
    print(_tr("Bulletin for {period} written to {path}.").format(period=month.label, path=path))
    for section in draft.sections:
        if section.note:
            print(_tr("{heading}: {note}").format(heading=section.heading, note=section.note))
    return 0
