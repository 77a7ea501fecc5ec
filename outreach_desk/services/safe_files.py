"""Files the program reads, creates or replaces, opened so that a planted link or device cannot misdirect them.

Anyone who can write in the database's folder could put a symbolic link where the program will
create a file (``t.db.lock`` → someone's document) or hand it a pipe, a device or a folder in place
of a file. Everything here refuses those with a translated sentence naming the path:

- :func:`check_file` — the path is a regular file or does not exist yet (nothing is opened);
- :func:`open_file` — ``open()`` with the same checks, never following a link where the program writes
  (``O_NOFOLLOW`` where the OS has it, an ``lstat`` first elsewhere), never blocking on a pipe;
- :func:`replacing` — write a new temporary file beside the target (``O_EXCL``), then ``os.replace`` it;
- :func:`ensure_folder` — a real folder (not a link to one), made if missing;
- :func:`refuse_database_file` — the open database or its journal and lock files, which no other file may
  replace (``replacing`` and ``open_file`` for writing ask it themselves) and Python must not read;
- :func:`explain_os_error` — a full disk, a read-only medium, a refused permission … in one sentence.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_LINK_ERRNOS = {errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP), getattr(errno, "EFTYPE", errno.ELOOP)}


def _tr(text: str) -> str:
    return translate("SafeFiles", text)


class UnsafePathError(ServiceError):
    """A path the program refuses to use (a link, a folder, a device, a pipe); ``str()`` is translated."""

    def __init__(self, message: str, path: str | os.PathLike):
        super().__init__(message)
        self.path = Path(path)


def _refusal(path: Path, mode: int | None) -> UnsafePathError:
    if mode is None:
        text = _tr("{path} is a symbolic link to a file that does not exist. Outreach Desk does not follow it; "
                   "remove the link or choose another name.")
    elif stat.S_ISLNK(mode):
        text = _tr("{path} is a symbolic link. Outreach Desk does not write through links, so that a planted link "
                   "cannot overwrite another file; remove the link or choose another name.")
    elif stat.S_ISDIR(mode):
        text = _tr("{path} is a folder, not a file. Choose a file.")
    else:
        text = _tr("{path} is not an ordinary file (it is a device, a pipe or a socket). Choose a file.")
    return UnsafePathError(text.format(path=path), path)


def check_file(path: str | os.PathLike, *, must_exist: bool = False, follow_links: bool = False) -> Path:
    """``path`` as a Path when it is a regular file, or missing (unless ``must_exist``); else UnsafePathError.

    ``follow_links=True`` accepts a link to a regular file: for files the user names to be read
    (a database, a workbook to import); files the program creates are never reached through a link.
    """
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode) and follow_links:
            try:
                mode = os.stat(path).st_mode
            except FileNotFoundError:
                raise _refusal(path, None) from None
    except FileNotFoundError:
        if must_exist:
            raise UnsafePathError(_tr("The file {path} does not exist.").format(path=path), path) from None
        return path
    except NotADirectoryError:
        raise UnsafePathError(_tr("{path} cannot be a file: a part of its folder path is a file, not a "
                                  "folder.").format(path=path), path) from None
    except OSError as exc:
        raise UnsafePathError(explain_os_error(exc, path), path) from exc
    if not stat.S_ISREG(mode):
        raise _refusal(path, mode)
    return path


_DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def _bound_database() -> Path | None:
    from outreach_desk.store.connection import database_path

    return database_path()


def refuse_database_file(path: str | os.PathLike, database: str | os.PathLike | None = None) -> None:
    """UnsafePathError when ``path`` is the database (default: the one the program has open), its ``-wal``,
    ``-shm``, ``-journal`` or lock file, by name or through a link or a hard link. A report saved under its
    name would replace the records; a file of it read with Python's own I/O drops SQLite's locks."""
    database = Path(database) if database is not None else _bound_database()
    if database is None:
        return
    path = Path(path)
    target = os.path.normcase(os.path.realpath(path))
    try:
        target_id = (os.stat(path).st_dev, os.stat(path).st_ino)
    except OSError:
        target_id = None
    for suffix in _DATABASE_COMPANIONS:
        member = database.with_name(database.name + suffix)
        same = os.path.normcase(os.path.realpath(member)) == target
        if not same and target_id is not None:
            with contextlib.suppress(OSError):
                same = (os.stat(member).st_dev, os.stat(member).st_ino) == target_id
        if same:
            raise UnsafePathError(_tr("{path} is the database Outreach Desk works on (or one of its journal or lock "
                                      "files): no other file may be read from it or saved over it, so that the "
                                      "records stay intact. Choose another file or name.").format(path=path), path)


def _flags(mode: str) -> tuple[int, bool]:
    """os.open flags for an ``open()`` mode (truncation left out: done after the checks), and whether to truncate."""
    plus = "+" in mode
    kind = mode.replace("b", "").replace("t", "").replace("+", "")
    if kind == "r":
        flags, truncate = (os.O_RDWR if plus else os.O_RDONLY), False
    elif kind == "w":
        flags, truncate = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT, True
    elif kind == "a":
        flags, truncate = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_APPEND, False
    elif kind == "x":
        flags, truncate = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_EXCL, False
    else:
        raise ValueError(f"unsupported mode {mode!r}")
    return flags | _BINARY | _CLOEXEC, truncate


def open_file(path: str | os.PathLike, mode: str = "rb", *, encoding: str | None = None, newline: str | None = None,
              follow_links: bool = False, buffering: int = -1, permissions: int = 0o666) -> IO:
    """``open(path, mode)`` for a regular file only: refuses a link (unless ``follow_links``, for reading
    what the user named), a folder, a pipe or a device with UnsafePathError, without blocking on a pipe
    and without truncating anything before the checks. Mode "x" makes a new file (O_EXCL); other OS
    failures raise OSError as ``open()`` does (see :func:`explain_os_error`)."""
    path = Path(path)
    check_file(path, follow_links=follow_links)
    if any(c in mode for c in "wx"):
        refuse_database_file(path)
    flags, truncate = _flags(mode)
    if not follow_links:
        flags |= _NOFOLLOW
    try:
        fd = os.open(path, flags | _NONBLOCK, permissions)
    except OSError as exc:
        if exc.errno in _LINK_ERRNOS and os.path.islink(path):
            raise _refusal(path, stat.S_IFLNK) from None
        if exc.errno == errno.EISDIR:
            raise _refusal(path, stat.S_IFDIR) from None
        if exc.errno == errno.ENXIO:  # a pipe nobody reads, a device with nothing behind it
            raise _refusal(path, stat.S_IFIFO) from None
        raise
    try:
        file_mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(file_mode):
            raise _refusal(path, file_mode)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        if truncate:
            os.ftruncate(fd, 0)
        return os.fdopen(fd, mode.replace("x", "w"), buffering, encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        raise


def file_sha256(path: str | os.PathLike, *, follow_links: bool = False) -> str:
    """The SHA-256 of a file's bytes, read in chunks through :func:`open_file` (callers refuse the database)."""
    digest = hashlib.sha256()
    with open_file(path, "rb", follow_links=follow_links) as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def temporary_path(path: str | os.PathLike, suffix: str = ".partial") -> Path:
    """A fresh name beside ``path`` for a file that will replace it: same folder, so ``os.replace`` is atomic."""
    path = Path(path)
    return path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}")


def fsync_folder(folder: str | os.PathLike) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles to sync)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", *, encoding: str | None = None,
              newline: str | None = None, suffix: str = ".partial") -> Iterator[IO]:
    """``with replacing(target) as fh: fh.write(...)``: the data goes into a new file beside ``target``
    (made with O_EXCL, never through a link), flushed to disk and renamed over ``target`` only when the
    block succeeds; on any failure the temporary file is removed and ``target`` is as it was."""
    if any(c in mode for c in "ra+"):
        raise ValueError(f"replacing() writes a new file; mode {mode!r} is not a writing mode")
    path = check_file(path)
    refuse_database_file(path)
    temporary = temporary_path(path, suffix)
    fh = open_file(temporary, "x" + mode.replace("w", "").replace("x", ""), encoding=encoding, newline=newline)
    try:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        replace_with(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):  # on a full disk closing fails too (its buffer cannot be flushed)
            fh.close()
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def replace_with(finished: str | os.PathLike, path: str | os.PathLike) -> None:
    """Rename the finished (flushed and closed) file ``finished``, in the same folder as ``path`` or one
    beside it, over ``path`` at once, after the checks :func:`replacing` makes (no link, folder or device at
    ``path``, not the open database's files), and make the rename durable."""
    path = check_file(path)
    refuse_database_file(path)
    os.replace(finished, path)
    fsync_folder(path.parent)


def ensure_folder(path: str | os.PathLike) -> Path:
    """``path`` as a real folder, made (with its parents) if missing; a link, a file or a device there is
    refused with UnsafePathError, other failures raise OSError (see :func:`explain_os_error`)."""
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        path.mkdir(parents=True, exist_ok=True)
        mode = os.lstat(path).st_mode
    except NotADirectoryError:
        raise UnsafePathError(_tr("{path} cannot be a folder: a part of its path is a file.").format(path=path),
                              path) from None
    if stat.S_ISLNK(mode):
        raise UnsafePathError(_tr("{path} is a symbolic link, not a folder. Outreach Desk does not write through "
                                  "links; remove the link.").format(path=path), path)
    if not stat.S_ISDIR(mode):
        raise UnsafePathError(_tr("{path} is not a folder.").format(path=path), path)
    return path


# ---- the user's words for an OS failure ----------------------------------------------------------

def free_space(folder: str | os.PathLike) -> int | None:
    """Bytes free for this user in ``folder`` (or its nearest existing parent), None if the OS will not say."""
    folder = Path(folder)
    for candidate in (folder, *folder.parents):
        with contextlib.suppress(OSError):
            if candidate.is_dir():
                return shutil.disk_usage(candidate).free
    return None


def format_size(size: int) -> str:
    """A size in the units a clerk reads (KB, MB, GB), one decimal."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


def disk_full_message(folder: str | os.PathLike) -> str:
    """"The disk holding {folder} is full", with the space left there."""
    folder = Path(folder)
    free = free_space(folder)
    left = format_size(free) if free is not None else "?"
    return _tr("The disk holding {folder} is full ({free} free). Nothing was changed; free some space there (or "
               "choose another folder) and try again.").format(folder=folder, free=left)


def _folder_of(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def explain_os_error(exc: OSError, path: str | os.PathLike) -> str:
    """One translated sentence for an OS failure on ``path``: full disk (with the free space), read-only
    medium, permission, missing, a folder where a file was wanted …; never the raw English OS text alone."""
    path = Path(exc.filename) if getattr(exc, "filename", None) else Path(path)
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return disk_full_message(_folder_of(path))
    if code == errno.EROFS:
        return _tr("{path} is on a read-only disk (a write-protected USB stick, a CD, a read-only share): "
                   "nothing can be written there.").format(path=path)
    if code in (errno.EACCES, errno.EPERM):
        return _tr("You are not allowed to use {path} (the file or its folder is protected, or another program "
                   "holds it open). Close other programs using it, or choose another place.").format(path=path)
    if code == errno.ENOENT:
        return _tr("{path} does not exist (or its folder does not).").format(path=path)
    if code == errno.EISDIR:
        return _tr("{path} is a folder, not a file. Choose a file.").format(path=path)
    if code == errno.ENOTDIR:
        return _tr("{path} cannot be used: a part of its folder path is a file, not a folder.").format(path=path)
    if code == errno.ENAMETOOLONG:
        return _tr("The name {path} is too long for this disk.").format(path=path)
    if code == errno.EIO:
        return _tr("The disk holding {path} reported a read or write error: the disk or the USB stick may be "
                   "failing. Copy your files elsewhere.").format(path=path)
    name = errno.errorcode.get(code, str(code)) if code is not None else type(exc).__name__
    return _tr("{path} cannot be used (system error {code}).").format(path=path, code=name)
