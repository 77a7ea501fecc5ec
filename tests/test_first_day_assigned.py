"""Per-unit assigned targets (任务数): defined once, a number per village or site, used in a quota.

A rule's quota ``assigned("APP注册")`` is the number each village was given; coverage, the gap list
and the report treat it like any other quota, and a village given no number is not assessed.
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def test_the_quota_grammar_reads_assigned_targets_in_both_spellings():
    from outreach_desk.services.coverage import expression

    node = expression.parse('assigned("APP注册") * 2', "village")
    assert node.text() == 'assigned("APP注册") * 2' and not expression.is_constant(node)
    assert expression.parse('任务数（“APP注册”）', "site").text() == 'assigned("APP注册")'
    assert node.evaluate({"assigned:APP注册": 40}) == 80 and node.evaluate({}) == 0
    for bad, applies_to in (('assigned("APP注册")', "member_unit"), ("assigned(APP注册)", "village"),
                            ('assigned("")', "village")):
        with pytest.raises(expression.ExpressionError):
            expression.parse(bad, applies_to)


def test_numbers_are_set_changed_and_taken_away_with_an_audit_entry_each(township):
    from outreach_desk.services import assigned_targets as assigned
    from outreach_desk.services.errors import ValidationError
    from outreach_desk.store.models import AuditLog

    target = assigned.define("APP注册", "人")
    assert assigned.define(" APP注册 ", "") == target and assigned.list_targets()[0].label == "APP注册（人）"
    assert assigned.set_number(target, "village", township["village1"], 50)
    assert not assigned.set_number(target, "village", township["village1"], 50)
    assert assigned.set_number(target, "village", township["village1"], 60)
    assert assigned.set_number(target, "site", township["block"], 20)
    assert assigned.numbers(target) == {(target, "village", township["village1"]): 60,
                                        (target, "site", township["block"]): 20}
    assert assigned.set_number(target, "site", township["block"], None)
    with pytest.raises(ValidationError):
        assigned.set_number(target, "village", township["village1"], -1)
    with pytest.raises(ValidationError):
        assigned.define('APP"注册"')
    kinds = [row[0] for row in AuditLog.select(AuditLog.record_type).order_by(AuditLog.id).tuples()]
    assert kinds[-5:] == ["assigned_target", "assigned_number", "assigned_number", "assigned_number",
                          "assigned_number"]


def test_coverage_gap_list_and_report_use_the_assigned_number_like_any_quota(township, tmp_path):
    from openpyxl import load_workbook

    from outreach_desk.services import assigned_targets as assigned
    from outreach_desk.services import ledger
    from outreach_desk.services.coverage import campaigns, engine, gaps, periods
    from outreach_desk.services.excel import report

    campaigns.create(campaigns.CampaignInfo("APP推广", D(2026, 11, 1), D(2026, 12, 31), is_current=True,
                                            phases=campaigns.default_phases(D(2026, 11, 1), D(2026, 12, 31))))
    target = assigned.define("APP注册", "人")
    assigned.set_number(target, "village", township["village1"], 50)
    assigned.set_number(target, "village", township["village2"], 20)
    kind = township["kinds"]["app_registration"]
    ledger.create(ledger.ActivityInput(D(2026, 11, 5), township["village1"], kind, quantity=30))
    ledger.create(ledger.ActivityInput(D(2026, 11, 6), township["village2"], kind, quantity=25))
    month = periods.parse_month("2026-11")
    result = engine.compute(month, campaign=campaigns.require_current())
    by_village = {u.unit_id: u for u in result.units if u.rule_key == "app_registration_assigned"}
    taiping, xingfu = by_village[township["village1"]], by_village[township["village2"]]
    assert (taiping.assessments[0].quota, taiping.assessments[0].measure, taiping.status) == (50, 30, "unmet")
    assert (xingfu.assessments[0].quota, xingfu.status) == (20, "met")
    assert taiping.fulfilment == pytest.approx(0.6)
    (gap,) = [g for g in gaps.gap_list(result) if g.rule_key == "app_registration_assigned"]
    assert gap.missing == 20 and "APP注册" in gap.text and "50" in gap.text
    written = report.build_report(tmp_path / "月报.xlsx", month)
    workbook = load_workbook(written.path, read_only=True)
    try:
        texts = [c for row in workbook["问题清单"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    finally:
        workbook.close()
    assert any("APP注册" in t and "50" in t for t in texts)


def test_the_window_defines_a_target_and_gives_villages_and_sites_their_numbers(qtbot, township, db_path, tmp_path):
    from PySide6.QtCore import QSettings

    from outreach_desk.services import assigned_targets as assigned
    from outreach_desk.ui.org.tree import OrgTreePanel
    from outreach_desk.ui.shell.context import AppContext

    context = AppContext(db_path, "en", settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    panel = OrgTreePanel(context)
    qtbot.addWidget(panel)
    assert panel.assigned_action in panel.menu_actions()
    dialog = panel.open_assigned_targets()
    assert not dialog.table.isEnabled()  # no target yet
    dialog.name_edit.setText("APP注册")
    dialog.unit_edit.setText("人")
    dialog.define_button.click()
    assert dialog.target_combo.currentText() == "APP注册（人）" and dialog.table.isEnabled()
    rows = {dialog.table.item(r, 0).text().strip(): r for r in range(dialog.table.rowCount())}
    dialog.table.item(rows["太平村"], 1).setText("50")
    dialog.table.item(rows["幸福小区"], 1).setText("1,200")
    changes = []
    context.data_changed.connect(changes.append)
    dialog.save()
    target = assigned.find("APP注册").id
    assert assigned.numbers(target) == {(target, "village", township["village1"]): 50,
                                        (target, "site", township["block"]): 1200}
    assert changes == ["organisation"]
    dialog.table.item(rows["太平村"], 1).setText("")
    dialog.save()
    assert assigned.numbers(target) == {(target, "site", township["block"]): 1200}
