"""Targets handed down per unit (任务数): defined once, a number for each village/community or site.

Offices give each community a number of 国家反诈中心 APP registrations to get, each grid a number of
households to visit. A target has a name (APP注册) and the unit it is counted in (人); a village or a
site gets its own number. Target rules use it in a quota as ``assigned("APP注册")``
(``coverage/expression.py``); a unit without a number is given 0, which asks nothing of it.
Every change is audited in the transaction that makes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import audit, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.store import DB
from outreach_desk.store.assigned_models import AssignedNumber, AssignedTarget
from outreach_desk.store.models import Site, Village

VILLAGE, SITE = "village", "site"
MAX_NAME = 60
MAX_UNIT = 20
MAX_NUMBER = 10_000_000
_FORBIDDEN = set('"“”()（）')


def _tr(text: str) -> str:
    return translate("AssignedTargets", text)


@dataclass(frozen=True)
class TargetInfo:
    id: int
    name: str
    unit: str = ""

    @property
    def label(self) -> str:
        """The name with its unit, e.g. APP注册（人）."""
        return f"{self.name}（{self.unit}）" if self.unit else self.name


def clean_name(name: str) -> str:
    """The name as stored; refused when empty, too long, or holding quotes or brackets (a quota quotes it)."""
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError([FieldError("name", _tr("The target needs a name, e.g. APP注册."))])
    if len(name) > MAX_NAME:
        raise ValidationError([FieldError("name", _tr("A target's name has at most {count} characters.").format(
            count=MAX_NAME))])
    if _FORBIDDEN & set(name):
        raise ValidationError([FieldError("name", _tr("A target's name may not hold quotes or brackets: {name}").format(
            name=name))])
    return name


def clean_unit(unit: str) -> str:
    unit = " ".join(str(unit or "").split())
    if len(unit) > MAX_UNIT:
        raise ValidationError([FieldError("unit", _tr("A target's unit has at most {count} characters.").format(
            count=MAX_UNIT))])
    return unit


def list_targets() -> list[TargetInfo]:
    return [TargetInfo(*row) for row in AssignedTarget.select(AssignedTarget.id, AssignedTarget.name,
                                                              AssignedTarget.unit).order_by(AssignedTarget.id).tuples()]


def find(name: str) -> TargetInfo | None:
    row = (AssignedTarget.select(AssignedTarget.id, AssignedTarget.name, AssignedTarget.unit)
           .where(AssignedTarget.name == " ".join(str(name or "").split())).tuples().first())
    return TargetInfo(*row) if row else None


def _values(target_id: int) -> dict | None:
    return audit.row_values(AssignedTarget, target_id)


def define(name: str, unit: str = "") -> int:
    """Define a target (audited); a target of that name already defined keeps its id (its unit is updated)."""
    name, unit = clean_name(name), clean_unit(unit)
    with DB.atomic():
        existing = find(name)
        if existing is not None:
            if unit and unit != existing.unit:
                before = _values(existing.id)
                AssignedTarget.update(unit=unit).where(AssignedTarget.id == existing.id).execute()
                audit.record(audit.UPDATE, "assigned_target", existing.id, before, _values(existing.id),
                             summary=_tr("Changed the assigned target {name}").format(name=name))
            return existing.id
        target_id = AssignedTarget.insert(name=name, unit=unit).execute()
        audit.record(audit.CREATE, "assigned_target", target_id, None, _values(target_id),
                     summary=_tr("Added the assigned target {name}").format(name=name))
        return target_id


def numbers(target_id: int | None = None) -> dict[tuple[int, str, int], int]:
    """{(target id, "village" | "site", unit id): number}, of one target or of all."""
    query = AssignedNumber.select(AssignedNumber.target, AssignedNumber.village, AssignedNumber.site,
                                  AssignedNumber.number)
    if target_id is not None:
        query = query.where(AssignedNumber.target == target_id)
    result = {}
    for target, village, site, number in query.tuples():
        result[(target, VILLAGE, village) if village is not None else (target, SITE, site)] = number
    return result


def _unit_name(level: str, unit_id: int) -> str:
    if level == VILLAGE:
        return Village.select(Village.name).where(Village.id == unit_id).scalar() or ""
    row = (Site.select(Village.name, Site.name).join(Village, on=(Site.village == Village.id))
           .where(Site.id == unit_id).tuples().first())
    return f"{row[0]} {row[1]}" if row else ""


def _number_values(target_id: int, level: str, unit_id: int, number: int | None) -> dict | None:
    if number is None:
        return None
    target = AssignedTarget.get_by_id(target_id)
    return {"target": target.name, "unit": target.unit, level: _unit_name(level, unit_id), "number": number}


def set_number(target_id: int, level: str, unit_id: int, number: int | None) -> bool:
    """Give a village or site its number for a target (None: take it away); True when something changed."""
    if level not in (VILLAGE, SITE):
        raise ValueError(level)
    if number is not None and (not isinstance(number, int) or not 0 <= number <= MAX_NUMBER):
        message = _tr("An assigned number is a whole number from 0 to {limit}.")
        raise ValidationError([FieldError("number", message.format(limit=f"{MAX_NUMBER:,}"))])
    column = AssignedNumber.village if level == VILLAGE else AssignedNumber.site
    with DB.atomic():
        if AssignedTarget.get_or_none(AssignedTarget.id == target_id) is None:
            raise NotFoundError(_tr("The assigned target no longer exists."))
        row = AssignedNumber.select().where((AssignedNumber.target == target_id) & (column == unit_id)).first()
        before_number = row.number if row is not None else None
        if before_number == number:
            return False
        if number is None:
            tombstones.bury(AssignedNumber, AssignedNumber.id == row.id)
            AssignedNumber.delete().where(AssignedNumber.id == row.id).execute()
        elif row is None:
            AssignedNumber.insert(target=target_id, number=number, **{level: unit_id}).execute()
        else:
            AssignedNumber.update(number=number).where(AssignedNumber.id == row.id).execute()
        before = _number_values(target_id, level, unit_id, before_number)
        after = _number_values(target_id, level, unit_id, number)
        action = audit.CREATE if before is None else audit.DELETE if after is None else audit.UPDATE
        what = (after or before)
        audit.record(action, "assigned_number", row.id if row is not None else None, before, after,
                     summary=_tr("{target} for {unit}: {before} → {after}").format(
                         target=what["target"], unit=what[level],
                         before="—" if before_number is None else before_number,
                         after="—" if number is None else number))
        return True


def remove_target(target_id: int) -> None:
    """Delete a target with its numbers (audited); a rule naming it then asks nothing of anyone."""
    with DB.atomic():
        before = _values(target_id)
        if before is None:
            return
        tombstones.bury(AssignedNumber, AssignedNumber.target == target_id)
        tombstones.bury(AssignedTarget, AssignedTarget.id == target_id)
        AssignedNumber.delete().where(AssignedNumber.target == target_id).execute()
        AssignedTarget.delete().where(AssignedTarget.id == target_id).execute()
        audit.record(audit.DELETE, "assigned_target", target_id, before, None,
                     summary=_tr("Deleted the assigned target {name}").format(name=before["name"]))


def set_numbers(target_id: int, changes: dict[tuple[str, int], int | None]) -> int:
    """Several numbers of one target in one transaction (all or none); how many changed."""
    with DB.atomic():
        return sum(set_number(target_id, level, unit_id, number) for (level, unit_id), number in changes.items())
