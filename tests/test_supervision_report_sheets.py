"""The monthly report's 排名, 督导整改, 表扬与批评 and 案件情况 sheets: the ranking's, the orders', the decisions'
and the cases' own figures."""

from __future__ import annotations

import datetime as dt

import pytest
from test_supervision_rankings import build_small_town

D = dt.date


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_the_report_carries_the_supervision_sheets(store, tmp_path):
    from openpyxl import load_workbook

    from outreach_desk.services.coverage import periods
    from outreach_desk.services.excel import report
    from outreach_desk.services.excel.report_form import ROW_HEIGHT, Signatures, wrapped_lines
    from outreach_desk.services.supervision import cases, inspections, rectification

    town = build_small_town()
    t = town["township"]
    cases.save_month(t, 2025, 11, {town["东村"]: cases.Figures(4, 1_000_000)})
    cases.save_month(t, 2026, 11, {town["东村"]: cases.Figures(1, 250_000), town["南村"]: cases.Figures(2, 10_192_600)})
    cases.save_month(t, 2026, 10, {town["南村"]: cases.Figures(0, 0)})
    rectification.create(rectification.OrderInput(t, "补齐讲座", D(2026, 11, 10), D(2026, 11, 30),
                                                  village_id=town["中村"]))
    for kind, decided, name, period, start, reason in (
            (inspections.CRITICISE, D(2026, 12, 2), "中村", "2026年11月", D(2026, 11, 1), "连续两月末位"),
            (inspections.COMMEND, D(2026, 11, 3), "东村", "2026年10月", D(2026, 10, 1), "10月达标指数第一"),
            (inspections.COMMEND, D(2026, 11, 20), "和平派出所", "", None, "主动开展进市场宣传"),
            (inspections.CRITICISE, D(2026, 6, 20), "西村", "2026年6月", D(2026, 6, 1), "行动开始前，不列入")):
        unit = town.get(name) if name != "和平派出所" else None
        inspections.add_decision(inspections.DecisionInput(t, kind, decided, reason, village_id=unit,
                                                           member_unit_id=None if unit else town["police"],
                                                           period_label=period, period_start=start))
    signatures = Signatures("和平镇综治办", "王五", "赵六", date=D(2026, 12, 3))
    result = report.build_report(tmp_path / "月报.xlsx", periods.month(2026, 11), signatures=signatures)
    workbook = load_workbook(result.path)
    assert workbook.sheetnames[-4:] == ["排名", "督导整改", "表扬与批评", "案件情况"]
    decided = [[c.value for c in row] for row in workbook["表扬与批评"].iter_rows(min_row=4, max_row=9)]
    assert [row[:3] + row[4:] for row in decided] == [
        ["本期的表扬和批评", None, None, None],
        [dt.datetime(2026, 12, 2), "批评", "中村", "连续两月末位"],
        [dt.datetime(2026, 11, 20), "表扬", "和平派出所", "主动开展进市场宣传"],
        ["本次专项行动此前的表扬和批评", None, None, None],
        [dt.datetime(2026, 11, 3), "表扬", "东村", "10月达标指数第一"],
        [None, None, None, None]]
    decisions = workbook["表扬与批评"]
    assert decided[1][3] == "2026年11月" and decisions.cell(5, 2).font.b and not decisions.cell(6, 2).font.b
    assert "A4:E4" in decisions.merged_cells and "A7:E7" in decisions.merged_cells
    ranking = workbook["排名"]
    rows = [[c.value for c in row] for row in ranking.iter_rows(min_row=4, max_row=8)]
    assert [(r[0], r[1], r[4]) for r in rows] == [(1, "东村", "↑2"), (1, "西村", "↑4"), (3, "南村", "↓2"),
                                                  (4, "北村", "↓3"), (5, "中村", "↓1")]
    assert rows[0][2] == 1.0 and rows[2][2] == 0.75
    orders = workbook["督导整改"]
    assert [c.value for c in orders[4]][:2] == ["中村", "中村"] and orders.cell(4, 6).value == "逾期"
    case_rows = {row[0].value: row for row in workbook["案件情况"].iter_rows(min_row=4) if row[0].value}
    assert case_rows["东村"][1].value == 1 and case_rows["东村"][5].value == "下降 75.0%"
    assert case_rows["西村"][1].value == "未报送"
    assert case_rows["和平镇"][1].value == 3
    sheet = workbook["案件情况"]
    assert case_rows["南村"][8].value == "由 0 增至 101,926"
    for row in (case_rows[name] for name in ("东村", "西村", "南村", "北村", "中村", "和平镇")):
        # 同比 and 环比 print on one line (a row of the default height)
        assert sheet.row_dimensions[row[0].row].height == ROW_HEIGHT
        for cell in row[5:9]:
            assert wrapped_lines(cell.value, sheet.column_dimensions[cell.column_letter].width) == 1
    one_line = workbook["活动台账"].row_dimensions[1].height
    assert one_line == 32, "a wide sheet's title fits on one line"
    assert ranking.row_dimensions[1].height > 1.5 * one_line, "the narrow ranking sheet's title wraps: room for it"


def test_a_month_without_decisions_says_so_and_lists_the_rankings_proposals_as_proposals(store, tmp_path):
    """No decision for November: a sentence says so, then the drafts the ranking makes (those the Supervision page
    would record), marked as proposals; an earlier decision still follows under its own heading."""
    from openpyxl import Workbook, load_workbook

    from outreach_desk.services.coverage import engine, periods
    from outreach_desk.services.excel.report_form import Signatures
    from outreach_desk.services.supervision import inspections, report_sheets

    town = build_small_town()
    inspections.add_decision(inspections.DecisionInput(town["township"], inspections.COMMEND, D(2026, 11, 3),
                                                       "10月达标指数第一", village_id=town["南村"],
                                                       period_label="2026年10月", period_start=D(2026, 10, 1)))
    workbook = Workbook(write_only=True)
    report_sheets.write(workbook, engine.compute(periods.month(2026, 11)),
                        Signatures("和平镇综治办", date=D(2026, 12, 3)), mark_count=1)
    workbook.save(tmp_path / "sheets.xlsx")
    rows = [[c for c in row] for row in load_workbook(tmp_path / "sheets.xlsx")["表扬与批评"].iter_rows(
        min_row=4, values_only=True)]
    assert [row[0] for row in rows[:3]] == ["本期的表扬和批评", "2026年11月无表彰、批评记录。",
                                            "按排名提出的建议（尚未作出决定，供领导参考）"]
    proposed = [row[:4] for row in rows[3:] if row[1] in ("建议表扬", "建议批评")]
    assert proposed == [[None, "建议表扬", "东村", "2026年11月"], [None, "建议表扬", "西村", "2026年11月"],
                        [None, "建议批评", "中村", "2026年11月"], [None, "建议表扬", "和平派出所", "2026年11月"],
                        [None, "建议批评", "和平法庭", "2026年11月"]]
    reasons = {row[2]: row[4] for row in rows if row[1] in ("建议表扬", "建议批评")}
    assert reasons["中村"] == "2026年11月：达标指数 0.0%，排名第 5（较上期↓1）"
    earlier = next(n for n, row in enumerate(rows) if row[0] == "本次专项行动此前的表扬和批评")
    assert rows[earlier + 1][1:3] == ["表扬", "南村"]
    assert any("建议按本期排名表扬前 1 名、批评后 1 名" in str(row[0]) for row in rows if row[0])
