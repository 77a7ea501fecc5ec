"""The demo's police figures (案件情况): each village's cases, losses, attempts stopped and payments frozen by month.

January of the year before the campaign to November of the campaign's year, as the police station reports
them in the first days of the month after. Cases fall slowly as the campaign goes on, so the cases tile, chart
and the fraud-case targets (同比/环比) have something true to show; a few villages have months with none.
"""

from __future__ import annotations

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.supervision import cases

#: the last month the demo's police station has reported
LAST_REPORTED = (2026, 11)


def _months(first_year: int) -> list[tuple[int, int]]:
    year, month, found = first_year, 1, []
    while (year, month) <= LAST_REPORTED:
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _figures(rng, year: int, month: int, residents: int) -> cases.Figures:
    """About one case a month per 4,000 residents the year before, a third fewer by the campaign's autumn."""
    fall = 1.0 if year < LAST_REPORTED[0] else 1.0 - 0.35 * month / 12
    count = sum(rng.random() < residents / 4_000 * fall / 3 for _ in range(3))
    losses = sum(rng.randint(800, 60_000) for _ in range(count)) * 100
    dissuaded = rng.randint(0, 3)
    return cases.Figures(count, losses, dissuaded, rng.randint(0, dissuaded))  # payments stopped (止付, 笔)


def add_demo_cases(rng, scale, summary) -> None:
    """Store the figures through the fraud-case service (validated, one transaction per township-month)."""
    from outreach_desk.services import demo

    by_township: dict[int, list] = {}
    for village in summary.villages:
        by_township.setdefault(village.township_id, []).append(village)
    stored = 0
    with audit.paused():  # made-up figures are nobody's change
        for year, month in _months(demo.CAMPAIGN_START.year - 1):
            for township_id, villages in by_township.items():
                entries = {v.id: _figures(rng, year, month, v.residents) for v in villages}
                stored += cases.save_month(township_id, year, month, entries)
    summary.add_count(translate("CasesDemo", "Monthly police figures"), stored)
