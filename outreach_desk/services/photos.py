"""Photo evidence files: pictures copied into a managed folder beside the database, named by content.

A clerk's photos come from phones, USB sticks and chat downloads that are moved or deleted
later, so the store never points at the original file: each picture is copied to
``<database stem>.photos/ab/abcdef….jpg`` (SHA-256 of the bytes), which also stores a picture
attached twice only once. Files are written to a new temporary name in the same folder and moved
into place with ``os.replace``; the folders and files are never reached through a symbolic link.
This module only stores, finds and removes files: the photo rows are written by
:mod:`services.ledger` together with their record (and for inspections and re-inspections by
:mod:`services.supervision.supervision_photos`). Deleting a record keeps its files (an undo may
bring the record back); :func:`sweep_orphans` removes files that no record uses any more, except
those a backup of the database still names (the backups hold the rows, not the pictures).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import re
import secrets
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.paths import user_data_dir
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.safe_files import UnsafePathError, check_file, ensure_folder, explain_os_error, \
    fsync_folder, open_file, refuse_database_file
from outreach_desk.store import photo_blobs
from outreach_desk.store.connection import database_path
from outreach_desk.store.models import Photo
from outreach_desk.store.submission_models import CampaignDocument
from outreach_desk.store.supervision_models import SupervisionPhoto

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
    on_server: bool = False  # this call put the picture into the server's photo store


def photos_folder_of(db_file: str | Path) -> Path:
    """``<db stem>.photos`` beside the database file ``db_file``."""
    db_file = Path(db_file)
    return db_file.with_name(f"{db_file.stem}.photos")


def photos_folder() -> Path:
    """``<db stem>.photos`` beside the database file; for a server database the per-user folder that keeps
    copies of the server's pictures (the server holds them, see :mod:`store.photo_blobs`)."""
    db_file = database_path()
    if db_file is None:
        return user_data_dir() / "photos"
    return photos_folder_of(db_file)


def photo_path(sha256: str, ext: str) -> Path:
    """The managed file of a picture. On a server its copy in this computer's folder, fetched from the server's
    photo store first when this clerk has not seen it yet (another clerk added it)."""
    if not _SHA_RE.match(sha256 or "") or not _EXT_RE.match(ext or ""):
        raise ValueError(f"not a managed photo name: {sha256!r}.{ext!r}")
    path = photos_folder() / sha256[:2] / f"{sha256}.{ext}"
    if not os.path.lexists(path) and photo_blobs.bound_kept():
        data = photo_blobs.get(photo_blobs.bound(), sha256)
        if data is not None and hashlib.sha256(data).hexdigest() == sha256:
            with contextlib.suppress(OSError, UnsafePathError):
                write_stored(photos_folder(), sha256, ext, data)
    return path


# ---------------------------------------------------------------------------- checking files
def _refuse_database(path: Path) -> None:
    """PhotoError when ``path`` is the open database or one of its journal or lock files: reading it with
    Pillow or Python and closing it again would drop the SQLite locks this process holds on it."""
    try:
        refuse_database_file(path)
    except UnsafePathError as exc:
        raise PhotoError([(path, _tr("{name} is the database Outreach Desk works on (or one of its journal or "
                                     "lock files), not a picture. Choose a photo.").format(name=path.name))]) from exc


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
    try:
        check_file(path, must_exist=True, follow_links=True)  # a folder, a pipe or a device is no picture
    except UnsafePathError as exc:
        raise PhotoError([(path, str(exc))]) from exc
    _refuse_database(path)
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


def thumbnail(path: str | Path, size: int) -> bytes:
    """A small PNG of the picture at ``path``, fitting ``size``×``size`` and turned as the camera was held;
    b"" when it cannot be read. JPEGs are decoded at reduced size, so a phone photo takes a few ms."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        _refuse_database(Path(path))
        with open_file(path, "rb", follow_links=True) as fh, Image.open(fh) as image:
            image.draft("RGB", (size * 2, size * 2))
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail((size, size))
            if picture.mode not in ("RGB", "RGBA"):
                picture = picture.convert("RGBA")
            out = io.BytesIO()
            picture.save(out, "PNG")
            return out.getvalue()
    except (OSError, ServiceError, UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError,
            EOFError):
        return b""


# ---------------------------------------------------------------------------- copying
#: ``progress(done, total, text)`` as ui/shell/tasks.py hands it to a worker (it raises to cancel)
ProgressFn = Callable[[int, int, str], None]


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


def _copy_hashed(source: Path, folder: Path, progress: ProgressFn, done: int, total: int) -> tuple[str, Path]:
    """Copy ``source`` to a new temporary file in ``folder`` while hashing it; return (sha256, temp path)."""
    _refuse_database(source)
    digest = hashlib.sha256()
    temp = folder / f"{_TEMP_PREFIX}{secrets.token_hex(8)}.tmp"
    out = open_file(temp, "xb")
    try:
        with out, open_file(source, "rb", follow_links=True) as src:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                progress(done, total, _tr("Copying {name} into the photo folder…").format(name=source.name))
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return digest.hexdigest(), temp


def _put_in_place(temp: Path, folder: Path, sha: str, ext: str) -> bool:
    """Move a hashed copy to its managed name; False when that picture was stored already."""
    try:
        sub = ensure_folder(folder / sha[:2])
        target = check_file(sub / f"{sha}.{ext}")  # a link or a folder planted there is refused
        if target.exists():
            return False
        os.replace(temp, target)
        fsync_folder(sub)
        return True
    finally:
        temp.unlink(missing_ok=True)


def read_stored(folder: Path, sha256: str, ext: str) -> bytes | None:
    """The bytes of a managed picture in ``folder``, None when its file is not there."""
    try:
        with open_file(folder / sha256[:2] / f"{sha256}.{ext}", "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def write_stored(folder: Path, sha256: str, ext: str, data: bytes) -> bool:
    """Put a picture's bytes into ``folder`` under its managed name; False when it was there already."""
    ensure_folder(folder)
    temp = folder / f"{_TEMP_PREFIX}{secrets.token_hex(8)}.tmp"
    try:
        with open_file(temp, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return _put_in_place(temp, folder, sha256, ext)


def store_files(paths: Iterable, progress: ProgressFn | None = None,
                check: Callable[[Iterable], list[tuple[Path, str]]] | None = None) -> list[StoredFile]:
    """Check every file (``check``: pictures by default; the document archive passes its own), then copy
    each into the managed folder; all or nothing.

    Meant for a worker thread: ``progress`` is told the bytes copied and may raise to cancel. On a
    refusal, a failure or a cancel the files this call created are removed again.
    """
    checked = (check or check_images)(paths)
    if not checked:
        return []
    progress = progress or _no_progress
    folder = photos_folder()
    server_store = photo_blobs.bound_kept()  # a server: every clerk sees the picture, so it goes there too
    stored: list[StoredFile] = []
    source = checked[0][0]
    done = 0
    try:
        total = sum(path.stat().st_size for path, _ext in checked)
        ensure_folder(folder)
        for source, ext in checked:
            sha, temp = _copy_hashed(source, folder, progress, done, total)
            done += source.stat().st_size
            created = _put_in_place(temp, folder, sha, ext)
            stored.append(StoredFile(sha, ext, source.name[:255], created))
            if server_store:
                data = read_stored(folder, sha, ext)
                stored[-1] = StoredFile(sha, ext, source.name[:255], created,
                                        data is not None and photo_blobs.put(photo_blobs.bound(), sha, ext, data))
    except UnsafePathError as exc:
        discard(stored)
        raise PhotoError([(exc.path, str(exc))]) from exc
    except OSError as exc:
        discard(stored)
        raise PhotoError([(source, _tr("{name} could not be copied into the photo folder {folder}: {reason}").format(
            name=source.name, folder=folder, reason=explain_os_error(exc, folder)))]) from exc
    except BaseException:
        discard(stored)
        raise
    return stored


def store_received(pictures: Iterable[tuple[str, str, Callable[[], bytes]]],
                   progress: ProgressFn | None = None) -> tuple[int, int]:
    """Put pictures received in a package into this database's photo store: (sha256, ext, a reader of the bytes)
    each. A database file keeps them in the folder beside it, a server in its photo store (in the caller's
    transaction); a picture already there is skipped without being read, and bytes that do not match their
    SHA-256 are refused (PhotoError). Returns (pictures stored, their bytes)."""
    progress = progress or _no_progress
    wanted = list(pictures)
    server = photo_blobs.bound_kept()
    folder = photos_folder()
    held = set(photo_blobs.stored(photo_blobs.bound())) if server else set()
    count = size = 0
    try:
        for number, (sha, ext, read) in enumerate(wanted):
            if not _SHA_RE.match(sha or "") or not _EXT_RE.match(ext or ""):
                continue
            if sha in held or (not server and os.path.lexists(folder / sha[:2] / f"{sha}.{ext}")):
                continue
            data = read()
            if hashlib.sha256(data).hexdigest() != sha:
                raise PhotoError([(Path(sha), _tr("A received photo does not match its SHA-256."))])
            created = photo_blobs.put(photo_blobs.bound(), sha, ext, data) if server else \
                write_stored(folder, sha, ext, data)
            held.add(sha)
            if created:
                count, size = count + 1, size + len(data)
            if number % 20 == 0:
                progress(number, len(wanted), _tr("Storing the received photos: {done} of {total}…").format(
                    done=number, total=len(wanted)))
    except UnsafePathError as exc:
        raise PhotoError([(exc.path, str(exc))]) from exc
    except OSError as exc:
        raise PhotoError([(folder, _tr("The received photos could not be stored in the photo folder {folder}: "
                                       "{reason}").format(folder=folder, reason=explain_os_error(exc, folder)))]) \
            from exc
    return count, size


def still_stored(rows: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """The photo rows an undo puts back on a record (``sha256`` and ``ext`` each), as (those whose pictures are
    there, those whose pictures are gone). A database file keeps every picture until the program exits
    (:func:`sweep_orphans`), so none is gone there. A server's sweep removes a picture let go of more than a day
    ago while clerks are connected (services/database_check.SWEEP_GRACE), so an undo later than that may find it
    gone: it is stored again from this computer's copy when there is one, else reported gone. Inside the caller's
    transaction: the pictures found are held against a sweep running meanwhile (store/photo_blobs.hold)."""
    rows = list(rows)
    if not rows or not photo_blobs.bound_kept():
        return rows, []
    database = photo_blobs.bound()
    held = photo_blobs.hold(database, {row["sha256"] for row in rows})
    folder = photos_folder()
    for sha, ext in {(row["sha256"], row["ext"]) for row in rows if row["sha256"] not in held}:
        data = None
        with contextlib.suppress(OSError, UnsafePathError):
            data = read_stored(folder, sha, ext)
        if data is not None and hashlib.sha256(data).hexdigest() == sha:
            photo_blobs.put(database, sha, ext, data)
            held.add(sha)
    return [row for row in rows if row["sha256"] in held], [row for row in rows if row["sha256"] not in held]


#: the tables whose rows name managed files: activity photos, inspection and re-inspection photos, and the files
#: of the document archive (``submission.documents``)
_PHOTO_TABLES = (Photo, SupervisionPhoto, CampaignDocument)


def _referenced(sha256: str) -> bool:
    return any(model.select().where(model.sha256 == sha256).exists() for model in _PHOTO_TABLES)


def _used_hashes() -> set[str]:
    return {row[0] for model in _PHOTO_TABLES for row in model.select(model.sha256).distinct().tuples()}


def discard(stored: Iterable[StoredFile]) -> None:
    """Undo :func:`store_files` for files that call created and no record uses (a write that failed)."""
    for item in stored:
        if (item.created or item.on_server) and not _referenced(item.sha256):
            if item.on_server:
                photo_blobs.remove(photo_blobs.bound(), item.sha256)
            if item.created:
                (photos_folder() / item.sha256[:2] / f"{item.sha256}.{item.ext}").unlink(missing_ok=True)


def list_photos(activity_id: int) -> list[PhotoInfo]:
    """The pictures a record shows, in the order they were put on."""
    query = (Photo.select(Photo.sha256, Photo.ext, Photo.original_name, Photo.added_at)
             .where(Photo.activity == activity_id).order_by(Photo.id).tuples())
    return [PhotoInfo(*row) for row in query]


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
                for model in _PHOTO_TABLES:
                    try:
                        shas.update(row[0] for row in connection.execute(
                            f"SELECT DISTINCT sha256 FROM {model._meta.table_name}"))
                    except sqlite3.OperationalError:  # a backup older than the table
                        continue
            finally:
                connection.close()
        except sqlite3.Error:
            continue
    return shas


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def sweep_orphans(keep=()) -> int:
    """Delete managed files no record and no backup uses (and stale temporary files); return how many went.

    ``keep`` names hashes that must survive although no row uses them, e.g. those of records an
    undo could still bring back. Run it when no such undo is pending: ui/shell/shutdown.py does, at exit.
    Links are never followed: a folder planted as a link is left alone, a planted link only unlinked.
    """
    folder = photos_folder()
    if not _is_real_folder(folder):
        return 0
    used = _used_hashes() | set(keep) | backed_up_hashes()
    removed = 0
    now = time.time()
    for temp in folder.glob(f"{_TEMP_PREFIX}*.tmp"):
        if now - os.lstat(temp).st_mtime > _STALE_TEMP_SECONDS:
            temp.unlink(missing_ok=True)
            removed += 1
    for sub in folder.iterdir():
        if len(sub.name) != 2 or not _is_real_folder(sub):
            continue
        for file in sub.iterdir():
            sha = file.name.split(".", 1)[0]
            if _SHA_RE.match(sha) and sha not in used:
                file.unlink(missing_ok=True)
                removed += 1
    return removed
