"""File › New database… / Open database… / Connect to server… / Recent databases, and the databases used lately.

One window works on one database (its lock, its backups, its undo history), so choosing another
file or a server starts the program again on it and closes this window once that one is on its way.
The recent list is kept in the settings (newest first, files that still exist, at most eight); a
server's password typed in the connect dialog reaches the new window through its environment only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from outreach_desk.ui.shell.context import AppContext

RECENT_KEY = "database/recent"
MAX_RECENT = 8
DATABASE_FILTER = "*.db *.sqlite *.sqlite3"


def _stored(settings) -> list[str]:
    stored = settings.value(RECENT_KEY, []) or []
    return [stored] if isinstance(stored, str) else list(stored)


def recent_databases(settings) -> list[Path]:
    return [Path(p) for p in _stored(settings) if p and Path(p).is_file()][:MAX_RECENT]


def remember_database(settings, path: Path) -> list[Path]:
    """Put ``path`` first in the recent list; return the list. An unchanged list is not written again: every
    start would otherwise rewrite the settings file (with two fsyncs) while the window is being shown."""
    path = Path(path).resolve()
    paths = ([path] + [p for p in recent_databases(settings) if p.resolve() != path])[:MAX_RECENT]
    names = [str(p) for p in paths]
    if _stored(settings) != names:
        settings.setValue(RECENT_KEY, names)
    return paths


def launch_command(database: Path | str, language: str) -> tuple[str, list[str]]:
    """The program and arguments that open the window on ``database`` (the frozen build runs itself)."""
    arguments = ["--db", str(database), "--lang", language]
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "outreach_desk", *arguments]


def start_detached(program: str, arguments: list[str], password: str | None = None) -> bool:
    """Start the program on its own; ``password`` goes into its environment for the StoreSession to take."""
    from outreach_desk.ui.shell.store_session import PASSWORD_HANDOVER

    process = QProcess()
    process.setProgram(program)
    process.setArguments(arguments)
    environment = QProcessEnvironment.systemEnvironment()
    environment.remove(PASSWORD_HANDOVER)
    if password:
        environment.insert(PASSWORD_HANDOVER, password)
    process.setProcessEnvironment(environment)
    started = process.startDetached()
    return bool(started[0] if isinstance(started, tuple) else started)


class DatabaseActions(QObject):
    def __init__(self, context: AppContext, window: QWidget, start=start_detached):
        super().__init__(window)
        self.context = context
        self.window = window
        self._start = start
        if context.database_path is not None:
            remember_database(context.settings, context.database_path)
        self.new_action = QAction(self.tr("&New database…"), self)
        self.new_action.setObjectName("newDatabase")
        self.new_action.setStatusTip(self.tr("Start an empty database for another township or year"))
        self.new_action.triggered.connect(lambda: self.new_database())
        self.open_action = QAction(self.tr("Open &database…"), self)
        self.open_action.setObjectName("openDatabase")
        self.open_action.triggered.connect(lambda: self.open_database())
        self.connect_action = QAction(self.tr("Connect to ser&ver…"), self)
        self.connect_action.setObjectName("connectServer")
        self.connect_action.setStatusTip(self.tr("Work on the county's shared database on a PostgreSQL server"))
        self.connect_action.triggered.connect(lambda: self.connect_server())
        self.recent_menu = QMenu(self.tr("Recen&t databases"), window)
        self.recent_menu.setObjectName("recentDatabases")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addAction(self.connect_action)
        menu.addMenu(self.recent_menu)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = self.context.database_path.resolve() if self.context.database_path is not None else None
        for number, path in enumerate(recent_databases(self.context.settings), 1):
            action = self.recent_menu.addAction(f"&{number} {path}")
            action.setEnabled(path.resolve() != current)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _folder(self) -> str:
        if self.context.database_path is None:
            return str(Path.home())
        return str(self.context.database_path.parent)

    def new_database(self, target: str | None = None) -> bool:
        if not target:
            target, _filter = QFileDialog.getSaveFileName(
                self.window, self.tr("New database"), str(Path(self._folder()) / self.tr("new township.db")),
                self.tr("Outreach Desk databases ({patterns})").format(patterns=DATABASE_FILTER))
        if not target:
            return False
        path = Path(target)
        if path.suffix.lower() not in (".db", ".sqlite", ".sqlite3"):
            path = path.with_name(path.name + ".db")
        if path.exists():
            QMessageBox.warning(self.window, self.tr("New database"), self.tr(
                "{path} exists already. Choose a new name, or open it with File › Open database.").format(path=path))
            return False
        return self.switch_to(path)

    def open_database(self, target: str | None = None) -> bool:
        if not target:
            target, _filter = QFileDialog.getOpenFileName(
                self.window, self.tr("Open database"), self._folder(),
                self.tr("Outreach Desk databases ({patterns});;All files (*)").format(patterns=DATABASE_FILTER))
        if not target:
            return False
        return self.switch_to(Path(target))

    def connect_server(self) -> bool:
        """Ask for a server, try it, and start the window on it; False when cancelled or already here."""
        from outreach_desk.ui.shell.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.context.settings, self.window)
        if dialog.exec() != ConnectDialog.DialogCode.Accepted or dialog.url is None:
            return False
        if dialog.url == self.context.server_url:
            return False
        return self.switch_to(dialog.url, dialog.password)

    def switch_to(self, path: Path | str, password: str | None = None) -> bool:
        """Start the window on ``path`` (a file, or a server's URL) and close this one; False (this window stays)
        when it cannot start."""
        server = isinstance(path, str)
        if not server and self.context.database_path is not None \
                and path.resolve() == self.context.database_path.resolve():
            return False
        program, arguments = launch_command(path, self.context.language)
        started = self._start(program, arguments, password) if password else self._start(program, arguments)
        if isinstance(started, tuple):
            started = started[0]
        if not started:
            QMessageBox.warning(self.window, self.tr("Open database"), self.tr(
                "The program could not be started on {path}.").format(path=path))
            return False
        if not server and path.exists():
            remember_database(self.context.settings, path)
        self.window.close()
        return True
