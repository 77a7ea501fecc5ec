"""``outreach-desk report --month YYYY-MM [-o FILE]``: the monthly Excel report to the county.

The names on the form (填报单位, 填报人, 审核人) come from the options, else from the township in the
database (its office name, preparer and reviewer), so every database signs its own reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from outreach_desk.cli.common import print_failure, township_option
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("ReportCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", default=dt.date.today().strftime("%Y-%m"),
                        help="the month to report (default: this month)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write the workbook (default: <镇名>_防诈宣传月报_<YYYY-MM>.xlsx here)")
    parser.add_argument("--township", metavar="NAME", help="only this township (default: all)")
    parser.add_argument("--unit", metavar="NAME", help="填报单位 (default: the township's office name)")
    parser.add_argument("--preparer", metavar="NAME", help="填报人 (default: the township's preparer)")
    parser.add_argument("--reviewer", metavar="NAME", help="审核人 (default: the township's reviewer)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import report
    from outreach_desk.services.excel.report_form import Signatures

    township_id = township_option(args)
    target = Path(args.output or ".")
    try:
        month = periods.parse_month(args.month)
        stored = organisation.office_identity(township_id)
        signatures = Signatures(args.unit or stored.unit, args.preparer or stored.preparer,
                                args.reviewer or stored.reviewer)
        target = Path(args.output) if args.output else Path(report.default_file_name(month, township_id))
        result = report.build_report(target, month, township_id=township_id, signatures=signatures)
    except (ServiceError, OSError) as exc:
        return print_failure(exc, target.parent)
    print(_tr("Monthly report for {period} written to {path}: {villages} villages, {rows} activity records, "
              "{gaps} gaps.").format(period=result.period.label, path=result.path, villages=result.villages,
                                     rows=result.ledger_rows, gaps=result.gaps))
    return 0
