"""The period picker: choices from the campaign, the period each gives, custom ranges, and its signal."""

from __future__ import annotations

import datetime as dt

import pytest

from outreach_desk.services.coverage import periods
from outreach_desk.services.coverage.campaigns import CampaignInfo, PhaseInfo
from outreach_desk.ui.widgets.period_picker import PeriodPicker
from waits import WAIT_MS

D = dt.date


@pytest.fixture
def campaign() -> CampaignInfo:
    return CampaignInfo("平安镇2026年专项行动", D(2026, 7, 1), D(2026, 12, 31),
                        phases=[PhaseInfo("动员部署", D(2026, 7, 1), D(2026, 7, 31), id=11),
                                PhaseInfo("集中攻坚", D(2026, 8, 1), D(2026, 11, 30), id=12),
                                PhaseInfo("总结验收", D(2026, 12, 1), D(2026, 12, 31), id=13)])


@pytest.fixture
def picker(qtbot, campaign) -> PeriodPicker:
    widget = PeriodPicker()
    qtbot.addWidget(widget)
    widget.set_campaign(campaign, D(2026, 10, 18))
    return widget


def choice_periods(picker: PeriodPicker) -> list:
    """The period behind every real choice (separators and the custom range left out), in order."""
    result = []
    for index in range(picker.choice.count()):
        key = picker.choice.itemData(index)
        if key and key != "range":
            picker.choice.setCurrentIndex(index)
            result.append(picker.period())
    return result


def test_without_campaign_nothing_to_pick(qtbot):
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    assert picker.period() is None
    assert not picker.choice.isEnabled()


def test_default_is_campaign_to_date(picker, campaign):
    assert picker.period() == periods.to_date(campaign, D(2026, 10, 18))
    assert picker.period().end == D(2026, 10, 18)
    assert picker.date_from.isHidden() and picker.date_to.isHidden()


def test_choices_are_to_date_phases_then_months_newest_first(picker, campaign):
    chosen = choice_periods(picker)
    assert chosen[0].kind == "to_date"
    assert [p.label for p in chosen[1:4]] == ["动员部署", "集中攻坚", "总结验收"]
    assert [(p.kind, p.start) for p in chosen[1:4]] == [("phase", D(2026, 7, 1)), ("phase", D(2026, 8, 1)),
                                                         ("phase", D(2026, 12, 1))]
    # months of the campaign up to today only, the newest first
    assert [p.start for p in chosen[4:]] == [D(2026, 10, 1), D(2026, 9, 1), D(2026, 8, 1), D(2026, 7, 1)]
    assert all(p.kind == "month" for p in chosen[4:])
    assert picker.choice.findData("range") == picker.choice.count() - 1


def test_choosing_a_month_announces_it(qtbot, picker):
    index = picker.choice.findData("month:2026-09")
    with qtbot.waitSignal(picker.periodChanged, timeout=WAIT_MS) as signal:
        picker.choice.setCurrentIndex(index)
    assert signal.args[0] == periods.month(2026, 9)
    assert picker.period() == periods.month(2026, 9)


def test_custom_range_shows_dates_and_follows_them(qtbot, picker):
    with qtbot.waitSignal(picker.periodChanged, timeout=WAIT_MS) as signal:
        picker.choice.setCurrentIndex(picker.choice.findData("range"))
    assert picker.date_from.isVisibleTo(picker) and picker.date_to.isVisibleTo(picker)
    assert picker.date_from.calendarPopup()
    assert (signal.args[0].kind, signal.args[0].start, signal.args[0].end) == ("range", D(2026, 7, 1), D(2026, 10, 18))
    with qtbot.waitSignal(picker.periodChanged, timeout=WAIT_MS) as signal:
        picker.date_from.setDate(D(2026, 9, 3))
    assert (signal.args[0].start, signal.args[0].end) == (D(2026, 9, 3), D(2026, 10, 18))


def test_custom_range_end_never_before_start(qtbot, picker):
    picker.choice.setCurrentIndex(picker.choice.findData("range"))
    picker.date_to.setDate(D(2026, 8, 10))
    picker.date_to.setDate(D(2026, 8, 1))
    picker.date_from.setDate(D(2026, 9, 1))   # after the end: the end moves with it
    qtbot.waitUntil(lambda: picker.period().start == D(2026, 9, 1), timeout=WAIT_MS)
    assert picker.period().end >= picker.period().start
    picker.date_to.setDate(D(2026, 8, 1))     # refused: stays at the start
    assert picker.date_to.date().toPython() == D(2026, 9, 1)


def test_set_period_selects_matching_choice_or_custom_range(qtbot, picker, campaign):
    with qtbot.waitSignal(picker.periodChanged, timeout=WAIT_MS):
        picker.set_period(periods.phase(campaign, 12))
    assert picker.choice.currentData() == "phase:12"
    picker.set_period(periods.month(2026, 8))
    assert picker.choice.currentData() == "month:2026-08"
    picker.set_period(periods.date_range(D(2026, 8, 3), D(2026, 8, 9)))
    assert picker.choice.currentData() == "range"
    assert (picker.period().start, picker.period().end) == (D(2026, 8, 3), D(2026, 8, 9))
    assert picker.date_from.isVisibleTo(picker)
    picker.set_period(None)
    assert picker.period().kind == "to_date"


def test_no_signal_when_period_unchanged(qtbot, picker):
    with qtbot.assertNotEmitted(picker.periodChanged):
        picker.set_period(picker.period())


def test_new_campaign_resets_to_its_whole_period(qtbot, picker):
    finished = CampaignInfo("2025年专项行动", D(2025, 3, 1), D(2025, 5, 31))
    with qtbot.waitSignal(picker.periodChanged, timeout=WAIT_MS) as signal:
        picker.set_campaign(finished, D(2026, 10, 18))
    assert (signal.args[0].start, signal.args[0].end) == (D(2025, 3, 1), D(2025, 5, 31))
    assert [p.start.month for p in choice_periods(picker)[1:]] == [5, 4, 3]
    with qtbot.waitSignal(picker.periodChanged, timeout=WAIT_MS) as signal:
        picker.set_campaign(None, D(2026, 10, 18))
    assert signal.args[0] is None
