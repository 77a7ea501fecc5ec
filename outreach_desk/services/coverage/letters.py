"""Parent letters (致全体学生及家长的一封信): issued and signed back, per school or per class.

One record is one batch of letters: a whole school, or one class when ``class_name`` is given.
The clerk edits ``signed`` as the signed slips come back, so batches are never added twice.
The coverage rule ``parent_letters_signed`` sums ``signed`` per school against its students.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import audit, record_versions, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.services.submission.closed_months import require_open_sites
from outreach_desk.store import DB, write_transaction
from outreach_desk.store.models import ParentLetter, Site

CONTEXT = "Letters"
MAX_STUDENTS = 100_000


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class LetterFigures:
    students: int
    issued: int
    signed: int

    @property
    def signed_rate(self) -> float | None:
        """Signed back against every student (the target is 100 %); None without students."""
        return min(1.0, self.signed / self.students) if self.students > 0 else None

    @property
    def not_issued(self) -> int:
        return max(0, self.students - self.issued)

    @property
    def not_signed(self) -> int:
        """Letters handed out but not (yet) signed back."""
        return max(0, self.issued - self.signed)

    def as_dict(self) -> dict:
        return {"students": self.students, "issued": self.issued, "signed": self.signed,
                "signed_rate": self.signed_rate, "not_issued": self.not_issued, "not_signed": self.not_signed}


@dataclass
class LetterInput:
    site_id: int
    date: dt.date
    students: int
    issued: int
    signed: int = 0
    class_name: str = ""
    notes: str = ""


@dataclass
class LetterRecord(LetterInput):
    id: int = 0
    site_name: str = ""
    village_id: int = 0
    version: int = 1

    @property
    def figures(self) -> LetterFigures:
        return LetterFigures(self.students, self.issued, self.signed)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate(data: LetterInput, exclude_id: int | None = None) -> list[FieldError]:
    errors: list[FieldError] = []
    if not isinstance(data.date, dt.date):
        errors.append(FieldError("date", _tr("Enter the date the letters were handed out.")))
    kind = Site.select(Site.kind).where(Site.id == data.site_id).scalar() if data.site_id else None
    if kind is None:
        errors.append(FieldError("site", _tr("Choose the school.")))
    elif kind != "school":
        errors.append(FieldError("site", _tr(
            "Parent letters are recorded for schools; the chosen site is not a school.")))
    if not _whole(data.students) or not 1 <= data.students <= MAX_STUDENTS:
        errors.append(FieldError("students", _tr("Students must be a whole number of at least 1.")))
    if not _whole(data.issued) or data.issued < 0:
        errors.append(FieldError("issued", _tr("Letters issued must be a whole number of 0 or more.")))
    elif _whole(data.students) and data.issued > data.students:
        errors.append(FieldError("issued", _tr("{issued} letters issued is more than the {students} students.").format(
            issued=data.issued, students=data.students)))
    if not _whole(data.signed) or data.signed < 0:
        errors.append(FieldError("signed", _tr("Letters signed back must be a whole number of 0 or more.")))
    elif _whole(data.issued) and data.signed > data.issued:
        errors.append(FieldError("signed", _tr("{signed} letters signed back is more than the {issued} issued.").format(
            signed=data.signed, issued=data.issued)))
    if len((data.class_name or "").strip()) > 50:
        errors.append(FieldError("class_name", _tr("The class name is longer than 50 characters.")))
    if not errors:
        clash = ParentLetter.select().where((ParentLetter.site == data.site_id) & (ParentLetter.date == data.date)
                                            & (ParentLetter.class_name == (data.class_name or "").strip()))
        if exclude_id is not None:
            clash = clash.where(ParentLetter.id != exclude_id)
        if clash.exists():
            errors.append(FieldError("class_name", _tr(
                "Letters for this school and class on this date are already recorded; edit that record instead.")))
    return errors


def _values(data: LetterInput) -> dict:
    return {"site": data.site_id, "date": data.date, "students": data.students, "issued": data.issued,
            "signed": data.signed, "class_name": (data.class_name or "").strip(), "notes": (data.notes or "").strip()}


def snapshots(condition) -> dict[int, dict]:
    """Stored values of the letter records matching ``condition`` with their school's name (for the audit trail)."""
    query = (ParentLetter.select(ParentLetter, Site.name.alias("site_name"))
             .join(Site, on=(ParentLetter.site == Site.id)).where(condition).dicts())
    return {row["id"]: row for row in query}


def snapshot(letter_id: int) -> dict | None:
    return snapshots(ParentLetter.id == letter_id).get(letter_id)


def describe(values: dict) -> str:
    school = " ".join(part for part in (values["site_name"], values["class_name"]) if part)
    return _tr("{date} {school}: {signed} of {issued} signed back").format(
        date=str(values["date"]), school=school, signed=values["signed"], issued=values["issued"])


def _placed(values: dict | None) -> list:
    """(school, date) of a stored letter record for the closed-month check; nothing when it is gone."""
    return [] if values is None else [(values["site"], values["date"])]


def add(data: LetterInput) -> int:
    with DB.atomic():
        errors = validate(data)
        if errors:
            raise ValidationError(errors)
        require_open_sites([(data.site_id, data.date)])
        letter_id = ParentLetter.insert(**_values(data)).execute()
        after = snapshot(letter_id)
        audit.record(audit.CREATE, "letter", letter_id, None, after,
                     summary=_tr("Added the parent letters {what}").format(what=describe(after)))
        return letter_id


def update(letter_id: int, data: LetterInput, *, expected_version: int | None = None) -> int:
    """Change stored letter figures; with ``expected_version`` (the version the clerk opened, or the one the last
    undo step left) figures saved by someone else since raise ConflictError. Returns their new version."""
    with write_transaction():
        errors = validate(data, exclude_id=letter_id)
        if errors:
            raise ValidationError(errors)
        before = snapshot(letter_id)
        if before is None:
            raise NotFoundError(_tr("The parent letter record no longer exists."))
        require_open_sites(_placed(before) + [(data.site_id, data.date)])
        version = VERSIONS.write(letter_id, expected_version, before["version"], **_values(data))
        after = snapshot(letter_id)
        if not audit.only_stamp_changed(before, after, ("version",)):
            audit.record(audit.UPDATE, "letter", letter_id, before, after,
                         summary=_tr("Edited the parent letters {what}").format(what=describe(after)))
        return version


def delete(letter_id: int) -> LetterRecord:
    with DB.atomic():
        record = get(letter_id)
        require_open_sites([(record.site_id, record.date)])
        before = snapshot(letter_id)
        tombstones.bury(ParentLetter, ParentLetter.id == letter_id)
        ParentLetter.delete().where(ParentLetter.id == letter_id).execute()
        audit.record(audit.DELETE, "letter", letter_id, before, None,
                     summary=_tr("Deleted the parent letters {what}").format(what=describe(before)))
        return record


def restore(record: LetterRecord) -> int:
    """Put deleted parent-letter figures back under their own id (undo of a delete)."""
    with DB.atomic():
        require_open_sites([(record.site_id, record.date)])
        ParentLetter.insert(id=record.id, version=record.version, **_values(record)).execute()
        after = snapshot(record.id)
        audit.record(audit.RESTORE, "letter", record.id, None, after,
                     summary=_tr("Brought back the parent letters {what}").format(what=describe(after)))
        return record.id


#: parent letters' versions (services/record_versions.py): the one UPDATE of an edit, undo or redo
VERSIONS = record_versions.Versioned(
    ParentLetter, "letter", lambda letter_id: get(letter_id), CONTEXT,
    QT_TRANSLATE_NOOP("Letters", "{who} saved these parent letter figures at {when}, after you opened them; your "
                                 "changes were not written over theirs."),
    QT_TRANSLATE_NOOP("Letters", "This login may change only the records of its own township; the parent letter "
                                 "figures were not changed."))

#: what a clerk compares when two saves of parent letter figures meet, in the form's order
COMPARED_FIELDS = ("date", "site_name", "class_name", "students", "issued", "signed", "notes")


def named_values(data: LetterInput) -> dict:
    """``data`` as a clerk reads it, by :data:`COMPARED_FIELDS` (the school's name instead of its id)."""
    school = Site.select(Site.name).where(Site.id == data.site_id).scalar() if data.site_id else ""
    return {"date": data.date, "site_name": school or "", "class_name": (data.class_name or "").strip(),
            "students": data.students, "issued": data.issued, "signed": data.signed,
            "notes": (data.notes or "").strip()}


def _records(query) -> list[LetterRecord]:
    rows = (query.select(ParentLetter, Site.name.alias("site_name"), Site.village.alias("village_id"))
            .join(Site, on=(ParentLetter.site == Site.id))
            .order_by(ParentLetter.date.desc(), Site.name, ParentLetter.class_name).dicts())
    return [LetterRecord(site_id=r["site"], date=r["date"], students=r["students"], issued=r["issued"],
                         signed=r["signed"], class_name=r["class_name"], notes=r["notes"], id=r["id"],
                         site_name=r["site_name"], village_id=r["village_id"], version=r["version"]) for r in rows]


def get(letter_id: int) -> LetterRecord:
    found = _records(ParentLetter.select().where(ParentLetter.id == letter_id))
    if not found:
        raise NotFoundError(_tr("The parent letter record no longer exists."))
    return found[0]


def list_letters(start: dt.date | None = None, end: dt.date | None = None,
                 site_id: int | None = None) -> list[LetterRecord]:
    query = ParentLetter.select()
    if start is not None:
        query = query.where(ParentLetter.date >= start)
    if end is not None:
        query = query.where(ParentLetter.date <= end)
    if site_id is not None:
        query = query.where(ParentLetter.site == site_id)
    return _records(query)


def figures_by_school(start: dt.date, end: dt.date) -> dict[int, LetterFigures]:
    """Summed figures per school over [start, end] (one GROUP BY); schools without letters are absent."""
    query = (ParentLetter.select(ParentLetter.site, pw.fn.SUM(ParentLetter.students), pw.fn.SUM(ParentLetter.issued),
                                 pw.fn.SUM(ParentLetter.signed))
             .where((ParentLetter.date >= start) & (ParentLetter.date <= end)).group_by(ParentLetter.site))
    return {site_id: LetterFigures(int(s or 0), int(i or 0), int(g or 0)) for site_id, s, i, g in query.tuples()}
