"""What the leaders' dashboard shows of supervision: bottom streaks, orders due, fraud cases and their trend.

Offices call in the villages that rank last several months running, chase the rectification orders
past or near their deadline, and watch the police station's fraud cases fall 同比 and 环比. These are
the same figures as the 排名, 督导整改 and 案件情况 pages and sheets (``rankings.bottom_streaks``,
``rectification.due_summary``, ``cases.compare`` and ``cases.monthly_cases``), for the dashboard's
township, or every township added up. The months looked at end with the last complete month; ranking
them is the slow part, so the dashboard asks for the streaks on their own, once its charts are drawn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from outreach_desk.services.coverage import periods
from outreach_desk.services.coverage.engine import Scope
from outreach_desk.services.supervision import cases, rankings, rectification
from outreach_desk.services.supervision.cases import Change

#: a village shows on the tile when it was in the bottom N this many months running (or more)
STREAK_MONTHS = rankings.STREAK_LEAST
#: how far back a streak is followed
STREAK_LOOK_BACK = rankings.STREAK_LOOK_BACK
#: names written out on a tile before "and N more"
NAMES_SHOWN = 4


@dataclass
class Streaks:
    months: int                    # N of "连续 N 期": the shortest streak shown
    through: str                   # the last month looked at ("2026年11月")
    villages: list[rankings.Streak] = field(default_factory=list)
    bottom: int = rankings.DEFAULT_MARK_COUNT  # the office's N: a month's last N places are its bottom


@dataclass
class OrdersDue:
    overdue: list[str] = field(default_factory=list)         # "南村：补齐讲座", latest deadline last
    due_this_week: list[str] = field(default_factory=list)


@dataclass
class CasesMonth:
    label: str                     # the month shown: the latest the police station reported, of the last two
    cases: int | None
    yoy: Change
    mom: Change


@dataclass
class CaseSeries:
    """Cases per month of ``year`` and of the year before (None: not reported), for the chart."""

    year: int
    this_year: list[int | None]
    last_year: list[int | None]

    @property
    def reported(self) -> bool:
        return any(v is not None for v in self.this_year + self.last_year)


@dataclass
class Supervision:
    streaks: Streaks | None        # None until ranked: the dashboard ranks the last months after its charts
    orders: OrdersDue
    cases: CasesMonth
    series: CaseSeries


def last_complete_month(reference: dt.date) -> periods.Period:
    """The month of ``reference`` when it is that month's last day, else the month before."""
    if reference == periods.month_bounds(reference.year, reference.month)[1]:
        return periods.month(reference.year, reference.month)
    first = reference.replace(day=1) - dt.timedelta(days=1)
    return periods.month(first.year, first.month)


def streak_scope(township_id: int | None) -> Scope:
    """Streaks rank the villages of the township (or of all townships), also when one village is shown."""
    return Scope(township_id=township_id)


def streaks(reference: dt.date, campaign, township_id: int | None) -> Streaks:
    month = last_complete_month(reference)
    bottom = rankings.office_mark_count()
    found = []
    if month.end >= campaign.start:
        found = rankings.bottom_streaks(month, campaign=campaign, scope=streak_scope(township_id),
                                        months=STREAK_LOOK_BACK, mark_count=bottom, at_least=STREAK_MONTHS)
    return Streaks(STREAK_MONTHS, month.label, found, bottom)


def townships_streaks(reference: dt.date, campaign, township_ids: list[int]) -> dict[int, Streaks]:
    """:func:`streaks` of each of ``township_ids`` (townships sharing ``campaign``), ranked in one pass."""
    month = last_complete_month(reference)
    bottom = rankings.office_mark_count()
    found = {}
    if month.end >= campaign.start and township_ids:
        found = rankings.township_streaks(month, campaign, township_ids, months=STREAK_LOOK_BACK, mark_count=bottom,
                                          at_least=STREAK_MONTHS)
    return {township_id: Streaks(STREAK_MONTHS, month.label, found.get(township_id, []), bottom)
            for township_id in township_ids}


def orders_due(township_id: int | None, today: dt.date) -> OrdersDue:
    summary = rectification.due_summary(township_id, today)

    def line(order: rectification.Order) -> str:
        return f"{order.unit_name}：{order.task}"

    return OrdersDue([line(o) for o in summary.overdue], [line(o) for o in summary.due_this_week])


def cases_month(reference: dt.date, township_id: int | None, village_id: int | None = None) -> CasesMonth:
    """The fraud cases of the month of ``reference`` or, not reported yet, of the month before; 同比 and 环比.
    Of the village when one is shown, else of the township or every township added up, from one query."""
    months = [(reference.year, reference.month), cases.previous_month(reference.year, reference.month)]
    wanted = {m for year, month in months
              for m in ((year, month), (year - 1, month), cases.previous_month(year, month))}
    totals = cases.case_totals(sorted(wanted), township_id=None if village_id is not None else township_id,
                               village_id=village_id)
    for year, month in months:
        now = totals.get((year, month))
        if now is not None or (year, month) == months[-1]:
            last_year, last_month = totals.get((year - 1, month)), totals.get(cases.previous_month(year, month))
            return CasesMonth(periods.month_label(year, month), now, Change(now, last_year), Change(now, last_month))
    raise AssertionError("unreachable")


def case_series(year: int, township_id: int | None) -> CaseSeries:
    this_year, last_year = zip(*cases.monthly_cases(township_id, year))
    return CaseSeries(year, list(this_year), list(last_year))


def load(reference: dt.date, today: dt.date, township_id: int | None, village_id: int | None = None) -> Supervision:
    """Orders due and fraud cases for the dashboard's filter (``reference``: the last day its period shows);
    the streaks, which rank several months, come later from :func:`streaks`."""
    return Supervision(None, orders_due(township_id, today), cases_month(reference, township_id, village_id),
                       case_series(reference.year, township_id))
