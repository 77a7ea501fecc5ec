"""The upward package (上报包): one zip with everything a township sends the county for a month.

In the zip: the monthly report (``excel.report``), the month's photos renamed per village
(``photo_names``) with their index (``photo_index``), the 总结 draft (``summary_docx``), the month's
bulletin and the rectification orders issued in the month, the files attached to the document archive
during the month (``documents``), the county's data part (``data_part``: the month's records and
organisation as JSON), and ``manifest.json`` with the SHA-256 of every file.

The documents are written into a private temporary folder first; then photos are scaled down only
if the whole would exceed the office's size limit (``photo_fit``), and the zip is written beside
the target and renamed over it when complete (``safe_files.replacing``): a cancel, a failure or a
package over the limit leaves no file behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import organisation, photos, safe_files
from outreach_desk.services.coverage import periods
from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import report
from outreach_desk.services.excel.files import check_target
from outreach_desk.services.excel.report_form import Signatures
from outreach_desk.services.safe_files import file_sha256
from outreach_desk.services.submission import (closing, data_part, documents, evidence, manifest, photo_fit,
                                               photo_index, photo_names, summary_docx)

LIMIT_SETTING = "submission/package_limit_mb"
DEFAULT_LIMIT_MB = 20
MB = 1024 * 1024
#: bytes a zip entry costs besides its data and (twice) its name: local header, central header, UTF-8 flag
ENTRY_OVERHEAD = 120
#: room kept for the photo index and the manifest when the photos are fitted (both written after)
INDEX_RESERVE = 64 * 1024
INDEX_BYTES_PER_PHOTO = 420
_CHUNK = 1 << 20
_STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".xlsx", ".docx", ".zip")

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate("Package", text)


class PackageError(ServiceError):
    pass


@dataclass
class PackageResult:
    path: Path
    period: Period
    township: str
    sequence: int
    size: int
    sha256: str
    files: dict[str, str] = field(default_factory=dict)
    photos: int = 0
    photos_scaled: int = 0
    missing_photos: int = 0
    far_photos: int = 0
    report_sha256: str = ""  # "" for a village package, which holds no report
    village: str = ""  # the village of a village package


def office_limit_mb() -> float:
    """The office's size limit in MB from the settings the package window saves (0: no limit)."""
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME

    value = QSettings(APP_NAME, APP_NAME).value(LIMIT_SETTING, DEFAULT_LIMIT_MB)
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return float(DEFAULT_LIMIT_MB)


def keep_office_limit_mb(limit_mb: float) -> None:
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME

    QSettings(APP_NAME, APP_NAME).setValue(LIMIT_SETTING, float(limit_mb))


def default_file_name(month: Period, township: str, village: str = "") -> str:
    """``<镇名>_反诈宣传上报包_<YYYY-MM>.zip``; a village's ``<镇名>_<村名>_反诈宣传上报包_<YYYY-MM>.zip``."""
    who = f"{township}_{village}" if village else township
    return f"{who}_反诈宣传上报包_{month.start:%Y-%m}.zip"


def _orders_of(month: Period, township_id: int) -> list:
    from outreach_desk.services.supervision import rectification

    return [order for order in rectification.list_orders(rectification.OrderFilter(township_id=township_id))
            if month.start <= order.issued <= month.end]


class _Builder:
    """Gathers the files of one package in a scratch folder, then writes the zip."""

    def __init__(self, scratch: Path, month: Period, township, signatures: Signatures, progress: Progress,
                 village=None):
        self.scratch = scratch
        self.month = month
        self.township = township
        self.village = village  # a village package's village (its records only, no report or summary)
        self.report_name = ""
        self.signatures = signatures
        self.progress = progress
        self.documents: list[tuple[str, Path]] = []  # (path in the zip, file on disk)
        self.missing: list[evidence.MissingPhoto] = []

    def add(self, arcname: str, path: Path) -> Path:
        self.documents.append((arcname, path))
        return path

    def scratch_file(self, name: str) -> Path:
        folder = safe_files.ensure_folder(self.scratch / str(len(self.documents)))
        return folder / name

    def report(self) -> Path:
        name = report.default_file_name(self.month, self.township.id)

        def scaled(done: int, total: int, text: str = "") -> None:
            self.progress(min(50, 5 + (45 * done // total if total else 0)), 100, text)

        result = report.build_report(self.scratch_file(name), self.month, township_id=self.township.id,
                                     signatures=self.signatures, progress=scaled)
        self.report_name = name
        return self.add(name, result.path)

    def supervision(self) -> None:
        from outreach_desk.services.supervision import bulletin, bulletin_docx, rectification

        self.progress(52, 100, _tr("Writing the summary and the bulletin…"))
        draft = bulletin.draft(self.month, township_id=self.township.id, date=dt.date.today())
        missing = evidence.missing_photos(self.month.start, self.month.end, self.township.id)
        name = summary_docx.file_name(self.township.name, self.month)
        summary = summary_docx.build(draft, self.month, self.township.id, missing)
        self.add(name, summary_docx.write(summary, self.scratch_file(name)))
        name = bulletin.default_file_name(self.month, draft)
        self.add(f"通报/{name}", bulletin_docx.write(draft, self.scratch_file(name)))
        orders = _orders_of(self.month, self.township.id)
        if orders:
            name = f"整改通知_{self.month.start:%Y-%m}.xlsx"
            self.add(f"督导整改/{name}", rectification.export_xlsx(orders, self.scratch_file(name)))
        self.missing = missing

    def data(self) -> None:
        self.progress(56, 100, _tr("Writing the data part for the county…"))
        path = self.scratch_file("outreach-data.json")
        village_id = None if self.village is None else self.village.id
        path.write_bytes(data_part.encode(data_part.build(self.township.id, self.month, village_id)))
        self.add(data_part.NAME, path)


def _village_of(village_id: int | None, township):
    """The village of a village package, checked to be the township's."""
    from outreach_desk.store.models import Village

    if village_id is None:
        return None
    village = Village.get_or_none(Village.id == village_id)
    if village is None or village.township_id != township.id:
        raise PackageError(_tr("The village chosen is not a village of {township}.").format(township=township.name))
    return village


def build_package(path: str | Path, month: str | Period, *, township_id: int | None = None,
                  village_id: int | None = None, limit_mb: float | None = None, signatures: Signatures | None = None,
                  progress: Progress | None = None) -> PackageResult:
    """Write the package of ``month`` ("YYYY-MM") to ``path``; ``limit_mb`` None: the office's setting, 0: none.

    With ``village_id`` a village package (a village keeping its own copy sends it to its township): that
    village's records, photos and index, the data part and the manifest; the report, summary, bulletin, orders
    and archive files are the township's and stay out."""
    from outreach_desk.services.supervision.bulletin import choose_township

    report_progress = progress or (lambda done, total, text="": None)
    period = periods.parse_month(month) if isinstance(month, str) else month
    if township_id is None and village_id is not None:
        from outreach_desk.store.models import Village

        found = Village.get_or_none(Village.id == village_id)
        township_id = found.township_id if found else None
    township = choose_township(township_id)
    village = _village_of(village_id, township)
    target = check_target(path)
    safe_files.refuse_database_file(target)
    limit_mb = office_limit_mb() if limit_mb is None else limit_mb
    limit = int(limit_mb * MB) if limit_mb and limit_mb > 0 else None
    if signatures is None:
        stored = organisation.office_identity(township.id)
        signatures = Signatures(stored.unit, stored.preparer, stored.reviewer)
    with tempfile.TemporaryDirectory(prefix="outreach-package-") as scratch:
        builder = _Builder(Path(scratch), period, township, signatures, report_progress, village)
        if village is None:
            report_progress(0, 100, _tr("Writing the monthly report…"))
            builder.report()
            builder.supervision()
            for arcname, stored in documents.package_entries(period):
                builder.add(arcname, stored)
        else:
            builder.missing = evidence.missing_photos(period.start, period.end, township.id, village.id)
        builder.data()
        return _write_zip(target, builder, limit)


def _photo_entries(builder: _Builder, limit: int | None):
    """The month's photos with their EXIF check, fitted to what the limit leaves for them."""
    month = builder.month
    found = photo_names.month_photos(month.start, month.end, builder.township.id,
                                     None if builder.village is None else builder.village.id)
    paths = [photos.photo_path(p.sha256, p.ext) for p in found]
    missing_files = [p for p, path in zip(found, paths) if not path.is_file()]
    if missing_files:
        first = missing_files[0]
        raise PackageError(_tr("{count} photos of the month are missing from the photo folder {folder} (the first: "
                               "{name} of the record of {date} in {village}). Restore the folder from a backup, or "
                               "take those photos off their records.").format(
            count=len(missing_files), folder=photos.photos_folder(), name=first.original_name or first.arcname,
            date=first.date.isoformat(), village=first.village))
    sizes = [path.stat().st_size for path in paths]
    fitted = photo_fit.Fitted(None, {}, sum(sizes))
    if limit is not None:
        fixed = sum(path.stat().st_size + ENTRY_OVERHEAD + 2 * len(name.encode()) for name, path in builder.documents)
        fixed += INDEX_RESERVE + len(found) * (INDEX_BYTES_PER_PHOTO + ENTRY_OVERHEAD)
        fixed += sum(2 * len(p.arcname.encode()) + ENTRY_OVERHEAD for p in found)
        fitted = photo_fit.fit(paths, sizes, limit - fixed, limit, fixed,
                               lambda done, total, text="": builder.progress(60 + 20 * done // max(1, total), 100,
                                                                             text))
    indexed = []
    for number, (item, path) in enumerate(zip(found, paths)):
        if number % 50 == 0:
            builder.progress(80, 100, _tr("Checking the photos' dates…"))
        taken = evidence.exif_date(path)
        name = item.arcname
        if number in fitted.scaled and item.ext != "jpg":
            name = name.rsplit(".", 1)[0] + ".jpg"
        indexed.append(photo_index.IndexedPhoto(
            dataclasses.replace(item, arcname=name), taken,
            evidence.far_from_record(taken, item.date), number in fitted.scaled))
    return indexed, paths, fitted


def _write_member(archive: zipfile.ZipFile, arcname: str, *, path: Path | None = None, data: bytes | None = None,
                  sha256: str | None = None) -> str:
    """Put one file in the zip and return its SHA-256 (known already for an unscaled managed photo)."""
    info = zipfile.ZipInfo(arcname, date_time=dt.datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED if arcname.lower().endswith(_STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
    digest = hashlib.sha256() if sha256 is None else None
    with archive.open(info, "w") as out:
        if data is not None:
            out.write(data)
            if digest is not None:
                digest.update(data)
        else:
            with safe_files.open_file(path, "rb", follow_links=True) as handle:
                while chunk := handle.read(_CHUNK):
                    out.write(chunk)
                    if digest is not None:
                        digest.update(chunk)
    return sha256 if digest is None else digest.hexdigest()


def _write_zip(target: Path, builder: _Builder, limit: int | None) -> PackageResult:
    from outreach_desk.store import DB
    from outreach_desk.store.migrations import current_version

    indexed, paths, fitted = _photo_entries(builder, limit)
    index_path = photo_index.write(builder.scratch_file(photo_index.FILE_NAME), builder.month.label,
                                   builder.signatures, indexed, builder.missing)
    builder.add(photo_index.FILE_NAME, index_path)
    files: dict[str, str] = {}
    try:
        with safe_files.replacing(target, "wb", suffix=".zip.partial") as handle:
            with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
                for arcname, path in builder.documents:
                    files[arcname] = _write_member(archive, arcname, path=path)
                for number, (item, path) in enumerate(zip(indexed, paths)):
                    if number % 20 == 0:
                        builder.progress(85 + 14 * number // max(1, len(indexed)), 100,
                                         _tr("Putting the photos in the package: {done} of {total}…").format(
                                             done=number, total=len(indexed)))
                    scaled = fitted.scaled.get(number)
                    if scaled is not None:
                        files[item.photo.arcname] = _write_member(archive, item.photo.arcname, data=scaled)
                    else:
                        files[item.photo.arcname] = _write_member(archive, item.photo.arcname, path=path,
                                                                  sha256=item.photo.sha256)
                sequence = closing.next_sequence(builder.township.id, builder.month)
                scaled_info = None
                if fitted.step is not None:
                    scaled_info = {"count": len(fitted.scaled), "max_side_px": fitted.step[0],
                                   "jpeg_quality": fitted.step[1],
                                   "files": [i.photo.arcname for i in indexed if i.scaled],
                                   "originals": {i.photo.arcname: i.photo.sha256 for i in indexed if i.scaled}}
                document = manifest.build(
                    township_id=builder.township.uuid or str(builder.township.id), township=builder.township.name,
                    month=f"{builder.month.start:%Y-%m}", sequence=sequence, schema_version=current_version(DB),
                    files=files, photos_scaled=scaled_info, limit_bytes=limit,
                    data={"file": data_part.NAME, "format": data_part.FORMAT,
                          "format_version": data_part.FORMAT_VERSION},
                    village=None if builder.village is None else {"id": builder.village.uuid,
                                                                  "name": builder.village.name})
                _write_member(archive, manifest.NAME, data=manifest.encode(document))
            size = handle.tell()
            if limit is not None and size > limit:
                raise photo_fit.DoesNotFit(_tr("The package would be {size}, {over} more than the limit of {limit}. "
                                               "Raise the limit and write it again.").format(
                    size=safe_files.format_size(size), over=safe_files.format_size(size - limit),
                    limit=safe_files.format_size(limit)), size - limit)
    except PermissionError:
        raise PackageError(_tr("{name} cannot be written: it is probably open in another program. Close it there, "
                               "or save under another name.").format(name=target.name)) from None
    except OSError as exc:
        raise PackageError(safe_files.explain_os_error(exc, target)) from None
    return PackageResult(target, builder.month, builder.township.name, sequence, size, file_sha256(target), files,
                         len(indexed), len(fitted.scaled), len(builder.missing),
                         sum(1 for i in indexed if i.far_days is not None), files.get(builder.report_name, ""),
                         "" if builder.village is None else builder.village.name)
