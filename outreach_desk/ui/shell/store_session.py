"""The database the window works on, for the life of the program.

Opening it safely (network-folder warning, one writer, read-only offer, damaged file with an offer
to restore the newest good backup), its automatic backups (once a day and on exit), and swapping
it for a restored backup: the window is closed, the store closed, the files swapped, the store
and a fresh window opened again. The exit backup runs in a worker while the window is still on
screen, under a progress dialog that says which step it is on and can cancel it.

On a county server (a ``postgresql://`` URL) there is no file: no lock (many clerks write at once),
no backups or file checks (the server's own), and the password is asked when libpq has none,
again when the server refuses it, and kept in memory only.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QInputDialog, QLineEdit, QMessageBox, QWidget

from outreach_desk.services import instance_lock
from outreach_desk.store import (
    CorruptDatabaseError,
    NotADatabaseError,
    StoreError,
    close_database,
    open_database,
)
from outreach_desk.store.connection import (
    ReadOnlyLocationError,
    check_database_path,
    schema_outdated,
    upgrade_in_place,
)
from outreach_desk.store import server
from outreach_desk.ui.shell.tasks import Cancelled, run_task

log = logging.getLogger("outreach_desk")

DAILY_CHECK_INTERVAL_MS = 60 * 60 * 1000
FIRST_CHECKS_DELAY_MS = 3000
#: files up to this size get SQLite's quick check before the window opens (a blink at this size);
#: larger ones are checked in the background once the window is up
CHECK_AT_OPEN_MAX_BYTES = 16 * 1024 * 1024
#: larger stores of an older version are upgraded by a worker under a message (a blink below this size)
UPGRADE_IN_WORKER_BYTES = 16 * 1024 * 1024
WAIT_FOR_TASKS_MS = 30000
#: SQLite's full integrity check (inside the indexes too) runs in the background this often, and at the
#: first start after the program did not close normally (a crash, a power cut, a killed process)
FULL_CHECK_INTERVAL = dt.timedelta(days=7)
#: a window that connected to a server hands the password to the window it starts in this environment
#: variable, which that window removes from its environment at once (never on a command line or on disk)
PASSWORD_HANDOVER = "OUTREACH_DESK_SERVER_PASSWORD"
PASSWORD_TRIES = 5


def _backup():
    """``services.backup``, imported when first used: after the window is up (or at open, for a small file)."""
    from outreach_desk.services import backup

    return backup


def _check():
    """``services.database_check``, imported when first used, like ``_backup``."""
    from outreach_desk.services import database_check

    return database_check


def _startup_check(path: Path, full: bool):
    """What the first background work after start does: sweep what killed backups left, then check."""
    _backup().sweep_partials(path)
    return _check().check(path, quick=not full)

class StoreSession(QObject):
    """Owns the store, its lock and the main window; ``app.run_gui`` opens, shows and closes it."""

    def __init__(self, path: str | Path, language: str = "zh_CN", *, interactive: bool = True,
                 settings: QSettings | None = None, backup_progress: Callable[[int, int, str], None] | None = None):
        """``backup_progress`` hears each progress report of the exit backup in its worker thread, before
        the dialog does (a test holds the worker at a known step with it)."""
        super().__init__()
        #: the server's URL as given (it may carry a password), or None for a database file
        self.server_url = str(path) if server.is_server_url(path) else None
        self.path = None if self.server_url else Path(path)
        self.language = language
        self.interactive = interactive
        self.settings = settings or QSettings()
        self.lock: instance_lock.InstanceLock | None = None
        self.read_only = False
        self.window = None
        self.tasks: list = []
        self._daily_timer = QTimer(self)
        self._daily_timer.setInterval(DAILY_CHECK_INTERVAL_MS)
        self._daily_timer.timeout.connect(self.daily_backup)
        self._daily_timer.timeout.connect(self.scheduled_full_check)
        #: the previous session on this database did not close normally (see note_session_start)
        self.unclean_exit = False
        self._session_marked = False
        self._full_check_running = False
        self.backup_progress = backup_progress
        #: the exit backup under way in a worker, and whether the exit's backup is over (made, failed,
        #: cancelled or not needed), after which the window may close
        self.exit_task = None
        self.exit_backup_over = False

    # ---- messages --------------------------------------------------------------------------------

    def _parent(self) -> QWidget | None:
        return self.window if self.window is not None and self.window.isVisible() else None

    def _tell(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> None:
        log.log(logging.INFO if icon == QMessageBox.Icon.Information else logging.WARNING, "%s", text)
        if not self.interactive:
            print(text, file=sys.stderr)
            return
        QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._parent()).exec()

    def _ask(self, title: str, text: str) -> bool:
        if not self.interactive:
            print(text, file=sys.stderr)
            return False
        answer = QMessageBox.question(self._parent(), title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _wait(self, title: str, fn, cancellable: bool = True):
        """Run ``fn`` off the GUI thread and wait for it with a local event loop (start-up has no window
        yet); return its result or raise its exception (``Cancelled`` when the user cancelled)."""
        outcome: dict = {"error": Cancelled()}
        loop = QEventLoop()
        task = run_task(self._parent(), title, fn, on_done=lambda result: outcome.update(result=result, error=None),
                        on_error=lambda exc, details: outcome.update(error=exc), needs_database=False,
                        cancellable=cancellable)
        for signal in (task.succeeded, task.failed, task.cancelled):
            signal.connect(loop.quit)
        if not task.done:
            loop.exec()
        if outcome["error"] is not None:
            raise outcome["error"]
        return outcome["result"]

    # ---- opening ---------------------------------------------------------------------------------

    def open(self) -> bool:
        """Open the store for this session; False when it cannot or should not be opened (already told)."""
        if self.server_url is not None:
            return self._open_server()
        try:
            check_database_path(self.path)  # a folder, a device or a pipe: said before any lock file is made
        except StoreError as exc:
            self._tell(self.tr("Cannot open the database"), str(exc), QMessageBox.Icon.Critical)
            return False
        self._warn_if_network()
        if not self._take_lock():
            return False
        if not self._open_store():
            return False
        if not self.read_only:
            self.note_session_start()
        return True

    def _open_server(self) -> bool:
        """Connect (in a worker, under a message: a server that does not answer takes seconds), asking the
        password when the server wants one that libpq's sources did not give, or refused the one typed."""
        password = os.environ.pop(PASSWORD_HANDOVER, None)
        where = server.describe(self.server_url)
        refusal = ""
        for _attempt in range(PASSWORD_TRIES):
            try:
                self._wait(self.tr("Connecting to the server {where}…").format(where=where),
                           lambda _progress, secret=password: self._connect_server(secret), cancellable=False)
                return True
            except server.PasswordNeededError as exc:
                refusal = str(exc) if password else ""
                password = self._ask_password(where, refusal)
                if password is None:
                    return False
            except StoreError as exc:
                self._tell(self.tr("Cannot connect to the server"), str(exc), QMessageBox.Icon.Critical)
                return False
        self._tell(self.tr("Cannot connect to the server"), refusal, QMessageBox.Icon.Critical)
        return False

    def _connect_server(self, password: str | None) -> None:
        """In the worker: connect, check (or bring up to date) the schema and bind the store, then close this
        thread's connection; the GUI thread and each worker connect on their first query."""
        open_database(self.server_url, password=password)
        close_database()

    def _ask_password(self, where: str, refusal: str) -> str | None:
        """The password for ``where``, typed by the clerk; None when cancelled (or nobody to ask)."""
        if not self.interactive:
            print(self.tr("The server {where} needs a password: put it in ~/.pgpass (or the file PGPASSFILE "
                          "names).").format(where=where), file=sys.stderr)
            return None
        text = self.tr("Password of {where}:").format(where=where)
        if refusal:
            text = f"{refusal}\n\n{text}"
        password, ok = QInputDialog.getText(None, self.tr("Connect to server"), text, QLineEdit.EchoMode.Password)
        return password if ok and password else None

    def _warn_if_network(self) -> None:
        kind = instance_lock.network_location(self.path)
        if not kind:
            return
        text = instance_lock.network_warning(self.path, kind)
        log.warning("%s", text)
        key = f"safety/network_warning_off/{self.path.resolve().as_posix()}"
        if not self.interactive:
            print(text, file=sys.stderr)
            return
        if self.settings.value(key, False, type=bool):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database on a network folder"), text,
                          QMessageBox.StandardButton.Ok)
        box.setObjectName("networkWarning")
        box.setCheckBox(QCheckBox(self.tr("Do not warn again for this database"), box))
        box.exec()
        if box.checkBox().isChecked():
            self.settings.setValue(key, True)

    def _take_lock(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # acquire() below reports it in words
        try:
            self.lock = instance_lock.acquire(self.path)
            return True
        except instance_lock.AlreadyOpenError as exc:
            question = self.tr("{message}\n\nOpen it read-only? You can look at the records and make reports, but "
                               "not change anything.").format(message=exc)
        except instance_lock.LockUnavailableError as exc:
            if not self.path.exists():
                self._tell(self.tr("Cannot open the database"), str(exc))
                return False
            question = self.tr("{message}\n\nOpen it read-only?").format(message=exc)
        self.read_only = self._ask(self.tr("Database already in use"), question)
        return self.read_only

    def _upgrade_store(self) -> None:
        """Bring an older store up to date. A large one (a county's million records: seconds, once) is
        upgraded off the GUI thread under a message instead of a window that seems to hang; a small one
        by open_database in a blink. Should the worker fail, open_database tries again and reports."""
        close_database()
        try:
            large = self.path.stat().st_size > UPGRADE_IN_WORKER_BYTES
        except OSError:
            large = False
        if large:
            try:
                self._wait(self.tr("Upgrading the database for this version of Outreach Desk (only this once; a "
                                   "large database takes up to a minute)…"),
                           lambda _progress: upgrade_in_place(self.path), cancellable=False)
            except Exception as exc:  # open_database below repeats the step and says what went wrong
                log.warning("upgrading %s before opening it failed: %s", self.path, exc)
        open_database(self.path)

    def _open_store(self) -> bool:
        try:
            open_database(self.path, readonly=self.read_only, migrate=False)
            if not self.read_only and schema_outdated():
                self._upgrade_store()
            self._quick_check_small_file()
            return True
        except (CorruptDatabaseError, NotADatabaseError) as exc:
            log.error("damaged database at open: %s", exc)
            return self._restore_newest_at_open(str(exc))
        except ReadOnlyLocationError as exc:
            if self.read_only:
                self._tell(self.tr("Cannot open the database"), self.tr(
                    "{message}\n\nThe database cannot even be read in this folder. Copy it into a folder you may "
                    "write to (for example Documents) and open the copy.").format(message=exc),
                    QMessageBox.Icon.Critical)
                return False
            if self._ask(self.tr("Cannot write to the database"), self.tr(
                    "{message}\n\nOpen it read-only?").format(message=exc)):
                self.read_only = True
                return self._open_store()
            return False
        except StoreError as exc:
            self._tell(self.tr("Cannot open the database"), str(exc), QMessageBox.Icon.Critical)
            return False

    def _quick_check_small_file(self) -> None:
        """Opening reads only the schema; damage deeper in a small file is found here, before any page
        reads it (a large file is checked in the background instead)."""
        try:
            small = self.path.stat().st_size <= CHECK_AT_OPEN_MAX_BYTES
        except OSError:
            return
        if not small:
            return
        report = _check().check(self.path, quick=True, foreign_keys=False)
        if report.integrity:
            close_database()
            raise CorruptDatabaseError(report.lines()[0], self.path)

    def _restore_newest_at_open(self, problem: str) -> bool:
        if not self.interactive or self.read_only:
            self._tell(self.tr("Database damaged"), problem, QMessageBox.Icon.Critical)
            return False
        prepared = self._offer_newest_backup(problem)
        if prepared is None:
            return False
        try:
            aside = _backup().finish_restore(prepared)
        except _backup().BackupError as exc:
            self._tell(self.tr("Restore failed"), str(exc), QMessageBox.Icon.Critical)
            return False
        finally:
            _backup().discard(prepared)
        try:
            open_database(self.path)
        except StoreError as exc:
            self._tell(self.tr("Cannot open the database"), str(exc), QMessageBox.Icon.Critical)
            return False
        self._tell(self.tr("Backup restored"), self._restored_text(prepared, aside), QMessageBox.Icon.Information)
        return True

    def _offer_newest_backup(self, problem: str):
        """Find the newest good backup, ask, and prepare it; None when there is none or the user declines."""
        try:
            newest = self._wait(self.tr("Looking for a good backup…"),
                                lambda progress: _backup().newest_good_backup(self.path, progress=progress))
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 - told to the user below, with the file untouched
            newest, problem = None, f"{problem}\n{exc}"
        if newest is None:
            self._tell(self.tr("Database damaged"), self.tr(
                "{problem}\n\nNo good backup was found in {folder}. The file has not been changed; copy it and ask "
                "for help.").format(problem=problem, folder=_backup().backup_folder(self.path)),
                QMessageBox.Icon.Critical)
            return None
        when = newest.taken_at.strftime("%Y-%m-%d %H:%M") if newest.taken_at else "?"
        if not self._ask(self.tr("Database damaged"), self.tr(
                "{problem}\n\nThe newest good backup was made {when} and holds {count:,} activity records. Restore "
                "it? The damaged file is kept in {folder}; records entered after the backup must be entered "
                "again.").format(problem=problem, when=when, count=newest.activities,
                                 folder=_backup().backup_folder(self.path))):
            return None
        try:
            return self._wait(self.tr("Checking the backup…"),
                              lambda progress: _backup().prepare_restore(newest.path, self.path, progress))
        except Cancelled:
            return None
        except _backup().BackupError as exc:
            self._tell(self.tr("Restore failed"), str(exc), QMessageBox.Icon.Critical)
            return None

    def _restored_text(self, prepared, aside) -> str:
        text = self.tr("The database was restored from {source} ({count:,} activity records).").format(
            source=prepared.source.path, count=prepared.source.activities)
        if aside is not None:
            text = self.tr("{text}\nThe previous database was kept as {aside}.").format(text=text, aside=aside)
        return text

    # ---- the window --------------------------------------------------------------------------------

    def make_window(self):
        """The main window on the open store; None if the store turned out damaged and was not restored."""
        from outreach_desk.store.failures import DatabaseError
        from outreach_desk.ui.shell.main_window import MainWindow

        try:
            window = MainWindow(database_path=self.server_url or self.path, language=self.language)
        except DatabaseError as exc:
            log.exception("the window could not read the database")
            close_database()
            if self.server_url is not None:
                from outreach_desk.services import disk_failures

                self._tell(self.tr("Cannot connect to the server"), disk_failures.explain(exc) or str(exc),
                           QMessageBox.Icon.Critical)
                return None
            if not self._restore_newest_at_open(str(exc)):
                return None
            window = MainWindow(database_path=self.path, language=self.language)
        actions = getattr(window, "backup_actions", None)
        if actions is not None:
            actions.restore_handler = self.restore_from
            actions.set_read_only(self.read_only)
        if self.read_only:
            window.setWindowTitle(self.tr("{title} (read-only)").format(title=window.windowTitle()))
        window.close_guard = self.may_close
        self.window = window
        return window

    def start_background_work(self) -> None:
        """After the window is up: a quick check of the store, today's backup, and the hourly daily check
        (none on a server, whose backups and checks are the county IT person's)."""
        if self.server_url is not None:
            return
        QTimer.singleShot(FIRST_CHECKS_DELAY_MS, self._first_checks)
        if not self.read_only:
            self._daily_timer.start()

    def _first_checks(self) -> None:
        self.mark_session_open()
        full = self._full_check_due()
        self._full_check_running = full
        self._background(lambda _progress: _startup_check(self.path, full),
                         lambda report: self._checked(report, full=full))
        self.daily_backup()

    # ---- the full check: weekly and after an unclean exit --------------------------------------------

    def _settings_key(self, name: str) -> str:
        return f"safety/{name}/{self.path.resolve().as_posix()}"

    def note_session_start(self) -> None:
        """If the mark of the previous session on this database is still there, that session did not close
        normally and the next background check is a full one. This session's own mark is left by
        :meth:`mark_session_open` once the window is ready for typing."""
        self.unclean_exit = self.settings.value(self._settings_key("session_open"), False, type=bool)

    def mark_session_open(self) -> None:
        """Leave the mark that this database is open (written through at once: QSettings' sync, with its
        fsyncs); once, and only on a file opened for writing. It is left when the window is ready for typing
        (or when the first background checks start), not before the window is shown: until then nothing
        writes to the database, so a session that ends before it leaves nothing a full check must look at."""
        if self._session_marked or self.read_only or self.server_url is not None or self.path is None:
            return
        self._session_marked = True
        self.settings.setValue(self._settings_key("session_open"), True)
        self.settings.sync()

    def _full_check_due(self) -> bool:
        if self.unclean_exit:
            return True
        last = self.settings.value(self._settings_key("last_full_check"), "", type=str)
        try:
            return dt.datetime.now() - dt.datetime.fromisoformat(last) >= FULL_CHECK_INTERVAL
        except ValueError:
            return True

    def scheduled_full_check(self) -> None:
        """The full check in the background when it is due (the hourly timer asks); the window stays usable."""
        if self._full_check_running or not self._full_check_due():
            return
        self._full_check_running = True
        self._background(lambda _progress: _check().check(self.path), lambda report: self._checked(report, full=True))

    def _background(self, fn, on_done) -> None:
        task = run_task(self.window, "", fn, on_done=on_done, on_error=self._background_failed,
                        show_progress=False, needs_database=False)
        self.tasks = [t for t in self.tasks if not t.done] + [task]

    def _background_failed(self, exc: Exception, details: str) -> None:
        log.error("background store work failed: %s\n%s", exc, details)
        self._tell(self.tr("Automatic backup"), str(exc))

    def _checked(self, report, full: bool = False) -> None:
        if full:
            self._full_check_running = False
            self.unclean_exit = False
            now = dt.datetime.now().isoformat(timespec="seconds")
            self.settings.setValue(self._settings_key("last_full_check"), now)
        if report.ok:
            return
        lines = report.lines()
        log.error("database check in the background: %s", "\n".join(lines))
        if report.indexes_only and not self.read_only and self.interactive:
            if self._ask(self.tr("Database check"), self.tr(
                    "{problem}\n\nRebuild the indexes now? It takes a moment and changes no record.").format(
                        problem=lines[0])):
                names = report.damaged_indexes
                self._background(lambda _progress: _check().repair_indexes(self.path, names), self._indexes_rebuilt)
            return
        if report.integrity and not self.read_only and self.interactive:
            prepared = self._offer_newest_backup(lines[0])
            if prepared is not None:
                self.restore_from(prepared)
            return
        self._tell(self.tr("Database check"), "\n".join(lines[:8]))

    def _indexes_rebuilt(self, report) -> None:
        if report.ok:
            self._tell(self.tr("Database check"), self.tr("The indexes were rebuilt; the check now finds no "
                                                          "problems."), QMessageBox.Icon.Information)
        else:
            self._checked(report)

    def daily_backup(self) -> None:
        if self.read_only or _backup().has_backup_on(self.path, dt.date.today()):
            return
        self._background(lambda _progress: _backup().make_backup(self.path), self._daily_done)

    def _daily_done(self, info) -> None:
        log.info("daily backup %s", info.path)
        if self.window is not None:
            self.window.statusBar().showMessage(self.tr("Backup made: {name}").format(name=info.path.name), 8000)

    # ---- restore -----------------------------------------------------------------------------------

    def _close_store(self) -> bool:
        """Wait for background work, then close the store. False if the work does not finish in time."""
        if not QThreadPool.globalInstance().waitForDone(WAIT_FOR_TASKS_MS):
            return False
        close_database()
        return True

    def restore_from(self, prepared) -> None:
        """Swap the database for the prepared backup and reopen the window on it.

        The swap runs on the GUI thread between closing and reopening the store, with no event
        processed in between: peewee reconnects on any query, so no page code may run while the
        files change. It copies the current file aside and renames (a second or two for a county).
        """
        old = self.window
        if old is not None:
            old.shutdown()
            old.hide()
        if not self._close_store():
            _backup().discard(prepared)
            if old is not None:
                old.show()
            self._tell(self.tr("Restore"), self.tr("Background work is still running; nothing was changed. "
                                                   "Try again in a moment."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            aside = _backup().finish_restore(prepared)
            failure = None
        except _backup().BackupError as exc:
            aside, failure = None, exc
        finally:
            _backup().discard(prepared)
            QApplication.restoreOverrideCursor()
        try:
            open_database(self.path, readonly=self.read_only)
        except StoreError as exc:
            self._tell(self.tr("Cannot open the database"), str(exc), QMessageBox.Icon.Critical)
            QApplication.quit()
            return
        window = self.make_window()
        window.show()
        if old is not None:
            old.deleteLater()
        if failure is not None:
            self._tell(self.tr("Restore failed"), str(failure), QMessageBox.Icon.Critical)
        else:
            self._tell(self.tr("Backup restored"), self._restored_text(prepared, aside), QMessageBox.Icon.Information)

    # ---- closing -----------------------------------------------------------------------------------

    def _exit_backup_wanted(self) -> bool:
        """An exit backup is made when the database was written after its newest backup (asked while the
        store is open: closing it checkpoints the WAL, which rewrites the file)."""
        return (self.server_url is None and not self.read_only and self.path.exists()
                and _backup().changed_since_last_backup(self.path))

    def _exit_backup_work(self, heading: str):
        """What the exit backup's worker runs: the backup with its checks, each report under ``heading``."""
        def work(progress):
            def report(done: int, total: int = 0, text: str = "") -> None:
                if self.backup_progress is not None:
                    self.backup_progress(done, total, text)
                progress(done, total, f"{heading}\n{text}" if text else heading)

            return _backup().make_backup(self.path, progress=report)

        return work

    def _exit_backup_heading(self) -> str:
        return self.tr("Backing up the database and checking the backup…")

    def may_close(self) -> bool:
        """The window asks before it closes; True lets it. When an exit backup is due it starts in a worker
        under a progress dialog (Cancel stops it) and the window stays until it ends, then closes itself.
        A close asked for meanwhile starts nothing more."""
        if self.exit_backup_over:
            return True
        if self.exit_task is not None:
            return False
        self._daily_timer.stop()
        if not self._exit_backup_wanted():
            self.exit_backup_over = True
            return True
        heading = self._exit_backup_heading()
        task = run_task(self.window, heading, self._exit_backup_work(heading), on_done=self._exit_backup_made,
                        on_error=self._exit_backup_failed, needs_database=False)
        task.cancelled.connect(self._exit_backup_cancelled)
        self.exit_task = task
        return False

    def _exit_backup_ended(self) -> None:
        self.exit_backup_over = True
        self.exit_task = None
        if self.window is not None:
            self.window.close()

    def _exit_backup_made(self, info) -> None:
        log.info("exit backup %s", info.path)
        self._exit_backup_ended()

    def _exit_backup_cancelled(self) -> None:
        log.info("exit backup cancelled; no partial copy is left")
        self._exit_backup_ended()

    def _exit_backup_failed(self, exc: Exception, details: str) -> None:
        log.error("exit backup failed: %s\n%s", exc, details)
        self._tell_exit_backup_failed(exc)
        self._exit_backup_ended()

    def _tell_exit_backup_failed(self, exc: Exception) -> None:
        self._tell(self.tr("Automatic backup"), self.tr(
            "The automatic backup on exit failed: {reason}\nYour records are saved in the database; make a "
            "backup with File › Back up now when you can.").format(reason=exc))

    def _exit_backup_waiting(self) -> None:
        """The exit backup when the window did not close through ``may_close`` (the program was told to quit):
        the same worker and dialog, waited for here."""
        heading = self._exit_backup_heading()
        try:
            info = self._wait(heading, self._exit_backup_work(heading))
            log.info("exit backup %s", info.path)
        except Cancelled:
            log.info("exit backup cancelled; no partial copy is left")
        except Exception as exc:  # noqa: BLE001 - told in a sentence; the database itself is saved
            log.error("exit backup failed: %s", exc)
            self._tell_exit_backup_failed(exc)
        self.exit_backup_over = True

    def close(self, *, backup_on_exit: bool = True) -> None:
        """Save the window's state, make the exit backup if anything changed and the window did not make it
        already, close the store, unlock."""
        self._daily_timer.stop()
        if self.window is not None:
            self.window.shutdown()
        QThreadPool.globalInstance().waitForDone(WAIT_FOR_TASKS_MS)
        if backup_on_exit and not self.exit_backup_over and self._exit_backup_wanted():
            self._exit_backup_waiting()
        if self.window is not None:
            from outreach_desk.ui.shell.shutdown import end_undo_history

            end_undo_history(self.window.context)
        close_database()
        if self._session_marked:
            self._session_marked = False
            self.settings.setValue(self._settings_key("session_open"), False)
            self.settings.sync()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
