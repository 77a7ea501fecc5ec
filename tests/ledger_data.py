"""A varied little ledger shared by the ledger tests (query service, model, page)."""

from __future__ import annotations

import datetime as dt
import random

from outreach_desk.services import ledger, organisation as org
from outreach_desk.store import DB
from outreach_desk.store.models import Photo

PLACES = ["村委会门口", "文化广场", "小区东门", "学校操场", "集贸市场", "100%到场", "a_b 路口", ""]
NOTES = ["发放宣传单", "", "结合赶集日", "派出所民警讲解冒充公检法诈骗", "50%以上老人参加"]


def make_records(township: dict, count: int = 150) -> dict:
    """``count`` varied records; returns the township ids plus the stored inputs by id."""
    rng = random.Random(7)
    extra_village = org.add_village(township["township"], "东山村")
    extra_site = org.add_site(extra_village, "东山小学", "school", students=80, classes=4)
    second_unit = org.add_member_unit(township["township"], "司法所")
    sites = {township["village1"]: [township["school"], township["factory"], None],
             township["village2"]: [township["block"], None],
             extra_village: [extra_site, None]}
    kinds = list(township["kinds"].values())
    stored: dict[int, ledger.ActivityInput] = {}
    with DB.atomic():
        for i in range(count):
            village = rng.choice(list(sites))
            data = ledger.ActivityInput(
                date=dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300)),
                village_id=village, kind_id=rng.choice(kinds), quantity=rng.choice([1, 1, 2, 5, 40]),
                people=rng.choice([0, 0, 30, 120]), site_id=rng.choice(sites[village]),
                member_unit_id=rng.choice([None, township["unit"], second_unit]),
                audiences=rng.randrange(0, 32), topics=rng.randrange(0, 64),
                place_note=rng.choice(PLACES), notes=rng.choice(NOTES))
            stored[ledger.create(data)] = data
        some = sorted(stored)[:5]
        for n, activity_id in enumerate(some):
            for k in range(n + 1):
                Photo.insert(activity=activity_id, sha256=f"{activity_id:032d}{k:032d}", ext="jpg",
                             original_name=f"p{k}.jpg").execute()
    return {**township, "village3": extra_village, "site3": extra_site, "unit2": second_unit,
            "stored": stored, "photos": {a: n + 1 for n, a in enumerate(some)}}
