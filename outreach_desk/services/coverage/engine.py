"""The coverage engine: every enabled rule, every unit, every judging window, from SQL aggregates.

One SQL statement per rule crosses the units it applies to with the rule's windows (``periods.py``)
and LEFT JOINs the activity sums (``tally.sums``) or a GROUP BY over letters or surveys, with the quota
compiled in, so units without records appear with 0 and Python never loops over activity records; it
only rounds quotas and rolls units up to villages and townships. :func:`compute_many` judges several
periods (a ranking's two, a streak's months) in that same one statement per rule, every distinct window
once, and hands each period the result :func:`compute` gives it. What *meets*, *fulfilment*, *not
applicable*, *no data* and the *compliance index* mean is defined in the README ("How coverage is
computed").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from outreach_desk.services.coverage import campaigns as campaigns_service
from outreach_desk.services.coverage import expression, tally
from outreach_desk.services.coverage import rules as rules_service
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.coverage.dialect import date_param, param
from outreach_desk.services.coverage.periods import Period, Window, windows
from outreach_desk.services.coverage.rules import Rule
from outreach_desk.services.coverage.surveys import wilson
from outreach_desk.store import DB, batch

MET = "met"
UNMET = "unmet"
NO_DATA = "no_data"
NOT_APPLICABLE = "not_applicable"
IN_PROGRESS = "in_progress"

# unit type -> (FROM clause, village id column, township id column)
UNIT_SOURCES = {
    "village": ("village u", "u.id", "u.township_id"),
    "site": ("site u JOIN village v ON v.id = u.village_id", "u.village_id", "v.township_id"),
    "member_unit": ("member_unit u", "NULL", "u.township_id"),
}
# unit type -> the activity column naming the unit (also a column of its tally)
UNIT_COLUMNS = {"village": "village_id", "site": "site_id", "member_unit": "member_unit_id"}


@dataclass(frozen=True)
class Scope:
    """Which part of the organisation to compute: everything, one township, or one village."""

    township_id: int | None = None
    village_id: int | None = None


@dataclass
class Assessment:
    """One unit judged against one rule over one window."""

    rule_key: str
    window: Window
    unit_type: str
    unit_id: int
    unit_name: str
    village_id: int | None
    township_id: int
    measure: float | None
    quota: int
    attributes: dict[str, float] = field(default_factory=dict)
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        # judged once: the roll-up, the gap list and the document each ask every assessment again
        self._status = self._judge_status()
        self._fulfilment = self._judge_fulfilment()

    def _judge_status(self) -> str:
        if self.quota <= 0:
            return NOT_APPLICABLE
        if self.measure is not None and self.measure >= self.quota:
            return MET
        if self.window.running:
            return IN_PROGRESS
        return NO_DATA if self.measure is None else UNMET

    def _judge_fulfilment(self) -> float | None:
        if self.quota <= 0 or self._status == IN_PROGRESS:
            return None
        if self.measure is None:
            return 0.0
        return min(self.measure, self.quota) / self.quota

    @property
    def status(self) -> str:
        """Met as soon as the quota is reached; a month or phase still running is in progress until it ends."""
        return self._status

    @property
    def applicable(self) -> bool:
        return self.quota > 0

    @property
    def judged(self) -> bool:
        """Whether the assessment counts in averages: it asks something and its window is over (or met)."""
        return self.quota > 0 and self._status != IN_PROGRESS

    @property
    def met(self) -> bool:
        return self.status in (MET, NOT_APPLICABLE)

    @property
    def fulfilment(self) -> float | None:
        """min(measure, quota) / quota; None when not applicable or in progress, 0 with no data."""
        return self._fulfilment

    @property
    def missing(self) -> float | None:
        """How much is still needed to reach the quota (None with no data)."""
        if self.measure is None:
            return None
        return max(0, self.quota - self.measure)

    def as_dict(self) -> dict:
        """What was judged in the window, naming the window by its index in its rule's windows."""
        return {"window": self.window.index, "measure": self.measure, "quota": self.quota, "status": self._status,
                "fulfilment": self._fulfilment, "attributes": self.attributes, "details": self.details}


@dataclass
class UnitResult:
    """One unit against one rule over the whole period (all its windows)."""

    rule_key: str
    unit_type: str
    unit_id: int
    unit_name: str
    village_id: int | None
    township_id: int
    assessments: list[Assessment] = field(default_factory=list)

    @property
    def applicable(self) -> bool:
        return any(a.applicable for a in self.assessments)

    @property
    def status(self) -> str:
        if len(self.assessments) == 1:  # most rules judge a unit over one window
            return self.assessments[0].status
        judged = [a for a in self.assessments if a.judged]
        if not judged:
            return IN_PROGRESS if any(a.status == IN_PROGRESS for a in self.assessments) else NOT_APPLICABLE
        if all(a.status == MET for a in judged):
            return MET
        if all(a.status == NO_DATA for a in judged):
            return NO_DATA
        return UNMET

    @property
    def met(self) -> bool:
        return self.status in (MET, NOT_APPLICABLE)

    @property
    def fulfilment(self) -> float | None:
        if len(self.assessments) == 1:
            return self.assessments[0].fulfilment
        values = [a.fulfilment for a in self.assessments if a.judged]
        return sum(values) / len(values) if values else None

    def as_dict(self) -> dict:
        return {"rule": self.rule_key, "unit_type": self.unit_type, "unit_id": self.unit_id, "unit": self.unit_name,
                "village_id": self.village_id, "township_id": self.township_id, **self.figures()}

    def figures(self) -> dict:
        """The unit's result under its rule: what the JSON document's entry of the unit holds for the rule."""
        return {"status": self.status, "fulfilment": self.fulfilment,
                "windows": [a.as_dict() for a in self.assessments]}


@dataclass
class Cell:
    """One rule in one area (village or township)."""

    assessed: int = 0
    met: int = 0
    fulfilment_sum: float = 0.0
    not_applicable: int = 0
    in_progress: int = 0

    def add(self, status: str, fulfilment: float | None) -> None:
        """Count a unit by its status and fulfilment (judged once for its village and its township)."""
        if status == NOT_APPLICABLE:
            self.not_applicable += 1
            return
        if status == IN_PROGRESS:
            self.in_progress += 1
            return
        self.assessed += 1
        self.met += status == MET
        self.fulfilment_sum += fulfilment

    @property
    def share_met(self) -> float | None:
        return self.met / self.assessed if self.assessed else None

    @property
    def fulfilment(self) -> float | None:
        return self.fulfilment_sum / self.assessed if self.assessed else None

    def as_dict(self) -> dict:
        return {"assessed": self.assessed, "met": self.met, "not_applicable": self.not_applicable,
                "in_progress": self.in_progress,
                "share_met": self.share_met, "fulfilment_sum": self.fulfilment_sum, "fulfilment": self.fulfilment}


def mean_index(areas: Iterable[AreaResult]) -> float | None:
    """The mean compliance index of the villages given (those with none left out); None when none has one."""
    values = [a.index for a in areas if a.index is not None]
    return sum(values) / len(values) if values else None


@dataclass
class AreaResult:
    """A village or a township: its cells per rule key and its compliance index.

    A village's index is the mean fulfilment of the rules assessed there. A township's is the mean of its
    villages' indexes (``villages`` is set for townships), so it reads as the average of the figures beside
    it; its member-unit rules keep their own cells and are not part of it."""

    id: int
    name: str
    township_id: int
    cells: dict[str, Cell] = field(default_factory=dict)
    villages: list[AreaResult] | None = None

    @property
    def index(self) -> float | None:
        if self.villages is not None:
            return mean_index(self.villages)
        values = [c.fulfilment for c in self.cells.values() if c.assessed]
        return sum(values) / len(values) if values else None

    def cell(self, rule_key: str) -> Cell | None:
        return self.cells.get(rule_key)

    def as_dict(self, rule_keys: list[str]) -> dict:
        return {"id": self.id, "name": self.name, "township_id": self.township_id, "index": self.index,
                "index_basis": "villages" if self.villages is not None else "rules",
                "rules": {key: self.cells[key].as_dict() for key in rule_keys if key in self.cells}}


def county_area(townships: list[AreaResult], name: str) -> AreaResult:
    """The county over its townships (its report's 全县合计): each rule's cell pools the townships' units (their
    counts and fulfilments added), and the index is the mean of the townships' indexes, each township weighing
    the same as each village does in its township's, so it lies among the townships' figures."""
    cells: dict[str, Cell] = {}
    for township in townships:
        for key, cell in township.cells.items():
            total = cells.setdefault(key, Cell())
            total.assessed += cell.assessed
            total.met += cell.met
            total.fulfilment_sum += cell.fulfilment_sum
            total.not_applicable += cell.not_applicable
            total.in_progress += cell.in_progress
    return AreaResult(0, name, 0, cells, villages=list(townships))


@dataclass(frozen=True)
class Unplaced:
    """Records of a site rule's activity kinds in a village that count for no site of the rule: logged at the
    village itself or at a site of another kind (banners in a village with no block or factory registered)."""

    rule_key: str
    village_id: int
    township_id: int
    window: Window
    amount: int
    has_units: bool  # whether the village has any site the rule applies to

    def as_dict(self) -> dict:
        return {"rule": self.rule_key, "village_id": self.village_id, "window": self.window.index,
                "amount": self.amount, "has_units": self.has_units}


@dataclass
class CoverageResult:
    campaign: CampaignInfo
    period: Period
    scope: Scope
    rules: list[Rule]
    units: list[UnitResult]
    villages: list[AreaResult]
    townships: list[AreaResult]
    computed_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    unplaced: list[Unplaced] = field(default_factory=list)

    def rule(self, key: str) -> Rule:
        return next(r for r in self.rules if r.key == key)

    def village(self, village_id: int) -> AreaResult | None:
        return next((v for v in self.villages if v.id == village_id), None)

    def township(self, township_id: int) -> AreaResult | None:
        return next((t for t in self.townships if t.id == township_id), None)

    def units_of(self, rule_key: str | None = None, village_id: int | None = None,
                 township_id: int | None = None) -> list[UnitResult]:
        """The units behind a matrix cell (a rule in a village, or in a township)."""
        return [u for u in self.units
                if (rule_key is None or u.rule_key == rule_key)
                and (village_id is None or u.village_id == village_id)
                and (township_id is None or u.township_id == township_id)]

    def as_dict(self) -> dict:
        """The JSON document (README, "The coverage JSON"): each rule with its windows, each unit once with
        its result under every rule judging it; a window is named by its index in its rule's list.
        ``format_version`` 2 names this shape (the unversioned first one had an entry per unit and rule)."""
        keys = [r.key for r in self.rules]
        return {
            "format_version": DOCUMENT_VERSION,
            "campaign": {"id": self.campaign.id, "name": self.campaign.name, "theme": self.campaign.theme,
                         "start": self.campaign.start.isoformat(), "end": self.campaign.end.isoformat()},
            "period": self.period.as_dict(),
            "rules": [{"key": r.key, "name": r.name, **{k: v for k, v in r.as_dict().items() if k != "key"},
                       "windows": [w.as_dict() for w in windows(r.period, self.campaign, self.period)]}
                      for r in self.rules],
            "townships": [t.as_dict(keys) for t in self.townships],
            "villages": [v.as_dict(keys) for v in self.villages],
            "units": _unit_entries(self.units),
            "unplaced": [u.as_dict() for u in self.unplaced],
        }


#: The coverage JSON's shape: 2 since units came once each and windows once per rule.
DOCUMENT_VERSION = 2


def _unit_entries(units: list[UnitResult]) -> list[dict]:
    """One entry per unit, in the order units first appear, with its figures under each rule by key."""
    entries: dict[tuple[str, int], dict] = {}
    for unit in units:
        entry = entries.get((unit.unit_type, unit.unit_id))
        if entry is None:
            entry = entries[unit.unit_type, unit.unit_id] = {
                "unit_type": unit.unit_type, "unit_id": unit.unit_id, "unit": unit.unit_name,
                "village_id": unit.village_id, "township_id": unit.township_id, "rules": {}}
        entry["rules"][unit.rule_key] = unit.figures()
    return list(entries.values())


def compute(period: Period, *, campaign: CampaignInfo | None = None, scope: Scope = Scope(),
            rule_keys: Iterable[str] | None = None) -> CoverageResult:
    """Coverage of every enabled rule (or the given keys) of ``campaign`` (default: current) in ``period``."""
    return compute_many([period], campaign=campaign, scope=scope, rule_keys=rule_keys)[0]


def compute_many(chosen_periods: Sequence[Period], *, campaign: CampaignInfo | None = None, scope: Scope = Scope(),
                 rule_keys: Iterable[str] | None = None,
                 unplaced: bool | Sequence[bool] = True) -> list[CoverageResult]:
    """The coverage of each of ``chosen_periods``, in their order, as :func:`compute` gives it one by one,
    from one statement per rule over the windows of all of them (see :class:`Windows`). Without ``unplaced``
    the records no site counts are left out (the gap list names them; a ranking by the index needs none);
    a list of flags, one per period, leaves them out of the periods flagged False only (a ranking's
    previous period, whose gap list nobody reads).
    The rules' statements are independent reads, sent to a server together (``store.batch``), then judged."""
    campaign = campaign or campaigns_service.require_current(scope.township_id, village_id=scope.village_id)
    chosen = set(rule_keys) if rule_keys is not None else None
    rules = [r for r in rules_service.list_rules(campaign.id, enabled_only=True) if chosen is None or r.key in chosen]
    units: list[list[UnitResult]] = [[] for _ in chosen_periods]
    outside: list[list[Unplaced]] = [[] for _ in chosen_periods]
    from outreach_desk.services.coverage import case_measures  # it builds this module's results

    flags = [unplaced] * len(chosen_periods) if isinstance(unplaced, bool) else list(unplaced)
    placed = [position for position, wanted in enumerate(flags) if wanted]   # the periods with unplaced records
    kinds = _kind_ids_by_code() if rules else {}
    pending: list[Pending] = []
    for rule in rules:
        rule_windows = Windows.of(rule, campaign, chosen_periods)
        kind_ids = [kinds[code] for code in rule.kinds if code in kinds] or [-1]
        if case_measures.is_case_measure(rule.measure):
            pending.append(case_measures.judge(rule, rule_windows, scope).into(units))
        else:
            pending.append(_judge(rule, rule_windows, scope, kind_ids).into(units))
        if len(placed) == len(chosen_periods):
            pending.append(_unplaced(rule, rule_windows, scope, kind_ids).into(outside))
        elif placed:
            some = Windows.of(rule, campaign, [chosen_periods[p] for p in placed])
            pending.append(_unplaced(rule, some, scope, kind_ids).into([outside[p] for p in placed]))
    statements = [part.statement for part in pending if part.statement is not None]
    answers = batch.rows_of_each(statements + _area_statements(scope))
    area_rows = _area_rows_of(scope, answers[len(statements):])
    rows_of = iter(answers)
    for part in pending:
        rows = next(rows_of) if part.statement is not None else []
        findings = part.finish(rows, area_rows[0]) if part.with_villages else part.finish(rows)
        for position, found in enumerate(findings):
            part.results[position].extend(found)
    results = []
    for position, period in enumerate(chosen_periods):
        villages, townships = _areas(scope, area_rows)
        _roll_up(units[position], villages, townships)
        results.append(CoverageResult(campaign, period, scope, rules, units[position], villages, townships,
                                      unplaced=outside[position]))
    return results


@dataclass(frozen=True)
class Pending:
    """A rule's statement (None: nothing to ask), what turns its rows into the rule's findings per period, and
    the lists per period they are added to. ``with_villages``: ``finish`` also takes the rows (id, name, township
    id) of the villages in scope, read in the same batch."""

    statement: tuple[str, list] | None
    finish: Callable[..., list[list]]
    results: list[list] = field(default_factory=list)
    with_villages: bool = False

    def into(self, results: list[list]) -> Pending:
        return Pending(self.statement, self.finish, results, self.with_villages)


@dataclass
class Windows:
    """The windows one rule is judged over in several periods: each distinct stretch of days once in the SQL
    (``shared``, indexed by position), and for each the periods' own windows it stands for."""

    periods: int
    shared: list[Window] = field(default_factory=list)
    uses: list[list[tuple[int, Window]]] = field(default_factory=list)  # shared index -> (period, its window)
    disordered: set[int] = field(default_factory=set)  # periods whose windows are not in shared order

    @classmethod
    def of(cls, rule: Rule, campaign: CampaignInfo, chosen_periods: Sequence[Period]) -> Windows:
        found = cls(len(chosen_periods))
        index_of: dict[tuple[dt.date, dt.date], int] = {}
        for position, period in enumerate(chosen_periods):
            last = -1
            for window in windows(rule.period, campaign, period):
                key = (window.start, window.end)
                if key not in index_of:
                    index_of[key] = len(found.shared)
                    found.shared.append(Window(len(found.shared), window.kind, window.start, window.end, window.label))
                    found.uses.append([])
                shared = index_of[key]
                found.uses[shared].append((position, window))
                if shared < last:
                    found.disordered.add(position)
                last = shared
        return found


def _roll_up(units: list[UnitResult], villages: list[AreaResult], townships: list[AreaResult]) -> None:
    """Count every unit in the cells of its village and of its township."""
    by_village = {v.id: v for v in villages}
    by_township = {t.id: t for t in townships}
    for unit in units:
        status, fulfilment = unit.status, unit.fulfilment
        village = by_village.get(unit.village_id)
        if village is not None:
            village.cells.setdefault(unit.rule_key, Cell()).add(status, fulfilment)
        township = by_township.get(unit.township_id)
        if township is not None:
            township.cells.setdefault(unit.rule_key, Cell()).add(status, fulfilment)


def _area_statements(scope: Scope) -> list[tuple[str, list]]:
    """The villages in scope (id, name, township id) and, unless the scope is a village, its townships (id, name)."""
    p = param()
    village_sql = "SELECT id, name, township_id FROM village"
    args: list = []
    if scope.village_id is not None:
        village_sql += f" WHERE id = {p}"
        args.append(scope.village_id)
    elif scope.township_id is not None:
        village_sql += f" WHERE township_id = {p}"
        args.append(scope.township_id)
    statements = [(village_sql + " ORDER BY township_id, id", args)]
    if scope.village_id is not None:
        return statements
    township_sql = "SELECT id, name FROM township"
    args = []
    if scope.township_id is not None:
        township_sql += f" WHERE id = {p}"
        args.append(scope.township_id)
    return statements + [(township_sql + " ORDER BY id", args)]


def _area_rows_of(scope: Scope, answers: list[list[tuple]]) -> tuple[list[tuple], list[tuple] | None]:
    return answers[0], (None if scope.village_id is not None else answers[1])


def _areas(scope: Scope, rows: tuple[list[tuple], list[tuple] | None]) -> tuple[list[AreaResult], list[AreaResult]]:
    """Empty village and township results, to be counted into, from :func:`_area_rows_of`."""
    village_rows, township_rows = rows
    villages = [AreaResult(i, n, t) for i, n, t in village_rows]
    if township_rows is None:
        return villages, []
    return villages, [AreaResult(i, n, i, villages=[v for v in villages if v.township_id == i])
                      for i, n in township_rows]


def _windows_cte(rule_windows: list[Window]) -> tuple[str, list]:
    d = date_param()
    selects = " UNION ALL ".join(f"SELECT {w.index}, {d}, {d}" for w in rule_windows)
    args: list = []
    for w in rule_windows:
        args += [w.start.isoformat(), w.end.isoformat()]
    return f"w (idx, start_date, end_date) AS ({selects})", args


def _in_scope(village_column: str, scope: Scope) -> tuple[list[str], list]:
    """A condition keeping ``village_column`` inside the scope (none for the whole database)."""
    p = param()
    if scope.village_id is not None:
        return [f"{village_column} = {p}"], [scope.village_id]
    if scope.township_id is not None:
        return [f"{village_column} IN (SELECT id FROM village WHERE township_id = {p})"], [scope.township_id]
    return [], []


def _where(conditions: list[str]) -> str:
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


def _measure_cte(rule: Rule, rule_windows: list[Window], scope: Scope,
                 kind_ids: list[int]) -> tuple[str, list, list[str]]:
    """The GROUP BY over the records that count for ``rule`` (of ``kind_ids``, the ids of its kinds):
    (SQL, parameters, extra columns). Activity measures come from ``tally.sums`` (monthly tallies plus a
    few days of records)."""
    p = param()
    if rule.measure == "letters_signed":
        where, args = _in_scope("ls.village_id", scope)
        sites = f"SELECT ls.id FROM site ls{_where(where)}"
        sql = ("SELECT l.site_id AS unit_id, w.idx AS idx, SUM(l.signed) AS measure, SUM(l.issued) AS issued, "
               "SUM(l.students) AS letter_students "
               "FROM parent_letter l JOIN w ON l.date >= w.start_date AND l.date <= w.end_date "
               + (f"WHERE l.site_id IN ({sites}) " if where else "")
               + "GROUP BY l.site_id, w.idx")
        return sql, args, ["issued", "letter_students"]
    if rule.measure == "awareness":
        where, args = _in_scope("s.village_id", scope)
        sql = ("SELECT s.village_id AS unit_id, w.idx AS idx, SUM(s.respondents) AS respondents, "
               "SUM(s.aware) AS aware "
               f"FROM survey s JOIN w ON s.date >= w.start_date AND s.date <= w.end_date{_where(where)} "
               "GROUP BY s.village_id, w.idx")
        return sql, args, ["respondents", "aware"]
    if rule.applies_to == "member_unit":
        # A member unit's records count for it wherever they took place; scope by the unit's township.
        scoped, scope_args = [], []
        if scope.township_id is not None:
            scoped, scope_args = ["{t}.member_unit_id IN "
                                  f"(SELECT id FROM member_unit WHERE township_id = {p})"], [scope.township_id]
    else:
        scoped, scope_args = _in_scope("{t}.village_id", scope)
    column = UNIT_COLUMNS[rule.applies_to]
    sums_sql, sums_args = tally.sums(rule.applies_to, [(w.index, w.start, w.end) for w in rule_windows], [column],
                                     [rule.measure], kind_ids=kind_ids, conditions=scoped, args=scope_args)
    return f"SELECT s.{column} AS unit_id, s.idx AS idx, s.{rule.measure} AS measure FROM {sums_sql} s", sums_args, []


def _kind_ids_by_code() -> dict[str, int]:
    """Every activity kind's id by its code, read once per computation rather than once per rule (on a server
    each statement is a round trip)."""
    return dict(DB.execute_sql("SELECT code, id FROM activity_kind"))


def _unit_filter(rule: Rule, scope: Scope) -> tuple[list[str], list]:
    p = param()
    _, village_col, township_col = UNIT_SOURCES[rule.applies_to]
    where, args = [], []
    if rule.applies_to == "site":
        where.append(f"u.kind IN ({', '.join([p] * len(rule.site_kinds))})")
        args += rule.site_kinds
    if scope.village_id is not None:
        where.append(f"{village_col} = {p}")
        args.append(scope.village_id)
    elif scope.township_id is not None:
        where.append(f"{township_col} = {p}")
        args.append(scope.township_id)
    return where, args


def _judge(rule: Rule, judged: Windows, scope: Scope, kind_ids: list[int]) -> Pending:
    """One statement: units x windows LEFT JOIN the rule's measure, with the quota computed in SQL; the units
    of each period (every unit once per period with windows, its assessments in the period's window order)."""
    results: list[list[UnitResult]] = [[] for _ in range(judged.periods)]
    rule_windows = judged.shared
    if not rule_windows or (rule.applies_to == "member_unit" and scope.village_id is not None):
        return Pending(None, lambda _rows: results)
    node = rule.expression
    value_columns = node.columns("u")
    attributes = sorted(value_columns)
    windows_sql, windows_args = _windows_cte(rule_windows)
    measure_sql, measure_args, extras = _measure_cte(rule, rule_windows, scope, kind_ids)
    source, village_col, township_col = UNIT_SOURCES[rule.applies_to]
    where, where_args = _unit_filter(rule, scope)
    if rule.measure == "awareness":
        measure_column = "CASE WHEN m.respondents > 0 THEN 100.0 * m.aware / m.respondents END"
    else:
        measure_column = "COALESCE(m.measure, 0)"
    columns = [value_columns[a] for a in attributes] + [f"COALESCE(m.{e}, 0)" for e in extras]
    sql = (f"WITH {windows_sql}, m AS ({measure_sql}) "
           f"SELECT u.id, u.name, {village_col}, {township_col}, w.idx, {node.sql('u')}, {measure_column}"
           + "".join(f", {c}" for c in columns)
           + f" FROM {source} CROSS JOIN w LEFT JOIN m ON m.unit_id = u.id AND m.idx = w.idx"
           + _where(where)
           + f" ORDER BY {', '.join(c for c in (township_col, village_col) if c != 'NULL')}, u.id, w.idx")
    return Pending((sql, windows_args + measure_args + where_args),
                   lambda rows: _judged(rule, judged, rows, attributes, extras, results))


def _judged(rule: Rule, judged: Windows, rows: list[tuple], attributes: list[str], extras: list[str],
            results: list[list[UnitResult]]) -> list[list[UnitResult]]:
    """The units of each period from the rows of :func:`_judge`'s statement, added to ``results``."""
    quotas: dict = {}  # raw quota -> whole quota; most rules have a handful of distinct quotas
    current: list[UnitResult | None] = [None] * judged.periods
    for row in rows:
        unit_id, name, village_id, township_id, index, raw_quota, measure = row[:7]
        if measure is not None and not isinstance(measure, int):
            measure = float(measure)  # PostgreSQL returns NUMERIC as Decimal
        quota = quotas.get(raw_quota)
        if quota is None:
            quota = quotas[raw_quota] = expression.quota_of(raw_quota)
        values = dict(zip(attributes, row[7:7 + len(attributes)])) if attributes else {}
        details = _details(rule, dict(zip(extras, row[7 + len(attributes):])), measure) if extras else {}
        uses = judged.uses[index]
        for position, window in uses:
            unit = current[position]
            if unit is None or unit.unit_id != unit_id:
                unit = current[position] = UnitResult(rule.key, rule.applies_to, unit_id, name, village_id,
                                                      township_id)
                results[position].append(unit)
            shared = len(uses) > 1
            unit.assessments.append(Assessment(rule.key, window, rule.applies_to, unit_id, name, village_id,
                                               township_id, measure, quota, dict(values) if shared else values,
                                               dict(details) if shared else details))
    for position in judged.disordered:
        for unit in results[position]:
            unit.assessments.sort(key=lambda a: a.window.index)
    return results


def _unplaced(rule: Rule, judged: Windows, scope: Scope, kind_ids: list[int]) -> Pending:
    """Per period, village and window, how much of a site rule's measure was logged outside the rule's sites:
    the village's sum of the rule's kinds minus the sum at its sites of the rule's kinds (two tally reads)."""
    results: list[list[Unplaced]] = [[] for _ in range(judged.periods)]
    rule_windows = judged.shared
    if rule.applies_to != "site" or not rule.counts_activities or not rule_windows:
        return Pending(None, lambda _rows: results)
    p = param()
    site_kinds = ", ".join([p] * len(rule.site_kinds))
    spans = [(w.index, w.start, w.end) for w in rule_windows]
    scoped, scope_args = _in_scope("{t}.village_id", scope)
    total_sql, total_args = tally.sums("village", spans, ["village_id"], [rule.measure], kind_ids=kind_ids,
                                       conditions=scoped, args=scope_args)
    counted_sql, counted_args = tally.sums(
        "site", spans, ["village_id"], [rule.measure], kind_ids=kind_ids,
        conditions=[*scoped, f"{{t}}.site_id IN (SELECT id FROM site WHERE kind IN ({site_kinds}))"],
        args=[*scope_args, *rule.site_kinds])
    m = rule.measure
    sql = (f"SELECT t.village_id, v.township_id, t.idx, t.{m} - COALESCE(c.{m}, 0), "
           f"CASE WHEN EXISTS (SELECT 1 FROM site s WHERE s.village_id = t.village_id AND s.kind IN ({site_kinds})) "
           f"THEN 1 ELSE 0 END FROM {total_sql} t JOIN village v ON v.id = t.village_id "
           f"LEFT JOIN {counted_sql} c ON c.village_id = t.village_id AND c.idx = t.idx "
           f"WHERE t.{m} > COALESCE(c.{m}, 0) ORDER BY v.township_id, t.village_id, t.idx")
    return Pending((sql, [*rule.site_kinds, *total_args, *counted_args]),
                   lambda rows: _unplaced_of(rule, judged, rows, results))


def _unplaced_of(rule: Rule, judged: Windows, rows: list[tuple],
                 results: list[list[Unplaced]]) -> list[list[Unplaced]]:
    for village_id, township_id, index, amount, has_units in rows:
        for position, window in judged.uses[index]:
            results[position].append(Unplaced(rule.key, village_id, township_id, window, int(amount),
                                              bool(has_units)))
    for position in judged.disordered:
        results[position].sort(key=lambda u: (u.township_id, u.village_id, u.window.index))
    return results


def _details(rule: Rule, extra: dict, measure) -> dict:
    if rule.measure == "awareness":
        interval = wilson(extra["aware"], extra["respondents"])
        return {"respondents": extra["respondents"], "aware": extra["aware"],
                "rate": None if measure is None else measure / 100,
                "low": interval.low if interval else None, "high": interval.high if interval else None}
    if rule.measure == "letters_signed":
        return {"issued": extra["issued"], "signed": measure, "letter_students": extra["letter_students"]}
    return {}
