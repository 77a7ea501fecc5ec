"""``outreach-desk template OUT.xlsx``: the entry workbook for village cadres, from the current database."""

from __future__ import annotations

import argparse

from outreach_desk.cli.common import print_failure, township_option
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("TemplateCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", metavar="OUT.xlsx", help="where to write the workbook")
    parser.add_argument("--township", metavar="NAME", help="only this township's villages and sites (default: all)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import template

    township_id = township_option(args)
    try:
        path = template.make_template(args.output, township_id)
    except (ServiceError, OSError) as exc:
        return print_failure(exc, args.output)
    print(_tr("Entry workbook written to {path}.").format(path=path))
    return 0
