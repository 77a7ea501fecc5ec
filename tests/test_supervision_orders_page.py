"""The supervision page (督导整改): orders issued, put right, deleted and undone; gaps to orders; decisions."""

from __future__ import annotations

import datetime as dt

import pytest
from test_supervision_rankings import build_small_town

from outreach_desk.services.supervision import inspections, rectification
from outreach_desk.ui.supervision import judged_day, orders_page
from outreach_desk.ui.supervision.orders_tab import DONE_COLOUR, OVERDUE_COLOUR

D = dt.date


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def page(qtbot, store, monkeypatch):
    from outreach_desk.ui.shell.context import AppContext

    town = build_small_town()
    monkeypatch.setattr(judged_day, "today", lambda: D(2026, 12, 2))
    page = orders_page.OrdersPage(AppContext(store.database))
    page.town = town
    qtbot.addWidget(page)
    page.show()
    return page


def _order(page, **changes):
    values = dict(township_id=page.town["township"], task="补齐讲座", issued=D(2026, 11, 15),
                  deadline=D(2026, 11, 30), village_id=page.town["中村"])
    values.update(changes)
    return rectification.OrderInput(**values)


def _cells(page, column):
    return [page.orders.table.item(r, column).text() for r in range(page.orders.table.rowCount())]


def test_an_overdue_order_is_red_and_undo_takes_it_back(page):
    assert page.orders.add_order(_order(page))
    assert page.orders.add_order(_order(page, deadline=D(2026, 12, 20), village_id=page.town["东村"]))
    assert _cells(page, 0) == ["中村", "东村"]
    assert _cells(page, 5) == ["逾期", "未整改"]
    assert page.orders.table.item(0, 2).background().color() == OVERDUE_COLOUR
    assert page.status.text() == "显示 2 份 · 逾期 1 份 · 7 天内到期 0 份"
    page.context.undo_stack.undo()
    assert _cells(page, 0) == ["中村"]
    page.context.undo_stack.redo()
    assert _cells(page, 0) == ["中村", "东村"]


def test_put_right_then_delete_and_undo(page):
    page.orders.add_order(_order(page))
    order = rectification.list_orders()[0]
    assert page.orders.put_right(order, D(2026, 12, 1), "复查合格")
    assert _cells(page, 5) == ["已整改"] and page.orders.table.item(0, 0).background().color() == DONE_COLOUR
    page.orders.select_row(0)
    assert page.orders.delete_order()
    assert page.orders.table.rowCount() == 0
    page.context.undo_stack.undo()
    assert _cells(page, 5) == ["已整改"] and rectification.list_orders()[0].id == order.id
    page.context.undo_stack.undo()
    assert _cells(page, 5) == ["逾期"]


def test_filters(page):
    page.orders.add_order(_order(page))
    page.orders.add_order(_order(page, deadline=D(2026, 12, 31), village_id=page.town["东村"]))
    page.orders.filters.state_filter.setCurrentIndex(page.orders.filters.state_filter.findData(rectification.OVERDUE))
    assert _cells(page, 0) == ["中村"]
    page.orders.filters.state_filter.setCurrentIndex(0)
    page.orders.filters.village_filter.setCurrentIndex(page.orders.filters.village_filter.findData(page.town["东村"]))
    assert _cells(page, 0) == ["东村"]
    page.orders.filters.village_filter.setCurrentIndex(0)
    page.orders.filters.week_only.setChecked(True)
    assert _cells(page, 0) == ["中村"]


def test_orders_from_the_gap_list_are_reviewed_row_by_row_then_issued_in_one_step(page, qtbot):
    from PySide6.QtCore import QDate, Qt

    from outreach_desk.ui.supervision.order_drafts import DEADLINE, TASK, DraftOrdersDialog, names_of

    gaps = [g for g in page.orders.month_gaps() if g.village_name == "中村"]
    assert len(gaps) == 2
    dialog = DraftOrdersDialog(page.town["township"], page.orders.gap_drafts(gaps), [names_of(g) for g in gaps], page,
                               today=D(2026, 12, 2))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()                                    # nothing is issued unticked
    assert dialog.table.item(0, 0).text() == "中村"
    assert dialog.table.item(0, TASK).text() == f"{gaps[0].text}。请按期整改到位。"
    assert dialog.table.item(0, DEADLINE).data(Qt.ItemDataRole.DisplayRole) == QDate(2026, 12, 17)
    dialog.tick_all(True)
    dialog.table.item(0, TASK).setText("补办一场讲座")
    dialog.table.item(0, DEADLINE).setData(Qt.ItemDataRole.EditRole, QDate(2026, 12, 10))
    assert ok.text() == "下达 2 份整改通知"
    dialog.tick(1, False)
    assert ok.text() == "下达 1 份整改通知"
    chosen = dialog.chosen()
    assert [(d.task, d.deadline, d.village_id) for d in chosen] == [("补办一场讲座", D(2026, 12, 10),
                                                                     page.town["中村"])]
    bad = [chosen[0], dialog.draft(1)]
    bad[1].task = " "
    assert not page.orders.add_orders_from_gaps(bad) and page.orders.table.rowCount() == 0   # one bad draft refuses all
    assert page.orders.add_orders_from_gaps([chosen[0], dialog.draft(1)])
    assert _cells(page, 2) == ["补办一场讲座", f"{gaps[1].text}。请按期整改到位。"]
    assert _cells(page, 4) == ["2026-12-10", "2026-12-17"]
    page.context.undo_stack.undo()
    assert page.orders.table.rowCount() == 0 and rectification.list_orders() == []


def test_decisions_from_the_ranking_and_an_inspection(page, tmp_path):
    from openpyxl import load_workbook

    page.context.settings.setValue("supervision/mark_count", 1)
    assert page.decisions.decisions_from_ranking()
    kinds = [page.decisions.table.item(r, 1).text() for r in range(page.decisions.table.rowCount())]
    assert sorted(kinds) == ["批评", "批评", "表扬", "表扬", "表扬"]              # 中村 and 和平法庭 criticised
    whom = [page.decisions.table.item(r, 2).text() for r in range(page.decisions.table.rowCount())]
    assert {"和平派出所", "和平法庭"} <= set(whom)
    assert page.inspections.add_inspection(inspections.InspectionInput(
        page.town["township"], D(2026, 12, 1), "张三", "专栏未更新", village_id=page.town["南村"]))
    assert page.inspections.table.item(0, 2).text() == "南村"
    page.orders.add_order(_order(page))
    path = page.orders.export(tmp_path / "督导整改.xlsx")
    assert load_workbook(path)["督导整改"]["A2"].value == "中村"


def test_the_dashboards_orders_tile_shows_the_orders_due_or_overdue_in_every_village(page):
    page.orders.add_order(_order(page))                                                       # overdue
    page.orders.add_order(_order(page, deadline=D(2026, 12, 6), village_id=page.town["东村"]))   # due within 7 days
    page.orders.add_order(_order(page, deadline=D(2026, 12, 31)))                             # later
    done = _order(page, deadline=D(2026, 12, 3), village_id=page.town["东村"])
    page.orders.add_order(done)
    order = next(o for o in rectification.list_orders() if o.deadline == D(2026, 12, 3))
    page.orders.put_right(order, D(2026, 12, 1), "复查合格")
    page.orders.filters.village_filter.setCurrentIndex(page.orders.filters.village_filter.findData(page.town["中村"]))
    page.focus_on(orders_page.DUE_ORDERS)
    assert sorted(zip(_cells(page, 0), _cells(page, 4))) == [("东村", "2026-12-06"), ("中村", "2026-11-30")]
    assert page.orders.filters.week_only.isChecked() and page.orders.filters.village_filter.currentIndex() == 0
    page.focus_on("something else")
    assert page.orders.table.rowCount() == 2


def test_filters_by_member_unit_and_deadline_range_and_the_export_keeps_them(page, tmp_path):
    from openpyxl import load_workbook

    page.orders.add_order(_order(page))                                                            # 中村, 11-30
    page.orders.add_order(_order(page, village_id=None, member_unit_id=page.town["police"], deadline=D(2026, 12, 8)))
    page.orders.add_order(_order(page, village_id=None, member_unit_id=page.town["court"], deadline=D(2026, 12, 20)))
    page.orders.add_order(_order(page, deadline=D(2026, 12, 31), village_id=page.town["东村"]))
    page.orders.filters.unit_filter.setCurrentIndex(page.orders.filters.unit_filter.findData(page.town["police"]))
    assert _cells(page, 0) == ["和平派出所"]
    page.orders.filters.unit_filter.setCurrentIndex(0)
    page.orders.filters.deadline_from.setDate(D(2026, 12, 5))
    page.orders.filters.deadline_to.setDate(D(2026, 12, 25))
    assert _cells(page, 0) == ["和平派出所", "和平法庭"]
    page.orders.filters.week_only.setChecked(True)                                   # and within 7 days
    assert _cells(page, 0) == ["和平派出所"]
    page.orders.filters.week_only.setChecked(False)
    page.orders.filters.state_filter.setCurrentIndex(page.orders.filters.state_filter.findData(rectification.OPEN))
    sheet = load_workbook(page.orders.export(tmp_path / "督导整改.xlsx"))["督导整改"]
    assert [sheet.cell(row, 1).value for row in range(2, 4)] == ["和平派出所", "和平法庭"]
    assert [sheet.cell(row, 1).value for row in range(5, 8)] == [
        "导出的整改通知按以下条件筛选：", "状态：未整改", "期限：2026-12-05 至 2026-12-25"]
    page.focus_on(orders_page.DUE_ORDERS)                                                   # the tile clears them
    filters = page.orders.filters
    assert filters.deadline_from.date().toPython() < D(2000, 1, 1) and filters.unit_filter.currentIndex() == 0
    assert _cells(page, 0) == ["中村", "和平派出所"]


def test_an_order_on_a_site_or_a_member_unit_keeps_it_when_changed(qtbot, page):
    from outreach_desk.services import organisation
    from outreach_desk.ui.supervision.order_dialogs import OrderDialog

    block = organisation.load_tree().sites[page.town["东村"]][0].id
    page.orders.add_order(_order(page, village_id=page.town["东村"], site_id=block))
    page.orders.add_order(_order(page, village_id=None, member_unit_id=page.town["court"], deadline=D(2026, 12, 20)))
    for order in rectification.list_orders():
        dialog = OrderDialog(page.town["township"], order, page, today=D(2026, 12, 2))
        qtbot.addWidget(dialog)
        assert dialog.unit.value() == (order.village_id, order.site_id, order.member_unit_id)
        page.orders.change_order(order, dialog.value())
    assert _cells(page, 0) == ["东村小区", "和平法庭"] and _cells(page, 1) == ["东村", ""]


def test_an_order_from_an_inspection_names_it_and_what_it_found(qtbot, page, monkeypatch):
    from outreach_desk.services import organisation
    from outreach_desk.ui.supervision.order_dialogs import OrderDialog

    block = organisation.load_tree().sites[page.town["东村"]][0].id
    assert page.inspections.add_inspection(inspections.InspectionInput(page.town["township"], D(2026, 11, 28), "张三",
                                                           "出入口未张贴海报。", village_id=page.town["东村"],
                                                           site_id=block, rule_keys=("posters",)))
    assert not page.inspections.order_button.isEnabled()
    page.inspections.table.selectRow(0)
    assert page.inspections.order_button.isEnabled()
    monkeypatch.setattr(OrderDialog, "exec", lambda dialog: OrderDialog.DialogCode.Accepted)
    assert page.inspections.order_from_inspection()
    (order,) = rectification.list_orders()
    record = inspections.list_inspections()[0]
    assert (order.inspection_id, order.village_id, order.site_id, order.rule_key) == (
        record.id, page.town["东村"], block, "posters")
    assert (order.task, order.issued, order.deadline) == ("出入口未张贴海报。请按期整改到位。", D(2026, 12, 2),
                                                          D(2026, 12, 17))
    page.context.undo_stack.undo()
    assert rectification.list_orders() == []


def test_orders_from_the_gap_list_late_in_the_campaign_are_due_on_its_last_day(page, monkeypatch):
    monkeypatch.setattr(judged_day, "today", lambda: D(2026, 12, 20))
    gaps = [g for g in page.orders.month_gaps() if g.village_name == "中村"]
    assert gaps and page.orders.add_orders_from_gaps(page.orders.gap_drafts(gaps))
    assert {o.deadline for o in rectification.list_orders()} == {D(2026, 12, 31)}


def test_a_commendation_written_by_hand_is_recorded_deleted_and_undone(qtbot, page, monkeypatch):
    from outreach_desk.ui.supervision.order_dialogs import DecisionDialog

    dialog = DecisionDialog(page.town["township"], page, today=D(2026, 12, 2))
    qtbot.addWidget(dialog)
    assert not dialog.unit.site.isVisibleTo(dialog)
    dialog.unit.unit.setCurrentIndex(dialog.unit.unit.findText("和平派出所"))
    dialog.period.setText("2026年11月")
    dialog.reason.setPlainText("主动进市场开展宣传")
    data = dialog.value()
    assert (data.kind, data.village_id, data.member_unit_id, data.decided) == (
        inspections.COMMEND, None, page.town["police"], D(2026, 12, 2))
    monkeypatch.setattr(DecisionDialog, "exec", lambda _dialog: DecisionDialog.DialogCode.Accepted)
    monkeypatch.setattr(DecisionDialog, "value", lambda _dialog: data)
    assert page.decisions.new_decision()
    row = [page.decisions.table.item(0, c).text() for c in range(5)]
    assert row == ["2026-12-02", "表扬", "和平派出所", "2026年11月", "主动进市场开展宣传"]
    data.reason = " "
    assert not page.decisions.add_decision(data) and page.status.text() == "请填写理由。"
    page.decisions.table.selectRow(0)
    assert page.decisions.delete_decision() and page.decisions.table.rowCount() == 0
    page.context.undo_stack.undo()
    assert page.decisions.table.rowCount() == 1
    page.context.undo_stack.undo()
    assert inspections.list_decisions() == []


def test_a_draft_from_the_gap_list_can_name_another_responsible_unit(page, qtbot, monkeypatch):
    from outreach_desk.ui.supervision.order_dialogs import OrderDialog
    from outreach_desk.ui.supervision.order_drafts import DraftOrdersDialog, names_of

    gaps = [g for g in page.orders.month_gaps() if g.village_name == "中村"][:1]
    dialog = DraftOrdersDialog(page.town["township"], page.orders.gap_drafts(gaps), [names_of(g) for g in gaps], page,
                               today=D(2026, 12, 2))
    qtbot.addWidget(dialog)

    def accept_with_the_court(order_dialog):
        order_dialog.unit.set_value(None, member_unit_id=page.town["court"])
        return OrderDialog.DialogCode.Accepted

    monkeypatch.setattr(OrderDialog, "exec", accept_with_the_court)
    assert dialog.change(0)
    assert (dialog.table.item(0, 0).text(), dialog.table.item(0, 1).text()) == ("和平法庭", "")
    (draft,) = dialog.chosen()                                   # changing a row ticks it
    assert (draft.village_id, draft.member_unit_id) == (None, page.town["court"])


def test_the_gap_list_button_issues_what_the_clerk_ticked(page, monkeypatch):
    from outreach_desk.ui.supervision.order_drafts import DraftOrdersDialog

    def tick_the_first(dialog):
        dialog.tick(0)
        return DraftOrdersDialog.DialogCode.Accepted

    monkeypatch.setattr(DraftOrdersDialog, "exec", tick_the_first)
    page.orders.buttons["gaps"].click()
    assert len(rectification.list_orders()) == 1 and page.orders.table.rowCount() == 1
    assert page.context.undo_stack.undoText() == "下达整改通知"


def test_the_draft_list_shows_only_the_rows_searched_for_and_ticks_those(page, qtbot):
    from outreach_desk.ui.supervision.order_drafts import DraftOrdersDialog, names_of

    gaps = page.orders.month_gaps()
    dialog = DraftOrdersDialog(page.town["township"], page.orders.gap_drafts(gaps), [names_of(g) for g in gaps],
                               page, today=D(2026, 12, 2))
    qtbot.addWidget(dialog)
    dialog.find.setText("中村")
    shown = [row for row in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(row)]
    assert len(shown) == 2 < len(gaps)
    dialog.tick_all(True)
    assert dialog.ticked_rows() == shown
    assert {d.village_id for d in dialog.chosen()} == {page.town["中村"]}


def test_records_placed_at_no_site_are_no_draft_order(page):
    from outreach_desk.services import ledger, organisation
    from outreach_desk.services.coverage import engine, gaps, periods
    from outreach_desk.services.coverage.engine import Scope

    poster = next(kind.id for kind in organisation.list_kinds() if kind.code == "poster")
    ledger.create(ledger.ActivityInput(D(2026, 11, 6), page.town["东村"], poster, quantity=2))  # no block named
    listed = page.orders.month_gaps()
    assert listed and all(g.kind in gaps.ORDERABLE for g in listed)
    every = gaps.gap_list(engine.compute(periods.month(2026, 11), scope=Scope(township_id=page.town["township"])))
    assert any(g.kind == gaps.UNPLACED for g in every)           # the hint the draft list leaves out


def test_ticked_rows_the_search_hides_are_counted_before_issuing(page, monkeypatch):
    """Ticks stay when the search changes: the OK button and a line under the table say how many of the ticked
    rows are hidden, and the page issues all of them (what the clerk was told)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from outreach_desk.ui.supervision.order_drafts import DraftOrdersDialog

    seen = {}

    def tick_under_two_searches(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.find.setText("中村")
        dialog.tick_all(True)
        seen["one search"] = (ok.text(), dialog.hidden_note.isHidden())
        dialog.find.setText("南村")
        dialog.tick_all(True)
        south = seen["south"] = len([r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)])
        seen["two searches"] = (ok.text(), dialog.hidden_note.isHidden(), dialog.hidden_note.text())
        dialog.find.clear()
        seen["cleared"] = (ok.text(), dialog.hidden_note.isHidden())
        dialog.find.setText("南村")
        assert len(dialog.ticked_rows()) == south + 2
        return DraftOrdersDialog.DialogCode.Accepted

    monkeypatch.setattr(DraftOrdersDialog, "exec", tick_under_two_searches)
    page.orders.buttons["gaps"].click()
    south = seen["south"]
    assert south >= 1
    assert seen["one search"] == ("下达 2 份整改通知", True)
    assert seen["two searches"] == (f"下达 {south + 2} 份整改通知（另有 2 份未显示）", False,
                                    "已勾选的行中有 2 行被搜索条件隐藏，也会一并下达；清除搜索即可查看。")
    assert seen["cleared"] == (f"下达 {south + 2} 份整改通知", True)
    issued = rectification.list_orders()
    assert len(issued) == south + 2
    assert {o.village_id for o in issued} == {page.town["中村"], page.town["南村"]}
