"""``outreach-desk report --month YYYY-MM [-o FILE]``: the monthly Excel report to the county.

The names on the form (填报单位, 填报人, 审核人) come from the options, else from the settings the
window saves (``report/unit``, ``report/preparer``, ``report/reviewer``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from outreach_desk.cli.common import township_option
from outreach_desk.i18n import translate

SETTINGS_KEYS = {"unit": "report/unit", "preparer": "report/preparer", "reviewer": "report/reviewer"}


def _tr(text: str) -> str:
    return translate("ReportCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", default=dt.date.today().strftime("%Y-%m"),
                        help="the month to report (default: this month)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write the workbook (default: <镇名>_防诈宣传月报_<YYYY-MM>.xlsx here)")
    parser.add_argument("--township", metavar="NAME", help="only this township (default: all)")
    parser.add_argument("--unit", metavar="NAME", help="填报单位 (default: from the settings, else the office name)")
    parser.add_argument("--preparer", metavar="NAME", help="填报人 (default: from the settings)")
    parser.add_argument("--reviewer", metavar="NAME", help="审核人 (default: from the settings)")


def saved_names() -> dict[str, str]:
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME

    settings = QSettings(APP_NAME, APP_NAME)
    return {key: str(settings.value(name, "") or "") for key, name in SETTINGS_KEYS.items()}


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import report
    from outreach_desk.services.excel.report_form import Signatures

    township_id = township_option(args)
    try:
        month = periods.parse_month(args.month)
        saved = saved_names()
        signatures = Signatures(args.unit or saved["unit"] or report.office(township_id),
                                args.preparer or saved["preparer"], args.reviewer or saved["reviewer"])
        target = Path(args.output) if args.output else Path(report.default_file_name(month, township_id))
        result = report.build_report(target, month, township_id=township_id, signatures=signatures)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("Monthly report for {period} written to {path}: {villages} villages, {rows} activity records, "
              "{gaps} gaps.").format(period=result.period.label, path=result.path, villages=result.villages,
                                     rows=result.ledger_rows, gaps=result.gaps))
    return 0
