"""Copies being written (backups, copies kept before a restore, a restore's staged copy), each in a folder of its own.

SQLite writes the copy and its journal inside a folder made for it alone (``.<final name>.partial``,
readable by this user only), so no link planted beside the destination can redirect a file it
writes. The finished copy gets its final name without replacing anything already there. While it
works, the writer holds an OS lock on a claim file in that folder: a folder whose claim nobody holds
was left by a killed process, and :func:`sweep` removes it; one being written right now is left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import time
from pathlib import Path

from outreach_desk.services import safe_files

SUFFIX = ".partial"
CLAIM_NAME = "writing.claim"
#: a partial folder without a claim file (killed between making it and claiming it), or a partial file
#: of an older version of the program, counts as abandoned after this long
UNCLAIMED_AGE_S = 15 * 60
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, getattr(errno, "ENOTSUP", errno.EPERM),
                  getattr(errno, "EOPNOTSUPP", errno.EPERM)}


def _lock(fh) -> bool:
    """An exclusive, non-blocking lock on the open claim file; False when another process holds it."""
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def folder_for(final: Path) -> Path:
    return final.with_name(f".{final.name}{SUFFIX}")


class PartialCopy:
    """The private folder in which the copy meant for ``final`` is written; ``file`` is the copy itself.

    Made with :meth:`start`; :meth:`publish` moves the copy to ``final``; :meth:`discard` removes the
    folder and whatever is left in it (also after a publish).
    """

    def __init__(self, final: Path, folder: Path, claim):
        self.final = final
        self.folder = folder
        self.file = folder / final.name
        self._claim = claim

    @classmethod
    def start(cls, final: str | os.PathLike) -> "PartialCopy":
        """Make the claimed folder beside ``final``; an abandoned one of the same name is swept first.

        Raises UnsafePathError when something other than a folder of ours stands there, OSError otherwise.
        """
        final = Path(final)
        folder = folder_for(final)
        if os.path.lexists(folder):
            _sweep_one(folder)
        try:
            os.mkdir(folder, 0o700)  # fails on anything already there, a link included: nothing is followed
        except FileExistsError:
            safe_files.ensure_folder(folder)  # a link or a file: refused with its name
            raise
        try:
            claim = safe_files.open_file(folder / CLAIM_NAME, "xb")
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        _lock(claim)
        return cls(final, folder, claim)

    def publish(self, final: Path | None = None) -> Path:
        """Give the copy its final name (``final`` or the one it was started for) without replacing a file there."""
        final = Path(final) if final is not None else self.final
        move_new(self.file, final)
        return final

    def clear(self) -> None:
        """Remove what a failed attempt left in the folder (the claim stays), to start the copy afresh."""
        for entry in os.scandir(self.folder):
            if entry.name != CLAIM_NAME:
                os.unlink(entry.path)

    def discard(self) -> None:
        if self._claim is None:
            return
        with contextlib.suppress(OSError):
            self._claim.close()
        self._claim = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "PartialCopy":
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


def move_new(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target`` when nothing (not even a dangling link) stands at ``target``.

    A hard link then an unlink refuses atomically to replace anything; where the file system has no
    hard links (FAT on a USB stick) a rename after a check does (on Windows the rename itself refuses).
    """
    safe_files.check_file(target)
    if os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    if os.name == "nt":
        os.rename(source, target)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        os.rename(source, target)
        return
    os.unlink(source)


def _age_s(path: Path) -> float:
    newest = os.lstat(path).st_mtime
    if stat.S_ISDIR(os.lstat(path).st_mode):
        with contextlib.suppress(OSError):
            for entry in os.scandir(path):
                newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    return time.time() - newest


def _claimed(folder: Path) -> bool | None:
    """Whether a live process holds the folder's claim; None when there is no claim file."""
    try:
        fh = safe_files.open_file(folder / CLAIM_NAME, "rb+")
    except FileNotFoundError:
        return None
    except (OSError, safe_files.UnsafePathError):
        return True  # cannot tell: leave it
    try:
        return not _lock(fh)
    finally:
        fh.close()


def _sweep_one(path: Path) -> bool:
    """Remove one abandoned partial folder (or an older version's partial file); False when it is in use."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        claimed = _claimed(path)
        if claimed or (claimed is None and _age_s(path) < UNCLAIMED_AGE_S):
            return False
        shutil.rmtree(path, ignore_errors=True)
        return not os.path.lexists(path)
    if stat.S_ISREG(mode) and _age_s(path) >= UNCLAIMED_AGE_S:
        for leftover in (path, path.with_name(path.name + "-journal")):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        return True
    return False


def sweep(folder: str | os.PathLike) -> list[Path]:
    """Remove the partial copies in ``folder`` that no live process is writing; return what went."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(SUFFIX):
                path = Path(entry.path)
                if _sweep_one(path):
                    removed.append(path)
    return removed
