"""The upward package's manifest (manifest.json): who sent which month, with the SHA-256 of every file.

The county's import reads it first (``/tmp/package/manifest_format.md`` and the README describe the
format): a package whose files do not match their hashes is damaged or was changed after it was
written, and is refused. :func:`verify` is that check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError

NAME = "manifest.json"
FORMAT = "outreach-desk-package"
FORMAT_VERSION = 1
_CHUNK = 1 << 20


def _tr(text: str) -> str:
    return translate("PackageManifest", text)


class PackageDamaged(ServiceError):
    """Not a package, or its files do not match the manifest."""


def build(*, township_id: str, township: str, month: str, sequence: int, schema_version: int, files: dict[str, str],
          photos_scaled: dict | None, limit_bytes: int | None, data: dict, village: dict | None = None) -> dict:
    """The manifest; ``village`` ({"id": uuid, "name": …}) for a village package, None for a township's."""
    from outreach_desk import __version__

    return {"format": FORMAT, "format_version": FORMAT_VERSION, "township": {"id": township_id, "name": township},
            "village": village, "month": month, "program_version": __version__, "schema_version": schema_version,
            "sequence": sequence,
            "created_at": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
            "limit_bytes": limit_bytes, "photos_scaled": photos_scaled, "data": data, "files": files}


def encode(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


def read(archive: zipfile.ZipFile) -> dict:
    """The manifest of an open package; PackageDamaged when it is missing or not ours."""
    try:
        manifest = json.loads(archive.read(NAME).decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError):
        raise PackageDamaged(_tr("{name} is not an upward package of Outreach Desk: it has no readable "
                                 "manifest.").format(name=Path(archive.filename or "").name)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageDamaged(_tr("{name} is not an upward package of Outreach Desk.").format(
            name=Path(archive.filename or "").name))
    return manifest


def peek(path: str | Path) -> dict:
    """The manifest of the package at ``path`` without checking its files (to see whose it is); PackageDamaged
    when it is no package."""
    try:
        with zipfile.ZipFile(path) as archive:
            return read(archive)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PackageDamaged(_tr("{name} cannot be read as a zip file ({reason}).").format(
            name=Path(path).name, reason=exc)) from None


def verify(path: str | Path) -> dict:
    """The manifest of the package at ``path`` after checking every file against its SHA-256 and that the
    package holds no file the manifest does not name; PackageDamaged saying which file is wrong."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = read(archive)
            files = manifest.get("files") or {}
            present = {info.filename for info in archive.infolist() if not info.is_dir()} - {NAME}
            for extra in sorted(present - set(files)):
                raise PackageDamaged(_tr("{name} was changed after it was written: it holds {file}, which its "
                                         "manifest does not list.").format(name=name, file=extra))
            for member, expected in files.items():
                if member not in present:
                    raise PackageDamaged(_tr("{name} is incomplete: {file} is missing.").format(name=name, file=member))
                digest = hashlib.sha256()
                with archive.open(member) as handle:
                    while chunk := handle.read(_CHUNK):
                        digest.update(chunk)
                if digest.hexdigest() != expected:
                    raise PackageDamaged(_tr("{name} is damaged or was changed after it was written: {file} does "
                                             "not match its manifest.").format(name=name, file=member))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PackageDamaged(_tr("{name} cannot be read as a zip file ({reason}).").format(
            name=name, reason=exc)) from None
    return manifest
