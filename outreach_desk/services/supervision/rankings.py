"""Rankings: villages/communities (or member units) ordered by the compliance index or by one target.

Built on the coverage of two periods, the period and the previous one of the same length (see
``previous.py``), judged together by ``engine.compute_many``, so a rank's change (↑3 / ↓2 / 新)
compares like with like and every figure is the coverage engine's own.

- The value is the compliance index (villages: ``AreaResult.index``; member units: the mean of
  their fulfilment over the member-unit targets), or, when a target is chosen, its fulfilment
  there; for an awareness target the surveyed rate itself (aware / respondents over the period),
  since fulfilment stops at 100 % and would tie every village above the line.
- Values are compared as shown, to a tenth of a percentage point: two villages showing the same
  figure share a rank (competition ranking: 1, 2, 2, 4).
- A unit without a value ("no data") is ranked after every other one, with the reason.
- The top N and bottom N ranked rows are marked (ties included); a row that would be both is
  neither, so a township where everyone ties has no bottom.
- A bottom streak ("连续 N 期排名末位") is the number of periods running, ending with this one, in which
  the unit was marked bottom: this period, the previous one of the same length, the one before that
  (``previous_period`` again), at most ``STREAK_LOOK_BACK`` and none before the campaign. A period
  where the unit is not marked (higher up, or without data) ends it. The dashboard's tile, the ranking
  page, ``outreach-desk ranking``, the bulletin and the report's 排名 sheet all read it from here.
- A ranking of the campaign to date counts no streak (every bottom row's is 1, this period alone): its
  previous period is the standings a week earlier, which hold all but a week of the same work, so "in the
  bottom N three times running" would count the same months again and say no more than "in the bottom N
  now". Streaks are counted on rankings of separate periods (months, phases, date ranges); the dashboard's
  tile counts months.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.coverage import campaigns as campaigns_service
from outreach_desk.services.coverage import engine, indexes
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.coverage.engine import CoverageResult, Scope
from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.errors import FieldError, ValidationError
from outreach_desk.services.supervision.previous import previous_period

VILLAGES = "village"
MEMBER_UNITS = "member_unit"
UNIT_KINDS = (VILLAGES, MEMBER_UNITS)
DEFAULT_MARK_COUNT = 3
#: a bottom streak is shown when it is this many periods long or longer
STREAK_LEAST = 2
#: how many periods (this one and those just before it) a streak is followed back
STREAK_LOOK_BACK = 3
#: where the window and the command line keep the office's N (QSettings key)
MARK_COUNT_SETTING = "supervision/mark_count"


def _tr(text: str) -> str:
    return translate("Rankings", text)


def shown_key(value: float) -> int:
    """The figure a value is shown as, in tenths of a percentage point (never 100.0 % below 1)."""
    tenths = round(value * 1000)
    if value < 1 and tenths >= 1000:
        return 999
    return tenths


def tenth_percent(value: float | None) -> str:
    """``value`` as the ranking shows it: 85.3%, "—" without a value."""
    if value is None:
        return "—"
    return f"{shown_key(value) / 10:.1f}%"


@dataclass
class RankRow:
    """One village or member unit in a ranking."""

    unit_type: str
    unit_id: int
    name: str
    township_id: int
    value: float | None
    reason: str = ""
    rank: int = 0
    previous_rank: int | None = None
    top: bool = False
    bottom: bool = False
    #: periods running at the bottom, ending with this one (0: not marked bottom; see the module docstring)
    streak: int = 0

    @property
    def has_data(self) -> bool:
        return self.value is not None

    @property
    def change(self) -> int | None:
        """Places gained since the previous period (negative: lost); None when new or without data."""
        if not self.has_data or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank

    @property
    def is_new(self) -> bool:
        return self.has_data and self.previous_rank is None

    @property
    def change_text(self) -> str:
        if not self.has_data:
            return ""
        if self.previous_rank is None:
            return _tr("new")
        change = self.change
        if change > 0:
            return f"↑{change}"
        if change < 0:
            return f"↓{-change}"
        return "–"

    def as_dict(self) -> dict:
        return {"unit_type": self.unit_type, "id": self.unit_id, "name": self.name, "township_id": self.township_id,
                "rank": self.rank, "value": self.value, "shown": tenth_percent(self.value), "has_data": self.has_data,
                "reason": self.reason, "previous_rank": self.previous_rank, "change": self.change,
                "change_text": self.change_text, "new": self.is_new, "top": self.top, "bottom": self.bottom,
                "bottom_streak": self.streak}


@dataclass
class Ranking:
    """A ranking of one kind of unit in one period, with the coverage results it was read from."""

    unit_type: str
    rule_key: str | None
    measure_name: str
    period: Period
    previous: Period | None
    mark_count: int
    rows: list[RankRow]
    result: CoverageResult
    #: the previous period's coverage, without the records no site counts (``unplaced``: its gap list is not read)
    previous_result: CoverageResult | None = None
    previous_rows: list[RankRow] = field(default_factory=list)
    #: the periods the rows' streaks were followed through, this one first (labels)
    streak_periods: list[str] = field(default_factory=list)

    @property
    def streaks_counted(self) -> bool:
        """Whether bottom streaks are followed back (not for the campaign to date: see the module docstring)."""
        return streaks_counted(self.period)

    @property
    def top(self) -> list[RankRow]:
        return [r for r in self.rows if r.top]

    @property
    def bottom(self) -> list[RankRow]:
        return [r for r in self.rows if r.bottom]

    @property
    def streaks(self) -> list[Streak]:
        """The rows at the bottom :data:`STREAK_LEAST` periods running or longer, the longest first."""
        found = [Streak(r.unit_id, r.name, r.streak, self.streak_periods[:r.streak])
                 for r in self.rows if r.streak >= STREAK_LEAST]
        return sorted(found, key=lambda s: (-s.length, s.name))

    def note(self, row: RankRow) -> str:
        """What the ranking says of ``row`` beside its figure: 前3名, 后3名（连续2期）, or why it has no data."""
        if not row.has_data:
            return _tr("No data: {reason}").format(reason=row.reason)
        if row.top:
            return _tr("Top {n}").format(n=self.mark_count)
        if row.bottom and row.streak >= STREAK_LEAST:
            return translate("Rankings", "Bottom {n}, %n periods running", None, row.streak).format(n=self.mark_count)
        if row.bottom:
            return _tr("Bottom {n}").format(n=self.mark_count)
        return ""

    def streaks_explained(self) -> str:
        """What "N periods running" means, with how far back it was followed (the dashboard's tile counts the same);
        for the campaign to date, why no streak is counted."""
        if not self.streaks_counted:
            return _tr("Periods running are not counted for the campaign to date: each week's standings include "
                       "the week before. They are counted on months, phases and date ranges (the dashboard: "
                       "months).")
        return _tr("Periods running: in the bottom {n} in this period and in each one just before it, followed back "
                   "to {first}.").format(n=self.mark_count, first=self.streak_periods[-1])

    @property
    def without_data(self) -> list[RankRow]:
        return [r for r in self.rows if not r.has_data]

    def row(self, unit_id: int) -> RankRow | None:
        return next((r for r in self.rows if r.unit_id == unit_id), None)

    def as_dict(self) -> dict:
        return {"unit_type": self.unit_type, "by": self.rule_key or "index", "measure": self.measure_name,
                "period": self.period.as_dict(), "previous": self.previous.as_dict() if self.previous else None,
                "mark_count": self.mark_count, "streaks_counted": self.streaks_counted,
                "streak_periods": self.streak_periods,
                "rows": [r.as_dict() for r in self.rows]}


def office_mark_count() -> int:
    """The office's N from the settings the window saves (the command line and the report use it too)."""
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME

    value = QSettings(APP_NAME, APP_NAME).value(MARK_COUNT_SETTING, DEFAULT_MARK_COUNT)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_MARK_COUNT


def index_name() -> str:
    """What a ranking by the compliance index is called."""
    return _tr("Compliance index")


def rule_choices(campaign: CampaignInfo, unit_type: str = VILLAGES) -> list[tuple[str, str]]:
    """(key, name) of the enabled targets a ranking of ``unit_type`` may be ordered by."""
    from outreach_desk.services.coverage import rules as rules_service

    wanted = ("village", "site") if unit_type == VILLAGES else ("member_unit",)
    return [(r.key, r.name) for r in rules_service.list_rules(campaign.id, enabled_only=True) if r.applies_to in wanted]


def _check_rule(result: CoverageResult, unit_type: str, rule_key: str | None) -> str:
    """The name of what is ranked; a clear refusal for an unknown target or one of the other unit kind."""
    if unit_type not in UNIT_KINDS:
        raise ValueError(f"unknown unit type {unit_type!r}")
    if rule_key is None:
        return index_name()
    rule = next((r for r in result.rules if r.key == rule_key), None)
    if rule is None:
        keys = ", ".join(r.key for r in result.rules) or "—"
        raise ValidationError([FieldError("by", _tr("The campaign has no enabled target {key}. Its targets: {keys}.")
                                          .format(key=rule_key, keys=keys))])
    if (rule.applies_to == "member_unit") != (unit_type == MEMBER_UNITS):
        if unit_type == VILLAGES:
            message = _tr("The target {key} is judged per member unit: rank member units by it.")
        else:
            message = _tr("The target {key} is judged in villages and sites: rank villages by it.")
        raise ValidationError([FieldError("by", message.format(key=rule_key))])
    return rule.name


def _awareness_rate(result: CoverageResult, rule_key: str, village_id: int) -> float | None:
    aware = respondents = 0
    for unit in result.units_of(rule_key, village_id):
        for a in unit.assessments:
            aware += a.details.get("aware") or 0
            respondents += a.details.get("respondents") or 0
    return aware / respondents if respondents else None


def _village_rows(result: CoverageResult, rule_key: str | None) -> list[RankRow]:
    rule = result.rule(rule_key) if rule_key else None
    rows = []
    for village in result.villages:
        row = RankRow(VILLAGES, village.id, village.name, village.township_id, None)
        if rule is None:
            row.value = village.index
            if row.value is None:
                row.reason = _tr("no target applies here in this period")
        elif rule.measure == "awareness":
            row.value = _awareness_rate(result, rule.key, village.id)
            if row.value is None:
                row.reason = _tr("no awareness survey in this period")
        else:
            cell = village.cell(rule.key)
            row.value = cell.fulfilment if cell is not None else None
            if row.value is None:
                row.reason = _tr("the target applies to none of its units")
        rows.append(row)
    return rows


def _member_unit_rows(result: CoverageResult, rule_key: str | None) -> list[RankRow]:
    scope = result.scope
    if scope.village_id is not None:
        return []
    values: dict[int, list[float]] = {}
    for unit in result.units:
        if unit.unit_type != "member_unit" or (rule_key is not None and unit.rule_key != rule_key):
            continue
        fulfilment = unit.fulfilment
        values.setdefault(unit.unit_id, [])
        if fulfilment is not None:
            values[unit.unit_id].append(fulfilment)
    rows = []
    for info in organisation.list_member_units(scope.township_id):
        found = values.get(info.id) or []
        row = RankRow(MEMBER_UNITS, info.id, info.name, info.township_id, sum(found) / len(found) if found else None)
        if row.value is None:
            row.reason = _tr("no member-unit target applies to it in this period")
        rows.append(row)
    return rows


def _place(rows: list[RankRow], mark_count: int) -> list[RankRow]:
    """Competition ranks on the shown figure, no-data rows last, then the top and bottom marks."""
    ranked = sorted((r for r in rows if r.has_data), key=lambda r: -shown_key(r.value))
    for position, row in enumerate(ranked):
        if position and shown_key(row.value) == shown_key(ranked[position - 1].value):
            row.rank = ranked[position - 1].rank
        else:
            row.rank = position + 1
    missing = [r for r in rows if not r.has_data]
    for row in missing:
        row.rank = len(ranked) + 1
    if mark_count > 0:
        keys = sorted(shown_key(r.value) for r in ranked)
        for row in ranked:
            from_bottom = 1 + bisect.bisect_left(keys, shown_key(row.value))  # 1 + the rows showing less
            top, bottom = row.rank <= mark_count, from_bottom <= mark_count
            row.top, row.bottom = top and not bottom, bottom and not top
    return ranked + missing


def rows_of(result: CoverageResult, unit_type: str = VILLAGES, rule_key: str | None = None,
            mark_count: int = DEFAULT_MARK_COUNT) -> list[RankRow]:
    """The ranked rows of one coverage result (no comparison)."""
    _check_rule(result, unit_type, rule_key)
    rows = _village_rows(result, rule_key) if unit_type == VILLAGES else _member_unit_rows(result, rule_key)
    return _place(rows, mark_count)


def rank(period: Period, *, campaign: CampaignInfo | None = None, scope: Scope = Scope(),
         unit_type: str = VILLAGES, rule_key: str | None = None, mark_count: int = DEFAULT_MARK_COUNT,
         results: Iterable[CoverageResult] = (), streaks: bool = True) -> Ranking:
    """Rank ``unit_type`` in ``period`` against the previous period of the same length.

    ``results`` may hand in coverage results already computed (this period's, the previous one's)
    so that a caller showing both the coverage page and the ranking computes each only once. With
    ``streaks``, the bottom rows' streaks are followed back (:func:`follow_streaks`)."""
    campaign = campaign or campaigns_service.require_current(scope.township_id, village_id=scope.village_id)
    earlier = previous_period(period, campaign)
    current, previous_result = _results([period, earlier], campaign, scope, results, unplaced=[True, False])
    measure_name = _check_rule(current, unit_type, rule_key)
    previous_rows: list[RankRow] = []
    if previous_result is not None:
        previous_rows = rows_of(previous_result, unit_type, rule_key, mark_count)
    rows = rows_of(current, unit_type, rule_key, mark_count)
    before = {r.unit_id: r.rank for r in previous_rows if r.has_data}
    for row in rows:
        row.previous_rank = before.get(row.unit_id)
    ranking = Ranking(unit_type, rule_key, measure_name, period, earlier, mark_count, rows, current,
                      previous_result, previous_rows)
    if streaks:
        follow_streaks(ranking, campaign)
    return ranking


def streaks_counted(period: Period) -> bool:
    """Whether a ranking of ``period`` follows bottom streaks back: not for the campaign to date, whose earlier
    standings hold the same work (see the module docstring)."""
    return period.kind != "to_date"


def follow_streaks(ranking: Ranking, campaign: CampaignInfo, look_back: int = STREAK_LOOK_BACK) -> None:
    """Set each row's bottom streak: its two periods from the ranking's own rows, the ones before them judged
    here (villages by the index: from the engine's rows in one pass, see ``indexes.village_indexes``; other
    rankings: only the targets they are ranked by, without unplaced records). The campaign to date: this
    period alone."""
    if not streaks_counted(ranking.period):
        look_back = 1
    looked_at = streak_months(ranking.period, campaign, look_back)
    marked = [(ranking.period.label, {r.unit_id for r in ranking.rows if r.bottom},
               {r.unit_id: r.name for r in ranking.rows})]
    if len(looked_at) > 1 and ranking.previous_result is not None:
        marked.append((looked_at[1].label, {r.unit_id for r in ranking.previous_rows if r.bottom}, {}))
        further, scope = looked_at[2:], ranking.result.scope
        if further and marked[0][1] & marked[1][1]:    # someone may be at the bottom longer: judge further back
            if ranking.unit_type == VILLAGES and ranking.rule_key is None:
                marked += _village_marks(_month_indexes(further, campaign, scope), ranking.mark_count)
            else:
                for result in _results(further, campaign, scope, rule_keys=_ranked_rule_keys(ranking, campaign),
                                       unplaced=False):
                    rows = rows_of(result, ranking.unit_type, ranking.rule_key, ranking.mark_count)
                    marked.append((result.period.label, {r.unit_id for r in rows if r.bottom}, {}))
    lengths = {s.unit_id: s.length for s in _streaks_of(marked, 1)}
    for row in ranking.rows:
        row.streak = lengths.get(row.unit_id, 0)
    ranking.streak_periods = [label for label, _bottom, _names in marked]


def _results(wanted: list[Period | None], campaign: CampaignInfo, scope: Scope,
             given: Iterable[CoverageResult] = (), index_only: bool = False,
             rule_keys: list[str] | None = None,
             unplaced: bool | list[bool] = True) -> list[CoverageResult | None]:
    """The coverage of each period wanted (None stays None): those handed in as they are, the others
    judged together in one :func:`engine.compute_many`; with ``index_only``, only what the villages'
    compliance index is made of (the village and site targets, no unplaced records); ``rule_keys`` and
    ``unplaced`` (one flag, or one per period wanted) as :func:`engine.compute_many` takes them."""
    known = {(r.period, r.scope): r for r in given if r.campaign.id == campaign.id}
    flags = [unplaced] * len(wanted) if isinstance(unplaced, bool) else unplaced
    with_records: dict[Period, bool] = {}
    for period, flag in zip(wanted, flags):
        if period is not None and (period, scope) not in known:
            with_records[period] = with_records.get(period, False) or flag
    missing = list(with_records)
    if index_only:
        rule_keys, with_records = _village_rule_keys(campaign), dict.fromkeys(missing, False)
    for result in engine.compute_many(missing, campaign=campaign, scope=scope, rule_keys=rule_keys,
                                      unplaced=[with_records[p] for p in missing]) if missing else ():
        known[(result.period, scope)] = result
    return [known[(p, scope)] if p is not None else None for p in wanted]


def _ranked_rule_keys(ranking: Ranking, campaign: CampaignInfo) -> list[str]:
    """The targets a ranking's values are made of: the one it is ranked by, or the index's (member units: theirs)."""
    if ranking.rule_key is not None:
        return [ranking.rule_key]
    if ranking.unit_type == VILLAGES:
        return _village_rule_keys(campaign)
    from outreach_desk.services.coverage import rules as rules_service

    return [r.key for r in rules_service.list_rules(campaign.id, enabled_only=True) if r.applies_to == "member_unit"]


def _village_rule_keys(campaign: CampaignInfo) -> list[str]:
    """The enabled targets judged in villages and sites: a village's compliance index is made of these alone."""
    from outreach_desk.services.coverage import rules as rules_service

    return [r.key for r in rules_service.list_rules(campaign.id, enabled_only=True) if r.applies_to != "member_unit"]


@dataclass
class Streak:
    """A village (or member unit) marked at the bottom in ``length`` months running, up to the latest."""

    unit_id: int
    name: str
    length: int
    months: list[str]


def streak_months(month: Period, campaign: CampaignInfo, months: int = STREAK_LOOK_BACK) -> list[Period]:
    """``month`` (any period) and the periods just before it (each the previous one of the same length),
    ``months`` at most, none ending before the campaign starts."""
    looked_at: list[Period] = []
    current = month
    for _ in range(max(1, months)):
        if current is None or current.end < campaign.start:
            break
        looked_at.append(current)
        current = previous_period(current, campaign)
    return looked_at


def bottom_streaks(month: Period, *, campaign: CampaignInfo | None = None, scope: Scope = Scope(),
                   unit_type: str = VILLAGES, months: int = STREAK_LOOK_BACK, mark_count: int = DEFAULT_MARK_COUNT,
                   at_least: int = STREAK_LEAST, results: Iterable[CoverageResult] = ()) -> list[Streak]:
    """Units in the bottom N of ``month`` and of the months just before it, ``at_least`` months running
    (looking back at most ``months`` months, not before the campaign); the longest streaks first.

    For the dashboard's "连续 N 期排名末位": offices call in the villages that rank last several times.
    Villages are ranked on their indexes alone (``indexes.village_indexes``, every month in one pass);
    ``results`` may hand in coverage of these months already computed (see :func:`streak_months`)."""
    campaign = campaign or campaigns_service.require_current(scope.township_id, village_id=scope.village_id)
    looked_at = streak_months(month, campaign, months)
    given = list(results)
    if unit_type == VILLAGES and not given:
        return _streaks_of(_village_marks(_month_indexes(looked_at, campaign, scope), mark_count), at_least)
    marked = []
    for result in _results(looked_at, campaign, scope, given, index_only=unit_type == VILLAGES):
        rows = rows_of(result, unit_type, None, mark_count)
        marked.append((result.period.label, {r.unit_id for r in rows if r.bottom}, {r.unit_id: r.name for r in rows}))
    return _streaks_of(marked, at_least)


def township_streaks(month: Period, campaign: CampaignInfo, township_ids: Iterable[int], *,
                     months: int = STREAK_LOOK_BACK, mark_count: int = DEFAULT_MARK_COUNT,
                     at_least: int = STREAK_LEAST) -> dict[int, list[Streak]]:
    """:func:`bottom_streaks` of the villages of each township, each ranked within its own township, from one
    pass over the months (of every township when there are several, since a village's index is its own)."""
    wanted = list(township_ids)
    scope = Scope(township_id=wanted[0]) if len(wanted) == 1 else Scope()
    tables = _month_indexes(streak_months(month, campaign, months), campaign, scope)
    return {township_id: _streaks_of(_village_marks(tables, mark_count, township_id), at_least)
            for township_id in wanted}


def _month_indexes(looked_at: list[Period], campaign: CampaignInfo, scope: Scope) -> list[indexes.VillageIndexes]:
    if not looked_at:
        return []
    return indexes.village_indexes(looked_at, campaign=campaign, scope=scope)


def _village_marks(tables: list[indexes.VillageIndexes], mark_count: int,
                   township_id: int | None = None) -> list[tuple[str, set[int], dict[int, str]]]:
    """Each month's label, its bottom villages (of one township, or of all given) and the villages' names."""
    marked = []
    for table in tables:
        rows = _place([RankRow(VILLAGES, village_id, name, township, table.index[village_id])
                       for village_id, name, township in table.villages
                       if township_id is None or township == township_id], mark_count)
        marked.append((table.period.label, {r.unit_id for r in rows if r.bottom}, {r.unit_id: r.name for r in rows}))
    return marked


def _streaks_of(marked: list[tuple[str, set[int], dict[int, str]]], at_least: int) -> list[Streak]:
    """The units at the bottom of the first month and of the months after it in ``marked``, running."""
    if not marked:
        return []
    streaks = []
    for unit_id in marked[0][1]:
        labels = []
        for label, bottom, _names in marked:
            if unit_id not in bottom:
                break
            labels.append(label)
        if len(labels) >= at_least:
            streaks.append(Streak(unit_id, marked[0][2][unit_id], len(labels), labels))
    return sorted(streaks, key=lambda s: (-s.length, s.name))
