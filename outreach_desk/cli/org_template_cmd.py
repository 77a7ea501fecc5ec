"""``outreach-desk org-template FILE [--township NAME]``: the organisation workbook, filled with the database.

The same file goes back in with ``outreach-desk org-import``, so exporting and editing the
organisation is one file; on an empty database it is the blank form to fill in.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("OrgTemplateCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", help="where to write it (default: <镇名>组织架构.xlsx here)")
    parser.add_argument("--township", metavar="NAME", help="the township (needed when there are several)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import print_failure, township_option
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.excel import org_workbook

    target = Path(args.file or ".")
    try:
        township_id = township_option(args)
        if not args.file:
            township = org_workbook.choose_township(township_id)
            target = Path(org_workbook.default_file_name(township.name if township else ""))
        result = org_workbook.make_template(target, township_id)
    except (ServiceError, OSError) as exc:
        return print_failure(exc, target.parent)
    print(_tr("Organisation workbook written to {path}: {villages} village(s) or communities, {sites} site(s), "
              "{units} member unit(s).").format(path=result.path, villages=result.villages, sites=result.sites,
                                                units=result.member_units))
    return 0
