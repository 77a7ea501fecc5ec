"""What every CLI command shares: a QtCore application for translations, the opened store, errors."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from outreach_desk import i18n
from outreach_desk.paths import default_database_path


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def township_option(args: argparse.Namespace) -> int | None:
    """The id of ``--township NAME``; an unknown name is a ServiceError that run_command reports."""
    from outreach_desk.services import organisation

    return organisation.find_township_id(args.township) if args.township else None


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
    from outreach_desk.services.errors import ServiceError

    try:
        return int(args._module.run(args) or 0)
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(i18n.translate("Cli", "Interrupted."), file=sys.stderr)
        return 130
    finally:
        close_database()
