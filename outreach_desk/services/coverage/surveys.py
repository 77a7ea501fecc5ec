"""Awareness surveys (知晓率问卷): entry, the 95 % Wilson interval and the sample-size hint.

A survey of zero respondents is "no data": its rate is None, never 0 %. Rates pool every survey
in a window (aware / respondents summed), which is what the coverage engine judges.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import audit, record_versions, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.services.submission.closed_months import require_open_villages
from outreach_desk.store import DB, write_transaction
from outreach_desk.store.models import Survey, Village

CONTEXT = "Surveys"
Z95 = 1.959963984540054
TARGET_RATE = 0.80
HINT_HALF_WIDTH = 0.05
MAX_RESPONDENTS = 1_000_000
METHODS = {
    "questionnaire": QT_TRANSLATE_NOOP("Surveys", "Paper questionnaire"),
    "online": QT_TRANSLATE_NOOP("Surveys", "Online questionnaire"),
    "phone": QT_TRANSLATE_NOOP("Surveys", "Telephone"),
    "interview": QT_TRANSLATE_NOOP("Surveys", "Face-to-face interview"),
}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def method_label(code: str) -> str:
    return _tr(METHODS[code]) if code in METHODS else code


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


def wilson(aware: int, respondents: int, z: float = Z95) -> Interval | None:
    """The Wilson score interval for aware/respondents; None when nobody was asked."""
    if respondents <= 0:
        return None
    p = aware / respondents
    z2 = z * z
    denominator = 1 + z2 / respondents
    centre = (p + z2 / (2 * respondents)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / respondents + z2 / (4 * respondents * respondents))
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def respondents_needed(rate: float | None, target_half_width: float = HINT_HALF_WIDTH, z: float = Z95) -> int:
    """Smallest number of respondents whose Wilson interval at ``rate`` is at most +-``target_half_width``.

    With no data yet the worst case (50 %) is assumed, so the hint is never too small.
    """
    p = 0.5 if rate is None else min(max(rate, 0.0), 1.0)

    def width(n: int) -> float:
        z2 = z * z
        return z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))

    low, high = 1, 1
    while width(high) > target_half_width:
        high *= 2
    while low < high:
        middle = (low + high) // 2
        if width(middle) <= target_half_width:
            high = middle
        else:
            low = middle + 1
    return low


@dataclass(frozen=True)
class AwarenessFigures:
    """Pooled survey figures of one area over one window."""

    respondents: int
    aware: int

    @property
    def has_data(self) -> bool:
        return self.respondents > 0

    @property
    def rate(self) -> float | None:
        return self.aware / self.respondents if self.respondents > 0 else None

    @property
    def interval(self) -> Interval | None:
        return wilson(self.aware, self.respondents)

    @property
    def needed(self) -> int:
        return respondents_needed(self.rate)

    @property
    def hint(self) -> str:
        """What it takes to pin the rate to +-5 points, in words."""
        needed = self.needed
        if self.respondents >= needed:
            return _tr("{respondents} respondents pin the rate down to within 5 points.").format(
                respondents=self.respondents)
        return _tr("About {needed} respondents are needed for a rate within 5 points ({more} more).").format(
            needed=needed, more=needed - self.respondents)

    def as_dict(self) -> dict:
        interval = self.interval
        return {"respondents": self.respondents, "aware": self.aware, "rate": self.rate,
                "low": interval.low if interval else None, "high": interval.high if interval else None,
                "respondents_needed": self.needed}


@dataclass
class SurveyInput:
    village_id: int
    date: dt.date
    respondents: int
    aware: int
    method: str = "questionnaire"
    notes: str = ""


@dataclass
class SurveyRecord(SurveyInput):
    id: int = 0
    village_name: str = ""
    version: int = 1

    @property
    def figures(self) -> AwarenessFigures:
        return AwarenessFigures(self.respondents, self.aware)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate(data: SurveyInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if not isinstance(data.date, dt.date):
        errors.append(FieldError("date", _tr("Enter the date of the survey.")))
    if not data.village_id or not Village.select().where(Village.id == data.village_id).exists():
        errors.append(FieldError("village", _tr("Choose the village or community that was surveyed.")))
    if not _whole(data.respondents) or not 0 <= data.respondents <= MAX_RESPONDENTS:
        errors.append(FieldError("respondents", _tr("Respondents must be a whole number of 0 or more.")))
    if not _whole(data.aware) or data.aware < 0:
        errors.append(FieldError("aware", _tr("The number of aware respondents must be a whole number of 0 or more.")))
    elif _whole(data.respondents) and 0 <= data.respondents < data.aware:
        errors.append(FieldError("aware", _tr(
            "{aware} aware respondents is more than the {respondents} people asked.").format(
            aware=data.aware, respondents=data.respondents)))
    if data.method not in METHODS:
        errors.append(FieldError("method", _tr("Choose how the survey was done.")))
    if len(data.notes or "") > 2000:
        errors.append(FieldError("notes", _tr("The notes are longer than 2000 characters.")))
    return errors


def _values(data: SurveyInput) -> dict:
    return {"village": data.village_id, "date": data.date, "respondents": data.respondents, "aware": data.aware,
            "method": data.method, "notes": (data.notes or "").strip()}


def snapshots(condition) -> dict[int, dict]:
    """Stored values of the surveys matching ``condition`` with their village's name (for the audit trail)."""
    query = (Survey.select(Survey, Village.name.alias("village_name"))
             .join(Village, on=(Survey.village == Village.id)).where(condition).dicts())
    return {row["id"]: row for row in query}


def snapshot(survey_id: int) -> dict | None:
    return snapshots(Survey.id == survey_id).get(survey_id)


def describe(values: dict) -> str:
    return _tr("{date} {village}: {aware} of {respondents} aware").format(
        date=str(values["date"]), village=values["village_name"], aware=values["aware"],
        respondents=values["respondents"])


def _placed(values: dict | None) -> list:
    """(village, date) of a stored survey for the closed-month check; nothing when it is gone."""
    return [] if values is None else [(values["village"], values["date"])]


def add(data: SurveyInput) -> int:
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with DB.atomic():
        require_open_villages([(data.village_id, data.date)])
        survey_id = Survey.insert(**_values(data)).execute()
        after = snapshot(survey_id)
        audit.record(audit.CREATE, "survey", survey_id, None, after,
                     summary=_tr("Added the survey {what}").format(what=describe(after)))
        return survey_id


def update(survey_id: int, data: SurveyInput, *, expected_version: int | None = None) -> int:
    """Change a stored survey; with ``expected_version`` (the version the clerk opened, or the one the last undo
    step left) a survey saved by someone else since raises ConflictError. Returns its new version."""
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        before = snapshot(survey_id)
        if before is None:
            raise NotFoundError(_tr("The survey record no longer exists."))
        require_open_villages(_placed(before) + [(data.village_id, data.date)])
        version = VERSIONS.write(survey_id, expected_version, before["version"], **_values(data))
        after = snapshot(survey_id)
        if not audit.only_stamp_changed(before, after, ("version",)):
            audit.record(audit.UPDATE, "survey", survey_id, before, after,
                         summary=_tr("Edited the survey {what}").format(what=describe(after)))
        return version


def delete(survey_id: int) -> SurveyRecord:
    with DB.atomic():
        record = get(survey_id)
        require_open_villages([(record.village_id, record.date)])
        before = snapshot(survey_id)
        tombstones.bury(Survey, Survey.id == survey_id)
        Survey.delete().where(Survey.id == survey_id).execute()
        audit.record(audit.DELETE, "survey", survey_id, before, None,
                     summary=_tr("Deleted the survey {what}").format(what=describe(before)))
        return record


def restore(record: SurveyRecord) -> int:
    """Put a deleted survey back under its own id (undo of a delete): its history stays one record's."""
    with DB.atomic():
        require_open_villages([(record.village_id, record.date)])
        Survey.insert(id=record.id, version=record.version, **_values(record)).execute()
        after = snapshot(record.id)
        audit.record(audit.RESTORE, "survey", record.id, None, after,
                     summary=_tr("Brought back the survey {what}").format(what=describe(after)))
        return record.id


def _records(query) -> list[SurveyRecord]:
    rows = (query.select(Survey, Village.name.alias("village_name")).join(Village, on=(Survey.village == Village.id))
            .order_by(Survey.date.desc(), Survey.id.desc()).dicts())
    return [SurveyRecord(village_id=r["village"], date=r["date"], respondents=r["respondents"], aware=r["aware"],
                         method=r["method"], notes=r["notes"], id=r["id"], village_name=r["village_name"],
                         version=r["version"])
            for r in rows]


def get(survey_id: int) -> SurveyRecord:
    found = _records(Survey.select().where(Survey.id == survey_id))
    if not found:
        raise NotFoundError(_tr("The survey record no longer exists."))
    return found[0]


#: a survey's versions (services/record_versions.py): the one UPDATE of an edit, undo or redo
VERSIONS = record_versions.Versioned(
    Survey, "survey", lambda survey_id: get(survey_id), CONTEXT,
    QT_TRANSLATE_NOOP("Surveys", "{who} saved this survey at {when}, after you opened it; your changes were not "
                                 "written over theirs."),
    QT_TRANSLATE_NOOP("Surveys", "This login may change only the records of its own township; the survey was not "
                                 "changed."))

#: what a clerk compares when two saves of a survey meet, in the form's order
COMPARED_FIELDS = ("date", "village_name", "respondents", "aware", "method", "notes")


def named_values(data: SurveyInput) -> dict:
    """``data`` as a clerk reads it, by :data:`COMPARED_FIELDS` (the village's name, the method's words)."""
    village = Village.select(Village.name).where(Village.id == data.village_id).scalar() if data.village_id else ""
    return {"date": data.date, "village_name": village or "", "respondents": data.respondents, "aware": data.aware,
            "method": method_label(data.method), "notes": (data.notes or "").strip()}


def list_surveys(start: dt.date | None = None, end: dt.date | None = None,
                 village_id: int | None = None) -> list[SurveyRecord]:
    query = Survey.select()
    if start is not None:
        query = query.where(Survey.date >= start)
    if end is not None:
        query = query.where(Survey.date <= end)
    if village_id is not None:
        query = query.where(Survey.village == village_id)
    return _records(query)


def figures_by_village(start: dt.date, end: dt.date, township_id: int | None = None) -> dict[int, AwarenessFigures]:
    """Pooled figures per village over [start, end] (one GROUP BY); villages without surveys are absent."""
    query = (Survey.select(Survey.village, pw.fn.SUM(Survey.respondents), pw.fn.SUM(Survey.aware))
             .where((Survey.date >= start) & (Survey.date <= end)).group_by(Survey.village))
    if township_id is not None:
        query = query.join(Village, on=(Survey.village == Village.id)).where(Village.township == township_id)
    return {village_id: AwarenessFigures(int(n or 0), int(k or 0)) for village_id, n, k in query.tuples()}
