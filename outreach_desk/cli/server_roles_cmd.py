"""``outreach-desk server-roles URL --township NAME --user USER`` (or ``--county``): who may write what on a server.

The county IT person runs it as the owner of the tables (the user that ran ``server-init``). It sets up
PostgreSQL's row-level security (store/row_security.py) and makes ``USER`` a clerk of one township, who
reads every township but writes only its own, or a county user, who writes all. ``--password`` asks for
the login's password (or reads one line from standard input); a new login made without it cannot log in
with a password until one is set.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from outreach_desk.i18n import translate

OPENS_DATABASE = False  # the URL is the command's own argument, not --db
LOCKS_DATABASE = False


def _tr(text: str) -> str:
    return translate("ServerRolesCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="postgresql://owner@host:port/dbname, as the tables' owner")
    whose = parser.add_mutually_exclusive_group(required=True)
    whose.add_argument("--township", metavar="NAME", help="the township whose records the user may write")
    whose.add_argument("--county", action="store_true", help="the user may write every township's records")
    parser.add_argument("--user", metavar="USER", required=True, help="the clerk's PostgreSQL login (made if new)")
    parser.add_argument("--password", action="store_true", help="set the login's password (asked for, or one line "
                                                                 "of standard input)")


def _read_password() -> str:
    from outreach_desk.services.errors import ServiceError

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(_tr("Password for the login: "))
    if first != getpass.getpass(_tr("The same password again: ")):
        raise ServiceError(_tr("The two passwords differ; nothing was changed."))
    return first


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.store import row_security, server

    if not server.is_server_url(args.url):
        raise ServiceError(_tr("{url} is not a server address; it must start with postgresql://.").format(
            url=args.url))
    row_security.check_user_name(args.user)
    password = _read_password() if args.password else None
    if args.password and not password:
        raise ServiceError(_tr("The password is empty; nothing was changed."))
    tables, made = row_security.configure(args.url, args.user, None if args.county else args.township, password)
    where = server.describe(args.url)
    print(_tr("Row-level security is on for {count} tables of {where}.").format(count=len(tables), where=where))
    if args.county:
        print(_tr("{user} is a county user: reads and writes the records of every township.").format(user=args.user))
    else:
        print(_tr("{user} is a clerk of {township}: reads every township, writes only {township}'s records.").format(
            user=args.user, township=args.township))
    if made and not password:
        print(_tr("The login {user} was made without a password: run this again with --password to set one.")
              .format(user=args.user))
    return 0
