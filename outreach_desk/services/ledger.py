"""The activity ledger: validation and writes of activity records and their photo rows.

One call writes one change: :func:`create` and :func:`update` validate once and write the record,
its photo rows and their audit entries in one transaction. Every save of a record adds one to its
``version``; an edit (or an undo) names the version it started from and is refused with a
:class:`ConflictError` when another clerk saved the record since, so nobody's change is overwritten
unseen. Every write (undo and redo too) is refused when the record's date, before or after the
change, lies in a closed month (``closed_months``). The picture files themselves are stored
beforehand by :mod:`services.photos`; queries for pages live in ledger_query.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

import peewee as pw
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import audit, record_versions, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.services.photos import StoredFile, still_stored
from outreach_desk.services.submission.closed_months import require_open_villages
from outreach_desk.store import DB, write_transaction
from outreach_desk.store.models import Activity, ActivityKind, MemberUnit, Photo, Site, Village

EARLIEST_DATE = dt.date(2000, 1, 1)
MAX_QUANTITY = 10_000_000
MAX_PEOPLE = 100_000_000
FUTURE_DAYS_ALLOWED = 31


def _tr(text: str) -> str:
    return translate("Ledger", text)


@dataclass
class ActivityInput:
    """What a clerk enters for one activity."""

    date: dt.date
    village_id: int
    kind_id: int
    quantity: int = 1
    people: int = 0
    site_id: int | None = None
    member_unit_id: int | None = None
    audiences: int = 0
    topics: int = 0
    place_note: str = ""
    notes: str = ""


@dataclass
class ActivityRecord(ActivityInput):
    id: int = 0
    uuid: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    photos: list[dict] = field(default_factory=list)
    version: int = 1

    def as_input(self) -> ActivityInput:
        return ActivityInput(**{f: getattr(self, f) for f in ActivityInput.__dataclass_fields__})


def latest_allowed_date(today: dt.date | None = None) -> dt.date:
    return (today or dt.date.today()) + dt.timedelta(days=FUTURE_DAYS_ALLOWED)


def validate(data: ActivityInput, today: dt.date | None = None) -> list[FieldError]:
    """Every problem with ``data``, each tied to its field, in words a clerk understands."""
    errors: list[FieldError] = []
    latest = latest_allowed_date(today)
    if not isinstance(data.date, dt.date):
        errors.append(FieldError("date", _tr("Enter a date.")))
    elif not EARLIEST_DATE <= data.date <= latest:
        errors.append(FieldError("date", _tr("The date must lie between {first} and {last}.").format(
            first=EARLIEST_DATE.isoformat(), last=latest.isoformat())))
    if not isinstance(data.quantity, int) or isinstance(data.quantity, bool) or data.quantity < 1:
        errors.append(FieldError("quantity", _tr("The quantity must be a whole number of at least 1.")))
    elif data.quantity > MAX_QUANTITY:
        errors.append(FieldError("quantity", _tr("The quantity is implausibly large.")))
    if not isinstance(data.people, int) or isinstance(data.people, bool) or data.people < 0:
        errors.append(FieldError("people", _tr("People reached must be a whole number of 0 or more.")))
    elif data.people > MAX_PEOPLE:
        errors.append(FieldError("people", _tr("People reached is implausibly large.")))
    if not data.village_id or not Village.select().where(Village.id == data.village_id).exists():
        errors.append(FieldError("village", _tr("Choose a village or community.")))
    elif data.site_id is not None:
        site_village = Site.select(Site.village).where(Site.id == data.site_id).scalar()
        if site_village is None:
            errors.append(FieldError("site", _tr("The chosen site no longer exists.")))
        elif site_village != data.village_id:
            errors.append(FieldError("site", _tr("The site does not belong to the chosen village.")))
    if not data.kind_id or not ActivityKind.select().where(ActivityKind.id == data.kind_id).exists():
        errors.append(FieldError("kind", _tr("Choose an activity kind.")))
    if data.member_unit_id is not None and not MemberUnit.select().where(MemberUnit.id == data.member_unit_id).exists():
        errors.append(FieldError("member_unit", _tr("The chosen member unit no longer exists.")))
    if len(data.place_note or "") > 200:
        errors.append(FieldError("place_note", _tr("The place note is longer than 200 characters.")))
    if len(data.notes or "") > 5000:
        errors.append(FieldError("notes", _tr("The notes are longer than 5000 characters.")))
    return errors


def _row_values(data: ActivityInput) -> dict:
    return {
        "date": data.date,
        "village": data.village_id,
        "site": data.site_id,
        "member_unit": data.member_unit_id,
        "kind": data.kind_id,
        "quantity": data.quantity,
        "people": data.people,
        "audiences": data.audiences,
        "topics": data.topics,
        "place_note": (data.place_note or "").strip(),
        "notes": (data.notes or "").strip(),
    }


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def snapshots(condition) -> dict[int, dict]:
    """The stored values of the records matching ``condition`` (on Activity's own columns) for the audit
    trail: every column, the names the ids stand for, and the photos' file names, by record id."""
    names = (Village.name.alias("village_name"), Site.name.alias("site_name"),
             MemberUnit.name.alias("member_unit_name"), ActivityKind.name_zh.alias("kind_name"))
    query = (Activity.select(Activity, *names)
             .join(Village, on=(Activity.village == Village.id))
             .join(ActivityKind, on=(Activity.kind == ActivityKind.id), src=Activity)
             .join(Site, pw.JOIN.LEFT_OUTER, on=(Activity.site == Site.id), src=Activity)
             .join(MemberUnit, pw.JOIN.LEFT_OUTER, on=(Activity.member_unit == MemberUnit.id), src=Activity)
             .where(condition).dicts())
    found = {row["id"]: dict(row, photos=[]) for row in query}
    if found:
        photos = (Photo.select(Photo.activity, Photo.original_name).join(Activity, on=(Photo.activity == Activity.id))
                  .where(condition).order_by(Photo.id).tuples())
        for activity_id, name in photos:
            found[activity_id]["photos"].append(name)
    return found


def snapshot(activity_id: int) -> dict | None:
    return snapshots(Activity.id == activity_id).get(activity_id)


def describe(values: dict) -> str:
    """A record in a few words for the audit trail: date, village, activity."""
    return _tr("{date} {village} {kind}").format(date=str(values["date"]), village=values["village_name"],
                                                  kind=values["kind_name"])


def _audit(action: str, before: dict | None, after: dict | None, summary: str) -> None:
    values = after or before
    audit.record(action, "activity", values["id"], before, after, uuid=values["uuid"], summary=summary)


def _require_valid(data: ActivityInput) -> None:
    errors = validate(data)
    if errors:
        raise ValidationError(errors)


def create(data: ActivityInput, photos: Sequence[StoredFile] = (), *, uuid: str | None = None) -> int:
    """Validate, then insert one record with the photo rows of files already stored, in one transaction.

    The audit trail gets the record's entry and, when there are photos, the entry naming them.
    """
    _require_valid(data)
    now = _now()
    with DB.atomic():
        require_open_villages([(data.village_id, data.date)])
        activity_id = Activity.insert(uuid=uuid or str(uuid_module.uuid4()), created_at=now, updated_at=now,
                                      **_row_values(data)).execute()
        after = snapshot(activity_id)
        _audit(audit.CREATE, None, after, _tr("Added the activity record {what}").format(what=describe(after)))
        attach_photos(activity_id, photos)
        return activity_id


def update(activity_id: int, data: ActivityInput, add_photos: Sequence[StoredFile] = (),
           remove_photos: Iterable[str] = (), *, expected_version: int | None = None) -> int:
    """Validate, then change a record's fields, take photos off (by hash) and put stored files on, in one
    transaction; each part that changes something leaves its audit entry. With ``expected_version`` (the
    version the clerk opened) a record saved by someone else since raises :class:`ConflictError`. Returns
    the record's new version."""
    _require_valid(data)
    with write_transaction():
        before = snapshot(activity_id)
        if before is None:
            raise NotFoundError(_tr("The activity record no longer exists."))
        require_open_villages(_placed(before) + [(data.village_id, data.date)])
        VERSIONS.write(activity_id, expected_version, before["version"], updated_at=_now(), **_row_values(data))
        after = snapshot(activity_id)
        if not audit.only_stamp_changed(before, after, ("updated_at", "version")):
            _audit(audit.UPDATE, before, after, _tr("Edited the activity record {what}").format(what=describe(after)))
        detach_photos(activity_id, remove_photos)
        attach_photos(activity_id, add_photos)
        return after["version"]


#: the activity ledger's versions (services/record_versions.py): the one UPDATE of an edit, undo or redo
VERSIONS = record_versions.Versioned(
    Activity, "activity", lambda activity_id: get(activity_id), "Ledger",
    QT_TRANSLATE_NOOP("Ledger", "{who} saved this activity record at {when}, after you opened it; your changes were "
                                "not written over theirs."),
    QT_TRANSLATE_NOOP("Ledger", "This login may change only the records of its own township; the activity record "
                                "was not changed."))


def _placed(values: dict | None) -> list[tuple[int, dt.date]]:
    """(village, date) of a stored record for the closed-month check; nothing when it is gone."""
    return [] if values is None else [(values["village"], values["date"])]


def _require_open_record(activity_id: int) -> None:
    row = Activity.select(Activity.village, Activity.date).where(Activity.id == activity_id).tuples().first()
    require_open_villages([row] if row else [])


# ---------------------------------------------------------------------------- photo rows
def _photo_names(activity_id: int) -> list[str]:
    return [row[0] for row in Photo.select(Photo.original_name).where(Photo.activity == activity_id)
            .order_by(Photo.id).tuples()]


def _audit_photos(activity_id: int, before: list[str], template: str, names: list[str]) -> None:
    """One audit entry on the record for photos put on or taken off (inside the caller's transaction)."""
    after = snapshot(activity_id)
    if after is None:
        return
    audit.record(audit.UPDATE, "activity", activity_id, {"photos": before}, {"photos": after["photos"]},
                 uuid=after["uuid"], summary=template.format(what=describe(after), names="、".join(names)))


def attach_photos(activity_id: int, stored: Sequence[StoredFile]) -> int:
    """Photo rows for files already stored; a picture already on the record is skipped. How many were added."""
    if not stored:
        return 0
    with DB.atomic():
        _require_open_record(activity_id)
        present = {row[0] for row in Photo.select(Photo.sha256).where(Photo.activity == activity_id).tuples()}
        before = _photo_names(activity_id)
        now = _now()
        added = []
        for item in stored:
            if item.sha256 in present:
                continue
            present.add(item.sha256)
            Photo.insert(activity=activity_id, sha256=item.sha256, ext=item.ext, original_name=item.original_name,
                         added_at=now).execute()
            added.append(item.original_name)
        if added:
            _audit_photos(activity_id, before, _tr("Added photos to the activity record {what}: {names}"), added)
        return len(added)


def detach_photos(activity_id: int, shas: Iterable[str]) -> int:
    """Remove photo rows from a record and keep the files (an undo may need them); how many went."""
    shas = list(shas)
    if not shas:
        return 0
    with DB.atomic():
        _require_open_record(activity_id)
        before = _photo_names(activity_id)
        names = [row[0] for row in Photo.select(Photo.original_name)
                 .where((Photo.activity == activity_id) & Photo.sha256.in_(shas)).order_by(Photo.id).tuples()]
        removed = Photo.delete().where((Photo.activity == activity_id) & Photo.sha256.in_(shas)).execute()
        if removed:
            _audit_photos(activity_id, before, _tr("Took photos off the activity record {what}: {names}"), names)
        return removed


def get(activity_id: int) -> ActivityRecord:
    row = Activity.select().where(Activity.id == activity_id).dicts().first()
    if row is None:
        raise NotFoundError(_tr("The activity record no longer exists."))
    photos = list(Photo.select(Photo.sha256, Photo.ext, Photo.original_name, Photo.added_at)
                  .where(Photo.activity == activity_id).order_by(Photo.id).dicts())
    return ActivityRecord(
        id=row["id"], uuid=row["uuid"], date=row["date"], village_id=row["village"], site_id=row["site"],
        member_unit_id=row["member_unit"], kind_id=row["kind"], quantity=row["quantity"], people=row["people"],
        audiences=row["audiences"], topics=row["topics"], place_note=row["place_note"], notes=row["notes"],
        created_at=row["created_at"], updated_at=row["updated_at"], photos=photos, version=row["version"],
    )


def delete(activity_id: int) -> ActivityRecord:
    """Delete a record and its photo rows; return the full record so an undo can restore it.

    Photo files stay in the managed folder (content-addressed, possibly shared), so undo needs no copy.
    """
    with DB.atomic():
        record = get(activity_id)
        require_open_villages([(record.village_id, record.date)])
        before = snapshot(activity_id)
        tombstones.bury(Activity, Activity.id == activity_id)
        Photo.delete().where(Photo.activity == activity_id).execute()
        Activity.delete().where(Activity.id == activity_id).execute()
        _audit(audit.DELETE, before, None, _tr("Deleted the activity record {what}").format(what=describe(before)))
        return record


def restore(record: ActivityRecord) -> int:
    """Put back a deleted record with its id, uuid, timestamps, version and photos (undo of delete); a photo whose
    picture a server's sweep removed since is left off (services/photos.still_stored, :func:`photos_left_off`)."""
    with DB.atomic():
        require_open_villages([(record.village_id, record.date)])
        Activity.insert(id=record.id, uuid=record.uuid, created_at=record.created_at or _now(),
                        updated_at=record.updated_at or _now(), version=record.version,
                        **_row_values(record)).execute()
        for photo in still_stored(record.photos)[0]:
            Photo.insert(activity=record.id, **photo).execute()
        tombstones.unbury(Activity, [record.uuid])
        after = snapshot(record.id)
        _audit(audit.RESTORE, None, after, _tr("Brought back the activity record {what}").format(what=describe(after)))
        return record.id


def reset(record: ActivityRecord, expected_version: int | None = None) -> int:
    """Make the stored record exactly ``record`` again (a :func:`get` snapshot): fields, times, photos; its
    version goes on counting. Returns the new version.

    Undo and redo of an edit use it, naming the version their last step left (``expected_version``), so an
    undo does not silently take back another clerk's later save. Edits only detach photos, so their pictures are
    kept, except on a server whose sweep removed one let go of more than a day ago: that photo is left off
    (:func:`photos_left_off` names it).
    """
    values = {"uuid": record.uuid, "created_at": record.created_at, "updated_at": record.updated_at,
              **_row_values(record)}
    values["place_note"], values["notes"] = record.place_note, record.notes
    with write_transaction():
        before = snapshot(record.id)
        if before is None:
            raise NotFoundError(_tr("The activity record no longer exists."))
        require_open_villages(_placed(before) + [(record.village_id, record.date)])
        VERSIONS.write(record.id, expected_version, before["version"], **values)
        Photo.delete().where(Photo.activity == record.id).execute()
        for photo in still_stored(record.photos)[0]:
            Photo.insert(activity=record.id, **photo).execute()
        after = snapshot(record.id)
        if {**before, "version": 0} != {**after, "version": 0}:
            audit.record(audit.REVERT, "activity", record.id, before, after, uuid=record.uuid,
                         summary=_tr("Undid or redid an edit of the activity record {what}").format(
                             what=describe(after)))
        return after["version"]


def photos_left_off(record: ActivityRecord) -> list[str]:
    """The file names of ``record``'s photos that the stored record does not show now: after :func:`restore` or
    :func:`reset`, those whose pictures were gone (on a server, swept more than a day after they were let go of)."""
    if not record.photos:
        return []
    shown = {row[0] for row in Photo.select(Photo.sha256).where(Photo.activity == record.id).tuples()}
    return [photo["original_name"] or photo["sha256"][:12] for photo in record.photos if photo["sha256"] not in shown]


#: the fields a clerk compares when two saves meet, in the entry form's order, with the names ids stand for
COMPARED_FIELDS = ("date", "village_name", "site_name", "kind_name", "member_unit_name", "quantity", "people",
                   "audiences", "topics", "place_note", "notes")


def named_values(data: ActivityInput) -> dict:
    """``data`` as a clerk reads it, by :data:`COMPARED_FIELDS`: the names of its village, site, activity and
    member unit instead of their ids (a name gone since is left empty)."""
    def name(model, column, record_id) -> str:
        return (model.select(column).where(model.id == record_id).scalar() or "") if record_id else ""

    return {"date": data.date, "village_name": name(Village, Village.name, data.village_id),
            "site_name": name(Site, Site.name, data.site_id),
            "kind_name": name(ActivityKind, ActivityKind.name_zh, data.kind_id),
            "member_unit_name": name(MemberUnit, MemberUnit.name, data.member_unit_id),
            "quantity": data.quantity, "people": data.people, "audiences": data.audiences, "topics": data.topics,
            "place_note": (data.place_note or "").strip(), "notes": (data.notes or "").strip()}


def find_duplicates(data: ActivityInput, exclude_id: int | None = None) -> list[int]:
    """Ids of records with the same date, village, site, kind and quantity (a likely double entry)."""
    query = Activity.select(Activity.id).where(
        (Activity.date == data.date) & (Activity.village == data.village_id) & (Activity.kind == data.kind_id)
        & (Activity.quantity == data.quantity)
        & (Activity.site.is_null() if data.site_id is None else Activity.site == data.site_id)
    )
    if exclude_id is not None:
        query = query.where(Activity.id != exclude_id)
    return [row[0] for row in query.limit(20).tuples()]


def copy_input(data: ActivityInput, **changes) -> ActivityInput:
    return replace(data, **changes)


def as_dict(record: ActivityInput) -> dict:
    return asdict(record)
