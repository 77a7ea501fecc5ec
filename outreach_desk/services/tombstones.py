"""Tombstones: what was deleted (kind, uuid, township, the record's date), so a package carries deletions upward.

Every service that deletes calls :func:`bury` with the rows' condition just before the delete, in
the same transaction; an undo that brings a record back under its uuid calls :func:`unbury`. The
kind is the record's table name, the word the data part uses for it too.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from outreach_desk.store import DB
from outreach_desk.store.assigned_models import AssignedNumber, AssignedTarget
from outreach_desk.store.bulk import insert_rows
from outreach_desk.store.models import (
    Activity,
    Campaign,
    MemberUnit,
    ParentLetter,
    Site,
    Survey,
    TargetRule,
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

CHUNK = 2000
NONE = pw.SQL("NULL")


def _through_village(model, date=NONE):
    return model.select(model.uuid, Village.township, date).join(Village)


def _letters():
    return (ParentLetter.select(ParentLetter.uuid, Village.township, ParentLetter.date)
            .join(Site).join(Village))


def _assigned_numbers():
    own, of_site = Village.alias(), Village.alias()
    return (AssignedNumber.select(AssignedNumber.uuid, pw.fn.COALESCE(own.township, of_site.township), NONE)
            .join(own, pw.JOIN.LEFT_OUTER, on=AssignedNumber.village == own.id)
            .switch(AssignedNumber).join(Site, pw.JOIN.LEFT_OUTER, on=AssignedNumber.site == Site.id)
            .join(of_site, pw.JOIN.LEFT_OUTER, on=Site.village == of_site.id))


def _own(model, township, date=NONE):
    return lambda: model.select(model.uuid, township, date)


#: kind -> the query of (uuid, township id, record date) over that kind's rows
_SOURCES = {
    Activity: lambda: _through_village(Activity, Activity.date),
    Survey: lambda: _through_village(Survey, Survey.date),
    ParentLetter: _letters,
    Site: lambda: _through_village(Site),
    Village: _own(Village, Village.township),
    MemberUnit: _own(MemberUnit, MemberUnit.township),
    Township: _own(Township, Township.id),
    Campaign: _own(Campaign, NONE),
    TargetRule: _own(TargetRule, NONE),
    FraudCaseMonth: _own(FraudCaseMonth, FraudCaseMonth.township),
    Inspection: _own(Inspection, Inspection.township, Inspection.date),
    RectificationOrder: _own(RectificationOrder, RectificationOrder.township, RectificationOrder.issued),
    SupervisionDecision: _own(SupervisionDecision, SupervisionDecision.township, SupervisionDecision.decided),
    AssignedTarget: _own(AssignedTarget, NONE),
    AssignedNumber: _assigned_numbers,
}


def kind_of(model) -> str:
    return model._meta.table_name


def _iso(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()


def bury(model, condition) -> int:
    """Write a tombstone for every row of ``model`` that ``condition`` selects; call it before deleting them."""
    if not DB.in_transaction():
        raise RuntimeError("tombstones are written inside the transaction of the delete")
    rows = [row for row in _SOURCES[model]().where(condition).tuples() if row[0]]
    now = _iso(dt.datetime.now().replace(microsecond=0))
    kind = kind_of(model)
    return insert_rows("tombstone", ("kind", "uuid", "township_id", "record_date", "deleted_at"),
                       [(kind, uuid, township, _iso(date), now) for uuid, township, date in rows])


def unbury(model, uuids) -> None:
    """Forget the tombstones of records brought back under their uuid (an undo of their delete)."""
    uuids = [u for u in uuids if u]
    for start in range(0, len(uuids), CHUNK):
        Tombstone.delete().where((Tombstone.kind == kind_of(model))
                                 & Tombstone.uuid.in_(uuids[start:start + CHUNK])).execute()
