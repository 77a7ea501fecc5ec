"""File › Copy the database… and, on a county server, File › Restore from backup…: where from, where to, then the work.

The copy is ``copy``'s service (every record and photo into a new or empty database file or server database);
the restore puts a server backup (a pg_dump archive, or a database file made without pg_dump) into a server
database (services/server_restore.py). Both run in a worker (ui/shell/tasks.py) with progress and Cancel, so
the window stays usable; the target is written whole or not at all. A target that holds records is replaced
only after the clerk confirmed it, No being the default; the password for a server target is typed here (or
left empty for ~/.pgpass and this connection's own) and kept in memory for this one piece of work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from outreach_desk.services import server_restore
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import StoreError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.tasks import Task, run_task

COPY, RESTORE = "copy", "restore"


class TransferDialog(QDialog):
    """``mode`` COPY: this database into another; RESTORE: a server backup into a server database."""

    def __init__(self, context: AppContext, mode: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.mode = context, mode
        self.task: Task | None = None
        self.result = None
        self.setObjectName("transferDialog")
        copying = mode == COPY
        self.setWindowTitle(self.tr("Copy the database") if copying else self.tr("Restore a server backup"))
        self.source = QLineEdit(self)
        self.source.setObjectName("transferSource")
        self.target = QLineEdit(self)
        self.target.setObjectName("transferTarget")
        self.password = QLineEdit(self)
        self.password.setObjectName("targetPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: ~/.pgpass, or this connection's password"))
        form = QFormLayout()
        if copying:
            self.source.setText(context.server_url or str(context.database_path))
            self.source.setReadOnly(True)
            form.addRow(self.tr("Copy"), self.source)
            form.addRow(self.tr("Into"), self._with_button(self.target, self.tr("Choose a file…"), self._choose_file))
            hint = self.tr("A new database file (or one without records), or an empty server database written as "
                           "postgresql://user@server:5432/dbname. Every record and photo is copied, and the counts "
                           "of every table are checked.")
        else:
            form.addRow(self.tr("Backup"), self._with_button(self.source, self.tr("Choose…"), self._choose_backup))
            self.target.setText(_sibling_database(context.server_url or ""))
            form.addRow(self.tr("Into the server database"), self.target)
            hint = self.tr("A pg_dump archive (.dump) or a database file (.db) made by Back up now. Restore into a "
                           "new, empty database (createdb), check it, then let the clerks connect to it; the database "
                           "the clerks use now is not touched unless you name it.")
        form.addRow(self.tr("Server password"), self.password)
        note = QLabel(hint, self)
        note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("transferStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.start_button = buttons.addButton(self.tr("&Copy") if copying else self.tr("&Restore"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setObjectName("startTransfer")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.start())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 250)

    def _with_button(self, edit: QLineEdit, text: str, slot) -> QWidget:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(text, row)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        box.addWidget(button)
        return row

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Copy into which database file?"), str(Path.home()),
                                                    self.tr("Outreach Desk databases (*.db)"))
        if path:
            self.target.setText(path)

    def _choose_backup(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Which backup?"), str(Path.home()),
                                                    self.tr("Server backups (*.dump *.db);;All files (*)"))
        if path:
            self.source.setText(path)

    # ------------------------------------------------------------------ the work
    def start(self, replace: bool = False) -> None:
        source, target = self.source.text().strip(), self.target.text().strip()
        if not source or not target:
            self._say(self.tr("Say where from and where to."))
            return
        password = self.password.text() or None
        if self.mode == COPY:
            title = self.tr("Copying the database…")

            def job(progress):
                return server_restore.copy_from_window(source, target, progress, target_password=password,
                                                       replace=replace)
        else:
            title = self.tr("Restoring the backup…")

            def job(progress):
                return server_restore.restore_backup(source, target, progress, password=password, replace=replace)
        self.start_button.setEnabled(False)
        self._say(title)
        self.task = run_task(self, title, job, on_done=self._done, on_error=self._failed, needs_database=False)
        self.task.cancelled.connect(self._cancelled)

    def _done(self, result) -> None:
        self.task, self.result = None, result
        self.start_button.setEnabled(True)
        if self.mode == COPY:
            self._say(self.tr("Copied into {target}: {records:,} records in {tables} tables and {photos:,} photos; "
                              "the counts of every table were checked.").format(
                                  target=result.target, records=sum(result.counts.values()),
                                  tables=len(result.counts), photos=result.photos))
        else:
            self._say(self.tr("The backup {name} is in {target} ({count:,} activity records). The clerks can "
                              "connect to it with File › Connect to server….").format(
                                  name=result.backup.name, target=result.target, count=result.activities))

    def _failed(self, exc: Exception, details: str) -> None:
        self.task = None
        self.start_button.setEnabled(True)
        if isinstance(exc, server_restore.TargetHoldsRecords):
            self._say("")
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("{reason}\n\nReplace them with what is copied?").format(reason=exc),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.start(replace=True)
            else:
                self._say(self.tr("Nothing was changed."))
            return
        if isinstance(exc, (ServiceError, StoreError)):
            self._say(str(exc))
            return
        from outreach_desk.ui.shell.errors import show_exception

        self._say(self.tr("Nothing was changed."))
        show_exception(self, exc, details)

    def _cancelled(self) -> None:
        self.task = None
        self.start_button.setEnabled(True)
        self._say(self.tr("Cancelled; the target is as it was."))

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def reject(self) -> None:
        if self.task is not None:  # closing the window while it works means cancel, never a half-done target
            self.task.cancel()
            return
        super().reject()


def _sibling_database(url: str) -> str:
    """A new database's address on the same server, proposed as the restore's target: ``<dbname>_restored``."""
    if not url or "/" not in url.split("://", 1)[-1]:
        return url
    head, name = url.rsplit("/", 1)
    return f"{head}/{name}_restored" if name else url
