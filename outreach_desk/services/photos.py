"""Photo evidence: pictures copied into a managed folder beside the database, named by content.

A clerk's photos come from phones, USB sticks and chat downloads that are moved or deleted
later, so the store never points at the original file: each picture is copied to
``<database stem>.photos/ab/abcdef….jpg`` (SHA-256 of the bytes), which also stores a picture
attached twice only once. Files are written to a temporary name in the same folder and moved
into place with ``os.replace``; rows go in inside a transaction, and a failed attach removes
the files it had just created. Deleting a record keeps its files (an undo may bring the
record back); :func:`sweep_orphans` removes files that no record uses any more, except those a
backup of the database still names (the backups hold the rows, not the pictures).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.paths import user_data_dir
from outreach_desk.services import audit, ledger
from outreach_desk.services.errors import NotFoundError, ServiceError, ValidationError
from outreach_desk.store import DB
from outreach_desk.store.connection import database_path
from outreach_desk.store.models import Activity, Photo

MAX_PHOTO_BYTES = 30 * 1024 * 1024
#: Pillow's format name → the extension the managed copy gets (MPO is a phone JPEG with a depth map)
IMAGE_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "GIF": "gif", "BMP": "bmp", "WEBP": "webp",
                 "TIFF": "tif"}
#: what the file dialog offers
FILE_PATTERNS = ("*.jpg", "*.jpeg", "*.png", "*.gif", "*.bmp", "*.webp", "*.tif", "*.tiff")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_EXT_RE = re.compile(r"^[a-z0-9]{1,10}$")
_TEMP_PREFIX = ".incoming-"
_STALE_TEMP_SECONDS = 24 * 3600
_CHUNK = 1024 * 1024


def _tr(text: str) -> str:
    return translate("Photos", text)


class PhotoError(ServiceError):
    """One or more files refused; ``problems`` pairs each path with its message."""

    def __init__(self, problems: list[tuple[Path, str]]):
        super().__init__("\n".join(message for _path, message in problems))
        self.problems = problems


@dataclass(frozen=True)
class PhotoInfo:
    sha256: str
    ext: str
    original_name: str = ""
    added_at: dt.datetime | None = None

    @property
    def path(self) -> Path:
        return photo_path(self.sha256, self.ext)


@dataclass(frozen=True)
class StoredFile:
    """A picture copied into the managed folder but perhaps not yet attached to a record."""

    sha256: str
    ext: str
    original_name: str
    created: bool  # this call put the file there (so a failed attach may take it away again)


def photos_folder() -> Path:
    """``<db stem>.photos`` beside the database file; the per-user data folder for a server database."""
    db_file = database_path()
    if db_file is None:
        return user_data_dir() / "photos"
    return db_file.with_name(f"{db_file.stem}.photos")


def photo_path(sha256: str, ext: str) -> Path:
    if not _SHA_RE.match(sha256 or "") or not _EXT_RE.match(ext or ""):
        raise ValueError(f"not a managed photo name: {sha256!r}.{ext!r}")
    return photos_folder() / sha256[:2] / f"{sha256}.{ext}"


# ---------------------------------------------------------------------------- checking files
def check_image(path: str | Path) -> str:
    """The managed extension for the picture at ``path``; PhotoError if it is not one we keep."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise PhotoError([(path, _tr("{name} no longer exists.").format(name=name))]) from exc
    except OSError as exc:
        raise PhotoError([(path, _tr("{name} cannot be read: {reason}").format(
            name=name, reason=exc.strerror or exc))]) from exc
    if not path.is_file():
        raise PhotoError([(path, _tr("{name} is not a file.").format(name=name))])
    if size == 0:
        raise PhotoError([(path, _tr("{name} is empty.").format(name=name))])
    if size > MAX_PHOTO_BYTES:
        raise PhotoError([(path, _tr("{name} is {size} MB; photos larger than {limit} MB are not accepted. "
                                     "Send a smaller copy.").format(
            name=name, size=f"{size / 1024 / 1024:.1f}", limit=MAX_PHOTO_BYTES // 1024 // 1024))])
    try:
        with Image.open(path) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError, EOFError) as exc:
        raise PhotoError([(path, _tr("{name} is not a picture Outreach Desk can keep "
                                     "(JPEG, PNG, GIF, BMP, WebP or TIFF).").format(name=name))]) from exc
    except OSError as exc:
        raise PhotoError([(path, _tr("{name} cannot be read: {reason}").format(
            name=name, reason=exc.strerror or exc))]) from exc
    ext = IMAGE_FORMATS.get(image_format or "")
    if ext is None:
        raise PhotoError([(path, _tr("{name} is not a picture Outreach Desk can keep "
                                     "(JPEG, PNG, GIF, BMP, WebP or TIFF).").format(name=name))])
    return ext


def check_images(paths) -> list[tuple[Path, str]]:
    """Each path with its extension; every refused file named in one PhotoError."""
    checked, problems = [], []
    for raw in paths:
        path = Path(raw)
        try:
            checked.append((path, check_image(path)))
        except PhotoError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PhotoError(problems)
    return checked


# ---------------------------------------------------------------------------- copying
def _copy_hashed(source: Path, folder: Path) -> tuple[str, Path]:
    """Copy ``source`` to a temporary file in ``folder`` while hashing it; return (sha256, temp path)."""
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return digest.hexdigest(), temp


def store_files(paths) -> list[StoredFile]:
    """Check every file, then copy each into the managed folder (nothing is copied if one is refused)."""
    checked = check_images(paths)
    folder = photos_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stored: list[StoredFile] = []
    try:
        for source, ext in checked:
            sha, temp = _copy_hashed(source, folder)
            target = folder / sha[:2] / f"{sha}.{ext}"
            try:
                created = not target.exists()
                if created:
                    target.parent.mkdir(exist_ok=True)
                    os.replace(temp, target)
            finally:
                temp.unlink(missing_ok=True)
            stored.append(StoredFile(sha, ext, source.name[:255], created))
    except OSError as exc:
        discard(stored)
        raise PhotoError([(source, _tr("{name} could not be copied into the photo folder {folder}: {reason}").format(
            name=source.name, folder=folder, reason=exc.strerror or exc))]) from exc
    return stored


def _referenced(sha256: str) -> bool:
    return Photo.select().where(Photo.sha256 == sha256).exists()


def discard(stored: list[StoredFile]) -> None:
    """Undo :func:`store_files` for files this call created and no record uses."""
    for item in stored:
        if item.created and not _referenced(item.sha256):
            photo_path(item.sha256, item.ext).unlink(missing_ok=True)


# ---------------------------------------------------------------------------- rows
def _photo_names(activity_id: int) -> list[str]:
    return [row[0] for row in Photo.select(Photo.original_name).where(Photo.activity == activity_id)
            .order_by(Photo.id).tuples()]


def _audit_photos(activity_id: int, before: list[str], template: str, names: list[str]) -> None:
    """One audit entry on the record for photos put on or taken off (inside the caller's transaction)."""
    after = ledger.snapshot(activity_id)
    if after is None:
        return
    audit.record(audit.UPDATE, "activity", activity_id, {"photos": before}, {"photos": after["photos"]},
                 uuid=after["uuid"], summary=template.format(what=ledger.describe(after), names="、".join(names)))


def attach(activity_id: int, stored: list[StoredFile]) -> list[PhotoInfo]:
    """Insert photo rows for files already stored; a picture already on the record is skipped."""
    with DB.atomic():
        present = {row[0] for row in Photo.select(Photo.sha256).where(Photo.activity == activity_id).tuples()}
        before = _photo_names(activity_id)
        now = dt.datetime.now().replace(microsecond=0)
        added = []
        for item in stored:
            if item.sha256 in present:
                continue
            present.add(item.sha256)
            Photo.insert(activity=activity_id, sha256=item.sha256, ext=item.ext, original_name=item.original_name,
                         added_at=now).execute()
            added.append(PhotoInfo(item.sha256, item.ext, item.original_name, now))
        if added:
            _audit_photos(activity_id, before, _tr("Added photos to the activity record {what}: {names}"),
                          [p.original_name for p in added])
        return added


def add_photos(activity_id: int, paths) -> list[PhotoInfo]:
    """Copy pictures into the managed folder and attach them to a record, all or nothing."""
    stored = store_files(paths)
    try:
        return attach(activity_id, stored)
    except BaseException:
        discard(stored)
        raise


def list_photos(activity_id: int) -> list[PhotoInfo]:
    query = (Photo.select(Photo.sha256, Photo.ext, Photo.original_name, Photo.added_at)
             .where(Photo.activity == activity_id).order_by(Photo.id).tuples())
    return [PhotoInfo(*row) for row in query]


def detach(activity_id: int, shas) -> int:
    """Remove photo rows from a record and keep the files (an undo may need them)."""
    shas = list(shas)
    if not shas:
        return 0
    with DB.atomic():
        before = _photo_names(activity_id)
        names = [row[0] for row in Photo.select(Photo.original_name)
                 .where((Photo.activity == activity_id) & Photo.sha256.in_(shas)).order_by(Photo.id).tuples()]
        removed = Photo.delete().where((Photo.activity == activity_id) & Photo.sha256.in_(shas)).execute()
        if removed:
            _audit_photos(activity_id, before, _tr("Took photos off the activity record {what}: {names}"), names)
        return removed


def remove_photo(activity_id: int, sha256: str) -> None:
    """Take a photo off a record; its file goes too unless another record still uses it."""
    with DB.atomic():
        row = (Photo.select(Photo.ext, Photo.original_name).where((Photo.activity == activity_id)
                                                                  & (Photo.sha256 == sha256)).tuples().first())
        if row is None:
            raise NotFoundError(_tr("The photo is no longer attached to this record."))
        before = _photo_names(activity_id)
        Photo.delete().where((Photo.activity == activity_id) & (Photo.sha256 == sha256)).execute()
        _audit_photos(activity_id, before, _tr("Took photos off the activity record {what}: {names}"), [row[1]])
        still_used = _referenced(sha256)
    if not still_used:
        photo_path(sha256, row[0]).unlink(missing_ok=True)


def backed_up_hashes() -> set[str]:
    """Hashes of the photos named by this database's backups and by a restore being staged.

    Restoring one of them brings its photo rows back, so their files must still be there. A file
    that cannot be read as a database is passed over: a restore checks the file first and refuses it.
    """
    db_file = database_path()
    if db_file is None:
        return set()
    from outreach_desk.services.backup import backup_folder

    candidates = [*backup_folder(db_file).glob(f"{db_file.stem}*.db"), db_file.with_name(f".{db_file.name}.restoring")]
    shas: set[str] = set()
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            connection = sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                shas.update(row[0] for row in connection.execute(
                    f"SELECT DISTINCT sha256 FROM {Photo._meta.table_name}"))
            finally:
                connection.close()
        except sqlite3.Error:
            continue
    return shas


def sweep_orphans(keep=()) -> int:
    """Delete managed files no record and no backup uses (and stale temporary files); return how many went.

    ``keep`` names hashes that must survive although no row uses them, e.g. those of records an
    undo could still bring back. Run it when no such undo is pending: ui/shell/shutdown.py does, at exit.
    """
    folder = photos_folder()
    if not folder.is_dir():
        return 0
    used = {row[0] for row in Photo.select(Photo.sha256).distinct().tuples()} | set(keep) | backed_up_hashes()
    removed = 0
    now = time.time()
    for temp in folder.glob(f"{_TEMP_PREFIX}*.tmp"):
        if now - temp.stat().st_mtime > _STALE_TEMP_SECONDS:
            temp.unlink(missing_ok=True)
            removed += 1
    for sub in folder.iterdir():
        if not (sub.is_dir() and len(sub.name) == 2):
            continue
        for file in sub.iterdir():
            sha = file.name.split(".", 1)[0]
            if _SHA_RE.match(sha) and sha not in used:
                file.unlink(missing_ok=True)
                removed += 1
    return removed


# ---------------------------------------------------------------------------- records with their photos
def create_record(data: ledger.ActivityInput, photo_paths=()) -> int:
    """Insert a record and attach its pictures in one transaction; no record and no new file on failure."""
    errors = ledger.validate(data)
    if errors:
        raise ValidationError(errors)
    stored = store_files(photo_paths)
    try:
        with DB.atomic():
            activity_id = ledger.create(data)
            attach(activity_id, stored)
    except BaseException:
        discard(stored)
        raise
    return activity_id


def update_record(activity_id: int, data: ledger.ActivityInput, add_paths=(), remove_shas=()) -> None:
    """Change a record's fields, attach new pictures and take others off, all in one transaction."""
    errors = ledger.validate(data)
    if errors:
        raise ValidationError(errors)
    stored = store_files(add_paths)
    try:
        with DB.atomic():
            ledger.update(activity_id, data)
            detach(activity_id, remove_shas)
            attach(activity_id, stored)
    except BaseException:
        discard(stored)
        raise


def reset_record(record: ledger.ActivityRecord) -> None:
    """Make the stored record exactly ``record`` again (a ``ledger.get`` snapshot): fields, times, photos.

    Undo and redo of an edit use it; the photo files are still there because edits only detach.
    """
    values = {
        "date": record.date, "village": record.village_id, "site": record.site_id,
        "member_unit": record.member_unit_id, "kind": record.kind_id, "quantity": record.quantity,
        "people": record.people, "audiences": record.audiences, "topics": record.topics,
        "place_note": record.place_note, "notes": record.notes, "uuid": record.uuid,
        "created_at": record.created_at, "updated_at": record.updated_at,
    }
    with DB.atomic():
        before = ledger.snapshot(record.id)
        if not Activity.update(values).where(Activity.id == record.id).execute():
            raise NotFoundError(_tr("The activity record no longer exists."))
        Photo.delete().where(Photo.activity == record.id).execute()
        for photo in record.photos:
            Photo.insert(activity=record.id, **photo).execute()
        after = ledger.snapshot(record.id)
        if before != after:
            audit.record(audit.REVERT, "activity", record.id, before, after, uuid=record.uuid,
                         summary=_tr("Undid or redid an edit of the activity record {what}").format(
                             what=ledger.describe(after)))
