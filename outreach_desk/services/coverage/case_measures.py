"""Fraud-case targets (plan 6: 案件同比、环比下降) as rule measures, judged from the police figures.

A rule on every village or community with one of these measures is met in a window when the
village's reported cases fell:

- ``cases_fall``: against the previous stretch of as many months (a month against the month
  before, a five-month phase against the five months before it);
- ``cases_fall_yoy`` (同比): against the same months one year earlier;
- ``cases_fall_mom`` (环比): the window's last month against the month before it.

Police figures are monthly, so a window counts the calendar months whose last day lies in it
(a campaign to date ending on the 7th counts up to the month before). Cases kept at 0 in both
(零发案) count as met. When a month of either side has no figures entered ("not reported", never
0) the target reads 无对比数据 (no data: red and counted as 0, as a survey never made is) and the gap
list says which months to enter. A window with no whole month in it asks nothing (not applicable);
a month not over yet is in progress. The figures come from ``supervision.cases``.
"""

from __future__ import annotations

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import engine
from outreach_desk.services.coverage.periods import Window, month_bounds, month_label
from outreach_desk.services.coverage.rules import CASE_MEASURES, Rule
from outreach_desk.services.supervision import cases

MAX_MONTHS_LISTED = 4


def _tr(text: str) -> str:
    return translate("CaseTargets", text)


def is_case_measure(measure: str) -> bool:
    return measure in CASE_MEASURES


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def window_months(window: Window) -> list[tuple[int, int]]:
    """The calendar months whose last day lies in ``window``, oldest first."""
    result, year, month = [], window.start.year, window.start.month
    while True:
        first, last = month_bounds(year, month)
        if first > window.end:
            return result
        if window.start <= last <= window.end:
            result.append((year, month))
        year, month = _shift(year, month, 1)


def compared_months(measure: str, months: list[tuple[int, int]]) -> tuple[list, list]:
    """(months counted now, months of the base) for one of ``CASE_MEASURES``."""
    if not months:
        return [], []
    if measure == "cases_fall_mom":
        return months[-1:], [_shift(*months[-1], -1)]
    if measure == "cases_fall_yoy":
        return months, [(year - 1, month) for year, month in months]
    return months, [_shift(*months[0], -len(months) + i) for i in range(len(months))]


def judge(rule: Rule, judged: engine.Windows, scope: engine.Scope) -> engine.Pending:
    """Per period, every village in ``scope`` against ``rule`` over each of the period's windows: measure 1
    (fell), 0 (did not) or None (no comparison); one read of the figures for all periods, sent with the other
    rules' statements, judged with the villages in scope."""
    own = [sorted((w for uses in judged.uses for position, w in uses if position == period),
                  key=lambda w: w.index) for period in range(judged.periods)]
    plans = {(w.start, w.end): _Plan(*compared_months(rule.measure, window_months(w))) for ws in own for w in ws}
    needed = sorted({m for plan in plans.values() for m in plan.now + plan.base})
    statement = cases.village_cases_statement(needed, township_id=scope.township_id, village_id=scope.village_id)
    return engine.Pending(statement, lambda rows, villages: _judged(rule, own, plans, cases.village_cases_of(rows),
                                                                    villages), with_villages=True)


def _judged(rule: Rule, own: list[list[Window]], plans: dict, reported: dict,
            villages: list[tuple]) -> list[list[engine.UnitResult]]:
    results: list[list[engine.UnitResult]] = []
    for period_windows in own:
        found = []
        for village_id, name, township_id in villages:
            unit = engine.UnitResult(rule.key, "village", village_id, name, village_id, township_id)
            for window in period_windows:
                plan = plans[(window.start, window.end)]
                measure, details = _compare(reported, village_id, plan)
                if window.running:  # a month or phase not over yet (its month may lie beyond the period's end)
                    measure = None
                unit.assessments.append(engine.Assessment(rule.key, window, "village", village_id, name, village_id,
                                                          township_id, measure, 1 if plan.now or window.running
                                                          else 0, {}, details))
            found.append(unit)
        results.append(found)
    return results


def index_pending(rule: Rule, judged: engine.Windows, scope: engine.Scope) -> engine.Pending:
    """As :func:`judge`, for a compliance index alone (``indexes.village_indexes``): per period, (village id,
    fulfilment) of the villages the rule judges there (not those it asks nothing of, or whose windows are all
    still running), with the fulfilment :func:`judge`'s units would have, without building them or their
    details; each window's comparison made once for every period sharing it."""
    own = [sorted((w for uses in judged.uses for position, w in uses if position == period),
                  key=lambda w: w.index) for period in range(judged.periods)]
    plans = {(w.start, w.end): _Plan(*compared_months(rule.measure, window_months(w))) for ws in own for w in ws}
    needed = sorted({m for plan in plans.values() for m in plan.now + plan.base})
    statement = cases.village_cases_statement(needed, township_id=scope.township_id, village_id=scope.village_id)

    def finish(rows, villages) -> list[list[tuple[int, float]]]:
        reported = cases.village_cases_of(rows)
        fell: dict[tuple, float] = {}    # (window start, end, village id) -> 1.0 / 0.0 (0.0 also: no figures)
        results = []
        for period_windows in own:
            asked = [(w.start, w.end, plans[(w.start, w.end)]) for w in period_windows
                     if not w.running and plans[(w.start, w.end)].now]   # in progress / not applicable: not judged
            found = []
            if asked:
                for village_id, _name, _township_id in villages:
                    values = []
                    for start, end, plan in asked:
                        key = (start, end, village_id)
                        value = fell.get(key)
                        if value is None:
                            value = fell[key] = _fell(reported, village_id, plan)
                        values.append(value)
                    found.append((village_id, sum(values) / len(values)))
            results.append(found)
        return results

    return engine.Pending(statement, finish, with_villages=True)


def _fell(reported: dict, village_id: int, plan: _Plan) -> float:
    """A judged window's fulfilment: 1.0 when the cases fell (or stayed at 0), 0.0 when not or without figures."""
    now = base = 0
    for year, month in plan.now:
        figure = reported.get((year, month, village_id))
        if figure is None:
            return 0.0
        now += figure
    for year, month in plan.base:
        figure = reported.get((year, month, village_id))
        if figure is None:
            return 0.0
        base += figure
    return 1.0 if now < base or now == base == 0 else 0.0


class _Plan:
    """A window's months counted now and of its base, with their labels made once for every village."""

    def __init__(self, now: list[tuple[int, int]], base: list[tuple[int, int]]):
        self.now, self.base = now, base
        self.now_labels = [month_label(*m) for m in now]
        self.base_labels = [month_label(*m) for m in base]
        self.listed = list(zip(base + now, self.base_labels + self.now_labels))  # the order "missing" names them


def _compare(reported: dict, village_id: int, plan: _Plan) -> tuple[float | None, dict]:
    def total(months):
        figures = [reported.get((year, month, village_id)) for year, month in months]
        return None if None in figures else sum(figures)

    now, base = total(plan.now), total(plan.base)
    missing = [label for (y, m), label in plan.listed if (y, m, village_id) not in reported]
    details = {"now": now, "base": base, "missing": missing,
               "now_months": plan.now_labels, "base_months": plan.base_labels}  # one list per window, read only
    if now is None or base is None:
        return None, details
    return (1.0 if now < base or now == base == 0 else 0.0), details


# ---------------------------------------------------------------------------------------- texts
def no_data_text() -> str:
    """What a case target without figures on both sides reads, in cells and lists."""
    return _tr("no comparison figures")


def _months_text(labels: list[str]) -> str:
    shown = labels[:MAX_MONTHS_LISTED]
    text = shown[0]
    for label in shown[1:]:
        text = translate("Gaps", "{first}, {second}").format(first=text, second=label)
    if len(labels) > len(shown):
        text = _tr("{months} and {count} more months").format(months=text, count=len(labels) - len(shown))
    return text


def gap_text(rule: Rule, a: engine.Assessment) -> str:
    """The gap-list line of a case target not met ("电诈案件同比未下降：本期12起，去年同期10起")."""
    d = a.details
    if a.measure is None:
        values = {"unit": a.unit_name, "months": _months_text(d["missing"])}
        if rule.measure == "cases_fall_yoy":
            return _tr("{unit}: fraud cases cannot be compared with the same period last year: no figures entered "
                       "for {months}").format(**values)
        if rule.measure == "cases_fall_mom":
            return _tr("{unit}: fraud cases cannot be compared with the month before: no figures entered for "
                       "{months}").format(**values)
        return _tr("{unit}: fraud cases cannot be compared with the previous period: no figures entered for "
                   "{months}").format(**values)
    values = {"unit": a.unit_name, "now": d["now"], "base": d["base"]}
    if rule.measure == "cases_fall_yoy":
        return _tr("{unit}: fraud cases did not fall on the same period last year: {now} this period, {base} in "
                   "the same period last year").format(**values)
    if rule.measure == "cases_fall_mom":
        return _tr("{unit}: fraud cases did not fall on the month before: {now} this month, {base} last "
                   "month").format(**values)
    return _tr("{unit}: fraud cases did not fall on the previous period: {now} this period, {base} in the "
               "previous period ({months})").format(months=_span(d["base_months"]), **values)


def _span(labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return _tr("{first} to {last}").format(first=labels[0], last=labels[-1])


def figures_text(a: engine.Assessment) -> str:
    """"12 cases against 10" for a detail line or a tooltip; 无对比数据 without both figures."""
    if a.measure is None:
        return no_data_text()
    return _tr("{now} cases against {base}").format(now=a.details["now"], base=a.details["base"])


def required_text(rule: Rule) -> str:
    """What the target asks, for the "required" column of a detail list or the report."""
    if rule.measure == "cases_fall_yoy":
        return _tr("fewer than the same period last year")
    if rule.measure == "cases_fall_mom":
        return _tr("fewer than last month")
    return _tr("fewer than the previous period")
