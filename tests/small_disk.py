"""Real small and read-only file systems for the safety tests, and running a command as a user that
file permissions apply to.

A tiny tmpfs filled to the last byte is a real full disk; a read-only bind mount is a real
write-protected medium (SQLite cannot even make its ``-shm`` file there). Both need root, as CI
runs; elsewhere the test is skipped with the reason. Root ignores ``chmod``, so a command meant to
meet a read-only file runs with root's override capabilities dropped (``setpriv``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

_NO_OVERRIDE = ("--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search")


def _need_root(what: str) -> None:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip(f"{what} needs root (CI runs as root)")


@contextlib.contextmanager
def tiny_tmpfs(folder: Path, size: str = "2M"):
    """A tmpfs of ``size`` mounted on ``folder`` for the duration (lazily unmounted afterwards)."""
    _need_root("mounting a small tmpfs")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def read_only_view(source: Path, target: Path):
    """``source`` seen read-only at ``target`` (a bind mount remounted ro), as a write-protected stick is."""
    _need_root("a read-only bind mount")
    target.mkdir(parents=True, exist_ok=True)
    bound = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True, text=True)
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {bound.stderr.strip()}")
    try:
        ro = subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], capture_output=True, text=True)
        if ro.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {ro.stderr.strip()}")
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def fill(folder: Path) -> None:
    """Write a filler file until the file system refuses another byte."""
    with (folder / "filler").open("wb", buffering=0) as fh:
        for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            with contextlib.suppress(OSError):
                while True:
                    fh.write(b"\0" * chunk)
    assert shutil.disk_usage(folder).free == 0, "the tmpfs still has room after filling it"


def as_plain_user() -> list[str]:
    """An argv prefix under which file permissions apply: nothing for a plain user, ``setpriv`` dropping the
    override capabilities for root; skips when root cannot drop them."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root ignores file permissions and setpriv (util-linux) is not installed")
    return [setpriv, *_NO_OVERRIDE]
