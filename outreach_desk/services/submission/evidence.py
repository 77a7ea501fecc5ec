"""Evidence rules (影像资料): which records lack the photo their kind requires, and photos dated far from their record.

The plans want photos of banners, posters, windows, lectures, cultural events and quizzes kept
"备检" and sent upward. A kind marked ``requires_photo`` (migration 18 marks those) needs at least
one photo on each record; :func:`missing_photos` lists the records without one (the package's
index) and :func:`evidence_gaps` sums them per village and kind as lines of the gap list
("缺影像资料"). :func:`exif_date` reads when a photo was taken, so the index can flag a photo taken
more than :data:`FAR_DAYS` from its record's date (last year's banner sent again, say).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import current_language, translate
from outreach_desk.services import audit
from outreach_desk.services.coverage.dialect import param
from outreach_desk.services.excel.report_data import as_date
from outreach_desk.store import DB
from outreach_desk.store.models import ActivityKind

#: the rule key evidence gaps carry in the gap list
RULE_KEY = "evidence_photo"
#: a photo taken more than this many days before or after its record's date is flagged
FAR_DAYS = 7
_EXIF_IFD = 0x8769
_DATE_TAGS = (36867, 36868)  # DateTimeOriginal, DateTimeDigitized (in the Exif IFD)
_IFD0_DATE = 306  # DateTime


def _tr(text: str) -> str:
    return translate("Evidence", text)


def rule_name() -> str:
    return _tr("Photo evidence")


@dataclass(frozen=True)
class MissingPhoto:
    """A record whose kind requires a photo and which has none."""

    activity_id: int
    uuid: str
    date: dt.date
    township_id: int
    village_id: int
    village: str
    site: str
    kind: str
    quantity: int


def set_photo_required(kind_id: int, required: bool) -> None:
    """Mark a kind as needing a photo on each record (or not), audited."""
    with DB.atomic():
        row = ActivityKind.get_or_none(ActivityKind.id == kind_id)
        if row is None or bool(row.requires_photo) == bool(required):
            return
        ActivityKind.update(requires_photo=bool(required)).where(ActivityKind.id == kind_id).execute()
        summary = (_tr("Records of {kind} now need a photo") if required
                   else _tr("Records of {kind} no longer need a photo")).format(kind=row.name_zh)
        audit.record(audit.UPDATE, "kind", kind_id, {"requires_photo": bool(row.requires_photo)},
                     {"requires_photo": bool(required)}, summary=summary)


def _where(start: dt.date, end: dt.date, township_id: int | None, village_id: int | None = None) -> tuple[str, list]:
    """Conditions on ``activity a``: a kind that requires a photo (so SQLite reads the records of those kinds
    through the (kind, village, date) index, not every record of the period), in [start, end], in the area."""
    p = param()
    where = (f"a.kind_id IN (SELECT id FROM activity_kind WHERE requires_photo = TRUE) "
             f"AND a.date >= {p} AND a.date <= {p}")
    args: list = [start.isoformat(), end.isoformat()]
    if township_id is not None:
        where += f" AND a.village_id IN (SELECT id FROM village WHERE township_id = {p})"
        args.append(township_id)
    if village_id is not None:
        where += f" AND a.village_id = {p}"
        args.append(village_id)
    return where, args


_NO_PHOTO = "NOT EXISTS (SELECT 1 FROM photo p WHERE p.activity_id = a.id)"


def missing_photos(start: dt.date, end: dt.date, township_id: int | None = None,
                   village_id: int | None = None) -> list[MissingPhoto]:
    """Records in [start, end] of a kind that requires a photo and without any, by village and date."""
    where, args = _where(start, end, township_id, village_id)
    name = "k.name_zh" if current_language() == "zh_CN" else "k.name_en"
    sql = (f"SELECT a.id, a.uuid, a.date, v.township_id, v.id, v.name, COALESCE(s.name, ''), {name}, a.quantity "
           "FROM activity a JOIN activity_kind k ON k.id = a.kind_id JOIN village v ON v.id = a.village_id "
           f"LEFT JOIN site s ON s.id = a.site_id WHERE {where} AND {_NO_PHOTO} "
           "ORDER BY v.township_id, v.id, a.date, k.sort_order, a.id")
    return [MissingPhoto(row[0], row[1], as_date(row[2]), *row[3:]) for row in DB.execute_sql(sql, args)]


def missing_counts(start: dt.date, end: dt.date, township_id: int | None = None,
                   village_id: int | None = None) -> list[tuple[int, int, int, int]]:
    """(village id, kind id, records, records without a photo) of the kinds that require one, in [start, end]."""
    where, args = _where(start, end, township_id, village_id)
    sql = (f"SELECT a.village_id, a.kind_id, COUNT(*), SUM(CASE WHEN {_NO_PHOTO} THEN 1 ELSE 0 END) "
           f"FROM activity a WHERE {where} GROUP BY a.village_id, a.kind_id")
    rows = DB.execute_sql(sql, args)
    return [(village, kind, int(total), int(missing or 0)) for village, kind, total, missing in rows]


def evidence_gaps(result, *, village_id: int | None = None, township_id: int | None = None) -> list:
    """Gap-list lines "缺影像资料" of a coverage result: per village and kind, the records without a photo."""
    from outreach_desk.services.coverage.gaps import EVIDENCE, Gap

    villages = {v.id: v for v in result.villages}
    if not villages:
        return []
    chinese = current_language() == "zh_CN"
    kinds = {k.id: (k.sort_order, k.name_zh if chinese else k.name_en)
             for k in ActivityKind.select().where(ActivityKind.requires_photo == True)}  # noqa: E712 (SQL)
    counts = missing_counts(result.period.start, result.period.end, township_id, village_id)
    counts.sort(key=lambda row: kinds.get(row[1], (0, ""))[0])
    rule, found = rule_name(), []
    template = _tr("{village}: {missing} of {total} {kind} records lack photo evidence; add the photos to them")
    for village, kind, total, missing in counts:
        if not missing or village not in villages or kind not in kinds:
            continue
        info = villages[village]
        text = template.format(village=info.name, missing=missing, total=total, kind=kinds[kind][1])
        found.append(Gap(RULE_KEY, rule, "village", village, info.name, village, info.name, info.township_id,
                         result.period.label, result.period.start, total - missing, total, missing,
                         missing / total, text, EVIDENCE))
    found.sort(key=lambda g: (-g.distance, g.village_name, g.text))
    return found


def exif_date(path: str | Path) -> dt.date | None:
    """The day a photo was taken by its EXIF data; None without one (screenshots, edited copies)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            exif = image.getexif()
            values = [exif.get_ifd(_EXIF_IFD).get(tag) for tag in _DATE_TAGS] + [exif.get(_IFD0_DATE)]
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        return None
    for value in values:
        try:
            return dt.datetime.strptime(str(value).strip()[:10], "%Y:%m:%d").date()
        except (TypeError, ValueError):
            continue
    return None


def far_from_record(taken: dt.date | None, record: dt.date, days: int = FAR_DAYS) -> int | None:
    """Days between the photo and its record when more than ``days``, else None."""
    if taken is None:
        return None
    gap = abs((taken - record).days)
    return gap if gap > days else None
