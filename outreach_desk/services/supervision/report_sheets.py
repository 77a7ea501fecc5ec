"""The monthly report's supervision sheets: 排名 (ranking), 督导整改 (rectification orders), 表扬与批评 (commendations
and criticisms), 案件情况 (fraud cases).

Written on the report's own printed form (``report_form.SheetForm``: title, 填报单位, frozen headers,
A4 landscape) from the coverage result the report already computed (the ranking adds only the
previous month's computation), so the figures are those of the other sheets and of the window.
"""

from __future__ import annotations

import datetime as dt

from outreach_desk.i18n import translate
from outreach_desk.services.coverage.engine import CoverageResult
from outreach_desk.services.excel.report_form import (DATE, INTEGER, PERCENT, Signatures, SheetForm, fitted,
                                                      one_line)
from outreach_desk.services.supervision import cases, inspections, rankings, rectification

SHEETS = ("排名", "督导整改", "表扬与批评", "案件情况")


def _tr(text: str) -> str:
    return translate("SupervisionSheets", text)


def _form(workbook, name: str, label: str, result: CoverageResult, signatures: Signatures, columns) -> SheetForm:
    title = translate("ExcelReport", "{office} anti-fraud outreach monthly report: {sheet} ({period})").format(
        office=signatures.unit, sheet=label, period=result.period.label)
    return SheetForm(workbook, name, title, columns, signatures)


def write(workbook, result: CoverageResult, signatures: Signatures, township_id: int | None = None,
          mark_count: int | None = None, today: dt.date | None = None) -> None:
    """Append the four sheets to the report's (write-only) workbook (N: the office's, unless given)."""
    mark_count = rankings.office_mark_count() if mark_count is None else mark_count
    ranking = rankings.rank(result.period, campaign=result.campaign, scope=result.scope, mark_count=mark_count,
                            results=[result])
    _ranking(workbook, result, signatures, ranking)
    _orders(workbook, result, signatures, township_id, today or signatures.date)
    _decisions(workbook, result, signatures, township_id, ranking)
    _cases(workbook, result, signatures)


def _ranking(workbook, result, signatures, ranking) -> None:
    names = [r.name for r in ranking.rows]
    columns = [fitted(_tr("Rank"), minimum=6), fitted(_tr("Village / community"), names),
               fitted(_tr("Compliance index"), minimum=10), fitted(_tr("Previous rank"), minimum=8),
               fitted(_tr("Change"), minimum=7),
               one_line(_tr("Mark or reason"), [ranking.note(r) for r in ranking.rows], minimum=16, maximum=40)]
    form = _form(workbook, "排名", _tr("Ranking"), result, signatures, columns)
    for row in ranking.rows:
        form.add([row.rank, row.name, row.value if row.has_data else "—",
                  "" if row.previous_rank is None else row.previous_rank, row.change_text, ranking.note(row)],
                 {2: PERCENT}, warn=(0, 1, 2) if row.bottom else ())
    previous = ranking.previous
    notes = [_tr("Change against {period} ({start} to {end}).").format(
        period=previous.label, start=previous.start.isoformat(), end=previous.end.isoformat())] if previous else []
    if ranking.streaks:
        notes.append(ranking.streaks_explained())
    form.finish(notes[0] if len(notes) == 1 else _tr("{first} {second}").format(first=notes[0], second=notes[1])
                if notes else "")


def _orders(workbook, result, signatures, township_id, today: dt.date) -> None:
    orders = rectification.list_orders(rectification.OrderFilter(township_id=township_id, today=today))
    # an overdue row is bold: LibreOffice prints its dates as ### below 14 units
    columns = [fitted(_tr("Responsible"), [o.unit_name for o in orders], maximum=24),
               fitted(_tr("Village / community"), [o.village_name for o in orders], maximum=16),
               fitted(_tr("What must be done"), minimum=30, maximum=60), fitted(_tr("Issued"), minimum=14),
               fitted(_tr("Deadline"), minimum=14), fitted(_tr("Status"), minimum=8),
               fitted(_tr("Re-inspection"), minimum=20, maximum=40)]
    form = _form(workbook, "督导整改", _tr("Rectification orders"), result, signatures, columns)
    for order in orders:
        state = order.state(today)
        recheck = "" if order.recheck_date is None else f"{order.recheck_date.isoformat()} {order.recheck_result}"
        if order.recheck_photos:
            recheck += _tr(" ({count} photos)").format(count=len(order.recheck_photos))
        form.add([order.unit_name, order.village_name, order.task, order.issued, order.deadline,
                  rectification.status_label(state), recheck], {3: DATE, 4: DATE},
                 warn=tuple(range(7)) if state == rectification.OVERDUE else ())
    if not orders:
        form.add_spanning(_tr("No rectification order has been issued."))
    summary = rectification.due_summary(township_id, today)
    form.finish(_tr("As of {date}: {overdue} overdue, {week} due within 7 days, {done} put right.").format(
        date=today.isoformat(), overdue=len(summary.overdue), week=len(summary.due_this_week),
        done=summary.done_count))


def _decisions(workbook, result, signatures, township_id, ranking: rankings.Ranking) -> None:
    """The decisions on this period (as the bulletin lists them), then the campaign's earlier ones. A month without
    a decision says so in a sentence and, for one township, lists the ranking's proposals marked as proposals (the
    drafts the Supervision page would record, as the bulletin proposes them), so the printed page is never blank."""
    start, end = result.period.start, result.period.end
    townships = [township_id] if township_id is not None else [t.id for t in result.townships]
    now, earlier = [], []
    for township in townships:
        found = inspections.decisions_for(township, start, end, since=result.campaign.start)
        now, earlier = now + found[0], earlier + found[1]
    proposals = [] if now or len(townships) != 1 else _proposals(ranking, townships[0], signatures.date)
    listed = now + earlier
    columns = [fitted(_tr("Decided"), minimum=12), fitted(_tr("Commended / criticised"), minimum=10),
               fitted(_tr("Who"), [d.name for d in listed] + [p[1] for p in proposals], maximum=24),
               fitted(_tr("Period"), [d.period_label for d in listed], minimum=12, maximum=24),
               fitted(_tr("Reason"), [d.reason for d in listed] + [p[2] for p in proposals], minimum=40, maximum=70)]
    form = _form(workbook, "表扬与批评", _tr("Commendations and criticisms"), result, signatures, columns)
    form.add_spanning(_tr("Decisions on this period"), total=True)
    for d in now:
        form.add([d.decided, inspections.kind_label(d.kind), d.name, d.period_label, d.reason], {0: DATE},
                 warn=(1,) if d.kind == inspections.CRITICISE else ())
    if not now:
        form.add_spanning(_tr("No commendation or criticism was decided for {period}.").format(
            period=result.period.label))
    if proposals:
        form.add_spanning(_tr("Proposed from the ranking, not decided yet (for the leaders to consider)"), total=True)
        for kind, name, reason in proposals:
            label = _tr("Commend (proposed)") if kind == inspections.COMMEND else _tr("Criticise (proposed)")
            form.add(["", label, name, result.period.label, reason], warn=(1,) if kind == inspections.CRITICISE else ())
    if earlier:
        form.add_spanning(_tr("Earlier decisions in this campaign"), total=True)
        for d in earlier:
            form.add([d.decided, inspections.kind_label(d.kind), d.name, d.period_label, d.reason], {0: DATE},
                     warn=(1,) if d.kind == inspections.CRITICISE else ())
    note = _tr("Decisions recorded on the Supervision page (Commendations and criticisms tab); drafts come from "
               "the ranking.")
    if proposals:
        note = _tr("{first} {second}").format(first=note, second=_tr(
            "The proposals commend the ranking's top {n} and criticise its bottom {n} (villages and communities, "
            "then member units); once decisions are recorded, the report lists those instead.").format(
            n=ranking.mark_count))
    form.finish(note)


def _proposals(ranking: rankings.Ranking, township_id: int, day: dt.date) -> list[tuple[str, str, str]]:
    """(kind, name, reason) of the drafts the ranking makes, villages then member units (from the same results)."""
    units = rankings.rank(ranking.period, campaign=ranking.result.campaign, scope=ranking.result.scope,
                          unit_type=rankings.MEMBER_UNITS, mark_count=ranking.mark_count,
                          results=[r for r in (ranking.result, ranking.previous_result) if r is not None])
    found = []
    for ranked in (ranking, units):
        rows = ranked.top + ranked.bottom    # the drafts' order
        for row, draft in zip(rows, inspections.drafts_from_ranking(ranked, township_id, day)):
            found.append((draft.kind, row.name, draft.reason))
    return found


def _cases(workbook, result, signatures) -> None:
    year, month = result.period.start.year, result.period.start.month
    rows = [row for township in result.townships for row in cases.compare(township.id, year, month)]
    changes = [[r.cases_yoy.text(), r.cases_mom.text(), r.losses_yoy.text(money=True), r.losses_mom.text(money=True)]
               for r in rows]
    columns = [fitted(_tr("Village / community"), [r.name for r in rows]), fitted(_tr("Cases"), minimum=8),
               fitted(_tr("Losses (yuan)"), minimum=14), fitted(_tr("Stopped"), minimum=8),
               fitted(_tr("Frozen"), minimum=8)] + [  # 由 0 增至 5,182 on one line
        one_line(header, [texts[i] for texts in changes], minimum=14, maximum=24) for i, header in enumerate(
            (_tr("Cases YoY"), _tr("Cases MoM"), _tr("Losses YoY"), _tr("Losses MoM")))]
    form = _form(workbook, "案件情况", _tr("Fraud cases"), result, signatures, columns)
    for row, texts in zip(rows, changes):
        now = row.now
        figures = [_tr("not reported"), "", "", ""] if now is None else [
            now.cases, float(now.losses_yuan), now.dissuaded, now.frozen]
        form.add([row.name, *figures, *texts], {1: INTEGER, 2: "#,##0.00", 3: INTEGER, 4: INTEGER},
                 total=row.is_township)
    form.finish(_tr("YoY: against the same month last year; MoM: against the month before. An empty row was not "
                    "reported by the police station."))
