"""Backups of the SQLite store: make, rotate, verify and restore (services.database_check checks a database).

Copies are made with SQLite's online backup API from a connection of their own, so they are
consistent while the window keeps writing and include commits still in the WAL. They land in a
``backups`` folder beside the database under names carrying their local time
(``<name>-YYYYMMDD-HHMMSS.db``), are written in a private folder first (services.partial_copies)
and only get their final name once SQLite's full integrity check passed on them. A restore verifies
the chosen file, stages a copy beside the database, verifies that copy, keeps the current database
aside and only then swaps the files. The database file itself is only ever read through SQLite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import database_files, partial_copies, safe_files
from outreach_desk.services.database_files import BackupError

BACKUP_FOLDER = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
#: copies of the database kept before a restore: the newest few, whatever their age
KEEP_BEFORE_RESTORE = 3
BEFORE_RESTORE_LABEL = "before-restore"
#: pages copied between two progress reports (and chances to cancel) of a backup made with progress
COPY_STEP_PAGES = 1024
#: SQLite virtual-machine steps between two looks at the cancel during a check, and the least time
#: between two progress reports made from there
CHECK_PROGRESS_OPS = 10000
CHECK_REPORT_EVERY_S = 0.2

Progress = Callable[..., None]
log = logging.getLogger("outreach_desk")


def _tr(text: str) -> str:
    return translate("Backup", text)


@dataclass(frozen=True)
class BackupInfo:
    """A verified database file: when it was taken (from its name), its schema and how much it holds."""

    path: Path
    taken_at: dt.datetime | None
    size: int
    schema_version: int
    activities: int
    townships: tuple[str, ...] = ()


# ---- names and rotation ----------------------------------------------------------------------


def backup_folder(db_path: str | Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _name_pattern(db_path: str | Path, label: str = "") -> re.Pattern:
    prefix = re.escape(Path(db_path).stem + (f"-{label}" if label else ""))
    return re.compile(prefix + r"-(\d{8}-\d{6})(?:-(\d+))?\.db$")


def _free_name(folder: Path, db_path: Path, when: dt.datetime, label: str = "") -> Path:
    """``<stem>[-label]-<stamp>.db``, with ``-2``, ``-3`` … when two copies share a second.

    A name taken by anything (a dangling link too) is passed over; a link or a non-file there is refused.
    """
    base = f"{db_path.stem}{'-' + label if label else ''}-{when.strftime(STAMP_FORMAT)}"
    candidate = folder / f"{base}.db"
    number = 2
    while os.path.lexists(candidate) or os.path.lexists(partial_copies.folder_for(candidate)):
        safe_files.check_file(candidate)
        if os.path.lexists(partial_copies.folder_for(candidate)):
            safe_files.ensure_folder(partial_copies.folder_for(candidate))
        candidate = folder / f"{base}-{number}.db"
        number += 1
    return candidate


def _listed(db_path: str | Path, folder: Path, label: str = "") -> list[tuple[dt.datetime, Path]]:
    pattern = _name_pattern(db_path, label)
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = pattern.fullmatch(entry.name)
            if not match or not entry.is_file(follow_symlinks=False):
                continue
            try:
                when = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
            except ValueError:
                continue
            found.append((when, int(match.group(2) or 1), Path(entry.path)))
    found.sort(reverse=True)
    return [(when, path) for when, _n, path in found]


def list_backups(db_path: str | Path, folder: str | Path | None = None) -> list[tuple[dt.datetime, Path]]:
    """This database's backups in ``folder`` (default: its backups folder), newest first (links are not backups)."""
    return _listed(db_path, Path(folder) if folder else backup_folder(db_path))


def list_before_restore(db_path: str | Path) -> list[tuple[dt.datetime, Path]]:
    """The copies of this database kept before restores (``<stem>-before-restore-<stamp>.db``), newest first."""
    return _listed(db_path, backup_folder(db_path), BEFORE_RESTORE_LABEL)


def kept_by_rotation(stamps: Iterable[dt.datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
                     monthly: int = KEEP_MONTHLY) -> set[dt.datetime]:
    """The newest copy of each of the last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months
    that have a copy at all (as restic's --keep-daily/weekly/monthly): a gap in use costs no copies."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set()
    buckets = ((daily, lambda t: t.date()), (weekly, lambda t: tuple(t.isocalendar())[:2]),
               (monthly, lambda t: (t.year, t.month)))
    for count, bucket_of in buckets:
        seen: list = []
        for stamp in ordered:
            bucket = bucket_of(stamp)
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.append(bucket)
            keep.add(stamp)
    return keep


def _delete_copy(path: Path) -> bool:
    try:
        for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if os.path.isfile(companion) and not os.path.islink(companion):
                companion.unlink()
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("rotation could not delete %s: %s", path, exc)
        return False
    return True


def rotate(db_path: str | Path, folder: str | Path | None = None) -> list[Path]:
    """Delete the backups that rotation no longer keeps; return them. Other files are never touched."""
    backups = list_backups(db_path, folder)
    newest_per_stamp: dict[dt.datetime, Path] = {}
    for when, path in backups:
        newest_per_stamp.setdefault(when, path)
    keep = {newest_per_stamp[when] for when in kept_by_rotation(newest_per_stamp)}
    return [path for _when, path in backups if path not in keep and _delete_copy(path)]


def rotate_before_restore(db_path: str | Path, keep: int = KEEP_BEFORE_RESTORE) -> list[Path]:
    """Delete all but the ``keep`` newest copies kept before restores (with a damaged copy's WAL); return them."""
    return [path for _when, path in list_before_restore(db_path)[keep:] if _delete_copy(path)]


def sweep_partials(db_path: str | Path, folder: str | Path | None = None) -> list[Path]:
    """Remove what killed backups and restores left (partial copies no live process is writing)."""
    db_path = Path(db_path)
    removed = partial_copies.sweep(db_path.parent)
    for extra in {backup_folder(db_path), Path(folder) if folder else backup_folder(db_path)}:
        if not os.path.islink(extra):
            removed += partial_copies.sweep(extra)
    if removed:
        log.info("removed %d partial copies left by interrupted backups or restores", len(removed))
    return removed


def has_backup_on(db_path: str | Path, day: dt.date) -> bool:
    return any(when.date() == day for when, _path in list_backups(db_path))


def changed_since_last_backup(db_path: str | Path) -> bool:
    """True when the database or its WAL was written after its newest backup was, or it has none.

    Ask while the store is still open: closing it checkpoints the WAL, which rewrites the file.
    Only the files' times are read (stat), never their content.
    """
    backups = list_backups(db_path)
    if not backups:
        return True
    try:
        newest = backups[0][1].stat().st_mtime
    except OSError:
        return True
    db_path = Path(db_path)
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime > newest:
                return True
    return False


# ---- copies through SQLite -------------------------------------------------------------------


def _copy_database(source: sqlite3.Connection, target: Path, progress: Progress | None = None) -> None:
    """Online backup of ``source`` into a new single file ``target`` (rollback journal, no WAL files).

    ``target`` lies in a private partial folder; it is flushed once SQLite has closed it. With
    ``progress`` the copy goes a few megabytes at a time, reporting after each; when ``progress``
    raises (a cancel), SQLite ends the copy and the exception goes on.
    """
    destination = sqlite3.connect(target)
    try:
        if progress is None:
            source.backup(destination)
        else:
            page_size = int(source.execute("PRAGMA page_size").fetchone()[0])

            def report(_status: int, remaining: int, total: int) -> None:
                done = total - remaining
                progress(done, total, _tr("Copying the database ({done} of {total} MB)…").format(
                    done=done * page_size >> 20, total=total * page_size >> 20))

            progress(0, 0, _tr("Copying the database…"))
            source.backup(destination, pages=COPY_STEP_PAGES, progress=report)
        destination.execute("PRAGMA journal_mode=DELETE").fetchone()
        destination.commit()
    finally:
        destination.close()
    with safe_files.open_file(target, "rb+") as fh:
        os.fsync(fh.fileno())


def township_names(connection: sqlite3.Connection) -> tuple[str, ...]:
    """The townships a database holds, by name: empty for an empty or foreign database, or one whose
    township table is damaged (SQLite checks that table alone where it can: 3.33 and later)."""
    with contextlib.suppress(sqlite3.DatabaseError):
        if sqlite3.sqlite_version_info >= (3, 33):
            if connection.execute("PRAGMA quick_check(township)").fetchall() != [("ok",)]:
                return ()
        return tuple(str(row[0]) for row in connection.execute(
            "SELECT name FROM township WHERE typeof(name) = 'text' ORDER BY name"))
    return ()


def townships_of(path: str | Path) -> tuple[str, ...]:
    """The township names in the database file at ``path``, read through SQLite; empty when it cannot be read.

    The connection is read-write where it can be, so that closing it leaves no WAL files behind.
    """
    try:
        connection = database_files.connect(Path(path), writable_first=True)
    except BackupError:
        return ()
    try:
        return township_names(connection)
    finally:
        connection.close()


# ---- verify ----------------------------------------------------------------------------------


def _count_activities(connection: sqlite3.Connection) -> int:
    with contextlib.suppress(sqlite3.DatabaseError):
        return int(connection.execute("SELECT count(*) FROM activity").fetchone()[0])
    return 0


def _taken_at(path: Path) -> dt.datetime | None:
    match = re.search(r"-(\d{8}-\d{6})(?:-\d+)?\.db$", path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), STAMP_FORMAT)
    with contextlib.suppress(OSError):
        return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return None


class _StopWhenAsked:
    """SQLite's progress handler for one long statement (the integrity check) on ``connection``.

    Every so often it reports ``text`` through ``progress``; when ``progress`` raises (the user's
    cancel), the handler tells SQLite to stop and the exception is raised again once the statement
    has given up, in place of SQLite's "interrupted".
    """

    def __init__(self, connection: sqlite3.Connection, progress: Progress | None, text: str):
        self._connection, self._progress, self._text = connection, progress, text
        self._last = 0.0
        self.stopped: BaseException | None = None

    def __call__(self) -> int:
        now = time.monotonic()
        if now - self._last < CHECK_REPORT_EVERY_S:
            return 0
        self._last = now
        try:
            self._progress(0, 0, self._text)
        except BaseException as exc:  # noqa: BLE001 - raised again in __exit__, after SQLite stopped
            self.stopped = exc
            return 1
        return 0

    def __enter__(self) -> _StopWhenAsked:
        if self._progress is not None:
            self._progress(0, 0, self._text)
            self._last = time.monotonic()
            self._connection.set_progress_handler(self, CHECK_PROGRESS_OPS)
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        if self._progress is not None:
            self._connection.set_progress_handler(None, 0)
        if self.stopped is not None and isinstance(exc, sqlite3.OperationalError):
            raise self.stopped from None


def verify(path: str | Path, *, quick: bool = False, progress: Progress | None = None) -> BackupInfo:
    """Check that ``path`` is an intact Outreach Desk database this program can open, without changing it.

    Raises BackupError with reason ``missing``, ``not_sqlite``, ``corrupt``, ``not_outreach`` or
    ``newer_schema``. ``quick`` uses SQLite's quick_check, which does not look inside indexes: only
    for a page-by-page copy of a file that has just passed the full check. ``progress`` hears of the
    check now and then; whatever it raises (a cancel) stops the check and is raised.
    """
    from outreach_desk.store import migrations

    path = Path(path)
    database_files.require_database_file(path, _tr("The file {path} does not exist."))
    connection = database_files.connect(path, writable_first=False)
    try:
        with _StopWhenAsked(connection, progress, _tr("Checking every page and index with SQLite's integrity "
                                                      "check…")):
            problems = database_files.integrity_problems(connection, quick)
        if problems:
            raise BackupError(_tr("{path} is damaged: SQLite's integrity check found {count} problem(s), the first: "
                                  "{first}").format(path=path, count=len(problems), first=problems[0]),
                              "corrupt", path)
        version = database_files.schema_version(connection)
        activities = _count_activities(connection)
        townships = township_names(connection)
    except sqlite3.DatabaseError as exc:
        raise database_files.damaged(path, exc) from exc
    finally:
        connection.close()
    known = migrations.latest_version()
    if version < 1:
        raise BackupError(_tr("{path} is a SQLite file but not an Outreach Desk database.").format(path=path),
                          "not_outreach", path)
    if version > known:
        raise BackupError(_tr("{path} was written by a newer version of Outreach Desk (schema {found}, this program "
                              "knows up to {known}). Update the program to use it.").format(
                                  path=path, found=version, known=known), "newer_schema", path)
    return BackupInfo(path, _taken_at(path), path.stat().st_size, version, activities, townships)


def newest_good_backup(db_path: str | Path, *, progress: Progress | None = None) -> BackupInfo | None:
    """The newest of this database's backups that passes the full integrity check (damaged ones are skipped)."""
    backups = list_backups(db_path)
    for number, (_when, path) in enumerate(backups):
        if progress is not None:
            progress(number, len(backups), _tr("Checking {name}…").format(name=path.name))
        try:
            return verify(path)
        except BackupError:
            continue
    return None


# ---- make ------------------------------------------------------------------------------------


def _backup_target(db_path: Path, folder: str | Path | None) -> Path:
    """The folder to write into, made if missing; the default one must be a real folder, not a link."""
    target = Path(folder) if folder else backup_folder(db_path)
    try:
        if folder is None:
            return safe_files.ensure_folder(target)
        target.mkdir(parents=True, exist_ok=True)
        return target
    except (OSError, safe_files.UnsafePathError) as exc:
        raise database_files.plain_error(exc, target) from exc


def _step(progress: Progress | None, number: int, count: int) -> Progress | None:
    """``progress`` for one step of several: its text says which step it is."""
    if progress is None:
        return None

    def report(done: int, total: int = 0, text: str = "") -> None:
        progress(done, total, _tr("Step {number} of {count}: {what}").format(number=number, count=count, what=text))

    return report


def make_backup(db_path: str | Path, folder: str | Path | None = None, *, now: dt.datetime | None = None,
                rotate_after: bool | None = None, progress: Progress | None = None) -> BackupInfo:
    """Copy the database into ``folder`` (default: its backups folder) and verify the copy fully.

    Rotation runs after a copy into the default folder unless ``rotate_after`` says otherwise; partial
    copies that killed backups left there go first. On any failure the partial copy is removed and
    BackupError explains; the database is untouched. ``progress(done, total, text)`` hears of each
    step (the copy page by page, then the check); whatever it raises (a cancel) stops the backup,
    removes the partial copy and is raised, so no backup is counted.
    """
    db_path = Path(db_path)
    if rotate_after is None:
        rotate_after = folder is None or Path(folder).resolve() == backup_folder(db_path).resolve()
    when = (now or dt.datetime.now()).replace(microsecond=0)
    database_files.require_database_file(db_path, _tr("The database {path} does not exist."))
    source = database_files.connect(db_path, writable_first=True)
    try:
        target_folder = _backup_target(db_path, folder)
        sweep_partials(db_path, target_folder)
        try:
            final = _free_name(target_folder, db_path, when)
            partial = partial_copies.PartialCopy.start(final)
        except (OSError, safe_files.UnsafePathError) as exc:
            raise database_files.plain_error(exc, target_folder) from exc
        with partial:
            try:
                _copy_database(source, partial.file, _step(progress, 1, 2))
            except (OSError, sqlite3.DatabaseError) as exc:
                raise database_files.plain_error(exc, target_folder) from exc
            try:
                info = verify(partial.file, progress=_step(progress, 2, 2))
            except BackupError as exc:
                raise _refused_copy(db_path, exc) from exc
            try:
                partial.publish()
                safe_files.fsync_folder(target_folder)
            except (OSError, safe_files.UnsafePathError) as exc:
                raise database_files.plain_error(exc, final) from exc
    finally:
        source.close()
    if rotate_after:
        rotate(db_path, target_folder)
    return BackupInfo(final, when, info.size, info.schema_version, info.activities, info.townships)


def _refused_copy(db_path: Path, exc: BackupError) -> BackupError:
    if exc.reason != "corrupt":
        return BackupError(_tr("The database {path} could not be backed up because the copy fails SQLite's check: "
                               "{reason}").format(path=db_path, reason=exc), exc.reason, db_path)
    hint = _tr("Run File › Check database (or outreach-desk check) to see what is damaged; the backups made "
               "before are unchanged.")
    return BackupError(_tr("The database {path} is damaged, so no backup was made of it: {reason}").format(
        path=db_path, reason=exc) + "\n" + hint, "corrupt", db_path)


# ---- restore ---------------------------------------------------------------------------------


@dataclass
class PreparedRestore:
    """A verified copy of the chosen backup, staged beside the database and waiting to replace it.

    ``current_townships`` are the townships the database holds now; ``other_township`` is true when
    the backup holds none of them (another township's backup), which the user must confirm.
    """

    source: BackupInfo
    db_path: Path
    partial: partial_copies.PartialCopy
    current_townships: tuple[str, ...] = ()

    @property
    def staged(self) -> Path:
        return self.partial.file

    @property
    def other_township(self) -> bool:
        current, restored = set(self.current_townships), set(self.source.townships)
        return bool(current and restored and current != restored)

    def describe_townships(self) -> str:
        """The two sides in one sentence, for the question before another township's backup replaces the data."""
        none = _tr("(no township)")
        return _tr("The backup {source} holds {restored}; the database {path} holds {current}.").format(
            source=self.source.path.name, restored="、".join(self.source.townships) or none, path=self.db_path,
            current="、".join(self.current_townships) or none)


def _staging_name(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.restoring")


def prepare_restore(source: str | Path, db_path: str | Path, progress: Progress | None = None) -> PreparedRestore:
    """Verify ``source``, copy it beside the database and verify the copy. The database is not touched."""
    db_path = Path(db_path)
    source = Path(source)
    if os.path.lexists(db_path) and os.path.lexists(source):
        with contextlib.suppress(OSError):
            if os.path.samefile(source, db_path):
                raise BackupError(_tr("{path} is the database itself, not a backup of it. Choose a file from "
                                      "{folder}.").format(path=source, folder=backup_folder(db_path)),
                                  "same_file", source)
    if progress is not None:
        progress(0, 3, _tr("Checking the backup…"))
    info = verify(source)
    current = townships_of(db_path) if db_path.exists() else ()
    try:
        partial = partial_copies.PartialCopy.start(_staging_name(db_path))
    except (OSError, safe_files.UnsafePathError) as exc:
        raise database_files.plain_error(exc, db_path.parent) from exc
    try:
        if progress is not None:
            progress(1, 3, _tr("Copying the backup…"))
        try:
            connection = database_files.connect(source, writable_first=False)
            try:
                _copy_database(connection, partial.file)
            finally:
                connection.close()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise database_files.plain_error(exc, db_path.parent) from exc
        if progress is not None:
            progress(2, 3, _tr("Checking the copy…"))
        verify(partial.file, quick=True)  # a page-by-page copy of a file that passed the full check
    except BaseException:  # also a cancel: no staged copy is left behind
        partial.discard()
        raise
    return PreparedRestore(info, db_path, partial, current)


def discard(prepared: PreparedRestore) -> None:
    prepared.partial.discard()


def _is_write_failure(exc: sqlite3.DatabaseError) -> bool:
    """An error about the file being written (space, permission), not about the one being read."""
    return (isinstance(exc, sqlite3.OperationalError) and not database_files.damaged_error(exc)
            and not database_files.not_a_database(exc))


def _copy_if_healthy(db_path: Path, target: Path) -> bool:
    """Copy ``db_path`` through SQLite if it passes a quick check; False (and no copy) if it is damaged."""
    try:
        source = database_files.connect(db_path, writable_first=True)
    except BackupError as exc:
        if exc.reason in ("corrupt", "not_sqlite"):
            return False
        raise
    try:
        if database_files.integrity_problems(source, quick=True):
            return False
        _copy_database(source, target)
        return True
    except sqlite3.DatabaseError as exc:
        if _is_write_failure(exc):
            raise database_files.plain_error(exc, target) from exc
        return False
    except OSError as exc:
        raise database_files.plain_error(exc, target) from exc
    finally:
        source.close()


def _copy_bytes(source: Path, target: Path) -> None:
    """A damaged file, byte for byte: read only while no connection of this process has it open."""
    with safe_files.open_file(source, "rb", follow_links=True) as reader, safe_files.open_file(target, "xb") as writer:
        while chunk := reader.read(1 << 20):
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())


def _keep_aside(db_path: Path) -> tuple[Path | None, bool]:
    """Copy the current database (with its WAL) into the backups folder as ``<stem>-before-restore-…``;
    return the copy and whether the database was healthy.

    A healthy file is copied through SQLite; a damaged one byte for byte (the store is closed in this
    process by then), so nothing of it is lost. Older such copies beyond the newest few are deleted.
    """
    if not db_path.exists():
        return None, True
    folder = backup_folder(db_path)
    try:
        safe_files.ensure_folder(folder)
        aside = _free_name(folder, db_path, dt.datetime.now(), BEFORE_RESTORE_LABEL)
        partial = partial_copies.PartialCopy.start(aside)
    except (OSError, safe_files.UnsafePathError) as exc:
        raise database_files.plain_error(exc, folder) from exc
    with partial:
        healthy = _copy_if_healthy(db_path, partial.file)
        try:
            wal = db_path.with_name(db_path.name + "-wal")
            if not healthy:
                partial.clear()
                _copy_bytes(db_path, partial.file)
                if wal.exists():
                    wal_copy = partial.folder / (aside.name + "-wal")
                    _copy_bytes(wal, wal_copy)
                    partial_copies.move_new(wal_copy, aside.with_name(aside.name + "-wal"))
            partial.publish()
            safe_files.fsync_folder(folder)
        except (OSError, safe_files.UnsafePathError) as exc:
            raise database_files.plain_error(exc, aside) from exc
    return aside, healthy


def _release_wal(db_path: Path, healthy: bool) -> None:
    """Fold the WAL into the database file and leave rollback mode, so that no stale WAL could ever be
    applied to the file swapped in; SQLite refuses while another connection uses the file. A damaged
    file's WAL is simply removed (it was copied aside byte for byte)."""
    wal_files = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
    if not any(p.exists() for p in wal_files):
        return
    if healthy:
        try:
            connection = sqlite3.connect(database_files.uri(db_path, "rw"), uri=True,
                                         timeout=database_files.BUSY_TIMEOUT_S)
            try:
                mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            raise database_files.plain_error(exc, db_path) from exc
        if str(mode).lower() != "delete":
            raise database_files.plain_error(sqlite3.OperationalError("database is locked"), db_path)
    for path in wal_files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise database_files.plain_error(exc, path) from exc


def finish_restore(prepared: PreparedRestore) -> Path | None:
    """Keep the current database aside, then put the staged copy in its place. Returns the aside copy.

    The database must be closed in this process and open in no other (the instance lock says so).
    Until the final rename the database file is the old one; after it, the restored one.
    """
    from outreach_desk.services import instance_lock
    from outreach_desk.store.connection import DB, database_path

    db_path = prepared.db_path
    if not prepared.staged.exists():
        raise BackupError(_tr("The prepared copy of the backup has gone; choose the backup again."), "missing",
                          prepared.staged)
    if instance_lock.held_elsewhere(db_path):
        raise BackupError(_tr("The database {path} is open in another Outreach Desk window or on another computer. "
                              "Close it there first; nothing was changed.").format(path=db_path), "locked", db_path)
    bound = database_path()
    if (bound is not None and bound.resolve() == db_path.resolve() and DB.obj is not None
            and not DB.obj.is_closed()):
        raise RuntimeError("close the database before finishing a restore")
    aside, healthy = _keep_aside(db_path)
    _release_wal(db_path, healthy)
    try:
        os.replace(prepared.staged, db_path)
        safe_files.fsync_folder(db_path.parent)
    except OSError as exc:
        raise database_files.plain_error(exc, db_path) from exc
    rotate_before_restore(db_path)
    return aside


def restore(source: str | Path, db_path: str | Path, *, other_township_ok: bool = False
            ) -> tuple[BackupInfo, Path | None]:
    """Verify ``source`` and put it in place of the database; return its info and the aside copy.

    A backup of another township is refused (reason ``other_township``, naming both) unless
    ``other_township_ok``.
    """
    prepared = prepare_restore(source, db_path)
    try:
        if prepared.other_township and not other_township_ok:
            raise BackupError(_tr("{townships} Restoring it would replace the records of the one by the other; "
                                  "nothing was changed.").format(townships=prepared.describe_townships()),
                              "other_township", prepared.db_path)
        return prepared.source, finish_restore(prepared)
    finally:
        discard(prepared)
