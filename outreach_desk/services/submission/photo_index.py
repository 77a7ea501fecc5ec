"""The package's photo index (照片索引.xlsx): which photo belongs to which record, and which records lack one.

Sheet 照片 lists every photo of the month under its name in the package with its record (date,
village, site, kind, record id), the name it was sent in with, the day the camera took it and a
warning when that day is more than ``evidence.FAR_DAYS`` from the record's, and whether it was
scaled down to fit the size limit. Sheet 缺影像资料 lists the records whose kind requires a photo
and which have none. Both are printed forms like the monthly report's (``report_form``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.excel.files import save_workbook
from outreach_desk.services.excel.report_form import INTEGER, SheetForm, Signatures, fitted
from outreach_desk.services.submission.evidence import MissingPhoto
from outreach_desk.services.submission.photo_names import MonthPhoto

FILE_NAME = "照片索引.xlsx"


def _tr(text: str) -> str:
    return translate("PhotoIndex", text)


@dataclass(frozen=True)
class IndexedPhoto:
    photo: MonthPhoto
    taken: dt.date | None
    far_days: int | None
    scaled: bool


def far_text(days: int) -> str:
    return _tr("taken {days} days from the record's date: check that it is this activity's photo").format(days=days)


#: the record id column of the photo sheet: half a uuid wide, so the 36 characters wrap once at a hyphen and a row
#: is two lines (a whole uuid would print the sheet's eleven columns smaller still)
RECORD_ID_HALF = 24
#: the record id column of the sheet of records without photos, which has room for a whole uuid on one line (its
#: digits print wider than the width unit)
RECORD_ID_WHOLE = 48


def write(path: Path, month_label: str, signatures: Signatures, photos: list[IndexedPhoto],
          missing: list[MissingPhoto]) -> Path:
    """Write the two sheets to ``path``."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    title = _tr("{office} photo evidence: {sheet} ({period})")
    columns = [fitted(_tr("No."), minimum=5),
               fitted(_tr("Photo in the package"), [p.photo.arcname for p in photos[:200]], minimum=30, maximum=60),
               fitted(_tr("Date"), ["2026-11-30"]), fitted(_tr("Village / community"), minimum=12),
               fitted(_tr("Site"), minimum=12, maximum=24), fitted(_tr("Kind"), minimum=12),
               fitted(_tr("Record id"), minimum=RECORD_ID_HALF), fitted(_tr("File name as sent"),
                                                                        [p.photo.original_name for p in photos[:200]],
                                                                        minimum=14, maximum=20),
               fitted(_tr("Taken on (EXIF)"), ["2026-11-30"], minimum=14), fitted(_tr("Scaled down"), minimum=8),
               fitted(_tr("Check"), minimum=30, maximum=50)]
    form = SheetForm(workbook, "照片", title.format(office=signatures.unit, sheet=_tr("Photos"), period=month_label),
                     columns, signatures)
    for number, item in enumerate(photos, 1):
        p = item.photo
        warn = [] if item.far_days is None else [8, 10]
        form.add([number, p.arcname, p.date, p.village, p.site, p.kind, p.uuid, p.original_name,
                  item.taken if item.taken is not None else _tr("none"), _tr("yes") if item.scaled else "",
                  far_text(item.far_days) if item.far_days is not None else ""],
                 {0: INTEGER, 2: "yyyy-mm-dd", 8: "yyyy-mm-dd"}, warn=warn)
    if not photos:
        form.add([_tr("No photos are attached to the month's records.")] + [""] * (len(columns) - 1))
    far = sum(1 for item in photos if item.far_days is not None)
    form.finish(_tr("{count} photos; {far} taken more than a week from their record's date.").format(
        count=len(photos), far=far))

    columns = [fitted(_tr("No."), minimum=5), fitted(_tr("Date"), ["2026-11-30"]),
               fitted(_tr("Village / community"), minimum=12), fitted(_tr("Site"), minimum=12, maximum=24),
               fitted(_tr("Kind"), minimum=12), fitted(_tr("Quantity"), minimum=7),
               fitted(_tr("Record id"), minimum=RECORD_ID_WHOLE),
               fitted(_tr("What is missing"), minimum=24)]
    form = SheetForm(workbook, "缺影像资料", title.format(office=signatures.unit, sheet=_tr("Records without photos"),
                                                     period=month_label), columns, signatures)
    for number, record in enumerate(missing, 1):
        form.add([number, record.date, record.village, record.site, record.kind, record.quantity, record.uuid,
                  _tr("no photo evidence")], {0: INTEGER, 1: "yyyy-mm-dd", 5: INTEGER}, warn=[7])
    if not missing:
        form.add([_tr("Every record that needs a photo has one.")] + [""] * (len(columns) - 1))
    form.finish(_tr("Records of the kinds that need a photo (banners, posters, windows, lectures, cultural events, "
                    "quizzes, and any kind marked so) without any photo."))
    return save_workbook(workbook, path)
