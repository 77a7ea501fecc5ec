"""``outreach-desk cases``: fraud-case figures from the police station, and their 同比/环比 change.

- ``cases template --month 2026-11 [-o FILE]`` writes the workbook the police station fills in;
- ``cases import FILE [--dry-run] [--marked FILE]`` imports it (all rows or none; a second import
  of the same file changes nothing; a file with problems gets a marked copy);
- ``cases show --month 2026-11 [--json]`` prints each village and the township against the same
  month last year and the month before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("CasesCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    this_month = dt.date.today().strftime("%Y-%m")
    template = actions.add_parser("template", help="write the workbook the police station fills in")
    template.add_argument("--month", metavar="YYYY-MM", default=this_month, help="the month (default: this month)")
    template.add_argument("-o", "--output", metavar="FILE", help="where to write it")
    template.add_argument("--township", metavar="NAME", help="the township (needed when there are several)")
    importing = actions.add_parser("import", help="import a filled workbook (all rows or none)")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--township", metavar="NAME", help="the township (needed when there are several)")
    importing.add_argument("--dry-run", action="store_true", help="check the file only")
    importing.add_argument("--marked", metavar="FILE", help="where to write the marked copy when there are problems")
    show = actions.add_parser("show", help="the month against the same month last year and the month before")
    show.add_argument("--month", metavar="YYYY-MM", default=this_month, help="the month (default: this month)")
    show.add_argument("--township", metavar="NAME", help="the township (needed when there are several)")
    show.add_argument("--json", action="store_true", help="machine-readable output")


def _township(args):
    from outreach_desk.cli.common import township_option
    from outreach_desk.services.supervision.bulletin import choose_township

    return choose_township(township_option(args))


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.coverage import periods

    township = _township(args)
    if args.action == "import":
        return _import(args, township)
    month = periods.parse_month(args.month)
    year, number = month.start.year, month.start.month
    if args.action == "template":
        from outreach_desk.services.supervision import cases_workbook

        target = Path(args.output or cases_workbook.default_file_name(township.name, year, number))
        path = cases_workbook.make_template(target, township.id, year, number)
        print(_tr("Fraud-case workbook for {month} written to {path}.").format(month=month.label, path=path))
        return 0
    return _show(args, township, year, number)


def _import(args, township) -> int:
    from outreach_desk.services.excel import annotate
    from outreach_desk.services.supervision import cases_workbook

    source = Path(args.file)
    prepared = cases_workbook.prepare(source, township.id)
    if not prepared.ok:
        for issue in prepared.issues:
            print(str(issue), file=sys.stderr)
        marked = Path(args.marked) if args.marked else annotate.default_path(source)
        if prepared.plan.issue_count and any(i.row for i in prepared.issues):
            annotate.write_annotated(prepared.plan, marked)
            print(_tr("Nothing was imported. A copy with every problem marked is in {path}.").format(path=marked),
                  file=sys.stderr)
        else:
            print(_tr("Nothing was imported."), file=sys.stderr)
        return 2
    if args.dry_run:
        print(_tr("The file is correct: {new} month figure(s) would be added, {corrected} corrected, {unchanged} "
                  "are as stored.").format(new=prepared.count("new"), corrected=prepared.count("corrected"),
                                           unchanged=prepared.count("unchanged")))
        return 0
    result = cases_workbook.commit(prepared)
    print(_tr("Imported: {new} month figure(s) added, {corrected} corrected, {unchanged} unchanged.").format(
        new=result.new, corrected=result.corrected, unchanged=result.unchanged))
    return 0


def _show(args, township, year: int, month: int) -> int:
    from outreach_desk.services.supervision import cases

    result = cases.compare(township.id, year, month)
    if args.json:
        json.dump({"township": township.name, "year": year, "month": month,
                   "rows": [c.as_dict() for c in result]}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(_tr("Fraud cases in {township}, {year}-{month:02d}: against the same month last year (YoY) and the month "
              "before (MoM)").format(township=township.name, year=year, month=month))
    for row in result:
        now = _tr("not reported") if row.now is None else _tr("{cases} cases, {losses} yuan lost").format(
            cases=row.now.cases, losses=cases.format_yuan(row.now.losses_fen))
        print(_tr("{name}: {now}; cases YoY {yoy}, MoM {mom}; losses YoY {losses_yoy}, MoM {losses_mom}").format(
            name=row.name, now=now, yoy=row.cases_yoy.text(), mom=row.cases_mom.text(),
            losses_yoy=row.losses_yoy.text(money=True), losses_mom=row.losses_mom.text(money=True)))
    return 0
