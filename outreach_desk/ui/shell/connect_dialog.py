"""File › Connect to server…: the county server's address, a test connection, and the servers used lately.

The clerk types the host, port, database and user (or picks a recent server, remembered without its
password). The password may be typed or left empty for libpq's ``~/.pgpass`` / ``PGPASSFILE``; it is
never written to the settings. Connect tries the server in a worker and stays open with the reason in
one sentence when it cannot connect, so a mistyped name costs one correction, not a restart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from outreach_desk.store import server
from outreach_desk.ui.shell.tasks import run_task

RECENT_SERVERS_KEY = "database/recent_servers"
MAX_RECENT_SERVERS = 8
DEFAULT_PORT = 5432


def recent_servers(settings) -> list[str]:
    """The servers connected to lately, newest first, as URLs without passwords."""
    stored = settings.value(RECENT_SERVERS_KEY, []) or []
    if isinstance(stored, str):
        stored = [stored]
    return [url for url in stored if server.is_server_url(url)][:MAX_RECENT_SERVERS]


def remember_server(settings, url: str) -> list[str]:
    """Put ``url`` (its password taken out) first in the recent servers; return the list."""
    url = server.without_password(url)
    urls = [url] + [u for u in recent_servers(settings) if u != url]
    settings.setValue(RECENT_SERVERS_KEY, urls[:MAX_RECENT_SERVERS])
    return urls[:MAX_RECENT_SERVERS]


def _probe(url: str, password: str | None) -> None:
    """In a worker: connect once and close again; the ServerError says what is wrong."""
    server.connect(url, password).close()


class ConnectDialog(QDialog):
    """Asks for a server and checks that it answers; ``url`` and ``password`` once accepted."""

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to server"))
        self.settings = settings
        self.url: str | None = None
        self.password: str | None = None
        self.task = None
        intro = QLabel(self.tr("Several clerks (or a whole county) can work on one PostgreSQL database on the "
                               "county's server. Ask the county IT person for these details."), self)
        intro.setWordWrap(True)
        self.recent = QComboBox(self)
        self.recent.setObjectName("recentServers")
        self.recent.addItem(self.tr("(type a new server below)"), "")
        for url in recent_servers(settings):
            self.recent.addItem(server.describe(url), url)
        self.recent.setEnabled(self.recent.count() > 1)
        self.recent.currentIndexChanged.connect(self._recent_chosen)
        self.host = QLineEdit(self)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. 10.12.0.5 or db.county.local"))
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("serverUser")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: taken from ~/.pgpass"))
        form = QFormLayout()
        form.addRow(self.tr("&Recent servers:"), self.recent)
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        note = QLabel(self.tr("The password is not saved. To connect without typing it, the county IT person can "
                              "put it in the file ~/.pgpass (on Windows %APPDATA%\\postgresql\\pgpass.conf)."), self)
        note.setWordWrap(True)
        note.setObjectName("passwordNote")
        self.problem = QLabel(self)
        self.problem.setObjectName("connectProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if self.recent.count() > 1:
            self.recent.setCurrentIndex(1)

    def _recent_chosen(self, index: int) -> None:
        url = self.recent.itemData(index)
        if not url:
            return
        host, port, name, user = server.address_parts(url)
        self.host.setText(host)
        self.port.setValue(port)
        self.database.setText(name)
        self.user.setText(user)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _address(self) -> str | None:
        for edit, what in ((self.host, self.tr("the server")), (self.database, self.tr("the database")),
                           (self.user, self.tr("the user"))):
            if not edit.text().strip():
                self._say(self.tr("Fill in {what}.").format(what=what))
                edit.setFocus()
                return None
        return server.address(self.host.text(), self.port.value(), self.database.text(), self.user.text())

    def try_connect(self) -> None:
        """Connect once in a worker; accept on success, else say why and keep everything typed."""
        if self.task is not None and not self.task.done:
            return
        url = self._address()
        if url is None:
            return
        password = self.password_edit.text() or None
        self._say("")
        self.connect_button.setEnabled(False)
        self.task = run_task(self, self.tr("Connecting to the server {where}…").format(where=server.describe(url)),
                             lambda _progress: _probe(url, password), on_done=lambda _r: self._connected(url, password),
                             on_error=self._failed, needs_database=False, cancellable=False)

    def _connected(self, url: str, password: str | None) -> None:
        self.connect_button.setEnabled(True)
        self.url, self.password = url, password
        remember_server(self.settings, url)
        self.accept()

    def _failed(self, exc: Exception, details: str) -> None:
        self.connect_button.setEnabled(True)
        if isinstance(exc, server.ServerError):
            self._say(str(exc))
        else:
            self._say(server.explain(exc, server.describe(self._address() or "")) or str(exc))
        focus = self.password_edit if isinstance(exc, server.PasswordNeededError) else self.host
        focus.setFocus()
        focus.selectAll()
