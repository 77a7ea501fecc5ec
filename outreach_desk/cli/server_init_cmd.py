"""``outreach-desk server-init URL``: the schema (the same numbered migrations) on an empty server database.

The county IT person creates an empty PostgreSQL database and runs this once; running it again
brings the schema up to date and changes nothing else. No lock file: a server has many writers.
"""

from __future__ import annotations

import argparse
import sys

from outreach_desk.i18n import translate

OPENS_DATABASE = False  # the URL is the command's own argument, not --db
LOCKS_DATABASE = False


def _tr(text: str) -> str:
    return translate("ServerInitCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="postgresql://user@host:port/dbname (password: ~/.pgpass)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.store import migrations, server

    if not server.is_server_url(args.url):
        raise ServiceError(_tr("{url} is not a server address; it must start with postgresql://.").format(
            url=args.url))
    applied = server.initialise(args.url)
    where = server.describe(args.url)
    if applied:
        print(_tr("The database {where} now has the Outreach Desk schema (version {version}).").format(
            where=where, version=applied[-1]))
    else:
        print(_tr("The database {where} already has the newest schema (version {version}); nothing was "
                  "changed.").format(where=where, version=migrations.latest_version()))
    from outreach_desk.services import database_check

    warning = database_check.server_ctype_warning(args.url)
    if warning:
        print(warning, file=sys.stderr)
    return 0
