"""File menu actions: back up now, restore from a backup, copy the database, check the database.

The work runs off the GUI thread on the database file through services.backup (its own SQLite
connections, so the window's store stays open). A restore is prepared here (the backup verified
and staged beside the database); swapping it in needs the window to close its store and reopen,
which the StoreSession that owns the window does through ``restore_handler``. On a server, restoring puts a
server backup into a server database, and copying writes this database into another: both in
ui/shell/transfer_dialog.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.tasks import run_task


class BackupActions(QObject):
    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self.context = context
        self.window = window
        #: called with a services.backup.PreparedRestore once the user confirmed; set by the StoreSession
        self.restore_handler: Callable[[object], None] | None = None
        self.tasks: list = []
        self.read_only = False
        self.backup_action = QAction(self.tr("Back &up now…"), self)
        self.backup_action.setObjectName("backupNow")
        self.backup_action.setStatusTip(self.tr("Make a checked copy of the database now"))
        self.backup_action.triggered.connect(lambda: self.back_up_now())
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.setObjectName("restoreBackup")
        self.restore_action.setStatusTip(self.tr("Replace the database by a backup; the current one is kept aside"))
        self.restore_action.triggered.connect(lambda: self.choose_and_restore())
        self.copy_action = QAction(self.tr("C&opy the database…"), self)
        self.copy_action.setObjectName("copyDatabase")
        self.copy_action.setStatusTip(self.tr("Copy every record and photo into a new database file or an empty "
                                              "server database"))
        self.copy_action.triggered.connect(lambda: self.open_transfer("copy"))
        self.check_action = QAction(self.tr("&Check database"), self)
        self.check_action.setObjectName("checkDatabase")
        self.check_action.setStatusTip(self.tr("Run SQLite's integrity and reference checks on the database"))
        self.check_action.triggered.connect(lambda: self.check_database())

        if context.database_path is None:
            self._server_database()

    def _server_database(self) -> None:
        """On a county server the backup is pg_dump's archive (or a copy into a database file without pg_dump);
        restoring one is the county IT person's work on the server (README); the check runs the server's own:
        the tallies against the records and the references in force."""
        self.backup_action.setStatusTip(self.tr("Back up the server database now (with pg_dump, or into a "
                                                "database file where pg_dump is not installed)"))
        self.check_action.setStatusTip(self.tr("Check the monthly tallies and the references on the server"))
        tip = self.tr("Put a server backup (pg_dump archive or database file) into a new server database")
        self.restore_action.setStatusTip(tip)
        self.restore_action.setToolTip(tip)

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action, self.copy_action, self.check_action]

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.restore_action.setEnabled(not read_only)

    def open_transfer(self, mode: str) -> None:
        from outreach_desk.ui.shell.transfer_dialog import TransferDialog

        TransferDialog(self.context, mode, self.window).exec()

    @property
    def db_path(self) -> Path:
        return self.context.database_path

    def _run(self, title: str, fn, on_done) -> None:
        task = run_task(self.window, title, fn, on_done=on_done, needs_database=False)
        self.tasks = [t for t in self.tasks if not t.done] + [task]

    # ---- back up -------------------------------------------------------------------------------

    def back_up_now(self, folder: str | Path | None = None) -> None:
        from outreach_desk.services import backup

        if self.context.server_url is not None:
            self._back_up_server(folder)
            return
        if folder is None:
            default = backup.backup_folder(self.db_path)
            folder = QFileDialog.getExistingDirectory(self.window, self.tr("Back up into which folder?"),
                                                      str(default if default.is_dir() else self.db_path.parent))
            if not folder:
                return
        self._run(self.tr("Backing up the database…"), lambda _progress: backup.make_backup(self.db_path, folder),
                  self._backed_up)

    def _back_up_server(self, folder: str | Path | None) -> None:
        from outreach_desk.services import server_backup

        if folder is None:
            default = server_backup.default_folder()
            folder = QFileDialog.getExistingDirectory(self.window, self.tr("Back up into which folder?"),
                                                      str(default if default.is_dir() else Path.home()))
            if not folder:
                return
        url = self.context.server_url
        self._run(self.tr("Backing up the server database…"),
                  lambda progress: server_backup.back_up_server(url, folder, progress=progress), self._server_backed_up)

    def _server_backed_up(self, made) -> None:
        if made.method == "pg_dump":
            text = self.tr("The server database was backed up by pg_dump into {path}.\nThe county IT person restores "
                           "it with pg_restore (see the README).").format(path=made.path)
        else:
            text = self.tr("pg_dump is not installed, so the server's records and photos were copied into the "
                           "database file {path}, the counts of every table checked.").format(path=made.path)
        QMessageBox.information(self.window, self.tr("Backup made"), text)

    def _backed_up(self, info) -> None:
        QMessageBox.information(self.window, self.tr("Backup made"), self.tr(
            "The backup was saved and checked: {path}\n({count:,} activity records).").format(
                path=info.path, count=info.activities))

    # ---- restore -------------------------------------------------------------------------------

    def choose_and_restore(self, path: str | Path | None = None) -> None:
        from outreach_desk.services import backup

        if self.context.server_url is not None:
            self.open_transfer("restore")
            return
        if path is None:
            folder = backup.backup_folder(self.db_path)
            path, _filter = QFileDialog.getOpenFileName(
                self.window, self.tr("Restore from backup"), str(folder if folder.is_dir() else self.db_path.parent),
                self.tr("Outreach Desk databases (*.db);;All files (*)"))
            if not path:
                return
        self._run(self.tr("Checking the backup…"),
                  lambda progress: backup.prepare_restore(path, self.db_path, progress), self.confirm_restore)

    def confirm_restore(self, prepared) -> None:
        from outreach_desk.services import backup

        if prepared.other_township and not self._confirm_other_township(prepared):
            backup.discard(prepared)
            return
        when = prepared.source.taken_at.strftime("%Y-%m-%d %H:%M") if prepared.source.taken_at else "?"
        answer = QMessageBox.question(self.window, self.tr("Restore from backup"), self.tr(
            "The backup {name} (made {when}, {count:,} activity records) is intact.\n\nReplace the current database "
            "with it? The current database is kept as a copy in {folder}; the window closes and reopens.").format(
                name=prepared.source.path.name, when=when, count=prepared.source.activities,
                folder=backup.backup_folder(self.db_path)))
        if answer != QMessageBox.StandardButton.Yes or self.restore_handler is None:
            backup.discard(prepared)
            return
        self.restore_handler(prepared)

    def _confirm_other_township(self, prepared) -> bool:
        """Another township's backup: say which township each side holds and ask, No being the default."""
        answer = QMessageBox.question(
            self.window, self.tr("Another township's backup"),
            self.tr("{townships}\n\nThis backup belongs to another township. Replace the records of this database "
                    "with it anyway?").format(townships=prepared.describe_townships()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ---- check ---------------------------------------------------------------------------------

    def check_database(self) -> None:
        from outreach_desk.services import database_check

        if self.context.server_url is not None:
            where = self.context.database_name
            task = run_task(self.window, self.tr("Checking the database…"),
                            lambda _progress: database_check.check_server(where), on_done=self._checked)
            self.tasks = [t for t in self.tasks if not t.done] + [task]
            return
        self._run(self.tr("Checking the database…"), lambda _progress: database_check.check(self.db_path),
                  self._checked)

    def _checked(self, report) -> None:
        lines = report.lines()
        if report.ok:
            QMessageBox.information(self.window, self.tr("Database check"), "\n".join(lines))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database check"), lines[0],
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("checkReport")
        if len(lines) > 1:
            box.setInformativeText("\n".join(lines[1:6]))
            box.setDetailedText("\n".join(lines))
        rebuild = reindex = None
        if report.tally_mismatches and not self.read_only:
            rebuild = box.addButton(self.tr("Rebuild the tallies"), QMessageBox.ButtonRole.ActionRole)
            rebuild.setObjectName("rebuildTallies")
        if report.indexes_only and not self.read_only:
            reindex = box.addButton(self.tr("Rebuild the indexes"), QMessageBox.ButtonRole.ActionRole)
            reindex.setObjectName("rebuildIndexes")
        box.exec()
        if rebuild is not None and box.clickedButton() is rebuild:
            self.rebuild_tallies()
        if reindex is not None and box.clickedButton() is reindex:
            self.rebuild_indexes(report.damaged_indexes)

    def rebuild_indexes(self, names: list[str] | None = None) -> None:
        """REINDEX on a connection of its own (the records are not touched), then the check's new verdict."""
        from outreach_desk.services import database_check

        def done(report) -> None:
            self.context.data_changed.emit("activity")
            if report.ok:
                QMessageBox.information(self.window, self.tr("Database check"), self.tr(
                    "The indexes were rebuilt; the check now finds no problems."))
            else:
                self._checked(report)

        self._run(self.tr("Rebuilding the indexes…"),
                  lambda _progress: database_check.repair_indexes(self.db_path, names), done)

    def rebuild_tallies(self) -> None:
        """The monthly tallies made again from the records (what a check found them to differ from)."""
        from outreach_desk.services import database_check

        def done(_result) -> None:
            self.context.data_changed.emit("activity")
            QMessageBox.information(self.window, self.tr("Database check"),
                                    self.tr("The monthly tallies were rebuilt from the activity records."))

        task = run_task(self.window, self.tr("Rebuilding the monthly tallies…"),
                        lambda _progress: database_check.repair_tallies(), on_done=done)
        self.tasks = [t for t in self.tasks if not t.done] + [task]
