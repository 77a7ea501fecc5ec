"""The ranking page on the small township of test_supervision_rankings (its numbers are worked out there)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from test_supervision_rankings import build_small_town

from outreach_desk.services.coverage import periods
from outreach_desk.services.supervision import rankings
from outreach_desk.ui.supervision import ranking_page
from outreach_desk.ui.supervision.ranking_model import BOTTOM_COLOUR, CHANGE, NAME, NOTE, RANK, TOP_COLOUR, VALUE
from waits import WAIT_MS

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def page(qtbot, store, monkeypatch):
    from outreach_desk.ui.shell.context import AppContext

    build_small_town()
    context = AppContext(store.database)
    context.settings.setValue(rankings.MARK_COUNT_SETTING, 1)
    monkeypatch.setattr(ranking_page, "today", lambda: TODAY)
    page = ranking_page.RankingPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.picker.set_period(periods.month(2026, 11))
    wait_for(qtbot, page, periods.month(2026, 11))
    return page


def wait_for(qtbot, page, period, rule_key=None) -> None:
    qtbot.waitUntil(lambda: page.model.ranking is not None and page.model.ranking.period == period
                    and page.model.ranking.rule_key == rule_key and not page.is_busy(), timeout=WAIT_MS)


def column(page, number: int) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, number).data() for r in range(proxy.rowCount())]


def test_the_page_shows_ranks_changes_and_marks(page):
    assert column(page, NAME) == ["东村", "西村", "南村", "北村", "中村"]
    assert column(page, RANK) == ["1", "1", "3", "4", "5"]
    assert column(page, CHANGE) == ["↑2", "↑4", "↓2", "↓3", "↓1"]
    assert column(page, VALUE)[:3] == ["100.0%", "100.0%", "75.0%"]
    assert column(page, NOTE)[0] == "前 1 名" and column(page, NOTE)[-1] == "后 1 名"
    proxy = page.proxy
    assert proxy.index(0, NAME).data(Qt.ItemDataRole.BackgroundRole).color() == TOP_COLOUR
    assert proxy.index(4, NAME).data(Qt.ItemDataRole.BackgroundRole).color() == BOTTOM_COLOUR
    assert "2026-10-01" in page.comparison_label.text()


def test_sorting_by_the_change_and_choosing_a_target(qtbot, page):
    page.table.sortByColumn(CHANGE, Qt.SortOrder.DescendingOrder)
    assert column(page, NAME)[:2] == ["西村", "东村"]
    page.by_choice.setCurrentIndex(page.by_choice.findData("awareness"))
    wait_for(qtbot, page, periods.month(2026, 11), "awareness")
    page.table.sortByColumn(RANK, Qt.SortOrder.AscendingOrder)
    assert column(page, NAME)[0] == "西村" and column(page, CHANGE)[0] == "新"
    assert column(page, NOTE)[-1] == "无数据：本期无知晓率调查"


def test_a_row_opens_the_villages_gap_list_and_the_marks_are_kept(qtbot, page):
    assert page.select_name("中村")
    assert "中村" in page.detail.title.text()
    assert page.detail.table.rowCount() == 2  # no lecture and no survey in November
    page.mark_spin.setValue(2)
    qtbot.waitUntil(lambda: page.model.ranking.mark_count == 2 and not page.is_busy(), timeout=WAIT_MS)
    assert int(page.context.settings.value(rankings.MARK_COUNT_SETTING)) == 2
    assert column(page, NOTE)[-2:] == ["后 2 名", "后 2 名，连续2期"]  # 中村 was in the bottom 2 in October too


def test_member_units_are_ranked_on_their_own(qtbot, page):
    page.units_choice.setCurrentIndex(page.units_choice.findData(rankings.MEMBER_UNITS))
    qtbot.waitUntil(lambda: page.model.ranking.unit_type == rankings.MEMBER_UNITS and not page.is_busy(),
                    timeout=WAIT_MS)
    assert column(page, NAME) == ["和平派出所", "和平法庭"]
    assert [page.by_choice.itemData(i) for i in range(page.by_choice.count())] == ["", "unit_column"]


def test_in_a_county_database_it_ranks_the_selected_townships_villages_by_its_own_campaign(qtbot, page):
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns

    other = organisation.add_township("城关镇")
    far = organisation.add_village(other, "城东社区")
    page.context.data_changed.emit("organisation")
    page.context.scope_selected.emit(far, None)
    qtbot.waitUntil(lambda: page.copy_offer.isVisible(), timeout=WAIT_MS)
    assert page.comparison_label.text().startswith("城关镇还没有自己的专项行动。") and page.model.ranking is None
    page.copy_offer.open_dialog().accept()
    qtbot.waitUntil(lambda: page.model.ranking is not None and not page.is_busy(), timeout=WAIT_MS)
    assert column(page, NAME) == ["城东社区"] and not page.copy_offer.isVisible()
    assert page.model.ranking.result.campaign.id == campaigns.current(other).id
    home = organisation.village_ids_named("东村")[0]
    page.context.scope_selected.emit(home, None)
    qtbot.waitUntil(lambda: column(page, NAME)[:1] == ["东村"] and not page.is_busy(), timeout=WAIT_MS)
