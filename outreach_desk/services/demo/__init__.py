"""Synthetic demo data: a township or a whole county with a campaign year of activity records.

Benchmarks, screenshots and ``outreach-desk --demo`` need realistic volume without real data.
Everything comes from a seeded ``random.Random``, so a seed always gives the same database.
The whole run is one transaction (activities go in by ``executemany`` in chunks inside it), so a
cancelled or failed run leaves the database exactly as it was. The ledger's full-text index is
filled once after the records are in, not by a trigger per record. Organisation and activities are
built in ``organisation`` and ``activities`` from the word lists in ``names``.

Other services add their own demo data with one line in ``EXTRA_STEPS``: a ``"module:function"``
path to ``function(rng, scale, summary)``, called after the activities inside the same
transaction with its own seeded generator; ``summary`` holds every id created so far.
"""

from __future__ import annotations

import importlib
import random
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import peewee
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import ledger_search
from outreach_desk.services.coverage import tally
from outreach_desk.services.demo.activities import CAMPAIGN_END, CAMPAIGN_START, RECORDS_UNTIL, create_activities
from outreach_desk.services.demo.organisation import DemoSite, DemoVillage, create_organisation
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import DB, server
from outreach_desk.store.models import Activity

__all__ = [
    "CAMPAIGN_END", "CAMPAIGN_START", "EXTRA_STEPS", "RECORDS_UNTIL", "SCALES", "DemoRefusedError", "DemoSite",
    "DemoSummary", "DemoVillage", "Scale", "generate", "has_records",
]

CONTEXT = "Demo"
DEMO_NAMESPACE = uuid.UUID("6f1d2c3e-9a47-4b8e-8d55-0c1f2e3a4b5c")  #: of the demo's made-up uuids

# "module:function" of further demo steps, each called as function(rng, scale, summary).
EXTRA_STEPS: tuple[str, ...] = ("outreach_desk.services.demo.coverage_data:add_demo_data",
                               "outreach_desk.services.demo.cases_data:add_demo_cases")

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class Scale:
    name: str
    label_source: str
    townships: int
    villages: int
    activities: int

    @property
    def label(self) -> str:
        return _tr(self.label_source)


SCALES = {
    "township": Scale("township", QT_TRANSLATE_NOOP("Demo", "one township"), 1, 25, 6_000),
    "county": Scale("county", QT_TRANSLATE_NOOP("Demo", "a county of 20 townships"), 20, 500, 1_000_000),
}


class DemoRefusedError(ServiceError):
    """The database is not empty; demo data never mixes with real records."""


@dataclass
class DemoSummary:
    """What a run created: ids for later steps, counts for the report."""

    scale: str
    seed: int
    township_ids: list[int] = field(default_factory=list)
    villages: list[DemoVillage] = field(default_factory=list)
    sites: list[DemoSite] = field(default_factory=list)
    member_units: dict[int, dict[str, int]] = field(default_factory=dict)
    kind_ids: dict[str, int] = field(default_factory=dict)
    activities: int = 0
    extra: list[tuple[str, int]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def member_unit_count(self) -> int:
        return sum(len(units) for units in self.member_units.values())

    def sites_of_kind(self, kind: str) -> list[DemoSite]:
        return [s for s in self.sites if s.kind == kind]

    def uuid_for(self, *key) -> str:
        """A uuid made from the seed and ``key`` (what names the row), so a seed always gives the same uuids."""
        return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in (self.seed, *key))))

    def add_count(self, label: str, count: int) -> None:
        """Let an extra step report what it created (``label`` already translated)."""
        self.extra.append((label, count))


def generate(scale: str, seed: int = 1, progress: Progress | None = None) -> DemoSummary:
    """Fill the open, empty database with demo data at ``scale``; refuse a database with records."""
    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r}; expected one of {sorted(SCALES)}")
    spec = SCALES[scale]
    report = progress or (lambda done, total, text="": None)
    started = time.perf_counter()
    summary = DemoSummary(scale, seed)
    with _bulk_load_settings():
        with DB.atomic():
            _refuse_if_not_empty()
            report(0, spec.activities, _tr("Creating townships, villages and sites…"))
            create_organisation(random.Random(f"{seed}/organisation"), spec.townships, spec.villages, summary)
            with ledger_search.deferred_index(), tally.deferred():
                create_activities(random.Random(f"{seed}/activities"), spec.activities, summary, report)
                for step in EXTRA_STEPS:
                    report(spec.activities, spec.activities, _tr("Adding further demo data…"))
                    _resolve(step)(random.Random(f"{seed}/{step}"), spec, summary)
    report(spec.activities, spec.activities, _tr("Demo data complete."))
    summary.seconds = time.perf_counter() - started
    return summary


def _resolve(path: str) -> Callable:
    module_name, function_name = path.split(":")
    return getattr(importlib.import_module(module_name), function_name)


def has_records() -> bool:
    """Whether the open store holds any activity record (demo data is only written into one without)."""
    return Activity.select(Activity.id).exists()


def _refuse_if_not_empty() -> None:
    count = Activity.select().count()
    if count:
        raise DemoRefusedError(
            _tr("This database already holds {count} activity records. Demo data is only written into an empty "
                "database; choose a new file.").format(count=count)
        )


@contextmanager
def _bulk_load_settings():
    """SQLite: no fsync per commit while loading (restored afterwards), then fold the WAL back. A server: its
    statistics and visibility map made afresh once the load is committed (``server.refresh_statistics``).

    A larger page cache or switching foreign keys off gained nothing measurable: records arrive in
    date order with time-ordered uuids, so every index is appended to rather than scattered.
    """
    database = DB.obj
    if not isinstance(database, peewee.SqliteDatabase):
        yield
        if isinstance(database, peewee.PostgresqlDatabase):
            server.refresh_statistics(database)
        return
    saved = int(database.execute_sql("PRAGMA synchronous").fetchone()[0])
    database.execute_sql("PRAGMA synchronous = OFF")
    try:
        yield
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.execute_sql(f"PRAGMA synchronous = {saved}")
