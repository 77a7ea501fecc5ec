"""The villages' compliance indexes over several periods, folded straight from the coverage engine's rows.

A ranking of several months by the index (the dashboard's bottom streaks, a county's townships) needs one
figure per village and month, not every unit's assessments: this sends the engine's own statements (one per
village or site rule over every month's windows, see :func:`engine.compute_many`) and folds each row into
its village's cell as it comes, in the engine's order, so each index equals ``AreaResult.index`` of a full
computation of that period, to the last bit, without building an object per unit and window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from outreach_desk.services.coverage import campaigns as campaigns_service
from outreach_desk.services.coverage import case_measures, engine, expression
from outreach_desk.services.coverage import rules as rules_service
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.coverage.periods import Period
from outreach_desk.store import batch


@dataclass
class VillageIndexes:
    """One period's compliance index of every village in scope (None: no target assessed there)."""

    period: Period
    villages: list[tuple[int, str, int]]    # (id, name, township id), in the engine's order
    index: dict[int, float | None]


class _Cells:
    """Per village, the (fulfilment sum, units assessed) of each rule, in the order the rules come."""

    def __init__(self) -> None:
        self.by_village: dict[int, list[list[float]]] = {}

    def add(self, village_id: int | None, rule_number: int, fulfilment: float) -> None:
        cells = self.by_village.setdefault(village_id, [])
        if not cells or cells[-1][0] != rule_number:
            cells.append([rule_number, 0.0, 0])
        cell = cells[-1]
        cell[1] += fulfilment
        cell[2] += 1

    def index(self, village_id: int) -> float | None:
        values = [total / count for _rule, total, count in self.by_village.get(village_id, ())]
        return sum(values) / len(values) if values else None


def village_indexes(chosen_periods: Sequence[Period], *, campaign: CampaignInfo | None = None,
                    scope: engine.Scope = engine.Scope(),
                    rule_keys: Iterable[str] | None = None) -> list[VillageIndexes]:
    """Each village's compliance index in each of ``chosen_periods`` (the village and site targets, or the keys
    given), as ``engine.compute_many(...).villages`` would give it, from the same statements."""
    campaign = campaign or campaigns_service.require_current(scope.township_id, village_id=scope.village_id)
    chosen = set(rule_keys) if rule_keys is not None else None
    rules = [r for r in rules_service.list_rules(campaign.id, enabled_only=True)
             if r.applies_to != "member_unit" and (chosen is None or r.key in chosen)]
    kinds = engine._kind_ids_by_code() if rules else {}
    cells = [_Cells() for _ in chosen_periods]
    folds = []   # in rule order: (number, windows, the rule's Pending, whether its rows are folded here)
    for number, rule in enumerate(rules):
        rule_windows = engine.Windows.of(rule, campaign, chosen_periods)
        if case_measures.is_case_measure(rule.measure):   # judged in Python: its units are counted
            folds.append((number, rule_windows, case_measures.index_pending(rule, rule_windows, scope), False))
        else:
            kind_ids = [kinds[c] for c in rule.kinds if c in kinds] or [-1]
            folds.append((number, rule_windows, engine._judge(rule, rule_windows, scope, kind_ids), True))
    statements = [pending.statement for _n, _w, pending, _rows in folds if pending.statement is not None]
    answers = batch.rows_of_each(statements + engine._area_statements(scope))
    villages = list(answers[len(statements)])
    rows_of = iter(answers)
    for number, rule_windows, pending, fold_rows in folds:
        rows = next(rows_of) if pending.statement is not None else []
        if fold_rows:
            _fold_rows(number, rule_windows, rows, cells)
        else:
            _fold_units(number, pending.finish(rows, villages) if pending.with_villages else pending.finish(rows),
                        cells)
    return [VillageIndexes(period, villages, {v[0]: found.index(v[0]) for v in villages})
            for period, found in zip(chosen_periods, cells)]


def _fold_units(number: int, units: list[list[tuple[int, float]]], cells: list[_Cells]) -> None:
    """Units judged in Python (the fraud-case measures: ``case_measures.index_pending``), as (village id,
    fulfilment) of the units ``engine._roll_up`` would count."""
    for position, found in enumerate(units):
        add = cells[position].add
        for village_id, fulfilment in found:
            add(village_id, number, fulfilment)


def _fold_rows(number: int, judged: engine.Windows, rows: list[tuple], cells: list[_Cells]) -> None:
    """The rows of a rule's statement (units x windows, in unit order): each unit's fulfilment in each period
    is the mean of its judged windows (in the period's window order), added to its village's cell."""
    quotas: dict = {}
    current: list[tuple | None] = [None] * judged.periods     # (unit id, village id, [(window index, fulfilment)])

    def close(position: int) -> None:
        _unit, village_id, values = current[position]
        if values:
            if position in judged.disordered:
                values.sort(key=lambda pair: pair[0])
            cells[position].add(village_id, number, sum(f for _i, f in values) / len(values))

    for row in rows:
        unit_id, _name, village_id, _township_id, shared, raw_quota, measure = row[:7]
        if measure is not None and not isinstance(measure, int):
            measure = float(measure)
        quota = quotas.get(raw_quota)
        if quota is None:
            quota = quotas[raw_quota] = expression.quota_of(raw_quota)
        for position, window in judged.uses[shared]:
            unit = current[position]
            if unit is None or unit[0] != unit_id:
                if unit is not None:
                    close(position)
                unit = current[position] = (unit_id, village_id, [])
            if quota <= 0:
                continue
            met = measure is not None and measure >= quota
            if not met and window.running:
                continue
            unit[2].append((window.index, 0.0 if measure is None else min(measure, quota) / quota))
    for position, unit in enumerate(current):
        if unit is not None:
            close(position)
