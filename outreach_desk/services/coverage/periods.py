"""Reporting periods and the judging windows each rule gets inside one.

A period is what the clerk picks: a month, a phase, the campaign to date, or any date range.
Inside it every rule is judged over windows, all clipped to the campaign and ending no later
than the period's end (activity after the period never counts):

- ``campaign`` rules: one window, from the campaign's first day to the period's end
  (cumulative, "as of the end of the period");
- ``month`` rules: one window per calendar month the period touches, from the month's first day
  (or the campaign's) to the month's last day (or the period's end);
- ``phase`` rules: one window per campaign phase the period touches, from the phase's first
  day to its last day (or the period's end).

A month or phase window whose last day (the month's, the phase's, or the campaign's, whichever
comes first) is today or later is *running*: the engine shows it as in progress, not as unmet,
until it ends. "Today" is the day a "campaign to date" period was made for, else the calendar's.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_desk.i18n import translate
from outreach_desk.services.errors import FieldError, ValidationError

if TYPE_CHECKING:  # campaigns (with its writes) is not loaded by the ledger, which reads months only
    from outreach_desk.services.coverage.campaigns import CampaignInfo

PERIOD_KINDS = ("month", "phase", "to_date", "range")
RULE_PERIODS = ("campaign", "month", "phase")


def _tr(text: str) -> str:
    return translate("Periods", text)


def month_label(year: int, month: int) -> str:
    return _tr("{year}-{month}").format(year=year, month=month)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date
    label: str
    today: dt.date | None = None  # the day a "to date" period was made for (running months end after it)

    @property
    def is_empty(self) -> bool:
        return self.end < self.start

    def as_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}


def month(year: int, month_number: int) -> Period:
    first, last = month_bounds(year, month_number)
    return Period("month", first, last, month_label(year, month_number))


def parse_month(text: str) -> Period:
    """``YYYY-MM`` to a month period; a clear message otherwise."""
    try:
        year, number = (int(part) for part in text.strip().split("-"))
        return month(year, number)
    except (ValueError, TypeError):
        raise ValidationError([FieldError("month", _tr("\"{text}\" is not a month; write it as YYYY-MM, e.g. 2026-11.")
                                          .format(text=text))]) from None


def phase(campaign: CampaignInfo, phase_id: int) -> Period:
    chosen = campaign.phase(phase_id)
    return Period("phase", chosen.start, chosen.end, chosen.name)


def to_date(campaign: CampaignInfo, today: dt.date | None = None) -> Period:
    """From the campaign's first day to today (or its last day, when it is over)."""
    today = today or dt.date.today()
    end = min(today, campaign.end)
    return Period("to_date", campaign.start, end,
                  _tr("Campaign to {date}").format(date=end.isoformat()), today)


def date_range(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise ValidationError([FieldError("end", _tr("The period ends ({end}) before it starts ({start}).").format(
            start=start.isoformat(), end=end.isoformat()))])
    return Period("range", start, end, _tr("{start} to {end}").format(start=start.isoformat(), end=end.isoformat()))


def campaign_months(campaign: CampaignInfo, until: dt.date | None = None) -> list[Period]:
    """Every month of the campaign (up to ``until``), for a period picker."""
    last = min(campaign.end, until) if until else campaign.end
    result, year, number = [], campaign.start.year, campaign.start.month
    while dt.date(year, number, 1) <= last:
        result.append(month(year, number))
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return result


@dataclass(frozen=True)
class Window:
    """One stretch of days over which a rule is judged for every unit."""

    index: int
    kind: str  # campaign | month | phase
    start: dt.date
    end: dt.date
    label: str
    running: bool = False  # a month or phase not over yet: in progress, not unmet

    def as_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label,
                "running": self.running}


def windows(rule_period: str, campaign: CampaignInfo, period: Period) -> list[Window]:
    """The windows a rule with ``rule_period`` is judged over in ``period`` (see the module docstring)."""
    last = min(period.end, campaign.end)
    today = period.today or dt.date.today()
    if rule_period == "campaign":
        if last < campaign.start:
            return []
        return [Window(0, "campaign", campaign.start, last, _tr("Campaign to {date}").format(date=last.isoformat()))]
    first = max(period.start, campaign.start)
    if first > last:
        return []
    if rule_period == "month":
        result, year, number = [], first.year, first.month
        while dt.date(year, number, 1) <= last:
            month_first, month_last = month_bounds(year, number)
            result.append(Window(len(result), "month", max(month_first, campaign.start), min(month_last, last),
                                 month_label(year, number), today <= min(month_last, campaign.end)))
            year, number = (year + 1, 1) if number == 12 else (year, number + 1)
        return result
    if rule_period == "phase":
        touched = [p for p in campaign.phases if p.start <= last and p.end >= first]
        return [Window(i, "phase", max(p.start, campaign.start), min(p.end, last), p.name,
                       today <= min(p.end, campaign.end)) for i, p in enumerate(touched)]
    raise ValueError(f"unknown rule period {rule_period!r}")
