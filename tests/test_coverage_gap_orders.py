"""A rectification order (限期整改) in one click from the coverage page's gap list: the order dialog drafted
from the gap (its village and site or member unit, its sentence, 15 days but within the campaign), issued
as one audited, undoable step; records placed at no site are no gap to order."""

from __future__ import annotations

import datetime as dt

from test_coverage_page import TODAY, choose, click, context, page, town  # noqa: F401 - fixtures

from outreach_desk.services import audit
from outreach_desk.services.coverage import gaps, periods
from outreach_desk.services.supervision import rectification
from outreach_desk.ui.supervision.order_dialogs import OrderDialog

D = dt.date


def _row_of(page, test) -> int:
    return next(row for row in range(page.detail.table.rowCount())
                if page.detail.gap_at(row) is not None and test(page.detail.gap_at(row)))


def _confirm(monkeypatch, seen: list, change=None) -> None:
    """The order dialog as the clerk confirms it (``change`` edits it first)."""
    def exec_(dialog):
        seen.append(dialog)
        if change is not None:
            change(dialog)
        return OrderDialog.DialogCode.Accepted

    monkeypatch.setattr(OrderDialog, "exec", exec_)


def test_an_order_for_a_site_gap_is_drafted_from_it_and_undone(qtbot, page, town, monkeypatch):
    choose(qtbot, page, periods.month(2026, 10))
    click(qtbot, page, "幸福社区", None)
    row = _row_of(page, lambda g: g.unit_type == "site" and g.unit_id == town["block"])
    gap = page.detail.gap_at(row)
    page.detail.table.selectRow(row)
    assert page.detail.order_button.isEnabled()
    seen: list = []
    _confirm(monkeypatch, seen)
    page.detail.order_button.click()
    dialog = seen[0]
    assert dialog.unit.value() == (town["xingfu"], town["block"], None)
    assert dialog.unit.site.currentText().startswith("幸福小区")
    (order,) = rectification.list_orders()
    assert (order.village_id, order.site_id, order.member_unit_id) == (town["xingfu"], town["block"], None)
    assert order.task == f"To put right: {gap.text}" and order.rule_key == gap.rule_key
    assert (order.issued, order.deadline, order.status) == (TODAY, D(2026, 12, 13), rectification.OPEN)
    assert [e.action for e in audit.history(rectification.RECORD_TYPE, order.id)] == [audit.CREATE]
    assert "due 2026-12-13" in page.status_label.text()
    page.context.undo_stack.undo()
    assert rectification.list_orders() == []
    page.context.undo_stack.redo()
    assert [o.id for o in rectification.list_orders()] == [order.id]
    assert [e.action for e in audit.history(rectification.RECORD_TYPE, order.id)] == [
        audit.CREATE, audit.DELETE, audit.RESTORE]


def test_the_context_menu_orders_a_member_units_gap_with_the_deadline_the_clerk_chose(qtbot, page, town,
                                                                                     monkeypatch):
    choose(qtbot, page, periods.month(2026, 10))
    click(qtbot, page, "平安镇 (total)", None)
    row = _row_of(page, lambda g: g.unit_type == "member_unit")
    gap = page.detail.gap_at(row)
    seen: list = []
    _confirm(monkeypatch, seen, lambda dialog: dialog.deadline.setDate(dialog.issued.date().addDays(7)))
    menu = page.detail.row_menu(row)
    order_action, copy_action = menu.actions()
    assert order_action.isEnabled()
    order_action.trigger()
    (order,) = rectification.list_orders()
    assert (order.village_id, order.site_id, order.member_unit_id) == (None, None, gap.unit_id)
    assert order.deadline == TODAY + dt.timedelta(days=7)
    assert not seen[0].unit.site.isEnabled()


def test_records_placed_at_no_site_give_no_order(qtbot, page, town):
    from outreach_desk.services import ledger, organisation

    banner = next(k.id for k in organisation.list_kinds() if k.code == "banner")
    ledger.create(ledger.ActivityInput(D(2026, 10, 5), town["xingfu"], banner, quantity=1))  # at no block
    choose(qtbot, page, periods.month(2026, 10))
    click(qtbot, page, "幸福社区", None)
    found = [g.kind for g in gaps.gap_list(page.model.result, village_id=town["xingfu"])]
    rows = [row for row, kind in enumerate(found) if kind == gaps.UNPLACED]
    assert rows and page.detail.table.rowCount() == len(found)
    for row in rows:
        page.detail.table.selectRow(row)
        assert page.detail.gap_at(row) is None and not page.detail.order_button.isEnabled()
        assert not page.detail.row_menu(row).actions()[0].isEnabled()


def test_a_gap_late_in_the_campaign_is_due_on_its_last_day():
    gap = gaps.Gap("k", "规则", "village", 1, "东村", 1, "东村", 1, "11月", D(2026, 11, 1), 0, 1, 1, 1.0, "东村：缺")
    draft = rectification.from_gap(gap, 1, issued=D(2026, 12, 20), campaign_end=D(2026, 12, 31))
    assert draft.deadline == D(2026, 12, 31) and draft.village_id == 1 and draft.site_id is None
    after = rectification.from_gap(gap, 1, issued=D(2027, 1, 5), campaign_end=D(2026, 12, 31))
    assert after.deadline == D(2027, 1, 20), "a campaign already over does not shorten the time"
