"""The bulletin's 表扬与批评 part: the decisions recorded for the month, else proposals drawn from the ranking,
then the earlier decisions with where those named stand now.

A decision the clerk (or leader) recorded on the supervision page is what the bulletin announces.
When none is recorded for the month, the bulletin proposes commending the villages and member units
the ranking marks top and criticising those it marks bottom, each with the reason from its figures;
the preview says these lines are proposals (``Part.note``) so nobody signs them unread. Decisions of
the last ``EARLIER_MONTHS`` months follow, each with the unit's figure now against the figure that
prompted it (kept with the decision, or last month's when the decision judged last month), so a
village criticised before is seen again and whether it improved is said plainly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import gaps as gaps_service
from outreach_desk.services.coverage.periods import Period, month_label
from outreach_desk.services.supervision import inspections, rankings
from outreach_desk.services.supervision.rankings import MEMBER_UNITS, Ranking, shown_key, tenth_percent

#: gap sentences quoted per criticised village or unit
GAPS_PER_UNIT = 2
#: earlier decisions listed from this many months before the bulletin's month
EARLIER_MONTHS = 3


def _tr(text: str) -> str:
    return translate("Bulletin", text)


@dataclass
class Part:
    """The paragraphs of the part, what the preview says about them, and what was used (for tests)."""

    paragraphs: list[str]
    note: str = ""
    figures: dict = field(default_factory=dict)


def _date(day: dt.date) -> str:
    return _tr("{year}-{month}-{day}").format(year=day.year, month=day.month, day=day.day)


def part(month: Period, ranking: Ranking, township) -> Part:
    """The part for ``month`` of ``township``, from its village ranking (the member units ranked from the same
    coverage results: no computation more)."""
    units = rankings.rank(month, campaign=ranking.result.campaign, scope=ranking.result.scope,
                          unit_type=MEMBER_UNITS, mark_count=ranking.mark_count,
                          results=[r for r in (ranking.result, ranking.previous_result) if r is not None])
    start = month.start
    since = dt.date(start.year - (start.month <= EARLIER_MONTHS), (start.month - EARLIER_MONTHS - 1) % 12 + 1, 1)
    recorded, earlier = inspections.decisions_for(township.id, month.start, month.end, since=since)
    figures = {"recorded": [d.id for d in recorded], "proposed": [], "earlier": []}
    if recorded:
        paragraphs, note = _recorded(recorded), ""
    else:
        paragraphs = _proposals(ranking, township.name, figures) + _proposals(units, township.name, figures)
        if not figures["proposed"]:
            paragraphs = [_tr("The villages and communities stand too close together this month to single any "
                              "out.")]
        note = _tr("No commendation or criticism is recorded for {month}: those below are proposals drawn from "
                   "the ranking (its top and bottom {count}), with reasons from the figures. Check, edit or delete "
                   "them before saving; once decisions are recorded on the Supervision page, the bulletin lists "
                   "those instead.").format(
            month=month_label(month.start.year, month.start.month), count=ranking.mark_count)
    paragraphs += _earlier(earlier, ranking, units, figures)
    return Part(paragraphs, note, figures)


def _recorded(found: list[inspections.Decision]) -> list[str]:
    lines = []
    for decision in found:
        template = _tr("Recorded commendation of {name}: {reason}.") if decision.kind == inspections.COMMEND \
            else _tr("Recorded criticism of {name}: {reason}.")
        lines.append(template.format(name=decision.name, reason=decision.reason.rstrip("。．.；;")))
    return lines


def _unmet_gaps(ranking: Ranking) -> dict[int | None, list]:
    """The unmet gaps of the ranking's result, by the ranked row's id: member units' by unit, villages' by village
    (a village's own and its sites'), computed once for every criticised row."""
    by_row: dict[int | None, list] = {}
    for gap in gaps_service.gap_list(ranking.result):
        if gap.kind != gaps_service.UNMET_GAP:
            continue
        if ranking.unit_type == MEMBER_UNITS:
            if gap.unit_type == "member_unit":
                by_row.setdefault(gap.unit_id, []).append(gap)
        else:
            by_row.setdefault(gap.village_id, []).append(gap)
    return by_row


def _proposals(ranking: Ranking, township_name: str, figures: dict) -> list[str]:
    """Commend the top-marked rows and criticise the bottom-marked ones, each with the reason from its figures."""
    villages = ranking.unit_type != MEMBER_UNITS
    where = township_name if villages else _tr("the member units")
    paragraphs = []
    if ranking.top:
        paragraphs.append(_tr("The following villages and communities are commended:") if villages
                          else _tr("The following member units are commended:"))
        for row in ranking.top:
            reason = _tr("{name}: compliance index {index}, rank {rank} in {township}").format(
                name=row.name, township=where, index=tenth_percent(row.value), rank=row.rank)
            if row.change and row.change > 0:
                reason += _tr(", up {places} places on last month").format(places=row.change)
            paragraphs.append(reason + _tr("."))
            figures["proposed"].append((inspections.COMMEND, row.name, row.value))
    if ranking.bottom:
        paragraphs.append(_tr("The following villages and communities are criticised and must put things right "
                              "within a set time:") if villages else
                          _tr("The following member units are criticised and must put things right within a set "
                              "time:"))
        unmet_gaps = _unmet_gaps(ranking)
        for row in ranking.bottom:
            found = unmet_gaps.get(row.unit_id, [])
            unmet = len({g.rule_key for g in found})
            reason = _tr("{name}: compliance index {index}, rank {rank} in {township}, {unmet} targets not met").format(
                name=row.name, township=where, index=tenth_percent(row.value), rank=row.rank, unmet=unmet)
            if row.streak >= rankings.STREAK_LEAST:
                reason += _tr(", in the bottom {n} for {length} months running").format(
                    n=ranking.mark_count, length=row.streak)
            if found:
                reason += _tr("; chiefly: {gaps}").format(
                    gaps=_tr("; ").join(_without_name(g.text, row.name) for g in found[:GAPS_PER_UNIT]))
            paragraphs.append(reason + _tr("."))
            figures["proposed"].append((inspections.CRITICISE, row.name, row.value))
    return paragraphs


def _without_name(text: str, name: str) -> str:
    """A gap's sentence without the unit's own name in front ("中村：11月尚无…" → "11月尚无…"), since the
    reason names it already; a gap of one of its sites keeps the site's name."""
    for separator in ("：", ": "):
        if text.startswith(name + separator):
            return text[len(name) + len(separator):]
    return text


def _then(decision: inspections.Decision, ranking: Ranking, units: Ranking) -> float | None:
    """The compliance index that prompted ``decision``: last month's when it judged last month, else the one kept
    with it when it was drawn from an index ranking (None when not known)."""
    rows = units.previous_rows if decision.member_unit_id is not None else ranking.previous_rows
    unit_id = decision.member_unit_id if decision.member_unit_id is not None else decision.village_id
    if ranking.previous is not None and decision.period_start == ranking.previous.start:
        row = next((r for r in rows if r.unit_id == unit_id), None)
        return row.value if row is not None else None
    kept = decision.figures or {}
    return kept.get("value") if kept.get("by") == "index" else None


def _earlier(found: list[inspections.Decision], ranking: Ranking, units: Ranking, figures: dict) -> list[str]:
    """The earlier decisions, oldest first, with the unit's figure now against the one then."""
    lines = []
    for decision in reversed(found):
        now_rows = units if decision.member_unit_id is not None else ranking
        row = now_rows.row(decision.member_unit_id if decision.member_unit_id is not None else decision.village_id)
        criticised = decision.kind == inspections.CRITICISE
        head = (_tr("Criticised on {date} ({reason}): {name}") if criticised else
                _tr("Commended on {date} ({reason}): {name}")).format(
            date=_date(decision.decided), reason=decision.reason.rstrip("。．.；;"), name=decision.name)
        then = _then(decision, ranking, units)
        improved = None
        if row is None or not row.has_data:
            line = _tr("{head} has no figure this month.").format(head=head)
        else:
            line = _tr("{head} now stands at {index}, rank {rank}").format(head=head, index=tenth_percent(row.value),
                                                                           rank=row.rank)
            if then is not None:
                improved = shown_key(row.value) > shown_key(then)
                if improved:
                    line += _tr(", up from {then} then").format(then=tenth_percent(then))
                elif shown_key(row.value) < shown_key(then):
                    line += _tr(", down from {then} then").format(then=tenth_percent(then))
                else:
                    line += _tr(", level with {then} then").format(then=tenth_percent(then))
                if criticised:
                    line += _tr("; it has improved") if improved else _tr("; it has not improved yet")
            line += _tr(".")
        if not lines:
            lines.append(_tr("Decisions of earlier months, and where those named stand now:"))
        lines.append(line)
        figures["earlier"].append((decision.id, row.value if row is not None else None, then, improved))
    return lines
