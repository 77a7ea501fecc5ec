"""Real file-system failures for the safety tests: a read-only folder, and a process whose files may
not grow (the nearest a test can get to a full disk without mounting a file system).

Tests run as root here, and chmod does not stop root; ``chattr +i`` (immutable folder) does, where
the file system and capabilities allow it. When neither works the test is skipped, not faked.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import stat
import subprocess
from pathlib import Path

import pytest


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"x")
    except OSError:
        return False
    probe.unlink()
    return True


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """Make ``folder`` read-only for this process for the duration; skip the test if that is impossible."""
    folder.mkdir(parents=True, exist_ok=True)
    mode = folder.stat().st_mode
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    immutable = False
    try:
        if _writable(folder):
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
            if not immutable or _writable(folder):
                pytest.skip("cannot make a folder read-only for this user (root without chattr)")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(mode)


def limit_file_size(max_bytes: int):
    """A ``preexec_fn`` for subprocess: files of the child cannot grow past ``max_bytes`` (EFBIG)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return apply


def child_environment() -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env
