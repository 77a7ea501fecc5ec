"""Inspections (督导检查) and the commendations and criticisms (表彰 / 批评) that follow from supervision.

An inspection records the day, the inspectors, what was inspected (a village, a site or a member
unit), the findings (free text and the keys of the targets they concern), the outcome and the
photos taken (in the activities' photo folder, see :mod:`supervision_photos`); orders
are raised from it (``rectification.OrderInput.inspection_id``). A decision records who is
commended or criticised, when, for which period and why, with the figures that prompted it kept
as JSON; drafts come prefilled from a ranking. Both are audited; delete and restore serve undo.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import audit, organisation, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.services.photos import PhotoInfo
from outreach_desk.services.supervision import supervision_photos
from outreach_desk.store import DB
from outreach_desk.store.supervision_models import Inspection, SupervisionDecision

INSPECTION = "inspection"
DECISION = "supervision_decision"
COMMEND, CRITICISE = "commend", "criticise"
KIND_LABELS = {COMMEND: QT_TRANSLATE_NOOP("Inspections", "Commended"),
               CRITICISE: QT_TRANSLATE_NOOP("Inspections", "Criticised")}


def _tr(text: str) -> str:
    return translate("Inspections", text)


# ---------------------------------------------------------------------------------------- inspections
@dataclass
class InspectionInput:
    township_id: int
    date: dt.date
    inspectors: str
    findings: str
    village_id: int | None = None
    site_id: int | None = None
    member_unit_id: int | None = None
    rule_keys: tuple[str, ...] = ()
    outcome: str = ""
    photos: tuple[PhotoInfo, ...] = ()


@dataclass
class InspectionRecord(InspectionInput):
    id: int = 0


def validate_inspection(data: InspectionInput) -> list[FieldError]:
    errors = []
    if not (data.inspectors or "").strip():
        errors.append(FieldError("inspectors", _tr("Name the inspectors.")))
    if sum(x is not None for x in (data.village_id, data.site_id, data.member_unit_id)) == 0:
        errors.append(FieldError("unit", _tr("Choose what was inspected: a village, a site or a member unit.")))
    if not (data.findings or "").strip():
        errors.append(FieldError("findings", _tr("Write down what the inspection found.")))
    if data.date > dt.date.today() + dt.timedelta(days=1):
        errors.append(FieldError("date", _tr("The inspection's date {date} is in the future.").format(
            date=data.date.isoformat())))
    return errors


def _inspection_values(data: InspectionInput) -> dict:
    village_id = data.village_id
    if data.site_id is not None and village_id is None:
        village_id = organisation.get_site(data.site_id).village_id
    return {"township": data.township_id, "date": data.date, "inspectors": data.inspectors.strip(),
            "village": village_id, "site": data.site_id, "member_unit": data.member_unit_id,
            "findings": data.findings.strip(), "rule_keys": ",".join(data.rule_keys), "outcome": data.outcome.strip()}


def _describe_inspection(values: dict) -> str:
    return _tr("{date} by {inspectors}").format(date=str(values["date"]), inspectors=values["inspectors"])


def _snapshot(inspection_id: int) -> dict | None:
    """The stored row and its photos' file names, as the audit trail keeps them."""
    values = audit.row_values(Inspection, inspection_id)
    if values is not None:
        shown = supervision_photos.photos_of(supervision_photos.INSPECTION, [inspection_id]).get(inspection_id, ())
        values["photos"] = supervision_photos.names(shown)
    return values


def _write_inspection(data: InspectionInput, inspection_id: int | None = None) -> int:
    values = _inspection_values(data)
    if inspection_id is not None:
        values["id"] = inspection_id
    new_id = Inspection.insert(created_at=dt.datetime.now().replace(microsecond=0), **values).execute()
    supervision_photos.put(supervision_photos.INSPECTION, new_id, data.photos)
    return new_id


def add_inspection(data: InspectionInput) -> int:
    """Record an inspection and put its photos (files already stored) on it, in one transaction."""
    errors = validate_inspection(data)
    if errors:
        raise ValidationError(errors)
    with DB.atomic():
        new_id = _write_inspection(data)
        after = _snapshot(new_id)
        audit.record(audit.CREATE, INSPECTION, new_id, None, after,
                     summary=_tr("Recorded the inspection {what}").format(what=_describe_inspection(after)))
        return new_id


def get_inspection(inspection_id: int) -> InspectionRecord:
    row = Inspection.get_or_none(Inspection.id == inspection_id)
    if row is None:
        raise NotFoundError(_tr("The inspection no longer exists."))
    return _record(row, supervision_photos.photos_of(supervision_photos.INSPECTION, [row.id]))


def _record(row: Inspection, photos: dict[int, tuple[PhotoInfo, ...]]) -> InspectionRecord:
    return InspectionRecord(row.township_id, row.date, row.inspectors, row.findings, row.village_id, row.site_id,
                            row.member_unit_id, tuple(k for k in row.rule_keys.split(",") if k), row.outcome,
                            photos.get(row.id, ()), id=row.id)


def target_choices(township_id: int) -> list[tuple[str, str]]:
    """(key, name) of the targets of the township's current campaign, for linking findings to them (none without
    a campaign)."""
    from outreach_desk.services.coverage import campaigns, rules

    campaign = campaigns.current(township_id)
    return [] if campaign is None else [(rule.key, rule.name) for rule in rules.list_rules(campaign.id)]


def list_inspections(township_id: int | None = None) -> list[InspectionRecord]:
    query = Inspection.select().order_by(Inspection.date.desc(), Inspection.id.desc())
    if township_id is not None:
        query = query.where(Inspection.township == township_id)
    rows = list(query)
    photos = supervision_photos.photos_of(supervision_photos.INSPECTION, [row.id for row in rows])
    return [_record(row, photos) for row in rows]


def delete_inspection(inspection_id: int) -> InspectionRecord:
    with DB.atomic():
        record = get_inspection(inspection_id)
        before = _snapshot(inspection_id)
        tombstones.bury(Inspection, Inspection.id == inspection_id)
        Inspection.delete().where(Inspection.id == inspection_id).execute()
        audit.record(audit.DELETE, INSPECTION, inspection_id, before, None,
                     summary=_tr("Deleted the inspection {what}").format(what=_describe_inspection(before)))
        return record


def restore_inspection(record: InspectionRecord) -> int:
    with DB.atomic():
        _write_inspection(record, record.id)
        after = _snapshot(record.id)
        audit.record(audit.RESTORE, INSPECTION, record.id, None, after,
                     summary=_tr("Brought back the inspection {what}").format(what=_describe_inspection(after)))
        return record.id


# ---------------------------------------------------------------------------------------- decisions
@dataclass
class DecisionInput:
    township_id: int
    kind: str
    decided: dt.date
    reason: str
    village_id: int | None = None
    member_unit_id: int | None = None
    period_label: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    figures: dict | None = None


@dataclass
class Decision(DecisionInput):
    id: int = 0
    name: str = ""


def validate_decision(data: DecisionInput) -> list[FieldError]:
    errors = []
    if data.kind not in (COMMEND, CRITICISE):
        errors.append(FieldError("kind", _tr("Choose commendation or criticism.")))
    if (data.village_id is None) == (data.member_unit_id is None):
        errors.append(FieldError("unit", _tr("Choose one village or one member unit.")))
    if not (data.reason or "").strip():
        errors.append(FieldError("reason", _tr("Give the reason.")))
    return errors


def _decision_values(data: DecisionInput) -> dict:
    return {"township": data.township_id, "kind": data.kind, "village": data.village_id,
            "member_unit": data.member_unit_id, "decided": data.decided, "period_label": data.period_label,
            "period_start": data.period_start, "period_end": data.period_end, "reason": data.reason.strip(),
            "figures": json.dumps(data.figures or {}, ensure_ascii=False, sort_keys=True)}


def add_decision(data: DecisionInput) -> int:
    errors = validate_decision(data)
    if errors:
        raise ValidationError(errors)
    with DB.atomic():
        new_id = SupervisionDecision.insert(created_at=dt.datetime.now().replace(microsecond=0),
                                            **_decision_values(data)).execute()
        after = audit.row_values(SupervisionDecision, new_id)
        template = _tr("Recorded the commendation: {reason}") if data.kind == COMMEND else \
            _tr("Recorded the criticism: {reason}")
        audit.record(audit.CREATE, DECISION, new_id, None, after, summary=template.format(reason=data.reason[:80]))
        return new_id


def list_decisions(township_id: int | None = None, since: dt.date | None = None) -> list[Decision]:
    villages = {v.id: v.name for v in organisation.load_tree().all_villages()}
    units = {u.id: u.name for u in organisation.list_member_units()}
    query = SupervisionDecision.select().order_by(SupervisionDecision.decided.desc(), SupervisionDecision.id.desc())
    if township_id is not None:
        query = query.where(SupervisionDecision.township == township_id)
    if since is not None:
        query = query.where(SupervisionDecision.decided >= since)
    return [Decision(r.township_id, r.kind, r.decided, r.reason, r.village_id, r.member_unit_id, r.period_label,
                     r.period_start, r.period_end, json.loads(r.figures or "{}"), id=r.id,
                     name=villages.get(r.village_id) or units.get(r.member_unit_id, "")) for r in query]


def kind_label(kind: str) -> str:
    return _tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def _judged_on(decision: Decision) -> dt.date:
    """The day a decision is filed under: the start of the period it judged, else the day it was made."""
    return decision.period_start or decision.decided


def decisions_for(township_id: int, start: dt.date, end: dt.date, since: dt.date | None = None
                  ) -> tuple[list[Decision], list[Decision]]:
    """(the decisions on a period starting within ``start``..``end``, or made then when they name no period;
    the earlier ones from ``since`` on), newest first: the report and the bulletin list the first, the report
    the second too, so a village criticised before is seen again."""
    found = list_decisions(township_id)
    now = [d for d in found if start <= _judged_on(d) <= end]
    earlier = [d for d in found if _judged_on(d) < start and (since is None or _judged_on(d) >= since)]
    return now, earlier


def delete_decision(decision_id: int) -> Decision:
    with DB.atomic():
        found = [d for d in list_decisions() if d.id == decision_id]
        if not found:
            raise NotFoundError(_tr("The decision no longer exists."))
        before = audit.row_values(SupervisionDecision, decision_id)
        tombstones.bury(SupervisionDecision, SupervisionDecision.id == decision_id)
        SupervisionDecision.delete().where(SupervisionDecision.id == decision_id).execute()
        audit.record(audit.DELETE, DECISION, decision_id, before, None,
                     summary=_tr("Deleted the decision on {name}").format(name=found[0].name))
        return found[0]


def restore_decision(decision: Decision) -> int:
    with DB.atomic():
        SupervisionDecision.insert(id=decision.id, created_at=dt.datetime.now().replace(microsecond=0),
                                   **_decision_values(decision)).execute()
        audit.record(audit.RESTORE, DECISION, decision.id, None, audit.row_values(SupervisionDecision, decision.id),
                     summary=_tr("Brought back the decision on {name}").format(name=decision.name))
        return decision.id


def drafts_from_ranking(ranking, township_id: int, decided: dt.date | None = None) -> list[DecisionInput]:
    """A commendation for each top-marked row and a criticism for each bottom-marked one, reasons prefilled."""
    from outreach_desk.services.supervision.rankings import STREAK_LEAST, VILLAGES, tenth_percent

    decided = decided or dt.date.today()
    drafts = []
    for row in ranking.top + ranking.bottom:
        kind = COMMEND if row.top else CRITICISE
        template = _tr("{period}: {measure} {value}, rank {rank}") if not row.change else \
            _tr("{period}: {measure} {value}, rank {rank} ({change} on the previous period)")
        reason = template.format(period=ranking.period.label, measure=ranking.measure_name,
                                 value=tenth_percent(row.value), rank=row.rank, change=row.change_text)
        if row.bottom and row.streak >= STREAK_LEAST:
            reason = _tr("{reason}, in the bottom {n} for {length} periods running").format(
                reason=reason, n=ranking.mark_count, length=row.streak)
        figures = {"by": ranking.rule_key or "index", "value": row.value, "rank": row.rank,
                   "previous_rank": row.previous_rank, "bottom_streak": row.streak}
        village_id = row.unit_id if row.unit_type == VILLAGES else None
        unit_id = None if row.unit_type == VILLAGES else row.unit_id
        drafts.append(DecisionInput(township_id, kind, decided, reason, village_id, unit_id, ranking.period.label,
                                    ranking.period.start, ranking.period.end, figures))
    return drafts
