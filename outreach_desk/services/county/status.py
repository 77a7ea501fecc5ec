"""报送情况: which township sent which month, when, which sending, and whether on time, late or missing.

One row per township of the county database for a month: the newest package imported for it (its
sequence number, when the township wrote it and when the county took it in, how many packages of
that month came in), checked against the monthly report deadline (每月5日前报送月报) of the township's
campaign (or the county's shared one) when one exists: a package written after the due day is late;
no package is missing, and overdue once the due day has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import campaigns, deadlines, periods
from outreach_desk.store.models import Township
from outreach_desk.store.submission_models import ReceivedPackage

ON_TIME, LATE, SENT, MISSING, OVERDUE = "on_time", "late", "sent", "missing", "overdue"


def _tr(text: str) -> str:
    return translate("CountyStatus", text)


def state_label(state: str) -> str:
    return {ON_TIME: _tr("on time"), LATE: _tr("late"), SENT: _tr("sent"), MISSING: _tr("not sent"),
            OVERDUE: _tr("not sent, overdue")}[state]


@dataclass(frozen=True)
class TownshipMonth:
    township: str
    month: str
    sequence: int | None  # of the newest package
    written_at: dt.datetime | None  # when the township wrote its first package of the month (on time or late)
    received_at: dt.datetime | None  # when the newest came in
    packages: int
    file_name: str
    due: dt.date | None
    state: str

    @property
    def revised(self) -> bool:
        return self.packages > 1 or (self.sequence or 0) > 1

    @property
    def state_text(self) -> str:
        return state_label(self.state)

    def as_dict(self) -> dict:
        def text(value):
            return None if value is None else value.isoformat(sep=" ") if isinstance(value, dt.datetime) \
                else value.isoformat()

        return {"township": self.township, "month": self.month, "sequence": self.sequence,
                "written_at": text(self.written_at), "received_at": text(self.received_at),
                "packages": self.packages, "revised": self.revised, "file": self.file_name,
                "due": text(self.due), "state": self.state}


def due_date(month: str, township_id: int | None = None) -> dt.date | None:
    """The day the month's report is due by the township's current campaign's monthly deadline (its own, else
    the county's shared one); None without one."""
    campaign = campaigns.current(township_id)
    if campaign is None:
        return None
    days = [o.due for o in deadlines.occurrences(campaign) if o.repeats == deadlines.MONTHLY and o.month == month]
    return min(days) if days else None


def _as_datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def month_status(month: str, today: dt.date | None = None) -> list[TownshipMonth]:
    """Every township of the database for ``month`` ("YYYY-MM"), by name."""
    key = deadlines.month_key(periods.parse_month(month).start)
    today = today or dt.date.today()
    held: dict[int, list] = {}
    for row in (ReceivedPackage.select(ReceivedPackage.township, ReceivedPackage.sequence, ReceivedPackage.written_at,
                                       ReceivedPackage.received_at, ReceivedPackage.file_name)
                .where((ReceivedPackage.month == key) & ReceivedPackage.village.is_null())
                .order_by(ReceivedPackage.sequence, ReceivedPackage.id).tuples()):
        held.setdefault(row[0], []).append(row)
    result = []
    for township_id, name in Township.select(Township.id, Township.name).order_by(Township.name).tuples():
        rows = held.get(township_id)
        due = due_date(key, township_id)
        if not rows:
            state = OVERDUE if due is not None and today > due else MISSING
            result.append(TownshipMonth(name, key, None, None, None, 0, "", due, state))
            continue
        first, last = rows[0], rows[-1]
        written = _as_datetime(first[2])
        state = SENT if due is None else LATE if written.date() > due else ON_TIME
        result.append(TownshipMonth(name, key, last[1], written, _as_datetime(last[3]), len(rows),
                                    last[4], due, state))
    return result
