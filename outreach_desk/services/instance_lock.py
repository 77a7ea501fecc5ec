"""One writer per database, and a warning when the database lives on a network share.

The lock is an OS lock on ``<database>.lock`` beside the database: ``flock`` on POSIX,
``msvcrt.locking`` on Windows. The OS drops it when the process ends however it ends, so a
crash or a power cut never leaves a stale lock. What the file says (who, which computer, since
when) only feeds the message a second instance shows; the file itself stays in place, because
deleting a lock file while others may be opening it lets two writers in.

SQLite's WAL needs shared memory on one host (sqlite.org, "WAL does not work over a network
file system"), hence :func:`network_location`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import safe_files

LOCK_SUFFIX = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 20  # lock a byte past the holder text, so others can still read it
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "lustre", "9p", "davfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.smbnetfs",
})
_WINDOWS_DRIVE_REMOTE = 4
_HOLDER_MAX_BYTES = 4096


def _tr(text: str) -> str:
    return translate("InstanceLock", text)


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as the holder wrote it."""

    user: str = ""
    host: str = ""
    pid: int = 0
    since: str = ""

    def describe(self) -> str:
        return _tr("{user} on {host} since {since}").format(user=self.user or "?", host=self.host or "?",
                                                            since=self.since or "?")


class LockError(Exception):
    """The database cannot be opened for writing by this instance; ``str()`` is translated."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


class AlreadyOpenError(LockError):
    def __init__(self, path: Path, holder: Holder | None):
        where = holder.describe() if holder else _tr("another program")
        super().__init__(_tr("The database {path} is already open in Outreach Desk ({where}). Only one window may "
                             "change it at a time.").format(path=path, where=where), path)
        self.holder = holder


class LockUnavailableError(LockError):
    """The lock file cannot be created: typically a read-only folder."""


def lock_path_for(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _key(db_path: str | Path) -> str:
    return os.path.normcase(str(Path(db_path).resolve()))


def _try_lock(fh) -> bool:
    if os.name == "nt":
        import msvcrt

        fh.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _unlock(fh) -> None:
    if os.name == "nt":
        import msvcrt

        fh.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _os_user() -> str:
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""


def read_holder(db_path: str | Path) -> Holder | None:
    """What the holder wrote in the lock file, read without following a link (None if unreadable)."""
    try:
        with safe_files.open_file(lock_path_for(db_path), "rb") as fh:
            text = fh.read(_HOLDER_MAX_BYTES).decode("utf-8", errors="replace")
        data = json.loads(text.strip("\0 \n") or "{}")
        return Holder(str(data.get("user", "")), str(data.get("host", "")), int(data.get("pid", 0)),
                      str(data.get("since", "")))
    except (OSError, ValueError, TypeError, AttributeError, safe_files.UnsafePathError):
        return None


class InstanceLock:
    """The held lock on one database; release it when the database is closed for good."""

    def __init__(self, db_path: Path, fh):
        self.db_path = db_path
        self.lock_path = lock_path_for(db_path)
        self._fh = fh

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        """Drop the lock; never raises (the OS drops it anyway when the file is closed or the process ends)."""
        if self._fh is None:
            return
        with contextlib.suppress(OSError):
            _unlock(self._fh)
        with contextlib.suppress(OSError):
            self._fh.close()
        self._fh = None
        _held.pop(_key(self.db_path), None)

    def __enter__(self) -> "InstanceLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


_held: dict[str, InstanceLock] = {}


def _open_lock_file(lock_path: Path, db_path: Path):
    """The lock file, opened (created if missing) unbuffered and never through a link; a link, a folder or a
    device in its place is refused by name, so a planted link cannot make the lock overwrite another file."""
    try:
        return safe_files.open_file(lock_path, "a+b", buffering=0)
    except safe_files.UnsafePathError as exc:
        raise LockUnavailableError(_tr("{reason} The lock file of the database must be an ordinary file; nothing was "
                                       "changed.").format(reason=exc), db_path) from exc
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise LockUnavailableError(
                _tr("The folder of the database {path} cannot be written (a write-protected disk, a read-only folder "
                    "or one that is not yours), so the database can only be read there, not changed.").format(
                        path=db_path), db_path) from exc
        raise LockUnavailableError(
            _tr("{reason} The lock file {path} cannot be made there, so the database can only be opened "
                "read-only.").format(path=lock_path, reason=safe_files.explain_os_error(exc, lock_path)),
            db_path) from exc


def _write_holder(fh) -> None:
    """Who holds the lock, for the message a second instance shows; written straight to the file (no
    buffer left to flush at close, which a full disk would make fail) and skipped when there is no room."""
    holder = {"user": _os_user(), "host": socket.gethostname(), "pid": os.getpid(),
              "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M")}
    with contextlib.suppress(OSError):
        os.ftruncate(fh.fileno(), 0)
        os.write(fh.fileno(), json.dumps(holder, ensure_ascii=False).encode("utf-8"))


def acquire(db_path: str | Path) -> InstanceLock:
    """Take the writer's lock on ``db_path`` (the same object again if this process holds it already).

    Raises AlreadyOpenError when another process holds it and LockUnavailableError when the lock file
    cannot be created (read-only folder, missing folder); the database is not touched either way.
    """
    db_path = Path(db_path)
    try:
        safe_files.check_file(db_path, follow_links=True)
    except safe_files.UnsafePathError as exc:  # no lock file beside a folder, a device or a pipe
        raise LockUnavailableError(str(exc), db_path) from exc
    existing = _held.get(_key(db_path))
    if existing is not None and existing.held:
        return existing
    lock_path = lock_path_for(db_path)
    fh = _open_lock_file(lock_path, db_path)
    if not _try_lock(fh):
        fh.close()
        raise AlreadyOpenError(db_path, read_holder(db_path))
    _write_holder(fh)
    lock = InstanceLock(db_path, fh)
    _held[_key(db_path)] = lock
    return lock


def held_here(db_path: str | Path) -> bool:
    lock = _held.get(_key(db_path))
    return lock is not None and lock.held


def held_elsewhere(db_path: str | Path) -> bool:
    """True when another process holds the lock on ``db_path`` (probing takes and drops it at once)."""
    if held_here(db_path):
        return False
    lock_path = lock_path_for(db_path)
    if not lock_path.exists():
        return False
    try:
        fh = safe_files.open_file(lock_path, "rb", buffering=0)
    except (OSError, safe_files.UnsafePathError):
        return False
    try:
        if not _try_lock(fh):
            return True
        _unlock(fh)
        return False
    finally:
        fh.close()


# ---- network folders ---------------------------------------------------------------------------


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _linux_filesystem(path: Path, mounts_text: str) -> str | None:
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs_type = _unescape_mount(parts[1]), parts[2]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fs_type
    return best_type


def _windows_location(path: str) -> str | None:
    if path.startswith(("\\\\", "//")):
        return "UNC"
    if len(path) >= 2 and path[1] == ":":
        with contextlib.suppress(Exception):
            import ctypes

            if ctypes.windll.kernel32.GetDriveTypeW(f"{path[0]}:\\") == _WINDOWS_DRIVE_REMOTE:
                return "mapped network drive"
    return None


def network_location(path: str | Path, *, platform: str | None = None, mounts_text: str | None = None) -> str | None:
    """The kind of network storage ``path`` is on ("UNC", "nfs4", "cifs" …), or None for a local disk."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return _windows_location(str(path))
    if not platform.startswith("linux"):
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = Path(os.path.abspath(path))
    with contextlib.suppress(OSError, RuntimeError):
        resolved = Path(path).resolve()
    fs_type = _linux_filesystem(resolved, mounts_text)
    return fs_type if fs_type in NETWORK_FILESYSTEMS else None


def network_warning(path: str | Path, kind: str) -> str:
    return _tr("The database {path} is on a network folder ({kind}). SQLite is not safe over network shares: "
               "two computers writing to it, or a dropped connection, can damage it. Keep the database on this "
               "computer's own disk; share the monthly reports instead, or ask for a server database.").format(
                   path=path, kind=kind)
