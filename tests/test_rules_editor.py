"""The target rules editor on a real store: the default rules listed, switching a rule off,
quota expressions checked while typing and refused on Save, new rules, delete, restore defaults."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from outreach_desk.services import organisation, vocab
from outreach_desk.services.coverage import campaigns, rules
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.ui.campaign.rule_table import RulesTableModel
from outreach_desk.ui.campaign.rules_editor import RulesEditor
from waits import WAIT_MS

D = dt.date


@pytest.fixture
def context(store, qapp):
    from outreach_desk.ui.shell.context import AppContext

    return AppContext(store.database)


@pytest.fixture
def campaign_id(store):
    return campaigns.create(CampaignInfo(name="2026年反诈宣传专项行动", start=D(2026, 7, 1),
                                         end=D(2026, 12, 31)))


@pytest.fixture
def editor(qtbot, context, campaign_id):
    editor = RulesEditor(context)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def commit_text(widget, text: str) -> None:
    """Type text the way a Pinyin input method delivers it (keyClicks cannot send non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def cell(editor, row: int, column: int) -> str:
    return editor.model.index(row, column).data()


def row_of_key(editor, key: str) -> int:
    return next(row for row in range(editor.model.rowCount()) if editor.model.rule(row).key == key)


def stored(campaign_id: int, key: str) -> rules.Rule:
    return next(rule for rule in rules.list_rules(campaign_id) if rule.key == key)


def test_lists_the_default_rules_of_the_current_campaign(editor):
    defaults = rules.default_rules()
    assert editor.model.rowCount() == len(defaults)
    assert [cell(editor, row, RulesTableModel.NAME) for row in range(len(defaults))] == [r.name for r in defaults]
    poster = row_of_key(editor, "poster_per_entrance_elevator")
    assert cell(editor, poster, RulesTableModel.QUOTA) == "Entrances + Elevators"
    assert cell(editor, poster, RulesTableModel.APPLIES_TO) == "Residential block、Factory / enterprise"
    assert cell(editor, poster, RulesTableModel.KINDS) == next(k.name for k in organisation.list_kinds()
                                                                 if k.code == "poster")
    assert editor.model.index(poster, RulesTableModel.ENABLED).data(Qt.ItemDataRole.CheckStateRole) \
        == Qt.CheckState.Checked


def test_unchecking_a_rule_switches_it_off_in_the_store(qtbot, editor, context, campaign_id):
    changes = []
    context.data_changed.connect(changes.append)
    row = row_of_key(editor, "banner_per_block")
    index = editor.model.index(row, RulesTableModel.ENABLED)
    editor.table.setCurrentIndex(index)
    qtbot.keyClick(editor.table, Qt.Key.Key_Space)
    assert not stored(campaign_id, "banner_per_block").enabled
    assert changes == ["rules"]
    assert editor.model.index(row, RulesTableModel.ENABLED).data(Qt.ItemDataRole.CheckStateRole) \
        == Qt.CheckState.Unchecked
    qtbot.keyClick(editor.table, Qt.Key.Key_Space)
    assert stored(campaign_id, "banner_per_block").enabled


def test_unknown_attribute_is_named_while_typing_and_save_is_refused(qtbot, editor, campaign_id):
    editor.select_rule(stored(campaign_id, "poster_per_entrance_elevator").id)
    form = editor.edit_current()
    assert form.key_edit.isReadOnly() and form.key_edit.text() == "poster_per_entrance_elevator"
    assert "entrances" in form.quota_hint.text() and "students" in form.quota_hint.text()
    form.quota_edit.selectAll()
    qtbot.keyClicks(form.quota_edit, "entrances + lifts")
    qtbot.waitUntil(lambda: "lifts" in form.quota_status.text(), timeout=WAIT_MS)
    assert "entrances" in form.quota_status.text(), "the message lists the attributes that exist"

    qtbot.keyClick(form.quota_edit, Qt.Key.Key_Return)
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert stored(campaign_id, "poster_per_entrance_elevator").quota == "entrances + elevators"


def test_valid_expression_is_saved_in_canonical_form(qtbot, editor, context, campaign_id):
    changes = []
    context.data_changed.connect(changes.append)
    editor.select_rule(stored(campaign_id, "poster_per_entrance_elevator").id)
    form = editor.edit_current()
    form.quota_edit.selectAll()
    qtbot.keyClicks(form.quota_edit, f"{vocab.attribute_label('entrances')} + elevators * 2")  # a label or a code
    assert form.check_quota()
    qtbot.keyClick(form.quota_edit, Qt.Key.Key_Return)

    assert form.result() == form.DialogCode.Accepted
    assert stored(campaign_id, "poster_per_entrance_elevator").quota == "entrances + elevators * 2"
    assert changes == ["rules"]
    assert cell(editor, editor.table.currentIndex().row(), RulesTableModel.QUOTA) == "Entrances + Elevators * 2"


def test_village_rule_hint_and_member_unit_constant(qtbot, editor):
    form = editor.new_rule()
    form.applies_combo.setCurrentIndex(form.applies_combo.findData("member_unit"))
    assert "number" in form.quota_hint.text()
    form.quota_edit.setText("households")
    assert not form.check_quota()
    assert "households" in form.quota_status.text()
    form.applies_combo.setCurrentIndex(form.applies_combo.findData("village"))
    assert form.check_quota(), "villages do have households"


def test_new_rule_added_through_the_form(qtbot, editor, campaign_id):
    form = editor.new_rule()
    assert form.key_edit.text() == "custom_1" and not form.key_edit.isReadOnly()
    commit_text(form.name_edit, "每所学校至少开展1次反诈宣讲")
    form.applies_combo.setCurrentIndex(form.applies_combo.findData("site"))
    form.site_kinds.set_checked(["school"])
    form.measure_combo.setCurrentIndex(form.measure_combo.findData("records"))
    form.kinds.set_checked(["lecture"])
    form.quota_edit.setText("classes / 4")
    form.period_combo.setCurrentIndex(form.period_combo.findData("month"))
    qtbot.keyClick(form.period_combo, Qt.Key.Key_Return)  # Enter in a drop-down saves too

    assert form.result() == form.DialogCode.Accepted
    rule = stored(campaign_id, "custom_1")
    assert (rule.name_zh, rule.applies_to, rule.site_kinds, rule.measure, rule.kinds, rule.quota, rule.period,
            rule.enabled) == ("每所学校至少开展1次反诈宣讲", "site", ["school"], "records", ["lecture"],
                              "classes / 4", "month", True)
    assert editor.model.rowCount() == len(rules.default_rules()) + 1
    assert editor.current_rule().key == "custom_1"


def test_new_rule_missing_kinds_is_refused_beside_the_fields(qtbot, editor, campaign_id):
    form = editor.new_rule()
    form.site_kinds.set_checked([])
    assert not form.save()
    assert form.findChild(QLabel, "error_name").isVisible()
    assert form.findChild(QLabel, "error_site_kinds").isVisible()
    assert form.findChild(QLabel, "error_kinds").isVisible()
    assert len(rules.list_rules(campaign_id)) == len(rules.default_rules())


def test_delete_asks_and_removes(qtbot, editor, campaign_id, monkeypatch):
    editor.select_rule(stored(campaign_id, "prize_quiz_per_village").id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not editor.delete_current()
    assert "prize_quiz_per_village" in {r.key for r in rules.list_rules(campaign_id)}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert editor.delete_current()
    assert "prize_quiz_per_village" not in {r.key for r in rules.list_rules(campaign_id)}
    assert editor.model.rowCount() == len(rules.default_rules()) - 1


def test_restore_defaults_adds_back_only_the_missing_rules(qtbot, editor, campaign_id, monkeypatch):
    rules.delete(stored(campaign_id, "prize_quiz_per_village").id)
    edited = stored(campaign_id, "banner_per_block")
    rules.update(edited.id, rules.Rule(**{**edited.__dict__, "quota": "2"}))
    editor.reload()
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert editor.restore_defaults() == 1
    keys = [r.key for r in rules.list_rules(campaign_id)]
    assert sorted(keys) == sorted(r.key for r in rules.default_rules())
    assert stored(campaign_id, "banner_per_block").quota == "2", "edited rules stay as they are"
    assert editor.model.rowCount() == len(keys)
    assert editor.restore_defaults() == 0
    assert len(told) == 2


def test_chosen_campaign_and_no_campaign(qtbot, context, campaign_id):
    other = campaigns.create(CampaignInfo(name="Other", start=D(2027, 1, 1), end=D(2027, 6, 30)),
                             with_default_rules=False)
    editor = RulesEditor(context, campaign_id=other)
    qtbot.addWidget(editor)
    assert editor.campaign_id() == other and editor.model.rowCount() == 0
    editor.campaign_combo.setCurrentIndex(editor.campaign_combo.findData(campaign_id))
    assert editor.model.rowCount() == len(rules.default_rules())
    campaigns.delete(other)
    campaigns.delete(campaign_id)
    empty = RulesEditor(context)
    qtbot.addWidget(empty)
    assert not empty.new_button.isEnabled() and empty.new_rule() is None
    assert not empty.empty_label.isHidden()
