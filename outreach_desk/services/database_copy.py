"""``copy SRC DST``: a township's database file onto the county server, or a server's data (photos included)
into a database file, which is also the backup of a server where pg_dump is not at hand.

Either end is a file path or a ``postgresql://`` URL; :mod:`store.copying` moves the records in one
transaction on the target. A server target is written in place (its transaction is all or nothing). A
file target is written into a new file in a private folder beside it, counted again once closed, and
only then put in place of the target (an empty database file may be replaced, one holding a township
never), so a failure, a cancel or a full disk leaves no half-written file. The photos go with the
records: from the folder beside a file into the server's ``photo_blob``, or back into the folder beside
the target file (added before the target is put in place; on a failure the files this copy added go).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import partial_copies, photos, safe_files
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import connection, copying, failures, migrations, photo_blobs, server

Progress = Callable[[int, int, str], None]
#: what ``progress`` is told while the photos go (the tables are told by their names)
PHOTOS_STEP = "photo_blob"


def _tr(text: str) -> str:
    return translate("Copy", text)


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    counts: dict[str, int]
    photos: int  # pictures carried
    missing_photos: int  # pictures the source's records name that the source does not have


class _Photos:
    """The pictures of one end: a server's ``photo_blob``, or the folder beside a file."""

    def __init__(self, database, folder: Path | None):
        self.database, self.folder = database, folder
        self.created: list[tuple[str, str]] = []
        self.made_folder = folder is not None and not os.path.lexists(folder)

    def read(self, sha: str, ext: str) -> bytes | None:
        if self.folder is None:
            return photo_blobs.get(self.database, sha)
        return photos.read_stored(self.folder, sha, ext)

    def write(self, sha: str, ext: str, data: bytes) -> None:
        made = (photo_blobs.put(self.database, sha, ext, data) if self.folder is None
                else photos.write_stored(self.folder, sha, ext, data))
        if made:
            self.created.append((sha, ext))

    def take_back(self) -> None:
        """Remove the files this copy added to a target's folder (a server's rows go with its transaction)."""
        if self.folder is None:
            return
        for sha, ext in self.created:
            with contextlib.suppress(OSError):
                (self.folder / sha[:2] / f"{sha}.{ext}").unlink()
        for sub in {sha[:2] for sha, _ext in self.created}:
            with contextlib.suppress(OSError):
                (self.folder / sub).rmdir()  # only when empty
        if self.made_folder:
            with contextlib.suppress(OSError):
                self.folder.rmdir()


class _PhotoCarrier:
    """The hook :func:`store.copying.copy_all` runs inside its transactions: every picture the source's records
    name, from one end's store to the other's."""

    def __init__(self, source: _Photos, target: _Photos, progress: Progress | None):
        self.source, self.target, self.progress = source, target, progress
        self.carried = self.missing = 0

    def __call__(self, source_db, _target_db) -> None:
        named = sorted(photo_blobs.named(source_db).items())
        for number, (sha, ext) in enumerate(named):
            if self.progress is not None:
                self.progress(number, len(named), PHOTOS_STEP)
            data = self.source.read(sha, ext)
            if data is None:
                self.missing += 1
                continue
            self.target.write(sha, ext, data)
            self.carried += 1


def _photos_of(database, location: str) -> _Photos:
    if server.is_server_url(location) or photo_blobs.kept_in(database):
        return _Photos(database, None)
    return _Photos(database, photos.photos_folder_of(location))


def _same_end(source: str, target: str) -> bool:
    if server.is_server_url(source) or server.is_server_url(target):
        return source == target
    with contextlib.suppress(OSError):
        return os.path.samefile(source, target)
    return os.path.abspath(source) == os.path.abspath(target)


def _open_source(location: str, password: str | None = None):
    if server.is_server_url(location):
        return server.connect(location, password), server.describe(location)
    path = Path(location)
    if not path.exists():
        raise ServiceError(_tr("The database {path} does not exist.").format(path=path))
    return connection.unbound_database(path, readonly=True), str(path)


def _refuse_existing_file(path: Path, replace: bool = False) -> None:
    """An existing target file may be replaced only when it is an empty Outreach Desk database with no changes
    waiting in its journal. SQLite itself reads it (read-only); the empty journal files beside it are removed
    after, so none is left beside the file that replaces it."""
    journals = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    if _holds_changes(journals[0]) or os.path.lexists(f"{path}-journal"):
        raise ServiceError(_tr("{path} is open in Outreach Desk or was not closed properly. Close it (or open it "
                               "once and close it again), then copy; nothing was changed.").format(path=path))
    existing = connection.unbound_database(path, readonly=True)
    try:
        if migrations.current_version(existing) == 0 and existing.get_tables():
            raise ServiceError(_tr("{path} is a database of another program. Choose a new file name; nothing was "
                                   "changed.").format(path=path))
        if copying.holds_township(existing) and not replace:
            raise copying.CopyError(_tr("{target} already holds records (a township). Copy only into a new or "
                                        "empty database, so that no records are mixed or lost; nothing was "
                                        "changed.").format(target=path))
    finally:
        existing.close()
    if not _holds_changes(journals[0]):
        for journal in journals:
            with contextlib.suppress(FileNotFoundError):
                journal.unlink()


def _holds_changes(wal: Path) -> bool:
    """Whether SQLite's write-ahead journal beside a file holds changes (asked of the OS, nothing opened)."""
    try:
        return os.lstat(wal).st_size > 0
    except FileNotFoundError:
        return False


def _into_server(source, source_name: str, location: str, carrier_source: _Photos,
                 progress: Progress | None, password: str | None, replace: bool) -> CopyResult:
    target = server.connect(location, password)
    where = server.describe(location)
    try:
        server.refuse_foreign(target, where)
        carrier = _PhotoCarrier(carrier_source, _Photos(target, None), progress)
        counts = copying.copy_all(source, target, source_name, where, progress, within=carrier, replace=replace)
        server.refresh_statistics(target)
    except failures.DatabaseError as exc:
        raise ServiceError(server.explain(exc, where) or _tr(
            "The server {where} refused the copy, so nothing was copied: {reason}").format(
                where=where, reason=str(exc).strip())) from exc
    finally:
        target.close()
    return CopyResult(source_name, where, counts, carrier.carried, carrier.missing)


def _into_file(source, source_name: str, location: str, carrier_source: _Photos,
               progress: Progress | None, password: str | None, replace: bool) -> CopyResult:
    path = Path(location)
    connection.check_database_path(path)
    safe_files.refuse_database_file(path)
    existed = path.exists()
    if existed:
        _refuse_existing_file(path, replace)
    try:
        safe_files.ensure_folder(path.parent)
        partial = partial_copies.PartialCopy.start(path)
    except (OSError, safe_files.UnsafePathError) as exc:
        raise ServiceError(_explain(exc, path)) from exc
    target_photos = _Photos(None, photos.photos_folder_of(path))
    carrier = _PhotoCarrier(carrier_source, target_photos, progress)
    with partial:
        try:
            target = connection.unbound_database(partial.file, readonly=False)
            try:
                counts = copying.copy_all(source, target, source_name, str(path), progress, within=carrier,
                                          replace=replace)
            finally:
                target.close()
            _check_again(partial.file, counts, source_name, path)
            if existed:
                safe_files.replace_with(partial.file, path)
            else:
                partial.publish()
                safe_files.fsync_folder(path.parent)
        except (OSError, safe_files.UnsafePathError) as exc:
            target_photos.take_back()
            raise ServiceError(_explain(exc, path)) from exc
        except failures.DatabaseError as exc:
            target_photos.take_back()
            message = failures.explain(exc, path) or server.explain(exc, source_name)
            if message is None:
                raise
            raise ServiceError(message) from exc
        except BaseException:
            target_photos.take_back()
            raise
    return CopyResult(source_name, str(path), counts, carrier.carried, carrier.missing)


def _check_again(file: Path, counts: dict[str, int], source_name: str, path: Path) -> None:
    """The written file, closed and opened again, holds what was copied: else nothing replaces the target."""
    written = connection.unbound_database(file, readonly=True)
    try:
        differing = copying.differing_counts(written, counts)
    finally:
        written.close()
    if differing:
        raise copying.CopyError(_tr("After copying, {tables} did not hold as many records as in {source}; the copy "
                                    "was undone and {target} is as it was.").format(
                                        tables=", ".join(differing), source=source_name, target=path))


def _explain(exc: BaseException, path: Path) -> str:
    if isinstance(exc, OSError):
        return safe_files.explain_os_error(exc, path)
    return str(exc)


def copy_database(source_location: str, target_location: str, progress: Progress | None = None, *,
                  password: str | None = None, target_password: str | None = None,
                  replace: bool = False) -> CopyResult:
    """Copy every record and photo of ``source_location`` into ``target_location`` (a new or empty database
    file, or an empty or new server database; with ``replace``, confirmed by the clerk, one whose records all
    give way); the counts per table. ``password`` and ``target_password`` are those a clerk typed for a server
    at either end. Raises StoreError or ServiceError in one sentence; the target is then as it was."""
    if _same_end(source_location, target_location):
        raise ServiceError(_tr("The source and the target are the same database; nothing was changed."))
    source, source_name = _open_source(source_location, password)
    try:
        carrier_source = _photos_of(source, source_location)
        into = _into_server if server.is_server_url(target_location) else _into_file
        return into(source, source_name, target_location, carrier_source, progress, target_password, replace)
    finally:
        source.close()


def records_held(location: str, password: str | None = None) -> tuple[int, int]:
    """(townships, activity records) the database at ``location`` holds; (0, 0) for a new or empty one, or none
    there yet: what a clerk is asked to confirm before they are replaced."""
    if server.is_server_url(location):
        database = server.connect(location, password)
    elif Path(location).is_file():
        connection.check_database_path(Path(location))
        database = connection.unbound_database(Path(location), readonly=True)
    else:
        return 0, 0
    try:
        if not copying.holds_township(database):
            return 0, 0
        activities = copying.count(database, "activity") if database.table_exists("activity") else 0
        return copying.count(database, "township"), activities
    finally:
        database.close()
