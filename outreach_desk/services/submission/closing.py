"""Month-end close (报送本月): store what was sent, close the month, reopen it with a reason.

:func:`close_month` records one sending of a township's month — the report file's SHA-256 (and the
package's, when the package writer calls it), the coverage JSON and the record counts as computed now
by the coverage engine, when, to whom, by which clerk — and closes the month (marking the campaign's monthly
report deadlines for it as sent), audited, in one
transaction. While the month is closed every write of a record dated in it is refused
(``closed_months``); :func:`reopen_month` lifts the close, with a reason, audited. A month sent again
while still closed (the package after the workbook) gets the next sequence number under the same close.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from outreach_desk.i18n import translate
from outreach_desk.services import audit, safe_files
from outreach_desk.services.coverage import campaigns, deadlines, engine, gaps, periods
from outreach_desk.services.errors import FieldError, NotFoundError, ServiceError, ValidationError
from outreach_desk.services.excel import report_data
from outreach_desk.services.submission.closed_months import ClosedMonth, closed_months, month_key, month_text
from outreach_desk.store import DB
from outreach_desk.store.models import Activity, ActivityKind, ParentLetter, Photo, Site, Survey, Township, Village
from outreach_desk.store.submission_models import PeriodClose
from outreach_desk.store.submission_models import Sending as SendingRow

MAX_RECIPIENT = 200
MAX_CLERK = 100
MAX_REASON = 2000


def _tr(text: str) -> str:
    return translate("Closing", text)


@dataclass(frozen=True)
class Sending:
    """One sending as stored: ``coverage`` and ``counts`` are the JSON documents as sent."""

    id: int
    township_id: int
    township: str
    month: str
    sequence: int
    report_sha256: str
    package_sha256: str | None
    sent_at: dt.datetime
    recipient: str
    clerk: str
    coverage: dict = field(default_factory=dict, repr=False)
    counts: dict = field(default_factory=dict, repr=False)

    @property
    def month_text(self) -> str:
        return month_text(self.month)

    def as_dict(self, with_documents: bool = False) -> dict:
        data = {"id": self.id, "township": self.township, "month": self.month, "sequence": self.sequence,
                "report_sha256": self.report_sha256, "package_sha256": self.package_sha256,
                "sent_at": self.sent_at.isoformat(sep=" "), "recipient": self.recipient, "clerk": self.clerk,
                "records": self.counts.get("records", {})}
        if with_documents:
            data.update(coverage=self.coverage, counts=self.counts)
        return data


# ---------------------------------------------------------------------------------------- helpers
def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _as_datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def township_id_of(township: int | str | None) -> int:
    """The township meant: an id, a name, or None for the only township of the database."""
    query = Township.select(Township.id).order_by(Township.id)
    if isinstance(township, int):
        query = query.where(Township.id == township)
    elif township is not None:
        query = query.where(Township.name == str(township).strip())
    ids = [row[0] for row in query.limit(2).tuples()]
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFoundError(_tr("There is no such township in this database."))
    raise ServiceError(_tr("This database holds several townships; name the township whose month is meant."))


def month_of(month: str | periods.Period) -> periods.Period:
    return periods.parse_month(month) if isinstance(month, str) else month


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file the user named (never the database: reading it with Python drops SQLite's locks)."""
    safe_files.refuse_database_file(path)
    safe_files.check_file(path, must_exist=True, follow_links=True)
    return safe_files.file_sha256(path, follow_links=True)


def _clean(text: str | None, limit: int) -> str:
    return " ".join(str(text or "").split())[:limit]


def _as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)


# ---------------------------------------------------------------------------------------- what is sent
def coverage_document(township_id: int, period: periods.Period) -> dict:
    """The coverage JSON of the township's month: what ``outreach-desk coverage --month … --json`` prints."""
    result = engine.compute(period, campaign=campaigns.require_current(township_id),
                            scope=engine.Scope(township_id=township_id))
    return gaps.document(result)


def record_counts(township_id: int, period: periods.Period) -> dict:
    """The records of the township's month: how many of each kind, and per village the activities by kind
    and the people reached (the figures the report's summary sheet shows)."""
    start, end = period.start, period.end
    codes = dict(ActivityKind.select(ActivityKind.id, ActivityKind.code).tuples())
    names = dict(Village.select(Village.id, Village.name).where(Village.township == township_id).tuples())
    villages: dict[str, dict] = {}
    kinds: dict[str, int] = {}
    for village_id, totals in report_data.activity_totals(start, end, township_id).items():
        by_kind = {codes[kind_id]: n for kind_id, n in totals.records_by_kind.items()}
        villages[str(village_id)] = {"name": names.get(village_id, ""), "activities": totals.records,
                                     "people": totals.people, "kinds": by_kind}
        for code, n in by_kind.items():
            kinds[code] = kinds.get(code, 0) + n
    in_month = (Activity.date >= start) & (Activity.date <= end) & (Village.township == township_id)
    photos = (Photo.select().join(Activity, on=(Photo.activity == Activity.id))
              .join(Village, on=(Activity.village == Village.id)).where(in_month).count())
    survey_count = (Survey.select().join(Village, on=(Survey.village == Village.id))
                    .where((Survey.date >= start) & (Survey.date <= end) & (Village.township == township_id)).count())
    letter_count = (ParentLetter.select().join(Site, on=(ParentLetter.site == Site.id))
                    .join(Village, on=(Site.village == Village.id))
                    .where((ParentLetter.date >= start) & (ParentLetter.date <= end)
                           & (Village.township == township_id)).count())
    records = {"activity": sum(kinds.values()), "survey": survey_count, "parent_letter": letter_count,
               "photo": photos}
    return {"records": records, "activity_kinds": kinds, "villages": villages}


# ---------------------------------------------------------------------------------------- reading
def _sending(row: dict, names: dict[int, str], with_documents: bool) -> Sending:
    return Sending(
        id=row["id"], township_id=row["township"], township=names.get(row["township"], ""), month=row["month"],
        sequence=row["sequence"], report_sha256=row["report_sha256"], package_sha256=row["package_sha256"],
        sent_at=_as_datetime(row["sent_at"]), recipient=row["recipient"], clerk=row["clerk"],
        coverage=json.loads(row["coverage_json"]) if with_documents else {},
        counts=json.loads(row["counts_json"]))


def sendings(township: int | str | None = None, month: str | None = None, *,
             with_documents: bool = False) -> list[Sending]:
    """The history of sendings, newest first (of one township and month when given)."""
    fields = [SendingRow.id, SendingRow.township, SendingRow.month, SendingRow.sequence,
              SendingRow.report_sha256, SendingRow.package_sha256, SendingRow.sent_at,
              SendingRow.recipient, SendingRow.clerk, SendingRow.counts_json]
    if with_documents:
        fields.append(SendingRow.coverage_json)
    query = SendingRow.select(*fields)
    if township is not None:
        query = query.where(SendingRow.township == township_id_of(township))
    if month is not None:
        query = query.where(SendingRow.month == month_key(month_of(month).start))
    names = dict(Township.select(Township.id, Township.name).tuples())
    rows = query.order_by(SendingRow.sent_at.desc(), SendingRow.id.desc()).dicts()
    return [_sending(dict(row, coverage_json=row.get("coverage_json", "{}")), names, with_documents) for row in rows]


def last_sending(township: int | str | None, month: str | periods.Period) -> Sending | None:
    """The latest sending of the township's month, with its documents; None when it was never sent."""
    tid, key = township_id_of(township), month_key(month_of(month).start)
    found = sendings(tid, key, with_documents=True)
    return max(found, key=lambda s: s.sequence) if found else None


def next_sequence(township: int | str | None, month: str | periods.Period) -> int:
    """The sequence number the next sending of the township's month gets: 1, then 2, …"""
    tid, key = township_id_of(township), month_key(month_of(month).start)
    highest = (SendingRow.select(pw.fn.MAX(SendingRow.sequence))
               .where((SendingRow.township == tid) & (SendingRow.month == key)).scalar())
    return int(highest or 0) + 1


def closed_info(township: int | str | None, month: str | periods.Period) -> ClosedMonth | None:
    """The close in force of the township's month (who, when, to whom), or None when it is open."""
    tid, key = township_id_of(township), month_key(month_of(month).start)
    return closed_months(tid).get((tid, key))


def is_closed(township: int | str | None, month: str | periods.Period) -> bool:
    return closed_info(township, month) is not None


@dataclass(frozen=True)
class CloseEvent:
    """A close of the history, with its reopening when there was one."""

    id: int
    month: str
    closed_at: dt.datetime
    closed_by: str
    reopened_at: dt.datetime | None
    reopened_by: str | None
    reason: str | None


def close_history(township: int | str | None, month: str | periods.Period | None = None) -> list[CloseEvent]:
    """Every close of the township (of one month when given), oldest first, with reopenings and reasons."""
    query = PeriodClose.select().where(PeriodClose.township == township_id_of(township))
    if month is not None:
        query = query.where(PeriodClose.month == month_key(month_of(month).start))
    return [CloseEvent(r["id"], r["month"], _as_datetime(r["closed_at"]), r["closed_by"],
                       _as_datetime(r["reopened_at"]) if r["reopened_at"] else None, r["reopened_by"],
                       r["reopen_reason"]) for r in query.order_by(PeriodClose.closed_at, PeriodClose.id).dicts()]


# ---------------------------------------------------------------------------------------- writing
def default_clerk(township: int | str | None = None) -> str:
    """Who signs a sending when nobody is named: the clerk of the settings, else the township's preparer
    (填报人), else the operating-system user."""
    from outreach_desk.services import clerk as clerk_setting
    from outreach_desk.services import organisation

    township_id = None if township is None else township_id_of(township)
    return clerk_setting.name() or organisation.office_identity(township_id).preparer or audit.os_user()


def _validate(recipient: str, clerk: str) -> None:
    errors = []
    if not recipient:
        errors.append(FieldError("recipient", _tr("Say to whom the month is sent (e.g. 县反诈中心).")))
    if not clerk:
        errors.append(FieldError("clerk", _tr("Say which clerk sends the month.")))
    if errors:
        raise ValidationError(errors)


def close_month(township: int | str | None, month: str | periods.Period, *, report_path: str | Path | None = None,
                report_sha256: str | None = None, recipient: str, clerk: str,
                package_sha256: str | None = None) -> Sending:
    """Record one sending of the township's month and close the month, audited, in one transaction.

    The report is named by its file (hashed here) or by its SHA-256. The coverage JSON and the counts are
    computed now, inside the transaction, so they are the figures of the records the close locks.
    """
    recipient, clerk = _clean(recipient, MAX_RECIPIENT), _clean(clerk, MAX_CLERK)
    _validate(recipient, clerk)
    if (report_path is None) == (report_sha256 is None):
        raise ValueError("name the report by report_path or by report_sha256")
    digest = file_sha256(report_path) if report_path is not None else str(report_sha256).strip().lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError("report_sha256 must be 64 hexadecimal digits")
    period = month_of(month)
    key = month_key(period.start)
    with DB.atomic():
        tid = township_id_of(township)
        coverage, counts = coverage_document(tid, period), record_counts(tid, period)
        now = _now()
        sequence = next_sequence(tid, key)
        sending_id = SendingRow.insert(
            township=tid, month=key, sequence=sequence, report_sha256=digest, package_sha256=package_sha256,
            coverage_json=_as_json(coverage), counts_json=_as_json(counts), sent_at=now, recipient=recipient,
            clerk=clerk).execute()
        stored = audit.row_values(SendingRow, sending_id)
        stored = {k: v for k, v in stored.items() if k not in ("coverage_json", "counts_json")}
        stored["records"] = counts["records"]
        audit.record(audit.CREATE, "sending", sending_id, None, stored, summary=_tr(
            "Sent {month} to {recipient} (sending no. {sequence})").format(
                month=month_text(key), recipient=recipient, sequence=sequence))
        in_force = closed_months(tid).get((tid, key))
        if in_force is None:
            close_id = PeriodClose.insert(township=tid, month=key, sending=sending_id, closed_at=now,
                                          closed_by=clerk).execute()
            audit.record(audit.CREATE, "period_close", close_id, None, audit.row_values(PeriodClose, close_id),
                         summary=_tr("Closed {month}: its records are locked until it is reopened").format(
                             month=month_text(key)))
        deadlines.mark_month_sent(campaigns.current(tid), key, now.date())
        return last_sending(tid, key)


def reopen_month(township: int | str | None, month: str | periods.Period, *, reason: str,
                 clerk: str) -> CloseEvent:
    """Lift the close of the township's month with a reason, audited; records dated in it can change again."""
    reason = " ".join(str(reason or "").split())[:MAX_REASON]
    clerk = _clean(clerk, MAX_CLERK)
    if not reason:
        raise ValidationError([FieldError("reason", _tr("Say why the month is reopened."))])
    key = month_key(month_of(month).start)
    with DB.atomic():
        tid = township_id_of(township)
        in_force = closed_months(tid).get((tid, key))
        if in_force is None:
            raise ServiceError(_tr("{month} is not closed; there is nothing to reopen.").format(month=month_text(key)))
        before = audit.row_values(PeriodClose, in_force.close_id)
        PeriodClose.update(reopened_at=_now(), reopened_by=clerk or audit.os_user(), reopen_reason=reason).where(
            PeriodClose.id == in_force.close_id).execute()
        after = audit.row_values(PeriodClose, in_force.close_id)
        audit.record(audit.UPDATE, "period_close", in_force.close_id, before, after, summary=_tr(
            "Reopened {month} (closed by {who} on {when}): {reason}").format(
                month=month_text(key), who=in_force.closed_by, when=f"{in_force.closed_at:%Y-%m-%d %H:%M}",
                reason=reason))
    return next(e for e in close_history(tid, key) if e.id == in_force.close_id)
