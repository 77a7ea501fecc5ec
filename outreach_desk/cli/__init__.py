"""Command line: ``outreach-desk [--db PATH|URL] [--lang L] [--smoke | --demo] [COMMAND ...]``.

Without a command the window opens. Each command lives in its own module exposing
``add_arguments(parser)`` and ``run(args) -> int``; heavy imports stay inside ``run``. Only the
module of the command being run is imported: the others are listed by name and help alone, so
opening the window (or ``--help``) imports none of them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from outreach_desk import __version__

PROCESS_T0 = time.time()

# (command, module, help): a module is imported only when its command runs (or asks for --help).
COMMANDS: list[tuple[str, str, str]] = [
    ("demo", "outreach_desk.cli.demo_cmd", "fill the database with a synthetic township or county"),
    ("org-template", "outreach_desk.cli.org_template_cmd", "write the organisation workbook (filled in)"),
    ("org-import", "outreach_desk.cli.org_import_cmd", "import the organisation workbook (all rows or none)"),
    ("campaign", "outreach_desk.cli.campaign_cmd", "list, add or choose campaigns (with their target rules)"),
    ("coverage", "outreach_desk.cli.coverage_cmd", "coverage against the campaign's targets, with the gap list"),
    ("ranking", "outreach_desk.cli.ranking_cmd", "villages or member units ranked, with the change of rank"),
    ("bulletin", "outreach_desk.cli.bulletin_cmd", "write the monthly bulletin (通报) as a Word document"),
    ("cases", "outreach_desk.cli.cases_cmd", "police fraud-case figures: template, import, 同比/环比"),
    ("template", "outreach_desk.cli.template_cmd", "write the entry workbook for village cadres"),
    ("import", "outreach_desk.cli.import_cmd", "import a filled entry workbook or CSV file (all rows or none)"),
    ("report", "outreach_desk.cli.report_cmd", "write the monthly Excel report to the county"),
    ("package", "outreach_desk.cli.package_cmd", "write the month's upward package (report, photos, 总结) as a zip"),
    ("close", "outreach_desk.cli.close_cmd", "send a month (报送): keep what was sent and close the month"),
    ("reopen", "outreach_desk.cli.reopen_cmd", "reopen a closed month, with the reason (audited)"),
    ("sendings", "outreach_desk.cli.sendings_cmd", "the history of sendings (报送记录)"),
    ("documents", "outreach_desk.cli.documents_cmd", "the campaign's documents (总结, 典型案例 …): due, overdue, "
     "attached; attach files"),
    ("county-import", "outreach_desk.cli.county_import_cmd", "county office: import townships' upward packages"),
    ("county-status", "outreach_desk.cli.county_status_cmd", "county office: who sent which month (报送情况)"),
    ("backup", "outreach_desk.cli.backup_cmd", "make a verified backup of the database (default: its backups folder)"),
    ("restore", "outreach_desk.cli.restore_cmd", "replace the database by a verified backup, keeping it aside"),
    ("check", "outreach_desk.cli.check_cmd", "run the integrity and foreign-key checks on the database"),
    ("server-init", "outreach_desk.cli.server_init_cmd", "create the schema on an empty PostgreSQL database"),
    ("server-roles", "outreach_desk.cli.server_roles_cmd", "PostgreSQL logins per township: row-level security "
     "(a township writes only its own records)"),
    ("copy", "outreach_desk.cli.copy_cmd", "copy every record of a database file or server into an empty one"),
]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command listed; only ``command`` gets its own arguments (and --help)."""
    parser = argparse.ArgumentParser(prog="outreach-desk", description="反诈宣传工作台 Outreach Desk")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: the per-user data folder), or a "
                        "server: postgresql://user@host:port/dbname")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="user interface language")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--smoke", action="store_true", help="open the window, wait until painted, print seconds, exit")
    mode.add_argument("--demo", action="store_true", help="open the window on a demo township database of its own")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name, help_text in COMMANDS:
        command_parser = sub.add_parser(name, help=help_text, description=help_text, add_help=name == command)
        if name == command:
            module = importlib.import_module(module_name)
            module.add_arguments(command_parser)
            command_parser.set_defaults(_module=module)
    return parser


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Find the command first (its arguments left aside), then parse again knowing its arguments."""
    parser = build_parser()
    found, _rest = parser.parse_known_args(argv)
    if found.command:
        parser = build_parser(found.command)
    return parser.parse_args(argv)


def refuse_known_bad_runtime(args: argparse.Namespace) -> bool:
    """Say so and return True when the installed PySide6 is known to crash on this Python."""
    from outreach_desk import runtime_check

    problem = runtime_check.refusal(args.lang)
    if problem is None:
        return False
    print(problem, file=sys.stderr)
    if not args.command and not args.smoke:  # a windowed program has no console to print to
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication([sys.argv[0]])
        QMessageBox.critical(None, "", problem)
        del app
    return True


def import_store_library_before_qt() -> None:
    """Import the store, whose connection module imports peewee (with the database drivers it imports when
    they are installed: psycopg) before anything of PySide6, which a command's module brings with it (its
    messages are translated), so before the arguments are parsed.

    Once loaded, PySide6 reads the source of every module imported after it (looking for its ``__feature__``
    switches); for peewee and psycopg with asyncio that reading costs as much again as the import itself.
    Every window and command uses the store, so nothing is imported that would not be anyway.
    """
    import outreach_desk.store  # noqa: F401 - imported for its own sake, see above


def main(argv: list[str] | None = None) -> int:
    import_store_library_before_qt()
    args = parse_arguments(argv)
    if refuse_known_bad_runtime(args):
        return 2
    if args.command:
        from outreach_desk.cli.common import run_command

        return run_command(args)
    from outreach_desk.ui.shell.app import run_gui

    return run_gui(args, process_t0=PROCESS_T0)


if __name__ == "__main__":
    sys.exit(main())
