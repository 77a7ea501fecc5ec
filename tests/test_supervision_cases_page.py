"""The fraud-case page: the month's grid typed and saved as one undoable step, with the change beside it."""

from __future__ import annotations

import pytest

from outreach_desk.services.supervision import cases
from outreach_desk.ui.supervision import cases_page
from outreach_desk.ui.supervision.cases_page import CASES, CASES_YOY, LOSSES, NAME


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def page(qtbot, store, township):
    from outreach_desk.ui.shell.context import AppContext

    cases.save_month(township["township"], 2025, 11, {township["village1"]: cases.Figures(4, 1_000_000),
                                                      township["village2"]: cases.Figures(0, 0)})
    page = cases_page.CasesPage(AppContext(store.database))
    qtbot.addWidget(page)
    page.set_month(2026, 11)
    page.show()
    return page


def _type(page, row, column, text):
    page.table.item(row, column).setText(text)


def test_typing_saving_undo_and_redo(page, township):
    assert [page.table.item(r, NAME).text() for r in range(page.table.rowCount())] == [
        "太平村", "幸福社区", "未归属到村", "平安镇（合计）"]
    _type(page, 0, CASES, "1")
    _type(page, 0, LOSSES, "2500")
    _type(page, 1, CASES, "3")
    _type(page, 1, LOSSES, "1200.5")
    assert page.status.text() == "尚未保存。"
    assert page.save()
    stored = cases.month_figures(township["township"], 2026, 11)
    assert stored == {township["village1"]: cases.Figures(1, 250000), township["village2"]: cases.Figures(3, 120050)}
    assert page.table.item(0, CASES_YOY).text() == "下降 75.0%"
    assert page.table.item(1, CASES_YOY).text() == "由 0 增至 3"
    assert page.table.item(3, CASES).text() == "4"
    page.context.undo_stack.undo()
    assert cases.month_figures(township["township"], 2026, 11) == {}
    assert page.table.item(0, CASES).text() == ""
    page.context.undo_stack.redo()
    assert cases.month_figures(township["township"], 2026, 11)[township["village1"]].cases == 1


def test_a_figure_that_is_not_a_number_is_refused(page, township):
    _type(page, 0, CASES, "三")
    assert not page.save()
    assert "太平村" in page.status.text()
    assert cases.month_figures(township["township"], 2026, 11) == {}
