"""The dashboard of a county database across its townships, each township against its own current campaign.

A county office compares townships that may run different campaigns (other dates, other targets): one
row per township with what its own dashboard's tiles say over its campaign to date (compliance index,
awareness, lagging villages, this month's activities against the same days of last month), from
``dashboard.townships_tiles``, so the figures are those of the township's dashboard, and the months of its
campaign up to last month whose package the county never imported (未报送: its figures lack them). The bottom
streaks rank three months per township and come in a second pass (:func:`streaks`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from outreach_desk.services import dashboard
from outreach_desk.services.coverage import campaigns, periods
from outreach_desk.services.supervision import board


@dataclass
class TownshipRow:
    township_id: int
    name: str
    tiles: dashboard.Tiles | None      # None: no campaign of its own and no shared one
    period_label: str = ""
    not_sent: list[str] = field(default_factory=list)  # "YYYY-MM" of its campaign up to last month not imported


def townships() -> dict[int, str]:
    """The database's townships by id; the county view is offered when there are several."""
    return campaigns.township_names()


def county_name() -> str:
    """The county's name as its office set it ("" until then), for the view's heading."""
    from outreach_desk.services.county import office

    return office.get().name


def _to_date(campaign: campaigns.CampaignInfo, today: dt.date) -> periods.Period:
    return periods.to_date(campaign, today)


def load(today: dt.date, progress=None) -> list[TownshipRow]:
    """Every township's row (in a worker): the townships sharing a campaign from one pass over its villages."""
    names = townships()
    tiles: dict[int, tuple[dashboard.Tiles, str]] = {}
    groups = _by_campaign(names)
    for number, (campaign, township_ids) in enumerate(groups):
        if progress is not None:
            progress(number, len(groups))
        period = _to_date(campaign, today)
        for township_id, found in dashboard.townships_tiles(period, campaign, township_ids, today).items():
            tiles[township_id] = (found, period.label)
    from outreach_desk.services.county import status

    last_month = today.replace(day=1) - dt.timedelta(days=1)
    missing = status.townships_missing(f"{last_month:%Y-%m}", list(names))
    return [TownshipRow(township_id, name, *tiles[township_id], missing.get(township_id, [])) if township_id in tiles
            else TownshipRow(township_id, name, None) for township_id, name in names.items()]


def streaks(today: dt.date, progress=None) -> dict[int, board.Streaks]:
    """Each township's bottom streaks, against its own campaign (townships without one are left out); the
    townships sharing a campaign are ranked from one pass over its months."""
    found = {}
    groups = _by_campaign(townships())
    for number, (campaign, township_ids) in enumerate(groups):
        if progress is not None:
            progress(number, len(groups))
        found.update(board.townships_streaks(min(today, _to_date(campaign, today).end), campaign, township_ids))
    return found


def _by_campaign(township_ids) -> list[tuple[campaigns.CampaignInfo, list[int]]]:
    """The townships with a current campaign, grouped by it (in the order the campaigns first come)."""
    groups: dict[int, tuple[campaigns.CampaignInfo, list[int]]] = {}
    for township_id in township_ids:
        campaign = campaigns.current(township_id)
        if campaign is not None:
            groups.setdefault(campaign.id, (campaign, []))[1].append(township_id)
    return list(groups.values())
