"""The month's written summary (总结) to the county: an editable Word draft built from the figures.

Four parts, as township offices write them: what was done (activities and people reached, per
kind), coverage (the compliance index, awareness, the ranking table), problems (the gap list's
main targets and the records without photo evidence) and next month's plan (the campaign's phase
and deadlines of that month, the problems to put right). The sentences about the month come from
the bulletin's draft of the same month (``supervision.bulletin``), so the two documents agree; the
layout is the bulletin's GB/T 9704 one without the red letterhead (a report upward is no 通报).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.coverage.periods import Period, month_bounds, month_label
from outreach_desk.services.excel import report_data
from outreach_desk.services.supervision import bulletin_docx
from outreach_desk.services.supervision.bulletin import Bulletin, Section, chinese_date, heading, item
from outreach_desk.services.submission.evidence import MissingPhoto


def _tr(text: str) -> str:
    return translate("MonthSummary", text)


def file_name(township: str, month: Period) -> str:
    """``<镇名>_反诈宣传工作总结_<YYYY-MM>.docx``."""
    return f"{township}_反诈宣传工作总结_{month.start:%Y-%m}.docx"


def _next_month(month: Period) -> tuple[dt.date, dt.date]:
    following = month.end + dt.timedelta(days=1)
    return month_bounds(following.year, following.month)


def _done(month: Period, township_id: int, opening: str) -> list[str]:
    totals = report_data.activity_totals(month.start, month.end, township_id)
    records: dict[int, int] = {}
    for village in totals.values():
        for kind_id, count in village.records_by_kind.items():
            records[kind_id] = records.get(kind_id, 0) + count
    parts = [_tr("{kind} {count}").format(kind=k.name, count=records[k.id])
             for k in organisation.list_kinds() if records.get(k.id)]
    paragraphs = [opening]
    if parts:
        paragraphs.append(_tr("Records by kind: {parts}.").format(parts=_tr(", ").join(parts)))
    return paragraphs


def _problems(draft: Bulletin, missing: list[MissingPhoto]) -> list[str]:
    paragraphs = list(draft.section("problems").paragraphs)
    if missing:
        villages = sorted({m.village for m in missing})
        paragraphs.append(_tr("Photo evidence: {count} records of kinds that need a photo have none, in {villages}; "
                              "they are listed in the package's photo index.").format(
            count=len(missing), villages=_tr(", ").join(villages)))
    return paragraphs


def _plan(month: Period, draft: Bulletin, missing: list[MissingPhoto], campaign) -> list[str]:
    start, end = _next_month(month)
    label = month_label(start.year, start.month)
    steps = []
    phase = campaign.phase_on(start) if campaign is not None else None
    if phase is not None:
        steps.append(_tr("In {month} the campaign is in its phase \"{phase}\" (until {end}); the work follows "
                         "that phase of the plan.").format(month=label, phase=phase.name, end=chinese_date(phase.end)))
    due = [d for d in (campaign.deadlines if campaign is not None else []) if start <= d.due <= end]
    for deadline in sorted(due, key=lambda d: d.due):
        steps.append(_tr("{title} is due on {date}.").format(title=deadline.title, date=chinese_date(deadline.due)))
    problems = [p for p in draft.section("problems").paragraphs if p]
    if draft.figures.get("lagging"):
        steps.append(_tr("Help the villages below 80 % catch up: {names}.").format(
            names=_tr(", ").join(draft.figures["lagging"])))
    if problems:
        steps.append(_tr("Put right the problems above, each with who is responsible and by when."))
    if missing:
        steps.append(_tr("Add the missing photos to the records listed in the photo index."))
    if draft.figures.get("rate") is None:
        steps.append(_tr("Carry out the awareness surveys the campaign asks for."))
    steps.append(_tr("Keep recording every activity with its photos, and send the report of {month} on "
                     "time.").format(month=label))
    return [item(number, text) for number, text in enumerate(steps, 1)]


def build(draft: Bulletin, month: Period, township_id: int, missing: list[MissingPhoto],
          date: dt.date | None = None) -> Bulletin:
    """The summary's parts, as a :class:`Bulletin` so that ``bulletin_docx`` lays it out."""
    try:
        campaign = campaigns.require_current(township_id)
    except campaigns.NoCampaignError:
        campaign = None
    overview = draft.section("overview").paragraphs
    ranking = draft.section("ranking")
    township = draft.figures.get("township") or draft.office
    sections = [
        Section("done", heading(1, _tr("What was done")), _done(month, township_id, overview[0])),
        Section("coverage", heading(2, _tr("Coverage and targets")), list(overview[1:]) + ranking.paragraphs,
                ranking.table),
        Section("problems", heading(3, _tr("Problems")), _problems(draft, missing)),
        Section("plan", heading(4, _tr("Plan for next month")), _plan(month, draft, missing, campaign)),
    ]
    title = _tr("Summary of the anti-telecom-fraud outreach work of {township} in {month}").format(
        township=township, month=month_label(month.start.year, month.start.month))
    from outreach_desk.services.submission.recipient import office_recipient

    salutation = _tr("To {recipient}:").format(recipient=office_recipient())
    return Bulletin(draft.office, "", date or dt.date.today(), title, salutation,
                    sections, draft.office, month, draft.figures)


def write(summary: Bulletin, path: str | Path) -> Path:
    return bulletin_docx.write(summary, path, letterhead=False)
