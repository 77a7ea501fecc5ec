"""Closed months: the one check that every write of a dated record passes before it changes anything.

A month a township has sent (报送) stays closed until it is reopened with a reason (``closing.py``).
The ledger, surveys, letters, the workbook import and its undo, and the cascading deletes of the
organisation call a ``require_open_*`` function inside their transaction with what the write touches
(an edit: its old and its new date both); a closed month refuses the whole write with a
:class:`MonthClosedError` that says who closed the month and when, as DHIS2 says why a period is locked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from outreach_desk.i18n import translate
from outreach_desk.services.coverage.periods import month_bounds
from outreach_desk.services.errors import ServiceError
from outreach_desk.store.models import Site, Township, Village
from outreach_desk.store.submission_models import PeriodClose, Sending


def _tr(text: str) -> str:
    return translate("ClosedMonths", text)


def month_key(day: dt.date) -> str:
    """``YYYY-MM`` of a date, as months are stored."""
    return f"{day.year:04d}-{day.month:02d}"


def month_text(month: str) -> str:
    """``2026-11`` as a clerk writes it (2026年11月)."""
    year, number = (int(part) for part in month.split("-"))
    return _tr("{year}-{month:02d}").format(year=year, month=number)


@dataclass(frozen=True)
class ClosedMonth:
    """A close in force: which township and month, who closed it, when, and to whom it was sent."""

    close_id: int
    township_id: int
    township: str
    month: str
    closed_by: str
    closed_at: dt.datetime
    recipient: str
    sending_id: int | None
    sequence: int | None = None  # the number of the sending that closed it (第 N 次报送)

    @property
    def bounds(self) -> tuple[dt.date, dt.date]:
        year, number = (int(part) for part in self.month.split("-"))
        return month_bounds(year, number)


class MonthClosedError(ServiceError):
    """A write refused because it touches a closed month; ``closed`` says which one and why."""

    def __init__(self, closed: ClosedMonth):
        self.closed = closed
        super().__init__(refusal_text(closed))


def refusal_text(closed: ClosedMonth) -> str:
    who = closed.closed_by or _tr("an unnamed clerk")
    return _tr("{month} of {township} was sent to {recipient} and closed by {who} on {when}: its records cannot be "
               "added, changed, deleted or imported. Reopen the month with a reason first, then make the change."
               ).format(month=month_text(closed.month), township=closed.township, recipient=closed.recipient,
                        who=who, when=f"{closed.closed_at:%Y-%m-%d %H:%M}")


def closed_by_text(closed: ClosedMonth) -> str:
    """Why a record shows greyed: which sending closed its month (the ledger's tooltip)."""
    return _tr("{month} was sent (sending no. {sequence}) to {recipient} by {who} on {when} and is closed: reopen "
               "the month to change this record.").format(
        month=month_text(closed.month), sequence=closed.sequence or "—", recipient=closed.recipient or "—",
        who=closed.closed_by or _tr("an unnamed clerk"), when=f"{closed.closed_at:%Y-%m-%d %H:%M}")


def _as_datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def closed_months(township_id: int | None = None) -> dict[tuple[int, str], ClosedMonth]:
    """Every close in force (a few rows a year per township), by (township id, month)."""
    query = (PeriodClose.select(PeriodClose.id, PeriodClose.township, Township.name, PeriodClose.month,
                                PeriodClose.closed_by, PeriodClose.closed_at, Sending.recipient, PeriodClose.sending,
                                Sending.sequence)
             .join(Township, on=(PeriodClose.township == Township.id))
             .join(Sending, pw.JOIN.LEFT_OUTER, on=(PeriodClose.sending == Sending.id), src=PeriodClose)
             .where(PeriodClose.reopened_at.is_null()))
    if township_id is not None:
        query = query.where(PeriodClose.township == township_id)
    found = {}
    for close_id, town_id, name, month, who, at, recipient, sending_id, sequence in query.tuples():
        found[(town_id, month)] = ClosedMonth(close_id, town_id, name, month, who or "", _as_datetime(at),
                                              recipient or "", sending_id, sequence)
    return found


def require_open(township_months: Iterable[tuple[int, str]]) -> None:
    """Refuse (MonthClosedError, the earliest month first) when any (township id, YYYY-MM) is closed."""
    wanted = set(township_months)
    if not wanted:
        return
    closed = closed_months()
    hits = sorted((key for key in wanted if key in closed), key=lambda key: (key[1], key[0]))
    if hits:
        raise MonthClosedError(closed[hits[0]])


def _townships_of(model, ids: set[int]) -> dict[int, int]:
    if model is Village:
        query = Village.select(Village.id, Village.township).where(Village.id.in_(sorted(ids)))
    else:
        query = (Site.select(Site.id, Village.township).join(Village, on=(Site.village == Village.id))
                 .where(Site.id.in_(sorted(ids))))
    return dict(query.tuples())


def closed_of(model, pairs: Iterable[tuple[int | None, dt.date | None]]) -> dict[tuple[int, str], ClosedMonth]:
    """The closes in force that (unit id, date) pairs fall in, by (unit id, YYYY-MM); ``model`` is Village or
    Site, the unit the records are kept by. Empty at once when no month is closed."""
    months = {(unit, month_key(day)) for unit, day in pairs if unit is not None and isinstance(day, dt.date)}
    if not months:
        return {}
    closed = closed_months()
    if not closed:
        return {}
    townships: dict[int, int] = {}
    ids = sorted({unit for unit, _ in months})
    for start in range(0, len(ids), 500):
        townships.update(_townships_of(model, set(ids[start:start + 500])))
    return {(unit, month): closed[(townships[unit], month)] for unit, month in months
            if (townships.get(unit), month) in closed}


def closed_of_villages(pairs: Iterable[tuple[int | None, dt.date | None]]) -> dict[tuple[int, str], ClosedMonth]:
    """:func:`closed_of` for records kept by village (activities, surveys): by (village id, YYYY-MM)."""
    return closed_of(Village, pairs)


def _require_open_units(model, pairs: Iterable[tuple[int | None, dt.date | None]]) -> None:
    hits = closed_of(model, pairs)
    if hits:
        raise MonthClosedError(min(hits.values(), key=lambda c: (c.month, c.township_id)))


def require_open_villages(pairs: Iterable[tuple[int | None, dt.date | None]]) -> None:
    """Refuse a write of records dated ``date`` in village ``village_id`` for any (village_id, date) closed."""
    _require_open_units(Village, pairs)


def require_open_sites(pairs: Iterable[tuple[int | None, dt.date | None]]) -> None:
    """The same for records kept by site (parent letters, by school)."""
    _require_open_units(Site, pairs)


def require_open_where(model, village_of, condition) -> None:
    """Refuse a write of every ``model`` row matching ``condition`` (a cascade delete) when one is dated in a
    closed month of its township; ``village_of`` is the model's column naming its village, or its site.

    One EXISTS per close in force, so the rows themselves are never read."""
    closed = closed_months()
    if not closed:
        return
    joined = model.select()
    if village_of.rel_model is Site:
        joined = joined.join(Site, on=(village_of == Site.id)).join(Village, on=(Site.village == Village.id))
    else:
        joined = joined.join(Village, on=(village_of == Village.id))
    for key in sorted(closed, key=lambda key: (key[1], key[0])):
        info = closed[key]
        first, last = info.bounds
        if joined.where(condition & (Village.township == info.township_id) & (model.date >= first)
                        & (model.date <= last)).exists():
            raise MonthClosedError(info)
