"""报送情况: which township sent which month, when, which sending, and whether on time, late or missing.

One row per township of the county database for a month: the newest package imported for it (its
sequence number, when the township wrote it and when the county took it in, how many packages of
that month came in), checked against the monthly report deadline (每月5日前报送月报) of the township's
campaign (or the county's shared one) when one exists: a package written after the due day is late;
no package is missing, and overdue once the due day has passed. A township's database lists instead the
villages and communities that send it packages of their own (:func:`village_status`).

:func:`missing_months` says which months of a township's campaign the county holds no package for: its
figures over the campaign (cumulative targets, to-date views) lack those months' records, so the import,
the county's report and its dashboard name them (未报送) instead of showing the gap as zeros.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import campaigns, deadlines, periods
from outreach_desk.store.models import Township, Village
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


def _packages(key: str, village: bool) -> dict[int, list]:
    """Township (or, with ``village``, village) id -> its packages of the month ``key``, oldest sending first."""
    column = ReceivedPackage.village if village else ReceivedPackage.township
    scope = ReceivedPackage.village.is_null(False) if village else ReceivedPackage.village.is_null()
    held: dict[int, list] = {}
    for row in (ReceivedPackage.select(column, ReceivedPackage.sequence, ReceivedPackage.written_at,
                                       ReceivedPackage.received_at, ReceivedPackage.file_name)
                .where((ReceivedPackage.month == key) & scope)
                .order_by(ReceivedPackage.sequence, ReceivedPackage.id).tuples()):
        held.setdefault(row[0], []).append(row)
    return held


def _row(name: str, key: str, rows: list | None, due: dt.date | None, today: dt.date) -> TownshipMonth:
    if not rows:
        return TownshipMonth(name, key, None, None, None, 0, "", due,
                             OVERDUE if due is not None and today > due else MISSING)
    first, last = rows[0], rows[-1]
    written = _as_datetime(first[2])
    state = SENT if due is None else LATE if written.date() > due else ON_TIME
    return TownshipMonth(name, key, last[1], written, _as_datetime(last[3]), len(rows), last[4], due, state)


def month_status(month: str, today: dt.date | None = None) -> list[TownshipMonth]:
    """Every township of the database for ``month`` ("YYYY-MM"), by name."""
    key = deadlines.month_key(periods.parse_month(month).start)
    today = today or dt.date.today()
    held = _packages(key, village=False)
    return [_row(name, key, held.get(township_id), due_date(key, township_id), today)
            for township_id, name in Township.select(Township.id, Township.name).order_by(Township.name).tuples()]


def village_status(month: str, today: dt.date | None = None) -> list[TownshipMonth]:
    """A township's database: for ``month``, every village or community that has ever sent it a package (those
    keeping their own copy of the program), by name; villages have no deadline of their own, so sent or not."""
    key = deadlines.month_key(periods.parse_month(month).start)
    held = _packages(key, village=True)
    senders = ReceivedPackage.select(ReceivedPackage.village).where(ReceivedPackage.village.is_null(False))
    return [_row(name, key, held.get(village_id), None, today or dt.date.today())
            for village_id, name in Village.select(Village.id, Village.name).where(Village.id.in_(senders))
            .order_by(Village.name).tuples()]


def _campaign_of(township_id: int | None) -> campaigns.CampaignInfo | None:
    """The township's current campaign; for a township not in the database yet, the county's shared one."""
    if township_id is not None:
        return campaigns.current(township_id)
    shared = [c for c in campaigns.list_campaigns() if c.township_id is None and c.is_current]
    return shared[0] if shared else None


def _received(township_id: int) -> set[str]:
    return {row[0] for row in ReceivedPackage.select(ReceivedPackage.month).where(
        (ReceivedPackage.township == township_id) & ReceivedPackage.village.is_null()).tuples()}


def missing_months(township_id: int | None, through: str, *, before: bool = False,
                   campaign: campaigns.CampaignInfo | None = None) -> list[str]:
    """The months ("YYYY-MM") of the township's campaign from its first up to ``through`` (``before``: up to the
    month before it) for which this database holds no package of the township, oldest first; none without a
    campaign. ``township_id`` None: a township new to the database, against the county's shared campaign."""
    campaign = campaign or _campaign_of(township_id)
    if campaign is None:
        return []
    last = periods.parse_month(through).start
    if before:
        last -= dt.timedelta(days=1)
    held = _received(township_id) if township_id is not None else set()
    return _not_held(campaign, last, held)


def _not_held(campaign: campaigns.CampaignInfo, last: dt.date, held: set[str]) -> list[str]:
    """The campaign's months up to the one holding ``last`` that are not in ``held``, oldest first."""
    return [key for key in (deadlines.month_key(m.start) for m in periods.campaign_months(campaign, until=last))
            if key not in held]


def townships_missing(through: str, township_ids=None) -> dict[int, list[str]]:
    """Each township (of ``township_ids``, else all) that sends this database packages, with the months of its
    own campaign up to ``through`` it holds none for. A township that never sent one is left out: its records
    are entered here (a county server's township clerks), or it is a township's own database. The months held
    and the campaigns come from one query each for all townships."""
    query = ReceivedPackage.select(ReceivedPackage.township, ReceivedPackage.month).where(
        ReceivedPackage.village.is_null())
    if township_ids is not None:
        query = query.where(ReceivedPackage.township.in_(list(township_ids)))
    held: dict[int, set[str]] = {}
    for township_id, month in query.distinct().tuples():
        held.setdefault(township_id, set()).add(month)
    last = periods.parse_month(through).start
    found = {}
    current = campaigns.current_of_each(held)
    for township_id, months in held.items():
        campaign = current[township_id]
        if campaign is None:
            continue
        missing = _not_held(campaign, last, months)
        if missing:
            found[township_id] = missing
    return found


def months_text(months: list[str]) -> str:
    """The months ("YYYY-MM", oldest first) as a clerk reads them, the year named once per year: "2026年9月、10月、
    2027年1月"."""
    parts, year = [], None
    for month in months:
        number = int(month[5:])
        if month[:4] != year:
            year = month[:4]
            parts.append(_tr("{year}-{month}").format(year=int(year), month=number))
        else:
            parts.append(translate("CountyStatus", "{month}", "a month of the year named before it").format(
                month=number))
    return _tr(", ").join(parts)
