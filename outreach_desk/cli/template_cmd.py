"""``outreach-desk template OUT.xlsx``: the entry workbook for village cadres, from the current database."""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("TemplateCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", metavar="OUT.xlsx", help="where to write the workbook")
    parser.add_argument("--township", metavar="NAME", help="only this township's villages and sites (default: all)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import template
    from outreach_desk.store.models import Township

    township_id = None
    if args.township:
        township_id = Township.select(Township.id).where(Township.name == args.township.strip()).scalar()
        if township_id is None:
            print(_tr("There is no township named {name}.").format(name=args.township), file=sys.stderr)
            return 2
    try:
        path = template.make_template(args.output, township_id)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(_tr("Entry workbook written to {path}.").format(path=path))
    return 0
