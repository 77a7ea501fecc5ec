"""``outreach-desk county-import FILE... [--replace] [--new-township]``: a county office takes townships' upward
packages in.

Each package is checked and imported in a transaction of its own; a refused one (damaged, changed,
older than what the database holds, from a newer program) is named with the reason and the others
still go in. A package of a township the database does not hold is refused, naming it, unless
``--new-township`` says to add it. A package that would replace a township-month already imported shows what it adds,
changes and removes, and is applied only with ``--replace``.
"""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("CountyImportCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="upward packages (.zip) of townships")
    parser.add_argument("--replace", action="store_true",
                        help="apply packages that replace a township-month already imported (after the preview)")
    parser.add_argument("--new-township", action="store_true",
                        help="add the township of a package this database does not hold yet, then import it")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.county import package_import, preview
    from outreach_desk.services.errors import ServiceError

    refused = waiting = 0
    for name in args.files:
        try:
            plan, result = package_import.import_package(name, replace=args.replace,
                                                         new_township=args.new_township)
        except package_import.UnknownTownship as exc:
            print(_tr("{refusal} Check the township's name; to add it and import its package, run the command "
                      "again with --new-township.").format(refusal=exc), file=sys.stderr)
            refused += 1
            continue
        except ServiceError as exc:
            print(str(exc), file=sys.stderr)
            refused += 1
            continue
        if result is None:
            print(preview.headline(plan))
            for line in preview.lines(plan):
                print("  " + line)
            print("  " + _tr("Not imported yet: run the command again with --replace to replace the township's "
                             "month."))
            waiting += 1
            continue
        print(preview.outcome(plan, result))
        if plan.state == package_import.REPLACE:
            for line in preview.lines(plan):
                print("  " + line)
    return 2 if refused else 1 if waiting else 0
