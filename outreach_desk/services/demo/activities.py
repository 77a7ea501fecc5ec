"""Demo activity records: a campaign year of every kind, in date order, loaded with ``executemany``.

Each kind has a plan (how often, at which sites, organised by which member units, what amounts);
audiences and topics follow the place (students at schools, migrant workers in factories, the
elderly and health-product scams in communities). Records get time-ordered (version 7) uuids and
arrive in date order, so every index of the activity table is appended to, which keeps a million
records well inside a minute.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services.demo import names
from outreach_desk.services import vocab
from outreach_desk.services.demo.organisation import DemoSite, DemoVillage
from outreach_desk.store import DB

CAMPAIGN_START = dt.date(2026, 1, 1)
CAMPAIGN_END = dt.date(2026, 12, 31)
RECORDS_UNTIL = dt.date(2026, 11, 30)
CHUNK = 20_000

Progress = Callable[[int, int, str], None]


def _uniform(rand, low: int, high: int) -> int:
    return low + int(rand() * (high - low + 1))


def _skewed(rand, low: int, high: int) -> int:
    """Mostly small, sometimes large, like real head counts."""
    r = rand()
    return low + int(r * r * (high - low + 1))


def _poster(rand, site, village):
    if site is not None and site.kind == "residential_block":
        quota = max(1, site.entrances + site.elevators)
        return _uniform(rand, max(1, quota // 2), quota), 0
    return _uniform(rand, 2, 30), 0


def _lecture(rand, site, village):
    if site is not None and site.kind == "school":
        return 1, min(site.students, _skewed(rand, 150, 1200))
    return 1, _skewed(rand, 20, 250)


def _leaflet(rand, site, village):
    copies = _skewed(rand, 50, 2000)
    return copies, int(copies * (0.7 + 0.3 * rand()))


def _parent_letter(rand, site, village):
    issued = _uniform(rand, max(1, site.students // 6), max(1, site.students))
    return issued, int(issued * (0.8 + 0.2 * rand()))


def _class_meeting(rand, site, village):
    meetings = _uniform(rand, 1, max(1, site.classes))
    return meetings, min(site.students, meetings * _uniform(rand, 30, 48))


def _sms(rand, site, village):
    recipients = _skewed(rand, 200, max(400, village.residents))
    return recipients, recipients


def _wechat(rand, site, village):
    recipients = _skewed(rand, 50, 3000)
    return recipients, recipients


def _home_visit(rand, site, village):
    limit = site.households if site is not None and site.households else 80
    households = _skewed(rand, 5, max(5, min(80, limit)))
    return households, int(households * (2 + 1.5 * rand()))


@dataclass(frozen=True)
class KindPlan:
    """How often a kind is logged, where, by whom, and what amounts are plausible."""

    share: float
    site_share: float
    site_weights: dict[str, int]
    unit_share: float
    unit_roles: tuple[str, ...]
    amount: Callable
    school_term_only: bool = False


TELECOMS = ("telecom", "mobile", "unicom")
KIND_PLANS = {
    "banner": KindPlan(8, 0.7, {"residential_block": 3, "factory": 2, "market": 2, "public_place": 2, "school": 1},
                       0.3, ("police", "market", "credit_coop"), lambda r, s, v: (_uniform(r, 1, 6), 0)),
    "poster": KindPlan(14, 0.9, {"residential_block": 6, "factory": 2, "market": 1, "business_outlet": 1},
                       0.3, ("police", "market", *TELECOMS), _poster),
    "display_window": KindPlan(3, 0.8, {"residential_block": 3, "factory": 2, "school": 1},
                               0.2, ("police",), lambda r, s, v: (_uniform(r, 1, 2), 0)),
    "bulletin_board": KindPlan(3, 0.6, {"school": 3, "other": 2, "residential_block": 1},
                               0.3, ("education", "police"), lambda r, s, v: (_uniform(r, 1, 3), 0)),
    "column": KindPlan(2, 0.3, {"other": 2, "school": 1}, 0.2, ("culture",), lambda r, s, v: (1, 0)),
    "info_point": KindPlan(5, 0.7, {"market": 3, "public_place": 2, "business_outlet": 1}, 0.7,
                           ("police", "judicial", "credit_coop", "market", *TELECOMS),
                           lambda r, s, v: (_uniform(r, 1, 2), _skewed(r, 20, 300))),
    "led_screen": KindPlan(4, 0.9, {"business_outlet": 4, "public_place": 1, "school": 1, "market": 1}, 0.9,
                           ("credit_coop", *TELECOMS), lambda r, s, v: (_uniform(r, 1, 3) * _uniform(r, 1, 30), 0)),
    "lecture": KindPlan(7, 0.6, {"school": 3, "factory": 2, "other": 2, "residential_block": 1}, 0.8,
                        ("police", "police", "judicial"), _lecture),
    "cultural_event": KindPlan(2, 0.6, {"public_place": 3, "other": 1}, 0.8, ("culture",),
                               lambda r, s, v: (1, _skewed(r, 80, 800))),
    "prize_quiz": KindPlan(2, 0.6, {"school": 2, "public_place": 2, "market": 1, "residential_block": 1}, 0.6,
                           ("police", "judicial", "culture"), lambda r, s, v: (1, _skewed(r, 15, 200))),
    "leaflet": KindPlan(14, 0.7, {"market": 3, "public_place": 2, "business_outlet": 2, "residential_block": 2,
                                  "factory": 1}, 0.6, ("police", "judicial", "market", "credit_coop", *TELECOMS),
                        _leaflet),
    "parent_letter": KindPlan(1.5, 1.0, {"school": 1}, 1.0, ("education",), _parent_letter, school_term_only=True),
    "class_meeting": KindPlan(4, 1.0, {"school": 1}, 1.0, ("education",), _class_meeting, school_term_only=True),
    "sms_push": KindPlan(2, 0.0, {}, 1.0, TELECOMS, _sms),
    "wechat_push": KindPlan(8, 0.1, {"residential_block": 1}, 0.6, ("police", "culture"), _wechat),
    "broadcast": KindPlan(7, 0.05, {"public_place": 1}, 0.7, ("culture",), lambda r, s, v: (_uniform(r, 1, 14), 0)),
    "home_visit": KindPlan(13.5, 0.4, {"residential_block": 1}, 0.4, ("police", "judicial"), _home_visit),
    "app_registration": KindPlan(1.5, 0.3, {"residential_block": 1, "factory": 1}, 0.7, ("police",),
                                 lambda r, s, v: (_uniform(r, 5, 60), 0)),
}

# Campaign rhythm: quiet at Spring Festival, a concentrated push in spring, busiest in recent months.
MONTH_WEIGHTS = {1: 0.7, 2: 0.45, 3: 1.0, 4: 1.15, 5: 1.15, 6: 1.0, 7: 0.8, 8: 0.8, 9: 1.1, 10: 1.0, 11: 1.4, 12: 1.4}
WEEKDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 1.0, 0.45, 0.3)
SCHOOL_HOLIDAY_MONTHS = (2, 7, 8)

AUDIENCE_BITS = {t.code: t.bit for t in vocab.AUDIENCES}
TOPIC_BITS = {t.code: t.bit for t in vocab.TOPICS}
# Audience chances by where it happened (the first one stands in when none is drawn).
AUDIENCE_CHANCES = {
    "residential_block": (("elderly", 0.6), ("migrant_workers", 0.35), ("rural_residents", 0.15),
                          ("self_employed", 0.15)),
    "factory": (("migrant_workers", 0.9), ("rural_residents", 0.3)),
    "school": (("students", 1.0),),
    "market": (("self_employed", 0.8), ("rural_residents", 0.5), ("elderly", 0.3)),
    "business_outlet": (("self_employed", 0.5), ("elderly", 0.5), ("rural_residents", 0.4)),
    "public_place": (("rural_residents", 0.7), ("elderly", 0.5), ("migrant_workers", 0.2)),
    "other": (("rural_residents", 0.7), ("elderly", 0.5)),
    "village": (("rural_residents", 0.9), ("elderly", 0.5), ("migrant_workers", 0.15)),
    "community": (("elderly", 0.6), ("migrant_workers", 0.4), ("self_employed", 0.3), ("rural_residents", 0.1)),
}
TOPIC_CHANCES = {
    "fake_poverty_relief": 0.25,
    "impersonating_officials": 0.35,
    "high_return_fundraising": 0.25,
    "wechat_sms_scams": 0.4,
    "impersonating_relatives": 0.25,
    "elderly_health_products": 0.2,
}
TOPIC_BIAS = {  # audience -> topics it is most exposed to
    "elderly": ("elderly_health_products", "impersonating_relatives"),
    "students": ("wechat_sms_scams", "impersonating_officials"),
    "migrant_workers": ("high_return_fundraising", "wechat_sms_scams"),
    "rural_residents": ("fake_poverty_relief",),
    "self_employed": ("high_return_fundraising",),
}


def _audience_masks(rng: random.Random, context: str, count: int = 128) -> list[int]:
    chances = AUDIENCE_CHANCES[context]
    masks = []
    for _ in range(count):
        mask = sum(AUDIENCE_BITS[code] for code, chance in chances if rng.random() < chance)
        masks.append(mask or AUDIENCE_BITS[chances[0][0]])
    return masks


def _topic_mask(rng: random.Random, audiences: int) -> int:
    favoured = {topic for code, topics in TOPIC_BIAS.items() if audiences & AUDIENCE_BITS[code] for topic in topics}
    mask = 0
    for code, chance in TOPIC_CHANCES.items():
        if rng.random() < (chance + 0.35 if code in favoured else chance):
            mask |= TOPIC_BITS[code]
    return mask or TOPIC_BITS[rng.choice(sorted(favoured) or list(TOPIC_CHANCES))]


def _campaign_days() -> tuple[list[dt.date], list[float]]:
    days, weights = [], []
    day = CAMPAIGN_START
    while day <= RECORDS_UNTIL:
        days.append(day)
        weights.append(MONTH_WEIGHTS[day.month] * (1 + 0.05 * (day.month - 1)) * WEEKDAY_WEIGHTS[day.weekday()])
        day += dt.timedelta(days=1)
    return days, weights


def _expanded(items, weight) -> list:
    """A list where each item appears ``weight(item)`` times, for O(1) weighted picks."""
    return [item for item in items for _ in range(weight(item))]


def _uuid7(epoch_ms: int, random_bits: int) -> str:
    """A version-7 UUID (RFC 9562): time-ordered, so a bulk load appends to the uuid index."""
    value = (epoch_ms << 80) | (0x7 << 76) | ((random_bits >> 62) << 64) | (0b10 << 62) | (random_bits & (2**62 - 1))
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
OFFICE_SECONDS = range(8 * 3600, 19 * 3600)  # records are entered during office hours


@dataclass
class _Tables:
    """Everything the per-record loop looks up, precomputed so that a record costs a few list picks."""

    kinds: list[str]
    villages_by_id: dict[int, DemoVillage]
    village_pool: list[DemoVillage]
    site_pools: dict[str, list[DemoSite]]
    unit_pools: dict[str, dict[int, list[int]]]
    audiences: dict[str, list[int]]
    topics: dict[str, list[int]]
    place_notes: dict[str, list[str]]
    kind_notes: dict[str, list[str]]
    term_weights: list[float]
    holiday_weights: list[float]
    clock: list[str]


def _tables(rng: random.Random, summary) -> _Tables:
    kinds = [code for code in KIND_PLANS if code in summary.kind_ids]
    audiences = {context: _audience_masks(rng, context) for context in AUDIENCE_CHANCES}
    return _Tables(
        kinds=kinds,
        villages_by_id={v.id: v for v in summary.villages},
        village_pool=_expanded(summary.villages, lambda v: max(1, round(math.sqrt(v.residents) / 10))),
        site_pools={code: _expanded(summary.sites, lambda s, w=KIND_PLANS[code].site_weights: w.get(s.kind, 0))
                    for code in kinds},
        unit_pools={code: {t: [units[r] for r in KIND_PLANS[code].unit_roles]
                           for t, units in summary.member_units.items()}
                    for code in kinds},
        audiences=audiences,
        topics={context: [_topic_mask(rng, mask) for mask in masks] for context, masks in audiences.items()},
        place_notes={context: [*notes, *[""] * (len(notes) // 2 + 1)] for context, notes in names.PLACE_NOTES.items()},
        kind_notes={code: [*names.KIND_NOTES.get(code, ()), *[""] * 3] for code in kinds},
        term_weights=[KIND_PLANS[code].share for code in kinds],
        holiday_weights=[0 if KIND_PLANS[code].school_term_only else KIND_PLANS[code].share for code in kinds],
        clock=[f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in OFFICE_SECONDS],
    )


def _daily_counts(rng: random.Random, total: int) -> list[tuple[dt.date, int]]:
    """How many records fall on each campaign day, ``total`` in all."""
    days, weights = _campaign_days()
    counts = [0] * len(days)
    for index in rng.choices(range(len(days)), weights=weights, k=total):
        counts[index] += 1
    return [(day, count) for day, count in zip(days, counts) if count]


def _day_rows(rng: random.Random, tables: _Tables, summary, day: dt.date, count: int):
    """The ``count`` activity rows of one day, as parameter tuples in column order of ``INSERT_SQL``."""
    rand, getrandbits = rng.random, rng.getrandbits
    weights = tables.holiday_weights if day.month in SCHOOL_HOLIDAY_MONTHS else tables.term_weights
    entry_days = []
    for offset in (0, 1):
        entry_day = day + dt.timedelta(days=offset)
        midnight = dt.datetime(entry_day.year, entry_day.month, entry_day.day, tzinfo=CHINA_TIME)
        entry_days.append((entry_day.isoformat(), int(midnight.timestamp()) + OFFICE_SECONDS.start))
    date_text = day.isoformat()
    village_pool, clock = tables.village_pool, tables.clock
    for code in rng.choices(tables.kinds, weights=weights, k=count):
        plan = KIND_PLANS[code]
        pool = tables.site_pools[code]
        if pool and rand() < plan.site_share:
            site = pool[int(rand() * len(pool))]
            village = tables.villages_by_id[site.village_id]
            context = site.kind
        else:
            site = None
            village = village_pool[int(rand() * len(village_pool))]
            context = village.kind
        quantity, people = plan.amount(rand, site, village)
        unit_id = None
        if rand() < plan.unit_share:
            if site is not None and site.role in plan.unit_roles:
                unit_id = summary.member_units[village.township_id][site.role]
            else:
                candidates = tables.unit_pools[code][village.township_id]
                unit_id = candidates[int(rand() * len(candidates))]
        pick = int(rand() * 128)
        places, notes = tables.place_notes[context], tables.kind_notes[code]
        entry_date, entry_epoch = entry_days[rand() < 0.35]
        second = int(rand() * len(clock))
        entered = f"{entry_date} {clock[second]}"
        yield (
            _uuid7((entry_epoch + second) * 1000 + int(rand() * 1000), getrandbits(74)), date_text, village.id,
            None if site is None else site.id, unit_id, summary.kind_ids[code], max(1, quantity), max(0, people),
            tables.audiences[context][pick], tables.topics[context][pick],
            places[int(rand() * len(places))], notes[int(rand() * len(notes))], entered, entered,
        )


INSERT_COLUMNS = ("uuid", "date", "village_id", "site_id", "member_unit_id", "kind_id", "quantity", "people",
                  "audiences", "topics", "place_note", "notes", "created_at", "updated_at")


def create_activities(rng: random.Random, total: int, summary, report: Progress) -> None:
    """Insert ``total`` records in date order, ``CHUNK`` rows per ``executemany``."""
    tables = _tables(rng, summary)
    sql = (f"INSERT INTO activity ({', '.join(INSERT_COLUMNS)}) "
           f"VALUES ({', '.join([DB.param] * len(INSERT_COLUMNS))})")
    rows: list[tuple] = []
    done = 0
    for day, count in _daily_counts(rng, total):
        rows.extend(_day_rows(rng, tables, summary, day, count))
        if len(rows) >= CHUNK:
            done = _flush(sql, rows, done, total, report)
    if rows:
        _flush(sql, rows, done, total, report)
    summary.activities = total


def _flush(sql: str, rows: list[tuple], done: int, total: int, report: Progress) -> int:
    DB.cursor().executemany(sql, rows)
    done += len(rows)
    rows.clear()
    text = translate("Demo", "Generating activity records: {done} of {total}…")
    report(done, total, text.format(done=f"{done:,}", total=f"{total:,}"))
    return done
