"""Demo organisation: townships with their member units, villages and communities, and their sites.

Sizes follow real townships: about a fifth of the villages are communities (the first is the
township seat, with the township's schools, market, outlets and bus station); communities hold
housing estates, villages hold factories, a small school and a cultural square.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from outreach_desk.services.demo import names
from outreach_desk.store.models import ActivityKind, MemberUnit, Site, Township, Village


@dataclass(frozen=True)
class DemoVillage:
    id: int
    township_id: int
    name: str
    kind: str
    stem: str
    households: int
    residents: int


@dataclass(frozen=True)
class DemoSite:
    id: int
    village_id: int
    township_id: int
    name: str
    kind: str
    role: str
    entrances: int = 0
    elevators: int = 0
    households: int = 0
    residents: int = 0
    students: int = 0
    classes: int = 0


def _split(rng: random.Random, total: int, parts: int, floor: int = 8) -> list[int]:
    """``parts`` counts around total/parts that add up to exactly ``total``."""
    if parts == 1:
        return [total]
    mean = total / parts
    counts = [max(floor, round(mean * rng.uniform(0.7, 1.3))) for _ in range(parts)]
    while sum(counts) != total:
        i = rng.randrange(parts)
        step = 1 if sum(counts) < total else -1
        if counts[i] + step >= floor:
            counts[i] += step
    return counts


def create_organisation(rng: random.Random, townships: int, villages: int, summary) -> None:
    """Insert ``townships`` townships holding ``villages`` villages in all; record every id in ``summary``."""
    taken = [row[0] for row in Township.select(Township.name).tuples()]
    township_stems = names.township_stems(rng, taken)
    village_pools = names.village_stem_pools(rng)
    community_pool = names.community_stem_pool(rng)
    for count in _split(rng, villages, townships):
        stem = township_stems.take()
        township_name = stem + ("乡" if rng.random() < 0.2 else "镇")
        township_id = Township.insert(name=township_name, office_name=f"{township_name}综治办",
                                      uuid=summary.uuid_for("township", township_name)).execute()
        summary.township_ids.append(township_id)
        summary.member_units[township_id] = {
            role: MemberUnit.insert(township=township_id, name=pattern.format(t=township_name), duties=duties,
                                    uuid=summary.uuid_for("member_unit", township_name, role)).execute()
            for role, (pattern, duties) in names.MEMBER_UNITS.items()
        }
        estates, firms = names.estate_pool(rng), names.firm_pool(rng)
        communities = max(1, round(count * 0.22))
        for index in range(count):
            is_community = index < communities
            if is_community:
                village_stem = community_pool.take()
            else:
                village_stem = rng.choices(village_pools, weights=(35, 30, 35))[0].take()
            village = _add_village(rng, township_id, village_stem, is_community, summary)
            summary.villages.append(village)
            planned = _plan_sites(rng, village, township_name, index == 0, estates, firms)
            for name, kind, role, counts in planned:
                site_id = Site.insert(village=village.id, name=name, kind=kind, **counts,
                                      uuid=summary.uuid_for("site", village.id, name)).execute()
                summary.sites.append(DemoSite(site_id, village.id, township_id, name, kind, role, **counts))
    summary.kind_ids = {code: kind_id for code, kind_id in ActivityKind.select(ActivityKind.code, ActivityKind.id)
                        .where(ActivityKind.builtin == True).tuples()}  # noqa: E712 (peewee expression)


def _add_village(rng: random.Random, township_id: int, stem: str, is_community: bool, summary) -> DemoVillage:
    if is_community:
        kind, name = "community", f"{stem}社区"
        households = rng.randint(1200, 4500)
        residents = round(households * rng.uniform(2.4, 3.0))
    else:
        kind, name = "village", f"{stem}村"
        households = rng.randint(200, 900)
        residents = round(households * rng.uniform(2.8, 3.6))
    village_id = Village.insert(township=township_id, name=name, kind=kind, households=households,
                                residents=residents, uuid=summary.uuid_for("village", township_id, name)).execute()
    return DemoVillage(village_id, township_id, name, kind, stem, households, residents)


def _estate(rng: random.Random, modern: bool) -> dict:
    entrances = rng.randint(4, 24) * rng.randint(1, 3) if modern else rng.randint(2, 10)
    households = entrances * (rng.randint(10, 24) if modern else rng.randint(8, 16))
    return {"entrances": entrances, "elevators": entrances if modern and rng.random() < 0.6 else 0,
            "households": households, "residents": round(households * rng.uniform(2.4, 3.1))}


def _school(rng: random.Random, low: int, high: int, class_size: int) -> dict:
    students = rng.randint(low, high)
    return {"entrances": rng.randint(1, 2), "students": students, "classes": max(1, math.ceil(students / class_size))}


def _plan_sites(rng, village: DemoVillage, township: str, is_seat: bool, estates, firms) -> list[tuple]:
    """(name, kind, outlet role, counts) for the sites of one village or community."""
    v = village.stem
    plan: list[tuple] = []

    def add(name: str, kind: str, role: str = "", **counts) -> None:
        if name not in {p[0] for p in plan}:
            plan.append((name, kind, role, counts))

    def maybe(chance: float) -> bool:
        return rng.random() < chance

    if is_seat:
        add(f"{township}中心小学", "school", **_school(rng, 600, 1800, 45))
        add(f"{township}中学", "school", **_school(rng, 800, 2500, 50))
        add(f"{township}中心幼儿园", "school", **_school(rng, 120, 360, 30))
        add(f"{township}农贸市场", "market", entrances=rng.randint(2, 6))
        for pattern, role in names.SEAT_OUTLETS:
            add(pattern.format(t=township), "business_outlet", role, entrances=1)
        add("汽车站广场", "public_place", entrances=rng.randint(1, 3))
        add(f"{township}文化广场", "public_place")
        add(f"{township}卫生院", "other", entrances=2)
        add(f"{township}便民服务中心", "other", entrances=1)
    if village.kind == "community":
        for _ in range(rng.randint(4, 8)):
            add(estates.take(), "residential_block", **_estate(rng, modern=True))
        if maybe(0.7):
            add(f"{v}实验小学" if maybe(0.3) else f"{v}小学", "school", **_school(rng, 300, 1500, 45))
        if maybe(0.5):
            add(f"{v}幼儿园", "school", **_school(rng, 60, 300, 30))
        if maybe(0.5):
            add(f"{v}综合市场", "market", entrances=rng.randint(2, 4))
        for pattern, role in rng.sample(names.LOCAL_OUTLETS, rng.randint(1, 2)):
            add(pattern.format(v=v), "business_outlet", role, entrances=1)
        add(f"{v}社区公园" if maybe(0.5) else f"{v}健身广场", "public_place")
        if maybe(0.5):
            add(f"{v}十字路口", "public_place")
        add(f"{v}社区服务中心", "other", entrances=1)
        if maybe(0.5):
            add(firms.take(), "factory", **_factory(rng))
    else:
        add(f"{v}村党群服务中心", "other", entrances=1)
        if maybe(0.6):
            add(f"{v}村卫生室", "other", entrances=1)
        add(f"{v}村文化广场", "public_place")
        for place in rng.sample(("村口十字路口", "健身广场", "农家书屋"), rng.randint(0, 2)):
            add(f"{v}{place}", "other" if place == "农家书屋" else "public_place")
        if maybe(0.5):
            add(f"{v}小学", "school", **_school(rng, 60, 450, 40))
        if maybe(0.3):
            add(f"{v}幼儿园", "school", **_school(rng, 40, 150, 30))
        for _ in range(rng.randint(1, 5)):
            add(firms.take(), "factory", **_factory(rng))
        if maybe(0.3):
            add(f"{v}集贸市场", "market", entrances=rng.randint(1, 3))
        if maybe(0.4):
            pattern, role = rng.choice(names.VILLAGE_OUTLETS)
            add(pattern.format(v=v), "business_outlet", role, entrances=1)
        if maybe(0.7):
            add(f"{v}新村" if maybe(0.5) else f"{v}安置小区", "residential_block", **_estate(rng, modern=False))
    return plan


def _factory(rng: random.Random) -> dict:
    return {"entrances": rng.randint(1, 3), "residents": 30 + int(rng.random() ** 2 * 600)}
