"""Inspections, rectification orders (overdue on the right day, audited, restorable) and decisions."""

from __future__ import annotations

import datetime as dt

import pytest
from test_supervision_rankings import build_small_town

from outreach_desk.services.supervision import inspections, rectification
from outreach_desk.services.supervision.rectification import DONE, IN_PROGRESS, OPEN, OVERDUE, OrderInput

D = dt.date


@pytest.fixture
def town(store):
    return build_small_town()


def _order(town, **changes) -> OrderInput:
    values = dict(township_id=town["township"], task="补齐宣传海报", issued=D(2026, 11, 15), deadline=D(2026, 11, 30),
                  village_id=town["中村"])
    values.update(changes)
    return OrderInput(**values)


def test_an_order_goes_overdue_the_day_after_its_deadline(town):
    order = rectification.get(rectification.create(_order(town)))
    assert order.state(D(2026, 11, 29)) == OPEN
    assert order.state(D(2026, 11, 30)) == OPEN  # the deadline day itself is still in time
    assert order.state(D(2026, 12, 1)) == OVERDUE
    rectification.update(order.id, _order(town, status=IN_PROGRESS))
    assert rectification.get(order.id).state(D(2026, 12, 1)) == OVERDUE
    rectification.close(order.id, D(2026, 12, 3), "已张贴 4 张，复查合格")
    closed = rectification.get(order.id)
    assert closed.status == DONE and closed.state(D(2027, 1, 1)) == DONE and closed.recheck_result.startswith("已张贴")


def test_filters_and_the_due_summary(town):
    late = rectification.create(_order(town, deadline=D(2026, 11, 20)))
    soon = rectification.create(_order(town, deadline=D(2026, 12, 5), village_id=town["东村"]))
    later = rectification.create(_order(town, deadline=D(2026, 12, 31), member_unit_id=town["police"],
                                        village_id=None))
    today = D(2026, 12, 1)
    summary = rectification.due_summary(town["township"], today)
    assert [o.id for o in summary.overdue] == [late] and [o.id for o in summary.due_this_week] == [soon]
    assert summary.open_count == 3
    overdue = rectification.list_orders(rectification.OrderFilter(states=(OVERDUE,), today=today))
    assert [o.id for o in overdue] == [late]
    by_unit = rectification.list_orders(rectification.OrderFilter(member_unit_id=town["police"], today=today))
    assert [(o.id, o.unit_name) for o in by_unit] == [(later, "和平派出所")]
    ordered = rectification.list_orders(rectification.OrderFilter(today=today))
    assert [o.id for o in ordered] == [late, soon, later]


def test_every_change_is_audited_and_a_delete_can_be_undone(town):
    from outreach_desk.services import audit

    order_id = rectification.create(_order(town))
    rectification.update(order_id, _order(town, task="补齐海报并拍照"))
    deleted = rectification.delete(order_id)
    assert rectification.list_orders() == []
    assert rectification.restore(deleted) == order_id
    assert rectification.get(order_id).task == "补齐海报并拍照"
    history = audit.history(rectification.RECORD_TYPE, order_id)
    assert [e.action for e in history][-4:] in (["create", "update", "delete", "restore"],
                                                ["restore", "delete", "update", "create"])


def test_bad_orders_are_refused(town):
    from outreach_desk.services.errors import ValidationError

    with pytest.raises(ValidationError, match="2026-11-01"):
        rectification.create(_order(town, deadline=D(2026, 11, 1)))
    with pytest.raises(ValidationError):
        rectification.create(_order(town, village_id=None))
    with pytest.raises(ValidationError):
        rectification.create(_order(town, status=DONE))  # done needs the re-inspection's date
    assert rectification.list_orders() == []


def test_an_order_straight_from_a_gap(town):
    from outreach_desk.services.coverage import campaigns, engine, gaps, periods

    result = engine.compute(periods.month(2026, 11), campaign=campaigns.get(town["campaign"]))
    gap = gaps.gap_list(result, village_id=town["中村"])[0]
    draft = rectification.from_gap(gap, town["township"], issued=D(2026, 12, 2))
    assert draft.deadline == D(2026, 12, 17) and draft.rule_key == gap.rule_key and gap.text in draft.task
    order = rectification.get(rectification.create(draft))
    assert order.village_name == "中村"


def test_the_export_marks_overdue_rows(town, tmp_path):
    from openpyxl import load_workbook

    rectification.create(_order(town, deadline=D(2026, 11, 20)))
    rectification.create(_order(town, deadline=D(2026, 12, 20), village_id=town["东村"], task="=HYPERLINK(1)"))
    path = rectification.export_xlsx(rectification.list_orders(rectification.OrderFilter(today=D(2026, 12, 1))),
                                     tmp_path / "督导 整改.xlsx", today=D(2026, 12, 1))
    sheet = load_workbook(path)["督导整改"]
    assert sheet["A2"].value == "中村" and sheet["A2"].fill.fgColor.rgb.endswith("F6BDB7")
    assert sheet["A3"].fill.fgColor.rgb in ("00000000", None)
    assert sheet["C3"].value == "=HYPERLINK(1)" and sheet["C3"].data_type == "s"


def test_inspections_and_decisions_prefilled_from_a_ranking(town):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision import rankings

    inspection_id = inspections.add_inspection(inspections.InspectionInput(
        town["township"], D(2026, 11, 20), "张三、李四", "宣传栏内容过期", village_id=town["中村"],
        rule_keys=("lectures",), outcome="限期整改"))
    record = inspections.get_inspection(inspection_id)
    assert record.rule_keys == ("lectures",)
    order_id = rectification.create(_order(town, inspection_id=inspection_id))
    assert rectification.get(order_id).inspection_id == inspection_id
    ranking = rankings.rank(periods.month(2026, 11), campaign=campaigns.get(town["campaign"]), mark_count=1)
    drafts = inspections.drafts_from_ranking(ranking, town["township"], D(2026, 12, 2))
    assert [(d.kind, d.village_id) for d in drafts] == [
        ("commend", town["东村"]), ("commend", town["西村"]), ("criticise", town["中村"])]
    assert "100.0%" in drafts[0].reason and drafts[0].figures["rank"] == 1
    decision_id = inspections.add_decision(drafts[2])
    listed = inspections.list_decisions(town["township"])
    assert [(d.id, d.name, d.kind) for d in listed] == [(decision_id, "中村", "criticise")]
    gone = inspections.delete_decision(decision_id)
    assert inspections.list_decisions() == []
    inspections.restore_decision(gone)
    assert inspections.list_decisions()[0].reason == drafts[2].reason
