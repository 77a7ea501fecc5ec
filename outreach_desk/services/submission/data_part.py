"""The package's data part for the county (``data/outreach-data.json``): the township's month as data.

One JSON document (format ``outreach-desk-data``, version :data:`FORMAT_VERSION`), UTF-8, described
field by field in the README's developer notes ("The data part, version 1"): the township and its
organisation (villages, sites, member units, assigned targets), the activity kinds used, every record of
the month of every kind with its uuid (activities with their photos' SHA-256, surveys, parent letters,
fraud-case figures, inspections, rectification orders, commendations and criticisms), the tombstones of what was
deleted, and the coverage figures and record counts as sent. A reference to another row is that
row's uuid (an activity kind: its code), never a row id, so the county finds the same village
again after a rename. :data:`RECORD_KINDS` and :func:`month_query` are shared with the county import.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json

import peewee as pw

from outreach_desk.services.coverage import periods
from outreach_desk.services.errors import ServiceError
from outreach_desk.store.assigned_models import AssignedNumber, AssignedTarget
from outreach_desk.store.models import (
    Activity,
    ActivityKind,
    MemberUnit,
    ParentLetter,
    Photo,
    Site,
    Survey,
    Tombstone,
    Township,
    Village,
)
from outreach_desk.store.supervision_models import (
    FraudCaseMonth,
    Inspection,
    RectificationOrder,
    SupervisionDecision,
)

NAME = "data/outreach-data.json"
FORMAT = "outreach-desk-data"
FORMAT_VERSION = 1

#: the organisation, in the order the import writes it (a row's references come before it)
ORGANISATION_KINDS = (Village, Site, MemberUnit, AssignedTarget, AssignedNumber)
#: the records of a month, in the order the import writes them (inspections before the orders naming them)
RECORD_KINDS = (Activity, Survey, ParentLetter, FraudCaseMonth, Inspection, RectificationOrder, SupervisionDecision)
#: the records a village package carries (the township's supervision and the police figures stay with it)
VILLAGE_RECORD_KINDS = (Activity, Survey, ParentLetter)
#: fields a row carries that are not data: its row id, and the township the whole document belongs to
_LEFT_OUT = {"id", "township"}
PHOTO_FIELDS = ("sha256", "ext", "original_name", "added_at")
_ID_CHUNK = 900  # ids per IN (...) list, under SQLite's default limit of bound parameters


def kind_of(model) -> str:
    """The word the data part uses for a model: its table name (as the tombstones do)."""
    return model._meta.table_name


def data_fields(model) -> list[pw.Field]:
    return [f for f in model._meta.sorted_fields if f.name not in _LEFT_OUT]


def month_query(model, township_id: int, period: periods.Period, village_id: int | None = None):
    """The rows of ``model`` that are the township's month (or one village's: :data:`VILLAGE_RECORD_KINDS`
    only): dated in it, or for fraud cases, of it."""
    start, end = period.start, period.end
    area = (Village.township == township_id) if village_id is None else (Village.id == village_id)
    if model is Activity:
        return Activity.select().join(Village).where(area & (Activity.date >= start) & (Activity.date <= end))
    if model is Survey:
        return Survey.select().join(Village).where(area & (Survey.date >= start) & (Survey.date <= end))
    if model is ParentLetter:
        return (ParentLetter.select().join(Site).join(Village)
                .where(area & (ParentLetter.date >= start) & (ParentLetter.date <= end)))
    if village_id is not None:
        raise ValueError(f"a village package holds no {kind_of(model)}")
    if model is FraudCaseMonth:
        return FraudCaseMonth.select().where((FraudCaseMonth.township == township_id)
                                             & (FraudCaseMonth.year == start.year)
                                             & (FraudCaseMonth.month == start.month))
    date = {Inspection: Inspection.date, RectificationOrder: RectificationOrder.issued,
            SupervisionDecision: SupervisionDecision.decided}[model]
    return model.select().where((model.township == township_id) & (date >= start) & (date <= end))


def organisation_query(model, township_id: int, village_id: int | None = None):
    """The township's rows of an organisation kind (assigned targets: those its numbers use); for a village
    package the village, its sites and their numbers, and the township's member units its records may name."""
    if model is MemberUnit:
        return model.select().where(model.township == township_id)
    if model is Village:
        return model.select().where((model.township == township_id) if village_id is None
                                    else (model.id == village_id))
    if model is Site:
        return Site.select().join(Village).where((Village.township == township_id) if village_id is None
                                                 else (Village.id == village_id))
    own, of_site = Village.alias(), Village.alias()
    numbers = (AssignedNumber.select(AssignedNumber.id)
               .join(own, pw.JOIN.LEFT_OUTER, on=AssignedNumber.village == own.id)
               .switch(AssignedNumber).join(Site, pw.JOIN.LEFT_OUTER, on=AssignedNumber.site == Site.id)
               .join(of_site, pw.JOIN.LEFT_OUTER, on=Site.village == of_site.id)
               .where((own.township == township_id) | (of_site.township == township_id) if village_id is None
                      else (own.id == village_id) | (of_site.id == village_id)))
    if model is AssignedNumber:
        return AssignedNumber.select().where(AssignedNumber.id.in_(numbers))
    return AssignedTarget.select().where(AssignedTarget.id.in_(
        AssignedNumber.select(AssignedNumber.target).where(AssignedNumber.id.in_(numbers))))


def plain(value):
    """A stored value as JSON: dates and times as ISO text, booleans and numbers as they are."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == int(value) else float(value)
    return value


class References:
    """Row id -> uuid (activity kinds: id -> code) for the foreign keys of the exported rows."""

    def __init__(self):
        self._maps: dict = {}

    def of(self, model) -> dict:
        if model not in self._maps:
            column = model.code if model is ActivityKind else model.uuid
            self._maps[model] = dict(model.select(model.id, column).tuples())
        return self._maps[model]


def export_rows(model, query, references: References) -> list[dict]:
    """The rows of ``query`` as the data part writes them: every data field, references as uuids."""
    fields = data_fields(model)
    rows = []
    for row in query.select(*[model._meta.primary_key, *fields]).order_by(model.id).dicts():  # in entry order
        out = {}
        for f in fields:
            value = row[f.name]
            if isinstance(f, pw.ForeignKeyField):
                value = None if value is None else references.of(f.rel_model).get(value)
            out[f.name] = plain(value)
        out["_id"] = row["id"]
        rows.append(out)
    return rows


def attach_photos(activities: list[dict]) -> None:
    """Put its photos (SHA-256, extension, original name, when added) on each exported activity row."""
    ids = {row["_id"]: row for row in activities}
    for row in activities:
        row["photos"] = []
    keys = list(ids)
    for start in range(0, len(keys), _ID_CHUNK):
        query = (Photo.select(Photo.activity, *[getattr(Photo, f) for f in PHOTO_FIELDS])
                 .where(Photo.activity.in_(keys[start:start + _ID_CHUNK])).order_by(Photo.id).dicts())
        for photo in query:
            ids[photo["activity"]]["photos"].append({f: plain(photo[f]) for f in PHOTO_FIELDS})


def _tombstones(township_id: int, period: periods.Period, village: bool = False) -> list[dict]:
    """What was deleted: the records dated in the month, and every deleted organisation row (undated; not in a
    village package, whose organisation the township keeps)."""
    dated = (Tombstone.record_date >= period.start) & (Tombstone.record_date <= period.end)
    wanted = (dated & Tombstone.kind.in_([kind_of(m) for m in VILLAGE_RECORD_KINDS]) if village
              else dated | Tombstone.record_date.is_null())
    query = (Tombstone.select(Tombstone.kind, Tombstone.uuid, Tombstone.record_date, Tombstone.deleted_at)
             .where((Tombstone.township == township_id) & wanted)
             .order_by(Tombstone.id).dicts())
    return [{k: plain(v) for k, v in row.items()} for row in query]


def _coverage(township_id: int, period: periods.Period) -> dict | None:
    from outreach_desk.services.submission import closing

    try:
        return closing.coverage_document(township_id, period)
    except ServiceError:  # no campaign yet: the records still go, without coverage figures
        return None


def build(township_id: int, period: periods.Period, village_id: int | None = None) -> dict:
    """The data part of the township's month as a JSON-ready document; with ``village_id`` a village
    package's: that village's records only (the other kinds' lists empty), no coverage figures."""
    from outreach_desk.services.submission import closing

    township = Township.get_by_id(township_id)
    references = References()
    organisation = {kind_of(m): export_rows(m, organisation_query(m, township_id, village_id), references)
                    for m in ORGANISATION_KINDS}
    records = {kind_of(m): export_rows(m, month_query(m, township_id, period, village_id), references)
               if village_id is None or m in VILLAGE_RECORD_KINDS else [] for m in RECORD_KINDS}
    attach_photos(records[kind_of(Activity)])
    used = {row["kind"] for row in records[kind_of(Activity)]}
    kinds = [{k: plain(v) for k, v in row.items() if k != "id"}
             for row in ActivityKind.select().where(ActivityKind.code.in_(sorted(used))).order_by(ActivityKind.id)
             .dicts()]
    for rows in (*organisation.values(), *records.values()):
        for row in rows:
            del row["_id"]
    village = None if village_id is None else Village.get_by_id(village_id)
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "township": {"uuid": township.uuid, "name": township.name, "office_name": township.office_name,
                     "preparer": township.preparer, "reviewer": township.reviewer},
        "village": None if village is None else {"uuid": village.uuid, "name": village.name},
        "month": f"{period.start:%Y-%m}", "start": period.start.isoformat(), "end": period.end.isoformat(),
        "activity_kinds": kinds, "organisation": organisation, "records": records,
        "tombstones": _tombstones(township_id, period, village is not None),
        "coverage": None if village is not None else _coverage(township_id, period),
        "counts": ({"records": {kind: len(rows) for kind, rows in records.items()}} if village is not None
                   else closing.record_counts(township_id, period)),
    }


def encode(document: dict) -> bytes:
    """UTF-8 JSON, one record a line inside its list, so a county clerk can read it in any editor."""
    def lines(rows: list) -> str:
        return "[\n" + ",\n".join("  " + json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows) + "\n ]"

    parts = []
    for key, value in document.items():
        if key in ("organisation", "records"):
            inner = ",\n".join(f" {json.dumps(kind)}: {lines(rows)}" for kind, rows in value.items())
            text = "{\n" + inner + "\n}"
        elif key in ("tombstones", "activity_kinds"):
            text = lines(value)
        else:
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        parts.append(f"{json.dumps(key)}: {text}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")
