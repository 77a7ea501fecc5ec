"""``outreach-desk org-import FILE [--dry-run] [--marked FILE]``: the organisation from its workbook.

All rows or none: a file with problems lists each with sheet, row and column and gets a marked
copy; a correct one says what it adds and changes (``--dry-run`` stops there). Importing the same
file twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("OrgImportCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--township", metavar="NAME", help="the township (needed when there are several)")
    parser.add_argument("--dry-run", action="store_true", help="check the file and say what would change, only")
    parser.add_argument("--marked", metavar="FILE", help="where to write the marked copy when there are problems")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import township_option
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import annotate, org_import

    source = Path(args.file)
    try:
        prepared = org_import.prepare(source, township_option(args))
        if not prepared.ok:
            for issue in prepared.issues:
                print(str(issue), file=sys.stderr)
            if any(issue.row for issue in prepared.issues):
                marked = annotate.write_annotated(prepared.plan, Path(args.marked) if args.marked
                                                  else annotate.default_path(source))
                print(_tr("Nothing was imported. A copy with every problem marked is in {path}.").format(path=marked),
                      file=sys.stderr)
            else:
                print(_tr("Nothing was imported."), file=sys.stderr)
            return 2
        print(prepared.summary())
        for line in prepared.change_lines():
            print("  " + line)
        if args.dry_run:
            print(_tr("Dry run: nothing was written."))
            return 0
        if not prepared.changes_anything:
            print(_tr("The database already holds everything in this workbook; nothing changed."))
            return 0
        applied = org_import.commit(prepared)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("Imported {name}: {added} record(s) added, {changed} changed, {numbers} assigned number(s) set.").format(
        name=source.name, added=applied.counts["added"], changed=applied.counts["changed"],
        numbers=applied.counts["numbers"]))
    return 0
