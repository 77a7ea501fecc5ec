"""What every CLI command shares: a QtCore application for translations, the opened store, errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outreach_desk import i18n
from outreach_desk.paths import default_database_path


def database_argument(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_database_path()


def _core_app():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() or QCoreApplication(["outreach-desk"])


def run_command(args: argparse.Namespace) -> int:
    """Install translations, open the store, run the command; report store errors plainly."""
    from outreach_desk.store import StoreError, close_database, open_database

    app = _core_app()
    i18n.install(app, i18n.resolve_language(args.lang))
    if getattr(args._module, "OPENS_DATABASE", True):
        try:
            open_database(database_argument(args))
        except StoreError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    try:
        return int(args._module.run(args) or 0)
    except KeyboardInterrupt:
        print(i18n.translate("Cli", "Interrupted."), file=sys.stderr)
        return 130
    finally:
        close_database()
