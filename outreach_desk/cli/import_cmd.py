"""``outreach-desk import FILE [--dry-run]``: import a filled entry workbook or CSV file, all rows or none.

Exit status: 0 imported (or, with --dry-run, importable), 1 the file has problems and nothing was
imported (they are listed, and an annotated copy marks the cells), 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outreach_desk.cli.common import township_option
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("ImportCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the filled entry workbook (.xlsx) or a CSV file")
    parser.add_argument("--dry-run", action="store_true", help="check every row and report, import nothing")
    parser.add_argument("--township", metavar="NAME", help="resolve names within this township only")
    marked = parser.add_mutually_exclusive_group()
    marked.add_argument("--annotated", metavar="OUT.xlsx",
                        help="where to write the copy with wrong cells marked (default: beside FILE)")
    marked.add_argument("--no-annotated", action="store_true", help="do not write an annotated copy")


def _counts(plan, status: str) -> str:
    return _tr("{activities} activities, {surveys} surveys, {letters} parent letter records").format(
        activities=plan.count(status, "activity"), surveys=plan.count(status, "survey"),
        letters=plan.count(status, "parent_letter"))


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import annotate, import_rows
    from outreach_desk.services.excel.reader import WorkbookError
    from outreach_desk.services.safe_files import explain_os_error

    township_id = township_option(args)
    path = Path(args.file)
    try:
        plan = import_rows.prepare(path, township_id=township_id)
    except WorkbookError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    for notice in plan.notices:
        print(_tr("Note: {notice}").format(notice=notice))
    if not plan.ok:
        print(_tr("{name}: {count} problem(s); nothing was imported.").format(name=path.name, count=plan.issue_count),
              file=sys.stderr)
        for issue in plan.issues:
            print(f"  {issue}", file=sys.stderr)
        if plan.issue_count > len(plan.issues):
            print("  " + _tr("… and {count} more.").format(count=plan.issue_count - len(plan.issues)), file=sys.stderr)
        if not args.no_annotated:
            target = Path(args.annotated) if args.annotated else annotate.default_path(path)
            try:
                written = annotate.write_annotated(plan, target)
                print(_tr("The wrong cells are marked in {path}.").format(path=written), file=sys.stderr)
            except ServiceError as exc:
                print(_tr("The annotated copy could not be written: {reason}").format(reason=exc), file=sys.stderr)
            except OSError as exc:
                print(_tr("The annotated copy could not be written: {reason}").format(
                    reason=explain_os_error(exc, target)), file=sys.stderr)
        return 1
    before = plan.count(import_rows.IMPORTED) + plan.count(import_rows.CHANGED)
    if args.dry_run:
        print(_tr("{name}: no problems. Would import {counts}.").format(name=path.name,
                                                                     counts=_counts(plan, import_rows.NEW)))
        if before:
            print(_tr("{count} row(s) were imported before and would be skipped.").format(count=before))
        return 0
    try:
        result = import_rows.commit(plan)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(_tr("{name}: imported {activities} activities, {surveys} surveys and {letters} parent letter records.")
          .format(name=path.name, activities=result.imported["activity"], surveys=result.imported["survey"],
                  letters=result.imported["parent_letter"]))
    if result.skipped:
        print(_tr("{count} row(s) had been imported before and were skipped.").format(count=result.skipped))
    return 0
