"""Saving workbooks so that a failure never leaves half a file, and a locked target is named plainly.

The workbook is written to a temporary file in the target's folder and moved over the target in
one step. Excel and WPS lock a workbook they have open, so the move fails with PermissionError:
that becomes :class:`FileInUseError`, whose message tells the user to close the file or choose
another name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError


def _tr(text: str) -> str:
    return translate("ExcelFiles", text)


class FileInUseError(ServiceError):
    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets (mkstemp alone would leave it private)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def save_workbook(workbook, path: str | Path) -> Path:
    """Save an openpyxl workbook to ``path`` atomically; return the path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".xlsx.part", dir=path.parent)
    except PermissionError:
        raise FileInUseError(_tr("The folder {folder} cannot be written to. Choose another folder.").format(
            folder=path.parent), path) from None
    os.close(handle)
    try:
        workbook.save(temporary)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except PermissionError:
        raise FileInUseError(_tr("{name} cannot be written: it is probably open in Excel or WPS. Close it there, "
                                 "or save under another name.").format(name=path.name), path) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path
