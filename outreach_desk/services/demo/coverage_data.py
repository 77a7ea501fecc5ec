"""Demo step for ``services/demo/__init__.py``: the demo year's campaign with default rules, surveys and letters.

Registered in ``demo.EXTRA_STEPS``; runs inside the demo's transaction with its own seeded
generator, so the same seed always gives the same campaign, surveys and letters.
"""

from __future__ import annotations

import datetime as dt
import math

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.coverage import deadlines as deadlines_service
from outreach_desk.store import DB
from outreach_desk.store.models import Campaign

CAMPAIGN_NAME = "{year}年防范电信网络诈骗专项行动"
THEME = "防诈骗、不参与"
PHASE_NAMES = ("动员部署", "集中攻坚", "总结验收")
# Survey rounds: (day, mean awareness); awareness grows as the campaign goes on.
SURVEY_ROUNDS = ((dt.date(2026, 3, 20), 0.66), (dt.date(2026, 7, 15), 0.76), (dt.date(2026, 11, 10), 0.84))
METHODS = ("questionnaire", "questionnaire", "online", "interview", "phone")
CHUNK = 5_000


def _campaign(start: dt.date, end: dt.date) -> int:
    name = CAMPAIGN_NAME.format(year=start.year)
    existing = Campaign.select(Campaign.id).where(Campaign.name == name).scalar()
    if existing is not None:
        return existing
    phases = [campaigns.PhaseInfo(label, p.start, p.end)
              for label, p in zip(PHASE_NAMES, campaigns.default_phases(start, end))]
    deadlines = [
        campaigns.DeadlineInfo("月报报送", dt.date(start.year, start.month + 1, 5), repeats="monthly"),
        campaigns.DeadlineInfo("上半年工作小结报送", dt.date(start.year, 7, 10)),
        campaigns.DeadlineInfo("宣传活动影像资料报送", dt.date(start.year, 12, 10)),
        campaigns.DeadlineInfo("专项行动总结报送", end + dt.timedelta(days=21)),
    ]
    # shared by every township of the database (the county's campaign in the county demo): the county's rule set,
    # so the police figures of cases_data are judged too (plan 6: cases fall 同比 and 环比)
    info = campaigns.CampaignInfo(name, start, end, theme=THEME, is_current=True, phases=phases, deadlines=deadlines,
                                  notes="演示数据", rule_set="county")
    campaign_id = campaigns.create(info)
    _mark_sent(campaign_id)
    return campaign_id


def _mark_sent(campaign_id: int) -> None:
    """What the demo township has already sent: every monthly report but the last month's, and the
    half-year summary, each the day before it was due."""
    from outreach_desk.services import demo

    last = deadlines_service.month_key(demo.RECORDS_UNTIL)
    for occurrence in deadlines_service.occurrences(campaigns.get(campaign_id)):
        if occurrence.due < dt.date(demo.RECORDS_UNTIL.year, 7, 31) or (
                occurrence.repeats == deadlines_service.MONTHLY and occurrence.month < last):
            deadlines_service.mark_deadline_sent(occurrence.deadline_id, occurrence.month,
                                                 occurrence.due - dt.timedelta(days=1))


def _survey_rows(rng, villages, until: dt.date, now: str) -> list[tuple]:
    rows = []
    for village in villages:
        skill = rng.uniform(-0.10, 0.08)
        if rng.random() < 0.06:
            continue  # a few villages never survey: "no data" must show as such
        for day, mean in SURVEY_ROUNDS:
            if day > until or rng.random() < 0.15:
                continue
            respondents = rng.randint(30, 150)
            rate = min(0.99, max(0.3, rng.gauss(mean + skill, 0.05)))
            aware = round(respondents * rate)
            date = day + dt.timedelta(days=rng.randint(-6, 6))
            rows.append((village.id, date.isoformat(), respondents, aware, rng.choice(METHODS), "", now))
    return rows


def _letter_rows(rng, schools, until: dt.date, now: str) -> list[tuple]:
    rows = []
    for school in schools:
        if school.students <= 0 or rng.random() < 0.08:
            continue
        date = dt.date(2026, 3, 2) + dt.timedelta(days=rng.randint(0, 40))
        if date > until:
            continue
        diligence = rng.uniform(0.80, 1.0)
        if school.classes > 1 and rng.random() < 0.4:
            # per class: split the students over the classes
            base, extra = divmod(school.students, school.classes)
            for number in range(school.classes):
                students = base + (1 if number < extra else 0)
                if students == 0:
                    continue
                issued = students if rng.random() < 0.9 else math.floor(students * rng.uniform(0.8, 1.0))
                signed = min(issued, round(issued * min(1.0, rng.gauss(diligence, 0.04))))
                rows.append((school.id, f"{number + 1}班", date.isoformat(), students, issued, max(0, signed), "", now))
        else:
            issued = school.students if rng.random() < 0.85 else math.floor(school.students * rng.uniform(0.85, 1.0))
            signed = min(issued, round(issued * diligence))
            rows.append((school.id, "", date.isoformat(), school.students, issued, signed, "", now))
    return rows


def _with_uuids(summary, kind: str, rows: list[tuple], start: int) -> list[tuple]:
    """Each row with its uuid in front, made from the seed, the row's unit (its first value) and its place."""
    return [(summary.uuid_for(kind, row[0], start + n), *row) for n, row in enumerate(rows)]


def add_demo_data(rng, scale, summary) -> None:
    """The demo year's campaign (current, default rules), awareness surveys and parent letters."""
    from outreach_desk.services import demo

    with audit.paused():  # made-up data is nobody's change
        _campaign(demo.CAMPAIGN_START, demo.CAMPAIGN_END)
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    p = DB.param
    surveys = _survey_rows(rng, summary.villages, demo.RECORDS_UNTIL, now)
    letters = _letter_rows(rng, summary.sites_of_kind("school"), demo.RECORDS_UNTIL, now)
    cursor = DB.cursor()
    for start in range(0, len(surveys), CHUNK):
        cursor.executemany("INSERT INTO survey (uuid, village_id, date, respondents, aware, method, notes, "
                           f"created_at) VALUES ({', '.join([p] * 8)})",
                           _with_uuids(summary, "survey", surveys[start:start + CHUNK], start))
    for start in range(0, len(letters), CHUNK):
        cursor.executemany("INSERT INTO parent_letter (uuid, site_id, class_name, date, students, issued, signed, "
                           f"notes, created_at) VALUES ({', '.join([p] * 9)})",
                           _with_uuids(summary, "parent_letter", letters[start:start + CHUNK], start))
    summary.add_count(translate("CoverageDemo", "Awareness surveys"), len(surveys))
    summary.add_count(translate("CoverageDemo", "Parent letter batches"), len(letters))
