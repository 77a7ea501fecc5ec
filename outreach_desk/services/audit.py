"""The audit trail: when, who, what, and the stored values before and after every change.

Writers call :func:`record` (or :func:`record_many`) inside the transaction that makes the change,
with values they read back inside it, so the entry and the change commit or roll back together.
Who: on a database file the clerk's name from the settings (:mod:`services.clerk`, a module-level value so
worker threads write under the same name), on a server the database login (which the server itself also puts
there for a clerk's login, migration 0024); and the operating-system user. Times are stored in UTC; the page turns
them into local time. The page reads entries newest first a page at a time (keyset on (at, id)).
"""

from __future__ import annotations

import datetime as dt
import decimal
import getpass
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import peewee

from outreach_desk.services import clerk
from outreach_desk.store import DB
from outreach_desk.store.bulk import insert_rows
from outreach_desk.store.models import AuditLog

PAGE_SIZE = 200
MAX_SUMMARY = 500
MAX_NAME = clerk.MAX_NAME

CREATE, UPDATE, DELETE, RESTORE, REVERT, IMPORT = "create", "update", "delete", "restore", "revert", "import"

_os_user: str | None = None
_paused = 0


# ---------------------------------------------------------------------------- who
def os_user() -> str:
    """The operating-system account; "" when it cannot be told (never raises)."""
    global _os_user
    if _os_user is None:
        try:
            _os_user = getpass.getuser()
        except Exception:  # getpass raises OSError, KeyError or ImportError depending on the platform
            _os_user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
        _os_user = _os_user[:MAX_NAME]
    return _os_user


def actor() -> str:
    """Who signs the changes made now: the database login on a server, the clerk's name from the settings on a
    file ("" when none is set)."""
    from outreach_desk.store.server import bound_login

    return bound_login() or clerk.name()


@contextmanager
def paused() -> Iterator[None]:
    """Write no entries inside (the demo generator: made-up data is nobody's change)."""
    global _paused
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1


# ---------------------------------------------------------------------------- writing
def _plain(value):
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot write {type(value).__name__} into the audit trail")


def to_json(values: dict | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, default=_plain)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(sep=" ")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


@dataclass
class Entry:
    """One entry to write with :func:`record_many`."""

    action: str
    record_type: str
    record_id: int | None
    before: dict | None
    after: dict | None
    uuid: str | None = None
    summary: str = ""


def _require_transaction() -> None:
    if not DB.in_transaction():
        raise RuntimeError("audit entries are written inside the transaction of the change they describe")


def record(action: str, record_type: str, record_id: int | None, before: dict | None, after: dict | None,
           uuid: str | None = None, summary: str = "") -> None:
    """Write one entry; call it inside the caller's ``DB.atomic()`` after reading the stored values."""
    record_many([Entry(action, record_type, record_id, before, after, uuid, summary)])


def record_many(entries: Iterable[Entry]) -> int:
    """Write entries in bulk (``executemany`` in chunks), inside the caller's transaction; return how many."""
    _require_transaction()
    if _paused:
        return 0
    at = _iso(_utc_now())
    who, account = actor(), os_user()
    rows = [(at, who, account, e.action, e.record_type, e.record_id, e.uuid, (e.summary or "")[:MAX_SUMMARY],
             to_json(e.before), to_json(e.after)) for e in entries]
    if not rows:
        return 0
    return insert_rows("audit_log", ("at", "actor", "os_user", "action", "record_type", "record_id", "record_uuid",
                                     "summary", "before", "after"), rows)


def row_values(model, record_id: int) -> dict | None:
    """The stored values of one row, by field name (foreign keys as ids), or None when it is gone."""
    return model.select().where(model._meta.primary_key == record_id).dicts().first()


def only_stamp_changed(before: dict | None, after: dict | None, stamps: tuple[str, ...] = ("updated_at",)) -> bool:
    """True when saving changed nothing but the time stamp (and the version count): no entry is written then."""
    if before is None or after is None:
        return False
    return {k: v for k, v in before.items() if k not in stamps} == {k: v for k, v in after.items() if k not in stamps}


# ---------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class Who:
    """A clerk's name, or the OS user of entries written while no name was set."""

    actor: str
    os_user: str = ""

    @property
    def label(self) -> str:
        return self.actor or self.os_user


@dataclass(frozen=True)
class AuditFilter:
    start: dt.date | None = None  # local dates, both ends included
    end: dt.date | None = None
    who: Who | None = None
    record_type: str | None = None
    text: str = ""


@dataclass(frozen=True)
class AuditRow:
    """What the list shows of an entry (the values before and after are read when it is opened)."""

    id: int
    at: dt.datetime  # UTC
    actor: str
    os_user: str
    action: str
    record_type: str
    record_id: int | None
    summary: str

    @property
    def who(self) -> str:
        return self.actor or self.os_user

    @property
    def key(self) -> tuple[dt.datetime, int]:
        return self.at, self.id

    @property
    def local_time(self) -> dt.datetime:
        return local_time(self.at)


@dataclass(frozen=True)
class AuditEntry(AuditRow):
    record_uuid: str | None = None
    before: dict | None = None
    after: dict | None = None


@dataclass
class AuditPage:
    rows: list[AuditRow] = field(default_factory=list)
    #: the key to pass as ``after_key`` for the next page, or None after the last
    next_key: tuple[dt.datetime, int] | None = None


def local_time(utc: dt.datetime) -> dt.datetime:
    return utc.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def _utc_bound(day: dt.date) -> str:
    """Local midnight at the start of ``day``, in UTC, as the ISO text the column is compared with."""
    return _iso(dt.datetime.combine(day, dt.time.min).astimezone(dt.timezone.utc).replace(tzinfo=None))



_LIST_FIELDS = (AuditLog.id, AuditLog.at, AuditLog.actor, AuditLog.os_user, AuditLog.action, AuditLog.record_type,
                AuditLog.record_id, AuditLog.summary)


def _where(query, f: AuditFilter):
    if f.start is not None:
        query = query.where(AuditLog.at >= _utc_bound(f.start))
    if f.end is not None:
        query = query.where(AuditLog.at < _utc_bound(f.end + dt.timedelta(days=1)))
    if f.who is not None:
        query = query.where(AuditLog.actor == f.who.actor)
        if not f.who.actor:
            query = query.where(AuditLog.os_user == f.who.os_user)
    if f.record_type:
        query = query.where(AuditLog.record_type == f.record_type)
    text = (f.text or "").strip()
    if text:
        query = query.where(AuditLog.summary.contains(text) | AuditLog.before.contains(text)
                            | AuditLog.after.contains(text))
    return query


def entries(f: AuditFilter | None = None, after_key: tuple[dt.datetime, int] | None = None,
            limit: int = PAGE_SIZE) -> AuditPage:
    """Entries matching ``f``, newest first, ``limit`` at a time; pass the page's ``next_key`` for more."""
    query = _where(AuditLog.select(*_LIST_FIELDS), f or AuditFilter())
    if after_key is not None:
        at, entry_id = after_key
        query = query.where(peewee.Tuple(AuditLog.at, AuditLog.id) < peewee.Tuple(_iso(at), entry_id))
    rows = [AuditRow(*row) for row in
            query.order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit + 1).tuples()]
    more = len(rows) > limit
    rows = rows[:limit]
    return AuditPage(rows, rows[-1].key if more else None)


def _entry(row: dict) -> AuditEntry:
    return AuditEntry(id=row["id"], at=row["at"], actor=row["actor"], os_user=row["os_user"], action=row["action"],
                      record_type=row["record_type"], record_id=row["record_id"], summary=row["summary"],
                      record_uuid=row["record_uuid"],
                      before=json.loads(row["before"]) if row["before"] is not None else None,
                      after=json.loads(row["after"]) if row["after"] is not None else None)


def get(entry_id: int) -> AuditEntry | None:
    row = AuditLog.select().where(AuditLog.id == entry_id).dicts().first()
    return None if row is None else _entry(row)


def history(record_type: str, record_id: int) -> list[AuditEntry]:
    """Every entry of one record, oldest first."""
    query = (AuditLog.select().where((AuditLog.record_type == record_type) & (AuditLog.record_id == record_id))
             .order_by(AuditLog.id))
    return [_entry(row) for row in query.dicts()]


def actors() -> list[Who]:
    """Everyone who changed something: clerks by name, and OS users of entries written without a name."""
    account = peewee.Case(None, [(AuditLog.actor == "", AuditLog.os_user)], "")
    query = AuditLog.select(AuditLog.actor, account).distinct().tuples()
    return sorted({Who(name, user) for name, user in query}, key=lambda w: (w.actor == "", w.label))


def record_types() -> list[str]:
    return [row[0] for row in AuditLog.select(AuditLog.record_type).distinct().order_by(AuditLog.record_type).tuples()]


# ---------------------------------------------------------------------------- showing a change
@dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object
    changed: bool


def changes(before: dict | None, after: dict | None) -> list[FieldChange]:
    """Every field of either side, in stored order, with whether its value changed.

    A created record has no "before" and a deleted one no "after": all their fields count as changed.
    """
    before, after = before or {}, after or {}
    keys = list(after) + [k for k in before if k not in after]
    missing = object()
    result = []
    for key in keys:
        old, new = before.get(key, missing), after.get(key, missing)
        result.append(FieldChange(key, None if old is missing else old, None if new is missing else new, old != new))
    return result


def changed_fields(before: dict | None, after: dict | None) -> list[FieldChange]:
    return [c for c in changes(before, after) if c.changed]
