"""``outreach-desk county-import FILE... [--replace] [--new-township]``: a county office takes townships' upward
packages in.

Each package is checked and imported in a transaction of its own; a refused one (damaged, changed,
older than what the database holds, from a newer program) is named with the reason and the others
still go in. A package of a township the database does not hold is refused, naming it, unless
``--new-township`` says to add it. A package that would replace a township-month already imported shows what it adds,
changes and removes, and is applied only with ``--replace``. A township package whose township's earlier months
(within its campaign, and not among the files given) were never imported is followed by a warning naming them.
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
    batch = _batch(args.files)
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
            for line in preview.lines(plan, batch):
                print("  " + line)
            print("  " + _tr("Not imported yet: run the command again with --replace to replace the township's "
                             "month."))
            waiting += 1
            continue
        print(preview.outcome(plan, result))
        missing = preview.missing_line(plan, batch)
        shown = preview.lines(plan, batch) if plan.state == package_import.REPLACE else [missing] if missing else []
        for line in shown:
            print("  " + line)
    return 2 if refused else 1 if waiting else 0


def _batch(files: list[str]) -> set[tuple[str, str]]:
    """(township uuid, month) of the township packages named together (an unreadable one is left to the import)."""
    from outreach_desk.services.submission import manifest

    found = set()
    for name in files:
        try:
            data = manifest.peek(name)
        except manifest.PackageDamaged:
            continue
        if not data.get("village") and (data.get("township") or {}).get("id"):
            found.add((data["township"]["id"], str(data.get("month") or "")))
    return found
