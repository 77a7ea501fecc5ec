"""The monthly bulletin (通报): a draft drawn from the month's figures, for the clerk to edit and a leader to sign.

``draft(month)`` reads the ranking (two coverage computations, this month and the last), the
ledger totals and the gap list, and writes the parts of the office's 通报 as plain paragraphs:
the overall picture against last month, the ranking table, the commendations and criticisms
(``bulletin_decisions``: those recorded, else proposals from the ranking, and the earlier ones with
where those named stand now), the main problems drawn from the gap list,
and next steps with a sensible default. Every paragraph is editable text; ``bulletin_docx``
lays it out as an official document. ``figures`` keeps the numbers used, so tests (and anyone
doubting a sentence) can hold them against the coverage engine's JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.coverage import campaigns as campaigns_service
from outreach_desk.services.coverage import gaps as gaps_service
from outreach_desk.services.coverage.engine import CoverageResult, Scope
from outreach_desk.services.coverage.periods import Period, month_label
from outreach_desk.services.coverage.surveys import wilson
from outreach_desk.services.errors import FieldError, ValidationError
from outreach_desk.services.excel import report_data
from outreach_desk.services.supervision import bulletin_decisions, rankings
from outreach_desk.services.supervision.rankings import Ranking, tenth_percent

#: a village below this index lags (the dashboard's line)
LAGGING_BELOW = 0.8
#: the main problems name at most this many targets, each with one example
PROBLEM_TARGETS = 5
#: days the default next steps give for rectification
RECTIFY_DAYS = 15
NUMERALS = "一二三四五六七八九十"


def _tr(text: str) -> str:
    return translate("Bulletin", text)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    """One numbered part of the bulletin: its heading, its paragraphs and, for the ranking, a table."""

    key: str
    heading: str
    paragraphs: list[str]
    table: Table | None = None
    #: what the preview says about the paragraphs (not printed): e.g. that they are proposals
    note: str = ""


@dataclass
class Bulletin:
    office: str
    number: str
    date: dt.date
    title: str
    recipients: str
    sections: list[Section]
    signature: str
    period: Period
    figures: dict = field(default_factory=dict)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def text(self) -> str:
        """Everything as plain text (for a quick look and for tests)."""
        lines = [self.office, self.number, self.title, self.recipients]
        for section in self.sections:
            lines.append(section.heading)
            lines += section.paragraphs
            if section.table is not None:
                lines += ["\t".join(section.table.headers)] + ["\t".join(row) for row in section.table.rows]
        lines += [self.signature, chinese_date(self.date)]
        return "\n".join(lines)


def chinese_date(day: dt.date) -> str:
    return _tr("{year}-{month}-{day}").format(year=day.year, month=day.month, day=day.day)


def heading(number: int, text: str) -> str:
    numeral = NUMERALS[number - 1] if number <= len(NUMERALS) else str(number)
    return _tr("{numeral}. {text}").format(numeral=numeral, text=text)


def item(number: int, text: str) -> str:
    numeral = NUMERALS[number - 1] if number <= len(NUMERALS) else str(number)
    return _tr("({numeral}) {text}").format(numeral=numeral, text=text)


def _count_change(now: int, before: int, unit: str) -> str:
    if now > before:
        return _tr("up {difference} {unit}").format(difference=f"{now - before:,}", unit=unit)
    if now < before:
        return _tr("down {difference} {unit}").format(difference=f"{before - now:,}", unit=unit)
    return _tr("level")


def _point_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return _tr("no figure last month to compare with")
    points = round((now - before) * 100, 1)
    if points > 0:
        return _tr("up {points} percentage points on last month ({before})").format(
            points=f"{points:.1f}", before=tenth_percent(before))
    if points < 0:
        return _tr("down {points} percentage points on last month ({before})").format(
            points=f"{-points:.1f}", before=tenth_percent(before))
    return _tr("level with last month ({before})").format(before=tenth_percent(before))


def _awareness(result: CoverageResult, village_id: int | None = None) -> tuple[int, int] | None:
    """(aware, respondents) of the awareness targets in ``result`` (one village or all); None without such a target."""
    keys = [r.key for r in result.rules if r.measure == "awareness"]
    if not keys:
        return None
    aware = respondents = 0
    for unit in result.units:
        if unit.rule_key == keys[0] and (village_id is None or unit.unit_id == village_id):
            for a in unit.assessments:
                aware += a.details.get("aware") or 0
                respondents += a.details.get("respondents") or 0
    return aware, respondents


def _area_index(result: CoverageResult) -> float | None:
    return result.townships[0].index if len(result.townships) == 1 else None


def choose_township(township_id: int | None) -> organisation.TownshipInfo:
    """The township the bulletin is about: the one given, or the only one there is."""
    if township_id is not None:
        return organisation.get_township(township_id)
    townships = organisation.load_tree().townships
    if len(townships) != 1:
        raise ValidationError([FieldError("township", _tr(
            "The database holds {count} townships; choose the one the bulletin is about.").format(
                count=len(townships)))])
    return organisation.get_township(townships[0].id)


def default_number(township: organisation.TownshipInfo, month: Period) -> str:
    return _tr("{township} anti-fraud office [{year}] No. {number}").format(
        township=township.name, year=month.start.year, number=month.start.month)


def draft(month: Period, *, township_id: int | None = None, campaign=None, date: dt.date | None = None,
          number: str | None = None, mark_count: int = rankings.DEFAULT_MARK_COUNT,
          ranking: Ranking | None = None) -> Bulletin:
    """The bulletin for ``month`` with every part filled from the figures (see the module docstring)."""
    township = choose_township(township_id)
    campaign = campaign or campaigns_service.require_current(township.id)
    date = date or dt.date.today()
    scope = Scope(township_id=township.id)
    if ranking is None:
        ranking = rankings.rank(month, campaign=campaign, scope=scope, mark_count=mark_count)
    result = ranking.result
    office = township.office_name or township.name
    figures = _figures(month, ranking, township.id)
    figures["township"] = township.name
    overview = _overview(month, township, figures) + _cases(month, township, figures)
    decisions = bulletin_decisions.part(month, ranking, township)
    figures["decisions"] = decisions.figures
    sections = [
        Section("overview", heading(1, _tr("Overall picture")), overview),
        _ranking_section(ranking, result),
        Section("commend", heading(3, _tr("Commendations and criticisms")), decisions.paragraphs,
                note=decisions.note),
        Section("orders", heading(4, _tr("Inspections and rectification")), _orders(township.id, date, figures)),
        Section("problems", heading(5, _tr("Main problems")), _problems(result)),
        Section("next", heading(6, _tr("Next steps")), default_next_steps(date)),
    ]
    title = _tr("Bulletin on the anti-telecom-fraud outreach work in {month}").format(
        month=month_label(month.start.year, month.start.month))
    return Bulletin(office, number if number is not None else default_number(township, month), date, title,
                    _tr("To every village and community and every member unit:"), sections, office, month, figures)


def _figures(month: Period, ranking: Ranking, township_id: int) -> dict:
    totals = report_data.activity_totals(month.start, month.end, township_id)
    previous = ranking.previous or month
    before = report_data.activity_totals(previous.start, previous.end, township_id) if ranking.previous else {}
    awareness = _awareness(ranking.result)
    earlier_awareness = _awareness(ranking.previous_result) if ranking.previous_result is not None else None
    figures = {
        "records": sum(t.records for t in totals.values()), "people": sum(t.people for t in totals.values()),
        "previous_records": sum(t.records for t in before.values()),
        "previous_people": sum(t.people for t in before.values()),
        "index": _area_index(ranking.result),
        "previous_index": _area_index(ranking.previous_result) if ranking.previous_result is not None else None,
        "villages": {row.unit_id: row.value for row in ranking.rows},
        "lagging": [row.name for row in ranking.rows if row.has_data and row.value < LAGGING_BELOW],
        "aware": None, "respondents": None, "rate": None, "low": None, "high": None, "previous_rate": None,
    }
    if awareness is not None and awareness[1]:
        interval = wilson(*awareness)
        figures.update(aware=awareness[0], respondents=awareness[1], rate=awareness[0] / awareness[1],
                       low=interval.low, high=interval.high)
    if earlier_awareness is not None and earlier_awareness[1]:
        figures["previous_rate"] = earlier_awareness[0] / earlier_awareness[1]
    return figures


def _overview(month: Period, township, figures: dict) -> list[str]:
    month_text = month_label(month.start.year, month.start.month)
    paragraphs = [_tr("In {month} {township} held {records} outreach activities of every kind, reaching {people} "
                      "people ({records_change} and {people_change} on last month).").format(
        month=month_text, township=township.name, records=f"{figures['records']:,}", people=f"{figures['people']:,}",
        records_change=_count_change(figures["records"], figures["previous_records"], _tr("activities")),
        people_change=_count_change(figures["people"], figures["previous_people"], _tr("people")))]
    villages = figures["villages"]
    ranked = [v for v in villages.values() if v is not None]
    index_text = _tr("The compliance index of {township} with the campaign's targets is {index}, {change}.").format(
        township=township.name, index=tenth_percent(figures["index"]),
        change=_point_change(figures["index"], figures.get("previous_index")))
    lagging = figures["lagging"]
    share = _tr("{good} of {count} villages and communities reach 80 % or more; {lagging} are below 80 %.").format(
        good=len(ranked) - len(lagging), count=len(villages), lagging=len(lagging))
    index_text = _tr("{first} {second}").format(first=index_text, second=share)
    paragraphs.append(index_text)
    if figures["rate"] is None:
        paragraphs.append(_tr("No awareness survey was recorded this month."))
    else:
        paragraphs.append(_tr("The awareness surveys counted for the target asked {respondents} residents; the "
                              "awareness rate is {rate} (95 % interval {low} to {high}), {change}.").format(
            respondents=f"{figures['respondents']:,}", rate=tenth_percent(figures["rate"]),
            low=tenth_percent(figures["low"]), high=tenth_percent(figures["high"]),
            change=_point_change(figures["rate"], figures["previous_rate"])))
    return paragraphs


def _cases(month: Period, township, figures: dict) -> list[str]:
    """The police station's figures of the month against last year and last month, when reported."""
    from outreach_desk.services.supervision import cases

    total = next(c for c in cases.compare(township.id, month.start.year, month.start.month) if c.is_township)
    figures["cases"] = total.as_dict()
    if total.now is None:
        return [_tr("The police station has not reported this month's fraud cases yet.")]
    return [_tr("{township} had {cases} telecom fraud cases this month with losses of {losses} yuan (cases "
                "{cases_yoy} on the same month last year and {cases_mom} on last month; losses {losses_yoy} and "
                "{losses_mom}); {dissuaded} attempts were stopped and {frozen} payments frozen.").format(
        township=township.name, cases=total.now.cases, losses=cases.format_yuan(total.now.losses_fen),
        cases_yoy=total.cases_yoy.text(), cases_mom=total.cases_mom.text(),
        losses_yoy=total.losses_yoy.text(money=True), losses_mom=total.losses_mom.text(money=True),
        dissuaded=total.now.dissuaded, frozen=total.now.frozen)]


def _orders(township_id: int, date: dt.date, figures: dict) -> list[str]:
    """Rectification orders as of the bulletin's date: how many, how many put right, which are overdue."""
    from outreach_desk.services.supervision import rectification

    summary = rectification.due_summary(township_id, date)
    figures["orders"] = {"open": summary.open_count, "done": summary.done_count,
                         "overdue": [o.id for o in summary.overdue],
                         "due_this_week": [o.id for o in summary.due_this_week]}
    total = summary.open_count + summary.done_count
    if not total:
        return [_tr("No rectification order has been issued yet.")]
    lines = [_tr("By {date}, {total} rectification orders have been issued: {done} put right, {open} still open, "
                 "{overdue} past their deadline.").format(date=chinese_date(date), total=total, done=summary.done_count,
                                                          open=summary.open_count, overdue=len(summary.overdue))]
    for order in summary.overdue:
        lines.append(_tr("Overdue: {unit}, {task} (deadline {deadline}).").format(
            unit=order.unit_name, task=order.task, deadline=chinese_date(order.deadline)))
    for order in summary.due_this_week:
        lines.append(_tr("Due within a week: {unit}, {task} (deadline {deadline}).").format(
            unit=order.unit_name, task=order.task, deadline=chinese_date(order.deadline)))
    return lines


def _ranking_section(ranking: Ranking, result: CoverageResult) -> Section:
    has_awareness = any(r.measure == "awareness" for r in result.rules)
    headers = [_tr("Rank"), _tr("Village or community"), _tr("Compliance index"), _tr("Against last month")]
    if has_awareness:
        headers.append(_tr("Awareness rate"))
    rows = []
    for row in ranking.rows:
        line = [str(row.rank), row.name, tenth_percent(row.value), row.change_text or "—"]
        if has_awareness:
            figures = _awareness(result, row.unit_id)
            line.append(tenth_percent(figures[0] / figures[1]) if figures and figures[1] else "—")
        rows.append(line)
    # the bottom streaks and the rows without data first: the last sentence introduces the table
    sentences = [_tr("{name} has been in the bottom {n} for {length} months running ({months}).").format(
        name=streak.name, n=ranking.mark_count, length=streak.length, months=_tr(", ").join(reversed(streak.months)))
        for streak in ranking.streaks]
    if ranking.without_data:
        sentences.append(_tr("{names} had nothing to assess and are listed last.").format(
            names=_tr(", ").join(r.name for r in ranking.without_data)))
    text = _tr("Villages and communities ranked by the compliance index (the same index shares a rank; "
               "\"new\" means no figure last month):")
    for sentence in reversed(sentences):
        text = _tr("{first} {second}").format(first=sentence, second=text)
    return Section("ranking", heading(2, _tr("Ranking")), [text], Table(headers, rows))


def _problems(result: CoverageResult) -> list[str]:
    by_rule: dict[str, list] = {}
    for gap in gaps_service.gap_list(result):
        if gap.kind != gaps_service.UNMET_GAP:
            continue
        by_rule.setdefault(gap.rule_key, []).append(gap)
    if not by_rule:
        return [_tr("Every target was met this month.")]
    ordered = sorted(by_rule.values(), key=lambda found: (-len({(g.unit_type, g.unit_id) for g in found}),
                                                          found[0].rule_key))
    paragraphs = []
    for number, found in enumerate(ordered[:PROBLEM_TARGETS], 1):
        units = len({(g.unit_type, g.unit_id) for g in found})
        paragraphs.append(item(number, _tr("{rule}: {units} units have not met it yet, e.g. {example}.").format(
            rule=found[0].rule_name, units=units, example=found[0].text)))
    if len(ordered) > PROBLEM_TARGETS:
        paragraphs.append(_tr("{count} more targets are not met everywhere; see the gap list of the monthly "
                              "report.").format(count=len(ordered) - PROBLEM_TARGETS))
    return paragraphs


def default_next_steps(date: dt.date) -> list[str]:
    deadline = chinese_date(date + dt.timedelta(days=RECTIFY_DAYS))
    return [
        item(1, _tr("Put the problems right. Every village, community and member unit works through the problems "
                    "named in this bulletin, names who is responsible for each, and reports them put right to the "
                    "township office by {deadline}.").format(deadline=deadline)),
        item(2, _tr("Reach further. Put the posters, columns and information points still missing in place, and "
                    "take outreach to the elderly, students and new residents door by door.")),
        item(3, _tr("Supervise. The township office keeps inspecting; units that rank last several times running or "
                    "do not put things right are called in for a talk and criticised by name.")),
    ]


def default_file_name(month: Period, bulletin: Bulletin) -> str:
    """``<镇名>_反诈宣传工作通报_<YYYY-MM>.docx`` (the office's name when it has no township name)."""
    name = bulletin.figures.get("township") or bulletin.office
    return f"{name}_反诈宣传工作通报_{month.start:%Y-%m}.docx"
