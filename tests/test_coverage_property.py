"""Property: the SQL engine agrees with a plain Python reference evaluator on random small data.

The reference reads every row with ``SELECT *`` and judges rules with loops over the records,
exactly as the definitions in engine.py read; only the judging windows come from periods.py
(their boundaries are checked by hand in test_coverage_engine.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

D = dt.date
CAMPAIGN = (D(2026, 6, 1), D(2026, 8, 31))
PHASES = ((D(2026, 6, 1), D(2026, 6, 20)), (D(2026, 6, 21), D(2026, 8, 10)), (D(2026, 8, 11), D(2026, 8, 31)))
# Edges of the campaign, its phases and months are where off-by-one mistakes hide: draw them often.
EDGES = sorted({d + dt.timedelta(days=shift) for d in (D(2026, 6, 1), D(2026, 6, 20), D(2026, 6, 30), D(2026, 7, 1),
                                                       D(2026, 7, 31), D(2026, 8, 10), D(2026, 8, 31))
                for shift in (-1, 0, 1)})
DAYS = st.one_of(st.sampled_from(EDGES), st.dates(D(2026, 5, 15), D(2026, 9, 15)))
KINDS = ("banner", "poster", "lecture", "column")
SITE_KINDS = ("residential_block", "factory", "school")
QUOTAS = {
    "village": ("1", "2", "households / 10", "max(1, households / 20)", "households - 5", "0"),
    "site": ("1", "entrances + elevators", "students / 10", "min(entrances, 2)", "3 - elevators", "elevators"),
    "member_unit": ("1", "2", "0"),
}

site_st = st.fixed_dictionaries({
    "kind": st.sampled_from(SITE_KINDS), "entrances": st.integers(0, 3), "elevators": st.integers(0, 2),
    "students": st.integers(0, 30), "households": st.integers(0, 20)})
village_st = st.fixed_dictionaries({"households": st.integers(0, 40), "sites": st.lists(site_st, max_size=3)})
activity_st = st.fixed_dictionaries({
    "village": st.integers(0, 9), "site": st.one_of(st.none(), st.integers(0, 9)),
    "unit": st.one_of(st.none(), st.integers(0, 9)), "kind": st.sampled_from(KINDS), "date": DAYS,
    "quantity": st.integers(1, 5), "people": st.integers(0, 10)})
survey_st = st.fixed_dictionaries({"village": st.integers(0, 9), "date": DAYS, "respondents": st.integers(0, 20),
                                   "aware": st.integers(0, 20)})
letter_st = st.fixed_dictionaries({"school": st.integers(0, 9), "date": DAYS, "students": st.integers(1, 30),
                                   "issued": st.integers(0, 30), "signed": st.integers(0, 30)})


@st.composite
def rule_st(draw, index):
    applies_to = draw(st.sampled_from(("village", "site", "member_unit")))
    measures = ["records", "quantity", "people"]
    if applies_to == "site":
        measures.append("letters_signed")
    if applies_to == "village":
        measures.append("awareness")
    measure = draw(st.sampled_from(measures))
    activity = measure in ("records", "quantity", "people")
    if measure == "awareness":
        quota = draw(st.sampled_from(("80", "50")))
    else:
        quota = draw(st.sampled_from(QUOTAS[applies_to]))
    return dict(
        key=f"rule_{index}", name_zh=f"规则{index}", applies_to=applies_to, measure=measure, quota=quota,
        period=draw(st.sampled_from(("campaign", "month", "phase"))),
        site_kinds=draw(st.lists(st.sampled_from(SITE_KINDS), min_size=1, max_size=3, unique=True))
        if applies_to == "site" else [],
        kinds=draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=2, unique=True)) if activity else [])


@st.composite
def period_st(draw):
    choice = draw(st.sampled_from(("month", "range", "to_date", "phase")))
    if choice == "month":
        return ("month", draw(st.integers(5, 9)))
    if choice == "range":
        start = draw(DAYS)
        return ("range", start, draw(st.one_of(st.sampled_from([d for d in EDGES if d >= start] or [start]),
                                               st.dates(start, D(2026, 9, 30)))))
    if choice == "to_date":
        return ("to_date", draw(DAYS))
    return ("phase", draw(st.integers(0, 2)))


world_st = st.fixed_dictionaries({
    "villages": st.lists(village_st, min_size=1, max_size=3),
    "units": st.integers(0, 2),
    "activities": st.lists(activity_st, max_size=25),
    "surveys": st.lists(survey_st, max_size=4),
    "letters": st.lists(letter_st, max_size=3),
    "rules": st.integers(1, 4).flatmap(lambda n: st.tuples(*[rule_st(i) for i in range(n)])),
    "period": period_st(),
    "scope": st.one_of(st.none(), st.tuples(st.sampled_from(("village", "township")), st.integers(0, 2))),
})

TABLES = ("target_rule_kind", "target_rule", "campaign_phase", "campaign_deadline", "campaign", "parent_letter",
          "survey", "photo", "activity", "member_unit", "site", "village", "township")


def _reset(database) -> None:
    with database.atomic():
        for table in TABLES:
            database.execute_sql(f"DELETE FROM {table}")


def _build(world) -> tuple:
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import campaigns, letters, rules, surveys

    townships = [org.add_township("测试镇"), org.add_township("邻镇")]
    t = townships[0]
    villages, sites, schools = [], [], []
    for vi, village in enumerate(world["villages"]):
        vid = org.add_village(townships[vi % 2], f"村{vi}", households=village["households"])
        villages.append(vid)
        for si, site in enumerate(village["sites"]):
            values = {k: v for k, v in site.items() if k != "kind"}
            sid = org.add_site(vid, f"点{vi}-{si}", site["kind"], **values)
            sites.append((sid, vid))
            if site["kind"] == "school":
                schools.append(sid)
    units = [org.add_member_unit(t, f"单位{i}") for i in range(world["units"])]
    kinds = {k.code: k.id for k in org.list_kinds()}
    for a in world["activities"]:
        vid = villages[a["village"] % len(villages)]
        own_sites = [s for s, v in sites if v == vid]
        site = own_sites[a["site"] % len(own_sites)] if a["site"] is not None and own_sites else None
        unit = units[a["unit"] % len(units)] if a["unit"] is not None and units else None
        ledger.create(ledger.ActivityInput(a["date"], vid, kinds[a["kind"]], quantity=a["quantity"],
                                           people=a["people"], site_id=site, member_unit_id=unit))
    for s in world["surveys"]:
        surveys.add(surveys.SurveyInput(villages[s["village"] % len(villages)], s["date"], s["respondents"],
                                        min(s["aware"], s["respondents"])))
    for index, letter in enumerate(world["letters"]):
        if schools:
            issued = min(letter["issued"], letter["students"])
            letters.add(letters.LetterInput(schools[letter["school"] % len(schools)], letter["date"],
                                            letter["students"], issued, min(letter["signed"], issued),
                                            class_name=f"{index}班"))
    phases = [campaigns.PhaseInfo(f"阶段{i}", a, b) for i, (a, b) in enumerate(PHASES)]
    campaign_id = campaigns.create(campaigns.CampaignInfo("测试行动", *CAMPAIGN, phases=phases),
                                   with_default_rules=False)
    for rule in world["rules"]:
        rules.create(campaign_id, rules.Rule(**rule))
    return campaigns.get(campaign_id)


def _period(spec, campaign):
    from outreach_desk.services.coverage import periods

    if spec[0] == "month":
        return periods.month(2026, spec[1])
    if spec[0] == "range":
        return periods.date_range(spec[1], spec[2])
    if spec[0] == "to_date":
        return periods.to_date(campaign, spec[1])
    return periods.phase(campaign, campaign.phases[spec[1]].id)


def _rows(database, table) -> list[dict]:
    cursor = database.execute_sql(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _day(value) -> D:
    return value if isinstance(value, D) else D.fromisoformat(value)


def _scope(spec, database):
    from outreach_desk.services.coverage.engine import Scope

    if spec is None:
        return Scope()
    table = "village" if spec[0] == "village" else "township"
    ids = [row[0] for row in database.execute_sql(f"SELECT id FROM {table} ORDER BY id")]
    chosen = ids[spec[1] % len(ids)]
    return Scope(village_id=chosen) if spec[0] == "village" else Scope(township_id=chosen)


def _in_scope(unit_type, unit, scope, village_township) -> bool:
    if unit_type == "member_unit":
        village, township = None, unit["township_id"]
    else:
        village = unit["id"] if unit_type == "village" else unit["village_id"]
        township = village_township[village]
    if scope.village_id is not None:
        return village == scope.village_id
    return scope.township_id is None or township == scope.township_id


def reference(database, campaign, period, scope) -> dict:
    """{(rule key, unit type, unit id): [(window index, measure, quota, running)]} by loops over every record."""
    from outreach_desk.services.coverage import expression, periods, rules

    kinds = {row["id"]: row["code"] for row in _rows(database, "activity_kind")}
    activities = _rows(database, "activity")
    units = {
        "village": _rows(database, "village"),
        "site": _rows(database, "site"),
        "member_unit": _rows(database, "member_unit"),
    }
    survey_rows, letter_rows = _rows(database, "survey"), _rows(database, "parent_letter")
    column = {"village": "village_id", "site": "site_id", "member_unit": "member_unit_id"}
    village_township = {v["id"]: v["township_id"] for v in units["village"]}
    expected = {}
    for rule in rules.list_rules(campaign.id, enabled_only=True):
        node = expression.parse(rule.quota, rule.applies_to)
        for unit in units[rule.applies_to]:
            if rule.applies_to == "site" and unit["kind"] not in rule.site_kinds:
                continue
            if not _in_scope(rule.applies_to, unit, scope, village_township):
                continue
            judged = []
            for window in periods.windows(rule.period, campaign, period):
                inside = lambda row: window.start <= _day(row["date"]) <= window.end  # noqa: E731
                if rule.measure == "awareness":
                    n = sum(s["respondents"] for s in survey_rows if s["village_id"] == unit["id"] and inside(s))
                    k = sum(s["aware"] for s in survey_rows if s["village_id"] == unit["id"] and inside(s))
                    measure = 100 * k / n if n else None
                elif rule.measure == "letters_signed":
                    measure = sum(r["signed"] for r in letter_rows if r["site_id"] == unit["id"] and inside(r))
                else:
                    measure = 0
                    for a in activities:
                        if a[column[rule.applies_to]] == unit["id"] and kinds[a["kind_id"]] in rule.kinds \
                                and inside(a):
                            measure += {"records": 1, "quantity": a["quantity"], "people": a["people"]}[rule.measure]
                values = {k: unit[k] for k in node.attributes()}
                if rule.applies_to == "village":  # a village's 0 reads the sum over its sites
                    values = {k: v or sum(s[k] for s in units["site"] if s["village_id"] == unit["id"])
                              for k, v in values.items()}
                quota = expression.quota_of(node.evaluate(values))
                judged.append((window.index, measure, quota, window.running))
            if judged:
                expected[(rule.key, rule.applies_to, unit["id"])] = judged
    return expected


def reference_index(expected: dict, area_of: dict) -> dict:
    """Compliance index per village from the reference judgements (engine.py's definition): a running window
    not yet met is in progress and left out, like a quota of 0."""
    per_village: dict = {}
    for (key, unit_type, unit_id), judged in expected.items():
        area = area_of.get((unit_type, unit_id))
        applicable = [(m, q) for _, m, q, running in judged if q > 0 and not (running and (m is None or m < q))]
        if area is None or not applicable:
            continue
        fulfilment = sum(0 if m is None else min(m, q) / q for m, q in applicable) / len(applicable)
        per_village.setdefault(area, {}).setdefault(key, []).append(fulfilment)
    return {v: sum(sum(f) / len(f) for f in rules.values()) / len(rules) for v, rules in per_village.items()}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(world=world_st)
def test_sql_engine_agrees_with_python_reference(store, world):
    from outreach_desk.services.coverage import engine

    _reset(store)
    campaign = _build(world)
    period = _period(world["period"], campaign)
    scope = _scope(world["scope"], store)
    result = engine.compute(period, campaign=campaign, scope=scope)
    got = {(u.rule_key, u.unit_type, u.unit_id): [(a.window.index, a.measure, a.quota) for a in u.assessments]
           for u in result.units}
    expected = reference(store, campaign, period, scope)
    assert got.keys() == expected.keys()
    for key, judged in expected.items():
        for (gi, gm, gq), (ei, em, eq, _) in zip(got[key], judged, strict=True):
            assert (gi, gq) == (ei, eq), key
            assert (gm is None and em is None) or gm == pytest.approx(em), key
    village_index = reference_index(expected, {(u.unit_type, u.unit_id): u.village_id for u in result.units})
    for area in result.villages:
        assert scope.village_id in (None, area.id)
        assert area.index == pytest.approx(village_index[area.id]) if area.id in village_index else area.index is None
    for area in result.townships:  # the mean of its villages' indexes
        assert scope.village_id is None
        values = [village_index[v.id] for v in result.villages if v.township_id == area.id and v.id in village_index]
        assert area.index == pytest.approx(sum(values) / len(values)) if values else area.index is None
