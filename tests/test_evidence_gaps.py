"""Photo-evidence gaps (缺影像资料) on a generated database of two townships: per village and kind, the same
counts as the plain query over every record of the period, for the whole county, one township and one village."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from outreach_desk.services import ledger
from outreach_desk.services import organisation as org
from outreach_desk.services.coverage import campaigns, engine, periods
from outreach_desk.services.submission import evidence
from outreach_desk.store import DB
from outreach_desk.store.models import ActivityKind, Photo

D = dt.date
PLAIN_SQL = ("SELECT a.village_id, k.name_en, COUNT(*), SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM photo p "
             "WHERE p.activity_id = a.id) THEN 1 ELSE 0 END) FROM activity a "
             "JOIN activity_kind k ON k.id = a.kind_id JOIN village v ON v.id = a.village_id "
             "WHERE k.requires_photo = TRUE AND a.date >= ? AND a.date <= ? GROUP BY a.village_id, k.name_en")


@pytest.fixture
def county(store):
    chance = random.Random(13)
    townships = [org.add_township(name, name + "综治办") for name in ("平安镇", "富民镇")]
    villages = {t: [org.add_village(t, f"{t}村{n}", "village", households=100) for n in range(3)] for t in townships}
    campaigns.create(campaigns.CampaignInfo("2026年专项行动", D(2026, 7, 1), D(2026, 12, 31)))
    kinds = [k.id for k in org.list_kinds()]
    all_villages = [v for members in villages.values() for v in members]
    for number in range(160):
        day = D(2026, 9, 20) + dt.timedelta(days=chance.randrange(60))   # some before October, some after
        record = ledger.create(ledger.ActivityInput(day, chance.choice(all_villages), chance.choice(kinds)))
        for copy in range(chance.choice((0, 0, 1, 2))):
            Photo.create(activity=record, sha256=f"{number:032x}{copy:032x}", ext=".jpg")
    return townships, villages


def _plain(start: dt.date, end: dt.date, villages) -> dict:
    rows = DB.execute_sql(PLAIN_SQL, [start.isoformat(), end.isoformat()])
    return {(v, kind): (total, missing) for v, kind, total, missing in rows if missing and v in villages}


def _found(gaps: list) -> dict:
    kinds = [k.name_en for k in ActivityKind.select().where(ActivityKind.requires_photo == True)]  # noqa: E712
    found = {}
    for gap in gaps:
        named = [kind for kind in kinds if f" {kind} records" in gap.text]
        assert len(named) == 1, gap.text
        assert gap.rule_key == evidence.RULE_KEY and gap.measure == gap.quota - gap.missing
        found[gap.village_id, named[0]] = (gap.quota, gap.missing)
    return found


def test_evidence_gaps_count_as_the_plain_query_for_the_county_a_township_and_a_village(county):
    townships, villages = county
    october = periods.parse_month("2026-10")
    result = engine.compute(october)
    expected = _plain(october.start, october.end, [v.id for v in result.villages])
    assert len(expected) >= 5
    assert _found(evidence.evidence_gaps(result)) == expected
    second = set(villages[townships[1]])
    assert _found(evidence.evidence_gaps(result, township_id=townships[1])) == {
        key: value for key, value in expected.items() if key[0] in second}
    village = villages[townships[0]][1]
    assert _found(evidence.evidence_gaps(result, village_id=village)) == {
        key: value for key, value in expected.items() if key[0] == village}
    gaps = evidence.evidence_gaps(result)
    assert gaps == sorted(gaps, key=lambda g: (-g.distance, g.village_name, g.text))
    missing = evidence.missing_photos(october.start, october.end)
    assert len(missing) == sum(m for _total, m in expected.values())
    assert len(evidence.missing_photos(october.start, october.end, townships[1])) == sum(
        m for (v, _kind), (_total, m) in expected.items() if v in second)
