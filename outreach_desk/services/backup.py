"""Backups of the SQLite store: make, rotate, verify, restore, and check a database.

Copies are made with SQLite's online backup API from a connection of their own, so they are
consistent while the window keeps writing and include commits still in the WAL. They land in a
``backups`` folder beside the database under names carrying their local time
(``<name>-YYYYMMDD-HHMMSS.db``), are written to a temporary file first and only get their final
name once SQLite has checked them. A restore verifies the chosen file, stages a copy beside the
database, verifies that copy, keeps the current database aside and only then swaps the files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import DB

BACKUP_FOLDER = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0

Progress = Callable[..., None]


def _tr(text: str) -> str:
    return translate("Backup", text)


class BackupError(ServiceError):
    """A backup, check or restore that could not be done; nothing was changed. ``reason`` says why."""

    def __init__(self, message: str, reason: str = "io", path: Path | None = None):
        super().__init__(message)
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class BackupInfo:
    """A verified database file: when it was taken (from its name), its schema and how much it holds."""

    path: Path
    taken_at: dt.datetime | None
    size: int
    schema_version: int
    activities: int


# ---- names and rotation ----------------------------------------------------------------------


def backup_folder(db_path: str | Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _name_pattern(db_path: str | Path) -> re.Pattern:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.db$")


def _free_name(folder: Path, db_path: Path, when: dt.datetime, label: str = "") -> Path:
    """``<stem>[-label]-<stamp>.db``, with ``-2``, ``-3`` … when two copies share a second."""
    base = f"{db_path.stem}{'-' + label if label else ''}-{when.strftime(STAMP_FORMAT)}"
    candidate = folder / f"{base}.db"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.db"
        number += 1
    return candidate


def list_backups(db_path: str | Path, folder: str | Path | None = None) -> list[tuple[dt.datetime, Path]]:
    """This database's backups in ``folder`` (default: its backups folder), newest first."""
    folder = Path(folder) if folder else backup_folder(db_path)
    pattern = _name_pattern(db_path)
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if not match or not entry.is_file():
                continue
            try:
                when = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
            except ValueError:
                continue
            found.append((when, int(match.group(2) or 1), entry))
    found.sort(reverse=True)
    return [(when, path) for when, _n, path in found]


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


def rotate(db_path: str | Path, folder: str | Path | None = None) -> list[Path]:
    """Delete the backups that rotation no longer keeps; return them. Other files are never touched."""
    backups = list_backups(db_path, folder)
    newest_per_stamp: dict[dt.datetime, Path] = {}
    for when, path in backups:
        newest_per_stamp.setdefault(when, path)
    keep = {newest_per_stamp[when] for when in kept_by_rotation(newest_per_stamp)}
    removed = []
    for _when, path in backups:
        if path not in keep:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                logging.getLogger("outreach_desk").warning("rotation could not delete %s: %s", path, exc)
                continue
            removed.append(path)
    return removed


def has_backup_on(db_path: str | Path, day: dt.date) -> bool:
    return any(when.date() == day for when, _path in list_backups(db_path))


def changed_since_last_backup(db_path: str | Path) -> bool:
    """True when the database or its WAL was written after its newest backup was, or it has none.

    Ask while the store is still open: closing it checkpoints the WAL, which rewrites the file.
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


# ---- errors from the file system and SQLite, in plain words ----------------------------------


def _plain_error(exc: BaseException, path: Path) -> BackupError:
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    sqlite_code = getattr(exc, "sqlite_errorname", "")
    if (code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or sqlite_code in ("SQLITE_FULL", "SQLITE_IOERR_WRITE")
            or "disk is full" in text):
        return BackupError(_tr("Writing {path} failed: the disk is full, the file is too large for it, or the disk is "
                               "failing ({reason}). Nothing was changed; free some space or choose another "
                               "folder.").format(path=path, reason=exc), "disk_full", path)
    if getattr(exc, "winerror", None) in (32, 33):  # Windows: the file is open in another program
        return BackupError(_tr("{path} is in use by another program. Nothing was changed; close that program and "
                               "try again.").format(path=path), "locked", path)
    if (isinstance(exc, PermissionError) or code in (errno.EROFS, errno.EACCES, errno.EPERM)
            or "readonly" in text or "read-only" in text or "unable to open" in text):
        return BackupError(_tr("Cannot write to {path}: the folder is read-only or you are not allowed to write "
                               "there. Nothing was changed; choose another folder.").format(path=path),
                           "read_only", path)
    if "locked" in text or "busy" in text or code == errno.EBUSY:
        return BackupError(_tr("{path} is in use by another program. Nothing was changed; close that program and "
                               "try again.").format(path=path), "locked", path)
    return BackupError(_tr("Could not write {path} ({reason}). Nothing was changed.").format(path=path, reason=exc),
                       "io", path)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_with_journal(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()


# ---- connections -----------------------------------------------------------------------------


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _connect_readonly(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return connection


def _connect_source(path: Path) -> sqlite3.Connection:
    """The database to copy or check: read-write when possible, so that closing it cleans up its WAL
    files as SQLite normally does; read-only in a folder where it may not write."""
    if not path.is_file():
        raise BackupError(_tr("The database {path} does not exist.").format(path=path), "missing", path)
    _require_sqlite_header(path)
    for mode in ("rw", "ro"):
        try:
            connection = sqlite3.connect(_uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_S)
        except sqlite3.OperationalError:
            continue
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError as exc:
            connection.close()
            if "malformed" in str(exc):
                raise _damaged(path, exc) from exc
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise _damaged(path, exc) from exc
    raise BackupError(_tr("Cannot read {path}: it is locked or you are not allowed to read it.").format(path=path),
                      "unreadable", path)


def _damaged(path: Path, exc: BaseException) -> BackupError:
    return BackupError(_tr("{path} is damaged and cannot be read by SQLite ({reason}).").format(path=path, reason=exc),
                       "corrupt", path)


def _require_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BackupError(_tr("Cannot read {path} ({reason}).").format(path=path, reason=exc.strerror or exc),
                          "unreadable", path) from exc
    if header != SQLITE_HEADER:
        raise BackupError(_tr("{path} is not an Outreach Desk database or backup (not a SQLite file).").format(
            path=path), "not_sqlite", path)


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Online backup of ``source`` into a new single file ``target`` (rollback journal, no WAL files)."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE").fetchone()
        destination.commit()
    finally:
        destination.close()
    with target.open("rb+") as fh:
        os.fsync(fh.fileno())


# ---- verify ----------------------------------------------------------------------------------


def _integrity_problems(connection: sqlite3.Connection, quick: bool) -> list[str]:
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    rows = [str(row[0]) for row in connection.execute(pragma).fetchall()]
    return [] if rows == ["ok"] else rows


def _schema_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return int(connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)


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


def verify(path: str | Path, *, quick: bool = False) -> BackupInfo:
    """Check that ``path`` is an intact Outreach Desk database this program can open, without changing it.

    Raises BackupError with reason ``missing``, ``not_sqlite``, ``corrupt``, ``not_outreach`` or
    ``newer_schema``. ``quick`` uses SQLite's quick_check (skips index contents: about 15x faster).
    """
    from outreach_desk.store import migrations

    path = Path(path)
    if not path.is_file():
        raise BackupError(_tr("The file {path} does not exist.").format(path=path), "missing", path)
    _require_sqlite_header(path)
    try:
        connection = _connect_readonly(path)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    try:
        problems = _integrity_problems(connection, quick)
        if problems:
            raise BackupError(_tr("{path} is damaged: SQLite's integrity check found {count} problem(s), the first: "
                                  "{first}").format(path=path, count=len(problems), first=problems[0]),
                              "corrupt", path)
        version = _schema_version(connection)
        activities = _count_activities(connection)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
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
    return BackupInfo(path, _taken_at(path), path.stat().st_size, version, activities)


def newest_good_backup(db_path: str | Path, *, quick: bool = True,
                       progress: Progress | None = None) -> BackupInfo | None:
    """The newest of this database's backups that passes verification (damaged ones are skipped)."""
    backups = list_backups(db_path)
    for number, (_when, path) in enumerate(backups):
        if progress is not None:
            progress(number, len(backups), _tr("Checking {name}…").format(name=path.name))
        try:
            return verify(path, quick=quick)
        except BackupError:
            continue
    return None


# ---- make ------------------------------------------------------------------------------------


def make_backup(db_path: str | Path, folder: str | Path | None = None, *, now: dt.datetime | None = None,
                rotate_after: bool | None = None) -> BackupInfo:
    """Copy the database into ``folder`` (default: its backups folder) and verify the copy.

    Rotation runs after a copy into the default folder unless ``rotate_after`` says otherwise.
    On any failure the partial copy is removed and BackupError explains; the database is untouched.
    """
    db_path = Path(db_path)
    target_folder = Path(folder) if folder else backup_folder(db_path)
    if rotate_after is None:
        rotate_after = folder is None or target_folder.resolve() == backup_folder(db_path).resolve()
    when = (now or dt.datetime.now()).replace(microsecond=0)
    source = _connect_source(db_path)
    temporary = None
    try:
        try:
            target_folder.mkdir(parents=True, exist_ok=True)
            final = _free_name(target_folder, db_path, when)
            temporary = final.with_name(f".{final.name}.partial")
            _remove_with_journal(temporary)
            _copy_database(source, temporary)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise _plain_error(exc, target_folder) from exc
        try:
            info = verify(temporary, quick=True)
        except BackupError as exc:
            raise BackupError(_tr("The database {path} could not be backed up because the copy fails SQLite's "
                                  "check: {reason}").format(path=db_path, reason=exc), exc.reason, db_path) from exc
        try:
            os.replace(temporary, final)
            _fsync_folder(target_folder)
        except OSError as exc:
            raise _plain_error(exc, final) from exc
    except BaseException:
        if temporary is not None:
            _remove_with_journal(temporary)
        raise
    finally:
        source.close()
    if rotate_after:
        rotate(db_path, target_folder)
    return BackupInfo(final, when, info.size, info.schema_version, info.activities)


# ---- restore ---------------------------------------------------------------------------------


@dataclass
class PreparedRestore:
    """A verified copy of the chosen backup, staged beside the database and waiting to replace it."""

    source: BackupInfo
    db_path: Path
    staged: Path


def _staging_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.restoring")


def prepare_restore(source: str | Path, db_path: str | Path, progress: Progress | None = None) -> PreparedRestore:
    """Verify ``source``, copy it beside the database and verify the copy. The database is not touched."""
    db_path = Path(db_path)
    if progress is not None:
        progress(0, 3, _tr("Checking the backup…"))
    info = verify(source)
    staged = _staging_path(db_path)
    _remove_with_journal(staged)
    try:
        if progress is not None:
            progress(1, 3, _tr("Copying the backup…"))
        try:
            connection = _connect_readonly(Path(source))
            try:
                _copy_database(connection, staged)
            finally:
                connection.close()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise _plain_error(exc, db_path.parent) from exc
        if progress is not None:
            progress(2, 3, _tr("Checking the copy…"))
        verify(staged, quick=True)  # a page-by-page copy of a file that passed the full check
    except BaseException:  # also a cancel: no staged copy is left behind
        _remove_with_journal(staged)
        raise
    return PreparedRestore(info, db_path, staged)


def discard(prepared: PreparedRestore) -> None:
    _remove_with_journal(prepared.staged)


def _is_write_failure(exc: sqlite3.DatabaseError) -> bool:
    """An error about the file being written (space, permission), not about the one being read."""
    return isinstance(exc, sqlite3.OperationalError) and "malformed" not in str(exc)


def _copy_if_healthy(db_path: Path, target: Path) -> bool:
    """Copy ``db_path`` through SQLite if it passes a quick check; False (and no copy) if it is damaged."""
    try:
        source = _connect_source(db_path)
    except BackupError as exc:
        if exc.reason in ("corrupt", "not_sqlite"):
            return False
        raise
    try:
        if _integrity_problems(source, quick=True):
            return False
        _copy_database(source, target)
        return True
    except sqlite3.DatabaseError as exc:
        _remove_with_journal(target)
        if _is_write_failure(exc):
            raise _plain_error(exc, target) from exc
        return False
    except OSError as exc:
        _remove_with_journal(target)
        raise _plain_error(exc, target) from exc
    finally:
        source.close()


def _keep_aside(db_path: Path) -> tuple[Path | None, bool]:
    """Copy the current database (with its WAL) into the backups folder as ``<stem>-before-restore-…``;
    return the copy and whether the database was healthy.

    A healthy file is copied through SQLite; a damaged one byte for byte, so nothing of it is lost.
    """
    import shutil

    if not db_path.exists():
        return None, True
    folder = backup_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        aside = _free_name(folder, db_path, dt.datetime.now(), "before-restore")
    except OSError as exc:
        raise _plain_error(exc, folder) from exc
    if _copy_if_healthy(db_path, aside):
        return aside, True
    try:
        for suffix in ("", "-wal"):
            original = db_path.with_name(db_path.name + suffix)
            if original.exists():
                shutil.copy2(original, aside.with_name(aside.name + suffix))
    except OSError as exc:
        _remove_with_journal(aside)
        raise _plain_error(exc, aside) from exc
    return aside, False


def _release_wal(db_path: Path, healthy: bool) -> None:
    """Fold the WAL into the database file and leave rollback mode, so that no stale WAL could ever be
    applied to the file swapped in; SQLite refuses while another connection uses the file. A damaged
    file's WAL is simply removed (it was copied aside byte for byte)."""
    wal_files = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
    if not any(p.exists() for p in wal_files):
        return
    if healthy:
        try:
            connection = sqlite3.connect(_uri(db_path, "rw"), uri=True, timeout=BUSY_TIMEOUT_S)
            try:
                mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            raise _plain_error(exc, db_path) from exc
        if str(mode).lower() != "delete":
            raise _plain_error(sqlite3.OperationalError("database is locked"), db_path)
    for path in wal_files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise _plain_error(exc, path) from exc


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
        _fsync_folder(db_path.parent)
    except OSError as exc:
        raise _plain_error(exc, db_path) from exc
    return aside


def restore(source: str | Path, db_path: str | Path) -> tuple[BackupInfo, Path | None]:
    """Verify ``source`` and put it in place of the database; return its info and the aside copy."""
    prepared = prepare_restore(source, db_path)
    try:
        return prepared.source, finish_restore(prepared)
    finally:
        discard(prepared)


# ---- check -----------------------------------------------------------------------------------

_RECORD_NAMES = {
    "township": QT_TRANSLATE_NOOP("BackupRecords", "Township"),
    "village": QT_TRANSLATE_NOOP("BackupRecords", "Village or community"),
    "site": QT_TRANSLATE_NOOP("BackupRecords", "Site"),
    "member_unit": QT_TRANSLATE_NOOP("BackupRecords", "Member unit"),
    "activity_kind": QT_TRANSLATE_NOOP("BackupRecords", "Activity kind"),
    "activity": QT_TRANSLATE_NOOP("BackupRecords", "Activity record"),
    "photo": QT_TRANSLATE_NOOP("BackupRecords", "Photo"),
    "campaign": QT_TRANSLATE_NOOP("BackupRecords", "Campaign"),
    "campaign_phase": QT_TRANSLATE_NOOP("BackupRecords", "Campaign phase"),
    "campaign_deadline": QT_TRANSLATE_NOOP("BackupRecords", "Campaign deadline"),
    "target_rule": QT_TRANSLATE_NOOP("BackupRecords", "Target rule"),
    "target_rule_kind": QT_TRANSLATE_NOOP("BackupRecords", "Target rule kind"),
    "survey": QT_TRANSLATE_NOOP("BackupRecords", "Survey"),
    "parent_letter": QT_TRANSLATE_NOOP("BackupRecords", "Parent letters"),
}


def _record_name(table: str) -> str:
    english = _RECORD_NAMES.get(table)
    return translate("BackupRecords", english) if english else table


@dataclass
class CheckReport:
    """What SQLite's integrity and foreign-key checks found, ready to be read by a clerk."""

    path: Path
    opened: bool = True
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    schema_version: int = 0
    #: rows by which the monthly tallies differ from the records (full check only; see repair_tallies)
    tally_mismatches: int = 0

    @property
    def ok(self) -> bool:
        return self.opened and not self.integrity and not self.foreign_keys and not self.tally_mismatches

    def lines(self) -> list[str]:
        if not self.opened:
            return list(self.integrity)
        if self.ok:
            return [_tr("{path}: no problems found (integrity and references checked).").format(path=self.path)]
        lines = []
        if self.integrity:
            lines.append(_tr("{path} is damaged: SQLite's integrity check found {count} problem(s). Restore the "
                             "newest good backup (File › Restore from backup…).").format(
                                 path=self.path, count=len(self.integrity)))
            lines += [f"  {problem}" for problem in self.integrity[:20]]
        if self.foreign_keys:
            lines.append(_tr("{count} record(s) refer to records that do not exist:").format(
                count=len(self.foreign_keys)))
            lines += [f"  {problem}" for problem in self.foreign_keys[:50]]
            lines.append(_tr("The records themselves were not changed. Restore a backup from before the problem "
                             "appeared, or ask for help."))
        if self.tally_mismatches:
            lines.append(_tr("The monthly tallies behind the coverage figures and the dashboard differ from the "
                             "activity records in {count} place(s). The records themselves are fine; rebuild the "
                             "tallies from them (File › Check database offers it).").format(
                                 count=self.tally_mismatches))
        return lines


def _foreign_key_problems(connection: sqlite3.Connection) -> list[str]:
    problems = []
    columns: dict[tuple[str, int], str] = {}
    for table, rowid, parent, fkid in connection.execute("PRAGMA foreign_key_check").fetchall():
        if (table, fkid) not in columns:
            for row in connection.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                columns[(table, row[0])] = row[3]
        column = columns.get((table, fkid), "?")
        value = None
        if rowid is not None and column != "?":
            found = connection.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
            value = found[0] if found else None
        problems.append(_tr("{record} no. {id} refers to {parent} no. {value}, which does not exist.").format(
            record=_record_name(table), id=rowid, parent=_record_name(parent), value=value))
    return problems


def _tally_mismatches(connection: sqlite3.Connection) -> int:
    """Rows by which the monthly tallies (migration 8) differ from grouping the records; 0 without tallies."""
    from outreach_desk.services.coverage import tally

    if not connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (tally.LEVELS["village"][0],)).fetchone():
        return 0
    return sum(connection.execute(query).fetchone()[0] for query in tally.mismatch_queries())


def repair_tallies() -> None:
    """Make the monthly tallies again from the records of the open store, in one transaction."""
    from outreach_desk.services.coverage import tally

    with DB.atomic():
        tally.rebuild()


def check(db_path: str | Path, *, quick: bool = False, foreign_keys: bool = True) -> CheckReport:
    """Run SQLite's integrity check and foreign-key check on the database file (it is not changed)."""
    db_path = Path(db_path)
    report = CheckReport(db_path)
    try:
        connection = _connect_source(db_path)
    except BackupError as exc:
        report.opened = False
        report.integrity = [str(exc)]
        return report
    try:
        report.integrity = _integrity_problems(connection, quick)
        report.schema_version = _schema_version(connection)
        if foreign_keys and not report.integrity:
            report.foreign_keys = _foreign_key_problems(connection)
        if not quick and not report.integrity:
            report.tally_mismatches = _tally_mismatches(connection)
    except sqlite3.DatabaseError as exc:
        report.integrity = report.integrity or [str(exc)]
    finally:
        connection.close()
    return report
