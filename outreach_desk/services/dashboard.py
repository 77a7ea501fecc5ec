"""The leaders' dashboard (领导看板): tiles and chart data for one filter, from SQL aggregates.

One ``engine.compute`` call per load gives the compliance index of every village, the heat map
and the lagging count; activity figures (this month against last month, the monthly trend by
kind, the mix by kind and by audience group) are ``tally.sums`` statements (the monthly activity
tallies, plus the days of a month a window covers in part, so a county's million records are not
grouped on every load); awareness pools the surveys of the period per village (Wilson interval).
No per-record loops. The supervision tiles and the fraud-case chart come from
:mod:`services.supervision.board` (the ranking's coverage computations of the last months, orders
due, the police station's monthly figures).

A village *lags* when its compliance index over the filter's period is below ``LAG_THRESHOLD``
(80 %): on average it has done less than four fifths of what its targets ask. A village with no
assessed target has no index and does not lag. This module never imports matplotlib.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from outreach_desk.i18n import current_language, translate
from outreach_desk.services import vocab
from outreach_desk.services.coverage import campaigns, deadlines, engine, indexes, periods, surveys, tally
from outreach_desk.services.coverage.dialect import param
from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.supervision import board
from outreach_desk.store import DB

CONTEXT = "Dashboard"
LAG_THRESHOLD = 0.8
AWARENESS_TARGET = surveys.TARGET_RATE

Progress = Callable[..., None]


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class DashboardFilter:
    period: Period
    township_id: int | None = None
    village_id: int | None = None


@dataclass
class Tiles:
    campaign_name: str | None
    campaign_day: int | None
    campaign_days: int | None
    phase_name: str | None
    month_label: str
    month_activities: int
    month_people: int
    last_month_activities: int
    last_month_people: int
    compliance_index: float | None
    awareness_rate: float | None
    awareness_low: float | None
    awareness_high: float | None
    awareness_respondents: int
    awareness_target: float
    lagging_villages: int
    villages: int
    next_deadline_title: str | None
    next_deadline_due: dt.date | None
    days_to_deadline: int | None
    last_month_label: str = ""
    #: (label, due date) of every deadline occurrence past its day and not marked sent, oldest first
    overdue_deadlines: tuple[tuple[str, dt.date], ...] = ()


@dataclass
class VillageScore:
    village_id: int
    name: str
    index: float | None
    lagging: bool


@dataclass
class MonthlyTrend:
    months: list[str]
    kinds: list[str]
    activities: dict[str, list[int]]
    people: list[int]


@dataclass
class HeatMap:
    villages: list[tuple[int, str]]
    rules: list[tuple[str, str]]
    values: list[list[float | None]]


@dataclass
class AwarenessRow:
    village_id: int
    name: str
    rate: float | None
    low: float | None
    high: float | None
    respondents: int
    aware: int = 0


@dataclass
class Mix:
    by_kind: list[tuple[str, int]]
    by_audience: list[tuple[str, int]]


@dataclass
class DashboardData:
    filter: DashboardFilter
    tiles: Tiles
    coverage: list[VillageScore]
    lag_threshold: float
    trend: MonthlyTrend
    heat: HeatMap
    awareness: list[AwarenessRow]
    mix: Mix
    supervision: board.Supervision | None = None


def default_filter(today: dt.date | None = None) -> DashboardFilter:
    """The current campaign to date, every township and village (NoCampaignError without a campaign)."""
    campaign = campaigns.require_current()
    return DashboardFilter(periods.to_date(campaign, today or dt.date.today()))


def load(filter: DashboardFilter, today: dt.date | None = None, progress: Progress | None = None) -> DashboardData:
    """Everything the dashboard shows for ``filter``; runs in a worker thread."""
    report = progress or (lambda done, total, text="": None)
    today = today or dt.date.today()
    campaign = campaigns.require_current(filter.township_id, village_id=filter.village_id)
    report(0, 5, _tr("Computing coverage…"))
    scope = engine.Scope(township_id=filter.township_id, village_id=filter.village_id)
    result = engine.compute(filter.period, campaign=campaign, scope=scope)
    coverage = village_scores(result)
    report(1, 5, _tr("Counting activities…"))
    scope_conditions, scope_args = _scope(filter)
    trend, mix = _activity_figures(filter.period, scope_conditions, scope_args)
    report(2, 5, _tr("Pooling surveys…"))
    awareness = _awareness(_survey_figures(filter), [(v.id, v.name) for v in result.villages])
    report(3, 5, _tr("Putting the tiles together…"))
    tiles = _tiles(filter, campaign, _scope_index(filter, result), coverage, awareness, today, scope_conditions,
                   scope_args)
    heat = _heat(result)
    report(4, 5, _tr("Counting orders and cases…"))
    supervision = board.load(min(today, filter.period.end), today, filter.township_id, filter.village_id)
    report(5, 5, "")
    return DashboardData(filter, tiles, coverage, LAG_THRESHOLD, trend, heat, awareness, mix, supervision)


def townships_tiles(period: Period, campaign: campaigns.CampaignInfo, township_ids: list[int],
                    today: dt.date) -> dict[int, Tiles]:
    """The tiles' numbers alone (no chart data) of each of ``township_ids`` over ``period`` against
    ``campaign``, as each township's own dashboard shows them: a county's row per township. The villages'
    indexes come from one pass (``indexes.village_indexes``, of every township when there are several)."""
    one = township_ids[0] if len(township_ids) == 1 else None
    table = indexes.village_indexes([period], campaign=campaign, scope=engine.Scope(township_id=one))[0]
    figures = _survey_figures(DashboardFilter(period, one))
    scope_conditions, scope_args = _scope(DashboardFilter(period, one))
    by_village = _month_counts_by(min(today, period.end), scope_conditions, scope_args, ["village_id"])
    outstanding = deadlines.outstanding(campaign, today)
    found = {}
    for township_id in township_ids:
        filter = DashboardFilter(period, township_id)
        villages = [(village_id, name) for village_id, name, township in table.villages if township == township_id]
        coverage = [VillageScore(village_id, name, table.index[village_id],
                                 table.index[village_id] is not None and table.index[village_id] < LAG_THRESHOLD)
                    for village_id, name in villages]
        indexed = [score.index for score in coverage if score.index is not None]   # as engine.mean_index
        index = sum(indexed) / len(indexed) if indexed else None
        counts = [by_village.get((village_id,), (0, 0, 0, 0)) for village_id, _name in villages]
        found[township_id] = _tiles(filter, campaign, index, coverage, _awareness(figures, villages), today,
                                    *_scope(filter), tuple(sum(column) for column in zip(*counts)) or (0, 0, 0, 0),
                                    outstanding)
    return found


def load_streaks(filter: DashboardFilter, today: dt.date | None = None) -> board.Streaks:
    """The bottom streaks for ``filter`` (a village shown alone: those of its township), asked for after
    :func:`load`: they rank several months, and the rest of the dashboard need not wait for them."""
    today = today or dt.date.today()
    campaign = campaigns.require_current(filter.township_id, village_id=filter.village_id)
    township_id = campaigns.township_of_scope(filter.township_id, filter.village_id)
    return board.streaks(min(today, filter.period.end), campaign, township_id)


def village_scores(result: engine.CoverageResult) -> list[VillageScore]:
    """Each village's compliance index and whether it lags (index below LAG_THRESHOLD)."""
    scores = []
    for village in result.villages:
        index = village.index
        scores.append(VillageScore(village.id, village.name, index, index is not None and index < LAG_THRESHOLD))
    return scores


def monthly_trend(period: Period, township_id: int | None = None, village_id: int | None = None) -> MonthlyTrend:
    """Records per month and kind and people reached per month in ``period`` (also for the monthly report)."""
    scope_conditions, scope_args = _scope(DashboardFilter(period, township_id, village_id))
    return _activity_figures(period, scope_conditions, scope_args)[0]


def _heat(result: engine.CoverageResult) -> HeatMap:
    """Villages x rules; rules assessed in no village (member-unit rules) are left out."""
    table = [[_fulfilment(v, r.key) for r in result.rules] for v in result.villages]
    kept = [i for i in range(len(result.rules)) if any(row[i] is not None for row in table)]
    return HeatMap([(v.id, v.name) for v in result.villages],
                   [(result.rules[i].key, result.rules[i].name) for i in kept],
                   [[row[i] for i in kept] for row in table])


def _fulfilment(area: engine.AreaResult, rule_key: str) -> float | None:
    cell = area.cell(rule_key)
    return cell.fulfilment if cell is not None and cell.assessed else None


def _scope(filter: DashboardFilter) -> tuple[list[str], list]:
    """Conditions (for ``tally.sums``) keeping activities inside the filter's township or village."""
    p = param()
    if filter.village_id is not None:
        return [f"{{t}}.village_id = {p}"], [filter.village_id]
    if filter.township_id is not None:
        return [f"{{t}}.village_id IN (SELECT id FROM village WHERE township_id = {p})"], [filter.township_id]
    return [], []


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _previous_month(day: dt.date) -> dt.date:
    return (_month_start(day) - dt.timedelta(days=1)).replace(day=1)


def _months(period: Period) -> list[tuple[dt.date, dt.date]]:
    """The calendar months ``period`` touches, each clipped to the period."""
    result: list[tuple[dt.date, dt.date]] = []
    first = _month_start(period.start)
    while first <= period.end:
        last = periods.month_bounds(first.year, first.month)[1]
        result.append((max(first, period.start), min(last, period.end)))
        first = last + dt.timedelta(days=1)
    return result


def _kind_label_column() -> str:
    return "k.name_zh" if current_language() == "zh_CN" else "k.name_en"


def _activity_figures(period: Period, scope_conditions: list[str], scope_args: list) -> tuple[MonthlyTrend, Mix]:
    """The monthly trend and the activity mix from one statement over the period's months.

    Records, people and records per audience group per month and kind come from ``tally.sums``
    (the monthly tallies, plus the days of a month the period covers in part); kinds are joined to
    the groups, not to the rows. The mix by kind is the trend summed over the months (the months
    cover the period exactly).
    """
    months = _months(period)
    if not months:
        return MonthlyTrend([], [], {}, []), Mix([], [(t.label, 0) for t in vocab.AUDIENCES])
    audiences = [f"aud_{t.bit}" for t in vocab.AUDIENCES]
    sums_sql, args = tally.sums("village", [(i, start, end) for i, (start, end) in enumerate(months)], ["kind_id"],
                                ["records", "people", *audiences], conditions=scope_conditions, args=scope_args)
    sql = (f"SELECT g.idx, k.id, {_kind_label_column()}, k.sort_order, g.records, g.people"
           + "".join(f", g.{column}" for column in audiences)
           + f" FROM {sums_sql} g JOIN activity_kind k ON k.id = g.kind_id")
    rows = list(DB.execute_sql(sql, args))
    order = sorted({(sort, kind_id, name) for _, kind_id, name, sort, *_ in rows})
    kinds = [name for _, _, name in order]
    activities = {name: [0] * len(months) for name in kinds}
    people = [0] * len(months)
    audience_counts = [0] * len(vocab.AUDIENCES)
    for index, _, name, _, records, reached, *groups in rows:
        activities[name][index] += int(records)
        people[index] += int(reached)
        audience_counts = [total + int(count or 0) for total, count in zip(audience_counts, groups)]
    labels = [periods.month_label(start.year, start.month) for start, _ in months]
    position = {name: number for number, name in enumerate(kinds)}
    by_kind = sorted(((name, sum(values)) for name, values in activities.items()),
                     key=lambda pair: (-pair[1], position[pair[0]]))
    by_audience = sorted(((t.label, count) for t, count in zip(vocab.AUDIENCES, audience_counts)),
                         key=lambda pair: -pair[1])
    return MonthlyTrend(labels, kinds, activities, people), Mix(by_kind, by_audience)


def _survey_figures(filter: DashboardFilter) -> dict[int, surveys.AwarenessFigures]:
    return surveys.figures_by_village(filter.period.start, filter.period.end, filter.township_id)


def _awareness(figures: dict[int, surveys.AwarenessFigures], villages: list[tuple[int, str]]) -> list[AwarenessRow]:
    """Each village's (id, name) pooled surveys, from ``_survey_figures``."""
    rows = []
    for village_id, name in villages:
        found = figures.get(village_id, surveys.AwarenessFigures(0, 0))
        interval = found.interval
        rows.append(AwarenessRow(village_id, name, found.rate, interval.low if interval else None,
                                 interval.high if interval else None, found.respondents, found.aware))
    return rows


def _month_counts(reference: dt.date, scope_conditions: list[str], scope_args: list) -> tuple[int, int, int, int]:
    """(records, people) of the month of ``reference`` up to that day, and of the same days of the month
    before (the whole month before once ``reference`` is a month's last day), in one statement."""
    return _month_counts_by(reference, scope_conditions, scope_args).get((), (0, 0, 0, 0))


def _month_counts_by(reference: dt.date, scope_conditions: list[str], scope_args: list,
                     group: list[str] = ()) -> dict[tuple, tuple[int, int, int, int]]:
    """:func:`_month_counts` of each value of the ``group`` columns (one key, (), without any) that has records.

    Comparing the 20 days of a running month with the whole month before would make every month look
    worse than the last until its final days."""
    this_start = _month_start(reference)
    last_start = _previous_month(reference)
    last_month_end = this_start - dt.timedelta(days=1)
    month_over = reference == periods.month_bounds(reference.year, reference.month)[1]
    last_end = last_month_end if month_over else min(last_month_end,
                                                     last_start + dt.timedelta(days=reference.day - 1))
    sums_sql, args = tally.sums("village", [(0, this_start, reference), (1, last_start, last_end)], list(group),
                                ["records", "people"], conditions=scope_conditions, args=scope_args)
    found: dict[tuple, list[int]] = {}
    for index, records, people, *key in DB.execute_sql(
            f"SELECT s.idx, s.records, s.people{''.join(f', s.{g}' for g in group)} FROM {sums_sql} s", args):
        counts = found.setdefault(tuple(key), [0, 0, 0, 0])
        counts[2 * index:2 * index + 2] = int(records or 0), int(people or 0)
    return {key: tuple(counts) for key, counts in found.items()}


def _scope_index(filter: DashboardFilter, result: engine.CoverageResult) -> float | None:
    """The compliance index of the filter's scope: the village, the township (the mean of its villages), or
    the mean over every village of all townships."""
    if filter.village_id is not None:
        village = result.village(filter.village_id)
        return village.index if village else None
    if len(result.townships) == 1:
        return result.townships[0].index
    return engine.mean_index(result.villages)


def _tiles(filter: DashboardFilter, campaign: campaigns.CampaignInfo, compliance_index: float | None,
           coverage: list[VillageScore], awareness: list[AwarenessRow], today: dt.date,
           scope_conditions: list[str], scope_args: list, counts: tuple[int, int, int, int] | None = None,
           outstanding: tuple | None = None) -> Tiles:
    """The tiles; ``counts`` (of :func:`_month_counts`) and ``outstanding`` (the campaign's deadlines) when
    already read."""
    reference = min(today, filter.period.end)
    last = _previous_month(reference)
    month_records, month_people, last_records, last_people = counts or _month_counts(reference, scope_conditions,
                                                                                     scope_args)
    respondents = sum(row.respondents for row in awareness)
    aware = sum(row.aware for row in awareness)
    interval = surveys.wilson(aware, respondents)
    phase = campaign.phase_on(today)
    overdue, deadline = outstanding or deadlines.outstanding(campaign, today)
    return Tiles(
        campaign_name=campaign.name, campaign_day=campaign.day_of(today), campaign_days=campaign.days,
        phase_name=phase.name if phase else None,
        month_label=periods.month_label(reference.year, reference.month),
        month_activities=month_records, month_people=month_people,
        last_month_activities=last_records, last_month_people=last_people,
        compliance_index=compliance_index,
        awareness_rate=aware / respondents if respondents else None,
        awareness_low=interval.low if interval else None, awareness_high=interval.high if interval else None,
        awareness_respondents=respondents, awareness_target=AWARENESS_TARGET,
        lagging_villages=sum(score.lagging for score in coverage), villages=len(coverage),
        next_deadline_title=deadline.label if deadline else None,
        next_deadline_due=deadline.due if deadline else None,
        days_to_deadline=(deadline.due - today).days if deadline else None,
        last_month_label=periods.month_label(last.year, last.month),
        overdue_deadlines=tuple((o.label, o.due) for o in overdue))
