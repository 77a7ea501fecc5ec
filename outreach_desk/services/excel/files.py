"""Saving workbooks so that a failure never leaves half a file, a planted link is never followed, and every
failure is said in one sentence naming the file or folder.

The workbook is written to a new temporary file in the target's folder (``safe_files.replacing``: made
with O_EXCL, never through a link) and moved over the target in one step. Excel and WPS lock a workbook
they have open, so the move fails with PermissionError: that becomes :class:`FileInUseError`, whose
message tells the user to close the file or choose another name. A missing folder is made; one that
cannot be made or written, a full disk, or a link, folder or device at the target's name is refused
with a :class:`SaveError` instead.
"""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import safe_files
from outreach_desk.services.errors import ServiceError


def _tr(text: str) -> str:
    return translate("ExcelFiles", text)


class SaveError(ServiceError):
    """The workbook cannot be written at that place; ``str()`` says why and where (translated)."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


class FileInUseError(SaveError):
    """The target is held open by another program (Excel, WPS): the user may close it or choose another name."""


def check_target(path: str | os.PathLike) -> Path:
    """``path`` if a workbook can be written there: its folder exists (a missing one is made) and may be
    written, and the name is free or an ordinary file (not a link, a folder or a device). Checked before
    the work of building it."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        if folder.exists() or folder.is_symlink():
            raise SaveError(_tr("{folder} is not a folder. Choose another folder.").format(folder=folder.absolute()),
                            path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(safe_files.explain_os_error(exc, folder), path) from None
    safe_files.check_file(path)
    if not os.access(folder, os.W_OK):
        raise SaveError(_not_writable(folder), path)
    return path


def _not_writable(folder: Path) -> str:
    return _tr("The folder {folder} cannot be written to (it is read-only, write-protected or not yours). "
               "Choose another folder.").format(folder=folder.absolute())


def _write(workbook, fh, streamed: list) -> None:
    """``workbook.save(fh)``, with the zip archive closed even when writing fails (a full disk), so that no
    half-closed archive is left to write into the closed file when it is collected."""
    from openpyxl.writer.excel import ExcelWriter

    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()  # as Workbook.save does
    with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        if streamed:
            from outreach_desk.services.excel.streamed_rows import write_package

            write_package(workbook, archive, streamed)
        else:
            ExcelWriter(workbook, archive).save()


def save_workbook(workbook, path: str | os.PathLike, streamed=()) -> Path:
    """Save an openpyxl workbook to ``path`` atomically, with the rows ``streamed`` (``streamed_rows``) in their
    sheets; return the path."""
    path = check_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        with safe_files.replacing(path, "wb", suffix=".xlsx.part") as fh:
            _write(workbook, fh, [rows for rows in streamed if rows is not None])
    except PermissionError as exc:
        if path.exists() and os.access(folder, os.W_OK) and exc.errno != errno.EROFS:
            raise FileInUseError(_tr("{name} cannot be written: it is probably open in Excel or WPS. Close it there, "
                                     "or save under another name.").format(name=path.name), path) from None
        raise SaveError(_not_writable(folder), path) from None
    except OSError as exc:
        raise SaveError(safe_files.explain_os_error(exc, folder), path) from None
    return path
