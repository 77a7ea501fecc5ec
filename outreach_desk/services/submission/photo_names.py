"""The month's photos as the county files them: ``照片/<村>/<村>_<日期>_<活动类型>_<序号>.jpg``.

The managed copies are named by their SHA-256 (``services.photos``); the package names each by
its record instead: village, day (20261105), kind in Chinese and a number counting the photos of
that village, day and kind from 01. In a name part, a character Windows refuses in a file name (and the
"_" that separates the parts) becomes its full-width form (太平/新村 → 太平／新村), so the name stays readable
and the parts split on "_" again; control characters are dropped. A photo that is not a JPEG keeps its own
extension (a PNG renamed .jpg would not open everywhere).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from outreach_desk.services.coverage.dialect import param
from outreach_desk.services.excel.report_data import as_date
from outreach_desk.store import DB

FOLDER = "照片"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
#: the characters Windows refuses, and the parts' separator, as their full-width forms (U+FF01..FF5E)
_FULL_WIDTH = {ord(c): chr(ord(c) + 0xFEE0) for c in '\\/:*?"<>|_'}
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class MonthPhoto:
    """One photo of a record of the month, with the name it gets in the package."""

    sha256: str
    ext: str
    original_name: str
    activity_id: int
    uuid: str
    date: dt.date
    village: str
    site: str
    kind: str
    arcname: str


def safe_part(text: str) -> str:
    """``text`` usable as (part of) a file name on Windows, macOS and Linux."""
    cleaned = _UNSAFE.sub("_", text.strip()).strip(". ")
    return cleaned or "_"


def name_part(text: str) -> str:
    """``text`` as one "_"-separated part of a photo's name: Windows' refused characters and "_" full-width."""
    cleaned = _CONTROLS.sub("", text).strip().translate(_FULL_WIDTH).strip(". ")
    return cleaned or "＿"


def month_photos(start: dt.date, end: dt.date, township_id: int | None = None,
                 village_id: int | None = None) -> list[MonthPhoto]:
    """Every photo of the records dated in [start, end] (of a township, or one village), by village, day, kind
    and entry order, named."""
    p = param()
    where, args = f"a.date >= {p} AND a.date <= {p}", [start.isoformat(), end.isoformat()]
    if township_id is not None:
        where += f" AND v.township_id = {p}"
        args.append(township_id)
    if village_id is not None:
        where += f" AND v.id = {p}"
        args.append(village_id)
    sql = ("SELECT ph.sha256, ph.ext, ph.original_name, a.id, a.uuid, a.date, v.name, COALESCE(s.name, ''), k.name_zh "
           "FROM photo ph JOIN activity a ON a.id = ph.activity_id JOIN village v ON v.id = a.village_id "
           f"JOIN activity_kind k ON k.id = a.kind_id LEFT JOIN site s ON s.id = a.site_id WHERE {where} "
           "ORDER BY v.township_id, v.name, v.id, a.date, k.sort_order, a.id, ph.id")
    counters: dict[tuple[str, dt.date, str], int] = {}  # by the names' parts: two names alike there count on
    found = []
    for sha, ext, original, activity_id, uuid, day, village, site, kind in DB.execute_sql(sql, args):
        day = as_date(day)
        key = (name_part(village), day, name_part(kind))
        counters[key] = counters.get(key, 0) + 1
        found.append(MonthPhoto(sha, ext, original, activity_id, uuid, day, village, site, kind,
                                arcname(village, day, kind, counters[key], ext)))
    return found


def arcname(village: str, day: dt.date, kind: str, number: int, ext: str) -> str:
    """``照片/太平村/太平村_20261105_横幅标语_01.jpg``."""
    folder = name_part(village)
    return f"{FOLDER}/{folder}/{folder}_{day:%Y%m%d}_{name_part(kind)}_{number:02d}.{ext}"
