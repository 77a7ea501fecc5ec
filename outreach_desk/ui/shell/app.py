"""Application start-up: QApplication, translations, the store, the main window (and --smoke)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from outreach_desk import i18n
from outreach_desk.paths import APP_NAME, default_database_path, demo_database_path


def seconds_since_process_start(fallback_t0: float) -> float:
    """Wall time since the OS started this process (Linux /proc), else since the CLI was imported."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        import os

        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.time() - fallback_t0


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(app.translate("App", "Outreach Desk"))
    return app


def choose_database(args: argparse.Namespace) -> Path | str:
    """The database file the window opens, or the server's ``postgresql://`` URL given with ``--db``."""
    if getattr(args, "demo", False):
        return demo_database_path()
    if args.db and "://" in args.db:
        return args.db
    return Path(args.db) if args.db else default_database_path()


def prepare_demo_database(path: Path) -> None:
    """``--demo``: write the demo township into the demo database whenever it holds no records.

    Not only when the file is missing: a file left empty (a run stopped while the demo was being
    written rolls back to an empty store) must not open as an empty demo.
    """
    from outreach_desk.services import demo
    from outreach_desk.store import close_database, open_database

    open_database(path)
    try:
        if not demo.has_records():
            demo.generate("township", seed=1)
    finally:
        close_database()


def run_gui(args: argparse.Namespace, process_t0: float) -> int:

    app = make_application()
    from outreach_desk.ui.shell.error_reporting import install_error_reporting

    install_error_reporting(app)
    settings = QSettings()
    language = i18n.install(app, i18n.resolve_language(args.lang, settings.value("ui/language")))
    app.setApplicationDisplayName(app.translate("App", "Outreach Desk"))
    path = choose_database(args)
    if getattr(args, "demo", False):
        prepare_demo_database(path)
    from outreach_desk.ui.shell.store_session import StoreSession

    session = StoreSession(path, language, interactive=not args.smoke, settings=settings)
    if not session.open():
        session.close(backup_on_exit=False)
        return 2
    window = session.make_window()
    if window is None:
        session.close(backup_on_exit=False)
        return 2

    def ready_for_typing():
        if args.smoke:  # a smoke run only opens and quits: it leaves no session mark
            print(f"{seconds_since_process_start(process_t0):.3f}")
            app.quit()
        else:
            session.mark_session_open()

    # the ledger builds its form right after the window's first paint; the form's own first paint is the
    # moment typing can start (watched on the form alone: a filter on the application would pass every event
    # through Python, making PySide6 wrap each event class, and create its enums, before the line)
    window.page("ledger").formPainted.connect(ready_for_typing)
    if args.smoke:
        session.exit_backup_over = True  # quitting closes the window: no exit backup for a smoke run
        window.show()
        QTimer.singleShot(30000, lambda: app.exit(3))
    else:
        window.show()
        session.start_background_work()
        from outreach_desk.ui.dashboard.preload import preload_when_idle

        preload_when_idle(window)
        from outreach_desk.ui.shell.first_run import offer_first_run

        offer_first_run(window)
    try:
        return app.exec()
    finally:
        session.close(backup_on_exit=not args.smoke)
