"""Report deadlines repeat monthly and stay overdue until marked sent (hand-worked dates)."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def test_monthly_deadline_stays_overdue_until_marked_sent(store):
    from outreach_desk.services.coverage import campaigns, deadlines

    campaign_id = campaigns.create(campaigns.CampaignInfo(
        "冬季行动", D(2026, 10, 1), D(2026, 12, 31), deadlines=[
            campaigns.DeadlineInfo("月报", D(2026, 11, 5), repeats="monthly"),
            campaigns.DeadlineInfo("总结", D(2027, 1, 10))]), with_default_rules=False)
    campaign = campaigns.get(campaign_id)
    found = [(o.label, o.month, o.due) for o in deadlines.occurrences(campaign)]
    assert found == [("月报 (2026-10)", "2026-10", D(2026, 11, 5)), ("月报 (2026-11)", "2026-11", D(2026, 12, 5)),
                     ("月报 (2026-12)", "2026-12", D(2027, 1, 5)), ("总结", "2027-01", D(2027, 1, 10))]
    overdue, upcoming = deadlines.outstanding(campaign, D(2026, 12, 7))
    assert [o.month for o in overdue] == ["2026-10", "2026-11"] and upcoming.month == "2026-12"
    monthly = deadlines.monthly_deadlines(campaign)[0]
    assert deadlines.mark_deadline_sent(monthly, "2026-11", D(2026, 12, 4))
    assert not deadlines.mark_deadline_sent(monthly, "2026-11")                    # repeat-safe
    overdue, _ = deadlines.outstanding(campaigns.get(campaign_id), D(2026, 12, 7))
    assert [o.month for o in overdue] == ["2026-10"]                                # still red, 33 days on
    campaigns.update(campaign_id, campaigns.get(campaign_id))                      # an edit keeps the mark
    assert [o.sent_on for o in deadlines.occurrences(campaigns.get(campaign_id))][1] == D(2026, 12, 4)
    monthly = deadlines.monthly_deadlines(campaigns.get(campaign_id))[0]             # written again by the edit
    assert deadlines.unmark_deadline_sent(monthly.id, D(2026, 11, 1))
    with pytest.raises(Exception):
        deadlines.mark_deadline_sent(monthly, "2027-02")                            # not due for that month
