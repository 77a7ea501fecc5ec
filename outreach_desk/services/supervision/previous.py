"""The period a ranking is compared with: the previous one of the same length.

- a month: the calendar month before;
- a phase: the campaign phase before it (none for the first phase);
- a date range: the same number of days ending the day before it starts;
- the campaign to date: the campaign to the same day one week earlier (the weekly standings),
  since no earlier stretch of the same length lies inside the campaign.
"""

from __future__ import annotations

import datetime as dt

from outreach_desk.services.coverage import periods
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.coverage.periods import Period

WEEK = dt.timedelta(days=7)


def previous_period(period: Period, campaign: CampaignInfo) -> Period | None:
    """The period ``period`` is compared with, or None when there is none (the first phase)."""
    if period.kind == "month":
        year, number = (period.start.year, period.start.month - 1) if period.start.month > 1 \
            else (period.start.year - 1, 12)
        return periods.month(year, number)
    if period.kind == "phase":
        ordered = sorted(campaign.phases, key=lambda p: p.start)
        for before, phase in zip(ordered, ordered[1:]):
            if phase.start == period.start:
                return Period("phase", before.start, before.end, before.name)
        return None
    if period.kind == "to_date":
        end = period.end - WEEK
        if end < campaign.start:
            return None
        return periods.to_date(campaign, end)
    length = (period.end - period.start).days + 1
    end = period.start - dt.timedelta(days=1)
    return periods.date_range(end - dt.timedelta(days=length - 1), end)
