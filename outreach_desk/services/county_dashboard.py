"""The dashboard of a county database across its townships, each township against its own current campaign.

A county office compares townships that may run different campaigns (other dates, other targets): one
row per township with what its own dashboard's tiles say over its campaign to date (compliance index,
awareness, lagging villages, this month's activities against the same days of last month), from
``dashboard.tiles_only``, so the figures are those of the township's dashboard. The bottom streaks rank
three months per township and come in a second pass (:func:`streaks`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_desk.services import dashboard
from outreach_desk.services.coverage import campaigns, periods
from outreach_desk.services.supervision import board


@dataclass
class TownshipRow:
    township_id: int
    name: str
    tiles: dashboard.Tiles | None      # None: no campaign of its own and no shared one
    period_label: str = ""


def townships() -> dict[int, str]:
    """The database's townships by id; the county view is offered when there are several."""
    return campaigns.township_names()


def _to_date(campaign: campaigns.CampaignInfo, today: dt.date) -> periods.Period:
    return periods.to_date(campaign, today)


def load(today: dt.date, progress=None) -> list[TownshipRow]:
    """Every township's row (in a worker: one coverage computation per township, each of its own villages)."""
    rows = []
    names = townships()
    for number, (township_id, name) in enumerate(names.items()):
        if progress is not None:
            progress(number, len(names))
        campaign = campaigns.current(township_id)
        if campaign is None:
            rows.append(TownshipRow(township_id, name, None))
            continue
        period = _to_date(campaign, today)
        filter = dashboard.DashboardFilter(period, township_id=township_id)
        rows.append(TownshipRow(township_id, name, dashboard.tiles_only(filter, campaign, today), period.label))
    return rows


def streaks(today: dt.date, progress=None) -> dict[int, board.Streaks]:
    """Each township's bottom streaks, against its own campaign (townships without one are left out)."""
    found = {}
    names = townships()
    for number, township_id in enumerate(names):
        if progress is not None:
            progress(number, len(names))
        campaign = campaigns.current(township_id)
        if campaign is not None:
            found[township_id] = board.streaks(min(today, _to_date(campaign, today).end), campaign, township_id)
    return found
