"""Report deadlines as a clerk meets them: each occurrence is due until it is marked sent.

A one-off deadline has one occurrence, keyed by the month of its due date. A monthly one
(每月5日前报送月报) is stored with its first due date; it falls due on that day of every following
month (the month's last day when shorter), each occurrence reporting on the month before the one
it is due in, up to the campaign's last month. An occurrence past its day and not sent is overdue
(逾期) and stays so, however long ago, until ``mark_deadline_sent`` records it; the month-end close
calls that too when it sends a month. A one-off deadline is a document the plan asks for (总结, 典型案例,
经验做法): a file attached to it in the archive (``submission.documents``) counts as sent on the day
the first one was attached.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.coverage import campaigns as campaigns_service
from outreach_desk.services.coverage.campaigns import CampaignInfo, DeadlineInfo
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.store import DB
from outreach_desk.store.models import CampaignDeadline, DeadlineSent
from outreach_desk.store.submission_models import CampaignDocument

ONCE, MONTHLY = "", "monthly"
REPEATS = (ONCE, MONTHLY)
SENT, OVERDUE, DUE = "sent", "overdue", "due"


def _tr(text: str) -> str:
    return translate("Deadlines", text)


def month_key(value: str | dt.date) -> str:
    """"YYYY-MM" of a date (or of a period's first day), or of text already in that form."""
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    start = getattr(value, "start", None)
    if isinstance(start, dt.date):
        return month_key(start)
    try:
        year, number = (int(part) for part in str(value).strip().split("-"))
        dt.date(year, number, 1)
    except ValueError:
        raise ValidationError([FieldError("month", _tr("\"{text}\" is not a month; write it as YYYY-MM, e.g. "
                                                       "2026-11.").format(text=value))]) from None
    return f"{year:04d}-{number:02d}"


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Occurrence:
    """One time a deadline falls due: for a monthly one, the report on ``month``."""

    deadline_id: int
    title: str
    repeats: str
    month: str
    due: dt.date
    sent_on: dt.date | None = None

    def status(self, today: dt.date) -> str:
        if self.sent_on is not None:
            return SENT
        return OVERDUE if today > self.due else DUE

    @property
    def label(self) -> str:
        """The title, with the month reported on for a monthly deadline ("月报（2026年11月）")."""
        if self.repeats != MONTHLY:
            return self.title
        year, number = (int(part) for part in self.month.split("-"))
        return _tr("{title} ({year}-{month})").format(title=self.title, year=year, month=number)


def _dates(deadline: DeadlineInfo, campaign: CampaignInfo) -> list[tuple[str, dt.date]]:
    if deadline.repeats != MONTHLY:
        return [(month_key(deadline.due), deadline.due)]
    result, count = [], 0
    last = month_key(campaign.end)
    while True:
        year, number = _add_months(deadline.due.year, deadline.due.month, count)
        reported = month_key(dt.date(*_add_months(year, number, -1), 1))
        if reported > last:
            return result
        day = min(deadline.due.day, calendar.monthrange(year, number)[1])
        result.append((reported, dt.date(year, number, day)))
        count += 1


def occurrences(campaign: CampaignInfo) -> list[Occurrence]:
    """Every occurrence of the campaign's deadlines, with the day each was sent, by due date."""
    ids = [d.id for d in campaign.deadlines if d.id is not None]
    sent = {(row.deadline_id, row.month): row.sent_on
            for row in DeadlineSent.select().where(DeadlineSent.deadline.in_(ids))} if ids else {}
    attached = first_attached(campaign.id) if campaign.id is not None else {}
    found = [Occurrence(d.id, d.title, d.repeats, month, due,
                        sent.get((d.id, month)) or (None if d.repeats else attached.get((d.title, month))))
             for d in campaign.deadlines for month, due in _dates(d, campaign)]
    return sorted(found, key=lambda o: (o.due, o.title))


def first_attached(campaign_id: int) -> dict[tuple[str, str], dt.date]:
    """(deadline title, month) → the day the first file was attached to that document of the campaign."""
    days: dict[tuple[str, str], dt.date] = {}
    query = (CampaignDocument.select(CampaignDocument.deadline_title, CampaignDocument.month,
                                     CampaignDocument.attached_at)
             .where(CampaignDocument.campaign == campaign_id).tuples())
    for title, month, at in query:
        day = at.date() if isinstance(at, dt.datetime) else dt.date.fromisoformat(str(at)[:10])
        days[(title, month)] = min(day, days.get((title, month), day))
    return days


def outstanding(campaign: CampaignInfo, today: dt.date) -> tuple[list[Occurrence], Occurrence | None]:
    """(the overdue occurrences, oldest first; the next one due today or later), sent ones aside."""
    unsent = [o for o in occurrences(campaign) if o.sent_on is None]
    overdue = [o for o in unsent if o.status(today) == OVERDUE]
    ahead = [o for o in unsent if o.due >= today]
    return overdue, ahead[0] if ahead else None


def _deadline_row(deadline: int | DeadlineInfo) -> CampaignDeadline:
    deadline_id = deadline.id if isinstance(deadline, DeadlineInfo) else deadline
    row = CampaignDeadline.get_or_none(CampaignDeadline.id == deadline_id)
    if row is None:
        raise NotFoundError(_tr("The report deadline no longer exists."))
    return row


def _occurrence(row: CampaignDeadline, month: str) -> Occurrence:
    campaign = campaigns_service.get(row.campaign_id)
    deadline = next(d for d in campaign.deadlines if d.id == row.id)
    for reported, due in _dates(deadline, campaign):
        if reported == month:
            return Occurrence(row.id, row.title, row.repeats, month, due)
    raise ValidationError([FieldError("month", _tr("{title} is not due for {month}.").format(
        title=row.title, month=month))])


def mark_deadline_sent(deadline: int | DeadlineInfo, month: str | dt.date, sent_on: dt.date | None = None) -> bool:
    """Record the occurrence of ``deadline`` for ``month`` (YYYY-MM, a date or a period; for a one-off deadline
    the month of its due date) as sent on ``sent_on`` (default today). Repeat-safe: False when it was already
    marked, and the first day stays. Audited, in one transaction."""
    month = month_key(month)
    with DB.atomic():
        row = _deadline_row(deadline)
        occurrence = _occurrence(row, month)
        if DeadlineSent.select().where((DeadlineSent.deadline == row.id) & (DeadlineSent.month == month)).exists():
            return False
        day = sent_on or dt.date.today()
        sent_id = DeadlineSent.insert(deadline=row.id, month=month, sent_on=day).execute()
        audit.record(audit.CREATE, "deadline_sent", sent_id, None,
                     {"deadline": row.id, "title": row.title, "month": month, "sent_on": day},
                     summary=_tr("Marked {label} as sent").format(label=occurrence.label))
        return True


def unmark_deadline_sent(deadline: int | DeadlineInfo, month: str | dt.date) -> bool:
    """Take back a mark (the window's undo); False when the occurrence was not marked."""
    month = month_key(month)
    with DB.atomic():
        row = _deadline_row(deadline)
        found = DeadlineSent.get_or_none((DeadlineSent.deadline == row.id) & (DeadlineSent.month == month))
        if found is None:
            return False
        before = {"deadline": row.id, "title": row.title, "month": month, "sent_on": found.sent_on}
        found.delete_instance()
        audit.record(audit.DELETE, "deadline_sent", found.id, before, None,
                     summary=_tr("{label} is no longer marked as sent").format(
                         label=_occurrence(row, month).label))
        return True


def find(campaign: CampaignInfo, title: str) -> DeadlineInfo:
    for deadline in campaign.deadlines:
        if deadline.title == title.strip():
            return deadline
    raise NotFoundError(_tr("The campaign {campaign} has no report deadline called {title}.").format(
        campaign=campaign.name, title=title))


def monthly_deadlines(campaign: CampaignInfo | None = None) -> list[DeadlineInfo]:
    """The monthly deadlines of ``campaign`` (default: the current one), for the month-end close."""
    campaign = campaign or campaigns_service.current()
    return [d for d in campaign.deadlines if d.repeats == MONTHLY] if campaign else []


def mark_month_sent(campaign: CampaignInfo | None, month: str | dt.date,
                    sent_on: dt.date | None = None) -> list[Occurrence]:
    """Mark the monthly deadlines of the closing township's ``campaign`` reporting on ``month`` as sent (the
    month-end close does); return those newly marked. No campaign, nothing marked: never another township's."""
    month = month_key(month)
    if campaign is None:
        return []
    due = [o for o in occurrences(campaign) if o.repeats == MONTHLY and o.month == month and o.sent_on is None]
    with DB.atomic():
        return [o for o in due if mark_deadline_sent(o.deadline_id, month, sent_on)]
